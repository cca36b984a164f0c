/* test-search.c: the search syntax, stemming, grouped results, marks, saved searches, the re-indexing migration */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-importer.h"
#include "accords-saved-search.h"
#include "accords-search-prefix.h"
#include "accords-search-query.h"
#include "accords-schema.h"
#include "accords-search.h"
#include "accords-store-notes.h"

typedef struct {
  char           *dir;
  char           *path;
  char           *feed;
  AccordsContext *context;
  AccordsStore   *store;
} Fixture;

#define ITEM(guid, date, title, text) \
  "<item><title>" title "</title><guid>" guid "</guid><pubDate>" date "</pubDate>" \
  "<description>" text "</description></item>\n"

static const char *feed_items =
  ITEM ("a", "Mon, 05 May 2025 10:00:00 +0000", "Flight of deported men lands in Kigali",
        "The United States deported seven men to Rwanda under the new arrangement.")
  ITEM ("b", "Tue, 06 May 2025 10:00:00 +0000", "Deportation plan challenged",
        "Lawyers say the deportation of migrants to Rwanda breaks the law.")
  ITEM ("c", "Wed, 07 May 2025 10:00:00 +0000", "Deportees describe the first flight",
        "Deportees held in Kigali spoke of a long first flight from Texas.")
  ITEM ("d", "Thu, 08 Jan 2024 10:00:00 +0000", "Uganda talks stall",
        "Officials in Kampala said no agreement on transfers had been reached.");

static void
write_feed (Fixture    *f,
            const char *items)
{
  g_autofree char *xml = g_strconcat ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                      "<title>Search desk</title><link>https://example.org/</link>\n",
                                      items, "</channel></rss>\n", NULL);

  g_assert_true (g_file_set_contents (f->feed, xml, -1, NULL));
}

static void
import_feed (Fixture *f,
             guint    n_new)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_importer_import_file (f->store, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->n_new, ==, n_new);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("accords-search-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "search.db", NULL);
  f->feed = g_build_filename (f->dir, "feed.rss", NULL);
  f->context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  write_feed (f, feed_items);
  import_feed (f, 4);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->context != NULL)
    g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->feed);
}

static void
assert_translates (const char *typed,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fts = accords_search_query_translate (typed, &error);

  g_test_message ("%s -> %s", typed, fts ? fts : error->message);
  if (expected == NULL)
    {
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
      g_assert_null (fts);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (fts, ==, expected);
}

static void
test_translate (void)
{
  /* words are quoted; the last bare word is also a prefix */
  assert_translates ("deport", "\"deport\"*");
  assert_translates ("deport rwanda", "\"deport\" AND \"rwanda\"*");
  assert_translates ("deport rw", "\"deport\" AND \"rw\"");        /* too short to be a prefix */
  /* phrases */
  assert_translates ("\"first flight\"", "\"first flight\"");
  assert_translates ("\"first flight\" kigali", "\"first flight\" AND \"kigali\"*");
  assert_translates ("kigali \"first flight\"", "\"kigali\" AND \"first flight\"");
  /* OR, NOT, AND and grouping */
  assert_translates ("uganda OR kenya", "\"uganda\" OR \"kenya\"*");
  assert_translates ("rwanda NOT uganda", "\"rwanda\" NOT \"uganda\"*");
  assert_translates ("rwanda AND uganda", "\"rwanda\" AND \"uganda\"*");
  assert_translates ("(uganda OR kenya) deal", "(\"uganda\" OR \"kenya\") AND \"deal\"*");
  assert_translates ("rwanda or uganda", "\"rwanda\" AND \"or\" AND \"uganda\"*");   /* lower case: words */
  /* title: */
  assert_translates ("title:flight", "title : \"flight\"*");
  assert_translates ("Title:\"first flight\"", "title : \"first flight\"");
  assert_translates ("title:(kigali OR kampala) deal", "title : (\"kigali\" OR \"kampala\") AND \"deal\"*");
  /* prefixes as typed, and what FTS5 would read as syntax, quoted */
  assert_translates ("depor*", "\"depor\"*");
  assert_translates ("nosuchcolumn:x", "\"nosuchcolumn:x\"*");
  assert_translates ("NEAR(a b)", "\"NEAR\" AND (\"a\" AND \"b\")");
  assert_translates ("a^b", "\"a^b\"*");
  assert_translates ("it's", "\"it's\"*");
  /* malformed */
  assert_translates ("\"unbalanced", NULL);
  assert_translates ("(rwanda", NULL);
  assert_translates ("rwanda)", NULL);
  assert_translates ("rwanda OR", NULL);
  assert_translates ("NOT rwanda", NULL);
  assert_translates ("AND", NULL);
  assert_translates ("title:", NULL);
  assert_translates ("-", NULL);
  assert_translates ("   ", NULL);
}

static void
test_fallback (void)
{
  g_autofree char *plain = accords_search_query_to_fts ("\"unbalanced AND (rwanda");
  g_autofree char *good = accords_search_query_to_fts ("title:rwanda");

  /* malformed: plain words, each quoted, no prefix */
  g_assert_cmpstr (plain, ==, "\"\"\"unbalanced\" \"AND\" \"(rwanda\"");
  g_assert_cmpstr (good, ==, "title : \"rwanda\"*");
  g_assert_null (accords_search_query_to_fts ("  "));
}

static guint
count_items (Fixture    *f,
             const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = accords_store_query_item_ids (f->store, query, 0, ACCORDS_ITEM_SORT_DATE, TRUE, 0, &error);

  g_assert_no_error (error);
  return ids->len;
}

static gboolean
never_cb (const char *word,
          gpointer    user_data)
{
  guint *asked = user_data;

  (*asked)++;
  return FALSE;
}

/* The last word is a prefix only where the index holds a longer term that
 * begins with its stem; a prefix written with "*" always is one */
static void
test_prefix_needed (Fixture *f, gconstpointer data)
{
  g_autofree char *dropped = NULL, *kept = NULL;
  guint asked = 0;

  dropped = accords_search_query_to_fts_full ("rwanda kigali", never_cb, &asked);
  g_assert_cmpstr (dropped, ==, "\"rwanda\" AND \"kigali\"");
  g_assert_cmpuint (asked, ==, 1);
  kept = accords_search_query_to_fts_full ("kiga*", never_cb, &asked);
  g_assert_cmpstr (kept, ==, "\"kiga\"*");
  g_assert_cmpuint (asked, ==, 1);

  /* "deportees" is indexed as "deporte", which begins with "deport" */
  g_assert_true (accords_search_prefix_needed (f->store, "deport"));
  g_assert_true (accords_search_prefix_needed (f->store, "deported"));
  g_assert_true (accords_search_prefix_needed (f->store, "kiga"));
  /* nothing longer begins with these */
  g_assert_false (accords_search_prefix_needed (f->store, "kigali"));
  g_assert_false (accords_search_prefix_needed (f->store, "deportees"));
  /* and the searches find the same either way */
  g_assert_cmpuint (count_items (f, "kigali"), ==, count_items (f, "kigali*"));
  g_assert_cmpuint (count_items (f, "deportees"), ==, count_items (f, "deportees*"));
}

static void
test_stemming (Fixture *f, gconstpointer data)
{
  /* deported, deportation, deportees */
  g_assert_cmpuint (count_items (f, "deport"), ==, 3);
  g_assert_cmpuint (count_items (f, "deported"), ==, 3);
  g_assert_cmpuint (count_items (f, "deportees"), ==, 1);
  g_assert_cmpuint (count_items (f, "\"first flight\""), ==, 1);
  g_assert_cmpuint (count_items (f, "flight"), ==, 2);
  g_assert_cmpuint (count_items (f, "flights"), ==, 2);
  g_assert_cmpuint (count_items (f, "kigali OR kampala"), ==, 3);
  g_assert_cmpuint (count_items (f, "deport NOT kigali"), ==, 1);
  g_assert_cmpuint (count_items (f, "title:kigali"), ==, 1);
  g_assert_cmpuint (count_items (f, "title:(deportation OR uganda)"), ==, 3);   /* deported, too */
  g_assert_cmpuint (count_items (f, "depor*"), ==, 3);
  /* malformed: the plain words */
  g_assert_cmpuint (count_items (f, "kigali AND"), ==, 0);     /* "and" is not in both */
  g_assert_cmpuint (count_items (f, "(Kigali"), ==, 2);
  /* the notes search reads the same syntax */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL,
                                                             "Deportees\n\nWhat the deportations cost.", &error);
    g_autoptr(GListStore) found = NULL;

    g_assert_no_error (error);
    found = accords_store_search_notes (f->store, "deport", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  }
}

static AccordsSearchHit *
hit (AccordsSearchResults *results,
     AccordsSearchGroup    group,
     guint                 i)
{
  g_assert_cmpuint (results->hits[group]->len, >, i);
  return results->hits[group]->pdata[i];
}

static void
test_grouped (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL,
                                                           "Deportee flights\n\nWho pays for the deportations.", &error);
  g_autoptr(AccordsSearchResults) results = NULL;
  g_autoptr(AccordsSearchResults) limited = NULL;
  g_autoptr(AccordsSearchResults) narrowed = NULL;
  g_autoptr(AccordsSearchResults) blank = NULL;
  AccordsItemFilter filter = { .since = "2025-05-06" };
  AccordsSearchHit *h;

  g_assert_no_error (error);
  results = accords_search_run (f->store, "deport", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (results->totals[ACCORDS_SEARCH_GROUP_ITEMS], ==, 3);
  g_assert_cmpint (results->totals[ACCORDS_SEARCH_GROUP_NOTES], ==, 1);
  /* the seed's US–Rwanda "third-country deportee" arrangement, and others */
  g_assert_cmpint (results->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS], >=, 1);
  /* newest first, the match marked in the title and the snippet */
  h = hit (results, ACCORDS_SEARCH_GROUP_ITEMS, 0);
  g_assert_cmpstr (h->title, ==, ACCORDS_SEARCH_MARK_START "Deportees" ACCORDS_SEARCH_MARK_END " describe the first flight");
  g_assert_nonnull (strstr (h->snippet, ACCORDS_SEARCH_MARK_START "Deportees" ACCORDS_SEARCH_MARK_END " held"));
  g_assert_true (g_str_has_prefix (h->date, "2025-05-07"));
  h = hit (results, ACCORDS_SEARCH_GROUP_NOTES, 0);
  g_assert_cmpstr (h->slug, ==, "us-rw-2025");
  g_assert_nonnull (strstr (h->title, ACCORDS_SEARCH_MARK_START "Deportee" ACCORDS_SEARCH_MARK_END));
  for (guint i = 0; i < results->hits[ACCORDS_SEARCH_GROUP_AGREEMENTS]->len; i++)
    if (g_strcmp0 (hit (results, ACCORDS_SEARCH_GROUP_AGREEMENTS, i)->slug, "us-rw-2025") == 0)
      h = hit (results, ACCORDS_SEARCH_GROUP_AGREEMENTS, i);
  g_assert_cmpstr (h->slug, ==, "us-rw-2025");
  g_assert_nonnull (strstr (h->title, ACCORDS_SEARCH_MARK_START));

  /* a limit keeps the totals */
  limited = accords_search_run (f->store, "deport", NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->hits[ACCORDS_SEARCH_GROUP_ITEMS]->len, ==, 1);
  g_assert_cmpint (limited->totals[ACCORDS_SEARCH_GROUP_ITEMS], ==, 3);
  g_assert_cmpint (limited->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS], ==,
                   results->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS]);

  /* a filter only news has: news alone */
  narrowed = accords_search_run (f->store, "deport", &filter, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (narrowed->totals[ACCORDS_SEARCH_GROUP_ITEMS], ==, 2);
  g_assert_cmpint (narrowed->totals[ACCORDS_SEARCH_GROUP_NOTES], ==, 0);
  g_assert_cmpint (narrowed->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS], ==, 0);

  blank = accords_search_run (f->store, "  ", NULL, 0, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    g_assert_cmpint (blank->totals[g], ==, 0);
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  AccordsItemFilter filter = { .query = "kigali OR kampala", .since = "2025" };
  g_autoptr(GError) error = NULL;
  gint64 linked;

  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 2);
  filter.since = NULL;
  filter.until = "2024-01";   /* all of January */
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 1);
  filter.until = "2025-05-05";
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 2);
  filter.until = NULL;
  /* "deported seven men to Rwanda" is suggested for US–Rwanda */
  filter.linked = ACCORDS_ITEM_LINKED_YES;
  linked = accords_store_count_items_filtered (f->store, &filter, &error);
  g_assert_cmpint (linked, >=, 1);
  filter.linked = ACCORDS_ITEM_LINKED_SUGGESTED;
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, linked);
  filter.linked = ACCORDS_ITEM_LINKED_CONFIRMED;
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 0);
  filter.linked = ACCORDS_ITEM_LINKED_NO;
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 3 - linked);
  /* the list narrows the same way */
  {
    g_autoptr(GArray) ids = accords_store_query_item_ids_filtered (f->store, &filter, ACCORDS_ITEM_SORT_DATE,
                                                                   TRUE, 0, &error);
    g_assert_cmpint (ids->len, ==, 3 - linked);
  }
  filter.linked = ACCORDS_ITEM_LINKED_ANY;
  filter.country = "UG";
  g_assert_cmpint (accords_store_count_items_filtered (f->store, &filter, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_markup (void)
{
  const char *hostile = "a <b>&amp; " ACCORDS_SEARCH_MARK_START "x<y" ACCORDS_SEARCH_MARK_END " \"q\" "
                        ACCORDS_SEARCH_MARK_START ACCORDS_SEARCH_MARK_START "z" ACCORDS_SEARCH_MARK_END
                        ACCORDS_SEARCH_MARK_END " \033[31m end " ACCORDS_SEARCH_MARK_START "open";
  g_autofree char *markup = accords_search_marked_to_markup (hostile, NULL, NULL);
  g_autofree char *custom = accords_search_marked_to_markup ("x " ACCORDS_SEARCH_MARK_START "y" ACCORDS_SEARCH_MARK_END,
                                                            "<span weight=\"bold\">", "</span>");
  g_autofree char *terminal = accords_search_marked_replace (hostile, "[", "]");
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *plain = accords_search_marked_to_plain ("é " ACCORDS_SEARCH_MARK_START "ü" ACCORDS_SEARCH_MARK_END " ok",
                                                           &ranges);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (markup, ==,
                   "a &lt;b&gt;&amp;amp; <b>x&lt;y</b> &quot;q&quot; <b>z</b> [31m end <b>open</b>");
  /* what Pango would parse: GMarkup, the same reader */
  {
    g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
    GMarkupParser parser = { 0 };
    g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (ctx, wrapped, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (custom, ==, "x <span weight=\"bold\">y</span>");
  /* nothing a terminal would act on */
  g_assert_null (strchr (terminal, '\033'));
  g_assert_cmpstr (terminal, ==, "a <b>&amp; [x<y] \"q\" [z] [31m end [open]");
  g_assert_cmpstr (plain, ==, "é ü ok");
  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpuint (g_array_index (ranges, AccordsSearchRange, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, AccordsSearchRange, 0).end, ==, 3);
}

static AccordsSavedSearch *
find_saved (GPtrArray  *list,
            const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((AccordsSavedSearch *) list->pdata[i])->name, name))
      return list->pdata[i];
  return NULL;
}

static void
test_saved (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(AccordsSavedSearch) one = NULL;
  AccordsItemFilter filter = { .country = "rw" };
  AccordsSavedSearch *s;

  g_assert_true (accords_saved_search_add (f->store, "Deportations to Rwanda", "deport", &filter, &error));
  g_assert_no_error (error);
  g_assert_true (accords_saved_search_add (f->store, "Kigali", "kigali", NULL, &error));
  g_assert_no_error (error);
  /* names are unique; a search needs a name and a word or a filter */
  g_assert_false (accords_saved_search_add (f->store, "Kigali", "kampala", NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (accords_saved_search_add (f->store, " ", "kampala", NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accords_saved_search_add (f->store, "All", "  ", NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);
  filter = (AccordsItemFilter) { .since = "May 2025" };
  g_assert_false (accords_saved_search_add (f->store, "Bad date", "kigali", &filter, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);

  list = accords_saved_search_list (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = find_saved (list, "Deportations to Rwanda");
  g_assert_cmpstr (s->country, ==, "RW");
  g_assert_cmpint (s->n_items, ==, 3);
  g_assert_cmpint (s->n_unread, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* read items leave the unread count; new matching items raise it */
  g_assert_true (accords_store_exec (f->store, "UPDATE item SET read = 1", &error));
  write_feed (f, "");
  {
    g_autofree char *more = g_strconcat (feed_items,
                                         ITEM ("e", "Fri, 09 May 2025 10:00:00 +0000", "More deportees reach Rwanda",
                                               "A second group was deported to Kigali.")
                                         ITEM ("f", "Sat, 10 May 2025 10:00:00 +0000", "Markets", "Nothing to see."),
                                         NULL);
    write_feed (f, more);
  }
  import_feed (f, 2);
  list = accords_saved_search_list (f->store, TRUE, &error);
  g_assert_no_error (error);
  s = find_saved (list, "Deportations to Rwanda");
  g_assert_cmpint (s->n_items, ==, 4);
  g_assert_cmpint (s->n_unread, ==, 1);
  s = find_saved (list, "Kigali");
  g_assert_cmpint (s->n_items, ==, 3);
  g_assert_cmpint (s->n_unread, ==, 1);

  /* rename and remove */
  g_assert_true (accords_saved_search_rename (f->store, "Kigali", "Kigali news", &error));
  g_assert_no_error (error);
  one = accords_saved_search_lookup (f->store, "Kigali news", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one->query, ==, "kigali");
  g_assert_cmpint (one->n_unread, ==, 1);
  g_assert_false (accords_saved_search_rename (f->store, "Kigali news", "Deportations to Rwanda", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (accords_saved_search_remove (f->store, "Kigali news", &error));
  g_assert_no_error (error);
  g_assert_false (accords_saved_search_remove (f->store, "Kigali news", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

static gint64
query_file (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A database of version 6 (unstemmed indexes) is indexed again on opening */
static void
test_migration (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&f->context);
  f->store = NULL;
  /* put the version-6 indexes back, as that version left them */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE item_fts; DROP TABLE note_fts; DROP TABLE agreement_fts;"
                                 "DROP TABLE saved_search; DROP INDEX item_sort_date; DROP INDEX item_unread;"
                                 "CREATE VIRTUAL TABLE item_fts USING fts5(title, summary_text, content_text,"
                                 " content='item', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
                                 "INSERT INTO item_fts (item_fts) VALUES ('rebuild');"
                                 "CREATE VIRTUAL TABLE note_fts USING fts5(title, body, content='note',"
                                 " content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
                                 "PRAGMA user_version = 6",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM item_fts WHERE item_fts MATCH 'deport'"), ==, 0);

  f->context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  g_assert_cmpuint (accords_store_get_schema_version (f->store), ==, accords_schema_get_version ());
  g_assert_cmpuint (count_items (f, "deport"), ==, 3);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM item_fts WHERE item_fts MATCH 'deport'"), ==, 2);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM agreement_fts WHERE agreement_fts MATCH 'rwanda'"), >, 0);
  /* the upgrade kept a copy of what it started from */
  {
    g_autofree char *backups = g_strconcat (f->path, ".backups", NULL);
    g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
  }
}

/* The agreements' index follows their edits and their aliases */
static void
test_agreement_index (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *count = "SELECT count(*) FROM agreement_fts WHERE agreement_fts MATCH 'aliases : zanzibarish'";

  g_assert_true (accords_store_exec (f->store,
                                     "INSERT INTO agreement_alias (agreement_id, position, alias)"
                                     " SELECT id, 99, 'Zanzibarish pact' FROM agreement WHERE slug = 'us-rw-2025'",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_file (f->path, count), ==, 1);
  g_assert_true (accords_store_exec (f->store, "DELETE FROM agreement_alias WHERE alias = 'Zanzibarish pact'", &error));
  g_assert_cmpint (query_file (f->path, count), ==, 0);
  g_assert_true (accords_store_exec (f->store, "UPDATE agreement SET summary = 'quokkas' WHERE slug = 'us-rw-2025'", &error));
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM agreement_fts WHERE agreement_fts MATCH 'quokka'"), ==, 1);
  g_assert_true (accords_store_exec (f->store, "DELETE FROM agreement WHERE slug = 'us-rw-2025'", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM agreement_fts WHERE agreement_fts MATCH 'quokka'"), ==, 0);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM agreement_fts"), ==,
                   query_file (f->path, "SELECT count(*) FROM agreement"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/query/translate", test_translate);
  g_test_add_func ("/search/query/fallback", test_fallback);
  g_test_add_func ("/search/markup", test_markup);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/stemming", test_stemming);
  ADD ("/search/prefix-needed", test_prefix_needed);
  ADD ("/search/grouped", test_grouped);
  ADD ("/search/filters", test_filters);
  ADD ("/search/saved", test_saved);
  ADD ("/search/migration", test_migration);
  ADD ("/search/agreement-index", test_agreement_index);
#undef ADD

  return g_test_run ();
}
