/* test-subscribe.c: subscriptions against a SoupServer on 127.0.0.1 that the test starts */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "accords-channel.h"
#include "accords-context.h"
#include "accords-error.h"
#include "accords-feed-discovery.h"
#include "accords-fetch.h"
#include "accords-import-linker.h"
#include "accords-importer.h"
#include "accords-store-feeds.h"
#include "accords-subscriptions.h"
#include "accords-test-util.h"

/* ---------------------------------------------------------------- server */

typedef struct {
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  SoupServer   *tls_server;  /* https, with tests/data/tls/cert.pem */
  guint         port;
  guint         tls_port;
  gboolean      ready;
  GHashTable   *modes;      /* channel name -> "ok", "gone", "error", "busy", "moved:NAME", "found:NAME" */
  GHashTable   *versions;   /* channel name -> GUINT_TO_POINTER (version) */
  GHashTable   *hits;       /* path -> GUINT_TO_POINTER (requests) */
  char         *user_agent;
  char         *if_none_match;
  char         *if_modified_since;
  char         *accept_encoding;
} Server;

static char *
make_rss (const char *name,
          guint       version,
          gsize       padding)
{
  GString *s = g_string_new ("<?xml version=\"1.0\"?>\n"
                             "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>");
  g_string_append_printf (s, "<title>Channel %s</title><link>http://news.example.org/%s/</link>"
                             "<atom:link rel=\"self\" href=\"http://feeds.example.org/%s.xml\"/><ttl>5</ttl>",
                          name, name, name);
  g_string_append_printf (s, "<item><guid>%s-1</guid><title>First story%s</title>"
                             "<link>http://news.example.org/%s/1</link>"
                             "<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>",
                          name, version > 1 ? " (updated)" : "", name);
  for (gsize i = 0; i < padding; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "</description></item>");
  g_string_append_printf (s, "<item><guid>%s-2</guid><title>Second story</title>"
                             "<pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>", name);
  if (version > 1)
    g_string_append_printf (s, "<item><guid>%s-3</guid><title>Third story</title>"
                               "<pubDate>Wed, 04 Jun 2025 10:00:00 GMT</pubDate></item>", name);
  g_string_append (s, "</channel></rss>\n");
  return g_string_free (s, FALSE);
}

static GBytes *
gzip_bytes (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
respond_feed (SoupServerMessage *msg,
              Server            *s,
              const char        *name)
{
  guint version = GPOINTER_TO_UINT (g_hash_table_lookup (s->versions, name));
  g_autofree char *etag = NULL;
  g_autofree char *body = NULL;
  const char *since;
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);

  version = MAX (version, 1);
  etag = g_strdup_printf ("\"%s-v%u\"", name, version);
  since = version == 1 ? "Mon, 02 Jun 2025 12:00:00 GMT" : "Wed, 04 Jun 2025 12:00:00 GMT";
  if (g_strcmp0 (soup_message_headers_get_one (in, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      soup_message_headers_replace (out, "ETag", etag);
      return;
    }
  body = make_rss (name, version, 0);
  soup_message_headers_replace (out, "ETag", etag);
  soup_message_headers_replace (out, "Last-Modified", since);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
respond_page (SoupServerMessage *msg,
              const char        *links)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head><title>News</title>%s</head>"
                                           "<body><p>Hello</p></body></html>", links);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, page, strlen (page));
}

typedef struct {
  SoupServerMessage *msg;
  Server            *server;
} Delayed;

static gboolean
unpause_cb (gpointer user_data)
{
  Delayed *d = user_data;

  respond_feed (d->msg, d->server, "slow");
  soup_server_message_unpause (d->msg);
  g_object_unref (d->msg);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Server *s = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  const char *mode = NULL;
  const char *name = NULL;

  g_mutex_lock (&s->lock);
  g_hash_table_replace (s->hits, g_strdup (path),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->hits, path)) + 1));
  g_free (s->user_agent);
  s->user_agent = g_strdup (soup_message_headers_get_one (in, "User-Agent"));
  g_free (s->if_none_match);
  s->if_none_match = g_strdup (soup_message_headers_get_one (in, "If-None-Match"));
  g_free (s->if_modified_since);
  s->if_modified_since = g_strdup (soup_message_headers_get_one (in, "If-Modified-Since"));
  g_free (s->accept_encoding);
  s->accept_encoding = g_strdup (soup_message_headers_get_one (in, "Accept-Encoding"));

  if (g_str_has_prefix (path, "/c/"))
    {
      name = path + 3;
      mode = g_hash_table_lookup (s->modes, name);
    }

  if (name != NULL && (mode == NULL || strcmp (mode, "ok") == 0))
    respond_feed (msg, s, name);
  else if (name != NULL && g_str_has_prefix (mode, "as:"))
    respond_feed (msg, s, mode + 3);   /* the same channel at another address */
  else if (name != NULL && strcmp (mode, "gone") == 0)
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (name != NULL && strcmp (mode, "error") == 0)
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (name != NULL && strcmp (mode, "busy") == 0)
    {
      soup_server_message_set_status (msg, 429, "Too Many Requests");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
    }
  else if (name != NULL && strcmp (mode, "unavailable") == 0)
    {
      /* Retry-After as an HTTP date, an hour from now */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", date);
    }
  else if (name != NULL && g_str_has_prefix (mode, "moved-to:"))
    redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, mode + 9);
  else if (name != NULL && g_str_has_prefix (mode, "moved:"))
    {
      g_autofree char *to = g_strconcat ("/c/", mode + 6, NULL);
      redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, to);
    }
  else if (name != NULL && g_str_has_prefix (mode, "to-http:"))
    {
      g_autofree char *to = g_strdup_printf ("http://127.0.0.1:%u/c/%s", s->port, mode + 8);
      redirect (msg, SOUP_STATUS_FOUND, to);
    }
  else if (name != NULL && g_str_has_prefix (mode, "found:"))
    {
      g_autofree char *to = g_strconcat ("/c/", mode + 6, NULL);
      redirect (msg, SOUP_STATUS_FOUND, to);
    }
  else if (strcmp (path, "/slow") == 0)
    {
      Delayed *d = g_new0 (Delayed, 1);
      GSource *source = g_timeout_source_new (3000);

      d->msg = g_object_ref (msg);
      d->server = s;
      soup_server_message_pause (msg);
      g_source_set_callback (source, unpause_cb, d, NULL);
      g_source_attach (source, s->context);
      g_source_unref (source);
    }
  else if (strcmp (path, "/huge") == 0)
    {
      g_autofree char *body = make_rss ("huge", 1, 200 * 1024);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else if (strcmp (path, "/gz") == 0)
    {
      g_autofree char *body = make_rss ("gz", 1, 4096);
      g_autoptr(GBytes) packed = gzip_bytes (body);
      gsize size;
      const char *data = g_bytes_get_data (packed, &size);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, data, size);
    }
  else if (strcmp (path, "/page-one.html") == 0)
    respond_page (msg, "<link rel=\"stylesheet\" href=\"/style.css\">"
                       "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All news\" href=\"c/paged\">");
  else if (strcmp (path, "/page-two.html") == 0)
    respond_page (msg, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" href=\"/c/news\">"
                       "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Comments\" href=\"/c/comments\">"
                       "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/c/news\">"
                       "<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">");
  else if (strcmp (path, "/page-none.html") == 0)
    respond_page (msg, "");
  else if (strcmp (path, "/to-file") == 0)
    redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  g_mutex_unlock (&s->lock);
}

static gpointer
server_thread (gpointer user_data)
{
  Server *s = user_data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  s->server = soup_server_new ("server-header", "accords-test", NULL);
  soup_server_add_handler (s->server, NULL, handler_cb, s, NULL);
  g_assert_true (soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_assert_nonnull (uris);

  s->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  {
    g_autofree char *cert_path = g_test_build_filename (G_TEST_DIST, "data", "tls", "cert.pem", NULL);
    g_autofree char *key_path = g_test_build_filename (G_TEST_DIST, "data", "tls", "key.pem", NULL);
    g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_files (cert_path, key_path, &error);

    g_assert_no_error (error);
    s->tls_server = soup_server_new ("tls-certificate", cert, NULL);
    soup_server_add_handler (s->tls_server, NULL, handler_cb, s, NULL);
    g_assert_true (soup_server_listen_local (s->tls_server, 0,
                                             SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
    g_assert_no_error (error);
    uris = soup_server_get_uris (s->tls_server);
    s->tls_port = (guint) g_uri_get_port (uris->data);
    g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  }

  g_mutex_lock (&s->lock);
  s->ready = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);

  g_main_loop_run (s->loop);
  soup_server_disconnect (s->server);
  soup_server_disconnect (s->tls_server);
  g_clear_object (&s->server);
  g_clear_object (&s->tls_server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static Server *
server_start (void)
{
  Server *s = g_new0 (Server, 1);

  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  s->modes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->thread = g_thread_new ("test-server", server_thread, s);
  g_mutex_lock (&s->lock);
  while (!s->ready)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);
  return s;
}

static void
server_stop (Server *s)
{
  g_main_loop_quit (s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_hash_table_unref (s->modes);
  g_hash_table_unref (s->versions);
  g_hash_table_unref (s->hits);
  g_free (s->user_agent);
  g_free (s->if_none_match);
  g_free (s->if_modified_since);
  g_free (s->accept_encoding);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s);
}

static void
server_set_mode (Server     *s,
                 const char *name,
                 const char *mode)
{
  g_mutex_lock (&s->lock);
  g_hash_table_replace (s->modes, g_strdup (name), g_strdup (mode));
  g_mutex_unlock (&s->lock);
}

static void
server_set_version (Server     *s,
                    const char *name,
                    guint       version)
{
  g_mutex_lock (&s->lock);
  g_hash_table_replace (s->versions, g_strdup (name), GUINT_TO_POINTER (version));
  g_mutex_unlock (&s->lock);
}

static guint
server_hits (Server     *s,
             const char *path)
{
  guint n;

  g_mutex_lock (&s->lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (s->hits, path));
  g_mutex_unlock (&s->lock);
  return n;
}

/* --------------------------------------------------------------- fixture */

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
  AccordsLinker  *linker;
  Server         *server;
  AccordsRefreshOptions options;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("accords-subscribe-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->context = accords_context_new_full (db, ACCORDS_CONTEXT_NO_SEED, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  f->linker = accords_import_new_linker (f->store, accords_context_get_iso_codes (f->context), &error);
  g_assert_no_error (error);
  f->server = server_start ();
  f->options.timeout_seconds = 5;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  server_stop (f->server);
  g_clear_object (&f->linker);
  accords_test_wait_for_last_ref (f->context);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
url_of (Fixture    *f,
        const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", f->server->port, path);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *text)
{
  return accords_store_query_int64 (f->store, sql, text);
}

static AccordsSubscribeResult *
subscribe_ok (Fixture    *f,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, path);
  AccordsSubscribeResult *result = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static AccordsRefreshResult *
refresh_one (Fixture  *f,
             gint64    id,
             GPtrArray **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = accords_refresh_sync (f->store, f->linker, &id, 1, FALSE, &f->options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*keep);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return (*keep)->pdata[0];
}

/* ----------------------------------------------------------------- tests */

static void
test_ok_200 (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) result = subscribe_ok (f, "/c/one");
  g_autoptr(AccordsSubscription) sub = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, "/c/one");

  g_assert_cmpint (result->feed_id, >, 0);
  g_assert_true (result->created);
  g_assert_cmpuint (result->n_new, ==, 2);
  g_assert_cmpstr (result->title, ==, "Channel one");
  g_assert_cmpstr (result->url, ==, url);

  sub = accords_store_load_subscription (f->store, result->feed_id, &error);
  g_assert_no_error (error);
  g_assert_true (sub->subscribed);
  g_assert_cmpstr (sub->kind, ==, "url");
  g_assert_cmpstr (sub->etag, ==, "\"one-v1\"");
  g_assert_cmpstr (sub->last_modified, ==, "Mon, 02 Jun 2025 12:00:00 GMT");
  g_assert_nonnull (sub->last_success);
  g_assert_null (sub->last_error);
  g_assert_cmpuint (sub->http_status, ==, 200);
  g_assert_cmpuint (sub->n_items, ==, 2);
  g_assert_cmpstr (sub->identity, ==, "self:feeds.example.org/one.xml");
  /* The schedule waits for the interval (the feed's ttl is shorter) */
  g_assert_cmpint (sub->next_fetch, >, g_get_real_time () / G_USEC_PER_SEC + 50 * 60);

  g_assert_true (g_str_has_prefix (f->server->user_agent, "Accords/"));
  g_assert_nonnull (strstr (f->server->accept_encoding, "gzip"));
}

static void
test_not_modified_304 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/c/same");
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  AccordsRefreshResult *r = refresh_one (f, sub->feed_id, &keep);

  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_NOT_MODIFIED);
  g_assert_cmpuint (r->http_status, ==, 304);
  g_assert_cmpstr (f->server->if_none_match, ==, "\"same-v1\"");
  g_assert_cmpstr (f->server->if_modified_since, ==, "Mon, 02 Jun 2025 12:00:00 GMT");
  g_assert_cmpuint (server_hits (f->server, "/c/same"), ==, 2);
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpuint (stored->n_items, ==, 2);
  g_assert_cmpstr (stored->etag, ==, "\"same-v1\"");
  g_assert_null (stored->last_error);
}

static void
test_changing_feed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/c/news");
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  AccordsRefreshResult *r;

  server_set_version (f->server, "news", 2);
  r = refresh_one (f, sub->feed_id, &keep);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_STORED);
  g_assert_cmpuint (r->n_new, ==, 1);
  g_assert_cmpuint (r->n_updated, ==, 1);
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpuint (stored->n_items, ==, 3);
  g_assert_cmpstr (stored->etag, ==, "\"news-v2\"");
  g_assert_cmpint (count (f, "SELECT count(*) FROM item WHERE title = ?", "First story (updated)"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM item WHERE title = ?", "First story"), ==, 0);
}

static void
test_redirect_301 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autofree char *target = url_of (f, "/c/new-home");
  g_autofree char *later = url_of (f, "/c/newer-home");
  AccordsRefreshResult *r;

  /* Subscribing through a permanent redirect stores where it leads */
  server_set_mode (f->server, "old-home", "moved:new-home");
  sub = subscribe_ok (f, "/c/old-home");
  g_assert_cmpstr (sub->url, ==, target);
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpstr (stored->url, ==, target);
  g_clear_pointer (&stored, accords_subscription_free);

  /* And a refresh that meets one moves the subscription */
  server_set_mode (f->server, "new-home", "moved:newer-home");
  server_set_mode (f->server, "newer-home", "as:new-home");
  server_set_version (f->server, "new-home", 2);
  r = refresh_one (f, sub->feed_id, &keep);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_STORED);
  g_assert_cmpstr (r->url, ==, later);
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpstr (stored->url, ==, later);
  g_assert_cmpuint (stored->n_items, ==, 3);
}

static void
test_redirect_302 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autofree char *url = url_of (f, "/c/desk");
  AccordsRefreshResult *r;

  server_set_mode (f->server, "desk", "found:desk-today");
  sub = subscribe_ok (f, "/c/desk");
  g_assert_cmpstr (sub->url, ==, url);
  g_assert_cmpuint (sub->n_new, ==, 2);
  r = refresh_one (f, sub->feed_id, &keep);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_NOT_MODIFIED);
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpstr (stored->url, ==, url);
  g_assert_cmpuint (server_hits (f->server, "/c/desk"), ==, 2);
  g_assert_cmpuint (server_hits (f->server, "/c/desk-today"), ==, 2);
}

/* A subscription that starts failing keeps its items, its last success,
 * and records the error */
static void
check_failing (Fixture    *f,
               const char *name,
               const char *mode,
               guint       status,
               const char *message)
{
  g_autofree char *path = g_strconcat ("/c/", name, NULL);
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, path);
  g_autoptr(AccordsSubscription) before = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_autoptr(AccordsSubscription) after = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, path);
  AccordsSubscribeResult *none;
  AccordsRefreshResult *r;

  server_set_mode (f->server, name, mode);
  r = refresh_one (f, sub->feed_id, &keep);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_FAILED);
  g_assert_cmpuint (r->http_status, ==, status);
  g_assert_nonnull (strstr (r->error_message, message));

  after = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpuint (after->n_items, ==, 2);
  g_assert_cmpstr (after->last_success, ==, before->last_success);
  g_assert_nonnull (strstr (after->last_error, message));
  g_assert_cmpuint (after->failures, ==, 1);
  g_assert_cmpuint (after->http_status, ==, status);
  g_assert_cmpstr (after->etag, ==, before->etag);

  /* Subscribing to it now fails, and stores nothing */
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 1);
  accords_store_rename_feed (f->store, sub->feed_id, "", NULL);
  none = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_not_found_404 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, "/nothing-here");
  AccordsSubscribeResult *none = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);

  g_assert_null (none);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 0);
  check_failing (f, "gone", "gone", 404, "HTTP 404");
}

static void
test_server_error_500 (Fixture       *f,
                       gconstpointer  data)
{
  check_failing (f, "broken", "error", 500, "HTTP 500");
}

static void
test_retry_after_429 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/c/busy");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  AccordsRefreshResult *r;

  server_set_mode (f->server, "busy", "busy");
  r = refresh_one (f, sub->feed_id, &first);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_FAILED);
  g_assert_cmpuint (r->http_status, ==, 429);
  g_assert_cmpint (r->not_before, >=, now + 119);
  g_assert_cmpint (r->not_before, <=, now + 125);
  g_assert_cmpuint (server_hits (f->server, "/c/busy"), ==, 2);

  /* Asked again at once, it is left alone, even when named */
  server_set_mode (f->server, "busy", "ok");
  r = refresh_one (f, sub->feed_id, &second);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_DEFERRED);
  g_assert_cmpuint (server_hits (f->server, "/c/busy"), ==, 2);

  /* and the schedule does not pick it */
  due = accords_refresh_sync (f->store, f->linker, NULL, 0, TRUE, &f->options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpuint (server_hits (f->server, "/c/busy"), ==, 2);

  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpuint (stored->n_items, ==, 2);
  g_assert_cmpint (stored->not_before, ==, first ? ((AccordsRefreshResult *) first->pdata[0])->not_before : 0);
  g_assert_cmpint (stored->next_fetch, >=, stored->not_before);
}

static void
test_retry_after_date_503 (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/c/resting");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  AccordsRefreshResult *r;

  server_set_mode (f->server, "resting", "unavailable");
  r = refresh_one (f, sub->feed_id, &first);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_FAILED);
  g_assert_cmpuint (r->http_status, ==, 503);
  g_assert_cmpint (r->not_before, >=, now + 3600 - 5);
  g_assert_cmpint (r->not_before, <=, now + 3600 + 5);
  r = refresh_one (f, sub->feed_id, &second);
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_DEFERRED);
  g_assert_cmpuint (server_hits (f->server, "/c/resting"), ==, 2);
}

static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/c/flaky");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 previous = 0;

  /* Each failure in a row doubles the wait of the schedule, up to a day */
  f->options.interval_minutes = 60;
  server_set_mode (f->server, "flaky", "error");
  for (guint i = 1; i <= 7; i++)
    {
      g_autoptr(GPtrArray) keep = NULL;
      g_autoptr(AccordsSubscription) stored = NULL;
      gint64 expected = MIN ((gint64) 3600 << (i - 1), 24 * 3600);

      refresh_one (f, sub->feed_id, &keep);
      stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
      g_assert_cmpuint (stored->failures, ==, i);
      g_assert_cmpint (stored->next_fetch - now, >=, expected - 5);
      g_assert_cmpint (stored->next_fetch - now, <=, expected + 5);
      g_assert_cmpint (stored->next_fetch, >=, previous);
      g_assert_cmpint (stored->not_before, ==, 0);   /* an error, not a request to wait */
      previous = stored->next_fetch;
    }
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, "/slow");
  gint64 start = g_get_monotonic_time ();
  AccordsSubscribeResult *none;

  f->options.timeout_seconds = 1;
  none = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2900 * 1000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 0);
}

static void
test_oversized (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_of (f, "/huge");
  AccordsSubscribeResult *none;

  f->options.max_bytes = 64 * 1024;
  none = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 0);

  /* Under a cap it fits, it is read */
  f->options.max_bytes = 1024 * 1024;
  {
    g_autoptr(AccordsSubscribeResult) ok = subscribe_ok (f, "/huge");
    g_assert_cmpuint (ok->n_new, ==, 2);
  }
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = subscribe_ok (f, "/gz");

  g_assert_cmpuint (sub->n_new, ==, 2);
  g_assert_cmpstr (sub->title, ==, "Channel gz");
  g_assert_nonnull (strstr (f->server->accept_encoding, "gzip"));
}

static void
test_discovery (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) one = subscribe_ok (f, "/page-one.html");
  g_autoptr(AccordsSubscribeResult) two = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *paged = url_of (f, "/c/paged");
  g_autofree char *news = url_of (f, "/c/news");
  g_autofree char *comments = url_of (f, "/c/comments");
  g_autofree char *none_url = url_of (f, "/page-none.html");
  AccordsSubscribeResult *none;
  AccordsFeedLink *link;

  /* One feed named: subscribed to, relative link resolved */
  g_assert_cmpint (one->feed_id, >, 0);
  g_assert_cmpstr (one->url, ==, paged);
  g_assert_cmpuint (one->n_new, ==, 2);

  /* Several: the choice, and nothing stored */
  two = subscribe_ok (f, "/page-two.html");
  g_assert_cmpint (two->feed_id, ==, 0);
  g_assert_nonnull (two->candidates);
  g_assert_cmpuint (two->candidates->len, ==, 2);
  link = two->candidates->pdata[0];
  g_assert_cmpstr (link->url, ==, news);
  g_assert_cmpstr (link->title, ==, "News");
  g_assert_cmpstr (link->type, ==, "application/rss+xml");
  link = two->candidates->pdata[1];
  g_assert_cmpstr (link->url, ==, comments);
  g_assert_cmpstr (link->type, ==, "application/atom+xml");
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 1);

  /* None: an error */
  none = accords_subscribe_sync (f->store, f->linker, none_url, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
}

static void
test_schemes (Fixture       *f,
              gconstpointer  data)
{
  const char * const refused[] = {
    "file:///etc/passwd", "data:application/rss+xml,<rss/>", "ftp://127.0.0.1/feed.xml",
    "javascript:alert(1)", "feed.xml", "http:///nohost",
  };
  g_autofree char *to_file = url_of (f, "/to-file");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      AccordsSubscribeResult *none = accords_subscribe_sync (f->store, f->linker, refused[i], &f->options, NULL, &error);

      g_assert_null (none);
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    AccordsSubscribeResult *none = accords_subscribe_sync (f->store, f->linker, to_file, &f->options, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "file:///etc/passwd"));
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 0);
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *cert_path = g_test_build_filename (G_TEST_DIST, "data", "tls", "cert.pem", NULL);
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/c/secure", f->server->tls_port);
  g_autofree char *down = g_strdup_printf ("https://127.0.0.1:%u/c/down", f->server->tls_port);
  g_autofree char *up = NULL;
  g_autoptr(GTlsDatabase) trusted = NULL;
  g_autoptr(GError) error = NULL;
  AccordsSubscribeResult *none;

  /* A certificate the system does not trust is refused, never accepted */
  none = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_TLS_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 0);

  /* Trusted, it works */
  trusted = g_tls_file_database_new (cert_path, &error);
  g_assert_no_error (error);
  f->options.tls_database = trusted;
  {
    g_autoptr(AccordsSubscribeResult) ok = accords_subscribe_sync (f->store, f->linker, url, &f->options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ok->n_new, ==, 2);
  }

  /* but https is never downgraded to http */
  server_set_mode (f->server, "down", "to-http:plain");
  none = accords_subscribe_sync (f->store, f->linker, down, &f->options, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "https to http"));
  g_assert_cmpuint (server_hits (f->server, "/c/plain"), ==, 0);
  g_clear_error (&error);

  /* while http is upgraded: the redirect is followed, and a permanent one stored */
  up = url_of (f, "/c/upgraded");
  {
    g_autofree char *target = g_strdup_printf ("https://127.0.0.1:%u/c/upgraded-secure", f->server->tls_port);
    g_autofree char *mode = g_strdup_printf ("moved-to:%s", target);
    g_autoptr(AccordsSubscribeResult) ok = NULL;

    server_set_mode (f->server, "upgraded", mode);
    ok = accords_subscribe_sync (f->store, f->linker, up, &f->options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ok->url, ==, target);
  }
  f->options.tls_database = NULL;
}

static void
test_ttl (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) sub = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  g_autoptr(GPtrArray) due = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* A ttl longer than the interval is what the schedule waits */
  f->options.interval_minutes = 1;
  sub = subscribe_ok (f, "/c/slow-news");
  stored = accords_store_load_subscription (f->store, sub->feed_id, NULL);
  g_assert_cmpuint (stored->ttl, ==, 5);
  g_assert_cmpint (stored->next_fetch, >=, now + 5 * 60 - 2);
  g_assert_cmpint (stored->next_fetch, <=, now + 5 * 60 + 5);
  due = accords_refresh_sync (f->store, f->linker, NULL, 0, TRUE, &f->options, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpuint (server_hits (f->server, "/c/slow-news"), ==, 1);
}

static char *
write_snapshot (Fixture    *f,
                const char *file_name,
                const char *channel,
                guint       version)
{
  g_autofree char *rss = make_rss (channel, version, 0);
  char *path = g_build_filename (f->dir, file_name, NULL);

  g_assert_true (g_file_set_contents (path, rss, -1, NULL));
  return path;
}

static gint64
import_path (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_importer_import_file_full (f->store, f->linker, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_no_error (result->error);
  return result->feed_id;
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *monday = write_snapshot (f, "monday.xml", "daily", 1);
  g_autofree char *tuesday = write_snapshot (f, "tuesday-copy.rss", "daily", 2);
  g_autofree char *other = write_snapshot (f, "other.xml", "weekly", 1);
  g_autoptr(AccordsSubscribeResult) sub = NULL;
  g_autoptr(AccordsSubscription) stored = NULL;
  g_autofree char *url = url_of (f, "/c/daily");
  gint64 first, second, third;

  /* Two snapshots of one channel under other names are one feed */
  first = import_path (f, monday);
  second = import_path (f, tuesday);
  third = import_path (f, other);
  g_assert_cmpint (first, ==, second);
  g_assert_cmpint (third, !=, first);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM item WHERE feed_id = (SELECT id FROM feed WHERE url LIKE '%monday.xml')", NULL),
                   ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM item WHERE guid = ?", "daily-1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM item WHERE title = ?", "First story (updated)"), ==, 1);

  /* The same channel subscribed to later is that feed, now live at the URL */
  sub = subscribe_ok (f, "/c/daily");
  g_assert_cmpint (sub->feed_id, ==, first);
  g_assert_false (sub->created);
  g_assert_cmpuint (sub->n_new, ==, 0);
  stored = accords_store_load_subscription (f->store, first, NULL);
  g_assert_cmpstr (stored->url, ==, url);
  g_assert_true (stored->subscribed);
  g_assert_cmpuint (stored->n_items, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed", NULL), ==, 2);

  /* and a file import after it lands in the subscription */
  g_assert_cmpint (import_path (f, monday), ==, first);
}

static void
test_identity_rules (void)
{
  const char *rss_self = "<rss><channel><title> A  title </title><link>http://Example.org/</link>"
                         "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" "
                         "href=\"HTTPS://Feeds.Example.org:443/a.xml#top\"/><ttl>90</ttl><item><title>x</title></item>"
                         "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" href=\"http://late/\"/>"
                         "</channel></rss>";
  const char *rss_site = "<rss><channel><title>A title</title><link>http://example.org/</link></channel></rss>";
  const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                     "<link href=\"http://site.example/\"/>"
                     "<link rel=\"http://www.iana.org/assignments/relation/self\" href=\"/atom.xml\"/></feed>";
  const char *bare = "<rss><channel><title>Only a title</title></channel></rss>";
  g_autoptr(AccordsChannelHead) a = accords_channel_read_head (rss_self, strlen (rss_self), NULL);
  g_autoptr(AccordsChannelHead) b = accords_channel_read_head (rss_site, strlen (rss_site), NULL);
  g_autoptr(AccordsChannelHead) c = accords_channel_read_head (atom, strlen (atom), "http://site.example/feeds/");
  g_autoptr(AccordsChannelHead) d = accords_channel_read_head (bare, strlen (bare), NULL);
  g_autofree char *ia = accords_channel_identity (a);
  g_autofree char *ib = accords_channel_identity (b);
  g_autofree char *ic = accords_channel_identity (c);
  g_autofree char *id = accords_channel_identity (d);

  g_assert_cmpstr (a->title, ==, "A title");
  g_assert_cmpuint (a->ttl, ==, 90);
  g_assert_cmpstr (ia, ==, "self:feeds.example.org/a.xml");
  g_assert_cmpstr (ib, ==, "site:example.org/\nA title");
  g_assert_cmpstr (ic, ==, "self:site.example/atom.xml");
  g_assert_cmpstr (c->link, ==, "http://site.example/");
  g_assert_null (id);
  g_assert_null (accords_channel_read_head ("<html/>", 7, NULL));
}

static void
test_opml (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *url = url_of (f, "/c/listed");
  g_autofree char *opml = g_strdup_printf ("<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>Mine</title></head>"
                                           "<body><outline text=\"Listed &amp; kept\" xmlUrl=\"%s\"/></body></opml>", url);
  g_autofree char *path = g_build_filename (f->dir, "list.opml", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  AccordsRefreshResult *r;

  g_assert_true (g_file_set_contents (path, opml, -1, NULL));
  import_path (f, path);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed WHERE subscribed = 1 AND url = ?", url), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed WHERE title = ?", "Listed & kept"), ==, 1);
  g_assert_cmpuint (server_hits (f->server, "/c/listed"), ==, 0);

  /* Live: the next refresh fetches it */
  results = accords_refresh_sync (f->store, f->linker, NULL, 0, TRUE, &f->options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  r = results->pdata[0];
  g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_STORED);
  g_assert_cmpuint (r->n_new, ==, 2);

  exported = accords_subscriptions_to_opml (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, url));
  g_assert_nonnull (strstr (exported, "text=\"Channel listed\""));
  g_assert_nonnull (strstr (exported, "htmlUrl=\"http://news.example.org/listed/\""));
}

/* A database of version 7 kept the http feeds of OPML imports unsubscribed:
 * the upgrade makes them live */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = g_strdup (accords_store_get_path (f->store));
  g_autofree char *url = url_of (f, "/c/kept-by-opml");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_store_exec (f->store, "DROP TABLE feed_state; PRAGMA user_version = 7", &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = accords_store_prepare (f->store, "INSERT INTO feed (url, kind, title) VALUES (?, 'url', 'Kept')",
                                                &error);
    accords_stmt_bind_text (stmt, 1, url);
    g_assert_true (accords_store_step_done (f->store, stmt, &error));
  }
  g_clear_object (&f->linker);
  accords_test_wait_for_last_ref (f->context);
  g_assert_finalize_object (f->context);

  f->context = accords_context_new_full (db, ACCORDS_CONTEXT_NO_SEED, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  f->linker = accords_import_new_linker (f->store, accords_context_get_iso_codes (f->context), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM feed WHERE subscribed = 1 AND url = ?", url), ==, 1);

  results = accords_refresh_sync (f->store, f->linker, NULL, 0, TRUE, &f->options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((AccordsRefreshResult *) results->pdata[0])->outcome, ==, ACCORDS_REFRESH_STORED);
  g_assert_cmpuint (((AccordsRefreshResult *) results->pdata[0])->n_new, ==, 2);
}

static void
test_rename_remove (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) kept = subscribe_ok (f, "/c/kept");
  g_autoptr(AccordsSubscribeResult) dropped = subscribe_ok (f, "/c/dropped");
  g_autoptr(AccordsSubscription) sub = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_store_rename_feed (f->store, kept->feed_id, "My name", &error));
  g_assert_no_error (error);
  server_set_version (f->server, "kept", 2);
  refresh_one (f, kept->feed_id, &keep);
  sub = accords_store_load_subscription (f->store, kept->feed_id, NULL);
  g_assert_cmpstr (sub->title, ==, "My name");
  g_clear_pointer (&sub, accords_subscription_free);

  g_assert_true (accords_store_remove_feed (f->store, kept->feed_id, TRUE, &error));
  g_assert_true (accords_store_remove_feed (f->store, dropped->feed_id, FALSE, &error));
  g_assert_no_error (error);
  sub = accords_store_load_subscription (f->store, kept->feed_id, NULL);
  g_assert_false (sub->subscribed);
  g_assert_cmpuint (sub->n_items, ==, 3);
  g_assert_null (accords_store_load_subscription (f->store, dropped->feed_id, NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM item", NULL), ==, 3);
  subs = accords_store_list_subscriptions (f->store, TRUE, NULL);
  g_assert_cmpuint (subs->len, ==, 0);
  g_assert_false (accords_store_remove_feed (f->store, dropped->feed_id, FALSE, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

typedef struct {
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
  guint      n_progress;
  guint      n_changed;
} AsyncWait;

static void
progress_cb (guint n_done, guint n_total, const char *url, gpointer user_data)
{
  AsyncWait *w = user_data;

  g_assert_cmpuint (n_done, <=, n_total);
  w->n_progress++;
}

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncWait *w = user_data;

  w->results = accords_refresh_finish (ACCORDS_CONTEXT (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
changed_cb (AccordsStore *store, guint what, gpointer user_data)
{
  AsyncWait *w = user_data;
  w->n_changed++;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AccordsSubscribeResult) a = subscribe_ok (f, "/c/a");
  g_autoptr(AccordsSubscribeResult) b = subscribe_ok (f, "/c/b");
  g_autoptr(AccordsSubscribeResult) c = subscribe_ok (f, "/c/c");
  AsyncWait w = { 0 };
  gulong handler;

  server_set_version (f->server, "b", 2);
  server_set_mode (f->server, "c", "error");
  w.loop = g_main_loop_new (NULL, FALSE);
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &w);
  f->options.max_parallel = 2;
  accords_refresh_async (f->context, NULL, 0, FALSE, &f->options, progress_cb, &w, NULL, NULL, refreshed_cb, &w);
  g_main_loop_run (w.loop);
  g_signal_handler_disconnect (f->store, handler);

  g_assert_no_error (w.error);
  g_assert_cmpuint (w.results->len, ==, 3);
  g_assert_cmpuint (w.n_progress, ==, 3);
  g_assert_cmpuint (w.n_changed, ==, 1);
  for (guint i = 0; i < w.results->len; i++)
    {
      AccordsRefreshResult *r = w.results->pdata[i];

      if (r->feed_id == a->feed_id)
        g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_NOT_MODIFIED);
      else if (r->feed_id == b->feed_id)
        g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_STORED);
      else
        g_assert_cmpint (r->outcome, ==, ACCORDS_REFRESH_FAILED);
    }
  g_ptr_array_unref (w.results);
  g_main_loop_unref (w.loop);
}

static void
test_discover_rules (void)
{
  const char *html = "<html><head><base href=\"http://example.org/news/\">"
                     "<link rel=\"Alternate feed\" type=\"application/atom+xml\" href=\"atom.xml\" title=\"Atom\">"
                     "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
                     "<link rel=\"alternate stylesheet\" type=\"text/css\" href=\"x.css\">"
                     "<LINK REL=alternate TYPE=\"application/rss+xml; charset=utf-8\" HREF=\"//cdn.example.org/rss\">"
                     "</head><body><link rel=\"alternate\" type=\"application/rss+xml\" href=\"file:///etc/passwd\">"
                     "</body></html>";
  g_autoptr(GPtrArray) links = accords_feed_discover (html, strlen (html), "http://example.org/");

  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((AccordsFeedLink *) links->pdata[0])->url, ==, "http://example.org/news/atom.xml");
  g_assert_cmpstr (((AccordsFeedLink *) links->pdata[1])->url, ==, "http://cdn.example.org/rss");
}

static void
add (const char *name,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/subscribe/ok-200", test_ok_200);
  add ("/subscribe/not-modified-304-etag", test_not_modified_304);
  add ("/subscribe/feed-changes-between-refreshes", test_changing_feed);
  add ("/subscribe/redirect-301-permanent", test_redirect_301);
  add ("/subscribe/redirect-302-temporary", test_redirect_302);
  add ("/subscribe/not-found-404", test_not_found_404);
  add ("/subscribe/server-error-500", test_server_error_500);
  add ("/subscribe/retry-after-429", test_retry_after_429);
  add ("/subscribe/retry-after-date-503", test_retry_after_date_503);
  add ("/subscribe/backoff", test_backoff);
  add ("/subscribe/slow-server-timeout", test_timeout);
  add ("/subscribe/oversized-body", test_oversized);
  add ("/subscribe/gzip", test_gzip);
  add ("/subscribe/discovery-from-html", test_discovery);
  add ("/subscribe/schemes-refused", test_schemes);
  add ("/subscribe/tls-verified-never-downgraded", test_tls);
  add ("/subscribe/ttl", test_ttl);
  add ("/subscribe/identity-is-the-channel", test_identity);
  add ("/subscribe/opml-live-and-export", test_opml);
  add ("/subscribe/rename-and-remove", test_rename_remove);
  add ("/subscribe/migration-makes-opml-feeds-live", test_migration);
  add ("/subscribe/refresh-async", test_async);
  g_test_add_func ("/subscribe/channel-identity-rules", test_identity_rules);
  g_test_add_func ("/subscribe/discovery-rules", test_discover_rules);
  return g_test_run ();
}
