/* accords-export-dialog.c: what to export, in which format, and where */
#define G_LOG_DOMAIN "accords-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-export-dialog.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-widget-util.h"

/* The rows of the format list, in order */
static const struct {
  AccordsExportFormat format;
  AccordsExportTable  table;
} formats[] = {
  { ACCORDS_EXPORT_FORMAT_PDF, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_HTML, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_PARTIES },
  { ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_EVENTS },
  { ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_ITEMS },
  { ACCORDS_EXPORT_FORMAT_JSON, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_GEOJSON, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_CSL_JSON, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_BIBTEX, ACCORDS_EXPORT_TABLE_AGREEMENTS },
  { ACCORDS_EXPORT_FORMAT_RIS, ACCORDS_EXPORT_TABLE_AGREEMENTS },
};

struct _AccordsExportDialog
{
  AdwMessageDialog      parent_instance;

  AdwComboRow          *scope_row;
  AdwComboRow          *format_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *style_row;

  AccordsContext       *context;
  GtkWindow            *parent;       /* weak */
  AccordsNote          *note;
  char                 *agreement;
  char                 *agreement_title;
  GArray               *scopes;       /* AccordsExportScope of each scope row */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AccordsExportDialog, accords_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AccordsExportScope
selected_scope (AccordsExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  return i < self->scopes->len ? g_array_index (self->scopes, AccordsExportScope, i) : ACCORDS_EXPORT_SCOPE_ALL;
}

static void
update (AccordsExportDialog *self)
{
  guint f = adw_combo_row_get_selected (self->format_row);
  AccordsExportFormat format = f < G_N_ELEMENTS (formats) ? formats[f].format : ACCORDS_EXPORT_FORMAT_PDF;
  gboolean citations = accords_export_format_is_citations (format);
  gboolean dataset = !accords_export_format_is_report (format) && !citations;
  gboolean possible = !(dataset && selected_scope (self) == ACCORDS_EXPORT_SCOPE_NOTE);
  const char *body;

  if (!possible)
    body = _("A note exports as a report or as the works it cites: choose PDF, HTML, Markdown, CSL-JSON, BibTeX or RIS");
  else if (citations)
    body = _("The works it cites, for Zotero and other reference managers");
  else if (dataset)
    body = _("Data for analysis, one table or document per file");
  else
    body = _("A report with its sources listed at the end");
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format == ACCORDS_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->style_row), accords_export_format_is_report (format));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", possible);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

typedef struct {
  AccordsExportDialog *self;
  GFile               *file;
} ExportData;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(AccordsExportDialog) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_free (data);

  if (!accords_export_to_file_finish (ACCORDS_CONTEXT (object), result, &error))
    {
      toast = adw_toast_new_format (_("Export failed: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
      g_signal_emit (self, signals[FAILED], 0, error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      toast = adw_toast_new_format (_("Exported to %s"), name);
      g_signal_emit (self, signals[EXPORTED], 0, file);
    }

  if (self->parent != NULL)
    accords_widget_show_toast (GTK_WIDGET (self->parent), toast);
  else
    g_object_unref (toast);
}

void
accords_export_dialog_export_to (AccordsExportDialog *self,
                                 GFile               *file)
{
  g_auto(AccordsExportOptions) options;
  ExportData *data;

  g_return_if_fail (ACCORDS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  accords_export_dialog_get_options (self, &options);
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  accords_export_to_file_async (self->context, &options, file, NULL, export_done_cb, data);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     AccordsExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    accords_export_dialog_export_to (self, file);
  g_object_unref (self);
}

static void
accords_export_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  AccordsExportDialog *self = ACCORDS_EXPORT_DIALOG (dialog);
  g_autofree char *name = NULL;
  guint f = adw_combo_row_get_selected (self->format_row);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (g_strcmp0 (response, "export") != 0)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), self->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = accords_export_dialog_suggest_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_add_mime_type (filter, accords_export_format_get_mime_type (formats[f].format));
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row)
                            ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row)) : NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* the dialog closes now; it lives on until the file is written */
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
accords_export_dialog_dispose (GObject *object)
{
  AccordsExportDialog *self = (AccordsExportDialog *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->note);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_export_dialog_parent_class)->dispose (object);
}

static void
accords_export_dialog_finalize (GObject *object)
{
  AccordsExportDialog *self = (AccordsExportDialog *) object;

  g_free (self->agreement);
  g_free (self->agreement_title);
  g_array_unref (self->scopes);

  G_OBJECT_CLASS (accords_export_dialog_parent_class)->finalize (object);
}

static void
accords_export_dialog_class_init (AccordsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = accords_export_dialog_dispose;
  object_class->finalize = accords_export_dialog_finalize;
  dialog_class->response = accords_export_dialog_response;

  /**
   * AccordsExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
  /**
   * AccordsExportDialog::failed:
   * @error: why nothing was written
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsExportDialog, style_row);
}

static void
accords_export_dialog_init (AccordsExportDialog *self)
{
  const char *region = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scopes = g_array_new (FALSE, FALSE, sizeof (AccordsExportScope));

  /* Letter where it is the usual paper */
  for (const char * const *names = g_get_language_names (); *names && region == NULL; names++)
    region = strchr (*names, '_');
  if (region != NULL && (g_str_has_prefix (region, "_US") || g_str_has_prefix (region, "_CA")))
    adw_combo_row_set_selected (self->paper_row, ACCORDS_PAPER_LETTER);

  g_signal_connect_object (self->scope_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

AccordsExportDialog *
accords_export_dialog_new (GtkWindow      *parent,
                           AccordsContext *context,
                           AccordsNote    *note,
                           const char     *agreement)
{
  AccordsExportDialog *self;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  AccordsExportScope scope;

  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);

  self = g_object_new (ACCORDS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->parent, parent);
  self->note = note ? g_object_ref (note) : NULL;

  if (!accords_str_empty (agreement))
    {
      g_autoptr(AccordsAgreement) a = accords_store_load_agreement (accords_context_get_store (context), agreement, NULL);

      if (a != NULL)
        {
          self->agreement = g_strdup (agreement);
          self->agreement_title = g_strdup (accords_str_empty (accords_agreement_get_short_title (a))
                                              ? accords_agreement_get_title (a)
                                              : accords_agreement_get_short_title (a));
        }
    }

  if (self->note != NULL)
    {
      gtk_string_list_append (scopes, _("This note"));
      scope = ACCORDS_EXPORT_SCOPE_NOTE;
      g_array_append_val (self->scopes, scope);
    }
  if (self->agreement != NULL)
    {
      /* TRANSLATORS: an export choice: "US–Rwanda dossier" */
      g_autofree char *label = g_strdup_printf (_("%s dossier"), self->agreement_title);
      gtk_string_list_append (scopes, label);
      scope = ACCORDS_EXPORT_SCOPE_AGREEMENT;
      g_array_append_val (self->scopes, scope);
    }
  gtk_string_list_append (scopes, _("Everything"));
  scope = ACCORDS_EXPORT_SCOPE_ALL;
  g_array_append_val (self->scopes, scope);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  update (self);
  return self;
}

void
accords_export_dialog_get_options (AccordsExportDialog  *self,
                                   AccordsExportOptions *options)
{
  guint f;

  g_return_if_fail (ACCORDS_IS_EXPORT_DIALOG (self));

  f = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
  accords_export_options_init (options);
  options->scope = selected_scope (self);
  options->format = formats[f].format;
  options->table = formats[f].table;
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? ACCORDS_PAPER_LETTER : ACCORDS_PAPER_A4;
  options->citation_style = adw_combo_row_get_selected (self->style_row) == 1
    ? ACCORDS_CITATION_STYLE_AUTHOR_DATE : ACCORDS_CITATION_STYLE_NUMBERED;
  if (options->scope == ACCORDS_EXPORT_SCOPE_NOTE && self->note != NULL)
    options->note_id = accords_note_get_id (self->note);
  if (options->scope == ACCORDS_EXPORT_SCOPE_AGREEMENT)
    options->agreement = g_strdup (self->agreement);
}

char *
accords_export_dialog_suggest_name (AccordsExportDialog *self)
{
  g_auto(AccordsExportOptions) options;
  g_autofree char *stem = NULL;
  static const char * const table_names[] = { "agreements", "parties", "events", "news-items" };

  g_return_val_if_fail (ACCORDS_IS_EXPORT_DIALOG (self), NULL);

  accords_export_dialog_get_options (self, &options);
  switch (options.scope)
    {
    case ACCORDS_EXPORT_SCOPE_NOTE:
      stem = accords_slugify (self->note ? accords_note_get_display_title (self->note) : "note");
      break;
    case ACCORDS_EXPORT_SCOPE_AGREEMENT:
      stem = g_strdup (self->agreement);
      break;
    case ACCORDS_EXPORT_SCOPE_ALL:
    default:
      stem = g_strdup (accords_export_format_is_report (options.format) ? "accords-report" : "accords");
      break;
    }
  if (*stem == '\0')
    {
      g_free (stem);
      stem = g_strdup ("note");
    }
  if (options.format == ACCORDS_EXPORT_FORMAT_CSV)
    return g_strdup_printf ("%s-%s.csv", stem, table_names[options.table]);
  if (accords_export_format_is_citations (options.format))
    return g_strdup_printf ("%s-references.%s", stem, accords_export_format_get_extension (options.format));
  return g_strdup_printf ("%s.%s", stem, accords_export_format_get_extension (options.format));
}

void
accords_export_dialog_choose (AccordsExportDialog *self,
                              AccordsExportScope   scope,
                              AccordsExportFormat  format,
                              AccordsExportTable   table)
{
  g_return_if_fail (ACCORDS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->scopes->len; i++)
    if (g_array_index (self->scopes, AccordsExportScope, i) == scope)
      adw_combo_row_set_selected (self->scope_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format && (format != ACCORDS_EXPORT_FORMAT_CSV || formats[i].table == table))
      {
        adw_combo_row_set_selected (self->format_row, i);
        break;
      }
}

void
accords_export_dialog_choose_style (AccordsExportDialog  *self,
                                    AccordsCitationStyle  style)
{
  g_return_if_fail (ACCORDS_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->style_row, style == ACCORDS_CITATION_STYLE_AUTHOR_DATE ? 1 : 0);
}

gboolean
accords_export_dialog_can_export (AccordsExportDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_EXPORT_DIALOG (self), FALSE);

  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "export");
}
