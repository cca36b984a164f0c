/* accords-feed-parser-private.h: what the parts of the feed parser share:
 * the reader loop (accords-feed-parser.c), text capture
 * (accords-feed-capture.c, accords-feed-text.c) and the tables of what each
 * vocabulary's elements fill in (accords-feed-handlers.c) */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

#include "accords-feed-input.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser.h"

G_BEGIN_DECLS

#define NS_ATOM10   "http://www.w3.org/2005/Atom"
#define NS_ATOM03   "http://purl.org/atom/ns#"
#define NS_RSS10    "http://purl.org/rss/1.0/"
#define NS_RSS090   "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF      "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_DC10     "http://purl.org/dc/elements/1.0/"
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
  ROLE_SOURCE,     /* an Atom entry's source: the feed it was copied from */
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
  T_PERSON_NAME,        /* an Atom person's name */
  T_PERSON_EMAIL,       /* an Atom person's email, the author when no name is given */
  T_ITEM_PUBLISHED,
  T_ITEM_UPDATED,
  T_ITEM_DATE,          /* dc:date: the updated date, and the published one if nothing else gives it */
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
  gboolean  saw_cdata;
  gboolean  permalink;     /* guid isPermaLink */
  gboolean  twin;          /* a Dublin Core twin of a core element: fills only what it left empty */
  int       link_rank;     /* how much a link captured here counts: see LinkRank */
  gboolean  truncated;
  gsize     limit;
  GString  *buf;
  char     *base;
} Capture;

/* Which of a feed's or an item's links is its web page: the highest rank,
 * the first of equals */
typedef enum {
  LINK_NONE,
  LINK_FEED_TYPE,     /* rel="alternate" to a feed: another format of this one */
  LINK_IMPLICIT,      /* an Atom link without rel */
  LINK_ALTERNATE,     /* rel="alternate" */
  LINK_CORE,          /* RSS <link> */
} LinkRank;

typedef struct {
  char     *raw;        /* NULL: none */
  Mode      mode;
  gboolean  saw_child;
  char     *base;
} Markup;

typedef struct _Parser Parser;

/* A vocabulary read outside the feed tables (accords-feed-formats.c,
 * accords-feed-mapping.c): it sees every element outside a field */
typedef struct {
  /* TRUE when it handled the element, whose frame is on top */
  gboolean (*start)  (Parser     *p,
                      const char *ns,
                      const char *name,
                      Role        parent_role,
                      gboolean    empty);
  /* before the frame on top is popped, ahead of an item's end */
  void     (*end)    (Parser     *p,
                      Frame      *f);
  /* once the document has ended well; FALSE with error set refuses it */
  gboolean (*finish) (Parser     *p,
                      GError    **error);
  void     (*free)   (gpointer    data);
} Format;

struct _Parser {
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
  LinkRank              entry_link_rank;
  LinkRank              feed_link_rank;
  GPtrArray            *dc_authors;      /* dc:creator: the authors when the item names none else */
  GPtrArray            *feed_authors;    /* Atom: inherited by entries without their own */
  GPtrArray            *source_authors;  /* the entry's atom:source authors */
  int                   source_depth;    /* the frame of the atom:source being read, or -1 */
  char                 *person_name;     /* of the Atom person construct being read */
  char                 *person_email;

  gsize                 entity_text;
  guint                 n_errors;
  char                 *first_error;
  GError               *error;       /* stops the parse */

  const AccordsFeedMapping *mapping;  /* read every document with it, or NULL */
  const Format         *format;       /* NULL: a feed */
  gpointer              format_data;
};

/* accords-feed-text.c */
char   *accords_feed_clean_text      (char        *text);
char   *accords_feed_fold_space      (const char  *text);
char   *accords_feed_trimmed         (const char  *text);
void    accords_feed_set_field       (char       **field,
                                      char        *value);
void    accords_feed_set_field_once  (char       **field,
                                      char        *value);
char   *accords_feed_author_name     (const char  *text);
void    accords_feed_add_unique      (GPtrArray   *array,
                                      char        *value,
                                      guint        max);
gboolean accords_feed_is_misspelling (const char  *typed,
                                      const char  *meant);
void    accords_feed_escape_attribute (GString    *out,
                                       const char *value,
                                       gsize       len);

/* accords-feed-parser.c: the frames of the elements being read */
Frame      *accords_feed_parser_top           (Parser     *p);
const char *accords_feed_parser_current_base  (Parser     *p);
void        accords_feed_parser_begin_item    (Parser     *p);
void        accords_feed_parser_end_item      (Parser     *p);
char       *accords_feed_parser_get_attribute (Parser     *p,
                                               const char *name);

/* accords-feed-capture.c */
void    accords_feed_markup_clear          (Markup     *m);
void    accords_feed_begin_capture         (Parser     *p,
                                            Target      target,
                                            Mode        mode);
void    accords_feed_capture_construct     (Parser     *p,
                                            Target      target);
void    accords_feed_capture_append        (Parser     *p,
                                            const char *text,
                                            gsize       len);
void    accords_feed_capture_append_escaped (Parser    *p,
                                            const char *text,
                                            gsize       len);
void    accords_feed_capture_start_tag     (Parser     *p,
                                            const char *name,
                                            gboolean    empty);
void    accords_feed_end_capture           (Parser     *p);
void    accords_feed_offer_link            (Parser     *p,
                                            gboolean    item_level,
                                            char       *url,
                                            LinkRank    rank);
void    accords_feed_end_frame             (Parser     *p,
                                            Frame      *f);
void    accords_feed_markup_to_html        (Markup     *m,
                                            const char *raw,
                                            char      **html_out,
                                            char      **text_out);

/* accords-feed-formats.c: NewsML-G2, news sitemaps, Atom entry documents */
gboolean accords_feed_formats_detect  (Parser     *p,
                                       const char *ns,
                                       const char *name);
/* Sets a field from text as if an element held it */
void     accords_feed_set_from_text   (Parser     *p,
                                       Target      target,
                                       Mode        mode,
                                       const char *text);

/* accords-feed-mapping.c */
void     accords_feed_mapping_begin   (Parser     *p);

/* accords-feed-handlers.c */
gboolean accords_feed_ns_is           (const char *ns,
                                       const char *uri);
gboolean accords_feed_is_rss_ns       (const char *ns);
gboolean accords_feed_is_root_atom_ns (Parser     *p,
                                       const char *ns);
void     accords_feed_dispatch        (Parser     *p,
                                       const char *ns,
                                       const char *name,
                                       gboolean    item_level,
                                       gboolean    empty);

G_END_DECLS
