/* accords-feed-handlers.c: what each element of each feed vocabulary fills in, as tables */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <string.h>

#include "accords-feed-parser-private.h"
#include "accords-html-sanitizer.h"

/* Where an element counts: among the channel's (or feed's) children, an
 * item's, or both */
typedef enum {
  LEVEL_FEED = 1 << 0,
  LEVEL_ITEM = 1 << 1,
  LEVEL_BOTH = LEVEL_FEED | LEVEL_ITEM,
} Level;

typedef enum {
  READ_CAPTURE,     /* its text is the target, read in mode */
  READ_CONSTRUCT,   /* an Atom text construct: its type says the mode */
  READ_SPECIAL,     /* the rule's function reads it */
} Read;

typedef void (*SpecialFunc) (Parser   *p,
                             gboolean  item_level,
                             gboolean  empty);

typedef struct {
  const char  *element;
  Level        level;
  Read         read;
  Target       target;
  Mode         mode;
  SpecialFunc  special;
} Rule;

/* ------------------------------------------------------------- specials */

/* RSS <guid isPermaLink>: a permalink guid stands in for a missing link.
 * RSS 2.0 makes a guid a permalink unless it says otherwise; a value
 * other than "true" is not a yes. */
static void
rss_guid (Parser   *p,
          gboolean  item_level,
          gboolean  empty)
{
  g_autofree char *permalink = accords_feed_parser_get_attribute (p, "isPermaLink");

  accords_feed_begin_capture (p, T_ITEM_GUID, MODE_TEXT);
  p->cap.permalink = permalink == NULL || g_ascii_strcasecmp (g_strstrip (permalink), "true") == 0;
}

static void
rss_link (Parser   *p,
          gboolean  item_level,
          gboolean  empty)
{
  accords_feed_begin_capture (p, item_level ? T_ITEM_LINK : T_FEED_LINK, MODE_TEXT);
  p->cap.link_rank = LINK_CORE;
}

static void
rss_enclosure (Parser   *p,
               gboolean  item_level,
               gboolean  empty)
{
  g_autofree char *url = accords_feed_parser_get_attribute (p, "url");

  if (url != NULL)
    accords_feed_set_field_once (&p->entry->enclosure,
                                 accords_html_clean_url (g_strstrip (url), accords_feed_parser_current_base (p)));
}

#define IANA_RELATION "://www.iana.org/assignments/relation/"

/* A link relation by its short name, whether given so or as the IANA URI */
static const char *
short_relation (const char *rel)
{
  gsize scheme = g_ascii_strncasecmp (rel, "https", 5) == 0 ? 5 : g_ascii_strncasecmp (rel, "http", 4) == 0 ? 4 : 0;

  if (scheme > 0 && g_ascii_strncasecmp (rel + scheme, IANA_RELATION, strlen (IANA_RELATION)) == 0)
    return rel + scheme + strlen (IANA_RELATION);
  return rel;
}

/* The media type of a feed: such an alternate is the feed in another format */
static gboolean
is_feed_type (const char *type)
{
  g_autofree char *t = NULL;

  if (type == NULL)
    return FALSE;
  t = g_ascii_strdown (g_strstrip ((char *) type), -1);
  return strstr (t, "rss") != NULL || strstr (t, "atom") != NULL || strstr (t, "rdf") != NULL ||
         strcmp (t, "application/xml") == 0 || strcmp (t, "text/xml") == 0;
}

/* Atom <link>: rel alternate (or none) is the link, rel enclosure the
 * enclosure; Atom 0.3 links may carry the URL as text.  An empty href is
 * the base URL itself. */
static void
atom_link (Parser   *p,
           gboolean  item_level,
           gboolean  empty)
{
  g_autofree char *rel = accords_feed_parser_get_attribute (p, "rel");
  g_autofree char *href = accords_feed_parser_get_attribute (p, "href");
  g_autofree char *type = accords_feed_parser_get_attribute (p, "type");
  const char *relation = rel != NULL ? short_relation (g_strstrip (rel)) : "";
  gboolean alternate = *relation == '\0' || g_ascii_strcasecmp (relation, "alternate") == 0;
  gboolean enclosure = g_ascii_strcasecmp (relation, "enclosure") == 0;
  LinkRank rank;

  if (!alternate && !(enclosure && item_level))
    return;
  rank = is_feed_type (type) ? LINK_FEED_TYPE : *relation == '\0' ? LINK_IMPLICIT : LINK_ALTERNATE;

  if (href != NULL)
    {
      const char *base = accords_feed_parser_current_base (p);
      char *url;

      g_strstrip (href);
      if (*href == '\0' && base == NULL)
        return;
      url = *href == '\0' ? accords_html_clean_url (base, NULL)
                           : accords_html_clean_url (href, base);
      if (enclosure)
        accords_feed_set_field_once (&p->entry->enclosure, url);
      else
        accords_feed_offer_link (p, item_level, url, rank);
      return;
    }
  if (!empty)
    {
      accords_feed_begin_capture (p, enclosure ? T_ITEM_ENCLOSURE : item_level ? T_ITEM_LINK : T_FEED_LINK,
                                  MODE_TEXT);
      p->cap.link_rank = rank;
    }
}

/* An Atom person construct: its <name> is read where the frame says so */
static void
atom_author (Parser   *p,
             gboolean  item_level,
             gboolean  empty)
{
  accords_feed_parser_top (p)->role = ROLE_AUTHOR;
  g_clear_pointer (&p->person_name, g_free);
  g_clear_pointer (&p->person_email, g_free);
}

/* An entry's atom:source: its authors are the entry's when it has none */
static void
atom_source (Parser   *p,
             gboolean  item_level,
             gboolean  empty)
{
  accords_feed_parser_top (p)->role = ROLE_SOURCE;
  p->source_depth = p->n_frames - 1;
}

static void
atom_category (Parser   *p,
               gboolean  item_level,
               gboolean  empty)
{
  g_autofree char *term = accords_feed_parser_get_attribute (p, "term");
  g_autofree char *label = accords_feed_parser_get_attribute (p, "label");
  const char *value = term != NULL && *g_strstrip (term) != '\0' ? term : label;

  if (value != NULL)
    accords_feed_add_unique (p->entry->categories, accords_feed_fold_space (value), MAX_CATEGORIES);
}

/* dc:identifier is the id only where the item has none of its own */
static void
dc_identifier (Parser   *p,
               gboolean  item_level,
               gboolean  empty)
{
  if (p->entry->id == NULL || *p->entry->id == '\0')
    {
      accords_feed_begin_capture (p, T_ITEM_ID, MODE_TEXT);
      p->cap.twin = TRUE;
    }
}

/* Atom 0.3 <created>: the published date when <issued> does not give one */
static void
atom_created (Parser   *p,
              gboolean  item_level,
              gboolean  empty)
{
  accords_feed_begin_capture (p, T_ITEM_PUBLISHED, MODE_TEXT);
  p->cap.twin = TRUE;
}

/* --------------------------------------------------------------- tables */

#define CAPTURE(element, level, target, mode) { element, level, READ_CAPTURE, target, mode, NULL }
#define CONSTRUCT(element, level, target)     { element, level, READ_CONSTRUCT, target, MODE_AUTO, NULL }
#define SPECIAL(element, level, func)         { element, level, READ_SPECIAL, T_NONE, MODE_TEXT, func }

/* RSS 0.9x, 2.0 and 1.0 */
static const Rule rss_rules[] = {
  CAPTURE ("title",         LEVEL_FEED, T_FEED_TITLE,     MODE_AUTO),
  SPECIAL ("link",          LEVEL_BOTH, rss_link),
  CAPTURE ("description",   LEVEL_FEED, T_FEED_SUBTITLE,  MODE_AUTO),
  CAPTURE ("language",      LEVEL_FEED, T_FEED_LANGUAGE,  MODE_TEXT),
  CAPTURE ("lastBuildDate", LEVEL_FEED, T_FEED_UPDATED,   MODE_TEXT),
  CAPTURE ("title",         LEVEL_ITEM, T_ITEM_TITLE,     MODE_AUTO),
  CAPTURE ("description",   LEVEL_ITEM, T_ITEM_SUMMARY,   MODE_HTML),
  SPECIAL ("guid",          LEVEL_ITEM, rss_guid),
  CAPTURE ("pubDate",       LEVEL_ITEM, T_ITEM_PUBLISHED, MODE_TEXT),
  CAPTURE ("author",        LEVEL_ITEM, T_ITEM_AUTHOR,    MODE_AUTO),
  CAPTURE ("category",      LEVEL_ITEM, T_ITEM_CATEGORY,  MODE_AUTO),
  CAPTURE ("body",          LEVEL_ITEM, T_ITEM_CONTENT,   MODE_XHTML),
  CAPTURE ("fullitem",      LEVEL_ITEM, T_ITEM_CONTENT,   MODE_HTML),
  SPECIAL ("enclosure",     LEVEL_ITEM, rss_enclosure),
};

/* Atom 1.0 and 0.3, also inside RSS */
static const Rule atom_rules[] = {
  CONSTRUCT ("title",       LEVEL_FEED, T_FEED_TITLE),
  CONSTRUCT ("subtitle",    LEVEL_FEED, T_FEED_SUBTITLE),
  CONSTRUCT ("tagline",     LEVEL_FEED, T_FEED_SUBTITLE),
  SPECIAL   ("link",        LEVEL_BOTH, atom_link),
  CAPTURE   ("updated",     LEVEL_FEED, T_FEED_UPDATED,   MODE_TEXT),
  CAPTURE   ("modified",    LEVEL_FEED, T_FEED_UPDATED,   MODE_TEXT),
  CONSTRUCT ("title",       LEVEL_ITEM, T_ITEM_TITLE),
  CAPTURE   ("id",          LEVEL_ITEM, T_ITEM_ID,        MODE_TEXT),
  CAPTURE   ("updated",     LEVEL_ITEM, T_ITEM_UPDATED,   MODE_TEXT),
  CAPTURE   ("modified",    LEVEL_ITEM, T_ITEM_UPDATED,   MODE_TEXT),
  CAPTURE   ("published",   LEVEL_ITEM, T_ITEM_PUBLISHED, MODE_TEXT),
  CAPTURE   ("issued",      LEVEL_ITEM, T_ITEM_PUBLISHED, MODE_TEXT),
  SPECIAL   ("created",     LEVEL_ITEM, atom_created),
  CONSTRUCT ("summary",     LEVEL_ITEM, T_ITEM_SUMMARY),
  CONSTRUCT ("content",     LEVEL_ITEM, T_ITEM_CONTENT),
  SPECIAL   ("author",      LEVEL_BOTH, atom_author),
  SPECIAL   ("source",      LEVEL_ITEM, atom_source),
  SPECIAL   ("category",    LEVEL_ITEM, atom_category),
};

/* Dublin Core */
static const Rule dc_rules[] = {
  CAPTURE ("title",       LEVEL_FEED, T_FEED_TITLE,    MODE_AUTO),
  CAPTURE ("description", LEVEL_FEED, T_FEED_SUBTITLE, MODE_AUTO),
  CAPTURE ("language",    LEVEL_FEED, T_FEED_LANGUAGE, MODE_TEXT),
  CAPTURE ("date",        LEVEL_FEED, T_FEED_UPDATED,  MODE_TEXT),
  CAPTURE ("modified",    LEVEL_FEED, T_FEED_UPDATED,  MODE_TEXT),
  CAPTURE ("title",       LEVEL_ITEM, T_ITEM_TITLE,    MODE_AUTO),
  CAPTURE ("creator",     LEVEL_ITEM, T_ITEM_AUTHOR,   MODE_AUTO),
  CAPTURE ("author",      LEVEL_ITEM, T_ITEM_AUTHOR,   MODE_AUTO),
  CAPTURE ("subject",     LEVEL_ITEM, T_ITEM_CATEGORY, MODE_AUTO),
  CAPTURE ("description", LEVEL_ITEM, T_ITEM_SUMMARY,  MODE_HTML),
  CAPTURE ("date",        LEVEL_ITEM, T_ITEM_DATE,     MODE_TEXT),
  CAPTURE ("modified",    LEVEL_ITEM, T_ITEM_UPDATED,  MODE_TEXT),
  SPECIAL ("identifier",  LEVEL_ITEM, dc_identifier),
};

/* DC terms: what DC has, and the dates of issue */
static const Rule dcterms_rules[] = {
  CAPTURE ("issued",   LEVEL_ITEM, T_ITEM_PUBLISHED, MODE_TEXT),
  CAPTURE ("created",  LEVEL_ITEM, T_ITEM_PUBLISHED, MODE_TEXT),
  CAPTURE ("modified", LEVEL_FEED, T_FEED_UPDATED,   MODE_TEXT),
};

/* content:encoded */
static const Rule content_rules[] = {
  CAPTURE ("encoded", LEVEL_ITEM, T_ITEM_CONTENT, MODE_HTML),
};

/* xhtml:body */
static const Rule xhtml_rules[] = {
  CAPTURE ("body", LEVEL_ITEM, T_ITEM_CONTENT, MODE_XHTML),
};

/* ----------------------------------------------------------- namespaces */

gboolean
accords_feed_ns_is (const char *ns,
                    const char *uri)
{
  return ns != NULL && strcmp (ns, uri) == 0;
}

gboolean
accords_feed_is_rss_ns (const char *ns)
{
  return ns == NULL || accords_feed_ns_is (ns, NS_RSS10) || accords_feed_ns_is (ns, NS_RSS090) ||
         accords_feed_ns_is (ns, "http://backend.userland.com/rss2") ||
         accords_feed_ns_is (ns, "http://blogs.law.harvard.edu/tech/rss") ||
         accords_feed_ns_is (ns, "http://backend.userland.com/rss");
}

static gboolean
is_atom_ns (const char *ns)
{
  return accords_feed_ns_is (ns, NS_ATOM10) || accords_feed_ns_is (ns, NS_ATOM03);
}

gboolean
accords_feed_is_root_atom_ns (Parser     *p,
                              const char *ns)
{
  return ns == NULL || is_atom_ns (ns) || (p->root_ns != NULL && strcmp (ns, p->root_ns) == 0);
}

static gboolean
is_root_ns (Parser     *p,
            const char *ns)
{
  return p->root_ns != NULL && ns != NULL && strcmp (ns, p->root_ns) == 0;
}

/* In order: the feed's own vocabulary first, whatever namespace it gave it */
static gboolean
matches_atom_feed (Parser     *p,
                   const char *ns)
{
  return p->family == FAMILY_ATOM && accords_feed_is_root_atom_ns (p, ns);
}

static gboolean
matches_rss_feed (Parser     *p,
                  const char *ns)
{
  return p->family != FAMILY_ATOM && (accords_feed_is_rss_ns (ns) || is_root_ns (p, ns));
}

static gboolean
matches_atom (Parser     *p,
              const char *ns)
{
  return is_atom_ns (ns);
}

#define RULES(table) table, G_N_ELEMENTS (table)

static const struct {
  gboolean   (*matches) (Parser *p, const char *ns);
  const char  *ns;        /* without matches(): the one namespace */
  const Rule  *rules;
  guint        n_rules;
  const Rule  *more;      /* read after rules: a vocabulary this one extends */
  guint        n_more;
  gboolean     twin;      /* fills only what the feed's own elements leave empty */
} vocabularies[] = {
  { matches_atom_feed, NULL,       RULES (atom_rules),    NULL, 0,            FALSE },
  { matches_rss_feed,  NULL,       RULES (rss_rules),     NULL, 0,            FALSE },
  { matches_atom,      NULL,       RULES (atom_rules),    NULL, 0,            FALSE },
  { NULL,              NS_DC,      RULES (dc_rules),      NULL, 0,            TRUE },
  { NULL,              NS_DC10,    RULES (dc_rules),      NULL, 0,            TRUE },
  { NULL,              NS_DCTERMS, RULES (dcterms_rules), RULES (dc_rules), TRUE },
  { NULL,              NS_CONTENT, RULES (content_rules), NULL, 0,            FALSE },
  { NULL,              NS_XHTML,   RULES (xhtml_rules),   NULL, 0,            FALSE },
};

static const Rule *
find_rule (const Rule *rules,
           guint       n_rules,
           const char *name,
           Level       level)
{
  for (guint i = 0; i < n_rules; i++)
    if ((rules[i].level & level) && strcmp (rules[i].element, name) == 0)
      return &rules[i];
  return NULL;
}

/* A child of the channel or of an item */
void
accords_feed_dispatch (Parser     *p,
                       const char *ns,
                       const char *name,
                       gboolean    item_level,
                       gboolean    empty)
{
  Level level = item_level ? LEVEL_ITEM : LEVEL_FEED;

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Rule *rule;

      if (vocabularies[v].matches != NULL ? !vocabularies[v].matches (p, ns)
                                          : !accords_feed_ns_is (ns, vocabularies[v].ns))
        continue;
      rule = find_rule (vocabularies[v].rules, vocabularies[v].n_rules, name, level);
      if (rule == NULL && vocabularies[v].more != NULL)
        rule = find_rule (vocabularies[v].more, vocabularies[v].n_more, name, level);
      if (rule == NULL)
        return;
      switch (rule->read)
        {
        case READ_CAPTURE:
          accords_feed_begin_capture (p, rule->target, rule->mode);
          p->cap.twin = vocabularies[v].twin;
          break;
        case READ_CONSTRUCT:
          accords_feed_capture_construct (p, rule->target);
          break;
        case READ_SPECIAL:
          rule->special (p, item_level, empty);
          break;
        default:
          g_assert_not_reached ();
        }
      return;
    }
}
