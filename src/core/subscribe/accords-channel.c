/* accords-channel.c: what a feed says of its channel before its first item, and the channel's identity, pure */
#define G_LOG_DOMAIN "accords-channel"

#include "config.h"

#include <libxml/xmlreader.h>
#include <string.h>

#include "accords-channel.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_IANA_RELS "http://www.iana.org/assignments/relation/"

void
accords_channel_head_free (AccordsChannelHead *head)
{
  if (head == NULL)
    return;
  g_free (head->self_link);
  g_free (head->link);
  g_free (head->title);
  g_free (head);
}

static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  if (out->len == 0 || !g_utf8_validate (out->str, -1, NULL))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
resolve (const char *base,
         const char *href)
{
  g_autoptr(GUri) uri = NULL;

  if (href == NULL)
    return NULL;
  if (base != NULL)
    uri = g_uri_parse_relative (NULL, base, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    {
      g_autoptr(GUri) resolved = g_uri_parse_relative (uri, href, G_URI_FLAGS_NONE, NULL);
      if (resolved != NULL)
        return g_uri_to_string (resolved);
    }
  return collapse_space (href);
}

static gboolean
is_atom (const xmlChar *ns)
{
  return ns != NULL && (strcmp ((const char *) ns, NS_ATOM) == 0 || strcmp ((const char *) ns, NS_ATOM03) == 0);
}

/* rel as its short name: the IANA URI form counts as its last segment */
static gboolean
rel_is (const char *rel,
        const char *name)
{
  if (rel == NULL)
    return strcmp (name, "alternate") == 0;
  if (g_str_has_prefix (rel, NS_IANA_RELS))
    rel += strlen (NS_IANA_RELS);
  return g_ascii_strcasecmp (rel, name) == 0;
}

static char *
reader_attribute (xmlTextReaderPtr  reader,
                  const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

static char *
reader_text (xmlTextReaderPtr reader)
{
  xmlChar *value = xmlTextReaderReadString (reader);
  char *text = value ? collapse_space ((const char *) value) : NULL;

  xmlFree (value);
  return text;
}

static void
silence_errors (void                   *arg,
                const char             *msg,
                xmlParserSeverities     severity,
                xmlTextReaderLocatorPtr locator)
{
}

AccordsChannelHead *
accords_channel_read_head (const char *data,
                           gsize       length,
                           const char *base_uri)
{
  g_autoptr(AccordsChannelHead) head = NULL;
  xmlTextReaderPtr reader;
  int channel_depth = -1;
  gboolean atom = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0 || length > G_MAXINT)
    return NULL;
  reader = xmlReaderForMemory (data, (int) length, base_uri, NULL,
                               XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return NULL;
  xmlTextReaderSetErrorHandler (reader, silence_errors, NULL);

  while (xmlTextReaderRead (reader) == 1)
    {
      const char *name;
      const xmlChar *ns;
      int depth;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (reader);
      ns = xmlTextReaderConstNamespaceUri (reader);
      depth = xmlTextReaderDepth (reader);
      if (name == NULL)
        continue;

      if (head == NULL)
        {
          /* The root says which vocabulary this is */
          if (strcmp (name, "rss") == 0 || strcmp (name, "RDF") == 0)
            channel_depth = 1;
          else if (strcmp (name, "feed") == 0)
            {
              channel_depth = 0;
              atom = TRUE;
            }
          else
            break;
          head = g_new0 (AccordsChannelHead, 1);
          continue;
        }

      if (strcmp (name, "item") == 0 || strcmp (name, "entry") == 0)
        break;
      if (depth != channel_depth + 1)
        continue;

      if (strcmp (name, "link") == 0 && (is_atom (ns) || atom))
        {
          g_autofree char *rel = reader_attribute (reader, "rel");
          g_autofree char *href = reader_attribute (reader, "href");

          if (href == NULL)
            continue;
          if (rel_is (rel, "self") && head->self_link == NULL)
            head->self_link = resolve (base_uri, href);
          else if (rel_is (rel, "alternate") && head->link == NULL && atom)
            head->link = resolve (base_uri, href);
        }
      else if (strcmp (name, "link") == 0 && ns == NULL && head->link == NULL)
        {
          g_autofree char *text = reader_text (reader);
          head->link = resolve (base_uri, text);
        }
      else if (strcmp (name, "title") == 0 && head->title == NULL && (ns == NULL || is_atom (ns)
               || strcmp ((const char *) ns, "http://purl.org/rss/1.0/") == 0))
        head->title = reader_text (reader);
      else if (strcmp (name, "ttl") == 0 && ns == NULL)
        {
          g_autofree char *text = reader_text (reader);
          guint64 minutes = 0;

          if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 60 * 24 * 7, &minutes, NULL))
            head->ttl = (guint) minutes;
        }
    }
  xmlFreeTextReader (reader);
  return g_steal_pointer (&head);
}

/* host[:port]/path?query, the host in lower case, without the scheme, a
 * default port or the fragment */
static char *
link_key (const char *link)
{
  g_autoptr(GUri) uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;
  g_autofree char *port_text = NULL;
  const char *path, *query;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (link);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  path = g_uri_get_path (uri);
  query = g_uri_get_query (uri);
  if (port > 0 && port != 80 && port != 443)
    port_text = g_strdup_printf (":%d", port);
  return g_strdup_printf ("%s%s%s%s%s", host, port_text ? port_text : "", *path ? path : "/",
                          query ? "?" : "", query ? query : "");
}

char *
accords_channel_identity (const AccordsChannelHead *head)
{
  g_return_val_if_fail (head != NULL, NULL);

  if (head->self_link != NULL && *head->self_link != '\0')
    {
      g_autofree char *key = link_key (head->self_link);
      return g_strconcat ("self:", key, NULL);
    }
  if (head->link != NULL && *head->link != '\0' && head->title != NULL)
    {
      g_autofree char *key = link_key (head->link);
      return g_strconcat ("site:", key, "\n", head->title, NULL);
    }
  return NULL;
}
