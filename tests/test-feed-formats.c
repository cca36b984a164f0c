/* test-feed-formats.c: NewsML-G2, news sitemaps, Atom entry documents and mapped XML */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser.h"
#include "accords-test-feed.h"
#include "accords-importer.h"
#include "accords-test-util.h"

#define PRESS_MAPPING "item=record;title=headline;link=url;published=meta/@date;summary=lead;category=tags/tag"

static void
parse_stream (GInputStream *stream,
              const char   *mapping_text,
              AccordsTestParsed       *out)
{
  g_autoptr(AccordsFeedMapping) mapping = NULL;

  if (mapping_text != NULL)
    {
      mapping = accords_feed_mapping_parse (mapping_text, &out->error);
      g_assert_no_error (out->error);
    }
  accords_test_feed_parse (stream, NULL, mapping, out);
}

static void
parse_data (const char *name,
            const char *mapping_text,
            AccordsTestParsed     *out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &out->error);

  g_assert_no_error (out->error);
  parse_stream (G_INPUT_STREAM (stream), mapping_text, out);
}

static void
parse_string (const char *xml,
              const char *mapping_text,
              AccordsTestParsed     *out)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (xml, -1, NULL);

  parse_stream (stream, mapping_text, out);
}

static AccordsFeedEntry *
entry (AccordsTestParsed *p,
       guint   i)
{
  g_assert_cmpuint (i, <, p->entries->len);
  return p->entries->pdata[i];
}

static gboolean
has_category (AccordsFeedEntry *e,
              const char       *category)
{
  for (guint i = 0; i < e->categories->len; i++)
    if (strcmp (e->categories->pdata[i], category) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------ NewsML-G2 */

static void
test_newsml_item (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("newsml-item.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "newsml-g2");
  g_assert_false (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "Example News Agency");
  g_assert_cmpstr (p.info->language, ==, "en-GB");
  g_assert_cmpuint (p.entries->len, ==, 1);

  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "urn:newsml:news.example.org:20250612:rwanda-talks");
  g_assert_cmpstr (e->title, ==, "United States and Rwanda in talks on taking in deportees");
  g_assert_cmpstr (e->link, ==, "https://news.example.org/2025/06/12/rwanda-talks");
  g_assert_cmpstr (e->author, ==, "Jane Doe, Amani Uwase");
  /* firstCreated, not contentCreated; versionCreated; both in UTC */
  g_assert_cmpstr (e->published, ==, "2025-06-12T07:30:00Z");
  g_assert_cmpstr (e->updated, ==, "2025-06-12T12:05:00Z");
  g_assert_true (g_str_has_prefix (e->summary, "Officials of both countries"));
  /* The first name of a subject, the qcode of one without, keywords */
  g_assert_true (has_category (e, "migration of people"));
  g_assert_false (has_category (e, "migration de personnes"));
  g_assert_true (has_category (e, "iso3166-1a2:RW"));
  g_assert_true (has_category (e, "deportation"));
  /* The XHTML body, sanitized: not its head, no script or handler */
  g_assert_true (g_str_has_prefix (e->content, "<h1>United States"));
  g_assert_nonnull (strstr (e->content, "<em>third-country nationals</em>"));
  g_assert_nonnull (strstr (e->content, "KIGALI \u2014 Rwanda"));
  g_assert_null (strstr (e->content, "<title"));
  g_assert_null (strstr (e->content, "script"));
  g_assert_null (strstr (e->content, "alert"));
  g_assert_null (strstr (e->content, "onclick"));
  g_assert_nonnull (strstr (e->content_text, "third-country nationals"));
}

static void
test_newsml_prefixed (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("newsml-prefixed.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "newsml-g2");
  /* A provider known by its qcode alone */
  g_assert_cmpstr (p.info->title, ==, "EXNA");
  g_assert_cmpstr (p.info->language, ==, "en");
  g_assert_cmpuint (p.entries->len, ==, 1);
  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "urn:newsml:news.example.org:20250613:uk-rwanda-court");
  g_assert_cmpstr (e->title, ==, "Court hears appeal on the UK\u2013Rwanda & asylum plan");
  /* A creator known by a code is no name */
  g_assert_cmpstr (e->author, ==, "John Smith");
  g_assert_cmpstr (e->updated, ==, "2025-06-13T08:00:00Z");
  g_assert_null (e->published);
  g_assert_true (has_category (e, "refugees"));
  /* text/plain inline data is text, escaped */
  g_assert_nonnull (strstr (e->content, "Judges will rule &lt;later&gt; this month."));
}

static void
test_newsml_no_namespace (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("newsml-plain.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "newsml-g2");
  g_assert_cmpstr (p.info->language, ==, "de");
  g_assert_cmpuint (p.entries->len, ==, 1);
  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "tag:news.example.org,2025:plain-1");
  g_assert_cmpstr (e->title, ==, "Dänemark debattiert Abkommen");
  g_assert_cmpstr (e->summary, ==, "Das Parlament in Kopenhagen berät über ein <b>Abkommen</b>.");
  /* A relative link with nothing to resolve it against is dropped */
  g_assert_cmpstr (e->link, ==, "");
}

static void
test_newsml_message (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("newsml-message.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "newsml-g2");
  g_assert_cmpstr (p.info->title, ==, "Example News Agency");
  g_assert_cmpuint (p.info->n_items, ==, 3);
  g_assert_cmpuint (p.entries->len, ==, 3);

  g_assert_cmpstr (entry (&p, 0)->id, ==, "urn:newsml:news.example.org:20250615:first-flight");
  g_assert_cmpstr (entry (&p, 0)->author, ==, "Jane Doe");
  g_assert_cmpstr (entry (&p, 0)->published, ==, "2025-06-15T10:00:00Z");
  g_assert_cmpstr (entry (&p, 0)->content, ==, "<p>The first flight landed on Sunday.</p>");
  g_assert_true (has_category (entry (&p, 0), "migration of people"));

  g_assert_cmpstr (entry (&p, 1)->title, ==, "EU ministers react to the flight");
  g_assert_cmpstr (entry (&p, 1)->summary, ==, "Reactions from Brussels.");
  g_assert_cmpstr (entry (&p, 1)->author, ==, "");

  /* The package is an item too; its references add nothing to it */
  g_assert_cmpstr (entry (&p, 2)->id, ==, "urn:newsml:news.example.org:20250615:package");
  g_assert_cmpstr (entry (&p, 2)->title, ==, "Deportation flights: the day's coverage");
  g_assert_cmpstr (entry (&p, 2)->content, ==, "");
}

static void
test_newsml_not_news (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("newsml-concept.xml", NULL, &p);
  g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
  g_assert_nonnull (strstr (p.error->message, "conceptItem"));
  g_assert_null (p.info);
}

/* -------------------------------------------------------- news sitemaps */

static void
test_sitemap_news (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("sitemap-news.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "sitemap-news");
  g_assert_cmpstr (p.info->title, ==, "The Example Times");
  g_assert_cmpstr (p.info->language, ==, "en");
  /* The page without news:news is not an item */
  g_assert_cmpuint (p.entries->len, ==, 2);
  g_assert_cmpuint (p.info->n_items, ==, 2);

  e = entry (&p, 0);
  g_assert_cmpstr (e->link, ==, "https://news.example.org/2025/06/12/rwanda-talks");
  g_assert_cmpstr (e->id, ==, e->link);
  g_assert_cmpstr (e->title, ==, "US and Rwanda in talks on deportees");
  g_assert_cmpstr (e->published, ==, "2025-06-12T07:30:00Z");
  g_assert_cmpstr (e->updated, ==, "2025-06-12T13:00:00Z");
  g_assert_cmpuint (e->categories->len, ==, 3);
  g_assert_cmpstr (e->categories->pdata[0], ==, "migration");
  g_assert_cmpstr (e->categories->pdata[2], ==, "Rwanda");

  e = entry (&p, 1);
  g_assert_cmpstr (e->title, ==, "Court hears appeal on the <Rwanda> plan");
  g_assert_cmpstr (e->published, ==, "2025-06-13T00:00:00Z");
}

static void
test_sitemap_refused (void)
{
  struct {
    const char *file;
    const char *reason;
  } cases[] = {
    { "sitemap-plain.xml", "plain sitemap" },
    { "sitemap-index.xml", "sitemap index" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(AccordsTestParsed) p = { 0 };

      parse_data (cases[i].file, NULL, &p);
      g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
      g_assert_nonnull (strstr (p.error->message, cases[i].reason));
      g_assert_null (p.info);
    }
}

/* --------------------------------------------------- Atom entry documents */

static void
test_atom_entry_source (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("atom-entry.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "atom10-entry");
  /* The feed is the entry's source */
  g_assert_cmpstr (p.info->title, ==, "Example News: Europe");
  g_assert_cmpstr (p.info->link, ==, "https://news.example.org/europe");
  g_assert_cmpstr (p.info->updated, ==, "2025-06-14T11:00:00Z");
  g_assert_cmpuint (p.entries->len, ==, 1);

  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "tag:news.example.org,2025:entry-1");
  g_assert_cmpstr (e->title, ==, "Denmark debates an agreement");
  g_assert_cmpstr (e->link, ==, "https://news.example.org/2025/06/denmark-debate");
  g_assert_cmpstr (e->author, ==, "Karen Holm");
  g_assert_cmpstr (e->published, ==, "2025-06-14T08:00:00Z");
  g_assert_true (has_category (e, "asylum"));
  g_assert_cmpstr (e->content, ==, "<p>The debate <a href=\"https://news.example.org/denmark\">continues</a>.</p>");
}

static void
test_atom_entry_plain (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  parse_data ("atom-entry-plain.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "atom10-entry");
  g_assert_cmpstr (p.info->title, ==, "");
  g_assert_cmpuint (p.entries->len, ==, 1);
  g_assert_cmpstr (entry (&p, 0)->link, ==, "https://news.example.org/2025/06/no-source");
}

/* ------------------------------------------------------------- mappings */

static void
test_mapping_press_releases (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("press-releases.xml", PRESS_MAPPING ";id=@id;feed-title=office", &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "mapped");
  g_assert_cmpstr (p.info->title, ==, "Ministry of the Interior, Press Office");
  /* The third record holds only its id */
  g_assert_cmpuint (p.entries->len, ==, 3);

  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "PR-2025-101");
  g_assert_cmpstr (e->title, ==, "Minister signs memorandum with Rwanda");
  /* Resolved against xml:base; a date as people write it, in UTC */
  g_assert_cmpstr (e->link, ==, "https://ministry.example.org/press/2025/101");
  g_assert_cmpstr (e->published, ==, "2025-06-12T07:00:00Z");
  g_assert_cmpstr (e->summary, ==, "The minister signed a <b>memorandum</b> on returns &amp; reintegration.");
  g_assert_cmpuint (e->categories->len, ==, 2);
  g_assert_cmpstr (e->categories->pdata[1], ==, "Rwanda");

  e = entry (&p, 1);
  g_assert_cmpstr (e->published, ==, "2025-06-13T10:00:00Z");
  g_assert_cmpstr (e->link, ==, "https://ministry.example.org/press/2025/102");
}

static void
test_mapping_without_id (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  /* A record in which no field is found is not an item */
  parse_data ("press-releases.xml", PRESS_MAPPING, &p);
  g_assert_no_error (p.error);
  g_assert_cmpuint (p.entries->len, ==, 2);
}

static void
test_mapping_matches_nothing (void)
{
  {
    g_auto(AccordsTestParsed) p = { 0 };

    parse_data ("press-releases.xml", "item=release;title=headline", &p);
    g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
    g_assert_nonnull (strstr (p.error->message, "matches nothing"));
    g_assert_nonnull (strstr (p.error->message, "<release>"));
  }
  {
    g_auto(AccordsTestParsed) p = { 0 };

    parse_data ("press-releases.xml", "item=record;title=title;link=meta/@href", &p);
    g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
    g_assert_nonnull (strstr (p.error->message, "matches nothing"));
    g_assert_nonnull (strstr (p.error->message, "3 <record> elements"));
  }
}

static void
test_mapping_syntax (void)
{
  const char *bad[] = {
    "",
    "title=headline",                 /* no item */
    "item=record",                    /* no field */
    "item=record;colour=red",         /* not a field */
    "item=record;title",              /* not field=path */
    "item=record;title=a/@b/c",       /* an attribute mid-path */
    "item=record;title=a b",
    "item=@id;title=a",               /* an item is an element */
    "item=record;title=a;title=b",
  };
  const char *good[] = {
    "item=record;title=headline",
    "item = list/record ; title = x:meta/x:headline ; published = @date ;",
    PRESS_MAPPING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordsFeedMapping) m = accords_feed_mapping_parse (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (m);
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordsFeedMapping) m = accords_feed_mapping_parse (good[i], &error);
      g_autoptr(AccordsFeedMapping) copy = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      text = accords_feed_mapping_to_string (m);
      copy = accords_feed_mapping_copy (m);
      again = accords_feed_mapping_to_string (copy);
      g_assert_cmpstr (text, ==, again);
    }
  {
    g_autoptr(AccordsFeedMapping) m = accords_feed_mapping_parse (PRESS_MAPPING, NULL);
    g_autofree char *text = accords_feed_mapping_to_string (m);

    g_assert_cmpstr (text, ==, PRESS_MAPPING);
    g_assert_cmpstr (accords_feed_mapping_get_path (m, "published"), ==, "meta/@date");
    g_assert_null (accords_feed_mapping_get_path (m, "author"));
  }
}

static void
test_mapping_paths (void)
{
  g_auto(AccordsTestParsed) p = { 0 };

  /* Prefixes in the file and in the mapping are ignored; a path for the
   * item must end its ancestry; the root may be the item */
  parse_string ("<x:list xmlns:x='urn:a'><x:group><x:rec when='2025-01-02'><x:t>One</x:t></x:rec></x:group>"
                "<x:rec><x:t>Not in a group</x:t></x:rec></x:list>",
                "item=group/rec;title=y:t;published=@when", &p);
  g_assert_no_error (p.error);
  g_assert_cmpuint (p.entries->len, ==, 1);
  g_assert_cmpstr (entry (&p, 0)->title, ==, "One");
  g_assert_cmpstr (entry (&p, 0)->published, ==, "2025-01-02T00:00:00Z");
  accords_test_parsed_clear (&p);

  parse_string ("<rec><t>Alone</t></rec>", "item=rec;title=t", &p);
  g_assert_no_error (p.error);
  g_assert_cmpuint (p.entries->len, ==, 1);
  g_assert_cmpstr (entry (&p, 0)->title, ==, "Alone");
  accords_test_parsed_clear (&p);

  /* A mapping reads a feed too, as it says */
  parse_string ("<rss version='2.0'><channel><item><title>T</title><guid>g</guid></item></channel></rss>",
                "item=item;title=guid", &p);
  g_assert_no_error (p.error);
  g_assert_cmpstr (p.info->format, ==, "mapped");
  g_assert_cmpstr (entry (&p, 0)->title, ==, "g");
}

static void
test_mapping_guess (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "press-releases.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsFeedMapping) guess = accords_feed_mapping_guess (G_INPUT_STREAM (stream), NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = accords_feed_mapping_to_string (guess);
  g_assert_cmpstr (text, ==, "item=record;id=@id;title=headline;link=url;published=meta/@date;summary=lead;category=tags/tag");

  {
    g_autoptr(GInputStream) one = g_memory_input_stream_new_from_data ("<a><b>x</b></a>", -1, NULL);
    g_autoptr(AccordsFeedMapping) none = accords_feed_mapping_guess (one, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  }
}

/* ------------------------------------------------------------- hostile */

static void
test_hostile_entities (void)
{
  g_auto(AccordsTestParsed) p = { 0 };
  AccordsFeedEntry *e;

  /* Nothing outside the file is read; internal entities are not expanded in turn */
  parse_data ("hostile-entity.xml", NULL, &p);
  g_assert_no_error (p.error);
  g_assert_cmpuint (p.entries->len, ==, 1);
  e = entry (&p, 0);
  g_assert_null (strstr (e->title, "root:"));
  g_assert_nonnull (strstr (e->title, "&secret;"));
  g_assert_cmpuint (strlen (e->title), <, 1024);
  accords_test_parsed_clear (&p);

  parse_data ("hostile-entity.xml", "item=newsItem;title=contentMeta/headline", &p);
  g_assert_no_error (p.error);
  g_assert_null (strstr (entry (&p, 0)->title, "root:"));
}

static void
test_hostile_depth (void)
{
  g_autoptr(GString) xml = g_string_new ("<list><rec><t>deep</t>");
  g_auto(AccordsTestParsed) p = { 0 };

  for (guint i = 0; i < 5000; i++)
    g_string_append (xml, "<rec><t>");
  g_string_append (xml, "</list>");
  parse_string (xml->str, "item=rec;title=t", &p);
  /* Recovered or refused, never a crash; the first record is read */
  if (p.error == NULL)
    {
      g_assert_true (p.info->bozo);
      g_assert_cmpuint (p.entries->len, >=, 1);
      g_assert_cmpstr (entry (&p, 0)->title, ==, "deep");
    }
}

static void
test_hostile_long_field (void)
{
  g_autoptr(GString) xml = g_string_new ("<list><rec><t>");
  g_auto(AccordsTestParsed) p = { 0 };

  for (guint i = 0; i < 200000; i++)
    g_string_append (xml, "long ");
  g_string_append (xml, "</t></rec></list>");
  parse_string (xml->str, "item=rec;title=t", &p);
  g_assert_no_error (p.error);
  g_assert_cmpuint (strlen (entry (&p, 0)->title), <=, 16 * 1024);
}

/* ------------------------------------------------------------ sniffing */

static void
test_sniff (void)
{
  struct {
    const char *xml;
    const char *name;
    const char *ns;
    gboolean    known;
  } cases[] = {
    { "<rss version='2.0'/>", "rss", NULL, TRUE },
    { "<entry xmlns='http://www.w3.org/2005/Atom'/>", "entry", "http://www.w3.org/2005/Atom", TRUE },
    { "<n:newsMessage xmlns:n='http://iptc.org/std/nar/2006-10-01/'/>", "newsMessage",
      "http://iptc.org/std/nar/2006-10-01/", TRUE },
    { "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "urlset",
      "http://www.sitemaps.org/schemas/sitemap/0.9", TRUE },
    { "<releases xmlns='urn:example:ministry:press'/>", "releases", "urn:example:ministry:press", FALSE },
    { "<?xml version='1.0'?><!-- c --><records/>", "records", NULL, FALSE },
    { "<entry xmlns='urn:other'/>", "entry", "urn:other", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (cases[i].xml, -1, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *ns = NULL;
      g_autofree char *key = NULL;

      g_assert_true (accords_feed_sniff_root_ns (stream, &name, &ns, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpstr (ns, ==, cases[i].ns);
      g_assert_cmpint (accords_feed_root_is_known (name, ns), ==, cases[i].known);
      key = accords_feed_mapping_key (name, ns);
      g_assert_nonnull (strstr (key, cases[i].name));
    }
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("", 0, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;
    g_autofree char *ns = NULL;

    g_assert_false (accords_feed_sniff_root_ns (stream, &name, &ns, NULL, &error));
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
    g_assert_null (name);
  }
}

/* -------------------------------------------------------------- import */

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("accords-formats-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->context = accords_context_new (db, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static AccordsImportResult *
import (Fixture    *f,
        const char *name,
        const char *mapping_text)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordsFeedMapping) mapping = mapping_text ? accords_feed_mapping_parse (mapping_text, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  AccordsImportResult *result = g_new0 (AccordsImportResult, 1);

  g_assert_true (accords_importer_import_file_mapped (f->store, NULL, file, mapping, result, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  return result;
}

static void
test_import_newsml (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsImportResult) first = import (f, "newsml-message.xml", NULL);
  g_autoptr(AccordsImportResult) again = NULL;

  g_assert_no_error (first->error);
  g_assert_cmpuint (first->n_new, ==, 3);
  g_assert_cmpstr (first->feed_title, ==, "Example News Agency");
  again = import (f, "newsml-message.xml", NULL);
  g_assert_no_error (again->error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 3);
}

static void
test_import_sitemap (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordsImportResult) news = import (f, "sitemap-news.xml", NULL);
  g_autoptr(AccordsImportResult) plain = import (f, "sitemap-plain.xml", NULL);

  g_assert_no_error (news->error);
  g_assert_cmpuint (news->n_new, ==, 2);
  g_assert_error (plain->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
  g_assert_false (plain->needs_mapping);
  g_assert_cmpuint (plain->n_new, ==, 0);
}

static void
test_import_mapping_remembered (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AccordsImportResult) refused = import (f, "press-releases.xml", NULL);
  g_autoptr(AccordsImportResult) wrong = NULL;
  g_autoptr(AccordsImportResult) mapped = NULL;
  g_autoptr(AccordsImportResult) again = NULL;
  g_autofree char *key = accords_feed_mapping_key ("releases", "urn:example:ministry:press");
  g_autofree char *remembered = NULL;

  g_assert_error (refused->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
  g_assert_true (refused->needs_mapping);

  /* A mapping that matches nothing lands nothing and is not remembered */
  wrong = import (f, "press-releases.xml", "item=release;title=headline");
  g_assert_error (wrong->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
  g_assert_false (wrong->needs_mapping);
  g_assert_null (accords_store_get_meta (f->store, key));

  mapped = import (f, "press-releases.xml", PRESS_MAPPING);
  g_assert_no_error (mapped->error);
  g_assert_cmpuint (mapped->n_new, ==, 2);
  remembered = accords_store_get_meta (f->store, key);
  g_assert_cmpstr (remembered, ==, PRESS_MAPPING);

  /* Files with the same root are read with it from now on */
  again = import (f, "press-releases.xml", NULL);
  g_assert_no_error (again->error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/formats/newsml/item", test_newsml_item);
  g_test_add_func ("/feed/formats/newsml/prefixed", test_newsml_prefixed);
  g_test_add_func ("/feed/formats/newsml/no-namespace", test_newsml_no_namespace);
  g_test_add_func ("/feed/formats/newsml/message", test_newsml_message);
  g_test_add_func ("/feed/formats/newsml/not-news", test_newsml_not_news);
  g_test_add_func ("/feed/formats/sitemap/news", test_sitemap_news);
  g_test_add_func ("/feed/formats/sitemap/refused", test_sitemap_refused);
  g_test_add_func ("/feed/formats/atom-entry/source", test_atom_entry_source);
  g_test_add_func ("/feed/formats/atom-entry/plain", test_atom_entry_plain);
  g_test_add_func ("/feed/formats/mapping/press-releases", test_mapping_press_releases);
  g_test_add_func ("/feed/formats/mapping/without-id", test_mapping_without_id);
  g_test_add_func ("/feed/formats/mapping/matches-nothing", test_mapping_matches_nothing);
  g_test_add_func ("/feed/formats/mapping/syntax", test_mapping_syntax);
  g_test_add_func ("/feed/formats/mapping/paths", test_mapping_paths);
  g_test_add_func ("/feed/formats/mapping/guess", test_mapping_guess);
  g_test_add_func ("/feed/formats/hostile/entities", test_hostile_entities);
  g_test_add_func ("/feed/formats/hostile/depth", test_hostile_depth);
  g_test_add_func ("/feed/formats/hostile/long-field", test_hostile_long_field);
  g_test_add_func ("/feed/formats/sniff", test_sniff);
  g_test_add ("/feed/formats/import/newsml", Fixture, NULL, fixture_setup, test_import_newsml, fixture_teardown);
  g_test_add ("/feed/formats/import/sitemap", Fixture, NULL, fixture_setup, test_import_sitemap, fixture_teardown);
  g_test_add ("/feed/formats/import/mapping-remembered", Fixture, NULL, fixture_setup,
              test_import_mapping_remembered, fixture_teardown);

  return g_test_run ();
}
