/* test-news.c: importing from the window and reading in the News view */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-importer.h"
#include "accords-item.h"
#include "accords-news-view.h"
#include "accords-store-items.h"
#include "accords-test-window.h"
#include "accords-window.h"

typedef struct {
  AccordsTestWindow w;
  gboolean        finished;
  guint           n_rejected;
} Fixture;

static void
finished_cb (GtkWidget  *bar,
             GPtrArray  *results,
             GError     *error,
             gboolean    cancelled,
             Fixture    *f)
{
  g_assert_no_error (error);
  for (guint i = 0; results && i < results->len; i++)
    if (((AccordsImportResult *) g_ptr_array_index (results, i))->error != NULL)
      f->n_rejected++;
  f->finished = TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *bar;

  accords_test_window_open (&f->w, "accords-news-XXXXXX", "news.db");

  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "import_bar"));
  g_assert_nonnull (bar);
  g_signal_connect (bar, "finished", G_CALLBACK (finished_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  accords_test_window_close (&f->w);
}

static void
import_and_wait (Fixture *f, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "news", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  f->finished = FALSE;
  g_assert_true (accords_window_import_files (f->w.window, &file, 1));
  /* a second import while one runs is refused, not queued behind its back */
  g_assert_false (accords_window_import_files (f->w.window, &file, 1));
  while (!f->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->finished);
}

static void
test_import_and_read (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  GListModel *items = accords_news_view_get_items (news);
  AccordsItem *selected;
  const char *markup;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  import_and_wait (f, "desk.rss");
  g_assert_cmpuint (f->n_rejected, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  /* newest first */
  accords_news_view_select (news, 0);
  selected = accords_news_view_get_selected (news);
  g_assert_nonnull (selected);
  g_assert_cmpstr (accords_item_get_title (selected), ==, "Rwanda confirms talks with the United States");

  markup = accords_news_view_get_reader_markup (news);
  g_assert_nonnull (strstr (markup, "<b>early stage</b>"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://news.example.org/ref/1\">"));
  g_assert_null (strstr (markup, "alert"));

  /* search narrows the list; a query with FTS syntax errors is plain words */
  accords_news_view_set_search (news, "Gjadër");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  accords_news_view_set_search (news, "\"unbalanced AND (");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  accords_news_view_set_search (news, "");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  /* importing the same file again changes nothing */
  import_and_wait (f, "desk.rss");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
}

static void
test_sort_by_title (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  GListModel *items = accords_news_view_get_items (news);
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) title = NULL;
  g_autoptr(AccordsItem) first = NULL;

  import_and_wait (f, "desk.rss");
  view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (news), ACCORDS_TYPE_NEWS_VIEW, "column_view"));
  title = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (items, 0);
  g_assert_cmpstr (accords_item_get_title (first), ==, "Albania centres reopen under new decree");
  g_clear_object (&first);

  gtk_column_view_sort_by_column (view, title, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (items, 0);
  g_assert_cmpstr (accords_item_get_title (first), ==, "Rwanda confirms talks with the United States");
}

static void
test_rejected_file (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);

  import_and_wait (f, "not-a-feed.txt");
  g_assert_cmpuint (f->n_rejected, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accords_news_view_get_items (news)), ==, 0);
  g_assert_cmpuint (accords_store_count_items (accords_context_get_store (f->w.context)), ==, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/news/import-and-read", Fixture, NULL, fixture_set_up, test_import_and_read, fixture_tear_down);
  g_test_add ("/news/sort-by-title", Fixture, NULL, fixture_set_up, test_sort_by_title, fixture_tear_down);
  g_test_add ("/news/rejected-file", Fixture, NULL, fixture_set_up, test_rejected_file, fixture_tear_down);

  return g_test_run ();
}
