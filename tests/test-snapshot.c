/* test-snapshot.c: the article extractor on files, then fetched from 127.0.0.1 */
#define G_LOG_DOMAIN "test-snapshot"

#include "config.h"

#include <string.h>

#include "accords-article-extract.h"
#include "accords-cite-record.h"
#include "accords-error.h"
#include "accords-snapshot-store.h"
#include "accords-snapshot.h"
#include "accords-test-util.h"

static AccordsArticle *
extract_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "snapshot", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  AccordsArticle *article;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  article = accords_article_extract (contents, length, "https://news.example/a", &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static const char *const article_paragraphs =
  "Rwanda is in early talks with the United States about receiving people deported from American soil, "
  "the foreign minister said on Tuesday, confirming reports that had circulated for weeks.\n\n"
  "The minister, speaking in Kigali, said the discussions were at an early stage, that no agreement had "
  "been signed, and that any deal would have to respect Rwanda's laws and its international obligations.\n\n"
  "Rights groups have criticised similar arrangements, pointing to the United Kingdom's abandoned plan, "
  "which was blocked by the courts, debated in parliament and finally scrapped in 2024.\n\n"
  "Officials in Washington declined to comment on the details, saying only that the administration was "
  "\"exploring options\" with several countries.";

static void
check_article (AccordsArticle *article)
{
  g_assert_cmpstr (article->title, ==, "Rwanda in talks with U.S. over deportation deal");
  g_assert_cmpstr (article->publisher, ==, "The Kigali Ledger");
  g_assert_cmpstr (article->byline, ==, "Jane Mukamana");
  g_assert_cmpstr (article->published, ==, "2025-05-06T08:30:00Z");
  g_assert_false (article->paywalled);
  g_assert_cmpstr (article->text, ==, article_paragraphs);
}

static void
test_extract_boilerplate (void)
{
  g_autoptr(AccordsArticle) article = extract_file ("article.html");

  check_article (article);
  g_assert_null (strstr (article->text, "terrible idea"));
  g_assert_null (strstr (article->text, "Most read"));
  g_assert_null (strstr (article->text, "Copyright"));
  g_assert_null (strstr (article->text, "tracker"));
  g_assert_null (strstr (article->text, "Share on"));
  g_assert_null (strstr (article->text, "Advertisement"));
  g_assert_null (strstr (article->text, "where the talks were confirmed"));
}

static const char *const paywall_paragraphs =
  "When Italy and Libya renewed their memorandum of understanding, few outside the two governments had "
  "read it, and fewer still knew what it would cost.\n\n"
  "Our reporters spent six months tracing the money, the boats and the detention centres that the accord pays for.";

static void
check_paywall (AccordsArticle *article)
{
  g_assert_cmpstr (article->title, ==, "Inside the Libya migration accord");
  g_assert_cmpstr (article->publisher, ==, "Harbour Times");
  g_assert_cmpstr (article->byline, ==, "Marco Rossi");
  g_assert_cmpstr (article->published, ==, "2024-11-20");
  g_assert_true (article->paywalled);
  g_assert_cmpstr (article->text, ==, paywall_paragraphs);
}

static void
test_extract_paywall (void)
{
  g_autoptr(AccordsArticle) article = extract_file ("paywall.html");

  check_paywall (article);
}

static const char *const jsonld_paragraphs =
  "Niger's ruling junta has repealed the 2015 law that criminalised the transport of migrants, a law the "
  "European Union had encouraged, funded and praised.\n\n"
  "The repeal, announced by decree, ends prosecutions under the law and, according to the decree, annuls "
  "the convictions handed down under it.\n\n"
  "Short line.";

static void
check_jsonld (AccordsArticle *article)
{
  g_assert_cmpstr (article->title, ==, "Niger ends its 2015 migration law");
  g_assert_cmpstr (article->publisher, ==, "Gazette of the Sahel");
  g_assert_cmpstr (article->byline, ==, "Aminata Diallo, Paul Martin");
  g_assert_cmpstr (article->published, ==, "2023-11-27T14:05:00+01:00");
  g_assert_false (article->paywalled);
  g_assert_cmpstr (article->text, ==, jsonld_paragraphs);
}

static void
test_extract_jsonld (void)
{
  g_autoptr(AccordsArticle) article = extract_file ("jsonld.html");

  check_jsonld (article);
}

static void
test_extract_title_suffix (void)
{
  const char *page = "<html><head><title>Talks resume - Daily Post</title>"
                     "<meta property=\"og:site_name\" content=\"Daily Post\"></head>"
                     "<body><p>Nothing here is long enough to count.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsArticle) article = accords_article_extract (page, strlen (page), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article->title, ==, "Talks resume");
  g_assert_cmpstr (article->publisher, ==, "Daily Post");
  g_assert_null (article->byline);
  g_assert_null (article->published);
  g_assert_cmpstr (article->text, ==, "Nothing here is long enough to count.");
}

static void
test_extract_empty (void)
{
  g_autoptr(GError) error = NULL;
  AccordsArticle *article = accords_article_extract ("", 0, NULL, &error);

  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_null (article);
}

/* Kept in the database, and dated in citations */

static void
test_store_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accords-snapshot-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "accords.db", NULL);
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsSnapshot) loaded = NULL;
  g_autoptr(AccordsCiteRecord) record = NULL;
  AccordsSnapshot older = { 0 }, newer = { 0 };

  g_assert_no_error (error);
  store = accords_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_exec (store,
                                     "INSERT INTO feed (id, url, title) VALUES (1, 'https://news.example/feed', 'Ledger');"
                                     "INSERT INTO item (id, feed_id, key, title, link, published)"
                                     " VALUES (7, 1, 'k', 'Talks', 'https://news.example/a', '2025-05-06T08:30:00Z');",
                                     &error));
  g_assert_no_error (error);

  loaded = accords_snapshot_load_latest (store, 7, 0, &error);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);
  record = accords_cite_record_load (store, ACCORDS_CITATION_ITEM, 7, &error);
  g_assert_no_error (error);
  g_assert_null (record->archived);
  g_clear_pointer (&record, accords_cite_record_free);

  older.url = older.final_url = (char *) "https://news.example/a";
  older.fetched_at = 1746518400;  /* 2025-05-06 08:00 UTC */
  older.content_hash = (char *) "00";
  older.article = extract_file ("paywall.html");
  newer = older;
  newer.final_url = (char *) "https://news.example/a?moved";
  newer.fetched_at = 1746691200;  /* 2025-05-08 08:00 UTC */
  newer.content_hash = (char *) "ff";
  newer.article = extract_file ("article.html");
  g_assert_true (accords_snapshot_save (store, 7, 0, &older, &error));
  g_assert_no_error (error);
  g_assert_true (accords_snapshot_save (store, 7, 0, &newer, &error));
  g_assert_no_error (error);

  loaded = accords_snapshot_load_latest (store, 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->url, ==, "https://news.example/a");
  g_assert_cmpstr (loaded->final_url, ==, "https://news.example/a?moved");
  g_assert_cmpint (loaded->fetched_at, ==, 1746691200);
  g_assert_cmpstr (loaded->content_hash, ==, "ff");
  check_article (loaded->article);

  record = accords_cite_record_load (store, ACCORDS_CITATION_ITEM, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->archived, ==, "2025-05-08");

  accords_article_free (older.article);
  accords_article_free (newer.article);
  g_clear_object (&store);
  accords_test_remove_dir (dir);
}

/* A page server on 127.0.0.1, in a thread of its own */

typedef struct {
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  guint         port;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
} Server;

static void
serve_file (SoupServerMessage *msg,
            const char        *name,
            const char        *content_type)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "snapshot", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, contents, length);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  if (strcmp (path, "/article") == 0)
    serve_file (msg, "article.html", "text/html; charset=utf-8");
  else if (strcmp (path, "/paywall") == 0)
    serve_file (msg, "paywall.html", "text/html");
  else if (strcmp (path, "/json-ld") == 0)
    serve_file (msg, "jsonld.html", "application/xhtml+xml");
  else if (strcmp (path, "/plain") == 0)
    serve_file (msg, "plain.txt", "text/plain; charset=utf-8");
  else if (strcmp (path, "/moved") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_MOVED_PERMANENTLY, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", "/json-ld");
    }
  else if (strcmp (path, "/huge") == 0)
    {
      g_autoptr(GString) page = g_string_new ("<html><head><title>Huge</title></head><body>");

      while (page->len < 512 * 1024)
        g_string_append (page, "<p>A paragraph of filler text, long enough to count as one, repeated.</p>\n");
      g_string_append (page, "</body></html>");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, page->str, page->len);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
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
  s->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&s->lock);
  s->ready = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);

  g_main_loop_run (s->loop);
  soup_server_disconnect (s->server);
  g_clear_object (&s->server);
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
  s->thread = g_thread_new ("test-server", server_thread, s);
  g_mutex_lock (&s->lock);
  while (!s->ready)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);
  return s;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *s)
{
  /* Through the server's context: a quit before its loop runs would be lost */
  g_main_context_invoke (s->context, quit_cb, s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s);
}

typedef struct {
  Server              *server;
  SoupSession         *session;
  AccordsFetchOptions  options;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = server_start ();
  f->options.timeout_seconds = 10;
  f->session = accords_fetch_new_session (&f->options);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  server_stop (f->server);
}

static char *
url_of (Fixture    *f,
        const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", f->server->port, path);
}

static AccordsSnapshot *
snapshot_ok (Fixture    *f,
             const char *path)
{
  g_autofree char *url = url_of (f, path);
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  AccordsSnapshot *snapshot = accords_snapshot_fetch (f->session, url, &f->options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpstr (snapshot->url, ==, url);
  g_assert_cmpint (snapshot->fetched_at, >=, before);
  g_assert_cmpint (snapshot->fetched_at, <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpuint (strlen (snapshot->content_hash), ==, 64);
  return snapshot;
}

static void
test_fetch_article (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsSnapshot) snapshot = snapshot_ok (f, "/article");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "snapshot", "article.html", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *hash = NULL;

  check_article (snapshot->article);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (snapshot->content_hash, ==, hash);
  g_assert_cmpstr (snapshot->final_url, ==, snapshot->url);
}

static void
test_fetch_paywall (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsSnapshot) snapshot = snapshot_ok (f, "/paywall");

  check_paywall (snapshot->article);
}

static void
test_fetch_jsonld (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordsSnapshot) snapshot = snapshot_ok (f, "/json-ld");

  check_jsonld (snapshot->article);
}

static void
test_fetch_redirect (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordsSnapshot) snapshot = snapshot_ok (f, "/moved");
  g_autofree char *target = url_of (f, "/json-ld");

  g_assert_cmpstr (snapshot->final_url, ==, target);
  check_jsonld (snapshot->article);
}

static void
test_fetch_not_found (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = url_of (f, "/gone");
  g_autoptr(GError) error = NULL;
  AccordsSnapshot *snapshot = accords_snapshot_fetch (f->session, url, &f->options, NULL, &error);

  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_null (snapshot);
}

static void
test_fetch_not_html (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *url = url_of (f, "/plain");
  g_autoptr(GError) error = NULL;
  AccordsSnapshot *snapshot = accords_snapshot_fetch (f->session, url, &f->options, NULL, &error);

  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "text/plain"));
  g_assert_null (snapshot);
}

static void
test_fetch_huge (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = url_of (f, "/huge");
  g_autoptr(GError) error = NULL;
  AccordsSnapshot *snapshot;

  f->options.max_bytes = 64 * 1024;
  snapshot = accords_snapshot_fetch (f->session, url, &f->options, NULL, &error);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_assert_null (snapshot);

  /* Under a cap that fits, the same page is kept whole */
  f->options.max_bytes = 1024 * 1024;
  {
    g_autoptr(AccordsSnapshot) whole = snapshot_ok (f, "/huge");

    g_assert_cmpstr (whole->article->title, ==, "Huge");
    g_assert_true (g_str_has_prefix (whole->article->text,
                                     "A paragraph of filler text, long enough to count as one, repeated.\n\n"));
  }
}

static void
test_fetch_scheme (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordsSnapshot *snapshot = accords_snapshot_fetch (f->session, "file:///etc/passwd", &f->options, NULL, &error);

  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_null (snapshot);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AccordsSnapshot **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = accords_snapshot_fetch_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_fetch_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = url_of (f, "/paywall");
  g_autoptr(AccordsSnapshot) snapshot = NULL;

  accords_snapshot_fetch_async (url, &f->options, NULL, fetched_cb, &snapshot);
  while (snapshot == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_paywall (snapshot->article);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snapshot/extract/boilerplate", test_extract_boilerplate);
  g_test_add_func ("/snapshot/extract/paywall", test_extract_paywall);
  g_test_add_func ("/snapshot/extract/json-ld", test_extract_jsonld);
  g_test_add_func ("/snapshot/extract/title-suffix", test_extract_title_suffix);
  g_test_add_func ("/snapshot/extract/empty", test_extract_empty);
  g_test_add_func ("/snapshot/store/round-trip", test_store_round_trip);
  g_test_add ("/snapshot/fetch/article", Fixture, NULL, fixture_set_up, test_fetch_article, fixture_tear_down);
  g_test_add ("/snapshot/fetch/paywall", Fixture, NULL, fixture_set_up, test_fetch_paywall, fixture_tear_down);
  g_test_add ("/snapshot/fetch/json-ld", Fixture, NULL, fixture_set_up, test_fetch_jsonld, fixture_tear_down);
  g_test_add ("/snapshot/fetch/redirect", Fixture, NULL, fixture_set_up, test_fetch_redirect, fixture_tear_down);
  g_test_add ("/snapshot/fetch/not-found", Fixture, NULL, fixture_set_up, test_fetch_not_found, fixture_tear_down);
  g_test_add ("/snapshot/fetch/not-html", Fixture, NULL, fixture_set_up, test_fetch_not_html, fixture_tear_down);
  g_test_add ("/snapshot/fetch/huge", Fixture, NULL, fixture_set_up, test_fetch_huge, fixture_tear_down);
  g_test_add ("/snapshot/fetch/scheme", Fixture, NULL, fixture_set_up, test_fetch_scheme, fixture_tear_down);
  g_test_add ("/snapshot/fetch/async", Fixture, NULL, fixture_set_up, test_fetch_async, fixture_tear_down);

  return g_test_run ();
}
