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

  if (strcmp (path, "/ok.xml") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, rss, strlen (rss));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
}

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

static void
test_subscribe_and_refresh (void)
{
  AccordsTestWindow t = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = NULL;
  g_autofree char *failing = NULL;
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
