/* accords-edit-push.c: an edit pushed onto the history, its outcome told in a toast */
#define G_LOG_DOMAIN "accords-edit-push"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-edit-push.h"
#include "accords-widget-util.h"

typedef struct {
  GtkWidget         *widget;
  AccordsCommand    *command;
  char              *done;
  AccordsEditFailed  failed;
} Pending;

static void
pushed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (ACCORDS_HISTORY (object), result, &error);

  if (command == NULL)
    {
      if (p->failed == NULL || !p->failed (p->widget, p->command, p->done, error))
        {
          g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

          accords_widget_show_edit_toast (p->widget, message, FALSE);
        }
    }
  else if (p->done != NULL)
    accords_widget_show_edit_toast (p->widget, p->done, TRUE);
  g_object_unref (p->widget);
  g_object_unref (p->command);
  g_free (p->done);
  g_free (p);
}

void
accords_edit_push (GtkWidget         *widget,
                   AccordsHistory    *history,
                   AccordsCommand    *command,
                   const char        *done,
                   AccordsEditFailed  failed)
{
  Pending *p;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ACCORDS_IS_HISTORY (history));

  p = g_new0 (Pending, 1);
  p->widget = g_object_ref (widget);
  p->command = g_object_ref (command);
  p->done = g_strdup (done);
  p->failed = failed;
  accords_history_push_async (history, command, pushed_cb, p);
}
