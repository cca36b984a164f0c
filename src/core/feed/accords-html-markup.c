/* accords-html-markup.c: sanitized HTML as Pango markup, for the reader pane */
#define G_LOG_DOMAIN "accords-html-markup"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "accords-html-markup.h"

/* Deeper nesting than this is flattened to its text */
#define MAX_DEPTH 64

typedef struct {
  GString  *out;
  gboolean  space_pending;  /* whitespace seen since the last text */
  guint     newlines;       /* trailing newlines in out */
  guint     list_depth;
  guint     pre_depth;
} Renderer;

static void
ensure_newlines (Renderer *r,
                 guint     n)
{
  if (r->out->len == 0)
    return;
  while (r->newlines < n)
    {
      g_string_append_c (r->out, '\n');
      r->newlines++;
    }
  r->space_pending = FALSE;
}

static void
append_text (Renderer   *r,
             const char *text)
{
  const char *p = text;

  if (r->pre_depth > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append (r->out, escaped);
      r->newlines = 0;
      return;
    }

  /* collapse runs of white space as a browser does */
  while (*p)
    {
      const char *start = p;
      g_autofree char *escaped = NULL;

      if (g_ascii_isspace (*p))
        {
          while (*p && g_ascii_isspace (*p))
            p++;
          r->space_pending = TRUE;
          continue;
        }
      while (*p && !g_ascii_isspace (*p))
        p++;
      if (r->space_pending && r->newlines == 0 && r->out->len > 0)
        g_string_append_c (r->out, ' ');
      r->space_pending = FALSE;
      escaped = g_markup_escape_text (start, p - start);
      g_string_append (r->out, escaped);
      r->newlines = 0;
    }
}

static gboolean
is_safe_href (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0 ||
         g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

static void render_children (Renderer *r, xmlNode *node, guint depth);

static void
render_wrapped (Renderer   *r,
                xmlNode    *node,
                guint       depth,
                const char *open,
                const char *close)
{
  /* whitespace before an opening tag belongs outside it */
  if (r->space_pending && r->newlines == 0 && r->out->len > 0)
    g_string_append_c (r->out, ' ');
  r->space_pending = FALSE;
  g_string_append (r->out, open);
  render_children (r, node, depth + 1);
  g_string_append (r->out, close);
}

static void
render_element (Renderer *r,
                xmlNode  *node,
                guint     depth)
{
  const char *name = (const char *) node->name;

  if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0 ||
      g_ascii_strcasecmp (name, "head") == 0 || g_ascii_strcasecmp (name, "title") == 0)
    return;

  if (depth > MAX_DEPTH)
    {
      render_children (r, node, depth);
      return;
    }

  if (g_ascii_strcasecmp (name, "br") == 0)
    {
      g_string_append_c (r->out, '\n');
      r->newlines++;
      r->space_pending = FALSE;
    }
  else if (g_ascii_strcasecmp (name, "b") == 0 || g_ascii_strcasecmp (name, "strong") == 0)
    render_wrapped (r, node, depth, "<b>", "</b>");
  else if (g_ascii_strcasecmp (name, "i") == 0 || g_ascii_strcasecmp (name, "em") == 0 ||
           g_ascii_strcasecmp (name, "cite") == 0)
    render_wrapped (r, node, depth, "<i>", "</i>");
  else if (g_ascii_strcasecmp (name, "u") == 0)
    render_wrapped (r, node, depth, "<u>", "</u>");
  else if (g_ascii_strcasecmp (name, "s") == 0 || g_ascii_strcasecmp (name, "strike") == 0 ||
           g_ascii_strcasecmp (name, "del") == 0)
    render_wrapped (r, node, depth, "<s>", "</s>");
  else if (g_ascii_strcasecmp (name, "sup") == 0)
    render_wrapped (r, node, depth, "<sup>", "</sup>");
  else if (g_ascii_strcasecmp (name, "sub") == 0)
    render_wrapped (r, node, depth, "<sub>", "</sub>");
  else if (g_ascii_strcasecmp (name, "code") == 0 || g_ascii_strcasecmp (name, "tt") == 0 ||
           g_ascii_strcasecmp (name, "kbd") == 0)
    render_wrapped (r, node, depth, "<tt>", "</tt>");
  else if (g_ascii_strcasecmp (name, "pre") == 0)
    {
      ensure_newlines (r, 2);
      r->pre_depth++;
      render_wrapped (r, node, depth, "<tt>", "</tt>");
      r->pre_depth--;
      r->newlines = 0;
      ensure_newlines (r, 2);
    }
  else if (g_ascii_strcasecmp (name, "a") == 0)
    {
      xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");

      if (href != NULL && is_safe_href ((const char *) href) && g_utf8_validate ((const char *) href, -1, NULL))
        {
          g_autofree char *escaped = g_markup_escape_text ((const char *) href, -1);
          g_autofree char *open = g_strdup_printf ("<a href=\"%s\">", escaped);

          render_wrapped (r, node, depth, open, "</a>");
        }
      else
        render_children (r, node, depth + 1);
      xmlFree (href);
    }
  else if (strlen (name) == 2 && g_ascii_tolower (name[0]) == 'h' && name[1] >= '1' && name[1] <= '6')
    {
      ensure_newlines (r, 2);
      render_wrapped (r, node, depth, "<span weight=\"bold\" size=\"large\">", "</span>");
      ensure_newlines (r, 2);
    }
  else if (g_ascii_strcasecmp (name, "li") == 0)
    {
      ensure_newlines (r, 1);
      for (guint i = 1; i < r->list_depth; i++)
        g_string_append (r->out, "    ");
      g_string_append (r->out, "• ");
      r->newlines = 0;
      r->space_pending = FALSE;
      render_children (r, node, depth + 1);
      ensure_newlines (r, 1);
    }
  else if (g_ascii_strcasecmp (name, "ul") == 0 || g_ascii_strcasecmp (name, "ol") == 0)
    {
      ensure_newlines (r, r->list_depth == 0 ? 2 : 1);
      r->list_depth++;
      render_children (r, node, depth + 1);
      r->list_depth--;
      ensure_newlines (r, r->list_depth == 0 ? 2 : 1);
    }
  else if (g_ascii_strcasecmp (name, "blockquote") == 0)
    {
      ensure_newlines (r, 2);
      render_wrapped (r, node, depth, "<i>", "</i>");
      ensure_newlines (r, 2);
    }
  else if (g_ascii_strcasecmp (name, "p") == 0 || g_ascii_strcasecmp (name, "div") == 0 ||
           g_ascii_strcasecmp (name, "section") == 0 || g_ascii_strcasecmp (name, "article") == 0 ||
           g_ascii_strcasecmp (name, "figure") == 0 || g_ascii_strcasecmp (name, "figcaption") == 0 ||
           g_ascii_strcasecmp (name, "table") == 0 || g_ascii_strcasecmp (name, "tr") == 0 ||
           g_ascii_strcasecmp (name, "dl") == 0 || g_ascii_strcasecmp (name, "dt") == 0 ||
           g_ascii_strcasecmp (name, "dd") == 0 || g_ascii_strcasecmp (name, "hr") == 0)
    {
      ensure_newlines (r, 2);
      render_children (r, node, depth + 1);
      ensure_newlines (r, 2);
    }
  else
    render_children (r, node, depth + 1);
}

static void
render_children (Renderer *r,
                 xmlNode  *node,
                 guint     depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        append_text (r, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        render_element (r, child, depth);
    }
}

char *
accords_html_to_markup (const char *html)
{
  g_autofree char *valid = NULL;
  g_autofree char *wrapped = NULL;
  htmlDocPtr doc;
  Renderer r = { 0 };
  xmlNode *root;

  if (html == NULL || *html == '\0')
    return g_strdup ("");

  valid = g_utf8_make_valid (html, -1);
  wrapped = g_strconcat ("<html><body>", valid, "</body></html>", NULL);
  doc = htmlReadMemory (wrapped, (int) strlen (wrapped), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED);
  r.out = g_string_new (NULL);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL)
    render_element (&r, root, 0);
  if (doc)
    xmlFreeDoc (doc);

  /* no blank lines at either end */
  while (r.out->len > 0 && r.out->str[r.out->len - 1] == '\n')
    g_string_truncate (r.out, r.out->len - 1);
  {
    gsize lead = 0;
    while (lead < r.out->len && r.out->str[lead] == '\n')
      lead++;
    g_string_erase (r.out, 0, lead);
  }
  return g_string_free (r.out, FALSE);
}
