/* accords-feed-discovery.c: the feeds a web page names in its <link rel="alternate">, pure */
#define G_LOG_DOMAIN "accords-feed-discovery"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "accords-feed-discovery.h"

void
accords_feed_link_free (AccordsFeedLink *link)
{
  if (link == NULL)
    return;
  g_free (link->url);
  g_free (link->title);
  g_free (link->type);
  g_free (link);
}

static const char * const feed_types[] = {
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
};

static gboolean
is_feed_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (feed_types); i++)
    if (g_ascii_strncasecmp (type, feed_types[i], strlen (feed_types[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_token (const char *list,
           const char *token)
{
  g_auto(GStrv) tokens = g_strsplit_set (list, " \t\r\n\f", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

typedef struct {
  GPtrArray  *links;
  GHashTable *seen;
  char       *base;
} Discovery;

static void
add_link (Discovery *d,
          xmlNode   *node)
{
  g_autofree char *rel = attribute (node, "rel");
  g_autofree char *type = attribute (node, "type");
  g_autofree char *href = attribute (node, "href");
  g_autofree char *title = attribute (node, "title");
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  AccordsFeedLink *link;
  char *url;

  if (rel == NULL || type == NULL || href == NULL || *href == '\0')
    return;
  if (!has_token (rel, "alternate") || has_token (rel, "stylesheet") || !is_feed_type (type))
    return;
  if (d->base != NULL)
    base = g_uri_parse (d->base, G_URI_FLAGS_NONE, NULL);
  uri = g_uri_parse_relative (base, href, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return;
  scheme = g_uri_get_scheme (uri);
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return;
  url = g_uri_to_string (uri);
  if (!g_hash_table_add (d->seen, url))
    return;
  link = g_new0 (AccordsFeedLink, 1);
  link->url = g_strdup (url);
  link->title = g_strdup (title && g_utf8_validate (title, -1, NULL) ? title : "");
  link->type = g_ascii_strdown (type, -1);
  g_ptr_array_add (d->links, link);
}

static void
walk (Discovery *d,
      xmlNode   *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, "base") == 0 && d->base != NULL)
        {
          g_autofree char *href = attribute (node, "href");
          g_autoptr(GUri) base = g_uri_parse (d->base, G_URI_FLAGS_NONE, NULL);
          g_autoptr(GUri) resolved = href ? g_uri_parse_relative (base, href, G_URI_FLAGS_NONE, NULL) : NULL;

          if (resolved != NULL)
            {
              g_free (d->base);
              d->base = g_uri_to_string (resolved);
            }
        }
      else if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        add_link (d, node);
      walk (d, node->children);
    }
}

GPtrArray *
accords_feed_discover (const char *html,
                       gsize       length,
                       const char *base_uri)
{
  Discovery d = { 0 };
  htmlDocPtr doc;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  d.links = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_link_free);
  if (length == 0 || length > G_MAXINT)
    return d.links;
  doc = htmlReadMemory (html, (int) length, base_uri, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    return d.links;
  d.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.base = g_strdup (base_uri);
  walk (&d, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  g_hash_table_unref (d.seen);
  g_free (d.base);
  return d.links;
}
