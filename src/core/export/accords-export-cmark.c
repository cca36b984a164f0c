/* accords-export-cmark.c: note bodies as cmark trees, with citations made links */
#define G_LOG_DOMAIN "accords-export-cmark"

#include "config.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

#include "accords-export-private.h"

/* What researchers write beyond CommonMark: GitHub's tables, ~~struck~~
 * text and bare addresses made links.  "tagfilter" is left out: raw HTML
 * never reaches the output at all. */
static const char * const extension_names[] = { "table", "strikethrough", "autolink" };

/* Nodes of the types wanted, in document order; the tree may then be changed */
static GPtrArray *
collect (cmark_node     *root,
         cmark_node_type type)
{
  GPtrArray *nodes = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == type)
        g_ptr_array_add (nodes, node);
    }
  cmark_iter_free (iter);
  return nodes;
}

static cmark_node *
new_text (const char *text,
          gsize       length)
{
  cmark_node *node = cmark_node_new (CMARK_NODE_TEXT);
  g_autofree char *copy = g_strndup (text, length);

  cmark_node_set_literal (node, copy);
  return node;
}

/* Markers become private-use characters around the citation's number
 * before cmark sees the text: what the marker parser took for a citation
 * (not code, not escaped) is then exactly what gets linked. */
#define CITE_OPEN  "\xee\x80\x80"   /* U+E000 */
#define CITE_CLOSE "\xee\x80\x81"   /* U+E001 */

static char *
mark_citation (const AccordsCitationMark *mark,
               gpointer                   user_data)
{
  AccordsReport *report = user_data;
  guint number = accords_citation_numbering_lookup (report->numbering, mark->kind, mark->id);

  if (number == 0)
    return accords_citation_marker (mark->kind, mark->id);
  return g_strdup_printf (CITE_OPEN "%u" CITE_CLOSE, number);
}

static void
link_citations (AccordsReport *report,
                cmark_node    *root)
{
  g_autoptr(GPtrArray) texts = collect (root, CMARK_NODE_TEXT);

  for (guint i = 0; i < texts->len; i++)
    {
      cmark_node *node = texts->pdata[i];
      g_autofree char *literal = g_strdup (cmark_node_get_literal (node));
      const char *done = literal;
      const char *open;

      if (strstr (literal, CITE_OPEN) == NULL)
        continue;
      while ((open = strstr (done, CITE_OPEN)) != NULL)
        {
          const char *digits = open + strlen (CITE_OPEN);
          char *end = NULL;
          guint64 number = g_ascii_strtoull (digits, &end, 10);
          g_autofree char *url = NULL;
          g_autofree char *label = NULL;
          cmark_node *link;

          if (end == digits || !g_str_has_prefix (end, CITE_CLOSE))
            break;
          if (open > done)
            cmark_node_insert_before (node, new_text (done, open - done));
          link = cmark_node_new (CMARK_NODE_LINK);
          url = g_strdup_printf ("#ref-%u", (guint) number);
          label = number >= 1 && number <= report->labels->len
            ? g_strdup (accords_report_cite_label (report, (guint) number))
            : g_strdup_printf ("[%u]", (guint) number);
          cmark_node_set_url (link, url);
          if (number >= 1 && number <= report->references->len)
            {
              g_autofree char *title = accords_reference_dup_label (report->references->pdata[number - 1]);
              cmark_node_set_title (link, title);
            }
          cmark_node_append_child (link, new_text (label, strlen (label)));
          cmark_node_insert_before (node, link);
          done = end + strlen (CITE_CLOSE);
        }
      if (*done != '\0')
        cmark_node_set_literal (node, done);
      else
        {
          cmark_node_unlink (node);
          cmark_node_free (node);
        }
    }
}

/* An image would load from the network when the file is opened: keep its
 * description as a link instead */
static void
images_to_links (cmark_node *root)
{
  g_autoptr(GPtrArray) images = collect (root, CMARK_NODE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    {
      cmark_node *image = images->pdata[i];
      cmark_node *link = cmark_node_new (CMARK_NODE_LINK);
      cmark_node *child;

      cmark_node_set_url (link, cmark_node_get_url (image));
      cmark_node_set_title (link, cmark_node_get_title (image));
      while ((child = cmark_node_first_child (image)) != NULL)
        cmark_node_append_child (link, child);
      if (cmark_node_first_child (link) == NULL)
        {
          const char *url = cmark_node_get_url (image);
          cmark_node_append_child (link, new_text (url ? url : "", url ? strlen (url) : 0));
        }
      cmark_node_insert_before (image, link);
      cmark_node_unlink (image);
      cmark_node_free (image);
    }
}

static void
shift_headings (cmark_node *root,
                guint       offset)
{
  g_autoptr(GPtrArray) headings = collect (root, CMARK_NODE_HEADING);

  for (guint i = 0; i < headings->len; i++)
    {
      int level = cmark_node_get_heading_level (headings->pdata[i]) + (int) offset;
      cmark_node_set_heading_level (headings->pdata[i], MIN (level, 6));
    }
}

static cmark_parser *
new_parser (void)
{
  static gsize registered = 0;
  cmark_parser *parser;

  /* the registry cmark-gfm keeps is filled once, whichever thread exports first */
  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extension_names[i]);

      g_assert (extension != NULL);
      cmark_parser_attach_syntax_extension (parser, extension);
    }
  return parser;
}

static cmark_node *
parse_note (AccordsReport *report,
            cmark_parser  *parser,
            const char    *markdown,
            guint          heading_offset)
{
  g_autofree char *marked = accords_citations_replace (markdown, mark_citation, report);
  cmark_node *root;

  cmark_parser_feed (parser, marked, strlen (marked));
  root = cmark_parser_finish (parser);
  shift_headings (root, heading_offset);
  images_to_links (root);
  link_citations (report, root);
  return root;
}

cmark_node *
accords_report_parse_note (AccordsReport *report,
                           const char    *markdown,
                           guint          heading_offset)
{
  cmark_parser *parser = new_parser ();
  cmark_node *root = parse_note (report, parser, markdown, heading_offset);

  cmark_parser_free (parser);
  return root;
}

char *
accords_report_note_to_html (AccordsReport *report,
                             const char    *markdown,
                             guint          heading_offset)
{
  cmark_parser *parser = new_parser ();
  cmark_node *root = parse_note (report, parser, markdown, heading_offset);
  /* cmark's default is safe: raw HTML is left out, unsafe links emptied;
   * a column's alignment goes in a style attribute, which the stylesheet's
   * "text-align: left" for cells would otherwise override */
  char *html = cmark_render_html (root, CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES,
                                  cmark_parser_get_syntax_extensions (parser));
  char *copy = g_strdup (html);

  free (html);
  cmark_node_free (root);
  cmark_parser_free (parser);
  return copy;
}

gboolean
accords_report_node_is (cmark_node *node,
                        const char *type)
{
  return g_strcmp0 (cmark_node_get_type_string (node), type) == 0;
}
