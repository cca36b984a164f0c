/* accords-export-html.c: a report as one self-contained HTML file */
#define G_LOG_DOMAIN "accords-export-html"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "accords-export-private.h"

/* Readable on screen, and on paper: no backgrounds, links spelled out */
static const char stylesheet[] =
  "body { font-family: 'DejaVu Serif', Georgia, serif; line-height: 1.5; color: #1d1d1d;\n"
  "       max-width: 48em; margin: 2em auto; padding: 0 1.5em; }\n"
  "h1, h2, h3, h4, h5, h6 { font-family: 'Cantarell', 'DejaVu Sans', sans-serif; line-height: 1.25;\n"
  "       margin: 1.6em 0 0.5em; page-break-after: avoid; break-after: avoid; }\n"
  "h1 { font-size: 1.9em; margin-top: 0; }\n"
  "h2 { font-size: 1.45em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }\n"
  "h3 { font-size: 1.2em; }\n"
  "h4 { font-size: 1.05em; }\n"
  "p.subtitle { color: #555; font-style: italic; margin-top: 0; }\n"
  "dl.fields { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.2em; }\n"
  "dl.fields dt { font-weight: bold; }\n"
  "dl.fields dd { margin: 0; }\n"
  "table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; font-size: 0.9em; }\n"
  "th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }\n"
  "th { background: #f0f0f0; }\n"
  "tr { page-break-inside: avoid; break-inside: avoid; }\n"
  "thead { display: table-header-group; }\n"
  "a { color: #1a5fb4; }\n"
  "a.cite { text-decoration: none; }\n"
  "div.note { margin-left: 0; }\n"
  "blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #444; }\n"
  "pre, code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }\n"
  "pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; white-space: pre-wrap; }\n"
  "ol.references li { margin-bottom: 0.4em; overflow-wrap: anywhere; }\n"
  "ol.references li:target { background: #fff3bf; }\n"

  "@page { size: auto; margin: 2cm; }\n"
  "@media print {\n"
  "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; }\n"
  "  th { background: none; }\n"
  "  pre { background: none; border: 1px solid #ccc; }\n"
  "  a { color: #000; }\n"
  "  ol.references a[href^='http']::after { content: none; }\n"
  "  h2 { page-break-before: auto; }\n"
  "}\n";

/* A list by author hangs its entries instead of numbering them */
static const char author_date_stylesheet[] =
  "ul.author-date { list-style: none; padding-left: 0; }\n"
  "ul.author-date li { padding-left: 2em; text-indent: -2em; margin-bottom: 0.4em; overflow-wrap: anywhere; }\n"
  "ul.author-date li:target { background: #fff3bf; }\n";

static void
html_text (GString    *out,
           const char *text,
           gsize       length,
           gpointer    user_data)
{
  for (gsize i = 0; i < length; i++)
    switch (text[i])
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      default:
        g_string_append_c (out, text[i]);
      }
}

static void
html_escape (GString    *out,
             const char *text)
{
  if (text != NULL)
    html_text (out, text, strlen (text), NULL);
}

static void
html_cite (GString  *out,
           guint     number,
           gpointer  user_data)
{
  AccordsReport *report = user_data;

  g_string_append_printf (out, "<a class=\"cite\" href=\"#ref-%u\"", number);
  if (number <= report->references->len)
    {
      g_autofree char *label = accords_reference_dup_label (report->references->pdata[number - 1]);

      g_string_append (out, " title=\"");
      html_escape (out, label);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
  html_escape (out, accords_report_cite_label (report, number));
  g_string_append (out, "</a>");
}

static void
html_inline (AccordsReport *report,
             GString       *out,
             const char    *text)
{
  accords_report_append_inline (report, out, text, html_text, html_cite, report);
}

static void
render_table (AccordsReport      *report,
              GString            *out,
              AccordsReportBlock *block)
{
  guint n = g_strv_length (block->columns);

  g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "<th>");
      html_escape (out, block->columns[i]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv row = block->rows->pdata[r];

      g_string_append (out, "<tr>");
      for (guint i = 0; i < n && row[i]; i++)
        {
          g_string_append (out, "<td>");
          html_inline (report, out, row[i]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static gboolean
is_safe_url (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "file") == 0);
}

GBytes *
accords_report_to_html (AccordsReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* TRANSLATORS: the BCP 47 code of your language (de, pt-BR…): exported
   * reports declare it so that readers hyphenate and speak them right */
  html_escape (out, _("en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (out, "<meta name=\"generator\" content=\"Accords " PACKAGE_VERSION "\">\n");
  g_string_append_printf (out, "<meta name=\"date\" content=\"%s\">\n", report->exported_on);
  g_string_append (out, "<title>");
  html_escape (out, report->title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  if (report->style == ACCORDS_CITATION_STYLE_AUTHOR_DATE)
    g_string_append (out, author_date_stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  for (guint i = 0; i < report->blocks->len; i++)
    {
      AccordsReportBlock *block = report->blocks->pdata[i];

      switch (block->kind)
        {
        case ACCORDS_REPORT_HEADING:
          g_string_append_printf (out, "<h%u", block->level);
          if (block->anchor != NULL)
            {
              g_string_append (out, " id=\"");
              html_escape (out, block->anchor);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          html_inline (report, out, block->text);
          g_string_append_printf (out, "</h%u>\n", block->level);
          break;

        case ACCORDS_REPORT_SUBTITLE:
          g_string_append (out, "<p class=\"subtitle\">");
          html_inline (report, out, block->text);
          g_string_append (out, "</p>\n");
          break;

        case ACCORDS_REPORT_PARAGRAPH:
          g_string_append (out, "<p>");
          html_inline (report, out, block->text);
          g_string_append (out, "</p>\n");
          break;

        case ACCORDS_REPORT_FIELDS:
          g_string_append (out, "<dl class=\"fields\">\n");
          for (guint r = 0; block->rows && r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];

              g_string_append (out, "<dt>");
              html_inline (report, out, row[0]);
              g_string_append (out, "</dt><dd>");
              html_inline (report, out, row[1]);
              g_string_append (out, "</dd>\n");
            }
          g_string_append (out, "</dl>\n");
          break;

        case ACCORDS_REPORT_LIST:
          g_string_append (out, "<ul>\n");
          for (guint r = 0; block->rows && r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];

              g_string_append (out, "<li>");
              html_inline (report, out, row[0]);
              g_string_append (out, "</li>\n");
            }
          g_string_append (out, "</ul>\n");
          break;

        case ACCORDS_REPORT_TABLE:
          render_table (report, out, block);
          break;

        case ACCORDS_REPORT_NOTE_BODY:
          {
            g_autofree char *html = accords_report_note_to_html (report, block->text, block->level);

            g_string_append (out, "<div class=\"note\">\n");
            g_string_append (out, html);
            g_string_append (out, "</div>\n");
          }
          break;

        case ACCORDS_REPORT_REFERENCES:
          g_string_append (out, report->style == ACCORDS_CITATION_STYLE_NUMBERED
                                  ? "<ol class=\"references\">\n" : "<ul class=\"references author-date\">\n");
          for (guint k = 0; k < report->order->len; k++)
            {
              g_autofree char *before = NULL, *url = NULL, *after = NULL;
              guint number = g_array_index (report->order, guint, k);

              accords_report_format_entry (report, number, &before, &url, &after);
              g_string_append_printf (out, "<li id=\"ref-%u\">", number);
              html_escape (out, before);
              if (url != NULL && is_safe_url (url))
                {
                  g_string_append (out, "<a href=\"");
                  html_escape (out, url);
                  g_string_append (out, "\">");
                  html_escape (out, url);
                  g_string_append (out, "</a>");
                }
              else
                html_escape (out, url);
              html_escape (out, after);
              g_string_append (out, "</li>\n");
            }
          g_string_append (out, report->style == ACCORDS_CITATION_STYLE_NUMBERED ? "</ol>\n" : "</ul>\n");
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}
