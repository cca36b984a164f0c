/* accords-feed-formats.c: the news that comes as XML but not as a feed: NewsML-G2, news sitemaps, Atom entries */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser-private.h"

#define NS_NAR      "http://iptc.org/std/nar/2006-10-01/"
#define NS_SITEMAP  "http://www.sitemaps.org/schemas/sitemap/0.9"
#define NS_NEWS     "http://www.google.com/schemas/sitemap-news/0.9"

void
accords_feed_set_from_text (Parser     *p,
                            Target      target,
                            Mode        mode,
                            const char *text)
{
  Frame *top = accords_feed_parser_top (p);
  Role role = top->role;

  g_assert (!p->cap.active);
  accords_feed_begin_capture (p, target, mode);
  accords_feed_capture_append (p, text, strlen (text));
  accords_feed_end_capture (p);
  top->role = role;
}

static Frame *
parent_frame (Parser *p)
{
  return p->n_frames >= 2 ? &p->frames[p->n_frames - 2] : NULL;
}

static gboolean
parent_is (Parser     *p,
           const char *name)
{
  Frame *parent = parent_frame (p);
  return parent != NULL && strcmp (parent->name, name) == 0;
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ------------------------------------------------------------ NewsML-G2 */

typedef struct {
  char   *ns;               /* the root's namespace, or NULL */
  int     item_frame;       /* the newsItem or packageItem, -1 outside one */
  int     person_frame;     /* a creator, contributor or provider */
  Target  person_target;
  guint   person_before;
  char   *person_fallback;  /* its qcode, when it has no name */
  int     subject_frame;
  guint   subject_before;
  char   *subject_fallback;
  int     inline_frame;     /* an inlineXML, for its body */
} NewsmlState;

static void
newsml_state_free (gpointer data)
{
  NewsmlState *st = data;

  g_free (st->ns);
  g_free (st->person_fallback);
  g_free (st->subject_fallback);
  g_free (st);
}

static gboolean
is_nar_ns (NewsmlState *st,
           const char  *ns)
{
  return ns == NULL || accords_feed_ns_is (ns, NS_NAR) || g_strcmp0 (ns, st->ns) == 0;
}

static gboolean
is_item_name (const char *name)
{
  return strcmp (name, "newsItem") == 0 || strcmp (name, "packageItem") == 0;
}

/* A qcode says what scheme it is in before the colon: "nprov:REUTERS" */
static char *
qcode_name (const char *qcode)
{
  const char *colon;

  if (is_empty (qcode))
    return NULL;
  colon = strchr (qcode, ':');
  return g_strdup (colon != NULL && colon[1] != '\0' ? colon + 1 : qcode);
}

static guint
person_count (Parser *p,
              Target  target)
{
  return target == T_FEED_TITLE ? !is_empty (p->info->title) : p->authors->len;
}

static void
newsml_begin_item (Parser      *p,
                   NewsmlState *st)
{
  g_autofree char *guid = accords_feed_parser_get_attribute (p, "guid");
  const char *lang = (const char *) xmlTextReaderConstXmlLang (p->reader);

  st->item_frame = p->n_frames - 1;
  st->person_frame = st->subject_frame = st->inline_frame = -1;
  accords_feed_parser_top (p)->role = ROLE_ITEM;
  accords_feed_parser_begin_item (p);
  if (!is_empty (guid))
    accords_feed_set_from_text (p, T_ITEM_ID, MODE_TEXT, guid);
  if (!is_empty (lang) && is_empty (p->info->language))
    accords_feed_set_from_text (p, T_FEED_LANGUAGE, MODE_TEXT, lang);
}

/* creator, contributor, provider: a literal, a name, else the qcode */
static void
newsml_person (Parser      *p,
               NewsmlState *st,
               Target       target)
{
  g_autofree char *literal = accords_feed_parser_get_attribute (p, "literal");
  g_autofree char *qcode = NULL;

  if (target == T_FEED_TITLE && !is_empty (p->info->title))
    return;
  if (!is_empty (literal) && *g_strstrip (literal) != '\0')
    {
      accords_feed_set_from_text (p, target, MODE_TEXT, literal);
      return;
    }
  qcode = accords_feed_parser_get_attribute (p, "qcode");
  st->person_frame = p->n_frames - 1;
  st->person_target = target;
  st->person_before = person_count (p, target);
  g_free (st->person_fallback);
  /* A provider's code names the agency; a person's would be no name */
  st->person_fallback = target == T_FEED_TITLE ? qcode_name (qcode) : NULL;
}

static void
newsml_subject (Parser      *p,
                NewsmlState *st)
{
  g_autofree char *literal = accords_feed_parser_get_attribute (p, "literal");
  g_autofree char *qcode = accords_feed_parser_get_attribute (p, "qcode");

  st->subject_frame = p->n_frames - 1;
  st->subject_before = p->entry->categories->len;
  g_free (st->subject_fallback);
  st->subject_fallback = !is_empty (literal) ? g_steal_pointer (&literal) : g_strdup (qcode);
}

static void
newsml_attribute_to (Parser     *p,
                     const char *attribute,
                     Target      target)
{
  g_autofree char *value = accords_feed_parser_get_attribute (p, attribute);

  if (!is_empty (value))
    accords_feed_set_from_text (p, target, MODE_TEXT, value);
}

static gboolean
newsml_start (Parser     *p,
              const char *ns,
              const char *name,
              Role        parent_role,
              gboolean    empty)
{
  NewsmlState *st = p->format_data;
  AccordsFeedEntry *e = p->entry;
  int top = p->n_frames - 1;

  if (st->inline_frame >= 0)
    {
      /* The XHTML body is the content, not its head; other XML is as it is */
      if (top == st->inline_frame + 1 && strcmp (name, "html") != 0)
        accords_feed_begin_capture (p, T_ITEM_CONTENT, MODE_XHTML);
      else if (top == st->inline_frame + 2 && parent_is (p, "html") && strcmp (name, "body") == 0)
        accords_feed_begin_capture (p, T_ITEM_CONTENT, MODE_XHTML);
      if (p->cap.active)
        st->inline_frame = -1;
      return TRUE;
    }
  if (!is_nar_ns (st, ns))
    return TRUE;
  if (st->item_frame < 0)
    {
      if (is_item_name (name))
        newsml_begin_item (p, st);
      return TRUE;
    }

  if (strcmp (name, "name") == 0)
    {
      if (st->person_frame == top - 1 && person_count (p, st->person_target) == st->person_before)
        accords_feed_begin_capture (p, st->person_target == T_FEED_TITLE ? T_FEED_TITLE : T_ITEM_AUTHOR_NAME,
                                    MODE_TEXT);
      else if (st->subject_frame == top - 1 && e->categories->len == st->subject_before)
        accords_feed_begin_capture (p, T_ITEM_CATEGORY, MODE_TEXT);
      return TRUE;
    }

  if (parent_is (p, "itemMeta"))
    {
      if (strcmp (name, "versionCreated") == 0)
        accords_feed_begin_capture (p, T_ITEM_UPDATED, MODE_TEXT);
      else if (strcmp (name, "firstCreated") == 0)
        accords_feed_begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
      else if (strcmp (name, "provider") == 0)
        newsml_person (p, st, T_FEED_TITLE);
      else if (strcmp (name, "link") == 0 && is_empty (e->link))
        newsml_attribute_to (p, "href", T_ITEM_LINK);
    }
  else if (parent_is (p, "contentMeta"))
    {
      if (strcmp (name, "contentCreated") == 0 && e->published == NULL)
        accords_feed_begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
      else if (strcmp (name, "headline") == 0 && is_empty (e->title))
        accords_feed_begin_capture (p, T_ITEM_TITLE, MODE_AUTO);
      else if (strcmp (name, "description") == 0 && p->summary.raw == NULL)
        accords_feed_begin_capture (p, T_ITEM_SUMMARY, MODE_AUTO);
      else if (strcmp (name, "creator") == 0 || strcmp (name, "contributor") == 0)
        newsml_person (p, st, T_ITEM_AUTHOR_NAME);
      else if (strcmp (name, "subject") == 0)
        newsml_subject (p, st);
      else if (strcmp (name, "keyword") == 0)
        accords_feed_begin_capture (p, T_ITEM_CATEGORY, MODE_TEXT);
      else if (strcmp (name, "language") == 0 && is_empty (p->info->language))
        newsml_attribute_to (p, "tag", T_FEED_LANGUAGE);
    }
  else if (parent_is (p, "contentSet"))
    {
      if (strcmp (name, "inlineXML") == 0 && p->content.raw == NULL)
        st->inline_frame = top;
      else if (strcmp (name, "inlineData") == 0 && p->content.raw == NULL)
        {
          g_autofree char *type = accords_feed_parser_get_attribute (p, "contenttype");
          gboolean html = type != NULL && strstr (type, "html") != NULL;

          accords_feed_begin_capture (p, T_ITEM_CONTENT, html ? MODE_HTML : MODE_TEXT);
        }
      else if (strcmp (name, "remoteContent") == 0 && e->enclosure == NULL)
        newsml_attribute_to (p, "href", T_ITEM_ENCLOSURE);
    }
  return TRUE;
}

static void
newsml_end (Parser *p,
            Frame  *f)
{
  NewsmlState *st = p->format_data;
  int index = f - p->frames;

  if (index == st->person_frame)
    {
      if (person_count (p, st->person_target) == st->person_before && st->person_fallback != NULL)
        accords_feed_set_from_text (p, st->person_target, MODE_TEXT, st->person_fallback);
      st->person_frame = -1;
    }
  else if (index == st->subject_frame)
    {
      if (p->entry != NULL && p->entry->categories->len == st->subject_before && !is_empty (st->subject_fallback))
        accords_feed_set_from_text (p, T_ITEM_CATEGORY, MODE_TEXT, st->subject_fallback);
      st->subject_frame = -1;
    }
  else if (index == st->inline_frame)
    st->inline_frame = -1;
  else if (index == st->item_frame)
    st->item_frame = -1;
}

static const Format newsml_format = {
  newsml_start, newsml_end, NULL, newsml_state_free,
};

/* --------------------------------------------------------- news sitemaps */

typedef struct {
  int      item_frame;
  gboolean has_news;
  guint    n_plain;     /* <url> without news:news */
} SitemapState;

static gboolean
is_news_ns (const char *ns)
{
  return ns == NULL || accords_feed_ns_is (ns, NS_NEWS);
}

static gboolean
sitemap_start (Parser     *p,
               const char *ns,
               const char *name,
               Role        parent_role,
               gboolean    empty)
{
  SitemapState *st = p->format_data;

  if (st->item_frame < 0)
    {
      if (p->n_frames == 2 && strcmp (name, "url") == 0)
        {
          st->item_frame = p->n_frames - 1;
          st->has_news = FALSE;
          accords_feed_parser_top (p)->role = ROLE_ITEM;
          accords_feed_parser_begin_item (p);
        }
      return TRUE;
    }

  if (parent_is (p, "url"))
    {
      if (strcmp (name, "loc") == 0)
        accords_feed_begin_capture (p, T_ITEM_LINK, MODE_TEXT);
      else if (strcmp (name, "lastmod") == 0)
        accords_feed_begin_capture (p, T_ITEM_UPDATED, MODE_TEXT);
      else if (strcmp (name, "news") == 0 && is_news_ns (ns))
        st->has_news = TRUE;
    }
  else if (parent_is (p, "news") && is_news_ns (ns))
    {
      if (strcmp (name, "title") == 0)
        accords_feed_begin_capture (p, T_ITEM_TITLE, MODE_AUTO);
      else if (strcmp (name, "publication_date") == 0)
        accords_feed_begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
      else if (strcmp (name, "keywords") == 0)
        accords_feed_begin_capture (p, T_ITEM_CATEGORY, MODE_TEXT);
    }
  else if (parent_is (p, "publication") && is_news_ns (ns))
    {
      if (strcmp (name, "name") == 0 && is_empty (p->info->title))
        accords_feed_begin_capture (p, T_FEED_TITLE, MODE_TEXT);
      else if (strcmp (name, "language") == 0 && is_empty (p->info->language))
        accords_feed_begin_capture (p, T_FEED_LANGUAGE, MODE_TEXT);
    }
  return TRUE;
}

/* news:keywords is one list, split at commas */
static void
split_keywords (GPtrArray *categories)
{
  g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < categories->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (categories->pdata[i], ",", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (*g_strstrip (words[j]) != '\0')
          accords_feed_add_unique (split, g_strdup (words[j]), MAX_CATEGORIES);
    }
  g_ptr_array_set_size (categories, 0);
  for (guint i = 0; i < split->len; i++)
    g_ptr_array_add (categories, g_strdup (split->pdata[i]));
}

static void
sitemap_end (Parser *p,
             Frame  *f)
{
  SitemapState *st = p->format_data;
  AccordsFeedEntry *e = p->entry;

  if (f - p->frames != st->item_frame)
    return;
  st->item_frame = -1;
  if (!st->has_news || e == NULL)
    {
      /* A page, not news */
      st->n_plain++;
      f->role = ROLE_OTHER;
      g_clear_pointer (&p->entry, accords_feed_entry_free);
      return;
    }
  split_keywords (e->categories);
  if (is_empty (e->id) && !is_empty (e->link))
    accords_feed_set_field (&e->id, g_strdup (e->link));
}

static gboolean
sitemap_finish (Parser  *p,
                GError **error)
{
  SitemapState *st = p->format_data;

  if (p->info->n_items == 0 && st->n_plain > 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "it is a plain sitemap, not a news sitemap: its %u <url> has no <news:news>, so it lists a page but no news",
                                "it is a plain sitemap, not a news sitemap: none of its %u <url> entries has <news:news>, so it lists pages but no news",
                                st->n_plain),
                   st->n_plain);
      return FALSE;
    }
  return TRUE;
}

static const Format sitemap_format = {
  sitemap_start, sitemap_end, sitemap_finish, g_free,
};

/* ----------------------------------------------------- Atom entry documents */

/* The entry's <source> is the feed it came from */
static gboolean
entry_start (Parser     *p,
             const char *ns,
             const char *name,
             Role        parent_role,
             gboolean    empty)
{
  if (parent_role == ROLE_ITEM && strcmp (name, "source") == 0 && accords_feed_is_root_atom_ns (p, ns))
    {
      accords_feed_parser_top (p)->role = ROLE_CHANNEL;
      return TRUE;
    }
  return FALSE;
}

static void
entry_end (Parser *p,
           Frame  *f)
{
}

static const Format entry_format = {
  entry_start, entry_end, NULL, NULL,
};

/* ------------------------------------------------------------- detection */

static gboolean
is_atom_ns (const char *ns)
{
  return ns == NULL || accords_feed_ns_is (ns, NS_ATOM10) || accords_feed_ns_is (ns, NS_ATOM03);
}

static gboolean
is_sitemap_ns (const char *ns)
{
  return ns == NULL || accords_feed_ns_is (ns, NS_SITEMAP);
}

gboolean
accords_feed_formats_detect (Parser     *p,
                             const char *ns,
                             const char *name)
{
  if (strcmp (name, "entry") == 0 && is_atom_ns (ns))
    {
      p->root_ns = ns;
      p->family = FAMILY_ATOM;
      p->atom03 = accords_feed_ns_is (ns, NS_ATOM03);
      p->info->format = g_strdup (p->atom03 ? "atom03-entry" : "atom10-entry");
      p->format = &entry_format;
      accords_feed_parser_top (p)->role = ROLE_ITEM;
      accords_feed_parser_begin_item (p);
      return TRUE;
    }

  if ((is_item_name (name) || strcmp (name, "newsMessage") == 0) &&
      (ns == NULL || accords_feed_ns_is (ns, NS_NAR)))
    {
      NewsmlState *st = g_new0 (NewsmlState, 1);

      st->ns = g_strdup (ns);
      st->item_frame = st->person_frame = st->subject_frame = st->inline_frame = -1;
      p->format = &newsml_format;
      p->format_data = st;
      p->info->format = g_strdup ("newsml-g2");
      if (is_item_name (name))
        newsml_begin_item (p, st);
      return TRUE;
    }
  if (g_str_has_suffix (name, "Item") && accords_feed_ns_is (ns, NS_NAR))
    {
      g_set_error (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   _("it is a NewsML-G2 <%s>, which holds no news: only newsItem, packageItem and newsMessage do"),
                   name);
      return FALSE;
    }

  if (strcmp (name, "urlset") == 0 && is_sitemap_ns (ns))
    {
      SitemapState *st = g_new0 (SitemapState, 1);

      st->item_frame = -1;
      p->format = &sitemap_format;
      p->format_data = st;
      p->info->format = g_strdup ("sitemap-news");
      return TRUE;
    }
  if (strcmp (name, "sitemapindex") == 0 && is_sitemap_ns (ns))
    {
      g_set_error_literal (&p->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                           _("it is a sitemap index, which lists other sitemaps but no news: import the news sitemaps it lists"));
      return FALSE;
    }
  return FALSE;
}

gboolean
accords_feed_root_is_known (const char *name,
                            const char *ns)
{
  static const char * const feeds[] = { "rss", "feed", "opml", "html" };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    if (strcmp (name, feeds[i]) == 0)
      return TRUE;
  if (strcmp (name, "RDF") == 0)
    return accords_feed_ns_is (ns, NS_RDF);
  if (strcmp (name, "entry") == 0)
    return is_atom_ns (ns);
  if (is_item_name (name) || strcmp (name, "newsMessage") == 0)
    return ns == NULL || accords_feed_ns_is (ns, NS_NAR);
  if (strcmp (name, "urlset") == 0 || strcmp (name, "sitemapindex") == 0)
    return is_sitemap_ns (ns);
  return accords_feed_ns_is (ns, NS_NAR);
}
