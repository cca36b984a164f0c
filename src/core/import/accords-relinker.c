/* accords-relinker.c: keeps the stored news linked by the current gazetteer and agreements, in the background */
#define G_LOG_DOMAIN "accords-relinker"

#include "config.h"

#include "accords-error.h"
#include "accords-import-linker.h"
#include "accords-relinker.h"
#include "accords-util.h"
#include "accords-store-links.h"

/* Edits come in bursts (each field of a form): wait for the last one */
#define CHECK_DELAY_MS 500
/* Another connection held the database longer than the busy timeout */
#define RETRY_DELAY_S 10

struct _AccordsRelinker
{
  GObject          parent_instance;

  AccordsStore    *store;
  AccordsIsoCodes *iso_codes;
  gulong           changed_id;
  guint            check_source;
  GCancellable    *cancellable;   /* of the run under way */
  gboolean         running;
  gboolean         again;         /* check once more when the run ends */
  double           fraction;
};

G_DEFINE_FINAL_TYPE (AccordsRelinker, accords_relinker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FRACTION,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
accords_relinker_dispose (GObject *object)
{
  AccordsRelinker *self = (AccordsRelinker *) object;

  accords_relinker_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->iso_codes);

  G_OBJECT_CLASS (accords_relinker_parent_class)->dispose (object);
}

static void
accords_relinker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordsRelinker *self = ACCORDS_RELINKER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_relinker_class_init (AccordsRelinkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_relinker_dispose;
  object_class->get_property = accords_relinker_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordsRelinker::finished:
   * @n_items: how many items were linked again
   * @error: (nullable): why the check failed
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_POINTER);
}

static void
accords_relinker_init (AccordsRelinker *self)
{
}

AccordsRelinker *
accords_relinker_new (AccordsStore    *store,
                      AccordsIsoCodes *iso_codes)
{
  AccordsRelinker *self;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);

  self = g_object_new (ACCORDS_TYPE_RELINKER, NULL);
  /* held, not borrowed: a run may end after whoever made us is gone */
  self->store = g_object_ref (store);
  self->iso_codes = g_object_ref (iso_codes);
  return self;
}

static void
set_running (AccordsRelinker *self,
             gboolean         running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_fraction (AccordsRelinker *self,
              double           fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* ------------------------------------------------------------ the worker */

typedef struct {
  char            *path;
  AccordsIsoCodes *iso_codes;
  GMainContext    *context;
  AccordsRelinker *relinker;   /* a reference, for the progress messages */
  double           last_fraction;
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->path);
  g_object_unref (data->iso_codes);
  g_main_context_unref (data->context);
  g_object_unref (data->relinker);
  g_free (data);
}

typedef struct {
  AccordsRelinker *relinker;
  double           fraction;
} Progress;

static gboolean
deliver_progress_cb (gpointer user_data)
{
  Progress *p = user_data;

  if (p->relinker->running)
    set_fraction (p->relinker, p->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *p = user_data;

  g_object_unref (p->relinker);
  g_free (p);
}

/* In the worker: at most one message per percent */
static void
worker_progress_cb (double   fraction,
                    gpointer user_data)
{
  RunData *data = user_data;
  Progress *p;

  if (fraction - data->last_fraction < 0.01 && fraction < 1.0)
    return;
  data->last_fraction = fraction;
  p = g_new0 (Progress, 1);
  p->relinker = g_object_ref (data->relinker);
  p->fraction = fraction;
  accords_run_in_context (data->context, G_PRIORITY_DEFAULT_IDLE, deliver_progress_cb, p, progress_free,
                          "[accords] relink progress");
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsLinker) linker = NULL;
  GError *error = NULL;
  AccordsRelinkStats stats = { 0 };

  store = accords_store_open_worker (data->path, &error);
  if (store != NULL)
    linker = accords_import_new_linker (store, data->iso_codes, &error);
  if (linker == NULL ||
      !accords_store_relink (store, linker, FALSE, worker_progress_cb, data, cancellable, &stats, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (stats.n_items > 0)
    g_debug ("Linked %u news items again (%u country links, %u agreement links)",
             stats.n_items, stats.n_countries, stats.n_suggestions);
  g_task_return_int (task, stats.n_items);
}

static void start_run (AccordsRelinker *self);

static gboolean
retry_cb (gpointer user_data)
{
  AccordsRelinker *self = user_data;

  self->check_source = 0;
  accords_relinker_check (self);
  return G_SOURCE_REMOVE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AccordsRelinker *self = ACCORDS_RELINKER (object);
  g_autoptr(GError) error = NULL;
  gssize n_items = g_task_propagate_int (G_TASK (result), &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  gboolean again;

  g_clear_object (&self->cancellable);
  /* the last progress message may still be on its way */
  if (error == NULL)
    set_fraction (self, 1.0);
  set_running (self, FALSE);

  /* this connection's listeners reload what they show */
  if (n_items > 0 && self->store != NULL)
    accords_store_emit_changed (self->store, ACCORDS_STORE_CHANGE_LINKS);

  if (g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_BUSY))
    {
      /* another writer held the database too long: later, from where it stopped */
      g_debug ("Linking the news items again: %s; trying again in %d s", error->message, RETRY_DELAY_S);
      if (self->store != NULL && self->check_source == 0)
        self->check_source = g_timeout_add_seconds (RETRY_DELAY_S, retry_cb, self);
    }
  else if (error != NULL && !cancelled)
    g_warning ("Linking the news items again: %s", error->message);
  /* a check that came while this ran runs now, before the listeners hear
   * of this run: they see that more is under way */
  again = self->again && self->store != NULL;
  self->again = FALSE;
  if (again)
    start_run (self);
  if (!cancelled || !again)
    g_signal_emit (self, signals[FINISHED], 0, (guint) MAX (n_items, 0), cancelled ? NULL : error);
}

static void
start_run (AccordsRelinker *self)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_assert (!self->running);

  data = g_new0 (RunData, 1);
  data->path = g_strdup (accords_store_get_path (self->store));
  data->iso_codes = g_object_ref (self->iso_codes);
  data->context = g_main_context_ref_thread_default ();
  data->relinker = g_object_ref (self);
  data->last_fraction = -1.0;

  self->cancellable = g_cancellable_new ();
  set_fraction (self, 0.0);
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/* ------------------------------------------------------------ following */

static gboolean
delayed_check_cb (gpointer user_data)
{
  AccordsRelinker *self = user_data;

  self->check_source = 0;
  accords_relinker_check (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (AccordsStore    *store,
                  guint            what,
                  AccordsRelinker *self)
{
  if (!(what & ACCORDS_STORE_CHANGE_AGREEMENTS))
    return;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, delayed_check_cb, self);
}

void
accords_relinker_start (AccordsRelinker *self)
{
  g_return_if_fail (ACCORDS_IS_RELINKER (self));
  g_return_if_fail (self->store != NULL);

  if (self->changed_id == 0)
    self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  accords_relinker_check (self);
}

void
accords_relinker_check (AccordsRelinker *self)
{
  g_return_if_fail (ACCORDS_IS_RELINKER (self));
  g_return_if_fail (self->store != NULL);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->running)
    {
      /* what runs may be working for a linker that is no longer: it stops
       * after its chunk, and the next run carries on or starts over */
      self->again = TRUE;
      g_cancellable_cancel (self->cancellable);
      return;
    }
  start_run (self);
}

void
accords_relinker_stop (AccordsRelinker *self)
{
  g_return_if_fail (ACCORDS_IS_RELINKER (self));

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->again = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
accords_relinker_get_running (AccordsRelinker *self)
{
  g_return_val_if_fail (ACCORDS_IS_RELINKER (self), FALSE);
  return self->running;
}

double
accords_relinker_get_fraction (AccordsRelinker *self)
{
  g_return_val_if_fail (ACCORDS_IS_RELINKER (self), 0.0);
  return self->fraction;
}
