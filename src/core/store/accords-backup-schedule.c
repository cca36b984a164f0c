/* accords-backup-schedule.c: a backup a day while the app runs */
#define G_LOG_DOMAIN "accords-backup-schedule"

#include "config.h"

#include "accords-backup-schedule.h"
#include "accords-backup.h"
#include "accords-store.h"

/* Checking hourly makes the backup within an hour of being due, even when
 * the machine slept through the moment */
#define CHECK_SECONDS 3600

struct _AccordsBackupSchedule
{
  GObject       parent_instance;

  char         *db_path;
  guint         timeout_id;
  GCancellable *running;   /* the check on the worker, when there is one */
};

G_DEFINE_FINAL_TYPE (AccordsBackupSchedule, accords_backup_schedule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

enum {
  CHECKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
accords_backup_schedule_dispose (GObject *object)
{
  AccordsBackupSchedule *self = (AccordsBackupSchedule *) object;

  accords_backup_schedule_stop (self);

  G_OBJECT_CLASS (accords_backup_schedule_parent_class)->dispose (object);
}

static void
accords_backup_schedule_finalize (GObject *object)
{
  AccordsBackupSchedule *self = (AccordsBackupSchedule *) object;

  g_free (self->db_path);

  G_OBJECT_CLASS (accords_backup_schedule_parent_class)->finalize (object);
}

static void
accords_backup_schedule_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AccordsBackupSchedule *self = ACCORDS_BACKUP_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_backup_schedule_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AccordsBackupSchedule *self = ACCORDS_BACKUP_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_free (self->db_path);
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_backup_schedule_class_init (AccordsBackupScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_backup_schedule_dispose;
  object_class->finalize = accords_backup_schedule_finalize;
  object_class->get_property = accords_backup_schedule_get_property;
  object_class->set_property = accords_backup_schedule_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordsBackupSchedule::checked:
   * @path: (nullable): the backup made, or NULL when none was due or it failed
   */
  signals[CHECKED] =
    g_signal_new ("checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
accords_backup_schedule_init (AccordsBackupSchedule *self)
{
}

AccordsBackupSchedule *
accords_backup_schedule_new (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_object_new (ACCORDS_TYPE_BACKUP_SCHEDULE, "db-path", db_path, NULL);
}

const char *
accords_backup_schedule_get_db_path (AccordsBackupSchedule *self)
{
  g_return_val_if_fail (ACCORDS_IS_BACKUP_SCHEDULE (self), NULL);
  return self->db_path;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(AccordsStore) store = NULL;
  GError *error = NULL;
  char *path;

  /* another process may have made today's backup meanwhile */
  if (!accords_backup_is_due (db_path, now) || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  store = accords_store_open_worker (db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  path = accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error);
  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AccordsBackupSchedule *self = ACCORDS_BACKUP_SCHEDULE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean stopped = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  if (g_task_get_cancellable (G_TASK (result)) == self->running)
    g_clear_object (&self->running);
  if (error != NULL)
    g_warning ("Cannot make the daily backup of %s: %s", self->db_path, error->message);
  if (!stopped)
    g_signal_emit (self, signals[CHECKED], 0, path);
}

void
accords_backup_schedule_check (AccordsBackupSchedule *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_BACKUP_SCHEDULE (self));

  if (self->running != NULL)
    return;
  self->running = g_cancellable_new ();
  task = g_task_new (self, self->running, check_done_cb, NULL);
  g_task_set_source_tag (task, accords_backup_schedule_check);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  accords_backup_schedule_check (user_data);
  return G_SOURCE_CONTINUE;
}

void
accords_backup_schedule_start (AccordsBackupSchedule *self)
{
  g_return_if_fail (ACCORDS_IS_BACKUP_SCHEDULE (self));

  if (self->timeout_id != 0)
    return;
  self->timeout_id = g_timeout_add_seconds (CHECK_SECONDS, timeout_cb, self);
  accords_backup_schedule_check (self);
}

void
accords_backup_schedule_stop (AccordsBackupSchedule *self)
{
  g_return_if_fail (ACCORDS_IS_BACKUP_SCHEDULE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->running != NULL)
    {
      g_cancellable_cancel (self->running);
      g_clear_object (&self->running);
    }
}
