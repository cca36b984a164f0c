/* test-linked-news.c: the news linked to an agreement, confirmed and rejected in the window */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "accords-context.h"
#include "accords-event.h"
#include "accords-importer.h"
#include "accords-item-link.h"
#include "accords-linked-news.h"
#include "accords-news-view.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-test-util.h"
#include "accords-test-window.h"
#include "accords-window.h"

#define SLUG "us-rw-2025"

typedef struct {
  AccordsTestWindow  w;
  char              *feed;
  AccordsStore      *store;
  AccordsLinkedNews *news;
  gboolean           imported;
  gboolean           relinked;
  guint              n_relinked;
} Fixture;

typedef gboolean (*Predicate) (Fixture *f);

static void
wait_until (Fixture   *f,
            Predicate  condition)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (f) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (f));
}

/* Nothing under way: no edit in the history's worker, no load of the list */
static gboolean
idle (Fixture *f)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return !accords_history_get_busy (accords_window_get_history (f->w.window)) &&
         !accords_linked_news_get_loading (f->news);
}

static gboolean
imported (Fixture *f)
{
  return f->imported;
}

static gboolean
relinked (Fixture *f)
{
  return f->relinked && idle (f);
}

static void
import_finished_cb (GtkWidget *bar,
                    GPtrArray *results,
                    GError    *error,
                    gboolean   cancelled,
                    Fixture   *f)
{
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_no_error (((AccordsImportResult *) g_ptr_array_index (results, 0))->error);
  f->imported = TRUE;
}

static void
relink_finished_cb (AccordsRelinker *relinker,
                    guint            n_items,
                    const GError    *error,
                    Fixture         *f)
{
  g_assert_no_error ((GError *) error);
  f->n_relinked = n_items;
  f->relinked = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "news", "seed-article.rss", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *bar;

  accords_test_window_open_context (&f->w, "accords-linked-XXXXXX", "linked.db");
  f->store = accords_context_get_store (f->w.context);
  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  f->feed = g_build_filename (f->w.dir, "seed-article.rss", NULL);
  g_assert_true (g_file_set_contents (f->feed, contents, -1, NULL));

  accords_test_window_show (&f->w, NULL, 1200, 800);
  f->news = accords_agreement_view_get_linked_news (accords_window_get_agreement_view (f->w.window));

  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "import_bar"));
  g_signal_connect (bar, "finished", G_CALLBACK (import_finished_cb), f);
  g_signal_connect (accords_context_get_relinker (f->w.context), "finished", G_CALLBACK (relink_finished_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wait_until (f, idle);
  g_signal_handlers_disconnect_by_data (accords_context_get_relinker (f->w.context), f);
  accords_test_window_close (&f->w);
  g_free (f->feed);
}

static void
import_feed (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);

  f->imported = FALSE;
  g_assert_true (accords_window_import_files (f->w.window, &file, 1));
  wait_until (f, imported);
  wait_until (f, idle);
}

static gint64
item_id_of (Fixture    *f,
            const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = accords_store_query_item_ids (f->store, search, 0, ACCORDS_ITEM_SORT_DATE, TRUE, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static char *
state_of (Fixture *f,
          gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  char *state = accords_store_get_link_state (f->store, item_id, SLUG, &error);

  g_assert_no_error (error);
  return state;
}

/* The link shown for the item, or NULL */
static AccordsItemLink *
shown_link (Fixture *f,
            gint64   item_id)
{
  GListModel *links = accords_linked_news_get_links (f->news);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(AccordsItemLink) link = g_list_model_get_item (links, i);

      if (accords_item_link_get_item_id (link) == item_id)
        return link;   /* the list holds it */
    }
  return NULL;
}

/* The list's row for the item, or NULL */
static GtkWidget *
shown_row (Fixture *f,
           gint64   item_id)
{
  GtkListBox *list = accords_linked_news_get_list (f->news);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      AccordsItemLink *link = g_object_get_data (G_OBJECT (row), "link");

      if (link != NULL && accords_item_link_get_item_id (link) == item_id)
        return row;
    }
  return NULL;
}

/* Whether a label under widget reads text */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
open_agreement (Fixture *f)
{
  AccordsAgreementView *view = accords_window_get_agreement_view (f->w.window);

  accords_window_select_country (f->w.window, "RW");
  accords_window_select_agreement (f->w.window, SLUG);
  g_assert_cmpstr (accords_linked_news_get_agreement (f->news), ==, SLUG);
  accords_agreement_view_set_tab (view, "sources");
  wait_until (f, idle);
}

static void
test_confirm_reject_survive (Fixture       *f,
                             gconstpointer  data)
{
  AccordsLinkCounts counts;
  AccordsItemLink *link;
  GtkWidget *row;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL, *s6 = NULL, *s7 = NULL, *s8 = NULL;
  gint64 article, arrivals;

  import_feed (f);
  article = item_id_of (f, "Nduhungirehe");
  arrivals = item_id_of (f, "Kigali");
  open_agreement (f);

  /* both items are suggested, the article first, with the reason and the
   * status its language may change */
  g_assert_cmpuint (g_list_model_get_n_items (accords_linked_news_get_links (f->news)), ==, 2);
  link = g_list_model_get_item (accords_linked_news_get_links (f->news), 0);
  g_object_unref (link);
  g_assert_cmpint (accords_item_link_get_item_id (link), ==, article);
  g_assert_cmpstr (accords_item_link_get_state (link), ==, "suggested");
  row = shown_row (f, article);
  g_assert_nonnull (row);
  g_assert_true (shows_text (row, "Suggested"));
  /* the talks of May are older than the status the deal has had since August */
  g_assert_false (shows_text (row, "May change status: Talks"));
  g_assert_true (shows_text (row, accords_item_link_get_reason (link)));
  g_assert_nonnull (strstr (accords_item_link_get_reason (link), "Nduhungirehe"));
  g_assert_true (shows_text (shown_row (f, arrivals), "May change status: First transfer"));

  /* confirm one, reject the other */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->news), "linked-news.confirm", "x", article));
  wait_until (f, idle);
  s1 = state_of (f, article);
  g_assert_cmpstr (s1, ==, "confirmed");
  g_assert_true (shows_text (shown_row (f, article), "Confirmed"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->news), "linked-news.reject", "x", arrivals));
  wait_until (f, idle);
  s2 = state_of (f, arrivals);
  g_assert_cmpstr (s2, ==, "rejected");
  /* rejected items are hidden, until asked for, dimmed */
  g_assert_null (shown_link (f, arrivals));
  accords_linked_news_get_counts (f->news, &counts);
  g_assert_cmpuint (counts.n_confirmed, ==, 1);
  g_assert_cmpuint (counts.n_rejected, ==, 1);
  g_assert_cmpuint (counts.n_suggested, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->news), "linked-news.show-rejected", NULL));
  wait_until (f, idle);
  g_assert_nonnull (shown_link (f, arrivals));
  g_assert_true (gtk_widget_has_css_class (shown_row (f, arrivals), "rejected"));
  g_assert_true (shows_text (shown_row (f, arrivals), "Rejected"));

  /* undo and redo, as the toast's button and Ctrl+Z do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.undo", NULL));
  wait_until (f, idle);
  s3 = state_of (f, arrivals);
  g_assert_cmpstr (s3, ==, "suggested");
  g_assert_cmpstr (accords_item_link_get_state (shown_link (f, arrivals)), ==, "suggested");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.redo", NULL));
  wait_until (f, idle);
  s4 = state_of (f, arrivals);
  g_assert_cmpstr (s4, ==, "rejected");

  /* the feed is imported again, the arrivals item updated: the states stay */
  {
    g_autofree char *contents = NULL;
    g_autoptr(GString) s = NULL;

    g_assert_true (g_file_get_contents (f->feed, &contents, NULL, NULL));
    s = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (s, "landed in Kigali", "landed in Kigali on Friday", 1), ==, 1);
    g_assert_true (g_file_set_contents (f->feed, s->str, -1, NULL));
  }
  import_feed (f);
  s5 = state_of (f, article);
  s6 = state_of (f, arrivals);
  g_assert_cmpstr (s5, ==, "confirmed");
  g_assert_cmpstr (s6, ==, "rejected");
  g_assert_cmpstr (accords_item_link_get_state (shown_link (f, article)), ==, "confirmed");
  g_assert_cmpstr (accords_item_link_get_state (shown_link (f, arrivals)), ==, "rejected");

  /* and so do they after the links are made again in the background */
  g_assert_true (accords_store_set_meta (f->store, ACCORDS_META_LINKS_CHECKSUM, "older", NULL));
  f->relinked = FALSE;
  accords_relinker_check (accords_context_get_relinker (f->w.context));
  wait_until (f, relinked);
  g_assert_cmpuint (f->n_relinked, ==, 3);
  s7 = state_of (f, article);
  s8 = state_of (f, arrivals);
  g_assert_cmpstr (s7, ==, "confirmed");
  g_assert_cmpstr (s8, ==, "rejected");
  g_assert_cmpstr (accords_item_link_get_state (shown_link (f, arrivals)), ==, "rejected");

  /* the rejection undone from the list itself */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->news), "linked-news.restore", "x", arrivals));
  wait_until (f, idle);
  g_clear_pointer (&s8, g_free);
  s8 = state_of (f, arrivals);
  g_assert_cmpstr (s8, ==, "suggested");
}

static void
test_show_in_news (Fixture       *f,
                   gconstpointer  data)
{
  AccordsNewsView *news = accords_window_get_news_view (f->w.window);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW,
                                                                  "view_stack"));
  GListModel *items = accords_news_view_get_items (news);
  gint64 article, debate;

  import_feed (f);
  article = item_id_of (f, "Nduhungirehe");
  debate = item_id_of (f, "Folketing");
  open_agreement (f);

  /* a row opens its item in the News view, even when a search hides it */
  accords_news_view_set_search (news, "Folketing");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->news), "win.show-item", "x", article);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "news");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_nonnull (accords_news_view_get_selected (news));
  g_assert_cmpint (accords_item_get_id (accords_news_view_get_selected (news)), ==, article);
  /* the reader says what it is about */
  g_assert_nonnull (strstr (accords_news_view_get_reader_links (news), "Iraq"));
  g_assert_nonnull (strstr (accords_news_view_get_reader_links (news), "US–Rwanda (suggested)"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-item", "x", debate));
  g_assert_cmpint (accords_item_get_id (accords_news_view_get_selected (news)), ==, debate);

  /* the News view keeps to the selected agreement, with a chip that clears it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->news), "win.show-news-about", NULL));
  g_assert_true (accords_news_view_get_follow_selection (news));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (news), "About US–Rwanda"));
  /* the selection moves to a country alone: the list follows */
  accords_window_select_country (f->w.window, "DK");
  accords_window_select_agreement (f->w.window, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (news), "About Denmark"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (news), "news.clear-about", NULL));
  g_assert_false (accords_news_view_get_follow_selection (news));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  /* an item that is gone: said so */
  g_assert_false (accords_news_view_show_item (news, 4242));
}

static gboolean
has_news_event (Fixture *f)
{
  g_autoptr(AccordsAgreement) a = NULL;

  if (!idle (f))
    return FALSE;
  a = accords_store_load_agreement (f->store, SLUG, NULL);
  for (guint i = 0; a && i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (a))); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), i);

      if (g_strcmp0 (accords_event_get_description (e), "Seven deportees arrive in Kigali") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_news_item_as_source (Fixture       *f,
                          gconstpointer  data)
{
  AccordsAgreementView *view = accords_window_get_agreement_view (f->w.window);
  AccordsAgreementEditor *editor = accords_agreement_view_get_editor (view);
  AccordsFormDialog *dialog;
  g_autoptr(AccordsAgreement) a = NULL;
  g_autofree char *id = NULL;
  g_autofree char *state = NULL;
  const char *url = "https://news.example.org/2025/08/15/first-deportees-kigali";
  gint64 arrivals;

  import_feed (f);
  arrivals = item_id_of (f, "Kigali");
  open_agreement (f);
  accords_agreement_view_set_editing (view, TRUE);

  /* an event's dialog offers the agreement's linked news as its source */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", "s", "event"));
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  accords_form_dialog_set_value (dialog, "date", "2025-08-15");
  accords_form_dialog_set_value (dialog, "type", "first_transfer");
  accords_form_dialog_set_value (dialog, "description", "Seven deportees arrive in Kigali");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, arrivals);
  accords_form_dialog_set_value (dialog, "news_item", id);
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "news_item"), ==, id);
  g_assert_true (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  wait_until (f, has_news_event);

  /* the item became a source that keeps its item, the event cites it, and
   * the link is confirmed, all in one step */
  a = accords_store_load_agreement (f->store, SLUG, NULL);
  {
    GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (a));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

        if (g_strcmp0 (accords_source_get_url (s), url) == 0)
          {
            found = TRUE;
            g_assert_cmpint (accords_source_get_item_id (s), ==, arrivals);
            g_assert_cmpstr (accords_source_get_source_type (s), ==, "news");
            g_assert_cmpstr (accords_source_get_publisher (s), ==, "Seed Article Desk");
            g_assert_cmpstr (accords_source_get_published (s), ==, "2025-08-15");
          }
      }
    g_assert_true (found);
  }
  state = state_of (f, arrivals);
  g_assert_cmpstr (state, ==, "confirmed");

  /* one undo takes all of it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.undo", NULL));
  wait_until (f, idle);
  g_clear_pointer (&state, g_free);
  state = state_of (f, arrivals);
  g_assert_cmpstr (state, ==, "suggested");
  g_assert_false (has_news_event (f));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/linked-news/confirm-reject-survive", test_confirm_reject_survive);
  ADD ("/linked-news/show-in-news", test_show_in_news);
  ADD ("/linked-news/news-item-as-source", test_news_item_as_source);

  return g_test_run ();
}
