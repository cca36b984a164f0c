/* accords-item-list.h: news items as a lazy GListModel over the store, for 100,000 rows and more */
#pragma once

#include <gio/gio.h>

#include "accords-context.h"
#include "accords-item.h"
#include "accords-store-items.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_ITEM_LIST (accords_item_list_get_type ())

G_DECLARE_FINAL_TYPE (AccordsItemList, accords_item_list, ACCORDS, ITEM_LIST, GObject)

/* Holds only the ordered ids; rows are read in pages as they are asked for.
 * Follows the store: refreshes when items change. */
AccordsItemList *accords_item_list_new        (AccordsContext  *context);
/* FTS5 query; text with FTS syntax errors is searched as plain words */
void             accords_item_list_set_search (AccordsItemList *self,
                                               const char      *query);
/* 0: every feed */
void             accords_item_list_set_feed   (AccordsItemList *self,
                                               gint64           feed_id);
/* NULL: every country; else items that mention it (alpha-2) */
void             accords_item_list_set_country (AccordsItemList *self,
                                                const char      *country);
const char      *accords_item_list_get_country (AccordsItemList *self);
/* NULL: every agreement; else items linked to it and not rejected */
void             accords_item_list_set_agreement (AccordsItemList *self,
                                                  const char      *slug);
const char      *accords_item_list_get_agreement (AccordsItemList *self);
/* Where the item is in the list, GTK_INVALID_LIST_POSITION ((guint) -1)
 * when the list does not hold it */
guint            accords_item_list_find_position (AccordsItemList *self,
                                                  gint64           item_id);
/* NULL: no bound; else YYYY[-MM[-DD]], items dated then or later, then or
 * earlier (the whole month or year) */
void             accords_item_list_set_dates  (AccordsItemList *self,
                                               const char      *since,
                                               const char      *until);
/* Items by whether they are linked to an agreement */
void             accords_item_list_set_linked (AccordsItemList   *self,
                                               AccordsItemLinked  linked);
void             accords_item_list_set_sort   (AccordsItemList *self,
                                               AccordsItemSort  sort,
                                               gboolean         descending);
void             accords_item_list_refresh    (AccordsItemList *self);

G_END_DECLS
