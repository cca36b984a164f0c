/* test-citations.c: CSL-JSON, BibTeX and RIS exports read back by a JSON
 * parser and by the BibTeX and RIS readers, which are tested first; bylines
 * made names; the numbered and author-date styles of reports */
#include "config.h"

#include "accords-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "accords-bib-reader.h"
#include "accords-cite-record.h"
#include "accords-dataset.h"
#include "accords-error.h"
#include "accords-export.h"
#include "accords-store-agreements.h"
#include "accords-store-notes.h"
#include "accords-store-sources.h"

typedef struct {
  char            *dir;
  AccordsStore    *store;
  AccordsIsoCodes *iso_codes;
  gint64           note_id;
  gint64           lbci_id;
  gint64           report_id;
} Fixture;

static void
exec_sql (AccordsStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
source_id (AccordsStore *store, const char *url_prefix)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = accords_store_prepare (store, "SELECT id FROM source WHERE url LIKE ? || '%'", &error);
  gint64 id;

  g_assert_no_error (error);
  accords_stmt_bind_text (stmt, 1, url_prefix);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AccordsSource) report = accords_source_new ();
  g_autoptr(AccordsNote) note = NULL;
  g_autofree char *path = NULL, *body = NULL;
  guint n = 0;

  f->dir = g_dir_make_tmp ("accords-citations-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "citations.db", NULL);
  f->store = accords_store_open (path, &error);
  g_assert_no_error (error);
  f->iso_codes = accords_iso_codes_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_sync_countries (f->store, f->iso_codes, &error));
  json_parser_load_from_file (parser, g_test_get_filename (G_TEST_DIST, "data", "export-fixture.json", NULL), &error);
  g_assert_no_error (error);
  g_assert_true (accords_dataset_load (f->store, json_parser_get_root (parser), "export-fixture.json", &n, &error));
  g_assert_no_error (error);

  accords_source_set_url (report, "https://www.hrw.org/report/2025/rwanda");
  accords_source_set_title (report, "“Sent Away”: third-country deportations {2025} & 100% of cases");
  accords_source_set_publisher (report, "Human Rights Watch");
  accords_source_set_published (report, "2025-07");
  accords_source_set_source_type (report, "report");
  f->report_id = accords_store_add_source (f->store, report, "us-rw-2025", &error);
  g_assert_no_error (error);
  f->lbci_id = source_id (f->store, "https://www.lbcgroup.tv/");

  exec_sql (f->store,
            "INSERT INTO feed (id, url, title, last_fetch) VALUES (7, 'file:///feeds/wire.xml', 'Test Wire', '2025-09-02T08:00:00Z');"
            "INSERT INTO item (id, feed_id, key, title, link, author, published) VALUES"
            " (41, 7, 'a', 'US and Rwanda reach a deal', 'https://example.org/wire/41', 'jane@example.org (Jane Doe)', '2025-08-05T10:00:00Z'),"
            " (42, 7, 'b', 'Deportees arrive in Kigali', 'https://example.org/wire/42', 'Staff, \"Wire\"', '2025-08-15T10:00:00Z'),"
            " (43, 7, 'c', 'Undated page', 'https://example.org/wire/about', '', '');");

  body = g_strdup_printf ("# Talks\n\n"
                          "| Date | Event | Source |\n"
                          "|------|:-----:|-------:|\n"
                          "| 4 May 2025 | Talks confirmed | [@source:%" G_GINT64_FORMAT "] |\n"
                          "| 5 Aug 2025 | ~~Signed~~ Announced | [@item:41] |\n\n"
                          "Arrivals [@item:42], the report [@source:%" G_GINT64_FORMAT "], a page [@item:43]"
                          " and https://example.org/auto.\n",
                          f->lbci_id, f->report_id);
  note = accords_store_create_note (f->store, "us-rw-2025", NULL, body, &error);
  g_assert_no_error (error);
  f->note_id = accords_note_get_id (note);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->iso_codes);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
render (Fixture *f, AccordsExportScope scope, AccordsExportFormat format, AccordsCitationStyle style)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize n;
  const char *data;

  accords_export_options_init (&options);
  options.scope = scope;
  options.format = format;
  options.citation_style = style;
  options.note_id = f->note_id;
  options.agreement = g_strdup ("us-rw-2025");
  options.exported_on = g_date_time_new_utc (2025, 9, 15, 12, 0, 0);
  bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &n);
  return g_strndup (data, n);
}

/* The readers, on files written the way reference managers write them */

static void
test_bibtex_reader (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *title = NULL, *note = NULL, *plain = NULL;
  AccordsBibEntry *e;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "citations", "library.bib", NULL),
                                      &text, NULL, &error));
  entries = accords_bibtex_read (text, &error);
  g_assert_no_error (error);
  /* @string, @comment and @preamble are no entries */
  g_assert_cmpuint (entries->len, ==, 3);

  e = entries->pdata[0];
  g_assert_cmpstr (e->type, ==, "article");
  g_assert_cmpstr (e->key, ==, "doe2025talks");
  g_assert_cmpstr (accords_bib_entry_get (e, "journal"), ==, "Test Wire");
  g_assert_cmpstr (accords_bib_entry_get (e, "year"), ==, "2025");
  g_assert_cmpstr (accords_bib_entry_get (e, "month"), ==, "5");
  g_assert_cmpstr (accords_bib_entry_get (e, "url"), ==, "https://example.org/a?b=1&c=%20");
  title = accords_bibtex_to_plain (accords_bib_entry_get (e, "title"));
  g_assert_cmpstr (title, ==, "Rwanda in Talks with the U.S.: \"Early\" stage");
  note = accords_bibtex_to_plain (accords_bib_entry_get (e, "note"));
  g_assert_cmpstr (note, ==, "Cost: 50% of $10 & more, see \"quoted\" part");
  names = accords_bibtex_split_names (accords_bib_entry_get (e, "author"));
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Doe, Jane");
  g_assert_cmpstr (names[1], ==, "{Reuters Staff}");
  g_assert_cmpstr (names[2], ==, "van der Berg, Anna");

  e = entries->pdata[1];
  g_assert_cmpstr (e->type, ==, "online");
  g_assert_cmpstr (e->key, ==, "hrw2025");
  g_assert_cmpstr (accords_bib_entry_get (e, "title"), ==, "Deported to a third country");
  g_assert_cmpstr (accords_bib_entry_get (e, "organization"), ==, "Human Rights Watch (HRW)");

  e = entries->pdata[2];
  g_assert_cmpstr (e->key, ==, "unhcr-2024:report");
  plain = accords_bibtex_to_plain (accords_bib_entry_get (e, "title"));
  g_assert_cmpstr (plain, ==, "Back\\slash and 100~ ok_done");
}

static void
test_bibtex_reader_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "@article{a,\n  title = {open", "line 2: a value in braces is not closed" },
    { "@article{a, title = \"open}", "a value in quotes is not closed" },
    { "@article{a, title {x}}", "“=” was expected" },
    { "@article{a, title = {x} year = 1}", "“,” was expected" },
    { "@article{a, journal = nosuchmacro}", "“nosuchmacro” is not a known abbreviation" },
    { "@article{, title = {x}}", "the entry has no key" },
    { "@ {a}", "an entry type was expected" },
    { "@article a", "“{” was expected" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = accords_bibtex_read (cases[i].text, &error);

      g_assert_null (entries);
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” reads “%s”, not “%s”", cases[i].text, error->message, cases[i].message);
    }
}

static void
test_ris_reader (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) authors = NULL;
  AccordsBibEntry *e;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "citations", "library.ris", NULL),
                                      &text, NULL, &error));
  entries = accords_ris_read (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  e = entries->pdata[0];
  g_assert_cmpstr (e->type, ==, "NEWS");
  g_assert_cmpstr (e->key, ==, "item:41");
  g_assert_cmpstr (accords_bib_entry_get (e, "T2"), ==, "Test Wire");
  g_assert_cmpstr (accords_bib_entry_get (e, "DA"), ==, "2025/08/05/");
  g_assert_cmpstr (accords_bib_entry_get (e, "Y2"), ==, "2025/09/02");
  /* a line without a tag goes on with the value above */
  g_assert_cmpstr (accords_bib_entry_get (e, "N1"), ==, "A note that goes on over a second line");
  authors = accords_bib_entry_get_all (e, "AU");
  g_assert_cmpuint (g_strv_length (authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Doe, Jane");
  g_assert_cmpstr (authors[1], ==, "Reuters");

  /* LF line ends and "ER  -" without its blank are read too */
  e = entries->pdata[1];
  g_assert_cmpstr (e->type, ==, "ELEC");
  g_assert_null (e->key);
  g_assert_cmpstr (accords_bib_entry_get (e, "UR"), ==, "https://example.org/page");
}

static void
test_ris_reader_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "TI  - no type\r\nER  - \r\n", "line 1: “TI” before the TY" },
    { "junk\r\nTY  - GEN\r\nER  - \r\n", "line 1: text outside a record" },
    { "TY  - GEN\r\nTI  - x\r\n", "the last record has no ER" },
    { "TY  - GEN\r\nTY  - GEN\r\nER  - \r\n", "line 2: a record starts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = accords_ris_read (cases[i].text, &error);

      g_assert_null (entries);
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” reads “%s”, not “%s”", cases[i].text, error->message, cases[i].message);
    }
}

/* Bylines as feeds give them */

static void
test_bylines (void)
{
  static const struct {
    const char *byline;
    const char *names;   /* "family|given" or "=literal", joined with ";" */
  } cases[] = {
    { "Jane Doe", "Doe|Jane" },
    { "Doe, Jane", "Doe|Jane" },
    { "jane@example.org (Jane Doe)", "Doe|Jane" },
    { "jane@example.org", "" },
    { "By Jane Doe and John Roe", "Doe|Jane;Roe|John" },
    { "Jane Doe, John Roe", "Doe|Jane;Roe|John" },
    { "Jane Doe; Ursula von der Leyen", "Doe|Jane;von der Leyen|Ursula" },
    { "Reuters", "=Reuters" },
    { "Staff, \"Wire\"", "=Staff, \"Wire\"" },
    { "BBC News 2", "=BBC News 2" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsCiteRecord) record = accords_cite_record_new ("item:1", ACCORDS_WORK_NEWSPAPER_ARTICLE);
      GString *got = g_string_new (NULL);

      accords_cite_record_add_byline (record, cases[i].byline);
      for (guint k = 0; k < record->authors->len; k++)
        {
          AccordsCiteName *name = record->authors->pdata[k];

          if (k > 0)
            g_string_append_c (got, ';');
          if (name->literal)
            g_string_append_printf (got, "=%s", name->literal);
          else
            g_string_append_printf (got, "%s|%s", name->family, name->given ? name->given : "");
        }
      if (g_strcmp0 (got->str, cases[i].names) != 0)
        g_error ("“%s” gives “%s”, not “%s”", cases[i].byline, got->str, cases[i].names);
      g_string_free (got, TRUE);
    }
}

/* CSL-JSON against the schema's required fields and types */

static gboolean
is_csl_type (const char *type)
{
  static const char * const types[] = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (type, types[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
check_csl_date (JsonObject *item, const char *name)
{
  JsonObject *date;
  JsonArray *parts, *first;

  if (!json_object_has_member (item, name))
    return;
  date = json_object_get_object_member (item, name);
  g_assert_nonnull (date);
  parts = json_object_get_array_member (date, "date-parts");
  g_assert_nonnull (parts);
  g_assert_cmpuint (json_array_get_length (parts), >=, 1);
  first = json_array_get_array_element (parts, 0);
  g_assert_cmpuint (json_array_get_length (first), >=, 1);
  g_assert_cmpuint (json_array_get_length (first), <=, 3);
  for (guint i = 0; i < json_array_get_length (first); i++)
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (first, i)), ==, G_TYPE_INT64);
}

/* Every item: an id and a CSL type; strings where CSL has strings; names
 * with a family or a literal; dates as date-parts of integers */
static JsonArray *
check_csl (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const strings[] = { "title", "container-title", "publisher", "URL", "archive", "archive_location", "note" };
  JsonArray *items;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  items = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (char *) id);
      g_assert_true (is_csl_type (json_object_get_string_member (item, "type")));
      for (guint k = 0; k < G_N_ELEMENTS (strings); k++)
        if (json_object_has_member (item, strings[k]))
          g_assert_cmpint (json_node_get_value_type (json_object_get_member (item, strings[k])), ==, G_TYPE_STRING);
      if (json_object_has_member (item, "author"))
        {
          JsonArray *authors = json_object_get_array_member (item, "author");

          g_assert_cmpuint (json_array_get_length (authors), >=, 1);
          for (guint k = 0; k < json_array_get_length (authors); k++)
            {
              JsonObject *name = json_array_get_object_element (authors, k);
              g_assert_true (json_object_has_member (name, "family") || json_object_has_member (name, "literal"));
            }
        }
      check_csl_date (item, "issued");
      check_csl_date (item, "accessed");
    }
  return items;
}

static JsonObject *
csl_item (JsonArray *items, const char *id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }
  g_error ("no CSL item %s", id);
  return NULL;
}

static char *
date_of (JsonObject *item, const char *name)
{
  JsonArray *first = json_array_get_array_element (json_object_get_array_member (json_object_get_object_member (item, name), "date-parts"), 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (first); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "-" : "", json_array_get_int_element (first, i));
  return g_string_free (out, FALSE);
}

static void
test_csl_json (Fixture *f, gconstpointer data)
{
  g_autofree char *text = render (f, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_CSL_JSON, 0);
  g_autofree char *note_text = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_CSL_JSON, 0);
  g_autofree char *all_text = render (f, ACCORDS_EXPORT_SCOPE_ALL, ACCORDS_EXPORT_FORMAT_CSL_JSON, 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) note_parser = json_parser_new ();
  g_autoptr(JsonParser) all_parser = json_parser_new ();
  g_autofree char *lbci = g_strdup_printf ("source:%" G_GINT64_FORMAT, f->lbci_id);
  g_autofree char *report = g_strdup_printf ("source:%" G_GINT64_FORMAT, f->report_id);
  g_autofree char *issued = NULL, *accessed = NULL;
  JsonArray *items, *note_items;
  JsonObject *item;
  JsonArray *authors;

  g_test_message ("%s", text);
  items = check_csl (parser, text);
  /* the dossier's own sources (three in the fixture, the report) and the three items its note cites */
  g_assert_cmpuint (json_array_get_length (items), ==, 7);

  item = csl_item (items, "item:41");
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "article-newspaper");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "US and Rwanda reach a deal");
  g_assert_cmpstr (json_object_get_string_member (item, "container-title"), ==, "Test Wire");
  g_assert_cmpstr (json_object_get_string_member (item, "URL"), ==, "https://example.org/wire/41");
  authors = json_object_get_array_member (item, "author");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 0), "family"), ==, "Doe");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 0), "given"), ==, "Jane");
  issued = date_of (item, "issued");
  accessed = date_of (item, "accessed");
  g_assert_cmpstr (issued, ==, "2025-8-5");
  g_assert_cmpstr (accessed, ==, "2025-9-2");

  item = csl_item (items, "item:42");
  authors = json_object_get_array_member (item, "author");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 0), "literal"), ==, "Staff, \"Wire\"");

  /* an undated item is a web page */
  item = csl_item (items, "item:43");
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "webpage");
  g_assert_false (json_object_has_member (item, "issued"));

  /* a source of no kind on the web is a page */
  item = csl_item (items, lbci);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "webpage");
  g_assert_cmpstr (json_object_get_string_member (item, "container-title"), ==, "LBCI");

  item = csl_item (items, report);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "report");
  g_assert_cmpstr (json_object_get_string_member (item, "publisher"), ==, "Human Rights Watch");
  g_clear_pointer (&issued, g_free);
  issued = date_of (item, "issued");
  g_assert_cmpstr (issued, ==, "2025-7");

  /* the note alone cites five works, in the order it cites them */
  note_items = check_csl (note_parser, note_text);
  g_assert_cmpuint (json_array_get_length (note_items), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (note_items, 0), "id"), ==, lbci);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (note_items, 1), "id"), ==, "item:41");

  check_csl (all_parser, all_text);
}

static void
test_bibtex (Fixture *f, gconstpointer data)
{
  g_autofree char *text = render (f, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_BIBTEX, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = accords_bibtex_read (text, &error);
  g_autofree char *report = g_strdup_printf ("source:%" G_GINT64_FORMAT, f->report_id);
  g_autofree char *title = NULL;
  g_auto(GStrv) names = NULL;
  AccordsBibEntry *news = NULL, *page = NULL, *tr = NULL;

  g_test_message ("%s", text);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  for (guint i = 0; i < entries->len; i++)
    {
      AccordsBibEntry *e = entries->pdata[i];
      if (g_str_equal (e->key, "item:41"))
        news = e;
      else if (g_str_equal (e->key, "item:43"))
        page = e;
      else if (g_str_equal (e->key, report))
        tr = e;
    }
  g_assert_nonnull (news);
  g_assert_nonnull (page);
  g_assert_nonnull (tr);

  /* Zotero reads @article with journal as an article in that periodical */
  g_assert_cmpstr (news->type, ==, "article");
  g_assert_cmpstr (accords_bib_entry_get (news, "journal"), ==, "Test Wire");
  g_assert_cmpstr (accords_bib_entry_get (news, "year"), ==, "2025");
  g_assert_cmpstr (accords_bib_entry_get (news, "month"), ==, "8");
  g_assert_cmpstr (accords_bib_entry_get (news, "date"), ==, "2025-08-05");
  g_assert_cmpstr (accords_bib_entry_get (news, "url"), ==, "https://example.org/wire/41");
  g_assert_cmpstr (accords_bib_entry_get (news, "urldate"), ==, "2025-09-02");
  names = accords_bibtex_split_names (accords_bib_entry_get (news, "author"));
  g_assert_cmpstrv (names, ((const char *[]) { "Doe, Jane", NULL }));

  g_assert_cmpstr (page->type, ==, "online");
  g_assert_cmpstr (accords_bib_entry_get (page, "organization"), ==, "Test Wire");

  g_assert_cmpstr (tr->type, ==, "techreport");
  g_assert_cmpstr (accords_bib_entry_get (tr, "institution"), ==, "Human Rights Watch");
  /* special characters escaped, and back */
  title = accords_bibtex_to_plain (accords_bib_entry_get (tr, "title"));
  g_assert_cmpstr (title, ==, "“Sent Away”: third-country deportations {2025} & 100% of cases");
  g_assert_nonnull (strstr (text, "deportations \\{2025\\} \\& 100\\% of cases"));
}

static void
test_ris (Fixture *f, gconstpointer data)
{
  g_autofree char *text = render (f, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_RIS, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = accords_ris_read (text, &error);
  g_auto(GStrv) authors = NULL;
  AccordsBibEntry *news = NULL, *staff = NULL;

  g_test_message ("%s", text);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  /* the specification's line ends */
  g_assert_nonnull (strstr (text, "TY  - NEWS\r\n"));
  g_assert_null (strstr (text, "\n\n\n"));
  for (guint i = 0; i < entries->len; i++)
    {
      AccordsBibEntry *e = entries->pdata[i];
      if (g_strcmp0 (e->key, "item:41") == 0)
        news = e;
      else if (g_strcmp0 (e->key, "item:42") == 0)
        staff = e;
    }
  g_assert_nonnull (news);
  g_assert_cmpstr (news->type, ==, "NEWS");
  g_assert_cmpstr (accords_bib_entry_get (news, "TI"), ==, "US and Rwanda reach a deal");
  /* Zotero: T2 the newspaper, DA the date, Y2 the access date */
  g_assert_cmpstr (accords_bib_entry_get (news, "T2"), ==, "Test Wire");
  g_assert_cmpstr (accords_bib_entry_get (news, "PY"), ==, "2025");
  g_assert_cmpstr (accords_bib_entry_get (news, "DA"), ==, "2025/08/05/");
  g_assert_cmpstr (accords_bib_entry_get (news, "Y2"), ==, "2025/09/02/");
  g_assert_cmpstr (accords_bib_entry_get (news, "UR"), ==, "https://example.org/wire/41");
  authors = accords_bib_entry_get_all (news, "AU");
  g_assert_cmpstrv (authors, ((const char *[]) { "Doe, Jane", NULL }));
  g_assert_nonnull (staff);
  g_assert_cmpstr (accords_bib_entry_get (staff, "AU"), ==, "Staff, \"Wire\"");
}

/* What a snapshot will add, and text that could break each format */
static void
test_writers (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_cite_record_free);
  AccordsCiteRecord *r = accords_cite_record_new ("item:7", ACCORDS_WORK_NEWSPAPER_ARTICLE);
  g_autoptr(GBytes) csl = NULL, bib = NULL, ris = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) bib_entries = NULL, ris_entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *note = NULL;
  JsonObject *item;
  AccordsBibEntry *e;

  r->title = g_strdup ("Line\none {braced} \\ back~slash ^ $5 #1 50% a_b & c");
  r->container = g_strdup ("The Wire");
  r->issued = g_strdup ("2025-05");
  r->url = g_strdup ("https://example.org/{odd}?q=1%202");
  r->accessed = g_strdup ("2025-09-01");
  r->archived = g_strdup ("2025-09-03");
  r->archive_location = g_strdup ("accords:item:7");
  accords_cite_record_add_author (r, "Doe", "Jane", NULL);
  accords_cite_record_add_author (r, NULL, NULL, "Reuters & Co");
  g_ptr_array_add (records, r);

  csl = accords_cite_records_to_csl_json (records);
  item = json_array_get_object_element (check_csl (parser, g_bytes_get_data (csl, NULL)), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, r->title);
  g_assert_cmpstr (json_object_get_string_member (item, "archive"), ==, "Accords");
  g_assert_cmpstr (json_object_get_string_member (item, "archive_location"), ==, "accords:item:7");
  g_assert_cmpstr (json_object_get_string_member (item, "note"), ==, "Archived on 2025-09-03");

  bib = accords_cite_records_to_bibtex (records);
  bib_entries = accords_bibtex_read (g_bytes_get_data (bib, NULL), &error);
  g_assert_no_error (error);
  e = bib_entries->pdata[0];
  title = accords_bibtex_to_plain (accords_bib_entry_get (e, "title"));
  /* a line break is a blank in BibTeX */
  g_assert_cmpstr (title, ==, "Line one {braced} \\ back~slash ^ $5 #1 50% a_b & c");
  g_assert_cmpstr (accords_bib_entry_get (e, "url"), ==, "https://example.org/%7Bodd%7D?q=1%202");
  g_assert_cmpstr (accords_bib_entry_get (e, "month"), ==, "5");
  note = accords_bibtex_to_plain (accords_bib_entry_get (e, "note"));
  g_assert_cmpstr (note, ==, "Archived on 2025-09-03");
  {
    g_auto(GStrv) names = accords_bibtex_split_names (accords_bib_entry_get (e, "author"));
    g_assert_cmpstrv (names, ((const char *[]) { "Doe, Jane", "{Reuters \\& Co}", NULL }));
  }

  ris = accords_cite_records_to_ris (records);
  ris_entries = accords_ris_read (g_bytes_get_data (ris, NULL), &error);
  g_assert_no_error (error);
  e = ris_entries->pdata[0];
  g_assert_cmpstr (accords_bib_entry_get (e, "TI"), ==, "Line one {braced} \\ back~slash ^ $5 #1 50% a_b & c");
  g_assert_cmpstr (accords_bib_entry_get (e, "DA"), ==, "2025/05//");
  g_assert_cmpstr (accords_bib_entry_get (e, "DB"), ==, "Accords");
  g_assert_cmpstr (accords_bib_entry_get (e, "AN"), ==, "accords:item:7");
  g_assert_cmpstr (accords_bib_entry_get (e, "N1"), ==, "Archived on 2025-09-03");
}

/* Tables, struck text and bare addresses reach the HTML and the PDF */
static void
test_gfm (Fixture *f, gconstpointer data)
{
  g_autofree char *html = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_HTML, 0);
  g_autofree char *path = g_build_filename (f->dir, "note.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status;

  g_assert_nonnull (strstr (html, "<table>\n<thead>\n<tr>\n<th>Date</th>\n<th style=\"text-align: center\">Event</th>\n<th style=\"text-align: right\">Source</th>"));
  g_assert_nonnull (strstr (html, "<td>4 May 2025</td>"));
  g_assert_nonnull (strstr (html, "<del>Signed</del> Announced"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/auto\">https://example.org/auto</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#ref-2\" title=\"US and Rwanda reach a deal\">[2]</a></td>"));
  g_assert_null (strstr (html, "|------"));

  {
    g_auto(AccordsExportOptions) options;
    g_autoptr(GBytes) bytes = NULL;

    accords_export_options_init (&options);
    options.scope = ACCORDS_EXPORT_SCOPE_NOTE;
    options.format = ACCORDS_EXPORT_FORMAT_PDF;
    options.note_id = f->note_id;
    bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);
  /* cells, not pipes: the header on one line, each row on its own */
  g_assert_null (strstr (out, "|"));
  g_assert_true (g_regex_match_simple ("Date +Event +Source", out, 0, 0));
  g_assert_true (g_regex_match_simple ("4 May 2025 +Talks confirmed +\\[1\\]", out, 0, 0));
  g_assert_true (g_regex_match_simple ("5 Aug 2025 +Signed Announced +\\[2\\]", out, 0, 0));
  g_assert_nonnull (strstr (out, "https://example.org/auto"));
}

static void
test_author_date (Fixture *f, gconstpointer data)
{
  g_autofree char *md = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  g_autofree char *html = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_HTML, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  g_autofree char *numbered = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_CITATION_STYLE_NUMBERED);
  const char *refs;
  const char *order[] = {
    "- Doe, Jane (2025). US and Rwanda reach a deal. Test Wire. <https://example.org/wire/41> (accessed 2 September 2025).",
    "- Human Rights Watch (2025). “Sent Away”",
    "- LBCI (2025). Rwanda in talks to receive migrants deported from US, FM says.",
    "- Staff, \"Wire\" (2025). Deportees arrive in Kigali. Test Wire.",
    "- Test Wire (n.d.). Undated page. <https://example.org/wire/about>",
  };
  const char *at;

  g_test_message ("%s", md);
  /* in the text: who and when */
  g_assert_nonnull (strstr (md, "| 4 May 2025 | Talks confirmed | (LBCI 2025) |"));
  g_assert_nonnull (strstr (md, "| 5 Aug 2025 | ~~Signed~~ Announced | (Doe 2025) |"));
  g_assert_nonnull (strstr (md, "Arrivals (Staff, \"Wire\" 2025), the report (Human Rights Watch 2025), a page (Test Wire n.d.)"));
  /* the list by author, no numbers */
  refs = strstr (md, "## References");
  g_assert_nonnull (refs);
  at = refs;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);
      if (found == NULL)
        g_error ("the list lacks, or misplaces, “%s”:\n%s", order[i], refs);
      at = found;
    }
  g_assert_null (strstr (refs, "1. "));

  g_assert_nonnull (strstr (html, "<ul class=\"references author-date\">"));
  g_assert_nonnull (strstr (html, "ul.author-date {"));
  g_assert_nonnull (strstr (html, ">(LBCI 2025)</a>"));

  /* the numbered style is as before */
  g_assert_nonnull (strstr (numbered, "| 4 May 2025 | Talks confirmed | [1] |"));
  g_assert_nonnull (strstr (numbered, "1. Rwanda in talks"));
}

/* Names are text in every format: markup in them is escaped */
static void
test_author_date_markup (Fixture *f, gconstpointer data)
{
  g_auto(AccordsExportOptions) options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (f->dir, "markup.pdf", NULL);
  g_autofree char *md = NULL, *html = NULL, *out = NULL, *err = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status;

  exec_sql (f->store, "UPDATE item SET author = 'AT&T <Jones> *Ltd*' WHERE id = 42");
  md = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  g_assert_nonnull (strstr (md, "Arrivals (AT\\&T \\<Jones\\> \\*Ltd\\* 2025)"));
  html = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_HTML, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  g_assert_nonnull (strstr (html, ">(AT&amp;T &lt;Jones&gt; *Ltd* 2025)</a>"));

  accords_export_options_init (&options);
  options.scope = ACCORDS_EXPORT_SCOPE_NOTE;
  options.format = ACCORDS_EXPORT_FORMAT_PDF;
  options.citation_style = ACCORDS_CITATION_STYLE_AUTHOR_DATE;
  options.note_id = f->note_id;
  bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Arrivals (AT&T <Jones> *Ltd* 2025)"));

  /* and in the dossier's own tables, which are not Markdown */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE source SET publisher = 'R&D <News>' WHERE id = %" G_GINT64_FORMAT, f->lbci_id);
    g_autofree char *dossier = NULL;

    exec_sql (f->store, sql);
    g_clear_pointer (&bytes, g_bytes_unref);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    options.scope = ACCORDS_EXPORT_SCOPE_AGREEMENT;
    options.agreement = g_strdup ("us-rw-2025");
    bytes = accords_export_render (f->store, f->iso_codes, &options, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "(R&D <News> 2025)"));
    dossier = render (f, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
    g_assert_nonnull (strstr (dossier, "(R\\&D \\<News\\> 2025)"));
  }
}

/* Two works of one author and year are 2025a and 2025b */
static void
test_author_date_same_year (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;

  exec_sql (f->store, "UPDATE item SET author = 'Jane Doe' WHERE id = 42");
  md = render (f, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_MARKDOWN, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  g_test_message ("%s", md);
  /* "Deportees…" sorts before "US and…" */
  g_assert_nonnull (strstr (md, "| 5 Aug 2025 | ~~Signed~~ Announced | (Doe 2025b) |"));
  g_assert_nonnull (strstr (md, "Arrivals (Doe 2025a)"));
  g_assert_nonnull (strstr (md, "- Doe, Jane (2025a). Deportees arrive in Kigali."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citations/bibtex-reader", test_bibtex_reader);
  g_test_add_func ("/citations/bibtex-reader-errors", test_bibtex_reader_errors);
  g_test_add_func ("/citations/ris-reader", test_ris_reader);
  g_test_add_func ("/citations/ris-reader-errors", test_ris_reader_errors);
  g_test_add_func ("/citations/bylines", test_bylines);
  g_test_add_func ("/citations/writers", test_writers);
  g_test_add ("/citations/csl-json", Fixture, NULL, fixture_set_up, test_csl_json, fixture_tear_down);
  g_test_add ("/citations/bibtex", Fixture, NULL, fixture_set_up, test_bibtex, fixture_tear_down);
  g_test_add ("/citations/ris", Fixture, NULL, fixture_set_up, test_ris, fixture_tear_down);
  g_test_add ("/citations/gfm", Fixture, NULL, fixture_set_up, test_gfm, fixture_tear_down);
  g_test_add ("/citations/author-date", Fixture, NULL, fixture_set_up, test_author_date, fixture_tear_down);
  g_test_add ("/citations/author-date-markup", Fixture, NULL, fixture_set_up, test_author_date_markup, fixture_tear_down);
  g_test_add ("/citations/author-date-same-year", Fixture, NULL, fixture_set_up, test_author_date_same_year, fixture_tear_down);

  return g_test_run ();
}
