/* accords-widget-util.c: what several widgets share: showing a toast, installing actions */
#define G_LOG_DOMAIN "accords-widget-util"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-widget-util.h"

static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_overlay (GtkWidget *from)
{
  /* a dialog's parent window counts, but not an endless chain of them */
  for (guint depth = 0; from != NULL && depth < 8; depth++)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
      GtkRoot *root;

      if (overlay != NULL)
        return overlay;
      root = gtk_widget_get_root (from);
      if (root == NULL)
        return NULL;
      if ((overlay = find_overlay_below (GTK_WIDGET (root))) != NULL)
        return overlay;
      from = GTK_IS_WINDOW (root) ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))) : NULL;
    }
  return NULL;
}

gboolean
accords_widget_show_toast (GtkWidget *from,
                           AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = find_overlay (from);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

gboolean
accords_widget_show_edit_toast (GtkWidget  *from,
                                const char *title,
                                gboolean    undo)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  else
    adw_toast_set_timeout (toast, 0);
  return accords_widget_show_toast (from, toast);
}

void
accords_widget_class_add_actions (GtkWidgetClass            *widget_class,
                                  const AccordsWidgetAction *actions,
                                  gsize                      n_actions)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  for (gsize i = 0; i < n_actions; i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type, actions[i].activate);
      if (actions[i].keyval != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].keyval, actions[i].modifiers,
                                             actions[i].name, NULL);
    }
}
