/* accords-feed-capture.c: reading a field's text or markup as the elements stream by */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <string.h>

#include "accords-feed-date.h"
#include "accords-feed-parser-private.h"
#include "accords-html-sanitizer.h"

void
accords_feed_markup_clear (Markup *m)
{
  g_clear_pointer (&m->raw, g_free);
  g_clear_pointer (&m->base, g_free);
}

static gboolean
is_text_target (Target t)
{
  return t != T_ITEM_SUMMARY && t != T_ITEM_CONTENT;
}

void
accords_feed_begin_capture (Parser *p,
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
  c->saw_cdata = FALSE;
  c->permalink = TRUE;
  c->twin = FALSE;
  c->link_rank = LINK_ALTERNATE;
  c->truncated = FALSE;
  c->limit = is_text_target (target) ? MAX_TEXT_FIELD : MAX_HTML_FIELD;
  g_string_truncate (c->buf, 0);
  g_free (c->base);
  c->base = g_strdup (accords_feed_parser_current_base (p));
  accords_feed_parser_top (p)->role = ROLE_CAPTURE;
}

void
accords_feed_capture_append (Parser     *p,
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

void
accords_feed_capture_append_escaped (Parser     *p,
                                     const char *text,
                                     gsize       len)
{
  GString *tmp = g_string_sized_new (len + 16);

  accords_html_escape (tmp, text, len);
  accords_feed_capture_append (p, tmp->str, tmp->len);
  g_string_free (tmp, TRUE);
}

/* A start tag inside a captured field, as markup */
void
accords_feed_capture_start_tag (Parser     *p,
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
  accords_feed_capture_append (p, tag->str, tag->len);
  g_string_free (tag, TRUE);
}

static gboolean
has_control_characters (const guchar *data,
                        gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return TRUE;
  return FALSE;
}

static gboolean
is_base64_text (const char *text)
{
  for (const char *s = text; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '+' && *s != '/' && *s != '=' && !g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static char *
capture_text (Parser *p)
{
  Capture *c = &p->cap;
  char *text;

  if (c->base64 && is_base64_text (c->buf->str))
    {
      g_autofree char *clean = g_strstrip (g_strdup (c->buf->str));
      gsize len = 0;
      guchar *decoded = g_base64_decode (clean, &len);

      /* Text that only looked like base64 stays as it was */
      if (g_utf8_validate ((const char *) decoded, len, NULL) && !has_control_characters (decoded, len))
        text = g_strndup ((const char *) decoded, len);
      else
        text = g_strdup (c->buf->str);
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
  return accords_feed_clean_text (text);
}

/* The field's value as plain text */
static char *
as_plain_text (Capture    *c,
               const char *raw)
{
  /* In a field that may be either, only tags make markup: "&amp;" in
   * plain text is those five characters, the XML decoded it already.  In
   * CDATA, which XML does not decode, a reference is markup's. */
  gboolean html = c->mode == MODE_HTML || c->mode == MODE_XHTML || c->saw_child ||
                  (c->mode == MODE_AUTO && c->saw_cdata && accords_html_looks_like_html (raw, strlen (raw))) ||
                  (c->mode == MODE_AUTO && accords_html_has_tags (raw, strlen (raw)));

  if (html)
    return accords_html_to_text (raw, strlen (raw));
  return accords_feed_fold_space (raw);
}

void
accords_feed_markup_to_html (Markup     *c,
                             const char *raw,
                             char      **html_out,
                             char      **text_out)
{
  GString *html = g_string_sized_new (strlen (raw) + 16);
  GString *text = g_string_sized_new (strlen (raw));

  if (!c->saw_child &&
      (c->mode == MODE_TEXT || (c->mode == MODE_AUTO && !accords_html_looks_like_html (raw, strlen (raw)))))
    {
      g_autofree char *t = accords_feed_trimmed (raw);
      accords_html_escape (html, t, strlen (t));
      g_string_free (text, TRUE);
      text = NULL;
      *text_out = accords_feed_fold_space (t);
    }
  else
    accords_html_sanitize (raw, strlen (raw), c->base, html, text);

  *html_out = g_strstrip (g_string_free (html, FALSE));
  if (text != NULL)
    *text_out = g_strstrip (g_string_free (text, FALSE));
}

/* A link found for the feed or the item: kept when it outranks the one it has */
void
accords_feed_offer_link (Parser   *p,
                         gboolean  item_level,
                         char     *url,
                         LinkRank  rank)
{
  char **field = item_level ? &p->entry->link : &p->info->link;
  LinkRank *have = item_level ? &p->entry_link_rank : &p->feed_link_rank;

  if (url == NULL || *url == '\0' || (item_level && p->entry == NULL))
    {
      g_free (url);
      return;
    }
  if (rank <= *have && *field != NULL && **field != '\0')
    {
      g_free (url);
      return;
    }
  g_free (*field);
  *field = url;
  *have = rank;
}

/* A field the feed's own element sets, its Dublin Core twin only fills */
static void
set_text_field (Capture  *c,
                char    **field,
                char     *value)
{
  if (c->twin)
    accords_feed_set_field_once (field, value);
  else
    accords_feed_set_field (field, value);
}

/* Who wrote it, from an Atom person construct: the name, else the email */
static void
end_person (Parser *p)
{
  GPtrArray *authors = p->entry == NULL ? p->feed_authors
                       : p->source_depth >= 0 ? p->source_authors : p->authors;
  char *who = p->person_name != NULL && *p->person_name != '\0' ? g_steal_pointer (&p->person_name)
                                                                : g_steal_pointer (&p->person_email);

  g_clear_pointer (&p->person_name, g_free);
  g_clear_pointer (&p->person_email, g_free);
  accords_feed_add_unique (authors, who, MAX_AUTHORS);
}

void
accords_feed_end_frame (Parser *p,
                        Frame  *f)
{
  if (f->role == ROLE_AUTHOR)
    end_person (p);
  else if (f->role == ROLE_SOURCE)
    p->source_depth = -1;
}

static char *
as_link (Capture    *c,
         const char *raw)
{
  g_autofree char *t = accords_feed_trimmed (raw);

  if (*t == '\0')
    return NULL;
  return accords_html_clean_url (t, c->base);
}

void
accords_feed_end_capture (Parser *p)
{
  Capture *c = &p->cap;
  g_autofree char *raw = capture_text (p);
  AccordsFeedInfo *info = p->info;
  AccordsFeedEntry *e = p->entry;

  c->active = FALSE;

  switch (c->target)
    {
    case T_FEED_TITLE:
      set_text_field (c, &info->title, as_plain_text (c, raw));
      break;
    case T_FEED_SUBTITLE:
      set_text_field (c, &info->subtitle, as_plain_text (c, raw));
      break;
    case T_FEED_LINK:
      accords_feed_offer_link (p, FALSE, as_link (c, raw), c->link_rank);
      break;
    case T_FEED_LANGUAGE:
      {
        char *lang = accords_feed_fold_space (raw);
        g_strdelimit (lang, "_", '-');
        if (*lang != '\0' && !(c->twin && p->language_from_element))
          {
            p->language_from_element = TRUE;
            accords_feed_set_field (&info->language, lang);
          }
        else
          g_free (lang);
      }
      break;
    case T_FEED_UPDATED:
      set_text_field (c, &info->updated, accords_feed_date_parse (raw));
      break;
    case T_PERSON_NAME:
      accords_feed_set_field (&p->person_name, as_plain_text (c, raw));
      break;
    case T_PERSON_EMAIL:
      accords_feed_set_field (&p->person_email, accords_feed_fold_space (raw));
      break;
    case T_NONE:
      break;
    default:
      if (e == NULL)
        break;
      switch (c->target)
        {
        case T_ITEM_ID:
          set_text_field (c, &e->id, accords_feed_trimmed (raw));
          break;
        case T_ITEM_GUID:
          {
            char *guid = accords_feed_trimmed (raw);
            if (*guid != '\0')
              {
                g_free (p->guid);
                p->guid = g_strdup (guid);
                p->guid_permalink = c->permalink;
              }
            accords_feed_set_field (&e->id, guid);
          }
          break;
        case T_ITEM_TITLE:
          set_text_field (c, &e->title, as_plain_text (c, raw));
          break;
        case T_ITEM_LINK:
          accords_feed_offer_link (p, TRUE, as_link (c, raw), c->link_rank);
          break;
        case T_ITEM_ENCLOSURE:
          accords_feed_set_field_once (&e->enclosure, as_link (c, raw));
          break;
        case T_ITEM_AUTHOR:
          {
            /* dc:creator names the authors only where the item's own elements do not */
            GPtrArray *authors = c->twin ? p->dc_authors : p->authors;

            if (authors->len < MAX_AUTHORS)
              {
                g_autofree char *text = as_plain_text (c, raw);
                accords_feed_add_unique (authors, accords_feed_author_name (text), MAX_AUTHORS);
              }
          }
          break;
        case T_ITEM_AUTHOR_NAME:
          accords_feed_add_unique (p->authors, as_plain_text (c, raw), MAX_AUTHORS);
          break;
        case T_ITEM_PUBLISHED:
          set_text_field (c, &e->published, accords_feed_date_parse (raw));
          break;
        case T_ITEM_UPDATED:
          set_text_field (c, &e->updated, accords_feed_date_parse (raw));
          break;
        case T_ITEM_DATE:
          set_text_field (c, &e->updated, accords_feed_date_parse (raw));
          accords_feed_set_field_once (&e->published, accords_feed_date_parse (raw));
          break;
        case T_ITEM_SUMMARY:
        case T_ITEM_CONTENT:
          {
            /* Sanitized when the item ends, if it is wanted then */
            Markup *m = c->target == T_ITEM_SUMMARY ? &p->summary : &p->content;
            const char *s;

            for (s = raw; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
              ;
            if (*s == '\0' || (c->twin && m->raw != NULL))
              break;
            accords_feed_markup_clear (m);
            m->raw = g_steal_pointer (&raw);
            m->mode = c->mode;
            m->saw_child = c->saw_child;
            m->base = g_strdup (c->base);
          }
          break;
        case T_ITEM_CATEGORY:
          accords_feed_add_unique (e->categories, as_plain_text (c, raw), MAX_CATEGORIES);
          break;
        default:
          break;
        }
      break;
    }
}


/* Atom text constructs: type (and Atom 0.3's mode) say how to read them.
 * Plain text that holds markup is read as markup, as feeds mean it. */
void
accords_feed_capture_construct (Parser *p,
                                Target  target)
{
  g_autofree char *type = accords_feed_parser_get_attribute (p, "type");
  g_autofree char *mode = p->atom03 ? accords_feed_parser_get_attribute (p, "mode") : NULL;
  /* An Atom 1.0 title is text unless it says otherwise (RFC 4287 3.1.1);
   * a summary or content without a type may still be markup, as feeds
   * that leave the type out mean it */
  gboolean markup_field = target == T_ITEM_SUMMARY || target == T_ITEM_CONTENT;
  Mode m = p->atom03 || p->family != FAMILY_ATOM || markup_field ? MODE_AUTO : MODE_TEXT;
  gboolean base64 = FALSE, strip_div = FALSE;

  if (type != NULL)
    {
      g_autofree char *t = g_ascii_strdown (g_strstrip (type), -1);

      if (strcmp (t, "text") == 0 || strcmp (t, "text/plain") == 0)
        m = MODE_TEXT;   /* "&lt;title>" in it is the text "<title>" */
      else if (strcmp (t, "html") == 0 || strcmp (t, "text/html") == 0)
        m = MODE_HTML;
      else if (strstr (t, "xhtml") != NULL || g_str_has_suffix (t, "+xml") || g_str_has_suffix (t, "/xml"))
        {
          m = MODE_XHTML;
          strip_div = !p->atom03 && strcmp (t, "xhtml") == 0;
        }
      else if (strchr (t, '/') != NULL && !g_str_has_prefix (t, "text/") && !p->atom03)
        {
          base64 = TRUE;
          m = MODE_AUTO;
        }   /* Atom 1.0: any other media type is base64; a type
                          * that is no media type at all is not */
    }
  if (mode != NULL)
    {
      g_strstrip (mode);
      if (strcmp (mode, "escaped") == 0 && m == MODE_XHTML)
        m = MODE_HTML;
      else if (strcmp (mode, "base64") == 0)
        base64 = TRUE;
    }

  accords_feed_begin_capture (p, target, m);
  p->cap.base64 = base64;
  p->cap.strip_div = strip_div;
}
