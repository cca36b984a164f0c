/* accords-window-import.c: the main window's feed import, from a file chooser or a drop */
#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-importer.h"
#include "accords-mapping-dialog.h"
#include "accords-window-private.h"

static void
mapping_import_requested_cb (AccordsMappingDialog *dialog,
                             AccordsWindow        *self)
{
  GFile *file = accords_mapping_dialog_get_file (dialog);

  if (accords_import_bar_start_mapped (self->import_bar, self->context, &file, 1,
                                       accords_mapping_dialog_get_mapping (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* XML of no known kind: the researcher says where its news is */
static void
offer_mapping (AccordsWindow *self,
               const char    *path)
{
  g_autoptr(GFile) file = g_file_parse_name (path);
  AccordsMappingDialog *dialog = accords_mapping_dialog_new (GTK_WINDOW (self), file);

  g_signal_connect_object (dialog, "import-requested", G_CALLBACK (mapping_import_requested_cb), self, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
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
  const char *to_map = NULL;
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
          if (r->needs_mapping && to_map == NULL && !cancelled)
            {
              to_map = r->path;
              continue;
            }
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
  if (to_map != NULL)
    offer_mapping (self, to_map);
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

gboolean
accords_window_import_files (AccordsWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), FALSE);

  return accords_import_bar_start (self->import_bar, self->context, files, n_files);
}

void
_accords_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

void
_accords_window_init_import (AccordsWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (self->import_bar, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
