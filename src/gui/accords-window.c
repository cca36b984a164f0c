/* accords-window.c: the main window: countries, the map and the agreements */
#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-view.h"
#include "accords-country-list.h"
#include "accords-country-pane.h"
#include "accords-dataset-io.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-import-bar.h"
#include "accords-importer.h"
#include "accords-news-view.h"
#include "accords-export-dialog.h"
#include "accords-history.h"
#include "accords-map-model.h"
#include "accords-map-view.h"
#include "accords-notes-page.h"
#include "accords-party.h"
#include "accords-status-chip.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-window.h"

/* How often the window looks for what other processes wrote */
#define FOLLOW_INTERVAL_S 2

struct _AccordsWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  AccordsCountryPane   *country_pane;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  AdwBin               *map_bin;
  AccordsMapView       *map_view;
  GtkStack             *panel_stack;
  GtkLabel             *panel_title;
  GtkListBox           *agreement_list;
  AccordsAgreementView *agreement_view;
  AccordsImportBar     *import_bar;
  AccordsNewsView      *news_view;
  AccordsNotesPage     *notes_page;

  AccordsContext       *context;
  GSettings            *settings;
  AccordsCountryList   *countries;
  AccordsMapModel      *map_model;
  GListStore           *agreements;
  char                 *selected_agreement;
  char                 *rows_date;          /* the date the agreement rows show */
  AccordsHistory       *history;
  guint                 follow_source;      /* the timer that looks for other processes' writes */
};

G_DEFINE_FINAL_TYPE (AccordsWindow, accords_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  PROP_SELECTED_AGREEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_agreement_row (gpointer item,
                      gpointer user_data)
{
  AccordsWindow *self = user_data;
  AccordsAgreement *a = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = accords_status_chip_new ();
  const char *date = accords_country_list_get_date (self->countries);
  AccordsStatus status = ACCORDS_STATUS_NONE;
  gboolean counts = accords_country_list_count_agreement (self->countries, a, &status);
  GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(AccordsParty) p = g_list_model_get_item (parties, i);
      const char *code = accords_party_get_country (p);

      if (!g_hash_table_add (seen, (gpointer) code))
        continue;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, accords_context_get_country_name (self->context, code));
    }
  if (date != NULL)
    {
      /* the map's date slider is away from today: say how things stood then */
      g_autofree char *when = accords_date_format (date);

      if (status == ACCORDS_STATUS_NONE)
        /* TRANSLATORS: a date · the countries party to an agreement */
        subtitle = g_strdup_printf (_("Not yet on %s · %s"), when, names->str);
      else
        /* TRANSLATORS: status of an agreement on a date · the countries party to it */
        subtitle = g_strdup_printf (_("%s on %s · %s"), accords_status_get_label (status), when, names->str);
    }
  else
    /* TRANSLATORS: status of an agreement · the countries party to it */
    subtitle = g_strdup_printf (_("%s · %s"), accords_status_get_label (status), names->str);
  if (!counts)
    gtk_widget_add_css_class (row, "dim-label");

  accords_status_chip_set_status (ACCORDS_STATUS_CHIP (chip), status);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), chip);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accords_agreement_get_title (a));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (accords_agreement_get_slug (a)), g_free);
  gtk_widget_add_css_class (row, "agreement-row");
  return row;
}

/* The country list recounts when the map's date moves; the agreement rows
 * show statuses on that date, so they are drawn again */
static void
countries_changed_cb (AccordsWindow *self)
{
  const char *date = accords_country_list_get_date (self->countries);
  guint n;

  if (g_strcmp0 (date, self->rows_date) == 0)
    return;
  g_free (self->rows_date);
  self->rows_date = g_strdup (date);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));
  g_list_model_items_changed (G_LIST_MODEL (self->agreements), 0, n, n);
}

static AccordsAgreement *
find_agreement (AccordsWindow *self,
                const char    *slug)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));

  for (guint i = 0; i < n; i++)
    {
      AccordsAgreement *a = g_list_model_get_item (G_LIST_MODEL (self->agreements), i);

      g_object_unref (a);   /* the list holds it */
      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return a;
    }
  return NULL;
}

static void
show_selected_agreement (AccordsWindow *self)
{
  AccordsAgreement *a = self->selected_agreement ? find_agreement (self, self->selected_agreement) : NULL;

  accords_agreement_view_set_agreement (self->agreement_view, a);
  gtk_stack_set_visible_child_name (self->panel_stack, a ? "detail" : "list");
}

static void
reload_agreements (AccordsWindow *self)
{
  const char *code = accords_country_pane_get_selected_country (self->country_pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) loaded = NULL;
  g_autofree char *title = NULL;
  guint n;

  loaded = accords_store_load_agreements (accords_context_get_store (self->context), code, &error);
  if (loaded == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
  g_list_store_splice (self->agreements, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agreements)), NULL, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (loaded), i);
      g_list_store_append (self->agreements, a);
    }

  if (code != NULL)
    title = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u agreement", "%s: %u agreements", n),
                                     accords_context_get_country_name (self->context, code), n)
                  : g_strdup_printf (_("%s: no agreements tracked"),
                                     accords_context_get_country_name (self->context, code));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u agreement", "All %u agreements", n), n);
  gtk_label_set_label (self->panel_title, title);

  /* the agreement shown stays if the country still has it */
  if (self->selected_agreement && find_agreement (self, self->selected_agreement) == NULL)
    g_clear_pointer (&self->selected_agreement, g_free);
  show_selected_agreement (self);
}

static void
country_selected_cb (AccordsWindow *self)
{
  const char *code = accords_country_pane_get_selected_country (self->country_pane);

  reload_agreements (self);
  if (code != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
}

static void
agreement_activated_cb (AccordsWindow *self,
                        GtkListBoxRow *row)
{
  accords_window_select_agreement (self, g_object_get_data (G_OBJECT (row), "slug"));
}

static void
search_changed_cb (AccordsWindow  *self,
                   GtkSearchEntry *entry)
{
  accords_country_pane_set_search_text (self->country_pane, gtk_editable_get_text (GTK_EDITABLE (entry)));
  accords_notes_page_set_search (self->notes_page, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
store_changed_cb (AccordsWindow *self,
                  guint          what)
{
  if (what & ACCORDS_STORE_CHANGE_AGREEMENTS)
    reload_agreements (self);
}

/* Other processes write to the database too: accords-cli, sqlite3, a
 * second window's process.  What this process writes is announced by
 * whoever wrote it, so a check while that is under way would only say it
 * again. */
static void
follow_outside_changes (AccordsWindow *self)
{
  AccordsRelinker *relinker = accords_context_get_relinker (self->context);

  if (accords_history_get_busy (self->history) || (relinker != NULL && accords_relinker_get_running (relinker)))
    return;
  accords_store_check_external_changes (accords_context_get_store (self->context));
}

static gboolean
follow_timeout_cb (gpointer user_data)
{
  follow_outside_changes (ACCORDS_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
active_changed_cb (AccordsWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    follow_outside_changes (self);
}

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

static void
update_history_actions (AccordsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", accords_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", accords_history_get_can_redo (self->history));
}

/* After a create, a rename or an undone delete, show the agreement that
 * came out of it */
static void
history_done_cb (AccordsWindow  *self,
                 AccordsCommand *command,
                 gboolean        reverted)
{
  const char *slug;

  if (accords_command_get_n_changes (command) != 1)
    return;
  slug = accords_command_get_slug (command, reverted);
  if (slug == NULL || g_strcmp0 (slug, self->selected_agreement) == 0)
    return;
  if (find_agreement (self, slug) == NULL)
    accords_window_select_country (self, NULL);
  accords_window_select_agreement (self, slug);
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
rejected_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
import_finished_cb (AccordsWindow    *self,
                    GPtrArray        *results,
                    const GError     *error,
                    gboolean          cancelled,
                    AccordsImportBar *bar)
{
  guint n_new = 0, n_updated = 0, n_unchanged = 0, n_files = 0;
  g_autoptr(GString) rejected = g_string_new (NULL);
  guint n_rejected = 0;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (results == NULL)
    {
      toast = adw_toast_new (error ? error->message : _("The import failed"));
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      AccordsImportResult *r = g_ptr_array_index (results, i);

      if (r->error != NULL)
        {
          g_autofree char *name = g_path_get_basename (r->path);

          if (g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            continue;
          /* TRANSLATORS: a rejected file and the reason */
          g_string_append_printf (rejected, _("%s: %s\n"), name, r->error->message);
          n_rejected++;
          continue;
        }
      n_files++;
      n_new += r->n_new;
      n_updated += r->n_updated;
      n_unchanged += r->n_unchanged;
    }

  if (cancelled)
    message = g_strdup_printf (_("Import cancelled: %u new items kept from finished files; the interrupted file was left out"),
                               n_new);
  else if (n_files > 0)
    /* TRANSLATORS: the counts of an import: files, new, updated, unchanged items */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u file: %u new, %u updated, %u unchanged",
                                            "Imported %u files: %u new, %u updated, %u unchanged",
                                            n_files),
                               n_files, n_new, n_updated, n_unchanged);
  if (message != NULL)
    {
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (n_rejected > 0)
    {
      GtkWidget *dialog;

      g_string_truncate (rejected, rejected->len - 1);
      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "A File Was Not Imported",
                                                    "Some Files Were Not Imported",
                                                    n_rejected),
                                       rejected->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect (dialog, "response", G_CALLBACK (rejected_dialog_response_cb), NULL);
      gtk_widget_add_css_class (dialog, "import-errors");
      gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  if (n_new + n_updated > 0 && !cancelled)
    adw_view_stack_set_visible_child_name (self->view_stack, "news");
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          AccordsWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      accords_window_import_files (self, (GFile **) array->pdata, array->len);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) feeds = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.xml", "*.rss", "*.atom", "*.rdf", "*.opml", NULL };

  if (accords_import_bar_is_running (self->import_bar))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Feeds"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (feeds, _("News feeds (RSS, Atom, RDF, OPML)"));
  for (guint i = 0; patterns[i]; i++)
    gtk_file_filter_add_pattern (feeds, patterns[i]);
  gtk_file_filter_add_mime_type (feeds, "application/rss+xml");
  gtk_file_filter_add_mime_type (feeds, "application/atom+xml");
  gtk_file_filter_add_mime_type (feeds, "application/rdf+xml");
  gtk_file_filter_add_mime_type (feeds, "text/x-opml+xml");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), feeds);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AccordsWindow *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  return accords_window_import_files (self, (GFile **) files->pdata, files->len);
}

static void
notes_follow_selection_cb (AccordsWindow *self)
{
  accords_notes_page_set_country (self->notes_page, accords_country_pane_get_selected_country (self->country_pane));
  accords_notes_page_set_agreement (self->notes_page, self->selected_agreement);
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

/* The News view's filter keeps to what is selected here */
static void
news_follow_selection_cb (AccordsWindow *self)
{
  const char *code = accords_country_pane_get_selected_country (self->country_pane);
  AccordsAgreement *a = self->selected_agreement ? find_agreement (self, self->selected_agreement) : NULL;
  const char *label = NULL;

  if (a != NULL)
    label = accords_str_empty (accords_agreement_get_short_title (a)) ? accords_agreement_get_title (a)
                                                                       : accords_agreement_get_short_title (a);
  else if (code != NULL)
    label = accords_context_get_country_name (self->context, code);
  accords_news_view_set_selection (self->news_view, code, a ? self->selected_agreement : NULL, label);
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

static void
accords_window_constructed (GObject *object)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  G_OBJECT_CLASS (accords_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  accords_agreement_view_set_context (self->agreement_view, self->context);
  self->history = g_object_ref (accords_context_get_history (self->context));
  g_signal_connect_object (self->history, "done", G_CALLBACK (history_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  update_history_actions (self);
  accords_news_view_set_context (self->news_view, self->context);
  self->countries = accords_country_list_new (self->context);
  g_signal_connect_object (self->countries, "items-changed", G_CALLBACK (countries_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  accords_country_pane_set_model (self->country_pane, self->countries);
  /* the map and the list share the countries, their filters and the selection */
  self->map_model = accords_map_model_new (self->countries);
  accords_map_view_set_model (self->map_view, self->map_model);
  g_object_bind_property (self->country_pane, "selected-country", self->map_view, "selected-country",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->country_pane, "status-filter", self->map_model, "status-filter",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-agreement", self->map_view, "selected-agreement",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (accords_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (country_selected_cb), self, G_CONNECT_SWAPPED);
  accords_notes_page_set_context (self->notes_page, self->context);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (notes_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::selected-agreement",
                           G_CALLBACK (notes_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (news_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::selected-agreement",
                           G_CALLBACK (news_follow_selection_cb), self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "hide-empty-countries", self->country_pane, "show-all",
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_INVERT_BOOLEAN);
      g_settings_bind (self->settings, "selected-country", self->country_pane, "selected-country",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "selected-agreement", self, "selected-agreement",
                       G_SETTINGS_BIND_DEFAULT);
    }

  reload_agreements (self);
  notes_follow_selection_cb (self);
  news_follow_selection_cb (self);

  /* from here on, what others commit shows up when the window is focused, or within a few seconds */
  accords_store_check_external_changes (accords_context_get_store (self->context));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->follow_source = g_timeout_add_seconds (FOLLOW_INTERVAL_S, follow_timeout_cb, self);
}

static void
accords_window_dispose (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_clear_handle_id (&self->follow_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_WINDOW);
  g_clear_object (&self->map_model);
  g_clear_object (&self->countries);
  g_clear_object (&self->agreements);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_window_parent_class)->dispose (object);
}

static void
accords_window_finalize (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_free (self->selected_agreement);
  g_free (self->rows_date);

  G_OBJECT_CLASS (accords_window_parent_class)->finalize (object);
}

static void
accords_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SELECTED_AGREEMENT:
      g_value_set_string (value, self->selected_agreement ? self->selected_agreement : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SELECTED_AGREEMENT:
      accords_window_select_agreement (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_window_class_init (AccordsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_window_constructed;
  object_class->dispose = accords_window_dispose;
  object_class->finalize = accords_window_finalize;
  object_class->get_property = accords_window_get_property;
  object_class->set_property = accords_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_AGREEMENT] =
    g_param_spec_string ("selected-agreement", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_COUNTRY_PANE);
  g_type_ensure (ACCORDS_TYPE_AGREEMENT_VIEW);
  g_type_ensure (ACCORDS_TYPE_IMPORT_BAR);
  g_type_ensure (ACCORDS_TYPE_NEWS_VIEW);
  g_type_ensure (ACCORDS_TYPE_MAP_VIEW);
  g_type_ensure (ACCORDS_TYPE_NOTES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, country_pane);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, map_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, panel_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, agreement_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, agreement_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, news_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, notes_page);

  gtk_widget_class_install_action (widget_class, "win.show-countries", NULL, show_countries_action);
  gtk_widget_class_install_action (widget_class, "win.show-agreements", NULL, show_agreements_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-news", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-agreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-agreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

static void
accords_window_init (AccordsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
  gtk_list_box_bind_model (self->agreement_list, G_LIST_MODEL (self->agreements),
                           create_agreement_row, self, NULL);
  g_signal_connect_swapped (self->agreement_list, "row-activated", G_CALLBACK (agreement_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->country_pane));
  g_signal_connect_object (self->import_bar, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

AccordsWindow *
accords_window_new (GtkApplication *application,
                    AccordsContext *context,
                    GSettings      *settings)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);

  return g_object_new (ACCORDS_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "settings", settings,
                       NULL);
}

AccordsContext *
accords_window_get_context (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->context;
}

AccordsCountryPane *
accords_window_get_country_pane (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->country_pane;
}

AccordsMapView *
accords_window_get_map_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->map_view;
}

AccordsAgreementView *
accords_window_get_agreement_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->agreement_view;
}

GListModel *
accords_window_get_agreements (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->agreements);
}

void
accords_window_select_country (AccordsWindow *self,
                               const char    *code)
{
  g_return_if_fail (ACCORDS_IS_WINDOW (self));
  accords_country_pane_set_selected_country (self->country_pane, code);
}

const char *
accords_window_get_selected_country (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return accords_country_pane_get_selected_country (self->country_pane);
}

void
accords_window_select_agreement (AccordsWindow *self,
                                 const char    *slug)
{
  g_return_if_fail (ACCORDS_IS_WINDOW (self));

  if (accords_str_empty (slug))
    slug = NULL;
  if (slug != NULL && find_agreement (self, slug) == NULL)
    return;   /* not among the listed agreements: keep the list */
  if (!accords_set_str (&self->selected_agreement, slug))
    return;
  show_selected_agreement (self);
  if (slug != NULL)
    adw_flap_set_reveal_flap (self->flap, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_AGREEMENT]);
}

const char *
accords_window_get_selected_agreement (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->selected_agreement;
}

AccordsNotesPage *
accords_window_get_notes_page (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->notes_page;
}

AccordsHistory *
accords_window_get_history (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->history;
}

AccordsCountryList *
accords_window_get_countries (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->countries;
}

gboolean
accords_window_import_files (AccordsWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), FALSE);

  return accords_import_bar_start (self->import_bar, self->context, files, n_files);
}

AccordsNewsView *
accords_window_get_news_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->news_view;
}
