/* accords-searcher.c: a search that follows typing: debounced, off the main thread, stale results dropped */
#define G_LOG_DOMAIN "accords-searcher"

#include "config.h"

#include "accords-searcher.h"
#include "accords-util.h"

#define DEFAULT_DELAY_MS 150

struct _AccordsSearcher
{
  GObject               parent_instance;

  AccordsStore         *store;
  guint                 limit;
  guint                 delay_ms;
  char                 *query;
  AccordsItemFilter     filter;       /* its strings are owned: see filter_strings */
  char                 *filter_strings[4];
  guint                 timeout_source;
  GCancellable         *cancellable;
  guint                 generation;   /* of the latest query: results of others are stale */
  gboolean              running;
  AccordsSearchResults *results;
  guint                 n_started;
  guint                 n_dropped;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordsSearcher, accords_searcher, G_TYPE_OBJECT)

/* What one search needs in its thread: nothing shared with the main one */
typedef struct {
  char              *db_path;
  char              *query;
  AccordsItemFilter  filter;
  char              *strings[4];
  guint              limit;
  guint              generation;
  gint64             run_us;       /* in the worker: opening its connection and searching */
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_free (job->db_path);
  g_free (job->query);
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_free (job);
}

/* Copies filter into *copy, its strings into strings (owned by the caller) */
static void
copy_filter (const AccordsItemFilter *filter,
             AccordsItemFilter       *copy,
             char                    *strings[4])
{
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&strings[i], g_free);
  *copy = (AccordsItemFilter) { 0 };
  if (filter == NULL)
    return;
  *copy = *filter;
  copy->query = NULL;
  copy->country = strings[0] = g_strdup (filter->country);
  copy->agreement = strings[1] = g_strdup (filter->agreement);
  copy->since = strings[2] = g_strdup (filter->since);
  copy->until = strings[3] = g_strdup (filter->until);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
get_busy (AccordsSearcher *self)
{
  return self->timeout_source != 0 || self->running;
}

static void
set_running (AccordsSearcher *self,
             gboolean         running)
{
  gboolean was_busy = get_busy (self);

  self->running = running;
  if (was_busy != get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Runs in whichever thread cancels: SQLite allows that */
static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  sqlite3_interrupt (db);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  g_autoptr(AccordsStore) store = NULL;
  AccordsSearchResults *results = NULL;
  GError *error = NULL;

  gint64 start = g_get_monotonic_time ();

  /* typing went on while this waited for a thread */
  if (g_task_return_error_if_cancelled (task))
    return;
  store = accords_store_open_worker (job->db_path, &error);
  if (store != NULL)
    {
      /* a stale query stops at once rather than keep its thread */
      gulong handler = cancellable == NULL ? 0
                       : g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb),
                                                accords_store_get_db (store), NULL);

      results = accords_search_run (store, job->query, &job->filter, job->limit, &error);
      if (handler != 0)
        g_cancellable_disconnect (cancellable, handler);
    }
  job->run_us = g_get_monotonic_time () - start;
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) accords_search_results_free);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AccordsSearcher *self = ACCORDS_SEARCHER (object);
  SearchJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsSearchResults) results = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 shown_us;

  if (job->generation != self->generation)
    {
      /* a later query is pending or running: these answer a question no one asks any more */
      self->n_dropped++;
      g_debug ("“%s”: dropped, %.1f ms in a worker", job->query, job->run_us / 1000.0);
      return;
    }
  g_clear_object (&self->cancellable);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_running (self, FALSE);
      return;
    }
  if (error != NULL)
    g_warning ("Searching for “%s”: %s", job->query, error->message);
  g_clear_pointer (&self->results, accords_search_results_free);
  self->results = g_steal_pointer (&results);
  set_running (self, FALSE);
  shown_us = g_get_monotonic_time ();
  g_signal_emit (self, signals[FINISHED], 0, error);
  shown_us = g_get_monotonic_time () - shown_us;
  g_debug ("“%s”: %.1f ms in a worker, %.1f ms on the main thread to show", job->query,
           job->run_us / 1000.0, shown_us / 1000.0);
}

static void
start_search (AccordsSearcher *self)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job = g_new0 (SearchJob, 1);

  job->db_path = g_strdup (accords_store_get_path (self->store));
  job->query = g_strdup (self->query);
  copy_filter (&self->filter, &job->filter, job->strings);
  job->limit = self->limit;
  job->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  self->n_started++;
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  g_task_run_in_thread (task, search_thread);
}

static gboolean
delay_done_cb (gpointer user_data)
{
  AccordsSearcher *self = user_data;

  self->timeout_source = 0;
  if (is_blank (self->query))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      g_signal_emit (self, signals[FINISHED], 0, NULL);
      return G_SOURCE_REMOVE;
    }
  self->running = TRUE;   /* busy all along: no notification */
  start_search (self);
  return G_SOURCE_REMOVE;
}

static void
accords_searcher_dispose (GObject *object)
{
  AccordsSearcher *self = (AccordsSearcher *) object;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_searcher_parent_class)->dispose (object);
}

static void
accords_searcher_finalize (GObject *object)
{
  AccordsSearcher *self = (AccordsSearcher *) object;

  g_free (self->query);
  for (guint i = 0; i < G_N_ELEMENTS (self->filter_strings); i++)
    g_free (self->filter_strings[i]);
  g_clear_pointer (&self->results, accords_search_results_free);

  G_OBJECT_CLASS (accords_searcher_parent_class)->finalize (object);
}

static void
accords_searcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordsSearcher *self = ACCORDS_SEARCHER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_searcher_class_init (AccordsSearcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_searcher_dispose;
  object_class->finalize = accords_searcher_finalize;
  object_class->get_property = accords_searcher_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The latest query's results are there (or it failed: the GError, else NULL) */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
accords_searcher_init (AccordsSearcher *self)
{
  self->delay_ms = DEFAULT_DELAY_MS;
}

AccordsSearcher *
accords_searcher_new (AccordsStore *store,
                      guint         limit)
{
  AccordsSearcher *self;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  self = g_object_new (ACCORDS_TYPE_SEARCHER, NULL);
  self->store = g_object_ref (store);
  self->limit = limit;
  return self;
}

void
accords_searcher_set_delay (AccordsSearcher *self,
                            guint            delay_ms)
{
  g_return_if_fail (ACCORDS_IS_SEARCHER (self));
  self->delay_ms = delay_ms;
}

void
accords_searcher_set_query (AccordsSearcher         *self,
                            const char              *query,
                            const AccordsItemFilter *filter)
{
  gboolean was_busy;

  g_return_if_fail (ACCORDS_IS_SEARCHER (self));

  was_busy = get_busy (self);
  self->generation++;
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->running = FALSE;
  g_clear_pointer (&self->results, accords_search_results_free);
  accords_set_str (&self->query, query);
  copy_filter (filter, &self->filter, self->filter_strings);

  /* a blank query waits too: "changed" passes through "" as text is replaced */
  self->timeout_source = g_timeout_add (self->delay_ms, delay_done_cb, self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

const char *
accords_searcher_get_query (AccordsSearcher *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCHER (self), NULL);
  return self->query;
}

const AccordsSearchResults *
accords_searcher_get_results (AccordsSearcher *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCHER (self), NULL);
  return self->results;
}

gboolean
accords_searcher_get_busy (AccordsSearcher *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCHER (self), FALSE);
  return get_busy (self);
}

guint
accords_searcher_get_n_started (AccordsSearcher *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCHER (self), 0);
  return self->n_started;
}

guint
accords_searcher_get_n_dropped (AccordsSearcher *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCHER (self), 0);
  return self->n_dropped;
}
