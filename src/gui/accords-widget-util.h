/* accords-widget-util.h: what several widgets share: showing a toast, installing actions */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows toast in the AdwToastOverlay above from (or, for a window or a
 * dialog, in the one of the window it belongs to); FALSE, with the toast
 * dropped, when there is none. Takes ownership of toast. */
gboolean accords_widget_show_toast      (GtkWidget  *from,
                                         AdwToast   *toast);
/* The toast of an edit: with undo, an Undo button (win.undo); without,
 * an error that stays until dismissed */
gboolean accords_widget_show_edit_toast (GtkWidget  *from,
                                         const char *title,
                                         gboolean    undo);

/* One action a widget class installs, with its shortcut when keyval is not 0 */
typedef struct {
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
  guint                        keyval;
  GdkModifierType              modifiers;
} AccordsWidgetAction;

/* Installs the actions on widget_class, in order, and binds their shortcuts */
void     accords_widget_class_add_actions (GtkWidgetClass            *widget_class,
                                           const AccordsWidgetAction *actions,
                                           gsize                      n_actions);

G_END_DECLS
