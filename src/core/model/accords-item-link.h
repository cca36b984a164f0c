/* accords-item-link.h: a news item linked to an agreement, as the agreement's Sources list shows it */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_ITEM_LINK (accords_item_link_get_type ())

G_DECLARE_FINAL_TYPE (AccordsItemLink, accords_item_link, ACCORDS, ITEM_LINK, GObject)

/* Properties (construct-only but for state): item-id (int64), agreement
 * (the slug), title, feed-title, published, link, score (double), method,
 * reason (in words), signal (the event type the item's language points to,
 * or ""), state ("suggested", "confirmed" or "rejected"). */
gint64      accords_item_link_get_item_id    (AccordsItemLink *self);
const char *accords_item_link_get_agreement  (AccordsItemLink *self);
const char *accords_item_link_get_title      (AccordsItemLink *self);
const char *accords_item_link_get_feed_title (AccordsItemLink *self);
const char *accords_item_link_get_published  (AccordsItemLink *self);
const char *accords_item_link_get_link       (AccordsItemLink *self);
double      accords_item_link_get_score      (AccordsItemLink *self);
const char *accords_item_link_get_method     (AccordsItemLink *self);
const char *accords_item_link_get_reason     (AccordsItemLink *self);
const char *accords_item_link_get_signal     (AccordsItemLink *self);
const char *accords_item_link_get_state      (AccordsItemLink *self);
void        accords_item_link_set_state      (AccordsItemLink *self,
                                              const char      *state);

G_END_DECLS
