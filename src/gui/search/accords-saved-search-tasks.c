/* accords-saved-search-tasks.c: saved searches read and written off the main thread */
#define G_LOG_DOMAIN "accords-saved-search-tasks"

#include "config.h"

#include "accords-saved-search-tasks.h"

typedef enum {
  EDIT_ADD,
  EDIT_RENAME,
  EDIT_REMOVE,
} EditKind;

/* What a task needs in its thread: nothing shared with the main one */
typedef struct {
  char              *db_path;
  EditKind           kind;
  char              *name;
  char              *new_name;   /* EDIT_ADD: the query */
  AccordsItemFilter  filter;
  char              *strings[4];
} SavedSearchJob;

static void
saved_search_job_free (SavedSearchJob *job)
{
  g_free (job->db_path);
  g_free (job->name);
  g_free (job->new_name);
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_free (job);
}

static SavedSearchJob *
saved_search_job_new (AccordsStore *store,
                      EditKind      kind)
{
  SavedSearchJob *job = g_new0 (SavedSearchJob, 1);

  job->db_path = g_strdup (accords_store_get_path (store));
  job->kind = kind;
  return job;
}

/* Runs in whichever thread cancels: SQLite allows that */
static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  sqlite3_interrupt (db);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SavedSearchJob *job = task_data;
  g_autoptr(AccordsStore) store = NULL;
  GPtrArray *searches = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = accords_store_open_worker (job->db_path, &error);
  if (store != NULL)
    {
      /* the list is dropped anyway: stop counting at once */
      gulong handler = cancellable == NULL ? 0
                       : g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb),
                                                accords_store_get_db (store), NULL);

      searches = accords_saved_search_list (store, TRUE, &error);
      if (handler != 0)
        g_cancellable_disconnect (cancellable, handler);
    }
  if (searches == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, searches, (GDestroyNotify) g_ptr_array_unref);
}

void
accords_saved_search_list_async (AccordsStore        *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_saved_search_list_async);
  g_task_set_task_data (task, saved_search_job_new (store, EDIT_ADD), (GDestroyNotify) saved_search_job_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
accords_saved_search_list_finish (AccordsStore  *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SavedSearchJob *job = task_data;
  g_autoptr(AccordsStore) store = NULL;
  GError *error = NULL;
  gboolean done = FALSE;

  store = accords_store_open_worker (job->db_path, &error);
  if (store != NULL)
    switch (job->kind)
      {
      case EDIT_ADD:
        done = accords_saved_search_add (store, job->name, job->new_name, &job->filter, &error);
        break;
      case EDIT_RENAME:
        done = accords_saved_search_rename (store, job->name, job->new_name, &error);
        break;
      case EDIT_REMOVE:
      default:
        done = accords_saved_search_remove (store, job->name, &error);
        break;
      }
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the main thread: tell the listeners, then the caller */
static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      accords_store_emit_changed (ACCORDS_STORE (object), ACCORDS_STORE_CHANGE_SEARCHES);
      g_task_return_boolean (outer, TRUE);
    }
  else
    g_task_return_error (outer, error);
}

static void
run_edit (AccordsStore        *store,
          SavedSearchJob      *job,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, NULL, edit_done_cb,
                                      g_task_new (store, NULL, callback, user_data));

  g_task_set_source_tag (task, run_edit);
  g_task_set_task_data (task, job, (GDestroyNotify) saved_search_job_free);
  g_task_run_in_thread (task, edit_thread);
}

void
accords_saved_search_add_async (AccordsStore            *store,
                                const char              *name,
                                const char              *query,
                                const AccordsItemFilter *filter,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  SavedSearchJob *job;

  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (name != NULL);

  job = saved_search_job_new (store, EDIT_ADD);
  job->name = g_strdup (name);
  job->new_name = g_strdup (query ? query : "");
  if (filter != NULL)
    {
      job->filter = *filter;
      job->filter.query = NULL;
      job->filter.country = job->strings[0] = g_strdup (filter->country);
      job->filter.agreement = job->strings[1] = g_strdup (filter->agreement);
      job->filter.since = job->strings[2] = g_strdup (filter->since);
      job->filter.until = job->strings[3] = g_strdup (filter->until);
    }
  run_edit (store, job, callback, user_data);
}

void
accords_saved_search_rename_async (AccordsStore        *store,
                                   const char          *name,
                                   const char          *new_name,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SavedSearchJob *job;

  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (name != NULL);

  job = saved_search_job_new (store, new_name != NULL ? EDIT_RENAME : EDIT_REMOVE);
  job->name = g_strdup (name);
  job->new_name = g_strdup (new_name);
  run_edit (store, job, callback, user_data);
}

gboolean
accords_saved_search_edit_finish (AccordsStore  *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
