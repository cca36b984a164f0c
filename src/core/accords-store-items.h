/* accords-store-items.h: feeds and news items in the store */
#pragma once

#include <gio/gio.h>

#include "accords-item.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *url;      /* file path or http(s) URL */
  char   *kind;     /* "file" or "url" */
  char   *title;
  char   *format;
  guint   n_items;
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

G_END_DECLS
