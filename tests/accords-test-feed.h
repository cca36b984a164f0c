/* accords-test-feed.h: what the feed tests share: a parsed document and its checks */
#pragma once

#include <gio/gio.h>

#include "accords-feed-mapping.h"
#include "accords-feed-parser.h"

G_BEGIN_DECLS

/* What a parse gave: the feed, its entries and the error, if any */
typedef struct {
  AccordsFeedInfo *info;
  GPtrArray       *entries;   /* AccordsFeedEntry */
  GError          *error;
} AccordsTestParsed;

void     accords_test_parsed_clear           (AccordsTestParsed *parsed);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccordsTestParsed, accords_test_parsed_clear)

/* An AccordsFeedEntryFunc that adds each entry to the GPtrArray user_data */
gboolean accords_test_feed_collect           (AccordsFeedEntry  *entry,
                                              gpointer           user_data,
                                              GError           **error);
/* Every text field of an entry is there and UTF-8, its dates ISO 8601 in UTC */
void     accords_test_feed_assert_valid_entry (AccordsFeedEntry *entry);
/* Parses stream (relative links against base_uri; with mapping, if not
 * NULL) into out, and checks each entry it gave */
void     accords_test_feed_parse             (GInputStream             *stream,
                                              const char               *base_uri,
                                              const AccordsFeedMapping *mapping,
                                              AccordsTestParsed        *out);

G_END_DECLS
