/* accords-export-citations.c: the works a report cites as CSL-JSON, BibTeX and RIS */
#define G_LOG_DOMAIN "accords-export-citations"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "accords-cite-record.h"
#include "accords-export-private.h"

/* The name a reference manager files a kept copy under */
#define ARCHIVE_NAME "Accords"

static const struct {
  const char *csl;
  const char *bibtex;
  const char *ris;
} work_types[] = {
  [ACCORDS_WORK_WEBPAGE] = { "webpage", "online", "ELEC" },
  [ACCORDS_WORK_NEWSPAPER_ARTICLE] = { "article-newspaper", "article", "NEWS" },
  [ACCORDS_WORK_REPORT] = { "report", "techreport", "RPRT" },
  [ACCORDS_WORK_LEGAL_CASE] = { "legal_case", "misc", "CASE" },
  [ACCORDS_WORK_JOURNAL_ARTICLE] = { "article-journal", "article", "JOUR" },
  [ACCORDS_WORK_DOCUMENT] = { "document", "misc", "GEN" },
};

GPtrArray *
accords_export_load_cite_records (AccordsStore               *store,
                                  AccordsIsoCodes            *iso_codes,
                                  const AccordsExportOptions *options,
                                  GError                    **error)
{
  g_autoptr(AccordsReport) report = accords_report_build (store, iso_codes, options, error);
  g_autoptr(GPtrArray) records = NULL;

  if (report == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_cite_record_free);
  for (guint i = 0; i < report->records->len; i++)
    if (report->records->pdata[i] != NULL)
      {
        /* the report hands its records on */
        g_ptr_array_add (records, g_steal_pointer (&report->records->pdata[i]));
      }
  return g_steal_pointer (&records);
}

static char *
archive_note (const AccordsCiteRecord *record)
{
  /* TRANSLATORS: in an exported citation: the day a copy of the page was kept */
  return record->archived ? g_strdup_printf (_("Archived on %s"), record->archived) : NULL;
}

/* CSL-JSON */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const char  *date)
{
  int parts[3];
  guint n = accords_cite_date_parts (date, parts);

  if (n == 0)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date-parts");
  json_builder_begin_array (builder);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (builder, parts[i]);
  json_builder_end_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
accords_cite_records_to_csl_json (GPtrArray *records)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (records != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      const AccordsCiteRecord *r = records->pdata[i];
      g_autofree char *note = archive_note (r);

      json_builder_begin_object (builder);
      add_string (builder, "id", r->id);
      add_string (builder, "type", work_types[r->type].csl);
      add_string (builder, "title", r->title);
      if (r->authors->len > 0)
        {
          json_builder_set_member_name (builder, "author");
          json_builder_begin_array (builder);
          for (guint k = 0; k < r->authors->len; k++)
            {
              const AccordsCiteName *name = r->authors->pdata[k];

              json_builder_begin_object (builder);
              add_string (builder, "family", name->family);
              add_string (builder, "given", name->given);
              add_string (builder, "literal", name->literal);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      add_string (builder, "container-title", r->container);
      add_string (builder, "publisher", r->publisher);
      add_date (builder, "issued", r->issued);
      add_date (builder, "accessed", r->accessed);
      add_string (builder, "URL", r->url);
      if (r->archived != NULL)
        {
          add_string (builder, "archive", ARCHIVE_NAME);
          add_string (builder, "archive_location", r->archive_location);
        }
      add_string (builder, "note", note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), strlen (text) + 1);
}

/* BibTeX */

static void
bibtex_escape (GString    *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\textbackslash{}");
        break;
      case '~':
        g_string_append (out, "\\textasciitilde{}");
        break;
      case '^':
        g_string_append (out, "\\textasciicircum{}");
        break;
      case '{': case '}': case '&': case '%': case '$': case '#': case '_':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\n': case '\r': case '\t':
        g_string_append_c (out, ' ');
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static void
bibtex_field (GString    *out,
              const char *name,
              const char *value,
              gboolean    keep_case)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ",\n  %s = {%s", name, keep_case ? "{" : "");
  bibtex_escape (out, value);
  g_string_append (out, keep_case ? "}}" : "}");
}

/* A URL as it is, but for the braces that would end the field */
static void
bibtex_url_field (GString    *out,
                  const char *name,
                  const char *url)
{
  if (url == NULL)
    return;
  g_string_append_printf (out, ",\n  %s = {", name);
  for (const char *p = url; *p; p++)
    if (*p == '{')
      g_string_append (out, "%7B");
    else if (*p == '}')
      g_string_append (out, "%7D");
    else if (*p == '\\')
      g_string_append (out, "%5C");
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '}');
}

static void
bibtex_names (GString   *out,
              GPtrArray *authors)
{
  if (authors->len == 0)
    return;
  g_string_append (out, ",\n  author = {");
  for (guint i = 0; i < authors->len; i++)
    {
      const AccordsCiteName *name = authors->pdata[i];

      if (i > 0)
        g_string_append (out, " and ");
      if (name->literal != NULL)
        {
          /* a body's name in braces is not split into family and given */
          g_string_append_c (out, '{');
          bibtex_escape (out, name->literal);
          g_string_append_c (out, '}');
        }
      else
        {
          bibtex_escape (out, name->family);
          if (name->given != NULL)
            {
              g_string_append (out, ", ");
              bibtex_escape (out, name->given);
            }
        }
    }
  g_string_append_c (out, '}');
}

GBytes *
accords_cite_records_to_bibtex (GPtrArray *records)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (records != NULL, NULL);

  g_string_append (out, "% Exported from Accords " PACKAGE_VERSION "\n");
  for (guint i = 0; i < records->len; i++)
    {
      const AccordsCiteRecord *r = records->pdata[i];
      g_autofree char *note = archive_note (r);
      int parts[3];
      guint n = accords_cite_date_parts (r->issued, parts);

      g_string_append_printf (out, "\n@%s{%s", work_types[r->type].bibtex, r->id);
      bibtex_names (out, r->authors);
      bibtex_field (out, "title", r->title, TRUE);
      switch (r->type)
        {
        case ACCORDS_WORK_NEWSPAPER_ARTICLE:
        case ACCORDS_WORK_JOURNAL_ARTICLE:
          bibtex_field (out, "journal", r->container, FALSE);
          break;
        case ACCORDS_WORK_WEBPAGE:
          bibtex_field (out, "organization", r->container, FALSE);
          break;
        case ACCORDS_WORK_REPORT:
          bibtex_field (out, "institution", r->publisher, FALSE);
          break;
        case ACCORDS_WORK_LEGAL_CASE:
        case ACCORDS_WORK_DOCUMENT:
        default:
          bibtex_field (out, "publisher", r->publisher ? r->publisher : r->container, FALSE);
          break;
        }
      if (n >= 1)
        g_string_append_printf (out, ",\n  year = {%04d}", parts[0]);
      if (n >= 2)
        g_string_append_printf (out, ",\n  month = %s", months[parts[1] - 1]);
      bibtex_field (out, "date", r->issued, FALSE);
      bibtex_url_field (out, "url", r->url);
      bibtex_field (out, "urldate", r->accessed, FALSE);
      bibtex_field (out, "note", note, FALSE);
      g_string_append (out, "\n}\n");
    }
  return g_string_free_to_bytes (out);
}

/* RIS */

static void
ris_line (GString    *out,
          const char *tag,
          const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "%s  - ", tag);
  /* one line per tag: a line break would start a tag of its own */
  for (const char *p = value; *p; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append (out, "\r\n");
}

/* "YYYY/MM/DD/": the parts known, the slashes always */
static char *
ris_date (const char *date)
{
  int parts[3];
  guint n = accords_cite_date_parts (date, parts);

  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup_printf ("%04d///", parts[0]);
  if (n == 2)
    return g_strdup_printf ("%04d/%02d//", parts[0], parts[1]);
  return g_strdup_printf ("%04d/%02d/%02d/", parts[0], parts[1], parts[2]);
}

GBytes *
accords_cite_records_to_ris (GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const AccordsCiteRecord *r = records->pdata[i];
      g_autofree char *note = archive_note (r);
      g_autofree char *issued = ris_date (r->issued);
      g_autofree char *accessed = ris_date (r->accessed);
      g_autofree char *year = NULL;
      int parts[3];

      if (accords_cite_date_parts (r->issued, parts) > 0)
        year = g_strdup_printf ("%04d", parts[0]);
      ris_line (out, "TY", work_types[r->type].ris);
      ris_line (out, "ID", r->id);
      ris_line (out, "TI", r->title);
      for (guint k = 0; k < r->authors->len; k++)
        {
          const AccordsCiteName *name = r->authors->pdata[k];
          g_autofree char *text = name->literal
            ? g_strdup (name->literal)
            : g_strdup_printf ("%s%s%s", name->family, name->given ? ", " : "", name->given ? name->given : "");

          ris_line (out, "AU", text);
        }
      /* T2 is the newspaper's or the site's title, PB the publisher (a court, an institution) */
      ris_line (out, "T2", r->container);
      ris_line (out, "PB", r->publisher);
      ris_line (out, "PY", year);
      ris_line (out, "DA", issued);
      ris_line (out, "UR", r->url);
      ris_line (out, "Y2", accessed);
      if (r->archived != NULL)
        {
          ris_line (out, "DB", ARCHIVE_NAME);
          ris_line (out, "AN", r->archive_location);
        }
      ris_line (out, "N1", note);
      ris_line (out, "ER", "");
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}
