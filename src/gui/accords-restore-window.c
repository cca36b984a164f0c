/* accords-restore-window.c: what the app shows instead of its window when the database is damaged: the offer of its newest backup */
#define G_LOG_DOMAIN "accords-restore-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-restore-window.h"

struct _AccordsRestoreWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
  GtkSpinner           *spinner;

  AdwMessageDialog     *dialog;
  GCancellable         *cancellable;
  guint                 ask_id;
  char                 *db_path;
  char                 *backup_path;
  char                 *backup_date;
  char                 *message;
};

G_DEFINE_FINAL_TYPE (AccordsRestoreWindow, accords_restore_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
accords_restore_window_show_error (AccordsRestoreWindow *self,
                                   const char           *title,
                                   const char           *message)
{
  g_return_if_fail (ACCORDS_IS_RESTORE_WINDOW (self));

  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, message);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AccordsRestoreWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!accords_backup_restore_finish (result, &saved, &error))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        accords_restore_window_show_error (self, _("Cannot Restore the Backup"), error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_signal_emit (self, signals[RESTORED], 0, saved);
}

static void
response_cb (AdwMessageDialog     *dialog,
             const char           *response,
             AccordsRestoreWindow *self)
{
  self->dialog = NULL;

  if (!g_str_equal (response, "restore"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  adw_status_page_set_icon_name (self->status_page, "document-revert-symbolic");
  adw_status_page_set_title (self->status_page, _("Restoring the Backup…"));
  adw_status_page_set_description (self->status_page, self->backup_path);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  accords_backup_restore_async (self->backup_path, self->db_path, self->cancellable,
                                restore_done_cb, g_object_ref (self));
}

static void
ask (AccordsRestoreWindow *self)
{
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("%s\n\nAccords can put its newest backup, of %s, in its place. "
                            "The damaged file is kept beside it, with “damaged” and the time added to its name."),
                          self->message, self->backup_date);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Is Damaged"), body);
  label = g_strdup_printf (_("_Restore the backup of %s"), self->backup_date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "restore", label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);

  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_cb (gpointer user_data)
{
  AccordsRestoreWindow *self = user_data;

  self->ask_id = 0;
  ask (self);
  return G_SOURCE_REMOVE;
}

static void
accords_restore_window_map (GtkWidget *widget)
{
  AccordsRestoreWindow *self = ACCORDS_RESTORE_WINDOW (widget);
  gboolean first = self->cancellable == NULL;

  GTK_WIDGET_CLASS (accords_restore_window_parent_class)->map (widget);

  /* asked once the window is on screen, so the question sits on top of it */
  if (first)
    {
      self->cancellable = g_cancellable_new ();
      self->ask_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_cb, self, NULL);
    }
}

static void
accords_restore_window_dispose (GObject *object)
{
  AccordsRestoreWindow *self = (AccordsRestoreWindow *) object;

  g_clear_handle_id (&self->ask_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (accords_restore_window_parent_class)->dispose (object);
}

static void
accords_restore_window_finalize (GObject *object)
{
  AccordsRestoreWindow *self = (AccordsRestoreWindow *) object;

  g_free (self->db_path);
  g_free (self->backup_path);
  g_free (self->backup_date);
  g_free (self->message);

  G_OBJECT_CLASS (accords_restore_window_parent_class)->finalize (object);
}

static void
accords_restore_window_class_init (AccordsRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_restore_window_dispose;
  object_class->finalize = accords_restore_window_finalize;
  widget_class->map = accords_restore_window_map;

  /**
   * AccordsRestoreWindow::restored:
   * @saved: (nullable): where what was at the database's path is kept
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsRestoreWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsRestoreWindow, spinner);
}

static void
accords_restore_window_init (AccordsRestoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AccordsRestoreWindow *
accords_restore_window_new (GtkApplication          *application,
                            const char              *db_path,
                            const AccordsBackupInfo *backup,
                            const char              *message)
{
  AccordsRestoreWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (backup != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (ACCORDS_TYPE_RESTORE_WINDOW, "application", application, NULL);
  self->db_path = g_strdup (db_path);
  self->backup_path = g_strdup (backup->path);
  self->backup_date = accords_backup_info_format_date (backup);
  self->message = g_strdup (message);
  adw_status_page_set_description (self->status_page, message);
  return self;
}

AdwMessageDialog *
accords_restore_window_get_dialog (AccordsRestoreWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_RESTORE_WINDOW (self), NULL);
  return self->dialog;
}
