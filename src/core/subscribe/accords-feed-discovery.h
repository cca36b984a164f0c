/* accords-feed-discovery.h: the feeds a web page names in its <link rel="alternate">, pure */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *url;     /* absolute http or https */
  char *title;   /* as the page gives it, may be "" */
  char *type;    /* "application/rss+xml", "application/atom+xml", ... */
} AccordsFeedLink;

void       accords_feed_link_free (AccordsFeedLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedLink, accords_feed_link_free)

/* The RSS, Atom and RDF feeds an HTML page links to as alternates, in page
 * order, each once, resolved against <base href> or base_uri; only http and
 * https ones.  A GPtrArray of AccordsFeedLink, empty when there are none.
 * No network. */
GPtrArray *accords_feed_discover  (const char *html,
                                   gsize       length,
                                   const char *base_uri);

G_END_DECLS
