/* accords-window-actions.c: the main window's actions and their shortcuts */
#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-dataset-io.h"
#include "accords-error.h"
#include "accords-export-dialog.h"
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
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  accords_history_undo_async (self->history, history_run_cb, g_object_ref (self));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

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

static void
cite (AccordsWindow       *self,
      AccordsCitationKind  kind,
      gint64               id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "notes");
  accords_notes_page_cite (self->notes_page, kind, id);
}

static void
cite_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cite (ACCORDS_WINDOW (widget), ACCORDS_CITATION_SOURCE, g_variant_get_int64 (parameter));
}

static void
cite_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cite (ACCORDS_WINDOW (widget), ACCORDS_CITATION_ITEM, g_variant_get_int64 (parameter));
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "news");
  if (!accords_news_view_show_item (self->news_view, g_variant_get_int64 (parameter)))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("This news item is no longer stored")));
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

static void
show_atlas_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (ACCORDS_WINDOW (widget)->view_stack, "atlas");
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

static void
show_news_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (ACCORDS_WINDOW (widget)->view_stack, "news");
}

static void
show_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (ACCORDS_WINDOW (widget)->view_stack, "notes");
}

void
_accords_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-countries", NULL, show_countries_action);
  gtk_widget_class_install_action (widget_class, "win.show-agreements", NULL, show_agreements_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cite-item", "x", cite_item_action);
  gtk_widget_class_install_action (widget_class, "win.cite-source", "x", cite_source_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "x", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-news-about", NULL, show_news_about_action);
  gtk_widget_class_install_action (widget_class, "win.show-atlas", NULL, show_atlas_action);
  gtk_widget_class_install_action (widget_class, "win.show-news", NULL, show_news_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes", NULL, show_notes_action);
  gtk_widget_class_install_action (widget_class, "win.new-agreement", NULL, new_agreement_action);
  gtk_widget_class_install_action (widget_class, "win.edit-agreement", NULL, edit_agreement_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.import-dataset", NULL, import_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.export-dataset", NULL, export_dataset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-atlas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-news", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-agreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-agreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}
