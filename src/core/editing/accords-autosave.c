/* accords-autosave.c: saves a note's text shortly after typing stops */
#define G_LOG_DOMAIN "accords-autosave"

#include "config.h"

#include "accords-autosave.h"
#include "accords-store-notes.h"

#define DEFAULT_DELAY_MS    750
#define DEFAULT_MAX_WAIT_MS 1000

struct _AccordsAutosave
{
  GObject       parent_instance;

  AccordsStore *store;
  char         *db_path;
  gint64        note_id;
  guint         delay_ms;
  guint         max_wait_ms;
  GMainContext *context;

  char         *text;          /* the latest text */
  guint64       generation;    /* bumped by each new text */
  gint64        first_dirty;   /* monotonic µs of the first change not yet being saved, or 0 */
  GSource      *timer;
  gboolean      in_flight;
  gboolean      again;         /* the timer fired during a save */
  gboolean      pending;

  /* Shared with the worker thread */
  GMutex        lock;
  AccordsStore *writer;        /* its own connection */
  guint64       saved_generation;
};

G_DEFINE_FINAL_TYPE (AccordsAutosave, accords_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DELAY,
  PROP_MAX_WAIT,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char    *text;
  guint64  generation;
  gboolean wrote;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->text);
  g_free (job);
}

static void start_save (AccordsAutosave *self);

static void
set_pending (AccordsAutosave *self,
             gboolean         pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
update_pending (AccordsAutosave *self)
{
  guint64 saved;

  g_mutex_lock (&self->lock);
  saved = self->saved_generation;
  g_mutex_unlock (&self->lock);
  set_pending (self, self->generation > saved);
}

static void
cancel_timer (AccordsAutosave *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

/* Writes text as the given generation unless something newer is already
 * saved.  Called with the lock held, on any thread. */
static gboolean
write_locked (AccordsAutosave  *self,
              const char       *text,
              guint64           generation,
              char            **updated,
              gboolean         *wrote,
              GError          **error)
{
  *wrote = FALSE;
  if (generation <= self->saved_generation)
    return TRUE;
  if (self->writer == NULL)
    {
      self->writer = accords_store_open_worker (self->db_path, error);
      if (self->writer == NULL)
        return FALSE;
    }
  if (!accords_store_save_note_body (self->writer, self->note_id, text, updated, error))
    return FALSE;
  self->saved_generation = generation;
  *wrote = TRUE;
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AccordsAutosave *self = source_object;
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;
  char *updated = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = write_locked (self, job->text, job->generation, &updated, &job->wrote, &error);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_task_return_pointer (task, updated, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AccordsAutosave *self = ACCORDS_AUTOSAVE (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean wrote = job->wrote;

  self->in_flight = FALSE;
  update_pending (self);

  if (error != NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
  else if (wrote)
    g_signal_emit (self, signals[SAVED], 0, updated);

  /* text that came in while saving: its timer may already have fired */
  if (error == NULL && self->again)
    {
      self->again = FALSE;
      if (self->pending)
        start_save (self);
    }
}

static void
start_save (AccordsAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (self->in_flight)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->text = g_strdup (self->text);
  job->generation = self->generation;

  self->in_flight = TRUE;
  self->first_dirty = 0;

  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
timer_cb (gpointer user_data)
{
  AccordsAutosave *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (AccordsAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 due;

  if (self->first_dirty == 0)
    self->first_dirty = now;
  due = MIN (now + (gint64) self->delay_ms * 1000,
             self->first_dirty + (gint64) self->max_wait_ms * 1000);

  cancel_timer (self);
  self->timer = g_timeout_source_new ((guint) (MAX (due - now, 0) / 1000));
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_set_static_name (self->timer, "[accords] autosave");
  g_source_attach (self->timer, self->context);
}

static void
accords_autosave_dispose (GObject *object)
{
  AccordsAutosave *self = (AccordsAutosave *) object;
  g_autoptr(GError) error = NULL;

  /* whoever drops the last reference without flushing still gets the text saved */
  if (self->store != NULL && !accords_autosave_flush (self, &error))
    g_warning ("Saving note %" G_GINT64_FORMAT ": %s", self->note_id, error->message);
  cancel_timer (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_autosave_parent_class)->dispose (object);
}

static void
accords_autosave_finalize (GObject *object)
{
  AccordsAutosave *self = (AccordsAutosave *) object;

  g_clear_object (&self->writer);
  g_mutex_clear (&self->lock);
  g_free (self->text);
  g_free (self->db_path);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (accords_autosave_parent_class)->finalize (object);
}

static void
accords_autosave_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordsAutosave *self = ACCORDS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;

    case PROP_MAX_WAIT:
      g_value_set_uint (value, self->max_wait_ms);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_autosave_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AccordsAutosave *self = ACCORDS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      accords_autosave_set_delay (self, g_value_get_uint (value));
      break;

    case PROP_MAX_WAIT:
      accords_autosave_set_max_wait (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_autosave_class_init (AccordsAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_autosave_dispose;
  object_class->finalize = accords_autosave_finalize;
  object_class->get_property = accords_autosave_get_property;
  object_class->set_property = accords_autosave_set_property;

  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_WAIT] =
    g_param_spec_uint ("max-wait", NULL, NULL, 0, 60000, DEFAULT_MAX_WAIT_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordsAutosave::saved:
   * @updated: the note's modification time, ISO 8601 UTC
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * AccordsAutosave::failed:
   * @error: why the text could not be saved; it stays pending
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
accords_autosave_init (AccordsAutosave *self)
{
  g_mutex_init (&self->lock);
  self->delay_ms = DEFAULT_DELAY_MS;
  self->max_wait_ms = DEFAULT_MAX_WAIT_MS;
  self->context = g_main_context_ref_thread_default ();
}

AccordsAutosave *
accords_autosave_new (AccordsStore *store,
                      gint64        note_id,
                      const char   *saved_text)
{
  AccordsAutosave *self;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  self = g_object_new (ACCORDS_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->db_path = g_strdup (accords_store_get_path (store));
  self->note_id = note_id;
  self->text = g_strdup (saved_text ? saved_text : "");
  return self;
}

gint64
accords_autosave_get_note_id (AccordsAutosave *self)
{
  g_return_val_if_fail (ACCORDS_IS_AUTOSAVE (self), 0);
  return self->note_id;
}

guint
accords_autosave_get_delay (AccordsAutosave *self)
{
  g_return_val_if_fail (ACCORDS_IS_AUTOSAVE (self), 0);
  return self->delay_ms;
}

void
accords_autosave_set_delay (AccordsAutosave *self,
                            guint            delay_ms)
{
  g_return_if_fail (ACCORDS_IS_AUTOSAVE (self));

  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

guint
accords_autosave_get_max_wait (AccordsAutosave *self)
{
  g_return_val_if_fail (ACCORDS_IS_AUTOSAVE (self), 0);
  return self->max_wait_ms;
}

void
accords_autosave_set_max_wait (AccordsAutosave *self,
                               guint            max_wait_ms)
{
  g_return_if_fail (ACCORDS_IS_AUTOSAVE (self));

  if (self->max_wait_ms == max_wait_ms)
    return;
  self->max_wait_ms = max_wait_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WAIT]);
}

void
accords_autosave_set_text (AccordsAutosave *self,
                           const char      *body)
{
  g_return_if_fail (ACCORDS_IS_AUTOSAVE (self));

  if (g_strcmp0 (self->text, body ? body : "") == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (body ? body : "");
  self->generation++;
  set_pending (self, TRUE);
  schedule (self);
}

gboolean
accords_autosave_get_pending (AccordsAutosave *self)
{
  g_return_val_if_fail (ACCORDS_IS_AUTOSAVE (self), FALSE);
  return self->pending;
}

gboolean
accords_autosave_flush (AccordsAutosave  *self,
                        GError          **error)
{
  g_autofree char *updated = NULL;
  gboolean ok, wrote = FALSE;

  g_return_val_if_fail (ACCORDS_IS_AUTOSAVE (self), FALSE);

  cancel_timer (self);
  self->first_dirty = 0;
  g_mutex_lock (&self->lock);
  ok = write_locked (self, self->text, self->generation, &updated, &wrote, error);
  g_mutex_unlock (&self->lock);

  update_pending (self);
  if (wrote)
    g_signal_emit (self, signals[SAVED], 0, updated);
  return ok;
}

void
accords_autosave_discard (AccordsAutosave *self)
{
  g_return_if_fail (ACCORDS_IS_AUTOSAVE (self));

  cancel_timer (self);
  self->first_dirty = 0;
  g_mutex_lock (&self->lock);
  /* a save already under way finds itself outdated and writes nothing */
  self->saved_generation = ++self->generation;
  g_mutex_unlock (&self->lock);
  update_pending (self);
}
