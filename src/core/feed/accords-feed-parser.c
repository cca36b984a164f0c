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
#include "accords-feed-parser.h"
#include "accords-html-sanitizer.h"

#define NS_ATOM10   "http://www.w3.org/2005/Atom"
#define NS_ATOM03   "http://purl.org/atom/ns#"
#define NS_RSS10    "http://purl.org/rss/1.0/"
#define NS_RSS090   "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF      "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS  "http://purl.org/dc/terms/"
#define NS_CONTENT  "http://purl.org/rss/1.0/modules/content/"
#define NS_XHTML    "http://www.w3.org/1999/xhtml"
#define NS_XML      "http://www.w3.org/XML/1998/namespace"

/* Bounds that hostile files cannot push: libxml2 stops at 256 levels
 * without XML_PARSE_HUGE; text fields and markup are cut to size. */
#define MAX_DEPTH          300
#define MAX_TEXT_FIELD     (16 * 1024)
#define MAX_HTML_FIELD     (1024 * 1024)
#define MAX_ENTITY_TEXT    (1024 * 1024)
#define MAX_CATEGORIES     64
#define MAX_AUTHORS        16

typedef enum {
  FAMILY_NONE,
  FAMILY_RSS,
  FAMILY_RDF,
  FAMILY_ATOM,
} Family;

typedef enum {
  ROLE_OTHER,      /* an element we do not read, nor its children */
  ROLE_ROOT,
  ROLE_CHANNEL,    /* feed-level elements are its children */
  ROLE_ITEM,
  ROLE_AUTHOR,     /* an Atom person construct */
  ROLE_CAPTURE,    /* inside a field being read */
} Role;

typedef enum {
  T_NONE,
  T_FEED_TITLE,
  T_FEED_LINK,
  T_FEED_SUBTITLE,
  T_FEED_LANGUAGE,
  T_FEED_UPDATED,
  T_ITEM_ID,
  T_ITEM_GUID,
  T_ITEM_TITLE,
  T_ITEM_LINK,
  T_ITEM_AUTHOR,        /* RSS author: "email (Name)" */
  T_ITEM_AUTHOR_NAME,   /* a name as it is */
  T_ITEM_PUBLISHED,
  T_ITEM_UPDATED,
  T_ITEM_SUMMARY,
  T_ITEM_CONTENT,
  T_ITEM_CATEGORY,
  T_ITEM_ENCLOSURE,
} Target;

typedef enum {
  MODE_TEXT,    /* plain text */
  MODE_HTML,    /* escaped HTML: the text is markup */
  MODE_XHTML,   /* inline XHTML: child elements are markup */
  MODE_AUTO,    /* RSS: markup when it looks like it */
} Mode;

typedef struct {
  Role        role;
  const char *name;       /* local name, owned by the reader's dictionary */
  char       *base;       /* xml:base in effect; owned when owns_base */
  gboolean    owns_base;
  gboolean    skip_tags;  /* the wrapping div of Atom 1.0 xhtml content */
} Frame;

typedef struct {
  gboolean  active;
  int       depth;
  Target    target;
  Mode      mode;
  gboolean  base64;
  gboolean  strip_div;     /* the first child div is not markup */
  gboolean  saw_child;
  gboolean  permalink;     /* guid isPermaLink */
  gboolean  truncated;
  gsize     limit;
  GString  *buf;
  char     *base;
} Capture;

typedef struct {
  char     *raw;        /* NULL: none */
  Mode      mode;
  gboolean  saw_child;
  char     *base;
} Markup;

static void
markup_clear (Markup *m)
{
  g_clear_pointer (&m->raw, g_free);
  g_clear_pointer (&m->base, g_free);
}

typedef struct {
  xmlTextReaderPtr      reader;
  AccordsFeedInput     *input;
  const char           *base_uri;
  AccordsFeedEntryFunc  entry_func;
  gpointer              user_data;
  GCancellable         *cancellable;

  AccordsFeedInfo      *info;
  Family                family;
  gboolean              atom03;
  gboolean              saw_root;
  char                 *root_name;
  const char           *root_ns;      /* the reader's dictionary */
  char                 *root_language;
  gboolean              language_from_element;

  Frame                 frames[MAX_DEPTH];
  int                   n_frames;

  Capture               cap;

  AccordsFeedEntry     *entry;
  Markup                summary;      /* read, not yet sanitized */
  Markup                content;
  AccordsFeedMarkupFunc markup_func;
  char                 *guid;
  gboolean              guid_permalink;
  char                 *rdf_about;
  GPtrArray            *authors;
  gboolean              entry_has_alternate_link;
  gboolean              feed_has_alternate_link;

  gsize                 entity_text;
  guint                 n_errors;
  char                 *first_error;
  GError               *error;       /* stops the parse */
} Parser;

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

/* ------------------------------------------------------------------ text */

/* Valid UTF-8, C1 controls read as windows-1252 (as feeds mean them),
 * other control characters dropped. */
static char *
clean_text (char *text)
{
  static const gunichar cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };
  gboolean needs = FALSE, all_ascii = TRUE;
  GString *out;
  const guchar *s;

  /* One pass finds both invalid UTF-8 and characters to replace */
  for (s = (const guchar *) text; *s; s++)
    {
      if (*s >= 0x20 && *s < 0x80)
        continue;
      if (*s < 0x20)
        {
          if (*s != '\t' && *s != '\n' && *s != '\r')
            needs = TRUE;
          continue;
        }
      all_ascii = FALSE;
      break;
    }
  if (!all_ascii && !g_utf8_validate ((const char *) s, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);
      g_free (text);
      text = valid;
    }
  if (!all_ascii && !needs)
    for (const guchar *q = (const guchar *) text; *q; q++)
      if ((*q < 0x20 && *q != '\t' && *q != '\n' && *q != '\r') || (*q == 0xC2 && q[1] >= 0x80 && q[1] <= 0x9F))
        {
          needs = TRUE;
          break;
        }
  if (!needs)
    return text;

  out = g_string_sized_new (strlen (text));
  for (s = (const guchar *) text; *s; s++)
    {
      if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
        continue;
      if (*s == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        {
          g_string_append_unichar (out, cp1252[s[1] - 0x80]);
          s++;
          continue;
        }
      g_string_append_c (out, *s);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* White space folded to single spaces, trimmed */
static char *
fold_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *s = text; *s; s++)
    {
      if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static void
set_field (char       **field,
           char        *value)
{
  if (value == NULL)
    return;
  if (*value == '\0')
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
}

static void
set_field_once (char **field,
                char  *value)
{
  if (value == NULL)
    return;
  if (*value == '\0' || (*field != NULL && **field != '\0'))
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
}

/* "me@example.com (Example editor)" and "Example editor <me@example.com>"
 * both name Example editor. */
static char *
author_name (const char *text)
{
  g_autofree char *t = fold_space (text);
  const char *open, *close, *lt;

  open = strchr (t, '(');
  close = strrchr (t, ')');
  if (open != NULL && close != NULL && close > open && strchr (t, '@') != NULL)
    {
      /* "email (Name)" or "Name (email)" */
      if (strchr (t, '@') < open)
        return g_strstrip (g_strndup (open + 1, close - open - 1));
      if (memchr (open, '@', close - open) != NULL && open > t)
        return g_strstrip (g_strndup (t, open - t));
    }
  lt = strchr (t, '<');
  if (lt != NULL && lt > t && strchr (lt, '@') != NULL && strchr (lt, '>') != NULL)
    return g_strstrip (g_strndup (t, lt - t));
  return g_steal_pointer (&t);
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
      p->first_error = clean_text (p->first_error);
    }
}

/* ---------------------------------------------------------------- frames */

static Frame *
top (Parser *p)
{
  return p->n_frames > 0 ? &p->frames[p->n_frames - 1] : NULL;
}

/* xml:base in effect, else the feed's own URL */
static const char *
frame_base (Parser *p)
{
  Frame *f = top (p);
  return f ? f->base : p->base_uri;
}

/* What a relative link is resolved against: frame_base(), else the feed's
 * home page link.  Not to be kept: the link may change. */
static const char *
current_base (Parser *p)
{
  const char *base = frame_base (p);

  if (base == NULL && p->info != NULL && p->info->link != NULL && *p->info->link != '\0')
    return p->info->link;
  return base;
}

static char *
get_attribute (Parser     *p,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (p->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = clean_text (g_strdup ((const char *) value));
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
  copy = clean_text (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

static void
push_frame (Parser     *p,
            Role        role,
            const char *name)
{
  const char *parent_base = frame_base (p);
  const char *resolve_base = current_base (p);
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
      g_autofree char *stripped = trimmed (xml_base);

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

/* --------------------------------------------------------------- capture */

static gboolean
is_text_target (Target t)
{
  return t != T_ITEM_SUMMARY && t != T_ITEM_CONTENT;
}

static void
begin_capture (Parser *p,
               Target  target,
               Mode    mode)
{
  Capture *c = &p->cap;

  c->active = TRUE;
  c->depth = p->n_frames - 1;
  c->target = target;
  c->mode = mode;
  c->base64 = FALSE;
  c->strip_div = FALSE;
  c->saw_child = FALSE;
  c->permalink = TRUE;
  c->truncated = FALSE;
  c->limit = is_text_target (target) ? MAX_TEXT_FIELD : MAX_HTML_FIELD;
  g_string_truncate (c->buf, 0);
  g_free (c->base);
  c->base = g_strdup (current_base (p));
  top (p)->role = ROLE_CAPTURE;
}

static void
capture_append (Parser     *p,
                const char *text,
                gsize       len)
{
  Capture *c = &p->cap;

  if (c->buf->len + len > c->limit)
    {
      len = c->buf->len < c->limit ? c->limit - c->buf->len : 0;
      c->truncated = TRUE;
    }
  g_string_append_len (c->buf, text, len);
}

static void
capture_append_escaped (Parser     *p,
                        const char *text,
                        gsize       len)
{
  GString *tmp = g_string_sized_new (len + 16);

  accords_html_escape (tmp, text, len);
  capture_append (p, tmp->str, tmp->len);
  g_string_free (tmp, TRUE);
}

/* A start tag inside a captured field, as markup */
static void
capture_start_tag (Parser     *p,
                   const char *name,
                   gboolean    empty)
{
  GString *tag = g_string_new ("<");

  g_string_append (tag, name);
  if (xmlTextReaderHasAttributes (p->reader) == 1)
    {
      while (xmlTextReaderMoveToNextAttribute (p->reader) == 1)
        {
          const char *attr = (const char *) xmlTextReaderConstLocalName (p->reader);
          const char *ns = (const char *) xmlTextReaderConstNamespaceUri (p->reader);
          const char *value = (const char *) xmlTextReaderConstValue (p->reader);

          if (attr == NULL || xmlTextReaderIsNamespaceDecl (p->reader) == 1 ||
              (ns != NULL && strcmp (ns, NS_XML) == 0))
            continue;
          g_string_append_printf (tag, " %s=\"", attr);
          if (value != NULL)
            accords_html_escape (tag, value, strlen (value));
          g_string_append_c (tag, '"');
        }
      xmlTextReaderMoveToElement (p->reader);
    }
  g_string_append (tag, empty ? " />" : ">");
  capture_append (p, tag->str, tag->len);
  g_string_free (tag, TRUE);
}

static char *
capture_text (Parser *p)
{
  Capture *c = &p->cap;
  char *text;

  if (c->base64)
    {
      g_autofree char *clean = g_strstrip (g_strdup (c->buf->str));
      gsize len = 0;
      guchar *decoded = g_base64_decode (clean, &len);

      text = g_strndup ((const char *) decoded, len);
      g_free (decoded);
    }
  else if (c->truncated)
    {
      const char *end;

      g_utf8_validate (c->buf->str, c->buf->len, &end);
      text = g_strndup (c->buf->str, end - c->buf->str);
    }
  else
    text = g_strndup (c->buf->str, c->buf->len);
  /* Markup is cleaned once sanitized, if it is wanted at all */
  if (c->target == T_ITEM_SUMMARY || c->target == T_ITEM_CONTENT)
    return text;
  return clean_text (text);
}

/* The field's value as plain text */
static char *
as_plain_text (Capture    *c,
               const char *raw)
{
  gboolean html = c->mode == MODE_HTML || c->mode == MODE_XHTML || c->saw_child ||
                  (c->mode == MODE_AUTO && accords_html_looks_like_html (raw, strlen (raw)));

  if (html)
    return accords_html_to_text (raw, strlen (raw));
  return fold_space (raw);
}

static void
as_html (Markup     *c,
         const char *raw,
         char      **html_out,
         char      **text_out)
{
  GString *html = g_string_sized_new (strlen (raw) + 16);
  GString *text = g_string_sized_new (strlen (raw));

  if (!c->saw_child &&
      (c->mode == MODE_TEXT || (c->mode == MODE_AUTO && !accords_html_looks_like_html (raw, strlen (raw)))))
    {
      g_autofree char *t = trimmed (raw);
      accords_html_escape (html, t, strlen (t));
      g_string_free (text, TRUE);
      text = NULL;
      *text_out = fold_space (t);
    }
  else
    accords_html_sanitize (raw, strlen (raw), c->base, html, text);

  *html_out = g_strstrip (g_string_free (html, FALSE));
  if (text != NULL)
    *text_out = g_strstrip (g_string_free (text, FALSE));
}

static char *
as_link (Capture    *c,
         const char *raw)
{
  g_autofree char *t = trimmed (raw);

  if (*t == '\0')
    return NULL;
  return accords_html_clean_url (t, c->base);
}

static void
add_unique (GPtrArray *array,
            char      *value,
            guint      max)
{
  if (value == NULL || *value == '\0' || array->len >= max)
    {
      g_free (value);
      return;
    }
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (array->pdata[i], value))
      {
        g_free (value);
        return;
      }
  g_ptr_array_add (array, value);
}

static void
end_capture (Parser *p)
{
  Capture *c = &p->cap;
  g_autofree char *raw = capture_text (p);
  AccordsFeedInfo *info = p->info;
  AccordsFeedEntry *e = p->entry;

  c->active = FALSE;

  switch (c->target)
    {
    case T_FEED_TITLE:
      set_field (&info->title, as_plain_text (c, raw));
      break;
    case T_FEED_SUBTITLE:
      set_field (&info->subtitle, as_plain_text (c, raw));
      break;
    case T_FEED_LINK:
      set_field_once (&info->link, as_link (c, raw));
      break;
    case T_FEED_LANGUAGE:
      {
        char *lang = fold_space (raw);
        g_strdelimit (lang, "_", '-');
        if (*lang != '\0')
          p->language_from_element = TRUE;
        set_field (&info->language, lang);
      }
      break;
    case T_FEED_UPDATED:
      set_field (&info->updated, accords_feed_date_parse (raw));
      break;
    case T_NONE:
      break;
    default:
      if (e == NULL)
        break;
      switch (c->target)
        {
        case T_ITEM_ID:
          set_field (&e->id, trimmed (raw));
          break;
        case T_ITEM_GUID:
          {
            char *guid = trimmed (raw);
            if (*guid != '\0')
              {
                g_free (p->guid);
                p->guid = g_strdup (guid);
                p->guid_permalink = c->permalink;
              }
            set_field (&e->id, guid);
          }
          break;
        case T_ITEM_TITLE:
          set_field (&e->title, as_plain_text (c, raw));
          break;
        case T_ITEM_LINK:
          set_field_once (&e->link, as_link (c, raw));
          break;
        case T_ITEM_ENCLOSURE:
          set_field_once (&e->enclosure, as_link (c, raw));
          break;
        case T_ITEM_AUTHOR:
          if (p->authors->len < MAX_AUTHORS)
            {
              g_autofree char *text = as_plain_text (c, raw);
              add_unique (p->authors, author_name (text), MAX_AUTHORS);
            }
          break;
        case T_ITEM_AUTHOR_NAME:
          add_unique (p->authors, as_plain_text (c, raw), MAX_AUTHORS);
          break;
        case T_ITEM_PUBLISHED:
          set_field (&e->published, accords_feed_date_parse (raw));
          break;
        case T_ITEM_UPDATED:
          set_field (&e->updated, accords_feed_date_parse (raw));
          break;
        case T_ITEM_SUMMARY:
        case T_ITEM_CONTENT:
          {
            /* Sanitized when the item ends, if it is wanted then */
            Markup *m = c->target == T_ITEM_SUMMARY ? &p->summary : &p->content;
            const char *s;

            for (s = raw; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
              ;
            if (*s == '\0')
              break;
            markup_clear (m);
            m->raw = g_steal_pointer (&raw);
            m->mode = c->mode;
            m->saw_child = c->saw_child;
            m->base = g_strdup (c->base);
          }
          break;
        case T_ITEM_CATEGORY:
          add_unique (e->categories, as_plain_text (c, raw), MAX_CATEGORIES);
          break;
        default:
          break;
        }
      break;
    }
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
  p->entry_has_alternate_link = FALSE;
  g_ptr_array_set_size (p->authors, 0);
  markup_clear (&p->summary);
  markup_clear (&p->content);

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
    set_field (&e->id, g_strstrip (g_strdup (p->rdf_about)));
  /* A permalink guid is the item's link when it has none */
  if ((e->link == NULL || *e->link == '\0') && p->guid != NULL && p->guid_permalink &&
      (g_str_has_prefix (p->guid, "http://") || g_str_has_prefix (p->guid, "https://")))
    set_field (&e->link, accords_html_clean_url (p->guid, NULL));
  if (p->authors->len > 0)
    {
      g_ptr_array_add (p->authors, NULL);
      e->author = g_strjoinv (", ", (char **) p->authors->pdata);
      g_ptr_array_set_size (p->authors, 0);
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
          as_html (&p->summary, p->summary.raw, &e->summary, &e->summary_text);
          e->summary = clean_text (e->summary);
          e->summary_text = clean_text (e->summary_text);
        }
      if (p->content.raw != NULL)
        {
          as_html (&p->content, p->content.raw, &e->content, &e->content_text);
          e->content = clean_text (e->content);
          e->content_text = clean_text (e->content_text);
        }
    }
  else
    e->markup_skipped = TRUE;
  markup_clear (&p->summary);
  markup_clear (&p->content);

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

/* ---------------------------------------------------- content constructs */

/* Atom text constructs: type (and Atom 0.3's mode) say how to read them.
 * Plain text that holds markup is read as markup, as feeds mean it. */
static void
capture_construct (Parser *p,
                   Target  target)
{
  g_autofree char *type = get_attribute (p, "type");
  g_autofree char *mode = p->atom03 ? get_attribute (p, "mode") : NULL;
  Mode m = MODE_AUTO;
  gboolean base64 = FALSE, strip_div = FALSE;

  if (type != NULL)
    {
      g_autofree char *t = g_ascii_strdown (g_strstrip (type), -1);

      if (strcmp (t, "html") == 0 || strcmp (t, "text/html") == 0)
        m = MODE_HTML;
      else if (strstr (t, "xhtml") != NULL || g_str_has_suffix (t, "+xml") || g_str_has_suffix (t, "/xml"))
        {
          m = MODE_XHTML;
          strip_div = !p->atom03 && strcmp (t, "xhtml") == 0;
        }
      else if (*t != '\0' && strcmp (t, "text") != 0 && !g_str_has_prefix (t, "text/") && !p->atom03)
        base64 = TRUE;   /* Atom 1.0: any other media type is base64 */
    }
  if (mode != NULL)
    {
      g_strstrip (mode);
      if (strcmp (mode, "escaped") == 0 && m == MODE_XHTML)
        m = MODE_HTML;
      else if (strcmp (mode, "base64") == 0)
        base64 = TRUE;
    }

  begin_capture (p, target, m);
  p->cap.base64 = base64;
  p->cap.strip_div = strip_div;
}

/* Atom <link>: rel alternate (or none) is the link, rel enclosure the
 * enclosure; Atom 0.3 links may carry the URL as text. */
static void
atom_link (Parser  *p,
           gboolean item_level,
           gboolean empty)
{
  g_autofree char *rel = get_attribute (p, "rel");
  g_autofree char *href = get_attribute (p, "href");
  gboolean alternate = rel == NULL || g_ascii_strcasecmp (g_strstrip (rel), "alternate") == 0;
  gboolean enclosure = rel != NULL && g_ascii_strcasecmp (rel, "enclosure") == 0;
  Target target;

  if (!alternate && !(enclosure && item_level))
    return;
  target = enclosure ? T_ITEM_ENCLOSURE : item_level ? T_ITEM_LINK : T_FEED_LINK;

  if (href != NULL && *g_strstrip (href) != '\0')
    {
      char *url = accords_html_clean_url (href, current_base (p));

      if (target == T_ITEM_ENCLOSURE)
        set_field_once (&p->entry->enclosure, url);
      else if (target == T_ITEM_LINK)
        {
          /* rel="alternate" outranks a link without rel */
          if (rel != NULL && !p->entry_has_alternate_link && url != NULL)
            {
              g_clear_pointer (&p->entry->link, g_free);
              p->entry_has_alternate_link = TRUE;
            }
          set_field_once (&p->entry->link, url);
        }
      else
        {
          if (rel != NULL && !p->feed_has_alternate_link && url != NULL)
            {
              g_clear_pointer (&p->info->link, g_free);
              p->feed_has_alternate_link = TRUE;
            }
          set_field_once (&p->info->link, url);
        }
      return;
    }
  if (!empty)
    begin_capture (p, target, MODE_TEXT);
}

/* -------------------------------------------------------------- handlers */

/* RSS 0.9x, 2.0 and 1.0 elements */
static void
rss_element (Parser     *p,
             const char *name,
             gboolean    item_level,
             gboolean    empty)
{
  if (!item_level)
    {
      if (strcmp (name, "title") == 0)
        begin_capture (p, T_FEED_TITLE, MODE_AUTO);
      else if (strcmp (name, "link") == 0)
        begin_capture (p, T_FEED_LINK, MODE_TEXT);
      else if (strcmp (name, "description") == 0)
        begin_capture (p, T_FEED_SUBTITLE, MODE_AUTO);
      else if (strcmp (name, "language") == 0)
        begin_capture (p, T_FEED_LANGUAGE, MODE_TEXT);
      else if (strcmp (name, "lastBuildDate") == 0)
        begin_capture (p, T_FEED_UPDATED, MODE_TEXT);
      return;
    }

  if (strcmp (name, "title") == 0)
    begin_capture (p, T_ITEM_TITLE, MODE_AUTO);
  else if (strcmp (name, "link") == 0)
    begin_capture (p, T_ITEM_LINK, MODE_TEXT);
  else if (strcmp (name, "description") == 0)
    begin_capture (p, T_ITEM_SUMMARY, MODE_HTML);
  else if (strcmp (name, "guid") == 0)
    {
      g_autofree char *permalink = get_attribute (p, "isPermaLink");

      begin_capture (p, T_ITEM_GUID, MODE_TEXT);
      p->cap.permalink = permalink == NULL || g_ascii_strcasecmp (g_strstrip (permalink), "false") != 0;
    }
  else if (strcmp (name, "pubDate") == 0)
    begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
  else if (strcmp (name, "author") == 0)
    begin_capture (p, T_ITEM_AUTHOR, MODE_AUTO);
  else if (strcmp (name, "category") == 0)
    begin_capture (p, T_ITEM_CATEGORY, MODE_AUTO);
  else if (strcmp (name, "body") == 0)
    begin_capture (p, T_ITEM_CONTENT, MODE_XHTML);
  else if (strcmp (name, "fullitem") == 0)
    begin_capture (p, T_ITEM_CONTENT, MODE_HTML);
  else if (strcmp (name, "enclosure") == 0)
    {
      g_autofree char *url = get_attribute (p, "url");
      if (url != NULL)
        set_field_once (&p->entry->enclosure, accords_html_clean_url (g_strstrip (url), current_base (p)));
    }
  (void) empty;
}

/* Atom 1.0 and 0.3 elements, also inside RSS */
static void
atom_element (Parser     *p,
              const char *name,
              gboolean    item_level,
              gboolean    empty)
{
  if (!item_level)
    {
      if (strcmp (name, "title") == 0)
        capture_construct (p, T_FEED_TITLE);
      else if (strcmp (name, "subtitle") == 0 || strcmp (name, "tagline") == 0)
        capture_construct (p, T_FEED_SUBTITLE);
      else if (strcmp (name, "link") == 0)
        atom_link (p, FALSE, empty);
      else if (strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0)
        begin_capture (p, T_FEED_UPDATED, MODE_TEXT);
      return;
    }

  if (strcmp (name, "title") == 0)
    capture_construct (p, T_ITEM_TITLE);
  else if (strcmp (name, "link") == 0)
    atom_link (p, TRUE, empty);
  else if (strcmp (name, "id") == 0)
    begin_capture (p, T_ITEM_ID, MODE_TEXT);
  else if (strcmp (name, "updated") == 0 || strcmp (name, "modified") == 0)
    begin_capture (p, T_ITEM_UPDATED, MODE_TEXT);
  else if (strcmp (name, "published") == 0 || strcmp (name, "issued") == 0)
    begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
  else if (strcmp (name, "summary") == 0)
    capture_construct (p, T_ITEM_SUMMARY);
  else if (strcmp (name, "content") == 0)
    capture_construct (p, T_ITEM_CONTENT);
  else if (strcmp (name, "author") == 0)
    top (p)->role = ROLE_AUTHOR;
  else if (strcmp (name, "category") == 0)
    {
      g_autofree char *term = get_attribute (p, "term");
      g_autofree char *label = term == NULL ? get_attribute (p, "label") : NULL;
      const char *value = term ? term : label;

      if (value != NULL)
        add_unique (p->entry->categories, fold_space (value), MAX_CATEGORIES);
    }
}

/* Dublin Core and DC terms */
static void
dc_element (Parser     *p,
            const char *name,
            gboolean    terms,
            gboolean    item_level)
{
  if (!item_level)
    {
      if (strcmp (name, "title") == 0)
        begin_capture (p, T_FEED_TITLE, MODE_AUTO);
      else if (strcmp (name, "description") == 0)
        begin_capture (p, T_FEED_SUBTITLE, MODE_AUTO);
      else if (strcmp (name, "language") == 0)
        begin_capture (p, T_FEED_LANGUAGE, MODE_TEXT);
      else if (strcmp (name, "date") == 0 || strcmp (name, "modified") == 0)
        begin_capture (p, T_FEED_UPDATED, MODE_TEXT);
      return;
    }

  if (strcmp (name, "title") == 0)
    begin_capture (p, T_ITEM_TITLE, MODE_AUTO);
  else if (strcmp (name, "creator") == 0 || strcmp (name, "author") == 0)
    begin_capture (p, T_ITEM_AUTHOR, MODE_AUTO);
  else if (strcmp (name, "subject") == 0)
    begin_capture (p, T_ITEM_CATEGORY, MODE_AUTO);
  else if (strcmp (name, "description") == 0)
    begin_capture (p, T_ITEM_SUMMARY, MODE_HTML);
  else if (strcmp (name, "date") == 0 || strcmp (name, "modified") == 0)
    begin_capture (p, T_ITEM_UPDATED, MODE_TEXT);
  else if (terms && (strcmp (name, "issued") == 0 || strcmp (name, "created") == 0))
    begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
  else if (strcmp (name, "identifier") == 0 && (p->entry->id == NULL || *p->entry->id == '\0'))
    begin_capture (p, T_ITEM_ID, MODE_TEXT);
}

/* content:encoded and xhtml:body */
static void
content_element (Parser     *p,
                 const char *name,
                 gboolean    item_level)
{
  if (item_level && strcmp (name, "encoded") == 0)
    begin_capture (p, T_ITEM_CONTENT, MODE_HTML);
}

static void
xhtml_element (Parser     *p,
               const char *name,
               gboolean    item_level)
{
  if (item_level && strcmp (name, "body") == 0)
    begin_capture (p, T_ITEM_CONTENT, MODE_XHTML);
}

static gboolean
ns_is (const char *ns,
       const char *uri)
{
  return ns != NULL && strcmp (ns, uri) == 0;
}

static gboolean
is_rss_ns (const char *ns)
{
  return ns == NULL || ns_is (ns, NS_RSS10) || ns_is (ns, NS_RSS090) ||
         ns_is (ns, "http://backend.userland.com/rss2") || ns_is (ns, "http://blogs.law.harvard.edu/tech/rss") ||
         ns_is (ns, "http://backend.userland.com/rss");
}

static gboolean
is_atom_ns (const char *ns)
{
  return ns_is (ns, NS_ATOM10) || ns_is (ns, NS_ATOM03);
}

static gboolean
is_root_atom_ns (Parser     *p,
                 const char *ns)
{
  return ns == NULL || is_atom_ns (ns) || (p->root_ns != NULL && strcmp (ns, p->root_ns) == 0);
}

/* A child of the channel or of an item */
static void
dispatch (Parser     *p,
          const char *ns,
          const char *name,
          gboolean    item_level,
          gboolean    empty)
{
  if (p->family == FAMILY_ATOM && is_root_atom_ns (p, ns))
    atom_element (p, name, item_level, empty);
  else if (p->family != FAMILY_ATOM && (is_rss_ns (ns) || (p->root_ns != NULL && strcmp (ns, p->root_ns) == 0)))
    rss_element (p, name, item_level, empty);
  else if (is_atom_ns (ns))
    atom_element (p, name, item_level, empty);
  else if (ns_is (ns, NS_DC))
    dc_element (p, name, FALSE, item_level);
  else if (ns_is (ns, NS_DCTERMS))
    dc_element (p, name, TRUE, item_level);
  else if (ns_is (ns, NS_CONTENT))
    content_element (p, name, item_level);
  else if (ns_is (ns, NS_XHTML))
    xhtml_element (p, name, item_level);
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

  if (strcmp (name, "rss") == 0)
    {
      g_autofree char *version = get_attribute (p, "version");

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
  else if (strcmp (name, "RDF") == 0 && ns_is (ns, NS_RDF))
    {
      p->family = FAMILY_RDF;
      info->format = g_strdup ("rss10");
    }
  else if (strcmp (name, "feed") == 0)
    {
      g_autofree char *version = get_attribute (p, "version");

      /* Any <feed> is read as Atom, whatever namespace a draft gave it */
      p->root_ns = ns;
      p->family = FAMILY_ATOM;
      p->atom03 = ns_is (ns, NS_ATOM03) || (ns == NULL && version != NULL);
      info->format = g_strdup (ns_is (ns, NS_ATOM10) ? "atom10" : p->atom03 ? "atom03" : "atom");
    }
  else
    return FALSE;

  {
    const char *lang = (const char *) xmlTextReaderConstXmlLang (p->reader);
    if (lang != NULL && *lang != '\0')
      p->root_language = g_strdelimit (clean_text (g_strdup (lang)), "_", '-');
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
  Frame *parent = top (p);
  Role parent_role = parent ? parent->role : ROLE_OTHER;

  if (name == NULL)
    name = "";

  if (p->n_frames == 0)
    {
      push_frame (p, ROLE_ROOT, name);
      if (!detect_root (p, ns, name))
        {
          not_a_feed (p, name);
          return;
        }
      if (p->family == FAMILY_ATOM)
        top (p)->role = ROLE_CHANNEL;
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
          top (p)->skip_tags = TRUE;
          p->cap.saw_child = TRUE;
          return;
        }
      if (p->cap.mode == MODE_HTML && ns_is (ns, NS_XHTML))
        {
          /* XHTML elements around escaped markup only wrap it */
          top (p)->skip_tags = TRUE;
          return;
        }
      p->cap.saw_child = TRUE;
      capture_start_tag (p, name, empty);
      return;
    }

  push_frame (p, ROLE_OTHER, name);

  switch (parent_role)
    {
    case ROLE_ROOT:
      if (strcmp (name, "channel") == 0 && (p->family == FAMILY_RSS || is_rss_ns (ns)))
        {
          top (p)->role = ROLE_CHANNEL;
          if (p->family == FAMILY_RDF && ns_is (ns, NS_RSS090))
            {
              g_free (p->info->format);
              p->info->format = g_strdup ("rss090");
            }
        }
      else if (strcmp (name, "item") == 0 && is_rss_ns (ns))
        {
          top (p)->role = ROLE_ITEM;
          begin_item (p);
        }
      break;

    case ROLE_CHANNEL:
      if ((p->family == FAMILY_ATOM && strcmp (name, "entry") == 0 && is_root_atom_ns (p, ns)) ||
          (p->family != FAMILY_ATOM && strcmp (name, "item") == 0 &&
           (is_rss_ns (ns) || (p->root_ns != NULL && strcmp (ns, p->root_ns) == 0))))
        {
          top (p)->role = ROLE_ITEM;
          begin_item (p);
        }
      else
        dispatch (p, ns, name, FALSE, empty);
      break;

    case ROLE_ITEM:
      dispatch (p, ns, name, TRUE, empty);
      break;

    case ROLE_AUTHOR:
      if (strcmp (name, "name") == 0)
        begin_capture (p, T_ITEM_AUTHOR_NAME, MODE_TEXT);
      break;

    default:
      break;
    }
}

static void
on_end (Parser   *p,
        gboolean  empty)
{
  Frame *f = top (p);

  if (f == NULL)
    return;

  if (p->cap.active && p->n_frames - 1 == p->cap.depth)
    end_capture (p);
  else if (p->cap.active && f->role == ROLE_CAPTURE && !empty && !f->skip_tags &&
           !(p->cap.mode == MODE_TEXT && p->cap.target != T_ITEM_SUMMARY && p->cap.target != T_ITEM_CONTENT))
    {
      capture_append (p, "</", 2);
      capture_append (p, f->name, strlen (f->name));
      capture_append (p, ">", 1);
    }
  else if (f->role == ROLE_ITEM)
    end_item (p);

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
    capture_append_escaped (p, value, strlen (value));
  else
    capture_append (p, value, strlen (value));
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
        capture_append_escaped (p, (const char *) entity->content, len);
      else
        capture_append (p, (const char *) entity->content, len);
      return;
    }

  if (p->cap.mode == MODE_TEXT)
    {
      const htmlEntityDesc *html = htmlEntityLookup ((const xmlChar *) name);
      if (html != NULL)
        {
          char buf[8];
          int n = g_unichar_to_utf8 (html->value, buf);
          capture_append (p, buf, n);
          return;
        }
    }
  capture_append (p, "&", 1);
  capture_append (p, name, strlen (name));
  capture_append (p, ";", 1);
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
                         XML_PARSE_NOERROR | XML_PARSE_COMPACT | XML_PARSE_NOCDATA);
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
  p.info = g_new0 (AccordsFeedInfo, 1);
  p.cap.buf = g_string_sized_new (4096);
  p.authors = g_ptr_array_new_with_free_func (g_free);

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
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
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

  if (!p.language_from_element && p.root_language != NULL)
    set_field (&p.info->language, g_steal_pointer (&p.root_language));

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
  if (p.reader != NULL)
    xmlFreeTextReader (p.reader);
  accords_feed_input_free (p.input);
  accords_feed_info_free (p.info);
  g_clear_pointer (&p.entry, accords_feed_entry_free);
  markup_clear (&p.summary);
  markup_clear (&p.content);
  g_string_free (p.cap.buf, TRUE);
  g_free (p.cap.base);
  g_ptr_array_unref (p.authors);
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
  g_autoptr(AccordsFeedInput) input = accords_feed_input_new (stream, cancellable);
  Parser p = { 0 };
  char *root = NULL;

  p.reader = new_reader (input, NULL);
  if (p.reader == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("The XML reader could not be created"));
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (p.reader, error_cb, &p);
  while (xmlTextReaderRead (p.reader) == 1)
    if (xmlTextReaderNodeType (p.reader) == XML_READER_TYPE_ELEMENT)
      {
        const char *name = (const char *) xmlTextReaderConstLocalName (p.reader);
        root = clean_text (g_strdup (name ? name : ""));
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
  return root;
}
