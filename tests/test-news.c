/* test-news.c: importing from the window and reading in the News view */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
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

/* The items of desk.rss, newest first as the list has them */
static const char * const desk_titles[] = {
  "Rwanda confirms talks with the United States",
  "Albania centres reopen under new decree",
  "Costa Rica receives deportees",
};

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
news_child (AccordsNewsView *news,
            const char      *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (news), ACCORDS_TYPE_NEWS_VIEW, name));
}

/* What the reader shows: its title, or NULL for "No Item Selected" */
static const char *
reader_title (AccordsNewsView *news)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (news_child (news, "reader_stack"))), "item") != 0)
    return NULL;
  return gtk_label_get_label (GTK_LABEL (news_child (news, "reader_title")));
}

/* An item as the store has it now */
static AccordsItem *
stored_item (Fixture    *f,
             const char *title)
{
  g_autoptr(GListStore) all = accords_store_query_items (accords_context_get_store (f->w.context), NULL, 0, 0, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(AccordsItem) item = g_list_model_get_item (G_LIST_MODEL (all), i);
      if (g_strcmp0 (accords_item_get_title (item), title) == 0)
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
stored_read (Fixture *f, const char *title)
{
  g_autoptr(AccordsItem) item = stored_item (f, title);
  return accords_item_get_read (item);
}

static gboolean
stored_starred (Fixture *f, const char *title)
{
  g_autoptr(AccordsItem) item = stored_item (f, title);
  return accords_item_get_starred (item);
}

static const char *
selected_title (AccordsNewsView *news)
{
  AccordsItem *item = accords_news_view_get_selected (news);
  return item ? accords_item_get_title (item) : NULL;
}

/* Presses keyval (no modifier) as the widget's shortcut controllers see it:
 * the shortcut bound to that key runs its action on the widget */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              accords_test_iterate ();
              return;
            }
        }
    }
  g_error ("No shortcut for %s", gdk_keyval_name (keyval));
}

static const char *
feed_menu_label (AccordsNewsView *news,
                 guint            position)
{
  GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (news_child (news, "feed_dropdown")));
  return gtk_string_list_get_string (GTK_STRING_LIST (names), position);
}

/* The first row of a list that was already there when the window opened:
 * it looked selected, and clicking it left the reader empty */
static void
test_first_row_opens (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news;
  GtkWidget *label;

  news = accords_window_get_news_view (f->w.window);
  g_assert_cmpuint (g_list_model_get_n_items (accords_news_view_get_items (news)), ==, 3);
  accords_test_iterate ();

  /* nothing is selected until the researcher picks a row */
  g_assert_null (accords_news_view_get_selected (news));
  g_assert_null (reader_title (news));

  /* a click on the first row selects it, as the row's gesture does */
  label = find_label (news_child (news, "column_view"), desk_titles[0]);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (label, "listitem.select", "(bb)", FALSE, FALSE));
  accords_test_iterate ();

  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
  g_assert_cmpstr (reader_title (news), ==, desk_titles[0]);
  g_assert_true (stored_read (f, desk_titles[0]));
  g_assert_false (stored_read (f, desk_titles[1]));
}

static void
fixture_set_up_imported (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "news", "desk.rss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;
  GtkWidget *bar;

  accords_test_window_open_context (&f->w, "accords-news-XXXXXX", "news.db");
  result->path = g_strdup (path);
  g_assert_true (accords_importer_import_file_full (accords_context_get_store (f->w.context), NULL, file, result,
                                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 3);
  accords_test_window_show (&f->w, NULL, 1200, 800);

  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "import_bar"));
  g_signal_connect (bar, "finished", G_CALLBACK (finished_cb), f);
}

/* j and n step down, k and p up, m toggles read, s the star; the store has it */
static void
test_reading_keys (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  GtkWidget *view = GTK_WIDGET (news);
  GtkWidget *label, *star;

  accords_test_iterate ();
  /* the News page takes the focus from the country search, where the keys
   * would only type */
  {
    GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW,
                                                                   "search_entry"));
    GtkWidget *focus;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-atlas", NULL));
    gtk_widget_grab_focus (search);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-news", NULL));
    accords_test_iterate ();
    focus = gtk_root_get_focus (GTK_ROOT (f->w.window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, news_child (news, "column_view")));
  }
  g_assert_cmpstr (feed_menu_label (news, 0), ==, "All feeds (3)");
  g_assert_cmpstr (feed_menu_label (news, 1), ==, "Migration Desk (3)");

  /* unread rows say so, to the eye and to a screen reader */
  label = find_label (news_child (news, "column_view"), desk_titles[0]);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "unread"));

  press_key (view, GDK_KEY_j);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
  g_assert_cmpstr (reader_title (news), ==, desk_titles[0]);
  /* opening an item reads it, at once */
  g_assert_true (stored_read (f, desk_titles[0]));
  g_assert_false (gtk_widget_has_css_class (label, "unread"));
  g_assert_cmpstr (feed_menu_label (news, 0), ==, "All feeds (2)");
  g_assert_cmpstr (feed_menu_label (news, 1), ==, "Migration Desk (2)");

  press_key (view, GDK_KEY_n);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[1]);
  g_assert_cmpstr (reader_title (news), ==, desk_titles[1]);
  g_assert_true (stored_read (f, desk_titles[1]));
  press_key (view, GDK_KEY_j);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[2]);
  /* at the end, j stays */
  press_key (view, GDK_KEY_j);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[2]);
  g_assert_cmpstr (feed_menu_label (news, 0), ==, "All feeds");

  press_key (view, GDK_KEY_k);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[1]);
  press_key (view, GDK_KEY_p);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
  press_key (view, GDK_KEY_p);
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);

  /* m: back to unread, and the item stays open */
  press_key (view, GDK_KEY_m);
  g_assert_false (stored_read (f, desk_titles[0]));
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
  g_assert_cmpstr (reader_title (news), ==, desk_titles[0]);
  g_assert_true (gtk_widget_has_css_class (label, "unread"));
  g_assert_cmpstr (feed_menu_label (news, 1), ==, "Migration Desk (1)");
  press_key (view, GDK_KEY_m);
  g_assert_true (stored_read (f, desk_titles[0]));
  press_key (view, GDK_KEY_m);
  g_assert_false (stored_read (f, desk_titles[0]));

  /* s: the star, in the store and on the reader's button */
  g_assert_false (stored_starred (f, desk_titles[0]));
  press_key (view, GDK_KEY_s);
  g_assert_true (stored_starred (f, desk_titles[0]));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (news_child (news, "reader_star_button")), ==, "Unstar");
  press_key (view, GDK_KEY_s);
  g_assert_false (stored_starred (f, desk_titles[0]));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (news_child (news, "reader_star_button")), ==, "Star");
  press_key (view, GDK_KEY_s);
  g_assert_true (stored_starred (f, desk_titles[0]));

  /* a row's own star, on a row that is not selected */
  label = find_label (news_child (news, "column_view"), desk_titles[2]);
  star = gtk_widget_get_next_sibling (label);
  g_assert_true (GTK_IS_BUTTON (star));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Star");
  g_signal_emit_by_name (star, "clicked");
  accords_test_iterate ();
  g_assert_true (stored_starred (f, desk_titles[2]));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Unstar");
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);

  /* a re-import reloads the list: the open item stays open, and unread */
  import_and_wait (f, "desk.rss");
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
  g_assert_cmpstr (reader_title (news), ==, desk_titles[0]);
  g_assert_false (stored_read (f, desk_titles[0]));
  g_assert_true (stored_starred (f, desk_titles[0]));
  g_assert_true (stored_starred (f, desk_titles[2]));

  /* the sort changes, the open item stays */
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (news_child (news, "column_view"));
    g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (columns), 1);

    gtk_column_view_sort_by_column (columns, title, GTK_SORT_ASCENDING);
    g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
    g_assert_cmpstr (reader_title (news), ==, desk_titles[0]);
    /* and j goes on from where it now is: last by title */
    press_key (view, GDK_KEY_k);
    g_assert_cmpstr (selected_title (news), ==, desk_titles[2]);
  }
}

/* While another connection writes (an import), a mark shows at once and
 * reaches the store when the writer is done, without the window waiting */
static void
test_mark_while_busy (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  sqlite3 *writer = NULL;
  gint64 start, deadline;

  press_key (GTK_WIDGET (news), GDK_KEY_j);
  g_assert_true (stored_read (f, desk_titles[0]));

  g_assert_cmpint (sqlite3_open (f->w.db_path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  press_key (GTK_WIDGET (news), GDK_KEY_m);
  press_key (GTK_WIDGET (news), GDK_KEY_s);
  /* not the store's ten seconds of waiting for the lock */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_false (accords_item_get_read (accords_news_view_get_selected (news)));
  g_assert_true (accords_item_get_starred (accords_news_view_get_selected (news)));
  g_assert_true (stored_read (f, desk_titles[0]));
  g_assert_false (stored_starred (f, desk_titles[0]));

  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((stored_read (f, desk_titles[0]) || !stored_starred (f, desk_titles[0])) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (stored_read (f, desk_titles[0]));
  g_assert_true (stored_starred (f, desk_titles[0]));
  g_assert_cmpstr (selected_title (news), ==, desk_titles[0]);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/news/import-and-read", Fixture, NULL, fixture_set_up, test_import_and_read, fixture_tear_down);
  g_test_add ("/news/sort-by-title", Fixture, NULL, fixture_set_up, test_sort_by_title, fixture_tear_down);
  g_test_add ("/news/rejected-file", Fixture, NULL, fixture_set_up, test_rejected_file, fixture_tear_down);
  g_test_add ("/news/first-row-opens", Fixture, NULL, fixture_set_up_imported, test_first_row_opens, fixture_tear_down);
  g_test_add ("/news/reading-keys", Fixture, NULL, fixture_set_up_imported, test_reading_keys, fixture_tear_down);
  g_test_add ("/news/mark-while-busy", Fixture, NULL, fixture_set_up_imported, test_mark_while_busy, fixture_tear_down);

  return g_test_run ();
}
