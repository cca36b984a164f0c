/* test-feed-parser.c: each feed format, and hostile files that must not hurt */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "accords-error.h"
#include "accords-feed-parser.h"
#include "accords-test-feed.h"

typedef struct {
  AccordsFeedInfo *info;
  GPtrArray       *entries;
  GError          *error;
  goffset          first_entry_position;
} Parsed;

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->info, accords_feed_info_free);
  g_clear_pointer (&p->entries, g_ptr_array_unref);
  g_clear_error (&p->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

typedef struct {
  GPtrArray *entries;
  GSeekable *seekable;
  goffset    first_entry_position;
} Collector;

static gboolean
collect_cb (AccordsFeedEntry  *entry,
            gpointer           user_data,
            GError           **error)
{
  Collector *c = user_data;

  if (c->entries->len == 0 && c->seekable != NULL)
    c->first_entry_position = g_seekable_tell (c->seekable);
  g_ptr_array_add (c->entries, entry);
  return TRUE;
}

static void
parse_path (const char *path,
            Parsed     *out)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &out->error);
  Collector c = { 0 };

  g_assert_no_error (out->error);
  c.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_entry_free);
  c.seekable = G_SEEKABLE (stream);
  c.first_entry_position = -1;
  out->info = accords_feed_parse (G_INPUT_STREAM (stream), NULL, collect_cb, &c, NULL, &out->error);
  out->entries = c.entries;
  out->first_entry_position = c.first_entry_position;
  if (out->info != NULL)
    {
      const char *fields[] = { out->info->format, out->info->title, out->info->link,
                               out->info->subtitle, out->info->language };

      g_assert_no_error (out->error);
      g_assert_true (out->info->bozo_message == NULL || g_utf8_validate (out->info->bozo_message, -1, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_assert_true (fields[i] != NULL && g_utf8_validate (fields[i], -1, NULL));
      g_assert_cmpuint (out->info->n_items, ==, out->entries->len);
      for (guint i = 0; i < out->entries->len; i++)
        accords_test_feed_assert_valid_entry (out->entries->pdata[i]);
    }
  else
    {
      g_assert_nonnull (out->error);
      g_assert_true (g_utf8_validate (out->error->message, -1, NULL));
    }
}

static void
parse_data (const char *name,
            Parsed     *out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  parse_path (path, out);
}

static AccordsFeedEntry *
entry (Parsed *p,
       guint   i)
{
  g_assert_cmpuint (i, <, p->entries->len);
  return p->entries->pdata[i];
}

static void
test_rss20 (void)
{
  g_auto(Parsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("rss20.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_false (p.info->bozo);
  g_assert_cmpstr (p.info->format, ==, "rss20");
  g_assert_cmpstr (p.info->title, ==, "Migration & Asylum Desk");   /* not the image's title */
  g_assert_cmpstr (p.info->link, ==, "https://news.example.org/");
  g_assert_cmpstr (p.info->subtitle, ==, "Agreements between states, as they happen");
  g_assert_cmpstr (p.info->language, ==, "en-gb");
  g_assert_cmpstr (p.info->updated, ==, "2024-07-06T08:30:00Z");
  g_assert_cmpuint (p.entries->len, ==, 2);

  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "urn:news:1001");
  g_assert_cmpstr (e->title, ==, "UK scraps the Rwanda asylum plan");
  /* xml:base on the channel resolves the relative link */
  g_assert_cmpstr (e->link, ==, "https://news.example.org/world/uk-rwanda-scrapped");
  g_assert_cmpstr (e->author, ==, "Jane Reporter");
  g_assert_cmpstr (e->published, ==, "2024-07-06T08:15:00Z");
  g_assert_null (e->updated);
  g_assert_cmpstr (e->summary, ==,
                   "<p>The new government <a href=\"https://news.example.org/uk/policy\">ends</a> the scheme.</p>");
  g_assert_cmpstr (e->summary_text, ==, "The new government ends the scheme.");
  g_assert_null (strstr (e->content, "onclick"));
  g_assert_null (strstr (e->content, "iframe"));
  g_assert_null (strstr (e->content, "javascript"));
  g_assert_nonnull (strstr (e->content, "<b>Migration and Economic Development Partnership</b>"));
  g_assert_cmpuint (e->categories->len, ==, 2);
  g_assert_cmpstr (e->categories->pdata[0], ==, "Rwanda");
  g_assert_cmpstr (e->categories->pdata[1], ==, "United Kingdom");
  g_assert_cmpstr (e->enclosure, ==, "https://media.example.org/audio/1001.mp3");

  /* dc: a permalink guid is the link; dc:date is the updated date */
  e = entry (&p, 1);
  g_assert_cmpstr (e->link, ==, "https://news.example.org/2024/10/gjader");
  g_assert_cmpstr (e->author, ==, "Marco Rossi");
  g_assert_cmpstr (e->updated, ==, "2024-10-16T05:00:00Z");
  g_assert_cmpstr (e->categories->pdata[0], ==, "Albania");
  g_assert_null (e->enclosure);
}

static void
test_rss091 (void)
{
  g_auto(Parsed) p = { 0 };

  parse_data ("rss091.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_cmpstr (p.info->format, ==, "rss091");
  /* The Netscape DTD is never fetched: its HTML entities are read as HTML,
   * and flagged, since XML does not define them */
  g_assert_true (p.info->bozo);
  g_assert_cmpstr (p.info->subtitle, ==, "Café talk on readmission deals");
  g_assert_cmpstr (entry (&p, 0)->title, ==, "EU – Tunisia memorandum signed");
}

static void
test_rdf (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) old = { 0 };

  parse_data ("rss10.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_false (p.info->bozo);
  g_assert_cmpstr (p.info->format, ==, "rss10");
  g_assert_cmpstr (p.info->language, ==, "en-au");
  g_assert_cmpstr (p.info->updated, ==, "2023-06-30T23:59:59Z");
  g_assert_cmpstr (entry (&p, 0)->id, ==, "http://rdf.example.com/nauru-2023");   /* rdf:about */
  g_assert_cmpstr (entry (&p, 0)->author, ==, "Alex Doe");
  g_assert_cmpstr (entry (&p, 0)->updated, ==, "2023-06-29T00:00:00Z");

  parse_data ("rss090.xml", &old);
  g_assert_nonnull (old.info);
  g_assert_cmpstr (old.info->format, ==, "rss090");
  g_assert_cmpstr (old.info->title, ==, "Old Netscape Channel");
  g_assert_cmpstr (entry (&old, 0)->link, ==, "http://old.example.com/1");
}

static void
test_atom10 (void)
{
  g_auto(Parsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("atom10.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_false (p.info->bozo);
  g_assert_cmpstr (p.info->format, ==, "atom10");
  g_assert_cmpstr (p.info->title, ==, "Deals & Deportations");     /* type="html" as text */
  g_assert_cmpstr (p.info->link, ==, "https://atom.example.org/");   /* rel=alternate, xml:base */
  g_assert_cmpstr (p.info->language, ==, "en-US");                  /* xml:lang on the root */
  g_assert_cmpstr (p.info->updated, ==, "2025-03-15T17:00:00Z");

  e = entry (&p, 0);
  g_assert_cmpstr (e->id, ==, "tag:atom.example.org,2025:cecot");
  g_assert_cmpstr (e->link, ==, "https://atom.example.org/base/cecot");
  g_assert_cmpstr (e->enclosure, ==, "https://media.atom.example.org/cecot.pdf");
  g_assert_cmpstr (e->author, ==, "Ana Pérez, Luis Gómez");
  g_assert_cmpstr (e->published, ==, "2025-03-15T08:00:00Z");
  g_assert_cmpstr (e->updated, ==, "2025-03-16T08:30:00Z");
  g_assert_cmpstr (e->summary, ==, "Detainees sent to El Salvador &lt;under&gt; the agreement.");
  g_assert_cmpstr (e->summary_text, ==, "Detainees sent to El Salvador <under> the agreement.");
  /* xhtml content: no wrapping div, links resolved against the content's xml:base */
  g_assert_cmpstr (e->content, ==,
                   "<p>The <a href=\"https://atom.example.org/other/report.html\">report</a> and "
                   "<img src=\"https://atom.example.org/other/x.png\" /> more.</p>");
  g_assert_cmpuint (e->categories->len, ==, 2);
  g_assert_cmpstr (e->categories->pdata[1], ==, "United States");

  e = entry (&p, 1);
  g_assert_cmpstr (e->content, ==, "<p>Flights arrived in San José.</p>");
  g_assert_cmpstr (e->content_text, ==, "Flights arrived in San José.");
}

static void
test_atom03 (void)
{
  g_auto(Parsed) p = { 0 };
  AccordsFeedEntry *e;

  parse_data ("atom03.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_cmpstr (p.info->format, ==, "atom03");
  g_assert_cmpstr (p.info->subtitle, ==, "Atom 0.3 feed");   /* tagline */
  g_assert_cmpstr (p.info->language, ==, "de");
  g_assert_cmpstr (p.info->updated, ==, "2004-01-01T19:48:21Z");   /* modified */
  e = entry (&p, 0);
  g_assert_cmpstr (e->title, ==, "Türkei & EU");                    /* mode="escaped" */
  g_assert_cmpstr (e->published, ==, "2004-01-01T11:00:00Z");       /* issued */
  g_assert_cmpstr (e->updated, ==, "2004-01-02T12:00:00Z");         /* modified */
  g_assert_cmpstr (e->summary, ==, "Der Deal von 2016");            /* mode="base64" */
  g_assert_cmpstr (e->content, ==, "<div>Inhalt <b>fett</b></div>");
}

static void
test_bytes (void)
{
  const char *xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(AccordsFeedInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  /* Items are not wanted: the feed record still counts them */
  info = accords_feed_parse_bytes (bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->title, ==, "t");
  g_assert_cmpuint (info->n_items, ==, 1);
}

/* ----------------------------------------------------------- hostile */

static void
test_encodings (void)
{
  struct {
    const char *file, *title, *item_title;
    gboolean bozo;
  } cases[] = {
    { "hostile/windows-1252.xml", "Quotes \u201cand\u201d \u20ac signs", "Caf\u00e9 \u2013 d\u00e9j\u00e0 vu", FALSE },
    { "hostile/iso-8859-1.xml", "Gr\u00fc\u00dfe aus M\u00fcnchen", "\u00c9migration \u00e0 Malm\u00f6", FALSE },
    { "hostile/utf-16.xml", "\u0423\u043a\u0440\u0430\u0457\u043d\u0430 \u2014 UTF-16", "\u65e5\u672c \U0001F30D", FALSE },
    /* stray bytes are read as windows-1252, an incomplete sequence too */
    { "hostile/invalid-utf8.xml", "Bad \u00ff\u00fe bytes \u00e9t\u00e9 and good \u00e9", "Truncated \u00e2\u201a sequence", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Parsed) p = { 0 };

      parse_data (cases[i].file, &p);
      g_assert_nonnull (p.info);
      g_assert_cmpstr (p.info->title, ==, cases[i].title);
      g_assert_cmpstr (entry (&p, 0)->title, ==, cases[i].item_title);
      g_assert_cmpint (p.info->bozo, ==, cases[i].bozo);
    }
}

static void
test_not_feeds (void)
{
  struct {
    const char *file, *reason;
  } cases[] = {
    { "hostile/empty.xml", "empty" },
    { "hostile/html-page.html", "HTML page" },
    { "hostile/not-xml.txt", "not XML" },
    { "hostile/other-xml.xml", "<svg>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Parsed) p = { 0 };

      parse_data (cases[i].file, &p);
      g_assert_null (p.info);
      g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
      g_test_message ("%s: %s", cases[i].file, p.error->message);
      g_assert_nonnull (strstr (p.error->message, cases[i].reason));
      g_assert_cmpuint (p.entries->len, ==, 0);
    }
}

static void
test_truncated (void)
{
  g_auto(Parsed) p = { 0 };

  parse_data ("hostile/truncated.xml", &p);
  g_assert_nonnull (p.info);
  g_assert_true (p.info->bozo);
  g_assert_cmpstr (p.info->title, ==, "Cut off");
  /* The complete items, and what was read of the one cut off */
  g_assert_cmpuint (p.entries->len, ==, 3);
  g_assert_cmpstr (entry (&p, 0)->id, ==, "cut-1");
  g_assert_cmpstr (entry (&p, 1)->id, ==, "cut-2");
  g_assert_cmpstr (entry (&p, 2)->id, ==, "cut-3");
}

static void
test_billion_laughs (void)
{
  g_auto(Parsed) p = { 0 };
  gint64 start = g_get_monotonic_time ();

  parse_data ("hostile/billion-laughs.xml", &p);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  if (p.info != NULL)
    {
      /* Recovered: flagged, and nothing expanded a billion times */
      g_assert_true (p.info->bozo);
      for (guint i = 0; i < p.entries->len; i++)
        g_assert_cmpuint (strlen (entry (&p, i)->title), <, 100000);
    }
  else
    {
      g_assert_error (p.error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED);
      g_assert_nonnull (strstr (p.error->message, "entit"));
    }
}

static void
test_external_entity_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("accords-xxe-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *feed = g_build_filename (dir, "feed.xml", NULL);
  g_autofree char *xml = NULL;
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) passwd = { 0 };

  g_assert_true (g_file_set_contents (secret, "TOP-SECRET-CONTENT", -1, NULL));
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE rss [ <!ENTITY leak SYSTEM \"file://%s\"> <!ENTITY leak2 SYSTEM \"%s\"> ]>\n"
                         "<rss version=\"2.0\"><channel><title>T &leak; &leak2;</title>"
                         "<item><title>&leak;</title><description>&leak2;</description><guid>x</guid></item>"
                         "</channel></rss>", secret, secret);
  g_assert_true (g_file_set_contents (feed, xml, -1, NULL));

  parse_path (feed, &p);
  g_assert_nonnull (p.info);
  g_assert_null (strstr (p.info->title, "TOP-SECRET"));
  for (guint i = 0; i < p.entries->len; i++)
    {
      AccordsFeedEntry *e = entry (&p, i);
      g_assert_null (strstr (e->title, "TOP-SECRET"));
      g_assert_null (strstr (e->summary, "TOP-SECRET"));
      g_assert_null (strstr (e->summary_text, "TOP-SECRET"));
    }

  parse_data ("hostile/xxe-file.xml", &passwd);
  g_assert_nonnull (passwd.info);
  g_assert_null (strstr (entry (&passwd, 0)->title, "root:"));
  g_assert_null (strstr (entry (&passwd, 0)->summary, "root:"));

  g_unlink (secret);
  g_unlink (feed);
  g_rmdir (dir);
}

/* A listener on the loopback that nothing may connect to */
static GSocket *
listen_loopback (guint16 *port)
{
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  g_socket_set_blocking (socket, FALSE);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
assert_never_connected (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

  g_assert_null (client);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
parse_template_with_port (const char *template_name,
                          guint16     port,
                          Parsed     *out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", template_name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autoptr(GString) xml = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  xml = g_string_new (contents);
  g_string_replace (xml, "@PORT@", port_text, 0);
  fd = g_file_open_tmp ("accords-net-XXXXXX.xml", &tmp, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (tmp, xml->str, xml->len, NULL));
  parse_path (tmp, out);
  g_unlink (tmp);
}

static void
test_network_entities (void)
{
  guint16 port;
  g_autoptr(GSocket) socket = listen_loopback (&port);
  g_auto(Parsed) entity = { 0 };
  g_auto(Parsed) dtd = { 0 };

  parse_template_with_port ("hostile/xxe-http.xml.in", port, &entity);
  g_assert_nonnull (entity.info);
  g_assert_cmpstr (entity.info->title, ==, "Network entity");
  assert_never_connected (socket);

  parse_template_with_port ("hostile/dtd-network.xml.in", port, &dtd);
  g_assert_nonnull (dtd.info);
  g_assert_cmpstr (dtd.info->title, ==, "Network DTD");
  g_assert_true (g_str_has_prefix (entry (&dtd, 0)->title, "Café"));
  assert_never_connected (socket);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>Deep</title>"
                                         "<item><title>Before</title><guid>d-1</guid></item><item><description>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AccordsFeedInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (int i = 0; i < 200000; i++)
    g_string_append (xml, "<x>");
  g_string_append (xml, "core");
  for (int i = 0; i < 200000; i++)
    g_string_append (xml, "</x>");
  g_string_append (xml, "</description></item></channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));

  info = accords_feed_parse_bytes (bytes, NULL, NULL, &n, &error);
  /* libxml2 stops at its depth limit: what came before is kept, flagged */
  g_assert_no_error (error);
  g_assert_true (info->bozo);
  g_assert_cmpstr (info->title, ==, "Deep");
  g_assert_cmpuint (info->n_items, >=, 1);
}

static void
test_huge_title (void)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(AccordsFeedInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  Collector c = { 0 };

  for (int i = 0; i < 8 * 1024 * 1024 / 8; i++)
    g_string_append (xml, "\xc3\xa9tats-x");   /* 8 bytes, a two-byte character first */
  g_string_append (xml, "</title><item><title>");
  for (int i = 0; i < 8 * 1024 * 1024 / 8; i++)
    g_string_append (xml, "\xc3\xa9tats-x");
  g_string_append (xml, "</title><guid>big</guid></item></channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  stream = g_memory_input_stream_new_from_bytes (bytes);

  c.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_entry_free);
  info = accords_feed_parse (stream, NULL, collect_cb, &c, NULL, &error);
  g_assert_no_error (error);
  /* Kept, cut to a sane length, still valid UTF-8 */
  g_assert_true (g_str_has_prefix (info->title, "\xc3\xa9tats-x"));
  g_assert_cmpuint (strlen (info->title), <=, 16 * 1024);
  g_assert_true (g_utf8_validate (info->title, -1, NULL));
  g_assert_cmpuint (c.entries->len, ==, 1);
  accords_test_feed_assert_valid_entry (c.entries->pdata[0]);
  g_assert_cmpuint (strlen (((AccordsFeedEntry *) c.entries->pdata[0])->title), <=, 16 * 1024);
  g_ptr_array_unref (c.entries);
}

static void
test_streams (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel><title>Stream</title>\n");
  g_auto(Parsed) p = { 0 };
  int fd;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (xml, "<item><title>Item %d</title><guid>s-%d</guid>"
                            "<description>&lt;p&gt;Paragraph %d of the stream.&lt;/p&gt;</description></item>\n",
                            i, i, i);
  g_string_append (xml, "</channel></rss>\n");
  fd = g_file_open_tmp ("accords-stream-XXXXXX.xml", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  parse_path (path, &p);
  g_assert_cmpuint (p.entries->len, ==, 20000);
  /* The first item is handed over long before the file is read through */
  g_assert_cmpint (p.first_entry_position, >, 0);
  g_assert_cmpint (p.first_entry_position, <, (goffset) xml->len / 4);
  g_unlink (path);
}

static void
test_cancel (void)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AccordsFeedInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (xml, "<item><guid>%d</guid></item>", i);
  g_string_append (xml, "</channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  stream = g_memory_input_stream_new_from_bytes (bytes);
  g_cancellable_cancel (cancellable);
  info = accords_feed_parse (stream, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (info);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Every file the fuzzer ever crashed on, read again */
static void
test_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "regress", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_auto(Parsed) p = { 0 };

      if (g_str_has_suffix (name, ".md"))
        continue;
      g_test_message ("regression %s", name);
      parse_path (path, &p);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/parser/rss20", test_rss20);
  g_test_add_func ("/feed/parser/rss091", test_rss091);
  g_test_add_func ("/feed/parser/rdf", test_rdf);
  g_test_add_func ("/feed/parser/atom10", test_atom10);
  g_test_add_func ("/feed/parser/atom03", test_atom03);
  g_test_add_func ("/feed/parser/bytes", test_bytes);
  g_test_add_func ("/feed/parser/streams", test_streams);
  g_test_add_func ("/feed/parser/cancel", test_cancel);
  g_test_add_func ("/feed/hostile/encodings", test_encodings);
  g_test_add_func ("/feed/hostile/not-feeds", test_not_feeds);
  g_test_add_func ("/feed/hostile/truncated", test_truncated);
  g_test_add_func ("/feed/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/feed/hostile/external-entity-file", test_external_entity_file);
  g_test_add_func ("/feed/hostile/network-entities", test_network_entities);
  g_test_add_func ("/feed/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/feed/hostile/huge-title", test_huge_title);
  g_test_add_func ("/feed/hostile/regressions", test_regressions);

  return g_test_run ();
}
