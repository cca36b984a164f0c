/* accords-window-actions.c: the main window's actions and their shortcuts */
#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-dataset-io.h"
#include "accords-error.h"
#include "accords-export-dialog.h"
#include "accords-widget-util.h"
#include "accords-window-private.h"

static void
show_countries_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_agreements_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  accords_window_select_agreement (ACCORDS_WINDOW (widget), NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (self->selected_agreement != NULL)
    accords_window_select_agreement (self, NULL);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+K: the search of everything, in the header bar */
static void
search_everything_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  /* a popover needs its window on screen */
  if (!gtk_widget_get_mapped (widget))
    return;
  gtk_menu_button_popup (self->search_button);
  gtk_widget_grab_focus (GTK_WIDGET (accords_search_panel_get_entry (self->search_panel)));
}

/* Editing */

void
_accords_window_update_actions (AccordsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", accords_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", accords_history_get_can_redo (self->history));
}

static void
history_run_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (ACCORDS_HISTORY (object), result, &error);

  if (command == NULL && !g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND))
    accords_widget_show_edit_toast (GTK_WIDGET (self), error->message, FALSE);
}

/* win.undo and win.redo */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    accords_history_undo_async (self->history, history_run_cb, g_object_ref (self));
  else
    accords_history_redo_async (self->history, history_run_cb, g_object_ref (self));
}

static void
new_agreement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  accords_agreement_view_new_agreement (self->agreement_view);
}

static void
import_dataset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  accords_dataset_io_import_dialog (GTK_WINDOW (self), self->context);
}

static void
export_dataset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  accords_dataset_io_export_dialog (GTK_WINDOW (widget), ACCORDS_WINDOW (widget)->context);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);
  AccordsNoteEditor *editor = accords_notes_page_get_editor (self->notes_page);
  AccordsExportDialog *dialog;

  /* the file shows the note as it was last typed */
  accords_notes_page_flush (self->notes_page, NULL);
  dialog = accords_export_dialog_new (GTK_WINDOW (self), self->context,
                                      accords_note_editor_get_note (editor), self->selected_agreement);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.cite-source and win.cite-item, with the id to cite */
static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);
  AccordsCitationKind kind = g_str_equal (action_name, "win.cite-item") ? ACCORDS_CITATION_ITEM
                                                                        : ACCORDS_CITATION_SOURCE;

  adw_view_stack_set_visible_child_name (self->view_stack, "notes");
  accords_notes_page_cite (self->notes_page, kind, g_variant_get_int64 (parameter));
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "news");
  if (!accords_news_view_show_item (self->news_view, g_variant_get_int64 (parameter)))
    accords_widget_show_toast (widget, adw_toast_new (_("This news item is no longer stored")));
}

static void
show_news_about_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  accords_news_view_set_follow_selection (self->news_view, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "news");
}

/* win.show-atlas, win.show-news and win.show-notes: the page is named
 * after the action */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_assert (g_str_has_prefix (action_name, "win.show-"));
  adw_view_stack_set_visible_child_name (ACCORDS_WINDOW (widget)->view_stack, action_name + strlen ("win.show-"));
}

/* F5 from anywhere in the window: fetch every subscription */
static void
refresh_feeds_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  accords_feeds_view_refresh_all (ACCORDS_WINDOW (widget)->feeds_view);
}

/* F2 from anywhere in the window: edit the agreement shown */
static void
edit_agreement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (self->selected_agreement == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "atlas");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->agreement_view), "agreement.editing", NULL);
}


static const AccordsWidgetAction actions[] = {
  { "win.show-countries", NULL, show_countries_action },
  { "win.show-agreements", NULL, show_agreements_action },
  { "win.back", NULL, back_action, GDK_KEY_Left, GDK_ALT_MASK },
  { "win.search", NULL, search_action, GDK_KEY_f, GDK_CONTROL_MASK },
  { "win.search-everything", NULL, search_everything_action, GDK_KEY_k, GDK_CONTROL_MASK },
  { "win.export", NULL, export_action, GDK_KEY_e, GDK_CONTROL_MASK },
  { "win.cite-item", "x", cite_action },
  { "win.cite-source", "x", cite_action },
  { "win.show-item", "x", show_item_action },
  { "win.show-news-about", NULL, show_news_about_action },
  { "win.show-atlas", NULL, show_page_action, GDK_KEY_1, GDK_ALT_MASK },
  { "win.show-news", NULL, show_page_action, GDK_KEY_2, GDK_ALT_MASK },
  { "win.show-notes", NULL, show_page_action, GDK_KEY_3, GDK_ALT_MASK },
  { "win.show-feeds", NULL, show_page_action, GDK_KEY_4, GDK_ALT_MASK },
  { "win.refresh-feeds", NULL, refresh_feeds_action, GDK_KEY_F5, 0 },
  { "win.new-agreement", NULL, new_agreement_action, GDK_KEY_n, GDK_CONTROL_MASK },
  { "win.edit-agreement", NULL, edit_agreement_action, GDK_KEY_F2, 0 },
  { "win.undo", NULL, history_action, GDK_KEY_z, GDK_CONTROL_MASK },
  { "win.redo", NULL, history_action, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "win.import-dataset", NULL, import_dataset_action },
  { "win.export-dataset", NULL, export_dataset_action },
};

void
_accords_window_class_init_actions (GtkWidgetClass *widget_class)
{
  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
}
