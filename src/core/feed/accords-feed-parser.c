/* accords-feed-parser.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 read as a stream, pure */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "accords-error.h"
#include "accords-feed-date.h"
#include "accords-feed-input.h"
#include "accords-feed-parser-private.h"
#include "accords-html-sanitizer.h"

void
accords_feed_info_free (AccordsFeedInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->format);
  g_free (info->bozo_message);
  g_free (info->title);
  g_free (info->link);
  g_free (info->subtitle);
  g_free (info->language);
  g_free (info->updated);
  g_free (info);
}

void
accords_feed_entry_free (AccordsFeedEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->link);
  g_free (entry->author);
  g_free (entry->published);
  g_free (entry->updated);
  g_free (entry->summary);
  g_free (entry->content);
  g_free (entry->summary_text);
  g_free (entry->content_text);
  g_clear_pointer (&entry->categories, g_ptr_array_unref);
  g_free (entry->enclosure);
  g_free (entry);
}

/* ---------------------------------------------------------------- errors */

static void
error_cb (void        *data,
          xmlErrorPtr  err)
{
  Parser *p = data;
  gboolean counts;

  if (err == NULL)
    return;
  counts = err->level >= XML_ERR_ERROR || err->code == XML_WAR_UNDECLARED_ENTITY ||
           err->domain == XML_FROM_NAMESPACE;
  if (!counts)
    return;
  p->n_errors++;
  if (p->first_error == NULL && err->message != NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (err->message));
      if (err->line > 0)
        p->first_error = g_strdup_printf (_("line %d: %s"), err->line, message);
      else
        p->first_error = g_steal_pointer (&message);
      p->first_error = accords_feed_clean_text (p->first_error);
    }
}

/* ---------------------------------------------------------------- frames */

Frame *
accords_feed_parser_top (Parser *p)
{
  return p->n_frames > 0 ? &p->frames[p->n_frames - 1] : NULL;
}

/* xml:base in effect, else the feed's own URL */
static const char *
frame_base (Parser *p)
{
  Frame *f = accords_feed_parser_top (p);
  return f ? f->base : p->base_uri;
}

/* What a relative link is resolved against: frame_base(), else the feed's
 * home page link.  Not to be kept: the link may change. */
const char *
accords_feed_parser_current_base (Parser *p)
{
  const char *base = frame_base (p);

  if (base == NULL && p->info != NULL && p->info->link != NULL && *p->info->link != '\0')
    return p->info->link;
  return base;
}

char *
accords_feed_parser_get_attribute (Parser     *p,
                                   const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (p->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = accords_feed_clean_text (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

static char *
get_attribute_ns (Parser     *p,
                  const char *name,
                  const char *ns)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (p->reader, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = accords_feed_clean_text (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

static void
push_frame (Parser     *p,
            Role        role,
            const char *name)
{
  const char *parent_base = frame_base (p);
  const char *resolve_base = accords_feed_parser_current_base (p);
  Frame *f = &p->frames[p->n_frames++];
  g_autofree char *xml_base = NULL;

  memset (f, 0, sizeof *f);
  f->role = role;
  f->name = name;
  f->base = (char *) parent_base;

  if (xmlTextReaderHasAttributes (p->reader) == 1 &&
      (xml_base = get_attribute_ns (p, "base", NS_XML)) != NULL)
    {
      char *resolved = NULL;
      g_autofree char *stripped = accords_feed_trimmed (xml_base);

      resolved = accords_html_resolve_url (resolve_base, stripped);
      if (resolved == NULL && g_uri_peek_scheme (stripped) != NULL)
        resolved = g_strdup (stripped);
      if (resolved != NULL)
        {
          f->base = resolved;
          f->owns_base = TRUE;
        }
    }
}

static void
pop_frame (Parser *p)
{
  Frame *f = &p->frames[--p->n_frames];

  if (f->owns_base)
    g_free (f->base);
  memset (f, 0, sizeof *f);
}

/* ----------------------------------------------------------------- items */

static void
begin_item (Parser *p)
{
  AccordsFeedEntry *e;

  g_clear_pointer (&p->entry, accords_feed_entry_free);
  e = p->entry = g_new0 (AccordsFeedEntry, 1);
  e->categories = g_ptr_array_new_with_free_func (g_free);
  g_clear_pointer (&p->guid, g_free);
  g_clear_pointer (&p->rdf_about, g_free);
  p->guid_permalink = FALSE;
  p->entry_link_rank = LINK_NONE;
  p->source_depth = -1;
  g_ptr_array_set_size (p->authors, 0);
  g_ptr_array_set_size (p->dc_authors, 0);
  g_ptr_array_set_size (p->source_authors, 0);
  accords_feed_markup_clear (&p->summary);
  accords_feed_markup_clear (&p->content);

  if (p->family == FAMILY_RDF && xmlTextReaderHasAttributes (p->reader) == 1)
    p->rdf_about = get_attribute_ns (p, "about", NS_RDF);
}

static void
empty_if_null (char **field)
{
  if (*field == NULL)
    *field = g_strdup ("");
}

static void
end_item (Parser *p)
{
  AccordsFeedEntry *e = p->entry;

  if (e == NULL)
    return;

  if ((e->id == NULL || *e->id == '\0') && p->rdf_about != NULL)
    accords_feed_set_field (&e->id, g_strstrip (g_strdup (p->rdf_about)));
  /* A permalink guid is the item's link when it has none */
  if ((e->link == NULL || *e->link == '\0') && p->guid != NULL && p->guid_permalink &&
      (g_str_has_prefix (p->guid, "http://") || g_str_has_prefix (p->guid, "https://")))
    accords_feed_set_field (&e->link, accords_html_clean_url (p->guid, NULL));
  /* An Atom entry without authors has its source's, else its feed's
   * (RFC 4287 4.2.1) */
  {
    GPtrArray *authors = p->authors->len > 0 ? p->authors
                         : p->dc_authors->len > 0 ? p->dc_authors
                         : p->source_authors->len > 0 ? p->source_authors
                         : p->family == FAMILY_ATOM ? p->feed_authors : p->authors;

    if (authors->len > 0)
      {
        g_ptr_array_add (authors, NULL);
        e->author = g_strjoinv (", ", (char **) authors->pdata);
        g_ptr_array_remove_index (authors, authors->len - 1);
      }
    g_ptr_array_set_size (p->authors, 0);
    g_ptr_array_set_size (p->dc_authors, 0);
    g_ptr_array_set_size (p->source_authors, 0);
  }

  empty_if_null (&e->id);
  empty_if_null (&e->title);
  empty_if_null (&e->link);
  empty_if_null (&e->author);

  {
    g_autofree char *categories = NULL;
    char modes[8];
    const char *fields[14];

    g_ptr_array_add (e->categories, NULL);
    categories = g_strjoinv ("\n", (char **) e->categories->pdata);
    g_ptr_array_remove_index (e->categories, e->categories->len - 1);
    g_snprintf (modes, sizeof modes, "%d%d%d%d", p->summary.mode, p->summary.saw_child,
                p->content.mode, p->content.saw_child);
    fields[0] = e->id;
    fields[1] = e->title;
    fields[2] = e->link;
    fields[3] = e->author;
    fields[4] = e->published;
    fields[5] = e->updated;
    fields[6] = categories;
    fields[7] = e->enclosure;
    fields[8] = p->summary.raw;
    fields[9] = p->summary.base;
    fields[10] = p->content.raw;
    fields[11] = p->content.base;
    fields[12] = modes;
    fields[13] = "1";   /* the version of what the parser makes of an item */
    e->fingerprint = accords_feed_hash_fields (fields, G_N_ELEMENTS (fields));
  }

  if (p->markup_func == NULL || p->markup_func (e, p->user_data))
    {
      if (p->summary.raw != NULL)
        {
          accords_feed_markup_to_html (&p->summary, p->summary.raw, &e->summary, &e->summary_text);
          e->summary = accords_feed_clean_text (e->summary);
          e->summary_text = accords_feed_clean_text (e->summary_text);
        }
      if (p->content.raw != NULL)
        {
          accords_feed_markup_to_html (&p->content, p->content.raw, &e->content, &e->content_text);
          e->content = accords_feed_clean_text (e->content);
          e->content_text = accords_feed_clean_text (e->content_text);
        }
    }
  else
    e->markup_skipped = TRUE;
  accords_feed_markup_clear (&p->summary);
  accords_feed_markup_clear (&p->content);

  empty_if_null (&e->summary);
  empty_if_null (&e->content);
  empty_if_null (&e->summary_text);
  empty_if_null (&e->content_text);

  p->info->n_items++;
  p->entry = NULL;
  if (p->entry_func == NULL || p->error != NULL)
    accords_feed_entry_free (e);
  else if (!p->entry_func (e, p->user_data, &p->error) && p->error == NULL)
    g_set_error_literal (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("Reading the items stopped"));
}

void
accords_feed_parser_begin_item (Parser *p)
{
  begin_item (p);
}

void
accords_feed_parser_end_item (Parser *p)
{
  end_item (p);
}

/* ------------------------------------------------------------- the root */

static gboolean
detect_root (Parser     *p,
             const char *ns,
             const char *name)
{
  AccordsFeedInfo *info = p->info;

  p->saw_root = TRUE;
  p->root_name = g_strdup (name);

  if (p->mapping != NULL)
    accords_feed_mapping_begin (p);
  else if (strcmp (name, "rss") == 0)
    {
      g_autofree char *version = accords_feed_parser_get_attribute (p, "version");

      p->root_ns = ns;
      p->family = FAMILY_RSS;
      if (version == NULL)
        info->format = g_strdup ("rss");
      else if (g_str_has_prefix (version, "2."))
        info->format = g_strdup ("rss20");
      else if (g_str_has_prefix (version, "0.9") && strlen (version) == 4)
        info->format = g_strdup_printf ("rss09%c", version[3]);
      else
        info->format = g_strdup ("rss");
    }
  else if (strcmp (name, "RDF") == 0 && accords_feed_ns_is (ns, NS_RDF))
    {
      p->family = FAMILY_RDF;
      info->format = g_strdup ("rss10");
    }
  else if (strcmp (name, "feed") == 0)
    {
      g_autofree char *version = accords_feed_parser_get_attribute (p, "version");

      /* Any <feed> is read as Atom, whatever namespace a draft gave it */
      p->root_ns = ns;
      p->family = FAMILY_ATOM;
      p->atom03 = accords_feed_ns_is (ns, NS_ATOM03) || (ns == NULL && version != NULL);
      info->format = g_strdup (accords_feed_ns_is (ns, NS_ATOM10) ? "atom10" : p->atom03 ? "atom03" : "atom");
    }
  else if (!accords_feed_formats_detect (p, ns, name))
    return FALSE;

  {
    const char *lang = (const char *) xmlTextReaderConstXmlLang (p->reader);
    if (lang != NULL && *lang != '\0')
      p->root_language = g_strdelimit (accords_feed_clean_text (g_strdup (lang)), "_", '-');
  }
  return TRUE;
}

static void
not_a_feed (Parser     *p,
            const char *name)
{
  if (g_ascii_strcasecmp (name, "html") == 0)
    g_set_error_literal (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                         _("it is an HTML page, not a feed"));
  else if (strcmp (name, "opml") == 0)
    g_set_error_literal (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                         _("it is an OPML list of feeds, not a feed"));
  else
    g_set_error (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                 _("it is XML but not a feed (its root element is <%s>, not <rss>, <rdf:RDF> or <feed>)"),
                 name);
}

/* -------------------------------------------------------------- walking */

static void
on_start (Parser *p)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (p->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (p->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (p->reader) == 1;
  Frame *parent = accords_feed_parser_top (p);
  Role parent_role = parent ? parent->role : ROLE_OTHER;

  if (name == NULL)
    name = "";

  if (p->n_frames == 0)
    {
      push_frame (p, ROLE_ROOT, name);
      if (!detect_root (p, ns, name))
        {
          if (p->error == NULL)
            not_a_feed (p, name);
          return;
        }
      if (p->family == FAMILY_ATOM && accords_feed_parser_top (p)->role == ROLE_ROOT)
        accords_feed_parser_top (p)->role = ROLE_CHANNEL;
      return;
    }

  if (p->cap.active)
    {
      push_frame (p, ROLE_CAPTURE, name);
      if (p->cap.mode == MODE_TEXT && !(p->cap.target == T_ITEM_SUMMARY || p->cap.target == T_ITEM_CONTENT))
        return;
      if (p->cap.strip_div && !p->cap.saw_child && p->n_frames - 1 == p->cap.depth + 1 &&
          strcmp (name, "div") == 0)
        {
          accords_feed_parser_top (p)->skip_tags = TRUE;
          p->cap.saw_child = TRUE;
          return;
        }
      if (p->cap.mode == MODE_HTML && accords_feed_ns_is (ns, NS_XHTML))
        {
          /* XHTML elements around escaped markup only wrap it */
          accords_feed_parser_top (p)->skip_tags = TRUE;
          return;
        }
      p->cap.saw_child = TRUE;
      accords_feed_capture_start_tag (p, name, empty);
      return;
    }

  push_frame (p, ROLE_OTHER, name);

  if (p->format != NULL && p->format->start (p, ns, name, parent_role, empty))
    return;

  switch (parent_role)
    {
    case ROLE_ROOT:
      if (strcmp (name, "channel") == 0 && (p->family == FAMILY_RSS || accords_feed_is_rss_ns (ns)))
        {
          accords_feed_parser_top (p)->role = ROLE_CHANNEL;
          if (p->family == FAMILY_RDF && accords_feed_ns_is (ns, NS_RSS090))
            {
              g_free (p->info->format);
              p->info->format = g_strdup ("rss090");
            }
        }
      else if (strcmp (name, "item") == 0 && accords_feed_is_rss_ns (ns))
        {
          accords_feed_parser_top (p)->role = ROLE_ITEM;
          begin_item (p);
        }
      break;

    case ROLE_CHANNEL:
      if ((p->family == FAMILY_ATOM && strcmp (name, "entry") == 0 && accords_feed_is_root_atom_ns (p, ns)) ||
          (p->family != FAMILY_ATOM && strcmp (name, "item") == 0 &&
           (accords_feed_is_rss_ns (ns) || (p->root_ns != NULL && strcmp (ns, p->root_ns) == 0))))
        {
          accords_feed_parser_top (p)->role = ROLE_ITEM;
          begin_item (p);
        }
      else
        accords_feed_dispatch (p, ns, name, FALSE, empty);
      break;

    case ROLE_ITEM:
      accords_feed_dispatch (p, ns, name, TRUE, empty);
      break;

    case ROLE_AUTHOR:
      if (strcmp (name, "name") == 0)
        accords_feed_begin_capture (p, T_PERSON_NAME, MODE_TEXT);
      else if (strcmp (name, "email") == 0)
        accords_feed_begin_capture (p, T_PERSON_EMAIL, MODE_TEXT);
      break;

    case ROLE_SOURCE:
      if (strcmp (name, "author") == 0 && accords_feed_is_root_atom_ns (p, ns))
        {
          accords_feed_parser_top (p)->role = ROLE_AUTHOR;
          g_clear_pointer (&p->person_name, g_free);
          g_clear_pointer (&p->person_email, g_free);
        }
      break;

    default:
      break;
    }
}

static void
on_end (Parser   *p,
        gboolean  empty)
{
  Frame *f = accords_feed_parser_top (p);

  if (f == NULL)
    return;

  if (p->cap.active && p->n_frames - 1 == p->cap.depth)
    accords_feed_end_capture (p);
  else if (p->cap.active && f->role == ROLE_CAPTURE && !empty && !f->skip_tags &&
           !(p->cap.mode == MODE_TEXT && p->cap.target != T_ITEM_SUMMARY && p->cap.target != T_ITEM_CONTENT))
    {
      accords_feed_capture_append (p, "</", 2);
      accords_feed_capture_append (p, f->name, strlen (f->name));
      accords_feed_capture_append (p, ">", 1);
    }
  else
    {
      if (p->format != NULL && !p->cap.active)
        p->format->end (p, f);
      if (f->role == ROLE_ITEM)
        end_item (p);
      else
        accords_feed_end_frame (p, f);
    }

  pop_frame (p);
}

static void
on_text (Parser *p)
{
  const char *value;

  if (!p->cap.active)
    return;
  value = (const char *) xmlTextReaderConstValue (p->reader);
  if (value == NULL)
    return;
  if (p->cap.mode == MODE_XHTML)
    accords_feed_capture_append_escaped (p, value, strlen (value));
  else
    accords_feed_capture_append (p, value, strlen (value));
}

/* An entity XML does not define, or one the document's DTD declares */
static void
on_entity_reference (Parser *p)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (p->reader);
  xmlNodePtr node = xmlTextReaderCurrentNode (p->reader);
  xmlEntityPtr entity = NULL;

  if (!p->cap.active || name == NULL)
    return;

  if (node != NULL && node->children != NULL && node->children->type == XML_ENTITY_DECL)
    entity = (xmlEntityPtr) node->children;

  if (entity != NULL && entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content != NULL)
    {
      /* Its text, once, never expanding what it refers to in turn */
      gsize len = strlen ((const char *) entity->content);

      if (p->entity_text + len > MAX_ENTITY_TEXT)
        {
          p->n_errors++;
          if (p->first_error == NULL)
            p->first_error = g_strdup (_("entities expand to too much text"));
          return;
        }
      p->entity_text += len;
      if (p->cap.mode == MODE_XHTML)
        accords_feed_capture_append_escaped (p, (const char *) entity->content, len);
      else
        accords_feed_capture_append (p, (const char *) entity->content, len);
      return;
    }

  if (p->cap.mode == MODE_TEXT)
    {
      const htmlEntityDesc *html = htmlEntityLookup ((const xmlChar *) name);
      if (html != NULL)
        {
          char buf[8];
          int n = g_unichar_to_utf8 (html->value, buf);
          accords_feed_capture_append (p, buf, n);
          return;
        }
    }
  accords_feed_capture_append (p, "&", 1);
  accords_feed_capture_append (p, name, strlen (name));
  accords_feed_capture_append (p, ";", 1);
}

/* Why a document gave no root element */
static void
no_root_error (AccordsFeedInput  *input,
               const char        *first_error,
               GError           **error)
{
  const char *first = accords_feed_input_get_first_element (input);

  if (accords_feed_input_get_bytes_read (input) == 0)
    g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED, _("the file is empty"));
  else if (first != NULL && g_ascii_strcasecmp (first, "html") == 0)
    g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED, _("it is an HTML page, not a feed"));
  else if (first != NULL)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED, _("it is not well-formed XML (%s)"),
                 first_error ? first_error : _("no element could be read"));
  else
    /* libxml2 calls text without a single tag an "empty document" */
    g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                         _("it is not XML: it holds text but not a single element"));
}

static int
close_cb (void *context)
{
  return 0;
}

static xmlTextReaderPtr
new_reader (AccordsFeedInput *input,
            const char       *base_uri)
{
  /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE
   * or XML_PARSE_HUGE: entities stay references, nothing outside the stream
   * is read, and libxml2 keeps its limits on depth and text size. */
  return xmlReaderForIO (accords_feed_input_read, close_cb, input, base_uri, NULL,
                         XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING |
                         XML_PARSE_NOERROR | XML_PARSE_COMPACT);
}

guint64
accords_feed_hash_fields (const char * const *fields,
                          guint               n_fields)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  /* Eight bytes at a time; each field's length goes in too, so that text
   * moving from one field to the next changes the hash */
  for (guint i = 0; i < n_fields; i++)
    {
      const char *s = fields[i] ? fields[i] : "";
      gsize len = strlen (s), j = 0;
      guint64 w;

      for (; j + 8 <= len; j += 8)
        {
          memcpy (&w, s + j, 8);
          h = (h ^ (w * k)) * k;
          h ^= h >> 29;
        }
      w = 0;
      memcpy (&w, s + j, len - j);
      h = (h ^ (w * k)) * k;
      h ^= h >> 29;
      h = (h ^ (len + (fields[i] ? 0x1f : 0x2f))) * k;
      h ^= h >> 32;
    }
  return h;
}

AccordsFeedInfo *
accords_feed_parse (GInputStream          *stream,
                    const char            *base_uri,
                    AccordsFeedEntryFunc   entry_func,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  return accords_feed_parse_full (stream, base_uri, entry_func, NULL, user_data, cancellable, error);
}

AccordsFeedInfo *
accords_feed_parse_full (GInputStream          *stream,
                         const char            *base_uri,
                         AccordsFeedEntryFunc   entry_func,
                         AccordsFeedMarkupFunc  markup_func,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  return accords_feed_parse_mapped (stream, base_uri, NULL, entry_func, markup_func, user_data,
                                    cancellable, error);
}

AccordsFeedInfo *
accords_feed_parse_mapped (GInputStream              *stream,
                           const char                *base_uri,
                           const AccordsFeedMapping  *mapping,
                           AccordsFeedEntryFunc       entry_func,
                           AccordsFeedMarkupFunc      markup_func,
                           gpointer                   user_data,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  Parser p = { 0 };
  AccordsFeedInfo *result = NULL;
  int ret;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.input = accords_feed_input_new (stream, cancellable);
  p.base_uri = base_uri;
  p.entry_func = entry_func;
  p.markup_func = markup_func;
  p.user_data = user_data;
  p.cancellable = cancellable;
  p.mapping = mapping;
  p.info = g_new0 (AccordsFeedInfo, 1);
  p.cap.buf = g_string_sized_new (4096);
  p.authors = g_ptr_array_new_with_free_func (g_free);
  p.dc_authors = g_ptr_array_new_with_free_func (g_free);
  p.feed_authors = g_ptr_array_new_with_free_func (g_free);
  p.source_authors = g_ptr_array_new_with_free_func (g_free);
  p.source_depth = -1;

  p.reader = new_reader (p.input, NULL);
  if (p.reader == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("The XML reader could not be created"));
      goto out;
    }
  xmlTextReaderSetStructuredErrorHandler (p.reader, error_cb, &p);

  while ((ret = xmlTextReaderRead (p.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (p.reader);
      int depth = xmlTextReaderDepth (p.reader);

      if (g_cancellable_set_error_if_cancelled (cancellable, &p.error))
        break;

      if (depth >= MAX_DEPTH - 1)
        continue;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          {
            gboolean empty = xmlTextReaderIsEmptyElement (p.reader) == 1;

            /* Frames follow the reader's depth even where it skipped a level */
            while (p.n_frames > depth)
              on_end (&p, FALSE);
            on_start (&p);
            if (empty && p.error == NULL)
              on_end (&p, TRUE);
          }
          break;
        case XML_READER_TYPE_END_ELEMENT:
          while (p.n_frames > depth + 1)
            on_end (&p, FALSE);
          if (p.n_frames == depth + 1)
            on_end (&p, FALSE);
          break;
        case XML_READER_TYPE_CDATA:
          /* Not decoded by XML: references in it are the markup's to decode */
          p.cap.saw_cdata = p.cap.saw_cdata || p.cap.active;
          on_text (&p);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_WHITESPACE:
          on_text (&p);
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
          on_entity_reference (&p);
          break;
        default:
          break;
        }
      if (p.error != NULL)
        break;
    }

  if (p.error == NULL && accords_feed_input_get_error (p.input) != NULL)
    {
      p.error = g_error_copy (accords_feed_input_get_error (p.input));
      if (!g_error_matches (p.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&p.error, _("Reading failed: "));
    }
  if (p.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &p.error);

  if (p.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p.error));
      goto out;
    }

  if (!p.saw_root)
    {
      no_root_error (p.input, p.first_error, error);
      goto out;
    }

  /* The document ended inside an item: keep what was read of it */
  while (p.n_frames > 0)
    {
      if (p.cap.active)
        p.cap.active = p.n_frames - 1 > p.cap.depth;
      on_end (&p, FALSE);
      if (p.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&p.error));
          goto out;
        }
    }

  if (p.format != NULL && p.format->finish != NULL && !p.format->finish (&p, error))
    goto out;

  if (!p.language_from_element && p.root_language != NULL)
    accords_feed_set_field (&p.info->language, g_steal_pointer (&p.root_language));

  if (p.n_errors > 0 || ret < 0 || accords_feed_input_get_repair (p.input) != NULL)
    {
      p.info->bozo = TRUE;
      if (accords_feed_input_get_repair (p.input) != NULL)
        p.info->bozo_message = g_strdup (accords_feed_input_get_repair (p.input));
      else if (p.first_error != NULL)
        p.info->bozo_message = g_strdup (p.first_error);
      else
        p.info->bozo_message = g_strdup (_("the XML is not well-formed"));
    }

  empty_if_null (&p.info->format);
  empty_if_null (&p.info->title);
  empty_if_null (&p.info->link);
  empty_if_null (&p.info->subtitle);
  empty_if_null (&p.info->language);
  result = g_steal_pointer (&p.info);

out:
  while (p.n_frames > 0)
    pop_frame (&p);
  if (p.format != NULL && p.format->free != NULL)
    p.format->free (p.format_data);
  if (p.reader != NULL)
    xmlFreeTextReader (p.reader);
  accords_feed_input_free (p.input);
  accords_feed_info_free (p.info);
  g_clear_pointer (&p.entry, accords_feed_entry_free);
  accords_feed_markup_clear (&p.summary);
  accords_feed_markup_clear (&p.content);
  g_string_free (p.cap.buf, TRUE);
  g_free (p.cap.base);
  g_ptr_array_unref (p.authors);
  g_ptr_array_unref (p.dc_authors);
  g_ptr_array_unref (p.feed_authors);
  g_ptr_array_unref (p.source_authors);
  g_free (p.person_name);
  g_free (p.person_email);
  g_free (p.guid);
  g_free (p.rdf_about);
  g_free (p.root_name);
  g_free (p.root_language);
  g_free (p.first_error);
  g_clear_error (&p.error);
  return result;
}

AccordsFeedInfo *
accords_feed_parse_bytes (GBytes                *bytes,
                          const char            *base_uri,
                          AccordsFeedEntryFunc   entry_func,
                          gpointer               user_data,
                          GError               **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return accords_feed_parse (stream, base_uri, entry_func, user_data, NULL, error);
}

char *
accords_feed_sniff_root (GInputStream  *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  char *root = NULL;
  g_autofree char *ns = NULL;

  if (!accords_feed_sniff_root_ns (stream, &root, &ns, cancellable, error))
    return NULL;
  return root;
}

gboolean
accords_feed_sniff_root_ns (GInputStream  *stream,
                            char         **name,
                            char         **ns,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(AccordsFeedInput) input = NULL;
  Parser p = { 0 };
  char *root = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (name != NULL && ns != NULL, FALSE);

  *name = *ns = NULL;
  input = accords_feed_input_new (stream, cancellable);
  p.reader = new_reader (input, NULL);
  if (p.reader == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("The XML reader could not be created"));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (p.reader, error_cb, &p);
  while (xmlTextReaderRead (p.reader) == 1)
    if (xmlTextReaderNodeType (p.reader) == XML_READER_TYPE_ELEMENT)
      {
        const char *local = (const char *) xmlTextReaderConstLocalName (p.reader);
        const char *uri = (const char *) xmlTextReaderConstNamespaceUri (p.reader);

        root = accords_feed_clean_text (g_strdup (local ? local : ""));
        *ns = uri ? accords_feed_clean_text (g_strdup (uri)) : NULL;
        break;
      }
  xmlFreeTextReader (p.reader);

  if (root == NULL)
    {
      if (accords_feed_input_get_error (input) != NULL)
        g_propagate_error (error, g_error_copy (accords_feed_input_get_error (input)));
      else
        no_root_error (input, p.first_error, error);
    }
  g_free (p.first_error);
  *name = root;
  return root != NULL;
}
