/* test-export.c: reports and datasets against golden files, checked by the
 * tools a reader would use: pdftotext, pdfinfo, xmllint, CSV and JSON parsers */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "accords-dataset.h"
#include "accords-error.h"
#include "accords-export.h"
#include "accords-store-agreements.h"
#include "accords-store-notes.h"
#include "accords-store-sources.h"
#include "accords-world.h"

typedef struct {
  char            *dir;
  AccordsStore    *store;
  AccordsIsoCodes *iso_codes;
  char            *article_uri;
  gint64           article_id;
  gint64           item_id;
  gint64           note_id;
} Fixture;

static const char note_body[] =
  "# What Rwanda said in May 2025\n"
  "\n"
  "Foreign Minister Olivier Nduhungirehe confirmed \"early stage\" talks on 4 May 2025 [@source:%1$s],\n"
  "as the wire also reported [@item:%2$s]. He called Rwanda *open* to migrants and\n"
  "pointed to the **collapsed** UK scheme [@source:%1$s].\n"
  "\n"
  "## Open questions\n"
  "\n"
  "1. Who pays, and how much?\n"
  "2. What becomes of people Rwanda expels again? [@source:%3$s]\n"
  "\n"
  "> These talks are not new to us.\n"
  "\n"
  "A marker in code stays text: `[@source:%1$s]`, and so does an escaped one: \\[@source:%1$s].\n"
  "A source since deleted: [@source:999999].\n"
  "\n"
  "Raw <script>alert(\"no\")</script> and <b>raw</b> HTML & an ampersand, a [bad link](javascript:alert(1)),\n"
  "an ![image](https://example.org/map.png) and a [good link](https://example.org/a?b=1&c=2).\n"
  "\n"
  "```\n"
  "fenced [@source:%1$s] too\n"
  "```\n";

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
exec_sql (AccordsStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AccordsSource) article = accords_source_new ();
  g_autoptr(AccordsNote) note = NULL, country_note = NULL, free_note = NULL;
  g_autofree char *path = NULL, *article_path = NULL, *article_text = NULL, *title = NULL;
  g_autofree char *body = NULL, *item = NULL, *article_id = NULL, *source_id = NULL;
  guint n = 0;

  f->dir = g_dir_make_tmp ("accords-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "export.db", NULL);
  f->store = accords_store_open (path, &error);
  g_assert_no_error (error);
  f->iso_codes = accords_iso_codes_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_sync_countries (f->store, f->iso_codes, &error));

  json_parser_load_from_file (parser, g_test_get_filename (G_TEST_DIST, "data", "export-fixture.json", NULL), &error);
  g_assert_no_error (error);
  g_assert_true (accords_dataset_load (f->store, json_parser_get_root (parser), "export-fixture.json", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* the seed article: a document the researcher keeps, a source of the dossier */
  article_path = g_test_build_filename (G_TEST_DIST, "data", "seed-article.txt", NULL);
  article_text = read_file (article_path);
  title = g_strndup (article_text, strcspn (article_text, "\n"));
  f->article_uri = g_filename_to_uri (article_path, NULL, &error);
  g_assert_no_error (error);
  accords_source_set_url (article, f->article_uri);
  accords_source_set_title (article, title);
  accords_source_set_source_type (article, "document");
  accords_source_set_accessed (article, "2025-09-01");
  f->article_id = accords_store_add_source (f->store, article, "us-rw-2025", &error);
  g_assert_no_error (error);

  /* a news item as the importer leaves it, linked to the agreement */
  exec_sql (f->store,
            "INSERT INTO feed (id, url, title, last_fetch) VALUES (7, 'file:///feeds/wire.xml', 'Test Wire', '2025-09-02T08:00:00Z');"
            "INSERT INTO item (id, feed_id, key, title, link, author, published) VALUES"
            " (41, 7, 'a', 'US and Rwanda reach a deal', 'https://example.org/wire/41', 'Staff, \"Wire\"', '2025-08-05T10:00:00Z'),"
            " (42, 7, 'b', 'Unrelated, with a comma', 'https://example.org/wire/42', '', '2025-08-06T10:00:00Z');"
            "INSERT INTO item_country (item_id, country) VALUES (41, 'RW'), (41, 'US'), (42, 'FR');"
            "INSERT INTO item_agreement (item_id, agreement_id, state)"
            " SELECT 41, id, 'confirmed' FROM agreement WHERE slug = 'us-rw-2025';");
  f->item_id = 41;

  article_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->article_id);
  item = g_strdup_printf ("%" G_GINT64_FORMAT, f->item_id);
  {
    sqlite3_stmt *stmt = accords_store_prepare (f->store, "SELECT id FROM source WHERE url LIKE 'https://futuremedianews%'", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    source_id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
    sqlite3_reset (stmt);
  }
  body = g_strdup_printf (note_body, article_id, item, source_id);
  note = accords_store_create_note (f->store, "us-rw-2025", NULL, body, &error);
  g_assert_no_error (error);
  f->note_id = accords_note_get_id (note);
  country_note = accords_store_create_note (f->store, NULL, "RW", "# Kigali’s record\n\nRights groups’ concerns.", &error);
  g_assert_no_error (error);
  free_note = accords_store_create_note (f->store, NULL, NULL, "Reading list, no heading", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->iso_codes);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->article_uri);
}

static void
options_for (AccordsExportOptions *options,
             AccordsExportScope    scope,
             AccordsExportFormat   format)
{
  accords_export_options_init (options);
  options->scope = scope;
  options->format = format;
  options->agreement = g_strdup ("us-rw-2025");
  options->exported_on = g_date_time_new_utc (2025, 9, 15, 12, 0, 0);
}

static GBytes *
render (Fixture *f, AccordsExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (options->scope == ACCORDS_EXPORT_SCOPE_NOTE)
    options->note_id = f->note_id;
  bytes = accords_export_render (f->store, f->iso_codes, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  return g_strndup (data, n);
}

static char *
replace_all (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* Compares with tests/data/export/NAME, where @ARTICLE@ stands for the URI
 * of the seed article in this checkout.  ACCORDS_UPDATE_GOLDEN=1 rewrites it. */
static void
assert_golden (Fixture *f, const char *name, const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *portable = replace_all (actual, f->article_uri, "@ARTICLE@");

  if (g_getenv ("ACCORDS_UPDATE_GOLDEN") != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (g_file_set_contents (path, portable, -1, &error));
      g_assert_no_error (error);
    }
  expected = read_file (path);
  g_assert_cmpstr (portable, ==, expected);
}

static char *
write_temp (Fixture *f, const char *name, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  g_assert_true (g_file_set_contents (path, data, (gssize) n, &error));
  g_assert_no_error (error);
  return path;
}

static char *
run_tool (const char * const *argv, int *status, char **err)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, status, &error);
  g_assert_no_error (error);
  return out;
}

/* The text pdftotext finds, one blank between words, without the page feet */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_tool (argv, &status, &err);
  g_autoptr(GRegex) foot = g_regex_new ("^.* · page [0-9]+ of [0-9]+$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *no_feet = NULL;
  g_autofree char *squeezed = NULL;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  no_feet = g_regex_replace_literal (foot, out, -1, 0, "", 0, NULL);
  squeezed = g_regex_replace_literal (blanks, no_feet, -1, 0, " ", 0, NULL);
  return g_strconcat (g_strstrip (squeezed), "\n", NULL);
}

static char *
pdf_info (const char *pdf, const char *field)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_tool (argv, &status, &err);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strdup (g_strstrip (lines[i] + strlen (field) + 1));
  g_assert_not_reached ();
  return NULL;
}

static void
test_markdown (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) dossier = NULL, note = NULL, all = NULL;
  g_autofree char *dossier_text = NULL, *note_text = NULL, *all_text = NULL;

  options_for (&options, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_MARKDOWN);
  dossier = render (f, &options);
  dossier_text = bytes_to_string (dossier);
  assert_golden (f, "dossier.md", dossier_text);

  options.scope = ACCORDS_EXPORT_SCOPE_NOTE;
  note = render (f, &options);
  note_text = bytes_to_string (note);
  assert_golden (f, "note.md", note_text);
  /* numbered in order of first citation; repeats share a number */
  g_assert_nonnull (strstr (note_text, "4 May 2025 [1],\nas the wire also reported [2]"));
  g_assert_nonnull (strstr (note_text, "UK scheme [1]."));
  g_assert_nonnull (strstr (note_text, "`[@source:"));

  options.scope = ACCORDS_EXPORT_SCOPE_ALL;
  all = render (f, &options);
  all_text = bytes_to_string (all);
  assert_golden (f, "all.md", all_text);
}

static void
test_html (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) dossier = NULL;
  g_autofree char *text = NULL, *path = NULL, *out = NULL, *err = NULL;
  const char *argv[] = { "xmllint", "--html", "--noout", NULL, NULL };
  int status;

  options_for (&options, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_HTML);
  dossier = render (f, &options);
  text = bytes_to_string (dossier);
  assert_golden (f, "dossier.html", text);

  /* well-formed: xmllint's HTML parser has nothing to say */
  path = write_temp (f, "dossier.html", dossier);
  argv[3] = path;
  out = run_tool (argv, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* self-contained and escaped: no script, no remote image, no unsafe link */
  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<img"));
  g_assert_null (strstr (text, "<link"));
  g_assert_null (strstr (text, "javascript:"));
  g_assert_nonnull (strstr (text, "<a class=\"cite\" href=\"#ref-1\""));
  g_assert_nonnull (strstr (text, "<li id=\"ref-1\">"));
  g_assert_nonnull (strstr (text, "@media print"));
}

static void
test_html_escaping (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL, *path = NULL, *out = NULL, *err = NULL;
  const char *argv[] = { "xmllint", "--html", "--noout", NULL, NULL };
  int status;

  options_for (&options, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_HTML);
  g_free (options.agreement);
  options.agreement = g_strdup ("test-escaping-2024");
  bytes = render (f, &options);
  text = bytes_to_string (bytes);
  assert_golden (f, "escaping.html", text);
  g_assert_nonnull (strstr (text, "<title>Test agreement &lt;with&gt; &quot;markup&quot; &amp; | pipes</title>"));
  g_assert_null (strstr (text, "<b>tags</b>"));
  g_assert_true (strstr (text, "href=\"https://example.org/test?a=1&amp;b=&lt;2&gt;\"") != NULL);
  path = write_temp (f, "escaping.html", bytes);
  argv[3] = path;
  out = run_tool (argv, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) a4 = NULL, letter = NULL;
  g_autofree char *a4_path = NULL, *letter_path = NULL, *text = NULL, *size = NULL, *pages = NULL, *title = NULL;
  const char *expected[] = {
    "US–Rwanda third-country deportee resettlement arrangement (2025)",
    "Parties", "Timeline", "Terms, figures and challenges", "People", "Still to verify", "Notes",
    "What Rwanda said in May 2025", "Open questions", "References",
    "[3] Rwanda in talks with U.S over deported migrants. @ARTICLE@ (accessed 1 September 2025).",
    "[4] US and Rwanda reach a deal. Test Wire, 5 August 2025. https://example.org/wire/41 (accessed 2 September 2025).",
    "Source 999999 (no longer in the database).",
  };

  options_for (&options, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_PDF);
  a4 = render (f, &options);
  options.paper = ACCORDS_PAPER_LETTER;
  letter = render (f, &options);
  a4_path = write_temp (f, "dossier-a4.pdf", a4);
  letter_path = write_temp (f, "dossier-letter.pdf", letter);

  size = pdf_info (a4_path, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  g_clear_pointer (&size, g_free);
  size = pdf_info (letter_path, "Page size");
  g_assert_true (g_str_has_prefix (size, "612 x 792 pts (letter)"));
  title = pdf_info (a4_path, "Title");
  g_assert_cmpstr (title, ==, "US–Rwanda third-country deportee resettlement arrangement (2025)");
  pages = pdf_info (a4_path, "Pages");
  g_assert_cmpint (atoi (pages), >=, 2);

  text = pdf_text (a4_path);
  {
    /* the article's URI, wherever this checkout puts it and wherever its
     * line breaks fall, stands as @ARTICLE@ */
    GString *pattern = g_string_new (NULL);
    g_autoptr(GRegex) uri = NULL;
    g_autofree char *portable = NULL;

    for (const char *p = f->article_uri; *p; p++)
      {
        g_autofree char *c = g_regex_escape_string (p, 1);
        g_string_append_printf (pattern, "%s%s", pattern->len ? "\\s*" : "", c);
      }
    uri = g_regex_new (pattern->str, 0, 0, NULL);
    g_string_free (pattern, TRUE);
    portable = g_regex_replace_literal (uri, text, -1, 0, "@ARTICLE@", 0, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      if (strstr (portable, expected[i]) == NULL)
        g_error ("the PDF's text lacks “%s”:\n%s", expected[i], portable);
    assert_golden (f, "dossier.pdf.txt", portable);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "pdftotext", letter_path, "-", NULL };
    int status;
    /* page feet count the pages */
    out = run_tool (argv, &status, &err);
    g_assert_nonnull (strstr (out, " · page 1 of "));
  }
}

/* RFC 4180, strictly: fields separated by commas, records by CRLF, quoted
 * fields with doubled quotes; anything else is a failure */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *row = g_strv_builder_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          g_assert_true (*p == ',' || (*p == '\r' && p[1] == '\n'));
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p++);
          }

      g_strv_builder_add (row, field->str);
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_strv_builder_unref (row);
          row = g_strv_builder_new ();
        }
    }
  g_strv_builder_unref (row);
  g_string_free (field, TRUE);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, g_strv_length (rows->pdata[0]));
  return rows;
}

static guint
column (GPtrArray *rows, const char *name)
{
  GStrv header = rows->pdata[0];

  for (guint i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  const struct { AccordsExportTable table; const char *golden; guint rows; } cases[] = {
    { ACCORDS_EXPORT_TABLE_AGREEMENTS, "agreements.csv", 2 },
    { ACCORDS_EXPORT_TABLE_PARTIES, "parties.csv", 5 },
    { ACCORDS_EXPORT_TABLE_EVENTS, "events.csv", 5 },
    { ACCORDS_EXPORT_TABLE_ITEMS, "items.csv", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(AccordsExportOptions) options;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      options_for (&options, ACCORDS_EXPORT_SCOPE_ALL, ACCORDS_EXPORT_FORMAT_CSV);
      options.table = cases[i].table;
      bytes = render (f, &options);
      text = bytes_to_string (bytes);
      assert_golden (f, cases[i].golden, text);
      rows = parse_csv (text);
      g_assert_cmpuint (rows->len, ==, cases[i].rows + 1);

      if (cases[i].table == ACCORDS_EXPORT_TABLE_AGREEMENTS)
        {
          GStrv test = rows->pdata[1];
          /* quotes, commas and line breaks come back whole */
          g_assert_cmpstr (test[column (rows, "id")], ==, "test-escaping-2024");
          g_assert_cmpstr (test[column (rows, "title")], ==, "Test agreement <with> \"markup\" & | pipes");
          g_assert_nonnull (strstr (test[column (rows, "summary")], "commas, | pipes"));
          g_assert_nonnull (strstr (test[column (rows, "summary")], "\nand a second line."));
        }
      if (cases[i].table == ACCORDS_EXPORT_TABLE_ITEMS)
        {
          GStrv wire = rows->pdata[1];
          g_assert_cmpstr (wire[column (rows, "author")], ==, "Staff, \"Wire\"");
          g_assert_cmpstr (wire[column (rows, "countries")], ==, "RW;US");
          g_assert_cmpstr (wire[column (rows, "agreements")], ==, "us-rw-2025:confirmed");
        }
    }

  /* one agreement's rows only */
  {
    g_auto(AccordsExportOptions) options;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    options_for (&options, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_CSV);
    options.table = ACCORDS_EXPORT_TABLE_EVENTS;
    bytes = render (f, &options);
    text = bytes_to_string (bytes);
    rows = parse_csv (text);
    g_assert_cmpuint (rows->len, ==, 4);
    for (guint r = 1; r < rows->len; r++)
      g_assert_cmpstr (((GStrv) rows->pdata[r])[0], ==, "us-rw-2025");
  }
}

static void
test_json (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *first;
  JsonArray *agreements;

  options_for (&options, ACCORDS_EXPORT_SCOPE_ALL, ACCORDS_EXPORT_FORMAT_JSON);
  bytes = render (f, &options);
  text = bytes_to_string (bytes);
  assert_golden (f, "agreements.json", text);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "exported"), ==, "2025-09-15");
  agreements = json_object_get_array_member (root, "agreements");
  g_assert_cmpuint (json_array_get_length (agreements), ==, 2);
  first = json_array_get_object_element (agreements, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "us-rw-2025");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "parties")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "events")), ==, 3);
}

/* RFC 7946: what a GeoJSON reader may rely on */
static void
assert_position (JsonNode *node)
{
  JsonArray *position;
  double lon, lat;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  position = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (position), >=, 2);
  g_assert_cmpuint (json_array_get_length (position), <=, 3);
  for (guint i = 0; i < json_array_get_length (position); i++)
    g_assert_true (json_node_get_value_type (json_array_get_element (position, i)) == G_TYPE_DOUBLE ||
                   json_node_get_value_type (json_array_get_element (position, i)) == G_TYPE_INT64);
  lon = json_array_get_double_element (position, 0);
  lat = json_array_get_double_element (position, 1);
  g_assert_cmpfloat (lon, >=, -180);
  g_assert_cmpfloat (lon, <=, 180);
  g_assert_cmpfloat (lat, >=, -90);
  g_assert_cmpfloat (lat, <=, 90);
}

static void
assert_geometry (JsonObject *geometry)
{
  const char *type = json_object_get_string_member (geometry, "type");
  JsonNode *coordinates = json_object_get_member (geometry, "coordinates");

  g_assert_nonnull (coordinates);
  if (g_str_equal (type, "Point"))
    assert_position (coordinates);
  else if (g_str_equal (type, "LineString"))
    {
      JsonArray *line = json_node_get_array (coordinates);

      g_assert_cmpuint (json_array_get_length (line), >=, 2);
      for (guint i = 0; i < json_array_get_length (line); i++)
        assert_position (json_array_get_element (line, i));
    }
  else
    g_error ("unexpected geometry type %s", type);
}

static void
assert_rfc7946 (JsonNode *root)
{
  JsonObject *collection;
  JsonArray *features;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  collection = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "FeatureCollection");
  /* RFC 7946 has no "crs": positions are WGS 84 longitude, latitude */
  g_assert_false (json_object_has_member (collection, "crs"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (collection, "features")));
  features = json_object_get_array_member (collection, "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonNode *geometry = json_object_get_member (feature, "geometry");
      JsonNode *properties = json_object_get_member (feature, "properties");

      g_assert_cmpstr (json_object_get_string_member (feature, "type"), ==, "Feature");
      g_assert_nonnull (geometry);
      g_assert_nonnull (properties);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (properties) || JSON_NODE_HOLDS_NULL (properties));
      g_assert_false (json_object_has_member (feature, "crs"));
      if (!JSON_NODE_HOLDS_NULL (geometry))
        assert_geometry (json_node_get_object (geometry));
    }
}

static void
test_geojson (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsWorld) world = accords_world_new_from_resource (NULL, &error);
  g_autofree char *text = NULL;
  JsonArray *features;
  guint points = 0, lines = 0;
  double us_lon, us_lat, rw_lon, rw_lat;

  g_assert_no_error (error);
  options_for (&options, ACCORDS_EXPORT_SCOPE_ALL, ACCORDS_EXPORT_FORMAT_GEOJSON);
  bytes = render (f, &options);
  text = bytes_to_string (bytes);
  assert_golden (f, "agreements.geojson", text);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  assert_rfc7946 (json_parser_get_root (parser));

  /* a point per party at its country's label point, a line per pair */
  g_assert_true (accords_world_get_centroid (world, "US", &us_lon, &us_lat));
  g_assert_true (accords_world_get_centroid (world, "RW", &rw_lon, &rw_lat));
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      JsonObject *properties = json_object_get_object_member (feature, "properties");
      JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

      if (g_strcmp0 (json_object_get_string_member (properties, "agreement"), "us-rw-2025") != 0)
        continue;
      if (g_str_equal (json_object_get_string_member (geometry, "type"), "Point"))
        {
          gboolean us = g_str_equal (json_object_get_string_member (properties, "country"), "US");

          points++;
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 0), us ? us_lon : rw_lon, 1e-4);
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 1), us ? us_lat : rw_lat, 1e-4);
        }
      else
        {
          JsonArray *from = json_array_get_array_element (coordinates, 0);
          JsonArray *to = json_array_get_array_element (coordinates, 1);

          lines++;
          g_assert_cmpstr (json_object_get_string_member (properties, "from"), ==, "US");
          g_assert_cmpstr (json_object_get_string_member (properties, "to"), ==, "RW");
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (from, 0), us_lon, 1e-4);
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (to, 1), rw_lat, 1e-4);
        }
    }
  /* three parties (US sends and funds, Rwanda receives), one pair */
  g_assert_cmpuint (points, ==, 3);
  g_assert_cmpuint (lines, ==, 1);
}

static void
test_bad_requests (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  options_for (&options, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_CSV);
  options.note_id = f->note_id;
  bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);

  options.format = ACCORDS_EXPORT_FORMAT_MARKDOWN;
  options.note_id = 123456;
  bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "123456"));
  g_clear_error (&error);

  options.scope = ACCORDS_EXPORT_SCOPE_AGREEMENT;
  g_free (options.agreement);
  options.agreement = g_strdup ("no-such-agreement");
  bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "no-such-agreement"));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_atomic (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir", "report.md", NULL);
  g_autofree char *content = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);
  gboolean ok;

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "the old report\n", -1, NULL));

  /* a failed export (no such note) leaves the old file as it was */
  options_for (&options, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_PDF);
  options.note_id = 424242;
  g_assert_false (accords_export_to_file (f->store, f->iso_codes, &options, target, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  content = read_file (target);
  g_assert_cmpstr (content, ==, "the old report\n");
  g_clear_pointer (&content, g_free);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* a write that fails midway (the disk "fills" after 4 KiB) leaves the old
   * file whole and no temporary file behind */
  options.note_id = f->note_id;
  getrlimit (RLIMIT_FSIZE, &saved);
  small = saved;
  small.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = accords_export_to_file (f->store, f->iso_codes, &options, target, &error);
  setrlimit (RLIMIT_FSIZE, &saved);
  signal (SIGXFSZ, old_handler);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_test_message ("a full disk reads: %s", error->message);
  g_clear_error (&error);
  content = read_file (target);
  g_assert_cmpstr (content, ==, "the old report\n");
  g_clear_pointer (&content, g_free);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* a good export replaces it, leaving only the new file */
  g_assert_true (accords_export_to_file (f->store, f->iso_codes, &options, target, &error));
  g_assert_no_error (error);
  content = read_file (target);
  g_assert_true (g_str_has_prefix (content, "%PDF-"));
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* a folder that does not exist is named, and nothing is created */
  options.format = ACCORDS_EXPORT_FORMAT_MARKDOWN;
  g_assert_false (accords_export_to_file (f->store, f->iso_codes, &options, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no/such/dir"));
  g_clear_error (&error);

  /* nor can a folder be written over */
  g_assert_false (accords_export_to_file (f->store, f->iso_codes, &options, out_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* cleaning up the extra folder */
  g_unlink (target);
  g_rmdir (out_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/markdown", Fixture, NULL, fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/export/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/export/html-escaping", Fixture, NULL, fixture_set_up, test_html_escaping, fixture_tear_down);
  g_test_add ("/export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/export/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/export/geojson", Fixture, NULL, fixture_set_up, test_geojson, fixture_tear_down);
  g_test_add ("/export/bad-requests", Fixture, NULL, fixture_set_up, test_bad_requests, fixture_tear_down);
  g_test_add ("/export/atomic", Fixture, NULL, fixture_set_up, test_atomic, fixture_tear_down);

  return g_test_run ();
}
