/* accords-html-sanitizer.h: the allow-listed HTML subset of feed summaries, and their plain text */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads an HTML fragment (valid UTF-8) and appends to html (when not NULL)
 * the allowed subset, well nested: no script, style, iframe, object, embed,
 * form or other active elements, no event-handler or style attributes, and
 * only http, https and mailto URLs (relative ones resolved against base_uri
 * when it is given).  Appends its plain text to text (when not NULL): white
 * space folded, blocks on lines of their own. */
void      accords_html_sanitize       (const char *input,
                                       gsize       len,
                                       const char *base_uri,
                                       GString    *html,
                                       GString    *text);
/* The text of an HTML fragment on one line: for titles typed as HTML */
char     *accords_html_to_text        (const char *input,
                                       gsize       len);
/* Appends text escaped as HTML */
void      accords_html_escape         (GString    *out,
                                       const char *text,
                                       gsize       len);
/* Whether plain-looking text is really HTML: it has an end tag or an entity */
gboolean  accords_html_looks_like_html (const char *text,
                                        gsize       len);
/* Whether it has tags: an end tag or the start tag of a known element */
gboolean  accords_html_has_tags        (const char *text,
                                        gsize       len);
/* ref resolved against base_uri (RFC 3986) without re-encoding either;
 * NULL when base_uri is not an absolute URI */
char     *accords_html_resolve_url    (const char *base_uri,
                                       const char *ref);
/* A URL from a feed or an attribute, resolved against base_uri when
 * relative (protocol-relative ones too): an absolute http or https URL with
 * a host, or a mailto one.  NULL for anything else: another scheme, or a
 * relative URL without a base to resolve it against. */
char     *accords_html_clean_url      (const char *url,
                                       const char *base_uri);

G_END_DECLS
