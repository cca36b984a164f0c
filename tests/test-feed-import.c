/* test-feed-import.c: files into the store, whole or not at all, idempotent */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-importer.h"
#include "accords-item-list.h"
#include "accords-store-items.h"

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

  f->dir = g_dir_make_tmp ("accords-import-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->context = accords_context_new (db, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->context);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* A copy of a test feed in the fixture's folder */
static char *
copy_data (Fixture    *f,
           const char *name,
           const char *as)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *contents = NULL;
  gsize len;
  char *dest = g_build_filename (f->dir, as ? as : name, NULL);
  g_autofree char *parent = g_path_get_dirname (dest);

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_mkdir_with_parents (parent, 0700);
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
  return dest;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static AccordsImportResult *
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordsImportResult *result = g_new0 (AccordsImportResult, 1);

  g_assert_true (accords_importer_import_file (f->store, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (result->error)
    g_test_message ("%s rejected: %s", path, result->error->message);
  else
    g_test_message ("%s: %u new, %u updated, %u unchanged", path, result->n_new, result->n_updated, result->n_unchanged);
  return result;
}

static void
assert_counts (AccordsImportResult *r,
               guint                n_new,
               guint                n_updated,
               guint                n_unchanged)
{
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->n_new, ==, n_new);
  g_assert_cmpuint (r->n_updated, ==, n_updated);
  g_assert_cmpuint (r->n_unchanged, ==, n_unchanged);
}

/* Everything a file could leave behind, as one string */
static char *
snapshot (Fixture *f)
{
  sqlite3_stmt *stmt;
  char *text;

  stmt = accords_store_prepare (f->store,
                                "SELECT (SELECT count(*) FROM item) || '/' || (SELECT count(*) FROM feed) || '/' ||"
                                " (SELECT coalesce(sum(content_hash % 1000003), 0) FROM item) || '/' ||"
                                " (SELECT coalesce(group_concat(url || title), '') FROM feed) || '/' ||"
                                " (SELECT count(*) FROM item_fts WHERE item_fts MATCH 'a* OR e* OR i* OR o* OR t*')",
                                NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static guint
search_count (Fixture    *f,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = accords_store_query_items (f->store, query, 0, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (items));
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = copy_data (f, "rss20.xml", NULL);
  g_autoptr(AccordsImportResult) first = import (f, path);
  g_autoptr(AccordsImportResult) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AccordsItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = NULL;

  assert_counts (first, 2, 0, 0);
  g_assert_cmpstr (first->feed_title, ==, "Migration & Asylum Desk");
  g_assert_cmpint (first->feed_id, >, 0);
  g_assert_false (first->bozo);
  g_assert_cmpuint (accords_store_count_items (f->store), ==, 2);

  before = snapshot (f);
  second = import (f, path);
  assert_counts (second, 0, 0, 2);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  items = accords_store_query_items (f->store, NULL, first->feed_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 2);
  /* Newest first: the Gjadër item's date is later */
  item = g_list_model_get_item (G_LIST_MODEL (items), 0);
  g_assert_cmpstr (accords_item_get_title (item), ==, "Italy and Albania open the Gjadër centre");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (items), 1);
  g_assert_cmpstr (accords_item_get_guid (item), ==, "urn:news:1001");
  g_assert_cmpstr (accords_item_get_feed_title (item), ==, "Migration & Asylum Desk");
  g_assert_cmpstr (accords_item_get_author (item), ==, "Jane Reporter");
  g_assert_cmpstr (accords_item_get_published (item), ==, "2024-07-06T08:15:00Z");
  g_assert_cmpstr (accords_item_get_enclosure (item), ==, "https://media.example.org/audio/1001.mp3");
  g_assert_cmpuint (g_strv_length ((char **) accords_item_get_categories (item)), ==, 2);
  /* The reader shows the content; the summary's text is indexed too */
  g_assert_nonnull (strstr (accords_item_get_html (item), "Economic Development Partnership"));
  g_assert_null (strstr (accords_item_get_html (item), "iframe"));
  g_assert_cmpstr (accords_item_get_summary_text (item), ==, "The new government ends the scheme.");
  g_assert_false (accords_item_get_read (item));

  g_assert_cmpuint (search_count (f, "scheme"), ==, 1);
  g_assert_cmpuint (search_count (f, "partnership"), ==, 1);       /* the content's text */
  g_assert_cmpuint (search_count (f, "gjader"), ==, 1);            /* diacritics folded */
  g_assert_cmpuint (search_count (f, "alert"), ==, 0);             /* scripts are not text */
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportResult) first = NULL;
  g_autoptr(AccordsImportResult) second = NULL;
  g_autoptr(AccordsImportResult) third = NULL;

  path = write_file (f, "news.xml",
                     "<rss version=\"2.0\"><channel><title>Desk</title>"
                     "<item><guid>a</guid><title>Talks begin</title><description>Early stage talks</description></item>"
                     "<item><guid>b</guid><title>Second</title></item>"
                     "</channel></rss>");
  first = import (f, path);
  assert_counts (first, 2, 0, 0);
  g_assert_cmpuint (search_count (f, "early"), ==, 1);

  g_free (write_file (f, "news.xml",
                      "<rss version=\"2.0\"><channel><title>Desk</title>"
                      "<item><guid>a</guid><title>Deal signed</title><description>Final agreement reached</description></item>"
                      "<item><guid>b</guid><title>Second</title></item>"
                      "<item><guid>c</guid><title>Third</title></item>"
                      "</channel></rss>"));
  second = import (f, path);
  assert_counts (second, 1, 1, 1);
  g_assert_cmpuint (accords_store_count_items (f->store), ==, 3);
  /* The index follows the update */
  g_assert_cmpuint (search_count (f, "early"), ==, 0);
  g_assert_cmpuint (search_count (f, "final agreement"), ==, 1);
  g_assert_cmpuint (search_count (f, "third"), ==, 1);

  third = import (f, path);
  assert_counts (third, 0, 0, 3);
}

static void
test_dedupe (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportResult) first = NULL;
  g_autoptr(AccordsImportResult) second = NULL;
  g_autoptr(AccordsImportResult) third = NULL;

  path = write_file (f, "dedupe.xml",
                     "<rss version=\"2.0\"><channel><title>Dedupe</title>"
                     /* by guid, even with the link of another */
                     "<item><guid>g-1</guid><link>http://x.example/shared</link><title>Guid one</title></item>"
                     "<item><guid>g-1</guid><title>Guid one again in the same file</title></item>"
                     /* by link */
                     "<item><link>http://x.example/only-link</link><title>Link only</title></item>"
                     "<item><link>http://x.example/only-link</link><title>Link only, repeated</title></item>"
                     /* by title and date */
                     "<item><title>No guid, no link</title><pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate></item>"
                     "<item><title>No guid, no link</title><pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate></item>"
                     "<item><title>No guid, no link</title><pubDate>Tue, 02 Jul 2024 10:00:00 GMT</pubDate></item>"
                     /* nothing to know it by: skipped */
                     "<item><category>empty</category></item>"
                     "</channel></rss>");
  first = import (f, path);
  /* g-1, the link, and two title-and-date items: the repeats do not count */
  g_assert_cmpuint (first->n_new, ==, 4);
  g_assert_cmpuint (accords_store_count_items (f->store), ==, 4);

  second = import (f, path);
  g_assert_cmpuint (second->n_new, ==, 0);
  g_assert_cmpuint (second->n_updated, ==, 0);
  g_assert_cmpuint (accords_store_count_items (f->store), ==, 4);

  /* The same items in another file are another feed's */
  {
    g_autofree char *other = write_file (f, "other.xml",
                                         "<rss version=\"2.0\"><channel><title>Other</title>"
                                         "<item><guid>g-1</guid><title>Guid one</title></item>"
                                         "</channel></rss>");
    third = import (f, other);
    assert_counts (third, 1, 0, 0);
    g_assert_cmpuint (accords_store_count_items (f->store), ==, 5);
  }
}

static void
test_rejected_leave_nothing (Fixture       *f,
                             gconstpointer  data)
{
  const char *rejected[] = {
    "hostile/empty.xml", "hostile/html-page.html", "hostile/not-xml.txt", "hostile/other-xml.xml",
  };
  g_autofree char *good = copy_data (f, "atom10.xml", NULL);
  g_autoptr(AccordsImportResult) first = import (f, good);
  g_autofree char *before = snapshot (f);

  assert_counts (first, 2, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *path = copy_data (f, rejected[i], NULL);
      g_autoptr(AccordsImportResult) r = import (f, path);
      g_autofree char *after = NULL;

      g_assert_error (r->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
      g_assert_cmpint (r->feed_id, ==, 0);
      g_assert_cmpuint (r->n_new, ==, 0);
      after = snapshot (f);
      g_assert_cmpstr (before, ==, after);
    }

  /* A file that cannot be read */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.xml", NULL);
    g_autoptr(AccordsImportResult) r = import (f, missing);
    g_autofree char *after = snapshot (f);

    g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_hostile_imported (Fixture       *f,
                       gconstpointer  data)
{
  struct {
    const char *file;
    guint n_new;
    gboolean bozo;
  } cases[] = {
    { "hostile/truncated.xml", 3, TRUE },
    { "hostile/windows-1252.xml", 1, FALSE },
    { "hostile/iso-8859-1.xml", 1, FALSE },
    { "hostile/utf-16.xml", 1, FALSE },
    { "hostile/invalid-utf8.xml", 1, TRUE },
    { "hostile/xxe-file.xml", 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = copy_data (f, cases[i].file, NULL);
      g_autoptr(AccordsImportResult) r = import (f, path);

      assert_counts (r, cases[i].n_new, 0, 0);
      g_assert_cmpint (r->bozo, ==, cases[i].bozo);
    }
  g_assert_cmpuint (search_count (f, "malmo"), ==, 1);
  g_assert_cmpuint (search_count (f, "root"), ==, 0);
}

static char *
big_feed (Fixture *f,
          guint    n)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>Big</title>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<item><guid>big-%u</guid><title>Item %u about Rwanda</title>"
                            "<pubDate>Mon, 01 Jul 2024 %02u:%02u:00 GMT</pubDate>"
                            "<description>&lt;p&gt;Body %u&lt;/p&gt;</description></item>\n",
                            i, i, (i / 60) % 24, i % 60, i);
  g_string_append (xml, "</channel></rss>\n");
  return write_file (f, "big.xml", xml->str);
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  guint         calls;
  GThread      *thread;
} ProgressState;

static void
cancel_midway_cb (double      fraction,
                  const char *path,
                  gpointer    user_data)
{
  ProgressState *s = user_data;

  g_assert_cmpfloat (fraction, >=, s->last);
  s->last = fraction;
  s->calls++;
  if (fraction > 0.2)
    g_cancellable_cancel (s->cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *small = copy_data (f, "rss10.xml", NULL);
  g_autoptr(AccordsImportResult) first = import (f, small);
  g_autofree char *path = big_feed (f, 20000);
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;
  ProgressState state = { cancellable, 0.0, 0, NULL };

  g_assert_false (accords_importer_import_file (f->store, file, result, cancel_midway_cb, &state,
                                                cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (state.calls, >, 0);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_opml (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *rss = copy_data (f, "rss20.xml", "lists/rss20.xml");
  g_autofree char *atom = copy_data (f, "atom10.xml", "lists/atom10.xml");
  g_autofree char *opml = copy_data (f, "opml-local.opml", "lists/feeds.opml");
  g_autoptr(AccordsImportResult) r = import (f, opml);
  g_autoptr(AccordsImportResult) again = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_url = FALSE;

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->n_feeds, ==, 3);
  g_assert_cmpuint (r->n_new, ==, 4);
  g_assert_cmpstr (r->feed_title, ==, "My research feeds");

  feeds = accords_store_list_feeds (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 3);
  for (guint i = 0; i < feeds->len; i++)
    {
      AccordsFeedRow *row = feeds->pdata[i];
      if (g_str_equal (row->kind, "url"))
        {
          saw_url = TRUE;
          g_assert_cmpstr (row->url, ==, "https://remote.example.org/feed.xml");
          g_assert_cmpstr (row->title, ==, "Remote desk");
          g_assert_cmpuint (row->n_items, ==, 0);
        }
      else
        g_assert_cmpuint (row->n_items, ==, 2);
    }
  g_assert_true (saw_url);

  again = import (f, opml);
  assert_counts (again, 0, 0, 4);
  g_assert_cmpuint (again->n_feeds, ==, 3);
}

static void
test_opml_rejected (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *rss = copy_data (f, "rss20.xml", NULL);
  g_autofree char *opml = write_file (f, "broken.opml",
                                      "<opml version=\"1.0\"><body>"
                                      "<outline xmlUrl=\"https://ok.example/feed\"/>"
                                      "<outline xmlUrl=\"rss20.xml\"/>"
                                      "<outline xmlUrl=\"missing.xml\"/>"
                                      "</body></opml>");
  g_autoptr(AccordsImportResult) r = import (f, opml);

  g_assert_error (r->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (r->error->message, "missing.xml"));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_search_syntax (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = copy_data (f, "rss20.xml", NULL);
  g_autoptr(AccordsImportResult) r = import (f, path);
  const char *queries[] = {
    "\"unbalanced", "AND", "scheme AND", "(scheme", "title:", "nosuchcolumn:scheme", "*", "NEAR(", "\"\"", "-",
    "scheme OR", "^", "a\"b", "scheme)",
  };

  assert_counts (r, 2, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) items = accords_store_query_items (f->store, queries[i], 0, 0, &error);

      g_test_message ("query %s: %u", queries[i], items ? g_list_model_get_n_items (G_LIST_MODEL (items)) : 0);
      g_assert_no_error (error);
      g_assert_nonnull (items);
    }
  /* Read as plain words, these find what they say */
  g_assert_cmpuint (search_count (f, "scheme)"), ==, 1);
  g_assert_cmpuint (search_count (f, "(scheme"), ==, 1);
  g_assert_cmpuint (search_count (f, "scheme AND"), ==, 1);   /* "and" is a word: one item has both */
  g_assert_cmpuint (search_count (f, "scheme OR"), ==, 0);    /* and "or" is not in either */
  g_assert_cmpuint (search_count (f, "title:scheme"), ==, 0);
  g_assert_cmpuint (search_count (f, "title:gjader"), ==, 1); /* valid FTS syntax is kept */
  g_assert_cmpuint (search_count (f, "   "), ==, 2);          /* blank: everything */
}

typedef struct {
  GMainLoop  *loop;
  GPtrArray  *results;
  GError     *error;
  GThread    *main_thread;
  guint       progress_calls;
  double      last_fraction;
  guint       changed;
  gboolean    changed_before_done;
  gboolean    destroyed;
} AsyncState;

static void
async_progress_cb (double      fraction,
                   const char *path,
                   gpointer    user_data)
{
  AsyncState *s = user_data;

  g_assert_true (g_thread_self () == s->main_thread);
  g_assert_cmpfloat (fraction, >=, s->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (path);
  s->last_fraction = fraction;
  s->progress_calls++;
}

static void
async_destroy_cb (gpointer user_data)
{
  AsyncState *s = user_data;

  g_assert_true (g_thread_self () == s->main_thread);
  s->destroyed = TRUE;
}

static void
async_changed_cb (AccordsStore *store,
                  guint         what,
                  AsyncState   *s)
{
  g_assert_true (g_thread_self () == s->main_thread);
  g_assert_cmpuint (what & ACCORDS_STORE_CHANGE_ITEMS, !=, 0);
  g_assert_cmpuint (what & ACCORDS_STORE_CHANGE_FEEDS, !=, 0);
  s->changed++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *s = user_data;

  s->changed_before_done = s->changed > 0;
  s->results = accords_importer_import_finish (ACCORDS_CONTEXT (source), result, &s->error);
  g_main_loop_quit (s->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a = copy_data (f, "rss20.xml", NULL);
  g_autofree char *b = big_feed (f, 5000);
  g_autofree char *c = copy_data (f, "hostile/html-page.html", NULL);
  GFile *files[3];
  AsyncState s = { 0 };
  gulong handler;

  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  files[2] = g_file_new_for_path (c);
  s.loop = g_main_loop_new (NULL, FALSE);
  s.main_thread = g_thread_self ();
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (async_changed_cb), &s);

  accords_importer_import_async (f->context, files, 3, async_progress_cb, &s, async_destroy_cb,
                                 NULL, async_done_cb, &s);
  g_main_loop_run (s.loop);

  g_assert_no_error (s.error);
  g_assert_nonnull (s.results);
  g_assert_cmpuint (s.results->len, ==, 3);
  assert_counts (s.results->pdata[0], 2, 0, 0);
  assert_counts (s.results->pdata[1], 5000, 0, 0);
  g_assert_error (((AccordsImportResult *) s.results->pdata[2])->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
  g_assert_cmpuint (s.progress_calls, >, 2);
  g_assert_true (s.changed_before_done);
  g_assert_true (s.destroyed);
  /* The worker wrote through its own connection: this one sees it */
  g_assert_cmpuint (accords_store_count_items (f->store), ==, 5002);

  g_signal_handler_disconnect (f->store, handler);
  g_ptr_array_unref (s.results);
  g_main_loop_unref (s.loop);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *b = big_feed (f, 20000);
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (b);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState s = { 0 };

  s.loop = g_main_loop_new (NULL, FALSE);
  s.main_thread = g_thread_self ();
  accords_importer_import_async (f->context, &file, 1, async_progress_cb, &s, async_destroy_cb,
                                 cancellable, async_done_cb, &s);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (s.loop);

  g_assert_null (s.results);
  g_assert_error (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (s.destroyed);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&s.error);
  g_main_loop_unref (s.loop);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_item_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AccordsItemList) list = accords_item_list_new (f->context);
  g_autofree char *path = copy_data (f, "rss20.xml", NULL);
  g_autoptr(AccordsImportResult) r = NULL;
  g_autoptr(AccordsItem) first = NULL;
  g_autoptr(AccordsItem) last = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint calls = 0;
  gint64 big_feed_id;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ACCORDS_TYPE_ITEM);

  /* The list follows the store */
  r = import (f, path);
  accords_store_emit_changed (f->store, ACCORDS_STORE_CHANGE_ITEMS);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* 100,000 items written straight into the table */
  g_assert_true (accords_store_ensure_feed (f->store, "/big", "file", "Big feed", &big_feed_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accords_store_begin (f->store, &error));
  stmt = accords_store_prepare (f->store,
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                                " INSERT INTO item (feed_id, key, guid, title, published, summary_text)"
                                " SELECT ?, 'id:' || i, i, printf('Story %06d', i),"
                                " strftime('%Y-%m-%dT%H:%M:%SZ', 1600000000 + i * 60, 'unixepoch'), 'text ' || i FROM n",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, big_feed_id);
  g_assert_true (accords_store_step_done (f->store, stmt, &error));
  g_assert_true (accords_store_index_new_items (f->store, 0, &error));
  g_assert_true (accords_store_commit (f->store, &error));
  g_assert_no_error (error);
  accords_store_emit_changed (f->store, ACCORDS_STORE_CHANGE_ITEMS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100002);

  /* Newest first (the feed's 2024 items, then the stories of 2020); any
   * row can be asked for, in any order */
  first = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (accords_item_get_title (first), ==, "Story 100000");
  g_assert_cmpstr (accords_item_get_feed_title (first), ==, "Big feed");
  last = g_list_model_get_item (G_LIST_MODEL (list), 100001);
  g_assert_cmpstr (accords_item_get_title (last), ==, "Story 000001");
  for (guint i = 0; i < 100000; i += 997)
    {
      g_autoptr(AccordsItem) item = g_list_model_get_item (G_LIST_MODEL (list), i + 2);
      g_autofree char *title = g_strdup_printf ("Story %06u", 100000 - i);
      g_assert_cmpstr (accords_item_get_title (item), ==, title);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 100002));

  accords_item_list_set_sort (list, ACCORDS_ITEM_SORT_TITLE, FALSE);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (accords_item_get_title (first), ==, "Italy and Albania open the Gjadër centre");

  accords_item_list_set_search (list, "\"story 004242");   /* FTS syntax error: plain words */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  accords_item_list_set_search (list, NULL);
  accords_item_list_set_feed (list, r->feed_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  accords_item_list_set_feed (list, 0);
  accords_item_list_set_sort (list, ACCORDS_ITEM_SORT_FEED, FALSE);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (accords_item_get_feed_title (first), ==, "Big feed");

  {
    g_autoptr(AccordsItem) loaded = accords_store_load_item (f->store, accords_item_get_id (first), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (accords_item_get_title (loaded), ==, accords_item_get_title (first));
    g_assert_null (accords_store_load_item (f->store, -5, &error));
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/idempotent", test_idempotent);
  ADD ("/import/update", test_update);
  ADD ("/import/dedupe", test_dedupe);
  ADD ("/import/rejected-leave-nothing", test_rejected_leave_nothing);
  ADD ("/import/hostile-imported", test_hostile_imported);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/opml", test_opml);
  ADD ("/import/opml-rejected", test_opml_rejected);
  ADD ("/import/search-syntax", test_search_syntax);
  ADD ("/import/async", test_async);
  ADD ("/import/async-cancel", test_async_cancel);
  ADD ("/import/item-list", test_item_list);
#undef ADD

  return g_test_run ();
}
