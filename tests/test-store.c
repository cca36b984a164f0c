/* test-store.c: the database: migrations, refusals, seeding, queries */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-dataset.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-party.h"
#include "accords-schema.h"
#include "accords-store-agreements.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("accords-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
}


static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
user_version (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint v = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
test_migrate_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  sqlite3_stmt *stmt;

  /* a path with nothing there is a new database */
  store = accords_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accords_store_get_schema_version (store), ==, accords_schema_get_version ());

  stmt = accords_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  stmt = accords_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  /* statements are cached: the same SQL gives the same statement */
  g_assert_true (accords_store_prepare (store, "PRAGMA journal_mode", NULL) == stmt);

  g_clear_object (&store);
  /* re-opening an up-to-date database changes nothing */
  store = accords_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (user_version (f->path), ==, accords_schema_get_version ());
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize len_before, len_after;
  sqlite3 *db;
  char pragma[64];

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_snprintf (pragma, sizeof pragma, "PRAGMA user_version = %u", accords_schema_get_version () + 5);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (f->path, &before, &len_before, NULL));
  store = accords_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_true (g_file_get_contents (f->path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_refuse_not_database (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsContext) context = NULL;
  const char *text = "These are my research notes, not a database.\n";
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  store = accords_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  context = accords_context_new (f->path, &error);
  g_assert_null (context);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  /* nor were journal files left beside it */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static AccordsAgreement *
find (GListModel *list, const char *slug)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      AccordsAgreement *a = g_list_model_get_item (list, i);
      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return a;
      g_object_unref (a);
    }
  return NULL;
}

static gboolean
has_event (AccordsAgreement *a, const char *date, const char *type)
{
  GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (events, i);
      if (g_strcmp0 (accords_event_get_date (e), date) == 0 &&
          (type == NULL || g_strcmp0 (accords_event_get_event_type (e), type) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
test_seed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  g_autoptr(GListStore) all = NULL;
  g_autoptr(AccordsAgreement) uk = NULL;
  g_autoptr(AccordsAgreement) us = NULL;
  g_autoptr(AccordsAgreement) medp = NULL;
  AccordsStore *store;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  store = accords_context_get_store (context);
  all = accords_store_load_agreements (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 38);

  uk = find (G_LIST_MODEL (all), "uk-rw-medp-2022");
  g_assert_nonnull (uk);
  g_assert_true (accords_agreement_has_party (uk, "GB"));
  g_assert_true (accords_agreement_has_party (uk, "RW"));
  g_assert_true (has_event (uk, "2024-07-06", "scrapped"));
  g_assert_true (has_event (uk, "2023-06", NULL));   /* month precision kept */
  g_assert_cmpint (accords_agreement_get_status (uk), ==, ACCORDS_STATUS_SCRAPPED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (uk))), ==, 17);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_flags (uk))), ==, 7);
  g_assert_cmpint (accords_agreement_derive_status (uk, "2023-12-31"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (accords_agreement_derive_status (uk, "2024-05-01"), ==, ACCORDS_STATUS_RATIFIED);
  g_assert_cmpint (accords_agreement_derive_status (uk, "2024-08-01"), ==, ACCORDS_STATUS_SCRAPPED);

  us = find (G_LIST_MODEL (all), "us-rw-2025");
  g_assert_nonnull (us);
  g_assert_true (has_event (us, "2025-05-04", "talks_confirmed"));
  g_assert_cmpint (accords_agreement_get_status (us), ==, ACCORDS_STATUS_IMPLEMENTED);

  /* every source URL of the table is a source row, shared ones once */
  stmt = accords_store_prepare (store, "SELECT count(*) FROM source", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 140);
  sqlite3_reset (stmt);

  /* a user's edit survives the next opening: seeding happens once */
  accords_agreement_set_title (uk, "Edited by the researcher");
  g_assert_true (accords_store_save_agreement (store, uk, &error));
  g_assert_no_error (error);
  g_assert_true (accords_store_delete_agreement (store, "us-gh-2025", &error));
  g_clear_object (&context);

  context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  store = accords_context_get_store (context);
  g_assert_cmpuint (accords_store_count_agreements (store), ==, 37);
  medp = accords_store_load_agreement (store, "uk-rw-medp-2022", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_agreement_get_title (medp), ==, "Edited by the researcher");
}

/* The replay and today never disagree, and each country shows its most
 * advanced live status */
static void
test_status_today (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  g_autoptr(GListStore) all = NULL;
  g_autoptr(AccordsCountryList) countries = NULL;
  g_autoptr(AccordsAgreement) stca = NULL;
  g_autofree char *today = accords_date_today ();
  const struct { const char *code; AccordsStatus status; } expected[] = {
    { "US", ACCORDS_STATUS_IMPLEMENTED }, { "RW", ACCORDS_STATUS_IMPLEMENTED },
    { "AU", ACCORDS_STATUS_IMPLEMENTED }, { "UG", ACCORDS_STATUS_IMPLEMENTED },
    { "CA", ACCORDS_STATUS_IN_FORCE },
  };

  g_assert_no_error (error);
  all = accords_store_load_agreements (accords_context_get_store (context), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_test_message ("%s: shown %s, on %s %s", accords_agreement_get_slug (a),
                      accords_status_to_string (accords_agreement_get_status (a)), today,
                      accords_status_to_string (accords_agreement_get_status_on (a, today)));
      g_assert_cmpint (accords_agreement_get_status_on (a, today), ==, accords_agreement_get_status (a));
      g_assert_cmpint (accords_agreement_get_status_on (a, NULL), ==, accords_agreement_get_status (a));
    }

  /* in force since 29 December 2004, on the slider too */
  stca = find (G_LIST_MODEL (all), "us-ca-stca");
  g_assert_cmpint (accords_agreement_get_status_on (stca, "2003-06-01"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (accords_agreement_get_status_on (stca, "2016-06-01"), ==, ACCORDS_STATUS_IN_FORCE);
  g_assert_cmpint (accords_agreement_get_status_on (stca, "2024-05-01"), ==, ACCORDS_STATUS_IN_FORCE);

  countries = accords_country_list_new (context);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AccordsCountry *c = accords_country_list_lookup (countries, expected[i].code);

      g_assert_nonnull (c);
      g_assert_cmpstr (accords_status_to_string (accords_country_get_status (c)), ==,
                       accords_status_to_string (expected[i].status));
    }
  /* and on a date: the United Kingdom's deal had been ratified, Rwanda's too */
  accords_country_list_set_date (countries, "2024-05-01");
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "GB")), ==,
                   ACCORDS_STATUS_RATIFIED);
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "CA")), ==,
                   ACCORDS_STATUS_IN_FORCE);
}

/* A database of the first release had Canada–US's entry into force as a statement */
static void
test_migrate_in_force_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  g_autoptr(AccordsStore) reopened = NULL;
  g_autoptr(AccordsAgreement) stca = NULL;
  AccordsStore *store;

  g_assert_no_error (error);
  store = accords_context_get_store (context);
  g_assert_true (accords_store_exec (store, "UPDATE event SET type = 'statement' WHERE label = 'in_force';"
                                            "PRAGMA user_version = 5", &error));
  g_assert_no_error (error);
  g_clear_object (&context);

  reopened = accords_store_open (f->path, &error);
  g_assert_no_error (error);
  stca = accords_store_load_agreement (reopened, "us-ca-stca", &error);
  g_assert_no_error (error);
  g_assert_true (has_event (stca, "2004-12-29", "in_force"));
  g_assert_cmpint (accords_agreement_derive_status (stca, "2016-06-01"), ==, ACCORDS_STATUS_IN_FORCE);
}

static void
test_per_country (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  g_autoptr(GListStore) rw = NULL;
  g_autoptr(GListStore) none = NULL;
  g_autoptr(AccordsCountryList) countries = NULL;
  AccordsCountry *c;
  g_autoptr(AccordsAgreement) a = NULL, b = NULL;

  g_assert_no_error (error);
  rw = accords_store_load_agreements (accords_context_get_store (context), "RW", &error);
  g_assert_no_error (error);
  /* UK–Rwanda, US–Rwanda, Denmark–Rwanda, Israel–Rwanda–Uganda */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rw)), ==, 4);
  a = find (G_LIST_MODEL (rw), "uk-rw-medp-2022");
  b = find (G_LIST_MODEL (rw), "us-rw-2025");
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  none = accords_store_load_agreements (accords_context_get_store (context), "IS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);

  countries = accords_country_list_new (context);
  c = accords_country_list_lookup (countries, "RW");
  g_assert_cmpuint (accords_country_get_agreement_count (c), ==, 4);
  /* the most advanced live status of its agreements: UK–Rwanda was
   * scrapped, US–Rwanda is implemented */
  g_assert_cmpint (accords_country_get_status (c), ==, ACCORDS_STATUS_IMPLEMENTED);
  c = accords_country_list_lookup (countries, "US");
  g_assert_cmpuint (accords_country_get_agreement_count (c), ==, 20);
  c = accords_country_list_lookup (countries, "EU");
  g_assert_nonnull (c);
  g_assert_cmpuint (accords_country_get_agreement_count (c), ==, 8);

  /* the type filter counts only agreements of that type */
  accords_country_list_set_type_filter (countries, "offshore_processing");
  g_assert_cmpuint (accords_country_get_agreement_count (accords_country_list_lookup (countries, "RW")), ==, 0);
  g_assert_cmpuint (accords_country_get_agreement_count (accords_country_list_lookup (countries, "AU")), ==, 2);

  /* EU legislation is a kind of its own, filtered as such */
  accords_country_list_set_type_filter (countries, ACCORDS_LEGAL_FRAMEWORK_FILTER);
  g_assert_cmpuint (accords_country_get_agreement_count (accords_country_list_lookup (countries, "EU")), ==, 2);
  g_assert_cmpuint (accords_country_get_agreement_count (accords_country_list_lookup (countries, "US")), ==, 0);
  {
    g_autoptr(AccordsAgreement) rule = accords_store_load_agreement (accords_context_get_store (context),
                                                                     "eu-return-regulation", NULL);
    g_autoptr(AccordsAgreement) deal = accords_store_load_agreement (accords_context_get_store (context),
                                                                     "eu-tr-statement-2016", NULL);

    g_assert_true (accords_agreement_is_legal_framework (rule));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (rule))), ==, 1);
    g_assert_false (accords_agreement_is_legal_framework (deal));
  }

  /* on a past date, statuses are those of then */
  accords_country_list_set_type_filter (countries, NULL);
  accords_country_list_set_date (countries, "2023-12-31");
  c = accords_country_list_lookup (countries, "GB");
  g_assert_cmpint (accords_country_get_status (c), ==, ACCORDS_STATUS_SIGNED);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  AccordsStore *store = accords_context_get_store (context);
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"id\":\"x-1\",\"title\":\"\"}", "title" },
    { "{\"id\":\"x-1\",\"title\":\"T\",\"events\":[{\"date\":\"2025-02-30\",\"type\":\"signed\"}]}", "2025-02-30" },
    { "{\"id\":\"x-1\",\"title\":\"T\",\"parties\":[{\"country\":\"ZZ\",\"role\":\"sending\"}]}", "ZZ" },
    { "{\"id\":\"x-1\",\"title\":\"T\",\"sources\":[\"ftp://example.org/a\"]}", "ftp://" },
    { "{\"id\":\"Bad Id\",\"title\":\"T\"}", "id" },
    { "{\"id\":\"x-1\",\"title\":\"T\",\"people\":[{\"name\":\"A\",\"start\":\"2025\",\"end\":\"2024\"}]}", "before" },
    { "{\"id\":\"x-1\",\"title\":\"T\",\"events\":[{\"date\":\"2025\",\"type\":\"made_up\"}]}", "made_up" },
    { "{\"id\":\"x-1\",\"title\":3}", "string" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autoptr(AccordsAgreement) a = NULL;
      gboolean ok;

      g_assert_no_error (error);
      a = accords_agreement_from_json (node, "test", &error);
      ok = a != NULL && accords_agreement_validate (a, store, &error);
      g_assert_false (ok);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].message);
      g_clear_error (&error);
    }
  g_assert_false (accords_store_has_agreement (store, "x-1"));
}

static void
test_dataset_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  g_autoptr(JsonNode) first = NULL, second = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(AccordsStore) store2 = NULL;
  g_autofree char *a = NULL, *b = NULL;
  guint n = 0;

  g_assert_no_error (error);
  first = accords_dataset_to_json (accords_context_get_store (context), &error);
  g_assert_no_error (error);

  /* a bare store (no seed) with the countries */
  store2 = accords_store_open (other, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_sync_countries (store2, accords_context_get_iso_codes (context), &error));
  g_assert_true (accords_dataset_load (store2, first, "round-trip", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 38);
  second = accords_dataset_to_json (store2, &error);
  g_assert_no_error (error);

  a = json_to_string (first, TRUE);
  b = json_to_string (second, TRUE);
  g_assert_cmpstr (a, ==, b);
}

static void
test_load_is_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (f->path, &error);
  AccordsStore *store = accords_context_get_store (context);
  g_autoptr(JsonNode) node = json_from_string (
    "[{\"id\":\"new-one\",\"title\":\"A new one\",\"parties\":[{\"country\":\"FR\",\"role\":\"sending\"}]},"
    " {\"id\":\"us-rw-2025\",\"title\":\"Changed\"},"
    " {\"id\":\"broken\",\"title\":\"B\",\"events\":[{\"date\":\"2025-02-30\",\"type\":\"signed\"}]}]", NULL);
  g_autoptr(AccordsAgreement) us = NULL;

  g_assert_false (accords_dataset_load (store, node, "bad.json", NULL, &error));
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_nonnull (strstr (error->message, "agreements[2]"));
  g_assert_false (accords_store_has_agreement (store, "new-one"));
  us = accords_store_load_agreement (store, "us-rw-2025", NULL);
  g_assert_cmpstr (accords_agreement_get_title (us), !=, "Changed");
  g_assert_cmpuint (accords_store_count_agreements (store), ==, 38);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/migrate-empty", Fixture, NULL, fixture_set_up, test_migrate_empty, fixture_tear_down);
  g_test_add ("/store/refuse-newer", Fixture, NULL, fixture_set_up, test_refuse_newer, fixture_tear_down);
  g_test_add ("/store/refuse-not-database", Fixture, NULL, fixture_set_up, test_refuse_not_database, fixture_tear_down);
  g_test_add ("/store/seed", Fixture, NULL, fixture_set_up, test_seed, fixture_tear_down);
  g_test_add ("/store/per-country", Fixture, NULL, fixture_set_up, test_per_country, fixture_tear_down);
  g_test_add ("/store/status-today", Fixture, NULL, fixture_set_up, test_status_today, fixture_tear_down);
  g_test_add ("/store/migrate-in-force-steps", Fixture, NULL, fixture_set_up, test_migrate_in_force_steps,
              fixture_tear_down);
  g_test_add ("/store/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/store/dataset-round-trip", Fixture, NULL, fixture_set_up, test_dataset_round_trip, fixture_tear_down);
  g_test_add ("/store/load-is-atomic", Fixture, NULL, fixture_set_up, test_load_is_atomic, fixture_tear_down);

  return g_test_run ();
}
