/* accords-export-markdown.c: a report as Markdown */
#define G_LOG_DOMAIN "accords-export-markdown"

#include "config.h"

#include <string.h>

#include "accords-export-private.h"

/* Plain text made literal Markdown: punctuation that could start markup is
 * escaped, line breaks become spaces (a cell or a field is one line) */
static void
md_text (GString    *out,
         const char *text,
         gsize       length,
         gpointer    user_data)
{
  gboolean line_start = out->len == 0 || out->str[out->len - 1] == '\n';

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\r')
        continue;
      if (c == '\n')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>|#", c) != NULL)
        g_string_append_c (out, '\\');
      else if (c == '&' && i + 1 < length && (g_ascii_isalpha (text[i + 1]) || text[i + 1] == '#'))
        g_string_append_c (out, '\\');
      else if (line_start && (c == '-' || c == '+'))
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (c))
        {
          gsize k = i;
          while (k < length && g_ascii_isdigit (text[k]))
            k++;
          if (k < length && (text[k] == '.' || text[k] == ')'))
            {
              g_string_append_len (out, text + i, k - i);
              g_string_append_c (out, '\\');
              i = k - 1;
              line_start = FALSE;
              continue;
            }
        }
      g_string_append_c (out, c);
      line_start = FALSE;
    }
}

/* Markdown the researcher wrote goes in as it is */
static void
md_raw (GString    *out,
        const char *text,
        gsize       length,
        gpointer    user_data)
{
  g_string_append_len (out, text, length);
}

static void
md_cite (GString  *out,
         guint     number,
         gpointer  user_data)
{
  const char *label = accords_report_cite_label (user_data, number);

  /* "[1]" as it always was; a name or a title is text to escape */
  if (label[0] == '[')
    g_string_append (out, label);
  else
    md_text (out, label, strlen (label), NULL);
}

static void
md_inline (AccordsReport *report,
           GString       *out,
           const char    *text)
{
  accords_report_append_inline (report, out, text, md_text, md_cite, report);
}

/* The note's own headings sit under the heading of the note */
static char *
shift_headings (const char *body,
                guint       offset)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  GString *out = g_string_new (NULL);
  char fence = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *p = line;
      guint hashes = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      while (*p == ' ' && p - line < 3)
        p++;
      if ((p[0] == '`' || p[0] == '~') && p[1] == p[0] && p[2] == p[0])
        fence = fence == 0 ? p[0] : (fence == p[0] ? 0 : fence);
      else if (fence == 0)
        {
          while (p[hashes] == '#')
            hashes++;
          if (hashes >= 1 && hashes <= 6 && (p[hashes] == ' ' || p[hashes] == '\t' || p[hashes] == '\0'))
            {
              guint level = MIN (hashes + offset, 6);

              g_string_append_len (out, line, p - line);
              for (guint k = 0; k < level; k++)
                g_string_append_c (out, '#');
              g_string_append (out, p + hashes);
              continue;
            }
        }
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static void
render_table (AccordsReport      *report,
              GString            *out,
              AccordsReportBlock *block)
{
  guint n = g_strv_length (block->columns);

  g_string_append (out, "|");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ' ');
      md_inline (report, out, block->columns[i]);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint i = 0; i < n; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv row = block->rows->pdata[r];

      g_string_append (out, "|");
      for (guint i = 0; i < n && row[i]; i++)
        {
          g_string_append_c (out, ' ');
          md_inline (report, out, row[i]);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
}

GBytes *
accords_report_to_markdown (AccordsReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      AccordsReportBlock *block = report->blocks->pdata[i];

      if (out->len > 0)
        g_string_append_c (out, '\n');

      switch (block->kind)
        {
        case ACCORDS_REPORT_HEADING:
          for (guint k = 0; k < block->level; k++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          md_inline (report, out, block->text);
          g_string_append_c (out, '\n');
          break;

        case ACCORDS_REPORT_SUBTITLE:
          g_string_append_c (out, '*');
          md_inline (report, out, block->text);
          g_string_append (out, "*\n");
          break;

        case ACCORDS_REPORT_PARAGRAPH:
          md_inline (report, out, block->text);
          g_string_append_c (out, '\n');
          break;

        case ACCORDS_REPORT_FIELDS:
          for (guint r = 0; block->rows && r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];

              g_string_append (out, "- **");
              md_inline (report, out, row[0]);
              g_string_append (out, ":** ");
              md_inline (report, out, row[1]);
              g_string_append_c (out, '\n');
            }
          break;

        case ACCORDS_REPORT_LIST:
          for (guint r = 0; block->rows && r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];

              g_string_append (out, "- ");
              md_inline (report, out, row[0]);
              g_string_append_c (out, '\n');
            }
          break;

        case ACCORDS_REPORT_TABLE:
          render_table (report, out, block);
          break;

        case ACCORDS_REPORT_NOTE_BODY:
          {
            g_autofree char *shifted = shift_headings (block->text, block->level);
            gsize start = out->len;

            accords_report_append_inline (report, out, shifted, md_raw, md_cite, report);
            /* exactly one line break after the body */
            while (out->len > start && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == ' '))
              g_string_truncate (out, out->len - 1);
            g_string_append_c (out, '\n');
          }
          break;

        case ACCORDS_REPORT_REFERENCES:
          for (guint k = 0; k < report->order->len; k++)
            {
              g_autofree char *before = NULL, *url = NULL, *after = NULL;
              guint number = g_array_index (report->order, guint, k);

              accords_report_format_entry (report, number, &before, &url, &after);
              if (report->style == ACCORDS_CITATION_STYLE_NUMBERED)
                g_string_append_printf (out, "%u. ", number);
              else
                g_string_append (out, "- ");
              md_text (out, before, strlen (before), NULL);
              /* an autolink cannot hold blanks or angle brackets */
              if (url != NULL && strpbrk (url, " <>") == NULL)
                g_string_append_printf (out, "<%s>", url);
              else if (url != NULL)
                md_text (out, url, strlen (url), NULL);
              md_text (out, after, strlen (after), NULL);
              g_string_append_c (out, '\n');
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free_to_bytes (out);
}
