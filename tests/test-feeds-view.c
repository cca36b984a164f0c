/* test-feeds-view.c: the Feeds view in the real window, against a SoupServer on 127.0.0.1 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "accords-store-feeds.h"
#include "accords-test-util.h"
#include "accords-test-window.h"
#include "accords-window.h"

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Working Desk</title>"
                    "<link>http://news.example.org/</link>"
                    "<item><guid>w-1</guid><title>One</title></item>"
                    "<item><guid>w-2</guid><title>Two</title></item></channel></rss>";

  const char *page = "<html><head>"
                     "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"First\" href=\"/first.xml\">"
                     "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Second\" href=\"/ok.xml\">"
                     "</head></html>";

  if (strcmp (path, "/page.html") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else if (strcmp (path, "/first.xml") == 0)
    {
      const char *first = "<rss version=\"2.0\"><channel><title>First Desk</title><link>http://first.example.org/</link>"
                          "<item><guid>f-1</guid><title>Uno</title></item></channel></rss>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, first, strlen (first));
    }
  else if (strcmp (path, "/ok.xml") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, rss, strlen (rss));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
}

/* Runs the main context until cond holds, for at most 20 seconds */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < end_) \
      g_main_context_iteration (NULL, FALSE), g_usleep (1000); \
    g_assert_true (cond); \
  } G_STMT_END

static void
wait_idle (AccordsFeedsView *view)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (accords_feeds_view_get_busy (view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (accords_feeds_view_get_busy (view));
  accords_test_iterate ();
}

static AdwActionRow *
row_at (AccordsFeedsView *view,
        int               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (accords_feeds_view_get_list (view), index);

  return row ? ADW_ACTION_ROW (row) : NULL;
}

/* The one AdwMessageDialog shown, or NULL */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();
  g_autoptr(GtkWidget) held = NULL;

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  held = g_object_ref (GTK_WIDGET (dialog));
  /* what a click on the response's button does */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (!gtk_widget_get_visible (held));
}

static gint64
count (AccordsStore *store,
       const char   *sql)
{
  return accords_store_query_int64 (store, sql, NULL);
}

static void
test_subscribe_and_refresh (void)
{
  AccordsTestWindow t = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = NULL;
  g_autofree char *failing = NULL;
  g_autofree char *page_url = NULL;
  GSList *uris;
  AccordsFeedsView *view;
  AccordsStore *store;
  gint64 failing_id;
  guint port;

  soup_server_add_handler (server, NULL, handler_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  ok = g_strdup_printf ("http://127.0.0.1:%u/ok.xml", port);
  failing = g_strdup_printf ("http://127.0.0.1:%u/failing.xml", port);
  page_url = g_strdup_printf ("http://127.0.0.1:%u/page.html", port);

  accords_test_window_open (&t, "accords-feeds-XXXXXX", "feeds.db");
  view = accords_window_get_feeds_view (t.window);
  store = accords_context_get_store (t.context);
  g_assert_null (row_at (view, 0));

  /* Subscribing lists the feed with its state */
  accords_feeds_view_subscribe (view, ok);
  g_assert_true (accords_feeds_view_get_busy (view));
  wait_idle (view);
  g_assert_nonnull (row_at (view, 0));
  g_assert_null (row_at (view, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (view, 0))), ==, "Working Desk");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_at (view, 0)), "2 items"));

  /* A URL that fails is not subscribed to */
  accords_feeds_view_subscribe (view, failing);
  wait_idle (view);
  g_assert_null (row_at (view, 1));

  /* A subscription that starts failing shows its error after F5 */
  g_assert_true (accords_store_subscribe_url (store, failing, "Failing Desk", &failing_id, NULL, &error));
  g_assert_no_error (error);
  accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_FEEDS);
  g_assert_nonnull (row_at (view, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t.window), "win.refresh-feeds", NULL));
  g_assert_true (accords_feeds_view_get_busy (view));
  wait_idle (view);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (view, 0))), ==, "Failing Desk");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_at (view, 0)), "HTTP 500"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_at (view, 1)), "Updated"));

  /* Refresh one, from its row's button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "feeds.refresh", "x", failing_id));
  wait_idle (view);
  {
    g_autoptr(AccordsSubscription) sub = accords_store_load_subscription (store, failing_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sub->failures, ==, 2);
  }

  /* Remove, keeping the items: the feed stays for them, no longer listed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "feeds.remove", "x", failing_id));
  accords_test_iterate ();
  respond ("keep");
  WAIT_FOR (row_at (view, 1) == NULL);
  g_assert_cmpint (count (store, "SELECT count(*) FROM feed"), ==, 2);

  /* A page naming two feeds offers the choice; a response subscribes */
  accords_feeds_view_subscribe (view, page_url);
  wait_idle (view);
  g_assert_null (row_at (view, 1));
  respond ("feed-0");
  wait_idle (view);
  WAIT_FOR (row_at (view, 1) != NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (view, 0))), ==, "First Desk");

  /* Remove with the items */
  {
    gint64 working = accords_store_query_int64 (store, "SELECT id FROM feed WHERE title = ?", "Working Desk");

    g_assert_cmpint (working, >, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "feeds.remove", "x", working));
    accords_test_iterate ();
    respond ("drop");
    WAIT_FOR (row_at (view, 1) == NULL);
    g_assert_cmpint (count (store, "SELECT count(*) FROM item WHERE guid LIKE 'w-%'"), ==, 0);
    g_assert_cmpint (count (store, "SELECT count(*) FROM item WHERE guid = 'f-1'"), ==, 1);
  }

  /* Rename */
  {
    gint64 first = accords_store_query_int64 (store, "SELECT id FROM feed WHERE url LIKE '%first.xml'", NULL);
    AdwMessageDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "feeds.rename", "x", first));
    accords_test_iterate ();
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "My Desk");
    respond ("rename");
    WAIT_FOR (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (view, 0))), "My Desk") == 0);
    g_assert_cmpint (accords_store_query_int64 (store, "SELECT count(*) FROM feed WHERE title = ?", "My Desk"), ==, 1);
  }

  soup_server_disconnect (server);
  accords_test_window_close (&t);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/feeds-view/subscribe-and-refresh", test_subscribe_and_refresh);
  return g_test_run ();
}
