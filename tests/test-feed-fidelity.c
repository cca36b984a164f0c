/* test-feed-fidelity.c: fields read as their publisher meant them, where
 * feeds use the less common parts of their formats or break them a little */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "accords-feed-date.h"
#include "accords-feed-parser.h"
#include "accords-test-feed.h"

static void
parse_stream (GInputStream *stream,
              const char   *base_uri,
              AccordsTestParsed       *out)
{
  accords_test_feed_parse (stream, base_uri, NULL, out);
  g_assert_no_error (out->error);
  g_assert_nonnull (out->info);
}

static void
parse_data (const char *name,
            AccordsTestParsed     *out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "fidelity", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);

  g_assert_no_error (error);
  parse_stream (G_INPUT_STREAM (stream), NULL, out);
}

static AccordsFeedEntry *
entry (AccordsTestParsed *p,
       guint   i)
{
  g_assert_cmpuint (i, <, p->entries->len);
  return p->entries->pdata[i];
}

/* ------------------------------------------------------ Dublin Core */

static void
check_dublin_core (const char *name)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data (name, &p);
  g_assert_false (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "Readmission Watch");
  g_assert_cmpstr (p.info->subtitle, ==, "Agreements, as they are signed");
  g_assert_cmpstr (p.info->language, ==, "fr-FR");
  g_assert_cmpstr (p.info->updated, ==, "2022-11-16T08:00:00Z");
  g_assert_cmpuint (p.entries->len, ==, 1);
  e = entry (&p, 0);
  g_assert_cmpstr (e->title, ==, "A protocol is signed");
  g_assert_cmpstr (e->author, ==, "Amélie Martin");
  g_assert_cmpstr (e->published, ==, "2022-11-16T09:30:00Z");
  g_assert_cmpuint (e->categories->len, ==, 1);
  g_assert_cmpstr (e->categories->pdata[0], ==, "readmission");
  g_assert_cmpstr (e->summary_text, ==, "The text of the protocol.");
}

static void
test_dublin_core_1_1 (void)
{
  check_dublin_core ("dc11.xml");
}

static void
test_dublin_core_1_0 (void)
{
  check_dublin_core ("dc10.xml");
}

/* ----------------------------------------------------------- dates */

static void
test_dc_date_alone_is_published (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("dc-date-alone.xml", &p);
  g_assert_cmpuint (p.entries->len, ==, 3);
  g_assert_cmpstr (entry (&p, 0)->published, ==, "2022-11-16T10:00:00Z");
  g_assert_cmpstr (entry (&p, 0)->updated, ==, "2022-11-16T10:00:00Z");
  /* beside pubDate it is only the updated date, in either order */
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpstr (entry (&p, i)->published, ==, "2022-11-15T09:00:00Z");
      g_assert_cmpstr (entry (&p, i)->updated, ==, "2022-11-16T10:00:00Z");
    }
}

static void
test_atom03_created (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom03-created.xml", &p);
  g_assert_cmpstr (p.info->format, ==, "atom03");
  g_assert_cmpuint (p.entries->len, ==, 2);
  g_assert_cmpstr (entry (&p, 0)->published, ==, "2022-11-14T09:00:00Z");
  /* issued is the published date where both are given */
  g_assert_cmpstr (entry (&p, 1)->published, ==, "2022-11-15T09:00:00Z");
  g_assert_cmpstr (entry (&p, 1)->updated, ==, "2022-11-16T09:00:00Z");
}

static void
test_dates_in_other_languages (void)
{
  static const struct {
    const char *id;
    const char *published;
  } expected[] = {
    { "fr", "2022-11-16T09:00:00Z" },
    { "fr-abbr", "2022-02-17T07:00:00Z" },
    { "de", "2022-12-16T09:00:00Z" },
    { "es", "2022-12-16T09:00:00Z" },
    { "es-mar", "2022-11-15T10:00:00Z" },
    { "it", "2023-08-03T16:30:00Z" },
    { "pt", "2023-10-06T10:15:00Z" },
    { "nl", "2023-03-01T11:00:00Z" },
    { "pl", "2022-11-16T09:00:00Z" },
    { "ru", "2022-11-16T07:00:00Z" },
  };
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("foreign-dates.xml", &p);
  g_assert_cmpuint (p.entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (entry (&p, i)->id, ==, expected[i].id);
      g_assert_cmpstr (entry (&p, i)->published, ==, expected[i].published);
    }
}

static void
test_date_words (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "mer, 16 nov 2022 10:00:00 +0100", "2022-11-16T09:00:00Z" },
    { "Mercredi, 16 novembre 2022 10:00:00 +0100", "2022-11-16T09:00:00Z" },
    { "Do, 3. März 2022 10:00:00 MEZ", "2022-03-03T09:00:00Z" },
    { "16 de noviembre de 2022 10:00", "2022-11-16T10:00:00Z" },
    { "Sept 5, 2022", "2022-09-05T00:00:00Z" },
    { "ven, 16 juil 2021 10:00:00 +0200", "2021-07-16T08:00:00Z" },
    { "Tue, 10 Jun 2003 04:00:00 GMT+2", "2003-06-10T02:00:00Z" },
    { "st, 16 listopadu 2022 10:00:00 +0100", "2022-11-16T09:00:00Z" },
    { "Mar 15, 2022", "2022-03-15T00:00:00Z" },
    /* English still reads as before */
    { "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
    { "Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z" },
    /* "jui" could be juin or juillet; words that are no date stay none */
    { "ven, 16 jui 2021 10:00:00 +0200", NULL },
    { "sometime soon", NULL },
    { "16 \xff\xfe 2022", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = accords_feed_date_parse (cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* ------------------------------------------- core against DC twins */

static void
test_core_beats_dublin_core (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("core-beats-dc.xml", &p);
  g_assert_cmpstr (p.info->title, ==, "Channel title");
  g_assert_cmpstr (p.info->subtitle, ==, "Channel description");
  g_assert_cmpuint (p.entries->len, ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (entry (&p, i)->title, ==, "Core title");
      g_assert_cmpstr (entry (&p, i)->summary_text, ==, "Core description");
      g_assert_cmpstr (entry (&p, i)->author, ==, "Core Author");
    }
  g_assert_cmpstr (entry (&p, 2)->title, ==, "Title from DC alone");
  g_assert_cmpstr (entry (&p, 2)->author, ==, "Creator from DC");
  g_assert_cmpstr (entry (&p, 2)->summary_text, ==, "Description from DC alone");
}

/* -------------------------------------------------------- entities */

static void
test_entities_decoded_once (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("entities-once.xml", &p);
  g_assert_cmpstr (p.info->title, ==, "Tom &amp; Jerry");
  g_assert_cmpstr (entry (&p, 0)->title, ==, "Write &amp; to get an ampersand");
  g_assert_cmpstr (entry (&p, 1)->title, ==, "&lt;br&gt; is a line break");
  g_assert_cmpstr (entry (&p, 2)->title, ==, "Fish & chips");
  /* CDATA is not decoded by XML: its one decoding is the markup's */
  g_assert_cmpstr (entry (&p, 3)->title, ==, "Salt & vinegar, decoded by no XML");
}

static void
test_atom_text_title_is_literal (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-text-title.xml", &p);
  g_assert_cmpstr (p.info->title, ==, "<title> and <b>bold</b>");
  g_assert_cmpstr (entry (&p, 0)->title, ==, "Why <title> matters");
  g_assert_cmpstr (entry (&p, 1)->title, ==, "Untyped <title> is text too");
  /* type="html" is still markup, its references decoded by HTML */
  g_assert_cmpstr (entry (&p, 2)->title, ==, "Escaped HTML & more");
}

static void
test_atom_unknown_type_not_base64 (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-unknown-type.xml", &p);
  g_assert_cmpstr (p.info->title, ==, "SGVsbG8=");
  g_assert_cmpstr (entry (&p, 0)->title, ==, "QUJDRA==");
  g_assert_cmpstr (entry (&p, 0)->summary_text, ==, "Plain *words*");
  /* a media type, but text that only looks like base64 stays text */
  g_assert_cmpstr (entry (&p, 0)->content_text, ==, "Some words");
}

static void
test_atom_category_label (void)
{
  const char *xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Categories</title><entry>"
                    "<id>c</id><title>c</title><category term=\"\" label=\"Returns\"/>"
                    "<category term=\" readmission \" label=\"Readmission\"/></entry></feed>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_stream (stream, NULL, &p);
  e = entry (&p, 0);
  /* an empty term is no term: the label stands in */
  g_assert_cmpuint (e->categories->len, ==, 2);
  g_assert_cmpstr (e->categories->pdata[0], ==, "Returns");
  g_assert_cmpstr (e->categories->pdata[1], ==, "readmission");
}

/* --------------------------------------------------------- authors */

static void
test_atom_author_inherited (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-author-inherited.xml", &p);
  g_assert_cmpuint (p.entries->len, ==, 4);
  g_assert_cmpstr (entry (&p, 0)->author, ==, "Feed Desk");
  g_assert_cmpstr (entry (&p, 1)->author, ==, "Source Desk");
  g_assert_cmpstr (entry (&p, 2)->author, ==, "Own Writer");
}

static void
test_author_by_email_only (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-author-inherited.xml", &p);
  g_assert_cmpstr (entry (&p, 3)->author, ==, "tips@example.org");
}

/* ----------------------------------------------------------- links */

static void
test_channel_link_is_website (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("channel-link.xml", &p);
  g_assert_cmpstr (p.info->link, ==, "https://links.example.org/");
}

static void
test_alternate_feed_is_not_website (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-links.xml", &p);
  /* rel given as the IANA URI, after an alternate that is a feed */
  g_assert_cmpstr (p.info->link, ==, "https://www.example.org/");
}

static void
test_iana_relation_uri (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("atom-links.xml", &p);
  e = entry (&p, 2);
  g_assert_cmpstr (e->link, ==, "https://base.example.org/news/story.html");
  g_assert_cmpstr (e->enclosure, ==, "https://base.example.org/news/talk.mp3");
}

static void
test_empty_href_is_base (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-links.xml", &p);
  g_assert_cmpstr (entry (&p, 0)->link, ==, "https://base.example.org/news/");
  g_assert_cmpstr (entry (&p, 1)->link, ==, "https://base.example.org/news/2022/story.html");
}

static void
test_permalink_only_when_true (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("channel-link.xml", &p);
  g_assert_cmpuint (p.entries->len, ==, 4);
  g_assert_cmpstr (entry (&p, 0)->link, ==, "");
  g_assert_cmpstr (entry (&p, 1)->link, ==, "https://links.example.org/true");
  g_assert_cmpstr (entry (&p, 2)->link, ==, "https://links.example.org/default");
  g_assert_cmpstr (entry (&p, 3)->link, ==, "");
  /* the guid is the id all the same */
  g_assert_cmpstr (entry (&p, 0)->id, ==, "https://links.example.org/yes");
}

/* ---------------------------------------------- recoverable damage */

static void
test_mismatched_end_tag (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("mismatched-end-tag.xml", &p);
  g_assert_true (p.info->bozo);
  g_assert_nonnull (p.info->bozo_message);
  g_assert_cmpstr (p.info->title, ==, "Mismatched");
  g_assert_cmpuint (p.entries->len, ==, 3);
  g_assert_cmpstr (entry (&p, 0)->summary_text, ==, "Open bold");
  g_assert_cmpstr (entry (&p, 1)->title, ==, "Second");
  g_assert_cmpstr (entry (&p, 2)->title, ==, "Third");
}

static void
test_misspelt_end_tag (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("misspelt-end-tag.xml", &p);
  g_assert_true (p.info->bozo);
  g_assert_cmpuint (p.entries->len, ==, 2);
  g_assert_cmpstr (entry (&p, 0)->title, ==, "First");
  g_assert_cmpstr (entry (&p, 0)->id, ==, "damage-1");
  g_assert_cmpstr (entry (&p, 1)->link, ==, "https://damage.example.org/2");
  g_assert_cmpstr (entry (&p, 1)->id, ==, "damage-2");
}

static void
test_control_character (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("control-character.xml", &p);
  g_assert_true (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "Control characters");
  g_assert_cmpuint (p.entries->len, ==, 2);
  g_assert_cmpstr (entry (&p, 0)->title, ==, "Bell and escape");
  g_assert_cmpstr (entry (&p, 1)->title, ==, "After");
}

static void
test_bad_attributes (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("bad-attributes.xml", &p);
  g_assert_true (p.info->bozo);
  g_assert_cmpuint (p.entries->len, ==, 7);
  e = entry (&p, 3);
  g_assert_cmpstr (e->id, ==, "damage-attrs");
  g_assert_cmpstr (e->link, ==, "");   /* isPermaLink=false, quoted or not */
  g_assert_cmpstr (e->enclosure, ==, "https://damage.example.org/talk.mp3");
  g_assert_cmpstr (entry (&p, 6)->title, ==, "After 2");
}

static void
test_text_around_the_feed (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("text-around.xml", &p);
  g_assert_true (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "Around the feed");
  g_assert_cmpuint (p.entries->len, ==, 1);
  g_assert_cmpstr (entry (&p, 0)->id, ==, "damage-1");
}

static void
test_comment_after_root_is_fine (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("comment-after-root.xml", &p);
  g_assert_false (p.info->bozo);
  g_assert_cmpuint (p.entries->len, ==, 1);
}

/* The damage on the first line, where the reader has read nothing yet */
static void
test_damage_at_the_start (void)
{
  const char *xml = "<rss version=\"2.0\"><channel><title>T\x01</titel><item><title>a < b</title>"
                    "<guid>one</guid\n<link>https://damage.example.org/one</link></item></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_auto(AccordsTestParsed) p = { 0 };

  parse_stream (stream, NULL, &p);
  g_assert_true (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "T");
  g_assert_cmpuint (p.entries->len, ==, 1);
  g_assert_cmpstr (entry (&p, 0)->title, ==, "a < b");
  g_assert_cmpstr (entry (&p, 0)->id, ==, "one");
  g_assert_cmpstr (entry (&p, 0)->link, ==, "https://damage.example.org/one");
}

static void
test_damaged_feed_cli_exit (void)
{
  const char *cli = g_getenv ("ACCORDS_CLI");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "fidelity", "misspelt-end-tag.xml", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "parse", "--json", path, NULL };
  int status = -1;

  if (cli == NULL)
    {
      g_test_skip ("ACCORDS_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "\"bozo\": true"));
  g_assert_nonnull (strstr (out, "\"First\""));
}

static void
test_long_title_kept (void)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>Long</title><item><title>");
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_auto(AccordsTestParsed) p = { 0 };

  for (int i = 0; i < 600; i++)
    g_string_append_printf (title, "Réadmission %d, ", i);
  g_string_append (title, "the end");
  g_string_append (xml, title->str);
  g_string_append (xml, "</title><guid>long</guid></item></channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  stream = g_memory_input_stream_new_from_bytes (bytes);

  parse_stream (stream, NULL, &p);
  g_assert_cmpuint (strlen (title->str), >, 8000);
  g_assert_cmpstr (entry (&p, 0)->title, ==, title->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/fidelity/dublin-core-1.1", test_dublin_core_1_1);
  g_test_add_func ("/feed/fidelity/dublin-core-1.0", test_dublin_core_1_0);
  g_test_add_func ("/feed/fidelity/dc-date-alone-is-published", test_dc_date_alone_is_published);
  g_test_add_func ("/feed/fidelity/atom03-created", test_atom03_created);
  g_test_add_func ("/feed/fidelity/dates-in-other-languages", test_dates_in_other_languages);
  g_test_add_func ("/feed/fidelity/date-words", test_date_words);
  g_test_add_func ("/feed/fidelity/core-beats-dublin-core", test_core_beats_dublin_core);
  g_test_add_func ("/feed/fidelity/entities-decoded-once", test_entities_decoded_once);
  g_test_add_func ("/feed/fidelity/atom-text-title-is-literal", test_atom_text_title_is_literal);
  g_test_add_func ("/feed/fidelity/atom-unknown-type-not-base64", test_atom_unknown_type_not_base64);
  g_test_add_func ("/feed/fidelity/atom-category-label", test_atom_category_label);
  g_test_add_func ("/feed/fidelity/atom-author-inherited", test_atom_author_inherited);
  g_test_add_func ("/feed/fidelity/author-by-email-only", test_author_by_email_only);
  g_test_add_func ("/feed/fidelity/channel-link-is-website", test_channel_link_is_website);
  g_test_add_func ("/feed/fidelity/alternate-feed-is-not-website", test_alternate_feed_is_not_website);
  g_test_add_func ("/feed/fidelity/iana-relation-uri", test_iana_relation_uri);
  g_test_add_func ("/feed/fidelity/empty-href-is-base", test_empty_href_is_base);
  g_test_add_func ("/feed/fidelity/permalink-only-when-true", test_permalink_only_when_true);
  g_test_add_func ("/feed/fidelity/mismatched-end-tag", test_mismatched_end_tag);
  g_test_add_func ("/feed/fidelity/misspelt-end-tag", test_misspelt_end_tag);
  g_test_add_func ("/feed/fidelity/control-character", test_control_character);
  g_test_add_func ("/feed/fidelity/bad-attributes", test_bad_attributes);
  g_test_add_func ("/feed/fidelity/text-around-the-feed", test_text_around_the_feed);
  g_test_add_func ("/feed/fidelity/comment-after-root-is-fine", test_comment_after_root_is_fine);
  g_test_add_func ("/feed/fidelity/damage-at-the-start", test_damage_at_the_start);
  g_test_add_func ("/feed/fidelity/damaged-feed-cli-exit", test_damaged_feed_cli_exit);
  g_test_add_func ("/feed/fidelity/long-title-kept", test_long_title_kept);

  return g_test_run ();
}
