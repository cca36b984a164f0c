/* accords-history.c: the undo and redo stacks of a window's edits */
#define G_LOG_DOMAIN "accords-history"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-error.h"
#include "accords-history.h"

/* Enough to walk back through an afternoon's work */
#define MAX_DEPTH 200

typedef enum {
  RUN_PUSH,
  RUN_UNDO,
  RUN_REDO,
} RunKind;

typedef struct {
  AccordsHistory *history;   /* the outer task's source object keeps it */
  RunKind         kind;
  AccordsCommand *command;   /* chosen when the run starts */
  char           *path;
} Run;

struct _AccordsHistory
{
  GObject       parent_instance;

  AccordsStore *store;
  GQueue        undo;      /* AccordsCommand, newest first */
  GQueue        redo;
  GQueue        pending;   /* GTask, waiting for the one running */
  GTask        *running;
  /* the worker thread's connection; only a running task touches it */
  AccordsStore *worker;
};

G_DEFINE_FINAL_TYPE (AccordsHistory, accords_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_BUSY,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
run_free (Run *run)
{
  g_clear_object (&run->command);
  g_free (run->path);
  g_free (run);
}

static void
notify_all (AccordsHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, g_object_unref);
}

static void
accords_history_dispose (GObject *object)
{
  AccordsHistory *self = (AccordsHistory *) object;

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_history_parent_class)->dispose (object);
}

static void
accords_history_finalize (GObject *object)
{
  AccordsHistory *self = (AccordsHistory *) object;

  /* tasks hold a reference to us: none can be running or pending here */
  g_assert (self->running == NULL && g_queue_is_empty (&self->pending));
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (accords_history_parent_class)->finalize (object);
}

static void
accords_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordsHistory *self = ACCORDS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, accords_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, accords_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, accords_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, accords_history_get_redo_label (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, accords_history_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_history_class_init (AccordsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_history_dispose;
  object_class->finalize = accords_history_finalize;
  object_class->get_property = accords_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordsHistory::done:
   * @command: the command
   * @reverted: TRUE when it was undone
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ACCORDS_TYPE_COMMAND, G_TYPE_BOOLEAN);
}

static void
accords_history_init (AccordsHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  g_queue_init (&self->pending);
}

AccordsHistory *
accords_history_new (AccordsStore *store)
{
  AccordsHistory *self;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  self = g_object_new (ACCORDS_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
accords_history_get_can_undo (AccordsHistory *self)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
accords_history_get_can_redo (AccordsHistory *self)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

const char *
accords_history_get_undo_label (AccordsHistory *self)
{
  AccordsCommand *command;

  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), NULL);
  command = g_queue_peek_head (&self->undo);
  return command ? accords_command_get_label (command) : NULL;
}

const char *
accords_history_get_redo_label (AccordsHistory *self)
{
  AccordsCommand *command;

  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), NULL);
  command = g_queue_peek_head (&self->redo);
  return command ? accords_command_get_label (command) : NULL;
}

gboolean
accords_history_get_busy (AccordsHistory *self)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  return self->running != NULL;
}

/* The stacks move only once the store did */
static void
record (AccordsHistory *self,
        RunKind         kind,
        AccordsCommand *command)
{
  switch (kind)
    {
    case RUN_PUSH:
      g_queue_push_head (&self->undo, g_object_ref (command));
      clear_queue (&self->redo);
      while (g_queue_get_length (&self->undo) > MAX_DEPTH)
        g_object_unref (g_queue_pop_tail (&self->undo));
      break;

    case RUN_UNDO:
      g_queue_push_head (&self->redo, g_object_ref (command));
      if (g_queue_remove (&self->undo, command))
        g_object_unref (command);
      break;

    case RUN_REDO:
      g_queue_push_head (&self->undo, g_object_ref (command));
      if (g_queue_remove (&self->redo, command))
        g_object_unref (command);
      break;

    default:
      g_assert_not_reached ();
    }
  notify_all (self);
  g_signal_emit (self, signals[DONE], 0, command, kind == RUN_UNDO);
}

static AccordsCommand *
choose (AccordsHistory  *self,
        RunKind          kind,
        GError         **error)
{
  AccordsCommand *command = NULL;

  if (kind == RUN_UNDO)
    command = g_queue_peek_head (&self->undo);
  else if (kind == RUN_REDO)
    command = g_queue_peek_head (&self->redo);
  if (command == NULL)
    g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                         kind == RUN_UNDO ? _("There is nothing to undo") : _("There is nothing to redo"));
  return command;
}

static gboolean
execute (AccordsStore    *store,
         RunKind          kind,
         AccordsCommand  *command,
         GError         **error)
{
  if (kind == RUN_UNDO)
    return accords_command_revert (command, store, error);
  return accords_command_apply (command, store, error);
}

gboolean
accords_history_push (AccordsHistory  *self,
                      AccordsCommand  *command,
                      GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_COMMAND (command), FALSE);

  if (!execute (self->store, RUN_PUSH, command, error))
    return FALSE;
  record (self, RUN_PUSH, command);
  return TRUE;
}

static gboolean
step_sync (AccordsHistory  *self,
           RunKind          kind,
           GError         **error)
{
  AccordsCommand *command = choose (self, kind, error);

  if (command == NULL || !execute (self->store, kind, command, error))
    return FALSE;
  record (self, kind, command);
  return TRUE;
}

gboolean
accords_history_undo (AccordsHistory  *self,
                      GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  return step_sync (self, RUN_UNDO, error);
}

gboolean
accords_history_redo (AccordsHistory  *self,
                      GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), FALSE);
  return step_sync (self, RUN_REDO, error);
}

/* asynchronous runs */

static void start_next (AccordsHistory *self);

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  AccordsHistory *self = run->history;
  g_autoptr(GError) error = NULL;

  if (self->worker == NULL)
    self->worker = accords_store_open_worker (run->path, &error);
  if (self->worker == NULL || !execute (self->worker, run->kind, run->command, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AccordsHistory *self = g_task_get_source_object (outer);
  Run *run = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  g_assert (self->running == outer);
  g_clear_object (&self->running);

  /* the other connection wrote: whatever shows the store reloads */
  accords_store_emit_changed (self->store, accords_command_get_change_flags (run->command));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      notify_all (self);
      g_task_return_error (outer, g_steal_pointer (&error));
    }
  else
    {
      record (self, run->kind, run->command);
      g_task_return_pointer (outer, g_object_ref (run->command), g_object_unref);
    }
  start_next (self);
}

static void
start_next (AccordsHistory *self)
{
  GTask *outer;
  Run *run;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;

  if (self->running != NULL)
    return;

  while ((outer = g_queue_pop_head (&self->pending)) != NULL)
    {
      run = g_task_get_task_data (outer);
      if (run->command == NULL)
        {
          AccordsCommand *chosen = choose (self, run->kind, &error);
          run->command = chosen ? g_object_ref (chosen) : NULL;
        }
      if (run->command != NULL)
        break;
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
    }
  if (outer == NULL)
    {
      notify_all (self);
      return;
    }

  self->running = g_object_ref (outer);
  notify_all (self);
  /* no source object: the worker thread may drop the inner task last, and
   * only the outer task, finished on this thread, should hold us */
  inner = g_task_new (NULL, NULL, run_done_cb, outer);
  g_task_set_source_tag (inner, start_next);
  g_task_set_task_data (inner, run, NULL);
  g_task_run_in_thread (inner, run_thread);
}

static void
queue_run (AccordsHistory      *self,
           RunKind              kind,
           AccordsCommand      *command,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  Run *run = g_new0 (Run, 1);

  run->history = self;
  run->kind = kind;
  run->command = command ? g_object_ref (command) : NULL;
  run->path = g_strdup (accords_store_get_path (self->store));
  g_task_set_source_tag (task, queue_run);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_queue_push_tail (&self->pending, task);
  start_next (self);
}

void
accords_history_push_async (AccordsHistory      *self,
                            AccordsCommand      *command,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ACCORDS_IS_HISTORY (self));
  g_return_if_fail (ACCORDS_IS_COMMAND (command));
  queue_run (self, RUN_PUSH, command, callback, user_data);
}

void
accords_history_undo_async (AccordsHistory      *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ACCORDS_IS_HISTORY (self));
  queue_run (self, RUN_UNDO, NULL, callback, user_data);
}

void
accords_history_redo_async (AccordsHistory      *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ACCORDS_IS_HISTORY (self));
  queue_run (self, RUN_REDO, NULL, callback, user_data);
}

AccordsCommand *
accords_history_run_finish (AccordsHistory  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_HISTORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
