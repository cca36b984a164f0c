/* test-search-ui.c: the window's search of everything, the News view's marks and saved searches */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "accords-importer.h"
#include "accords-item.h"
#include "accords-news-view.h"
#include "accords-store-notes.h"
#include "accords-search-panel.h"
#include "accords-util.h"
#include "accords-search-sidebar.h"
#include "accords-test-window.h"
#include "accords-window.h"

#define DEADLINE_S 30

typedef struct {
  AccordsTestWindow w;
  gboolean          imported;
  guint             n_finished;
  guint             n_loaded;
} Fixture;

static void
import_finished_cb (GtkWidget *bar,
                    GPtrArray *results,
                    GError    *error,
                    gboolean   cancelled,
                    Fixture   *f)
{
  g_assert_no_error (error);
  for (guint i = 0; results && i < results->len; i++)
    g_assert_no_error (((AccordsImportResult *) g_ptr_array_index (results, i))->error);
  f->imported = TRUE;
}

static void
counted_cb (gpointer  object,
            gpointer  error_or_null,
            guint    *counter)
{
  (*counter)++;
}

static void
loaded_cb (gpointer  object,
           Fixture  *f)
{
  f->n_loaded++;
}

static void
wait_until (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*done);
}

static void
wait_for_count (guint *counter,
                guint  at_least)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (*counter < at_least && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*counter, >=, at_least);
}

static void
import_and_wait (Fixture    *f,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->imported = FALSE;
  g_assert_true (accords_window_import_files (f->w.window, &file, 1));
  wait_until (&f->imported);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *bar;

  accords_test_window_open (&f->w, "accords-search-ui-XXXXXX", "search.db");
  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "import_bar"));
  g_signal_connect (bar, "finished", G_CALLBACK (import_finished_cb), f);
  import_and_wait (f, "deportations.rss");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "search_button");
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  /* the popover goes down, and what that queues runs, while the window is
   * still there */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  accords_test_window_close (&f->w);
}

/* Types text into the window's search and waits for its results */
static void
search_everything (Fixture    *f,
                   const char *text)
{
  AccordsSearchPanel *panel = accords_window_get_search_panel (f->w.window);
  AccordsSearcher *searcher = accords_search_panel_get_searcher (panel);
  guint before = f->n_finished;

  gtk_editable_set_text (accords_search_panel_get_entry (panel), text);
  g_assert_true (accords_searcher_get_busy (searcher));
  wait_for_count (&f->n_finished, before + 1);
  g_assert_false (accords_searcher_get_busy (searcher));
}

static void
connect_panel (Fixture *f)
{
  AccordsSearchPanel *panel = accords_window_get_search_panel (f->w.window);

  g_signal_connect (accords_search_panel_get_searcher (panel), "finished", G_CALLBACK (counted_cb), &f->n_finished);
}

static void
test_grouped (Fixture *f, gconstpointer data)
{
  AccordsSearchPanel *panel = accords_window_get_search_panel (f->w.window);
  const char *markup;

  connect_panel (f);
  /* the shortcut opens it, with the focus in its field */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.search-everything", NULL));
  accords_test_iterate ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (accords_search_panel_get_entry (panel))) ||
                 gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (f->w.window))));

  /* stemmed: "deport" finds "deported", "deportation", "deportees"; the
   * weather is not among them; the seeded US–Rwanda deportee arrangement is */
  search_everything (f, "deport");
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_ITEMS), ==, 2);
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_NOTES), ==, 0);
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_AGREEMENTS), >=, 1);
  g_assert_true (g_str_has_prefix (accords_search_panel_get_summary (panel), "News 2 · Notes 0 · Agreements "));

  /* newest first, the match marked */
  markup = accords_search_panel_get_hit_markup (panel, ACCORDS_SEARCH_GROUP_ITEMS, 0);
  g_assert_nonnull (strstr (markup, "Rwanda receives "));
  g_assert_nonnull (strstr (markup, ">deported</span> migrants"));

  /* a blank field empties the results at once */
  gtk_editable_set_text (accords_search_panel_get_entry (panel), "");
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_ITEMS), ==, 0);
  g_assert_cmpstr (accords_search_panel_get_summary (panel), ==, "");
}

static void
test_stale_dropped (Fixture *f, gconstpointer data)
{
  AccordsSearchPanel *panel = accords_window_get_search_panel (f->w.window);
  AccordsSearcher *searcher = accords_search_panel_get_searcher (panel);
  GtkEditable *entry = accords_search_panel_get_entry (panel);
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  guint started;

  connect_panel (f);
  accords_searcher_set_delay (searcher, 0);
  started = accords_searcher_get_n_started (searcher);

  /* the first query reaches its worker thread... */
  gtk_editable_set_text (entry, "weather");
  while (accords_searcher_get_n_started (searcher) == started && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (accords_searcher_get_n_started (searcher), ==, started + 1);
  /* ...and the typing goes on before its answer is back */
  gtk_editable_set_text (entry, "deport");
  wait_for_count (&f->n_finished, 1);
  g_assert_cmpuint (accords_searcher_get_n_started (searcher), ==, started + 2);

  /* only the latest query's results are shown: the weather's were dropped */
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_ITEMS), ==, 2);
  g_assert_null (strstr (accords_search_panel_get_hit_markup (panel, ACCORDS_SEARCH_GROUP_ITEMS, 0), "Weather"));
  while (accords_searcher_get_n_dropped (searcher) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (accords_searcher_get_n_dropped (searcher), ==, 1);
  g_assert_cmpuint (f->n_finished, ==, 1);
}

static void
test_activate (Fixture *f, gconstpointer data)
{
  AccordsSearchPanel *panel = accords_window_get_search_panel (f->w.window);
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->w.window),
                                                                      ACCORDS_TYPE_WINDOW, "view_stack"));
  AccordsItem *item;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (accords_context_get_store (f->w.context), "us-rw-2025",
                                                           NULL, "# Removal flights\n\nThe deportations went on.\n",
                                                           &error);

  g_assert_no_error (error);
  /* as the editing commands do once they have written */
  accords_store_emit_changed (accords_context_get_store (f->w.context), ACCORDS_STORE_CHANGE_NOTES);
  connect_panel (f);
  search_everything (f, "deport");
  g_assert_cmpuint (accords_search_panel_get_n_hits (panel, ACCORDS_SEARCH_GROUP_NOTES), ==, 1);
  g_assert_nonnull (strstr (accords_search_panel_get_summary (panel), " · Notes 1 · "));

  /* a news item opens in the News reader */
  accords_search_panel_activate_hit (panel, ACCORDS_SEARCH_GROUP_ITEMS, 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "news");
  item = accords_news_view_get_selected (news);
  g_assert_nonnull (item);
  g_assert_cmpstr (accords_item_get_title (item), ==, "Flights resume");

  /* an agreement in the Atlas detail */
  accords_search_panel_activate_hit (panel, ACCORDS_SEARCH_GROUP_AGREEMENTS, 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "atlas");
  g_assert_nonnull (accords_window_get_selected_agreement (f->w.window));
}

static void
test_news_marks (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  AccordsSearcher *highlighter = accords_news_view_get_highlighter (news);
  GListModel *items = accords_news_view_get_items (news);
  const char *markup;

  g_signal_connect (highlighter, "finished", G_CALLBACK (counted_cb), &f->n_finished);
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "");

  accords_news_view_set_search (news, "deport");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "2 matches");
  wait_for_count (&f->n_finished, 1);

  /* the reader marks the title and the body */
  accords_news_view_select (news, 1);
  g_assert_cmpstr (accords_item_get_title (accords_news_view_get_selected (news)), ==, "Flights resume");
  markup = accords_news_view_get_reader_markup (news);
  g_assert_nonnull (strstr (markup, ">Deportation</span> flights"));
  g_assert_nonnull (strstr (markup, ">deportees</span> were held"));
  g_assert_nonnull (strstr (markup, "<b>Eswatini</b>"));
  accords_news_view_select (news, 0);
  markup = accords_news_view_get_reader_title_markup (news);
  g_assert_nonnull (strstr (markup, ">deported</span> migrants"));

  accords_news_view_set_search (news, "kigali");
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "2 matches");
  accords_news_view_set_search (news, "weather");
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "1 match");
  wait_for_count (&f->n_finished, 2);
  accords_news_view_select (news, 0);
  g_assert_nonnull (strstr (accords_news_view_get_reader_title_markup (news), ">Weather</span> in Kigali"));

  /* no search: no marks, no count */
  accords_news_view_set_search (news, "");
  wait_for_count (&f->n_finished, 3);
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "");
  accords_news_view_select (news, 0);
  g_assert_null (strstr (accords_news_view_get_reader_title_markup (news), "<span"));
}

static gint64
unread_of (AccordsSearchSidebar *sidebar,
           const char           *name)
{
  const AccordsSavedSearch *search = accords_search_sidebar_lookup (sidebar, name);

  g_assert_nonnull (search);
  return search->n_unread;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_saved_search (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  AccordsSearchSidebar *sidebar = accords_news_view_get_search_sidebar (news);
  GListModel *items = accords_news_view_get_items (news);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  gint64 deadline;

  g_signal_connect (sidebar, "loaded", G_CALLBACK (loaded_cb), f);
  wait_for_count (&f->n_loaded, 0);
  g_assert_cmpuint (accords_search_sidebar_get_searches (sidebar)->len, ==, 0);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar)));

  /* "Save Search…" asks for a name */
  accords_news_view_set_search (news, "deport");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (news), "news.save-search", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "deport");
  gtk_editable_set_text (entry, "Deportations");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_count (&f->n_loaded, 1);
  deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  while (accords_search_sidebar_get_searches (sidebar)->len == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (accords_search_sidebar_get_searches (sidebar)->len, ==, 1);
  g_assert_cmpint (unread_of (sidebar, "Deportations"), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar)));

  /* a new feed with a matching item raises the count */
  import_and_wait (f, "deportations-later.rss");
  deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  while (unread_of (sidebar, "Deportations") < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (unread_of (sidebar, "Deportations"), ==, 3);
  g_assert_cmpint (accords_search_sidebar_lookup (sidebar, "Deportations")->n_items, ==, 3);

  /* choosing it applies it */
  accords_news_view_set_search (news, "");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  g_assert_true (accords_search_sidebar_activate (sidebar, "Deportations"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpstr (accords_news_view_get_match_count (news), ==, "3 matches");

  /* renamed and deleted from its menu's actions */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "saved-search.rename", "s", "Deportations"));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Deportations");
  gtk_editable_set_text (entry, "Removals");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  while (accords_search_sidebar_lookup (sidebar, "Removals") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (accords_search_sidebar_lookup (sidebar, "Removals"));
  g_assert_null (accords_search_sidebar_lookup (sidebar, "Deportations"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "saved-search.delete", "s", "Removals"));
  deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  while (accords_search_sidebar_get_searches (sidebar)->len > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (accords_search_sidebar_get_searches (sidebar)->len, ==, 0);
}

/* The list narrows by date (and by link); a saved search keeps both and
 * brings them back */
static void
test_saved_dates (Fixture *f, gconstpointer data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  AccordsSearchSidebar *sidebar = accords_news_view_get_search_sidebar (news);
  GListModel *items = accords_news_view_get_items (news);
  GtkWidget *since = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (news), ACCORDS_TYPE_NEWS_VIEW, "since_entry"));
  AdwMessageDialog *dialog;
  const AccordsSavedSearch *saved;
  gint64 deadline;

  accords_news_view_set_search (news, "deport");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  accords_news_view_set_dates (news, "2025-08", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  /* a date that does not read narrows nothing, and its field says so */
  accords_news_view_set_dates (news, "August", NULL);
  g_assert_true (gtk_widget_has_css_class (since, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  accords_news_view_set_dates (news, NULL, "2025-07");
  g_assert_false (gtk_widget_has_css_class (since, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  accords_news_view_set_linked (news, ACCORDS_ITEM_LINKED_ANY);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (news), "news.save-search", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Before August");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  while (accords_search_sidebar_lookup (sidebar, "Before August") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  saved = accords_search_sidebar_lookup (sidebar, "Before August");
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->until, ==, "2025-07");
  g_assert_true (accords_str_empty (saved->since));

  /* cleared, then brought back by choosing the saved search */
  accords_news_view_set_search (news, "");
  accords_news_view_set_dates (news, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_true (accords_search_sidebar_activate (sidebar, "Before August"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (news),
                                                                                      ACCORDS_TYPE_NEWS_VIEW,
                                                                                      "until_entry"))),
                   ==, "2025-07");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/search-ui/panel/grouped", Fixture, NULL, fixture_set_up, test_grouped, fixture_tear_down);
  g_test_add ("/search-ui/panel/stale-dropped", Fixture, NULL, fixture_set_up, test_stale_dropped, fixture_tear_down);
  g_test_add ("/search-ui/panel/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/search-ui/news/marks", Fixture, NULL, fixture_set_up, test_news_marks, fixture_tear_down);
  g_test_add ("/search-ui/saved/count-rises", Fixture, NULL, fixture_set_up, test_saved_search, fixture_tear_down);
  g_test_add ("/search-ui/saved/dates", Fixture, NULL, fixture_set_up, test_saved_dates, fixture_tear_down);
  return g_test_run ();
}
