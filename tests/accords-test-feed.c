/* accords-test-feed.c: what the feed tests share: a parsed document and its checks */
#include "config.h"

#include <string.h>

#include "accords-test-feed.h"

void
accords_test_parsed_clear (AccordsTestParsed *parsed)
{
  g_clear_pointer (&parsed->info, accords_feed_info_free);
  g_clear_pointer (&parsed->entries, g_ptr_array_unref);
  g_clear_error (&parsed->error);
}

gboolean
accords_test_feed_collect (AccordsFeedEntry  *entry,
                           gpointer           user_data,
                           GError           **error)
{
  g_ptr_array_add (user_data, entry);
  return TRUE;
}

void
accords_test_feed_assert_valid_entry (AccordsFeedEntry *e)
{
  const char *fields[] = { e->id, e->title, e->link, e->author, e->summary, e->content,
                           e->summary_text, e->content_text };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_nonnull (fields[i]);
      g_assert_true (g_utf8_validate (fields[i], -1, NULL));
    }
  for (guint i = 0; e->categories != NULL && i < e->categories->len; i++)
    g_assert_true (g_utf8_validate (e->categories->pdata[i], -1, NULL));
  if (e->published)
    g_assert_cmpuint (strlen (e->published), ==, 20);
  if (e->updated)
    g_assert_cmpuint (strlen (e->updated), ==, 20);
}

void
accords_test_feed_parse (GInputStream             *stream,
                         const char               *base_uri,
                         const AccordsFeedMapping *mapping,
                         AccordsTestParsed        *out)
{
  out->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_entry_free);
  out->info = accords_feed_parse_mapped (stream, base_uri, mapping, accords_test_feed_collect, NULL, out->entries,
                                         NULL, &out->error);
  for (guint i = 0; i < out->entries->len; i++)
    accords_test_feed_assert_valid_entry (out->entries->pdata[i]);
}
