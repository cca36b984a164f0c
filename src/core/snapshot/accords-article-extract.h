/* accords-article-extract.h: the readable text and metadata of a news page, pure */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char     *title;       /* NULL: none found */
  char     *byline;      /* the authors, ", " between them; NULL: none */
  char     *publisher;   /* NULL: none */
  char     *published;   /* as the page gives it (ISO 8601 mostly); NULL: none */
  char     *text;        /* paragraphs with a blank line between them, "" when none */
  gboolean  paywalled;   /* the page marks its text as a teaser behind a paywall */
} AccordsArticle;

void            accords_article_free    (AccordsArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsArticle, accords_article_free)

/* Parses html (any charset libxml2 detects, never the network) and picks the
 * article's text: navigation, comments, forms, scripts and the like are
 * dropped, the block of paragraphs scoring highest (length, commas, few
 * links, its class and id) is kept with its siblings of a like score.  The
 * metadata comes from JSON-LD (NewsArticle and kin) first, then <meta>
 * (Open Graph, article:, name=author), then <title>.  Pure: bytes in,
 * a record or a GError (ACCORDS_ERROR_INVALID: not HTML at all) out. */
AccordsArticle *accords_article_extract (const char  *html,
                                         gsize        length,
                                         const char  *base_uri,
                                         GError     **error);

G_END_DECLS
