/* accords-item.h: a news item as the window shows it */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_ITEM (accords_item_get_type ())

G_DECLARE_FINAL_TYPE (AccordsItem, accords_item, ACCORDS, ITEM, GObject)

/* Properties (all read-write, notify on change): id (int64), feed-id (int64),
 * feed-title, guid, title, link, author, published, updated (ISO 8601 UTC),
 * summary-text, content-text (plain), html (sanitized HTML for the reader),
 * categories (strv), enclosure, read (bool), starred (bool). */
AccordsItem *accords_item_new              (void);
gint64       accords_item_get_id           (AccordsItem *self);
gint64       accords_item_get_feed_id      (AccordsItem *self);
const char  *accords_item_get_feed_title   (AccordsItem *self);
const char  *accords_item_get_guid         (AccordsItem *self);
const char  *accords_item_get_title        (AccordsItem *self);
const char  *accords_item_get_link         (AccordsItem *self);
const char  *accords_item_get_author       (AccordsItem *self);
const char  *accords_item_get_published    (AccordsItem *self);
const char  *accords_item_get_updated      (AccordsItem *self);
const char  *accords_item_get_summary_text (AccordsItem *self);
const char  *accords_item_get_content_text (AccordsItem *self);
const char  *accords_item_get_html         (AccordsItem *self);
const char * const *accords_item_get_categories (AccordsItem *self);
const char  *accords_item_get_enclosure    (AccordsItem *self);
gboolean     accords_item_get_read         (AccordsItem *self);
gboolean     accords_item_get_starred      (AccordsItem *self);

G_END_DECLS
