/* accords-export.c: reports (Markdown, HTML, PDF) and datasets (CSV, JSON, GeoJSON) */
#define G_LOG_DOMAIN "accords-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accords-cite-record.h"
#include "accords-error.h"
#include "accords-export-private.h"
#include "accords-file-task.h"
#include "accords-util.h"

static const struct {
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [ACCORDS_EXPORT_FORMAT_MARKDOWN] = { "md", "md", "text/markdown" },
  [ACCORDS_EXPORT_FORMAT_HTML] = { "html", "html", "text/html" },
  [ACCORDS_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
  [ACCORDS_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv" },
  [ACCORDS_EXPORT_FORMAT_JSON] = { "json", "json", "application/json" },
  [ACCORDS_EXPORT_FORMAT_GEOJSON] = { "geojson", "geojson", "application/geo+json" },
  [ACCORDS_EXPORT_FORMAT_CSL_JSON] = { "csl-json", "json", "application/vnd.citationstyles.csl+json" },
  [ACCORDS_EXPORT_FORMAT_BIBTEX] = { "bibtex", "bib", "application/x-bibtex" },
  [ACCORDS_EXPORT_FORMAT_RIS] = { "ris", "ris", "application/x-research-info-systems" },
};

static const char * const citation_styles[] = {
  [ACCORDS_CITATION_STYLE_NUMBERED] = "numbered",
  [ACCORDS_CITATION_STYLE_AUTHOR_DATE] = "author-date",
};

static const char * const tables[] = {
  [ACCORDS_EXPORT_TABLE_AGREEMENTS] = "agreements",
  [ACCORDS_EXPORT_TABLE_PARTIES] = "parties",
  [ACCORDS_EXPORT_TABLE_EVENTS] = "events",
  [ACCORDS_EXPORT_TABLE_ITEMS] = "items",
};

void
accords_export_options_init (AccordsExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->scope = ACCORDS_EXPORT_SCOPE_ALL;
  options->format = ACCORDS_EXPORT_FORMAT_MARKDOWN;
  options->table = ACCORDS_EXPORT_TABLE_AGREEMENTS;
  options->paper = ACCORDS_PAPER_A4;
}

void
accords_export_options_clear (AccordsExportOptions *options)
{
  g_clear_pointer (&options->agreement, g_free);
  g_clear_pointer (&options->exported_on, g_date_time_unref);
}

void
accords_export_options_copy (const AccordsExportOptions *src,
                             AccordsExportOptions       *dest)
{
  *dest = *src;
  dest->agreement = g_strdup (src->agreement);
  dest->exported_on = src->exported_on ? g_date_time_ref (src->exported_on) : NULL;
}

gboolean
accords_export_format_from_string (const char          *name,
                                   AccordsExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  if (g_strcmp0 (name, "markdown") == 0)
    {
      *format = ACCORDS_EXPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  return FALSE;
}

const char *
accords_export_format_to_string (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

const char *
accords_export_format_get_extension (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
accords_export_format_get_mime_type (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

gboolean
accords_export_format_is_report (AccordsExportFormat format)
{
  return format == ACCORDS_EXPORT_FORMAT_MARKDOWN ||
         format == ACCORDS_EXPORT_FORMAT_HTML ||
         format == ACCORDS_EXPORT_FORMAT_PDF;
}

gboolean
accords_export_format_is_citations (AccordsExportFormat format)
{
  return format == ACCORDS_EXPORT_FORMAT_CSL_JSON ||
         format == ACCORDS_EXPORT_FORMAT_BIBTEX ||
         format == ACCORDS_EXPORT_FORMAT_RIS;
}

gboolean
accords_citation_style_from_string (const char           *name,
                                    AccordsCitationStyle *style)
{
  for (guint i = 0; i < G_N_ELEMENTS (citation_styles); i++)
    if (g_strcmp0 (name, citation_styles[i]) == 0)
      {
        *style = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accords_citation_style_to_string (AccordsCitationStyle style)
{
  g_return_val_if_fail (style < G_N_ELEMENTS (citation_styles), NULL);
  return citation_styles[style];
}

gboolean
accords_export_table_from_string (const char         *name,
                                  AccordsExportTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (name, tables[i]) == 0)
      {
        *table = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
accords_paper_size_from_string (const char       *name,
                                AccordsPaperSize *paper)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ACCORDS_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "letter") == 0)
    *paper = ACCORDS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

GDateTime *
accords_export_options_dup_date (const AccordsExportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  GDateTime *date = NULL;

  if (options->exported_on != NULL)
    return g_date_time_to_utc (options->exported_on);
  if (epoch != NULL)
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != epoch && *end == '\0')
        date = g_date_time_new_from_unix_utc (seconds);
    }
  return date ? date : g_date_time_new_now_utc ();
}

GBytes *
accords_export_render (AccordsStore                *store,
                       AccordsIsoCodes             *iso_codes,
                       const AccordsExportOptions  *options,
                       GError                     **error)
{
  g_autoptr(AccordsReport) report = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->format == ACCORDS_EXPORT_FORMAT_CSV)
    return accords_export_dataset_csv (store, iso_codes, options, error);
  if (options->format == ACCORDS_EXPORT_FORMAT_JSON)
    return accords_export_dataset_json (store, iso_codes, options, error);
  if (options->format == ACCORDS_EXPORT_FORMAT_GEOJSON)
    return accords_export_dataset_geojson (store, iso_codes, options, error);
  if (accords_export_format_is_citations (options->format))
    {
      g_autoptr(GPtrArray) records = accords_export_load_cite_records (store, iso_codes, options, error);

      if (records == NULL)
        return NULL;
      if (options->format == ACCORDS_EXPORT_FORMAT_CSL_JSON)
        return accords_cite_records_to_csl_json (records);
      if (options->format == ACCORDS_EXPORT_FORMAT_BIBTEX)
        return accords_cite_records_to_bibtex (records);
      return accords_cite_records_to_ris (records);
    }

  report = accords_report_build (store, iso_codes, options, error);
  if (report == NULL)
    return NULL;
  switch (options->format)
    {
    case ACCORDS_EXPORT_FORMAT_MARKDOWN:
      return accords_report_to_markdown (report);
    case ACCORDS_EXPORT_FORMAT_HTML:
      return accords_report_to_html (report);
    case ACCORDS_EXPORT_FORMAT_PDF:
      return accords_report_to_pdf (report, options->paper, error);
    case ACCORDS_EXPORT_FORMAT_CSV:
    case ACCORDS_EXPORT_FORMAT_JSON:
    case ACCORDS_EXPORT_FORMAT_GEOJSON:
    case ACCORDS_EXPORT_FORMAT_CSL_JSON:
    case ACCORDS_EXPORT_FORMAT_BIBTEX:
    case ACCORDS_EXPORT_FORMAT_RIS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
accords_export_to_file (AccordsStore                *store,
                        AccordsIsoCodes             *iso_codes,
                        const AccordsExportOptions  *options,
                        const char                  *path,
                        GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);

  /* a target that cannot be written is refused before the work of rendering */
  if (!accords_check_output_file (path, error))
    return FALSE;
  bytes = accords_export_render (store, iso_codes, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return accords_write_file_atomic (path, data, length, error);
}

typedef struct {
  AccordsIsoCodes      *iso_codes;
  AccordsExportOptions  options;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->iso_codes);
  accords_export_options_clear (&job->options);
  g_free (job);
}

static gboolean
export_file (GTask         *task,
             AccordsStore  *store,
             GFile         *file,
             gpointer       data,
             GError       **error)
{
  ExportJob *job = data;
  g_autofree char *path = g_file_get_path (file);

  if (!accords_export_to_file (store, job->iso_codes, &job->options, path, error))
    return FALSE;
  g_task_return_boolean (task, TRUE);
  return TRUE;
}

void
accords_export_to_file_async (AccordsContext             *context,
                              const AccordsExportOptions *options,
                              GFile                      *file,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_export_to_file_async);

  if (!g_file_is_native (file))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot export to %s: only files on this computer can be written"), uri);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->iso_codes = g_object_ref (accords_context_get_iso_codes (context));
  accords_export_options_copy (options, &job->options);
  /* the date is fixed now, not when the thread gets to it */
  if (job->options.exported_on == NULL)
    job->options.exported_on = accords_export_options_dup_date (options);
  accords_file_task_run (task, accords_context_get_store (context), file,
                         export_file, job, (GDestroyNotify) export_job_free);
}

gboolean
accords_export_to_file_finish (AccordsContext  *context,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
