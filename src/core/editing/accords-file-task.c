/* accords-file-task.c: work on a file in a worker thread, with a connection of its own */
#define G_LOG_DOMAIN "accords-file-task"

#include "config.h"

#include "accords-file-task.h"

typedef struct {
  char                *db_path;
  GFile               *file;
  AccordsFileTaskFunc  func;
  gpointer             job;
  GDestroyNotify       job_free;
} FileTask;

static void
file_task_free (FileTask *ft)
{
  g_free (ft->db_path);
  g_object_unref (ft->file);
  if (ft->job_free != NULL)
    ft->job_free (ft->job);
  g_free (ft);
}

static void
file_task_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileTask *ft = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open_worker (ft->db_path, &error);

  if (store == NULL || !ft->func (task, store, ft->file, ft->job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
}

void
accords_file_task_run (GTask               *task,
                       AccordsStore        *store,
                       GFile               *file,
                       AccordsFileTaskFunc  func,
                       gpointer             job,
                       GDestroyNotify       job_free)
{
  FileTask *ft;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  ft = g_new0 (FileTask, 1);
  ft->db_path = g_strdup (accords_store_get_path (store));
  ft->file = g_object_ref (file);
  ft->func = func;
  ft->job = job;
  ft->job_free = job_free;
  g_task_set_task_data (task, ft, (GDestroyNotify) file_task_free);
  g_task_run_in_thread (task, file_task_thread);
}

void
accords_file_task_start (AccordsStore        *store,
                         GFile               *file,
                         AccordsFileTaskFunc  func,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  accords_file_task_run (task, store, file, func, NULL, NULL);
}
