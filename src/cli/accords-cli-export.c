/* accords-cli-export.c: accords-cli export */
#define G_LOG_DOMAIN "accords-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-cli-export.h"
#include "accords-export.h"

int
accords_cli_cmd_export (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  g_autofree char *format = NULL, *agreement = NULL, *output = NULL, *table = NULL, *paper = NULL, *style = NULL;
  gint64 note = 0;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("md, html, pdf, csv, json, geojson, csl-json, bibtex or ris"), "FORMAT" },
    { "note", 0, 0, G_OPTION_ARG_INT64, &note, N_("Export this note"), "ID" },
    { "agreement", 0, 0, G_OPTION_ARG_STRING, &agreement, N_("Export this agreement’s dossier"), "ID" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export everything (the default)"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, N_("For CSV: agreements, parties, events or items"), "TABLE" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("For PDF: a4 or letter"), "SIZE" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style, N_("For reports: how they cite, numbered or author-date"), "STYLE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (- for standard output)"), "FILE" },
    { NULL }
  };
  g_auto(AccordsExportOptions) options;
  g_autoptr(GError) error = NULL;
  AccordsContext *context;

  accords_export_options_init (&options);
  if (!accords_cli_parse_options ("export", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    return accords_cli_usage_error (_("export: unexpected argument “%s”"), argv[1]);
  if (format == NULL || !accords_export_format_from_string (format, &options.format))
    return accords_cli_usage_error (_("export: --format must be md, html, pdf, csv, json, geojson, csl-json, bibtex or ris"));
  if ((note != 0) + (agreement != NULL) + all > 1)
    return accords_cli_usage_error (_("export: give one of --note, --agreement and --all"));
  if (output == NULL)
    return accords_cli_usage_error (_("export: -o FILE is required"));
  if (table != NULL && !accords_export_table_from_string (table, &options.table))
    return accords_cli_usage_error (_("export: --table must be agreements, parties, events or items"));
  if (table != NULL && options.format != ACCORDS_EXPORT_FORMAT_CSV)
    return accords_cli_usage_error (_("export: --table goes with --format csv"));
  if (paper != NULL && !accords_paper_size_from_string (paper, &options.paper))
    return accords_cli_usage_error (_("export: --paper must be a4 or letter"));
  if (style != NULL && !accords_citation_style_from_string (style, &options.citation_style))
    return accords_cli_usage_error (_("export: --style must be numbered or author-date"));
  if (style != NULL && !accords_export_format_is_report (options.format))
    return accords_cli_usage_error (_("export: --style goes with --format md, html or pdf"));

  if (note != 0)
    {
      options.scope = ACCORDS_EXPORT_SCOPE_NOTE;
      options.note_id = note;
    }
  else if (agreement != NULL)
    {
      options.scope = ACCORDS_EXPORT_SCOPE_AGREEMENT;
      options.agreement = g_strdup (agreement);
    }
  else
    options.scope = ACCORDS_EXPORT_SCOPE_ALL;

  if (!(context = accords_cli_get_context (cli)))
    return 1;

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = accords_export_render (accords_context_get_store (context),
                                                       accords_context_get_iso_codes (context),
                                                       &options, &error);
      gsize length;
      const void *data;

      if (bytes == NULL)
        return accords_cli_fail_error ("export", error);
      data = g_bytes_get_data (bytes, &length);
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return accords_cli_fail (_("export: writing to standard output failed"));
      return 0;
    }

  if (!accords_export_to_file (accords_context_get_store (context), accords_context_get_iso_codes (context),
                               &options, output, &error))
    return accords_cli_fail_error ("export", error);
  return 0;
}
