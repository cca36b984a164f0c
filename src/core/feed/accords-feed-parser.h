/* accords-feed-parser.h: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 read as a stream, pure;
 * also NewsML-G2, news sitemaps, Atom entry documents and any XML through a mapping */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the feed says of itself.  Strings are never NULL: "" when absent,
 * except the dates, which are NULL when absent or unreadable. */
typedef struct {
  char     *format;         /* "rss20", "rss091", "rss10", "rss090", "atom10", "atom03", ... */
  gboolean  bozo;           /* ill-formed, recovered as far as possible */
  char     *bozo_message;   /* the first problem found, or NULL */
  char     *title;          /* plain text */
  char     *link;
  char     *subtitle;       /* plain text */
  char     *language;
  char     *updated;        /* ISO 8601 UTC, or NULL */
  guint     n_items;
} AccordsFeedInfo;

void accords_feed_info_free (AccordsFeedInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedInfo, accords_feed_info_free)

/* One item.  Strings are "" when absent except the dates and the
 * enclosure, which are NULL.  All valid UTF-8. */
typedef struct {
  char      *id;
  char      *title;         /* plain text */
  char      *link;
  char      *author;        /* plain text, names only, several joined by ", " */
  char      *published;     /* ISO 8601 UTC, or NULL */
  char      *updated;       /* ISO 8601 UTC, or NULL */
  char      *summary;       /* the allow-listed HTML subset */
  char      *content;       /* the allow-listed HTML subset */
  char      *summary_text;  /* plain text of summary, for the index */
  char      *content_text;  /* plain text of content, for the index */
  GPtrArray *categories;    /* of char*, plain text */
  char      *enclosure;     /* URL, or NULL */
  guint64    fingerprint;   /* a hash of the item as the file has it */
  gboolean   markup_skipped; /* summary and content left out, as asked */
} AccordsFeedEntry;

void accords_feed_entry_free (AccordsFeedEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedEntry, accords_feed_entry_free)

/* Called for each item as soon as it is read, in document order.  The
 * entry is handed over: free it with accords_feed_entry_free().  Returning
 * FALSE with error set stops the parse with that error. */
typedef gboolean (*AccordsFeedEntryFunc) (AccordsFeedEntry  *entry,
                                          gpointer           user_data,
                                          GError           **error);

/* Optional: called when an item is read, before its summary and content
 * are sanitized, with every other field and the fingerprint set.  FALSE
 * leaves them out (markup_skipped): for an item already stored unchanged. */
typedef gboolean (*AccordsFeedMarkupFunc) (const AccordsFeedEntry *entry,
                                           gpointer                user_data);

/* Reads a feed from stream, calling entry_func for each item; memory stays
 * flat whatever the size.  base_uri (may be NULL) resolves relative links
 * along with xml:base.  Never reads anything but stream: no network, no
 * external entities or DTDs, bounded entity expansion and depth.
 *
 * Ill-formed feeds are recovered and flagged bozo.  Input that is not a
 * feed (empty, not XML, an HTML page, another XML vocabulary) is an
 * ACCORDS_ERROR_NOT_A_FEED error; a failed read is a G_IO_ERROR. */
AccordsFeedInfo *accords_feed_parse        (GInputStream          *stream,
                                            const char            *base_uri,
                                            AccordsFeedEntryFunc   entry_func,
                                            gpointer               user_data,
                                            GCancellable          *cancellable,
                                            GError               **error);
AccordsFeedInfo *accords_feed_parse_full   (GInputStream          *stream,
                                            const char            *base_uri,
                                            AccordsFeedEntryFunc   entry_func,
                                            AccordsFeedMarkupFunc  markup_func,
                                            gpointer               user_data,
                                            GCancellable          *cancellable,
                                            GError               **error);
AccordsFeedInfo *accords_feed_parse_bytes  (GBytes                *bytes,
                                            const char            *base_uri,
                                            AccordsFeedEntryFunc   entry_func,
                                            gpointer               user_data,
                                            GError               **error);

/* The same, every document read with mapping (NULL: as a feed or one of
 * the other news vocabularies); see accords-feed-mapping.h */
typedef struct _AccordsFeedMapping AccordsFeedMapping;
AccordsFeedInfo *accords_feed_parse_mapped (GInputStream              *stream,
                                            const char                *base_uri,
                                            const AccordsFeedMapping  *mapping,
                                            AccordsFeedEntryFunc       entry_func,
                                            AccordsFeedMarkupFunc      markup_func,
                                            gpointer                   user_data,
                                            GCancellable              *cancellable,
                                            GError                   **error);

/* A 64-bit hash of n_fields strings (NULL and "" differ) */
guint64 accords_feed_hash_fields (const char * const *fields,
                                  guint               n_fields);

/* The local name of the document's root element ("rss", "feed", "opml",
 * "html", ...), read without reading further; NULL with an error when the
 * stream holds no XML element. */
char *accords_feed_sniff_root (GInputStream  *stream,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
