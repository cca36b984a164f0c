/* accords-feed-mapping.h: where the items and their fields are in XML of any other vocabulary */
#pragma once

#include <gio/gio.h>

#include "accords-feed-parser.h"

G_BEGIN_DECLS

/* A mapping is written "item=PATH;field=PATH;…".  item names the
 * repeating element: a local name, or a path of them ("list/record") that
 * must end the element's ancestry.  Each field's path is relative to the
 * item, local names joined by "/", and may end in "@attribute"; "@date"
 * alone is an attribute of the item itself.  Prefixes are ignored.
 * Fields: id, title, link, author, published, updated, summary, content,
 * category (every match, not only the first) and enclosure; and
 * feed-title, a path from the root (which is "@attribute" alone).  Their text
 * is read as a feed's is: dates in any feed format, markup sanitized,
 * links resolved against xml:base. */

AccordsFeedMapping *accords_feed_mapping_parse     (const char                *text,
                                                    GError                   **error);
AccordsFeedMapping *accords_feed_mapping_copy      (const AccordsFeedMapping  *mapping);
void                accords_feed_mapping_free      (AccordsFeedMapping        *mapping);
/* In the form accords_feed_mapping_parse() reads */
char               *accords_feed_mapping_to_string (const AccordsFeedMapping  *mapping);
/* The path of a field ("title", "item", …), or NULL when unmapped */
const char         *accords_feed_mapping_get_path  (const AccordsFeedMapping  *mapping,
                                                    const char                *field);
/* The fields a mapping may name, NULL-terminated, "item" first */
const char * const *accords_feed_mapping_fields    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedMapping, accords_feed_mapping_free)

/* A first guess from the start of a document: the element that repeats
 * most near the root, and the fields its children's names suggest; for
 * a person to check.  NULL with an error when nothing repeats. */
AccordsFeedMapping *accords_feed_mapping_guess     (GInputStream              *stream,
                                                    GCancellable              *cancellable,
                                                    GError                   **error);

/* The root element's local name and namespace (NULL: none), read without
 * reading further; FALSE with an error as accords_feed_sniff_root(). */
gboolean  accords_feed_sniff_root_ns   (GInputStream  *stream,
                                        char         **name,
                                        char         **ns,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Whether accords_feed_parse() reads a document with this root: a feed,
 * NewsML-G2, a sitemap or an Atom entry.  Anything else needs a mapping. */
gboolean  accords_feed_root_is_known   (const char    *name,
                                        const char    *ns);

/* The key under which a mapping is remembered for documents with this
 * root, in the store's meta table */
char     *accords_feed_mapping_key     (const char    *name,
                                        const char    *ns);

G_END_DECLS
