/* accords-store-items.h: feeds and news items in the store */
#pragma once

#include <gio/gio.h>

#include "accords-feed-parser.h"
#include "accords-item.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* How a list of stored items is ordered */
typedef enum {
  ACCORDS_ITEM_SORT_DATE,
  ACCORDS_ITEM_SORT_TITLE,
  ACCORDS_ITEM_SORT_FEED,
} AccordsItemSort;

typedef struct {
  gint64  id;
  char   *url;      /* file path or http(s) URL */
  char   *kind;     /* "file" or "url" */
  char   *title;
  char   *format;
  guint   n_items;
  guint   n_unread;
  char   *last_error;
} AccordsFeedRow;

void        accords_feed_row_free          (AccordsFeedRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedRow, accords_feed_row_free)

/* Every feed, by title: a GPtrArray of AccordsFeedRow */
GPtrArray  *accords_store_list_feeds       (AccordsStore  *self,
                                            GError       **error);
AccordsItem *accords_store_load_item       (AccordsStore  *self,
                                            gint64         item_id,
                                            GError       **error);
/* Items newest first, optionally matching an FTS query (syntax errors are
 * searched as plain words) and of one feed (0: all); limit 0: no limit.
 * A GListStore of AccordsItem. */
GListStore *accords_store_query_items      (AccordsStore  *self,
                                            const char    *query,
                                            gint64         feed_id,
                                            guint          limit,
                                            GError       **error);
guint       accords_store_count_items      (AccordsStore  *self);

/* The ids of the items matching query (FTS5; syntax errors are searched as
 * plain words; NULL or blank: all) of feed_id (0: all), in the given order;
 * limit 0: no limit.  A GArray of gint64. */
GArray     *accords_store_query_item_ids   (AccordsStore     *self,
                                            const char       *query,
                                            gint64            feed_id,
                                            AccordsItemSort   sort,
                                            gboolean          descending,
                                            guint             limit,
                                            GError          **error);
/* Whether items are linked to an agreement (a link not rejected) */
typedef enum {
  ACCORDS_ITEM_LINKED_ANY,
  ACCORDS_ITEM_LINKED_YES,        /* to some agreement, suggested or confirmed */
  ACCORDS_ITEM_LINKED_NO,         /* to none */
  ACCORDS_ITEM_LINKED_SUGGESTED,  /* with a suggestion still to review */
  ACCORDS_ITEM_LINKED_CONFIRMED,  /* with a confirmed link */
} AccordsItemLinked;

/* What a list of items is narrowed to; NULL or 0 members narrow nothing */
typedef struct {
  const char *query;      /* a search (accords-search-query.h), as for accords_store_query_item_ids() */
  gint64      feed_id;
  const char *country;    /* alpha-2: items that mention it */
  const char *agreement;  /* slug: items linked to it, and not rejected */
  const char *since;      /* YYYY[-MM[-DD]]: items dated then or later */
  const char *until;      /* YYYY[-MM[-DD]]: items dated then or earlier (all of a month or year) */
  AccordsItemLinked linked;
  gboolean    unread;     /* only items not read */
} AccordsItemFilter;

/* The same, narrowed by filter (NULL: all items) */
GArray     *accords_store_query_item_ids_filtered (AccordsStore            *self,
                                                   const AccordsItemFilter *filter,
                                                   AccordsItemSort          sort,
                                                   gboolean                 descending,
                                                   guint                    limit,
                                                   GError                 **error);
/* How many items filter lets through; -1 on error */
gint64      accords_store_count_items_filtered    (AccordsStore            *self,
                                                   const AccordsItemFilter *filter,
                                                   GError                 **error);
/* The items of ids, in the same order; ids no longer in the store are left
 * out.  A GPtrArray of AccordsItem. */
GPtrArray  *accords_store_load_items       (AccordsStore     *self,
                                            const gint64     *ids,
                                            guint             n_ids,
                                            GError          **error);
/* text as an FTS5 query of plain words, each quoted: what a query with
 * syntax errors is searched as.  NULL when text holds no word. */
char       *accords_store_plain_words_query (const char      *text);

/* What a reader marks on an item: re-imports and relinks keep both */
typedef enum {
  ACCORDS_ITEM_FLAG_READ,
  ACCORDS_ITEM_FLAG_STARRED,
} AccordsItemFlag;

/* Sets the item's read or starred flag, and nothing else of it.  Without
 * wait, a database another connection is writing to (an import) fails at
 * once with ACCORDS_ERROR_BUSY rather than stalling the caller behind it.
 * ACCORDS_ERROR_NOT_FOUND when there is no such item. */
gboolean    accords_store_set_item_flag    (AccordsStore     *self,
                                            gint64            item_id,
                                            AccordsItemFlag   flag,
                                            gboolean          value,
                                            gboolean          wait,
                                            GError          **error);

/* The importer's writes; they run inside its transaction */
gboolean    accords_store_ensure_feed      (AccordsStore     *self,
                                            const char       *url,
                                            const char       *kind,
                                            const char       *title,
                                            gint64           *feed_id,
                                            gboolean         *created,
                                            GError          **error);
gboolean    accords_store_update_feed      (AccordsStore     *self,
                                            gint64            feed_id,
                                            const AccordsFeedInfo *info,
                                            GError          **error);
typedef struct {
  gint64 id;
  gint64 fingerprint;
} AccordsStoredItem;

/* What the importer knows of a feed's items: key -> AccordsStoredItem;
 * NULL (without an error) when the feed has none */
GHashTable *accords_store_get_item_fingerprints (AccordsStore *self,
                                                 gint64        feed_id,
                                                 GError      **error);
gboolean    accords_store_insert_item      (AccordsStore     *self,
                                            gint64            feed_id,
                                            const char       *key,
                                            gint64            content_hash,
                                            const AccordsFeedEntry *entry,
                                            gint64           *item_id,
                                            GError          **error);
/* The largest item id, 0 when there is none, -1 on error */
gint64      accords_store_get_last_item_id (AccordsStore     *self,
                                            GError          **error);
/* Adds the items inserted after after_id to the full-text index: every
 * INSERT INTO item must be followed by this in the same transaction. */
gboolean    accords_store_index_new_items  (AccordsStore     *self,
                                            gint64            after_id,
                                            GError          **error);
gboolean    accords_store_update_item      (AccordsStore     *self,
                                            gint64            item_id,
                                            gint64            content_hash,
                                            const AccordsFeedEntry *entry,
                                            GError          **error);

G_END_DECLS
