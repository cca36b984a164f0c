/* test-item-links.c: news items linked as they are imported, relinked when the linker changes */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-history.h"
#include "accords-import-linker.h"
#include "accords-importer.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-test-util.h"

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
  char           *feed;     /* a copy of the seed article feed, to edit */
} Fixture;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "news", "seed-article.rss", NULL);
  g_autofree char *contents = NULL;

  f->dir = g_dir_make_tmp ("accords-links-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "links.db", NULL);
  f->context = accords_context_new (db, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  f->feed = g_build_filename (f->dir, "seed-article.rss", NULL);
  g_assert_true (g_file_set_contents (f->feed, contents, -1, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->feed);
}

static AccordsLinker *
new_linker (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AccordsLinker *linker = accords_import_new_linker (f->store, accords_context_get_iso_codes (f->context), &error);

  g_assert_no_error (error);
  return linker;
}

static void
import_feed (Fixture *f,
             guint    n_new,
             guint    n_updated,
             guint    n_unchanged)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_importer_import_file (f->store, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->n_new, ==, n_new);
  g_assert_cmpuint (result->n_updated, ==, n_updated);
  g_assert_cmpuint (result->n_unchanged, ==, n_unchanged);
}

/* Replaces text in the feed file, as a feed that updated an item would */
static void
edit_feed (Fixture    *f,
           const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) s = NULL;

  g_assert_true (g_file_get_contents (f->feed, &contents, NULL, NULL));
  s = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (f->feed, s->str, -1, NULL));
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

/* The item's country codes, sorted, joined by spaces */
static char *
countries_of (Fixture *f,
              gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = accords_store_load_item_countries (f->store, item_id, &error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (codes, ((AccordsStoredLink *) links->pdata[i])->code);
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

/* The item's suggested or judged agreements, sorted, as "slug:state" */
static char *
agreements_of (Fixture *f,
               gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = accords_store_load_item_agreements (f->store, item_id, &error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    {
      AccordsStoredLink *l = links->pdata[i];
      g_ptr_array_add (out, g_strdup_printf ("%s:%s", l->code, l->state));
    }
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return g_strjoinv (" ", (char **) out->pdata);
}

static const AccordsStoredLink *
find_link (GPtrArray  *links,
           const char *code)
{
  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (((AccordsStoredLink *) links->pdata[i])->code, code))
      return links->pdata[i];
  return NULL;
}

static void
set_state (Fixture    *f,
           gint64      item_id,
           const char *slug,
           const char *state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_store_set_link_state (f->store, item_id, slug, state, &error));
  g_assert_no_error (error);
}

static void
test_seed_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *slugs = NULL;
  g_autoptr(AccordsLinker) linker = new_linker (f);
  const AccordsStoredLink *rw, *us_rw;
  gint64 article;

  import_feed (f, 3, 0, 0);
  article = item_id_of (f, "Nduhungirehe");

  codes = countries_of (f, article);
  g_assert_cmpstr (codes, ==, "CR GB IQ PA RW SV US");
  countries = accords_store_load_item_countries (f->store, article, &error);
  g_assert_no_error (error);
  rw = find_link (countries, "RW");
  g_assert_nonnull (rw);
  /* most mentioned first, with what was written */
  g_assert_true (countries->pdata[0] == rw);
  g_assert_cmpuint (rw->count, >=, 10);
  g_assert_nonnull (strstr (rw->matched, "Rwandan"));
  g_assert_cmpstr (rw->method, ==, "gazetteer");

  slugs = agreements_of (f, article);
  g_assert_cmpstr (slugs, ==, "uk-rw-medp-2022:suggested us-cr-2025:suggested us-pa-2025:suggested "
                              "us-rw-2025:suggested us-sv-cecot-2025:suggested");
  agreements = accords_store_load_item_agreements (f->store, article, &error);
  g_assert_no_error (error);
  us_rw = find_link (agreements, "us-rw-2025");
  g_assert_true (agreements->pdata[0] == us_rw);   /* best first */
  g_assert_cmpfloat (us_rw->score, >, 0.5);
  g_assert_nonnull (strstr (us_rw->reason, "Nduhungirehe"));
  g_assert_nonnull (strstr (us_rw->reason, "deported"));
  /* "collapsed" is said of the UK deal, in its own sentences */
  g_assert_cmpstr (((AccordsStoredLink *) find_link (agreements, "uk-rw-medp-2022"))->signal, ==, "collapsed");

  /* the first items of a database record who linked them */
  g_assert_true (accords_store_links_up_to_date (f->store, linker));
}

static void
test_unchanged_not_relinked (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *unchanged = NULL;
  g_autofree char *updated = NULL;
  gint64 article;

  import_feed (f, 3, 0, 0);
  article = item_id_of (f, "Nduhungirehe");
  /* a link dropped behind the importer's back stays dropped: an unchanged
   * item is not linked again */
  g_assert_true (accords_store_exec (f->store, "DELETE FROM item_country WHERE country = 'IQ'", NULL));
  import_feed (f, 0, 0, 3);
  unchanged = countries_of (f, article);
  g_assert_cmpstr (unchanged, ==, "CR GB PA RW SV US");

  /* an updated item is linked again */
  edit_feed (f, "deported Iraqi national", "deported Iraqi national and a Ghanaian");
  import_feed (f, 0, 1, 2);
  updated = countries_of (f, article);
  g_assert_cmpstr (updated, ==, "CR GB GH IQ PA RW SV US");
}

static void
test_judged_links_stay (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AccordsLinker) linker = new_linker (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *after_import = NULL;
  g_autofree char *after_relink = NULL;
  g_autofree char *state = NULL;
  AccordsRelinkStats stats;
  gint64 article, arrivals;

  import_feed (f, 3, 0, 0);
  article = item_id_of (f, "Nduhungirehe");
  arrivals = item_id_of (f, "Kigali");
  set_state (f, article, "us-cr-2025", "rejected");
  set_state (f, article, "us-rw-2025", "confirmed");
  set_state (f, arrivals, "us-rw-2025", "rejected");

  /* the feed updates both items: they are linked again, the verdicts stay */
  edit_feed (f, "Costa Rica, have also", "Costa Rica, have also quietly");
  edit_feed (f, "landed in Kigali", "landed in Kigali on Friday");
  import_feed (f, 0, 2, 1);
  after_import = agreements_of (f, article);
  g_assert_cmpstr (after_import, ==, "uk-rw-medp-2022:suggested us-cr-2025:rejected us-pa-2025:suggested "
                                     "us-rw-2025:confirmed us-sv-cecot-2025:suggested");
  state = accords_store_get_link_state (f->store, arrivals, "us-rw-2025", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, "rejected");

  /* and a relink of everything keeps them too */
  g_assert_true (accords_store_relink (f->store, linker, TRUE, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_items, ==, 3);
  g_assert_true (stats.countries);
  g_assert_cmpuint (stats.n_kept, ==, 3);
  after_relink = agreements_of (f, article);
  g_assert_cmpstr (after_relink, ==, after_import);
  g_clear_pointer (&state, g_free);
  state = accords_store_get_link_state (f->store, arrivals, "us-rw-2025", &error);
  g_assert_cmpstr (state, ==, "rejected");

  /* a rejected link is no evidence for the agreement's list */
  {
    AccordsItemFilter filter = { .agreement = "us-rw-2025" };
    g_autoptr(GArray) ids = accords_store_query_item_ids_filtered (f->store, &filter, ACCORDS_ITEM_SORT_DATE,
                                                                   TRUE, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, article);
  }
}

static void
test_set_state_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  gint64 debate;

  import_feed (f, 3, 0, 0);
  debate = item_id_of (f, "Folketing");

  g_assert_false (accords_store_set_link_state (f->store, debate, "us-rw-2025", "maybe", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "maybe"));
  g_clear_error (&error);
  g_assert_false (accords_store_set_link_state (f->store, debate, "no-such-deal", "confirmed", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-deal"));
  g_clear_error (&error);
  g_assert_false (accords_store_set_link_state (f->store, 4242, "us-rw-2025", "confirmed", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);

  /* a link nothing suggested is made by hand */
  g_assert_null (accords_store_get_link_state (f->store, debate, "us-rw-2025", &error));
  g_assert_no_error (error);
  set_state (f, debate, "us-rw-2025", "confirmed");
  state = accords_store_get_link_state (f->store, debate, "us-rw-2025", &error);
  g_assert_cmpstr (state, ==, "confirmed");
}

static void
test_relink_on_change (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(AccordsLinker) changed = NULL;
  g_autoptr(AccordsAgreement) dk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slugs = NULL;
  g_autofree char *countries = NULL;
  const char *aliases[] = { "Folketing", NULL };
  AccordsRelinkStats stats;
  gint64 debate;

  import_feed (f, 3, 0, 0);
  debate = item_id_of (f, "Folketing");
  linker = new_linker (f);
  g_assert_true (accords_store_links_up_to_date (f->store, linker));
  /* up to date: nothing to do */
  g_assert_true (accords_store_relink (f->store, linker, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_cmpuint (stats.n_items, ==, 0);

  /* an agreement gains an alias: the links are out of date, and a relink
   * redoes the agreements only, the gazetteer being the same */
  dk = accords_store_load_agreement (f->store, "dk-rw-2021", &error);
  g_assert_no_error (error);
  accords_agreement_set_aliases (dk, aliases);
  g_assert_true (accords_store_save_agreement (f->store, dk, &error));
  g_assert_no_error (error);
  changed = new_linker (f);
  g_assert_cmpstr (accords_linker_get_checksum (changed), !=, accords_linker_get_checksum (linker));
  g_assert_false (accords_store_links_up_to_date (f->store, changed));
  g_assert_true (accords_store_exec (f->store, "DELETE FROM item_country WHERE country = 'DK'", NULL));
  g_assert_true (accords_store_relink (f->store, changed, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_items, ==, 3);
  g_assert_false (stats.countries);
  g_assert_true (accords_store_links_up_to_date (f->store, changed));
  countries = countries_of (f, debate);
  g_assert_cmpstr (countries, ==, "RW");   /* country links were left alone */
  {
    g_autoptr(GPtrArray) links = accords_store_load_item_agreements (f->store, debate, &error);
    const AccordsStoredLink *l = find_link (links, "dk-rw-2021");

    g_assert_nonnull (l);
    g_assert_cmpstr (l->method, ==, "alias");
    g_assert_nonnull (strstr (l->reason, "Folketing"));
  }

  /* the gazetteer's checksum differs: countries are redone too */
  g_assert_true (accords_store_set_meta (f->store, ACCORDS_META_LINKS_CHECKSUM, "older", &error));
  g_assert_true (accords_store_set_meta (f->store, ACCORDS_META_LINKS_GAZETTEER, "older", &error));
  g_assert_true (accords_store_relink (f->store, changed, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_true (stats.countries);
  g_clear_pointer (&countries, g_free);
  countries = countries_of (f, debate);
  g_assert_cmpstr (countries, ==, "DK RW");

  /* an interrupted relink carries on after the last item it did */
  {
    g_autofree char *position = g_strdup_printf ("%s agreements 2", accords_linker_get_checksum (changed));

    g_assert_true (accords_store_set_meta (f->store, ACCORDS_META_LINKS_CHECKSUM, "older", &error));
    g_assert_true (accords_store_set_meta (f->store, ACCORDS_META_RELINK_POSITION, position, &error));
    g_assert_true (accords_store_relink (f->store, changed, FALSE, NULL, NULL, NULL, &stats, &error));
    g_assert_cmpuint (stats.n_items, ==, 1);
    g_assert_false (stats.countries);
    g_assert_true (accords_store_links_up_to_date (f->store, changed));
    g_assert_null (accords_store_get_meta (f->store, ACCORDS_META_RELINK_POSITION));
  }
  slugs = agreements_of (f, debate);
  g_assert_cmpstr (slugs, ==, "dk-rw-2021:suggested");
}

static void
test_unlinked_import (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordsLinker) linker = new_linker (f);
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  AccordsRelinkStats stats;
  gint64 article;

  g_assert_true (accords_importer_import_file_full (f->store, NULL, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 3);
  article = item_id_of (f, "Nduhungirehe");
  codes = countries_of (f, article);
  g_assert_cmpstr (codes, ==, "");
  /* items stored unlinked leave the links out of date, for a relink */
  g_assert_false (accords_store_links_up_to_date (f->store, linker));
  g_assert_true (accords_store_relink (f->store, linker, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_cmpuint (stats.n_items, ==, 3);
  g_clear_pointer (&codes, g_free);
  codes = countries_of (f, article);
  g_assert_cmpstr (codes, ==, "CR GB IQ PA RW SV US");
}

/* An import whose linker was made before an agreement changed lands after
 * another connection relinked with the new one: the store must not say its
 * items are linked by the new linker */
static void
test_import_older_linker (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AccordsLinker) older = NULL;
  g_autoptr(AccordsLinker) newer = NULL;
  g_autoptr(AccordsAgreement) dk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *later = g_build_filename (f->dir, "later.rss", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (later);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  const char *aliases[] = { "Folketing", NULL };
  AccordsRelinkStats stats;

  import_feed (f, 3, 0, 0);
  older = new_linker (f);
  dk = accords_store_load_agreement (f->store, "dk-rw-2021", &error);
  g_assert_no_error (error);
  accords_agreement_set_aliases (dk, aliases);
  g_assert_true (accords_store_save_agreement (f->store, dk, &error));
  newer = new_linker (f);
  g_assert_true (accords_store_relink (f->store, newer, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (accords_store_links_up_to_date (f->store, newer));

  /* another channel's file, so new items, linked by the older linker (a
   * copy of the same channel under another name would be the same feed) */
  g_assert_true (g_file_get_contents (f->feed, &contents, NULL, NULL));
  {
    g_autoptr(GString) other = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (other, "<title>Seed Article Desk</title>",
                                        "<title>Later Desk</title>", 1), ==, 1);
    g_assert_true (g_file_set_contents (later, other->str, -1, NULL));
  }
  g_assert_true (accords_importer_import_file_full (f->store, older, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 3);
  g_assert_false (accords_store_links_up_to_date (f->store, newer));

  /* the next relink makes them again, the agreements only */
  g_assert_true (accords_store_relink (f->store, newer, FALSE, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_items, ==, 6);
  g_assert_false (stats.countries);
  g_assert_true (accords_store_links_up_to_date (f->store, newer));
}

static guint
count_filtered (Fixture    *f,
                const char *query,
                const char *country,
                const char *agreement,
                guint       limit)
{
  AccordsItemFilter filter = { query, 0, country, agreement };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = accords_store_query_item_ids_filtered (f->store, &filter, ACCORDS_ITEM_SORT_DATE,
                                                                 TRUE, limit, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  import_feed (f, 3, 0, 0);

  g_assert_cmpuint (count_filtered (f, NULL, NULL, NULL, 0), ==, 3);
  g_assert_cmpuint (count_filtered (f, NULL, "RW", NULL, 0), ==, 3);
  g_assert_cmpuint (count_filtered (f, NULL, "DK", NULL, 0), ==, 1);
  g_assert_cmpuint (count_filtered (f, NULL, "IQ", NULL, 0), ==, 1);
  g_assert_cmpuint (count_filtered (f, NULL, "FR", NULL, 0), ==, 0);
  g_assert_cmpuint (count_filtered (f, NULL, NULL, "us-rw-2025", 0), ==, 2);
  g_assert_cmpuint (count_filtered (f, NULL, NULL, "dk-rw-2021", 0), ==, 1);
  g_assert_cmpuint (count_filtered (f, NULL, NULL, "it-al-protocol-2023", 0), ==, 0);
  /* together, and with a search and a limit */
  g_assert_cmpuint (count_filtered (f, NULL, "US", "us-rw-2025", 0), ==, 2);
  g_assert_cmpuint (count_filtered (f, NULL, "IQ", "us-rw-2025", 0), ==, 1);
  g_assert_cmpuint (count_filtered (f, "Kigali", "RW", "us-rw-2025", 0), ==, 1);
  g_assert_cmpuint (count_filtered (f, "Kigali", "DK", NULL, 0), ==, 0);
  g_assert_cmpuint (count_filtered (f, NULL, "RW", NULL, 2), ==, 2);
  /* text with FTS syntax errors still searches, narrowed */
  g_assert_cmpuint (count_filtered (f, "\"Kigali AND (", "RW", NULL, 0), ==, 1);
}

static void
test_agreement_links (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  AccordsLinkCounts counts;
  AccordsItemLink *first;
  gint64 article, arrivals;

  import_feed (f, 3, 0, 0);
  article = item_id_of (f, "Nduhungirehe");
  arrivals = item_id_of (f, "Kigali");

  links = accords_store_load_agreement_links (f->store, "us-rw-2025", FALSE, 0, 0, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpuint (counts.n_suggested, ==, 2);
  /* strongest evidence first */
  first = links->pdata[0];
  g_assert_cmpint (accords_item_link_get_item_id (first), ==, article);
  /* its talks (5 May 2025) are older than the deal's status, implemented
   * since August 2025: no cue; the arrivals of 15 August are newer */
  g_assert_cmpstr (accords_item_link_get_signal (first), ==, "");
  g_assert_cmpstr (accords_item_link_get_signal (links->pdata[1]), ==, "first_transfer");
  g_assert_cmpstr (accords_item_link_get_feed_title (first), ==, "Seed Article Desk");
  g_assert_cmpstr (accords_item_link_get_published (first), ==, "2025-05-05T08:00:00Z");
  g_clear_pointer (&links, g_ptr_array_unref);

  /* confirmed ones come first, rejected ones only when asked for */
  set_state (f, arrivals, "us-rw-2025", "confirmed");
  set_state (f, article, "us-rw-2025", "rejected");
  links = accords_store_load_agreement_links (f->store, "us-rw-2025", FALSE, 0, 0, &counts, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpuint (counts.n_suggested, ==, 0);
  g_assert_cmpuint (counts.n_confirmed, ==, 1);
  g_assert_cmpuint (counts.n_rejected, ==, 1);
  g_assert_cmpstr (accords_item_link_get_state (links->pdata[0]), ==, "confirmed");
  g_clear_pointer (&links, g_ptr_array_unref);
  links = accords_store_load_agreement_links (f->store, "us-rw-2025", TRUE, 0, 0, NULL, &error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (accords_item_link_get_state (links->pdata[1]), ==, "rejected");
  g_clear_pointer (&links, g_ptr_array_unref);
  /* in pages */
  links = accords_store_load_agreement_links (f->store, "us-rw-2025", TRUE, 1, 1, NULL, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (accords_item_link_get_item_id (links->pdata[0]), ==, article);
}

static char *
state_of (Fixture    *f,
          gint64      item_id,
          const char *slug)
{
  g_autoptr(GError) error = NULL;
  char *state = accords_store_get_link_state (f->store, item_id, slug, &error);

  g_assert_no_error (error);
  return state;
}

static void
history_changed_cb (AccordsStore *store,
                    guint         what,
                    guint        *seen)
{
  *seen |= what;
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AccordsHistory) history = accords_history_new (f->store);
  g_autoptr(AccordsCommand) command = accords_command_new ("Reject news link");
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
  guint seen = 0;
  gint64 article, arrivals;

  import_feed (f, 3, 0, 0);
  article = item_id_of (f, "Nduhungirehe");
  arrivals = item_id_of (f, "Kigali");
  g_signal_connect (f->store, "changed", G_CALLBACK (history_changed_cb), &seen);

  accords_command_add_link_state (command, article, "us-rw-2025", "suggested", "confirmed");
  accords_command_add_link_state (command, arrivals, "us-rw-2025", "suggested", "rejected");
  g_assert_cmpuint (accords_command_get_change_flags (command), ==, ACCORDS_STORE_CHANGE_LINKS);
  g_assert_true (accords_history_push (history, command, &error));
  g_assert_no_error (error);
  /* what shows links reloads; what shows agreements need not */
  g_assert_cmpuint (seen, ==, ACCORDS_STORE_CHANGE_LINKS);
  s1 = state_of (f, article, "us-rw-2025");
  s2 = state_of (f, arrivals, "us-rw-2025");
  g_assert_cmpstr (s1, ==, "confirmed");
  g_assert_cmpstr (s2, ==, "rejected");
  g_assert_cmpstr (accords_history_get_undo_label (history), ==, "Reject news link");

  g_assert_true (accords_history_undo (history, &error));
  s3 = state_of (f, arrivals, "us-rw-2025");
  g_assert_cmpstr (s3, ==, "suggested");
  g_assert_true (accords_history_redo (history, &error));
  s4 = state_of (f, arrivals, "us-rw-2025");
  g_assert_cmpstr (s4, ==, "rejected");
  g_signal_handlers_disconnect_by_data (f->store, &seen);
}

typedef struct {
  gboolean finished;
  guint    n_items;
  guint    n_link_changes;
  guint    n_ticks;
} Watch;

static void
relinker_finished_cb (AccordsRelinker *relinker,
                      guint            n_items,
                      const GError    *error,
                      Watch           *w)
{
  g_assert_no_error ((GError *) error);
  w->finished = TRUE;
  w->n_items = n_items;
}

static void
store_changed_cb (AccordsStore *store,
                  guint         what,
                  Watch        *w)
{
  if (what & ACCORDS_STORE_CHANGE_LINKS)
    w->n_link_changes++;
}

static gboolean
tick_cb (gpointer user_data)
{
  Watch *w = user_data;

  w->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
wait_finished (Watch *w)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  w->finished = FALSE;
  while (!w->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (w->finished);
}

static void
test_relinker (Fixture       *f,
               gconstpointer  data)
{
  AccordsRelinker *relinker = accords_context_get_relinker (f->context);
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
  g_autoptr(AccordsAgreement) dk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  const char *aliases[] = { "Folketing", NULL };
  Watch w = { 0 };
  guint tick;
  gint64 article, debate;

  g_assert_true (accords_importer_import_file_full (f->store, NULL, file, result, NULL, NULL, NULL, &error));
  article = item_id_of (f, "Nduhungirehe");
  debate = item_id_of (f, "Folketing");
  g_signal_connect (relinker, "finished", G_CALLBACK (relinker_finished_cb), &w);
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), &w);

  /* the unlinked items are linked in a worker: this thread goes on */
  tick = g_timeout_add (1, tick_cb, &w);
  accords_relinker_start (relinker);
  g_assert_true (accords_relinker_get_running (relinker));
  wait_finished (&w);
  g_source_remove (tick);
  g_assert_false (accords_relinker_get_running (relinker));
  g_assert_cmpuint (w.n_items, ==, 3);
  g_assert_cmpuint (w.n_link_changes, ==, 1);
  g_assert_cmpfloat (accords_relinker_get_fraction (relinker), ==, 1.0);
  codes = countries_of (f, article);
  g_assert_cmpstr (codes, ==, "CR GB IQ PA RW SV US");

  /* checked again: up to date, nothing done */
  accords_relinker_check (relinker);
  wait_finished (&w);
  g_assert_cmpuint (w.n_items, ==, 0);
  g_assert_cmpuint (w.n_link_changes, ==, 1);

  /* an agreement gains an alias: the relinker follows */
  dk = accords_store_load_agreement (f->store, "dk-rw-2021", &error);
  accords_agreement_set_aliases (dk, aliases);
  g_assert_true (accords_store_save_agreement (f->store, dk, &error));
  accords_store_emit_changed (f->store, ACCORDS_STORE_CHANGE_AGREEMENTS);
  wait_finished (&w);
  g_assert_cmpuint (w.n_items, ==, 3);
  g_assert_cmpuint (w.n_link_changes, ==, 2);
  {
    g_autoptr(GPtrArray) links = accords_store_load_item_agreements (f->store, debate, &error);
    const AccordsStoredLink *l = find_link (links, "dk-rw-2021");

    g_assert_nonnull (l);
    g_assert_cmpstr (l->method, ==, "alias");
  }
  g_assert_cmpuint (w.n_ticks, >, 0);

  g_signal_handlers_disconnect_by_data (f->store, &w);
  g_signal_handlers_disconnect_by_data (relinker, &w);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/links/import/seed-article", test_seed_article);
  ADD ("/links/import/unchanged-not-relinked", test_unchanged_not_relinked);
  ADD ("/links/import/unlinked", test_unlinked_import);
  ADD ("/links/import/older-linker", test_import_older_linker);
  ADD ("/links/state/judged-stay", test_judged_links_stay);
  ADD ("/links/state/errors", test_set_state_errors);
  ADD ("/links/state/undo", test_undo);
  ADD ("/links/relink/on-change", test_relink_on_change);
  ADD ("/links/relink/in-the-background", test_relinker);
  ADD ("/links/filters", test_filters);
  ADD ("/links/agreement-links", test_agreement_links);

  return g_test_run ();
}
