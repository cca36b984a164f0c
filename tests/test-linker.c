/* test-linker.c: the countries and agreements a news item is about */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-event.h"
#include "accords-linker.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-store-agreements.h"

typedef struct {
  char             *dir;
  AccordsContext   *context;
  AccordsGazetteer *gazetteer;
  AccordsLinker    *linker;
  AccordsLinks     *links;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListStore) agreements = NULL;

  f->dir = g_dir_make_tmp ("accords-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->context = accords_context_new (path, &error);
  g_assert_no_error (error);
  f->gazetteer = accords_gazetteer_new (accords_context_get_iso_codes (f->context), &error);
  g_assert_no_error (error);
  agreements = accords_store_load_agreements (accords_context_get_store (f->context), NULL, &error);
  g_assert_no_error (error);
  f->linker = accords_linker_new (f->gazetteer, G_LIST_MODEL (agreements), &error);
  g_assert_no_error (error);
  f->links = accords_links_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  accords_links_free (f->links);
  g_assert_finalize_object (f->linker);
  g_assert_finalize_object (f->gazetteer);
  g_clear_object (&f->context);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
link_text (Fixture    *f,
           const char *text)
{
  const char *texts[1] = { text };

  accords_linker_link (f->linker, texts, 1, f->links);
}

static const AccordsAgreementSuggestion *
find_suggestion (AccordsLinks *links,
                 const char   *slug)
{
  for (guint i = 0; i < accords_links_get_n_agreements (links); i++)
    {
      const AccordsAgreementSuggestion *s = accords_links_get_agreement (links, i);

      if (g_str_equal (s->slug, slug))
        return s;
    }
  return NULL;
}

static char *
suggested_slugs (AccordsLinks *links)
{
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();

  for (guint i = 0; i < accords_links_get_n_agreements (links); i++)
    g_ptr_array_add (slugs, (gpointer) accords_links_get_agreement (links, i)->slug);
  g_ptr_array_add (slugs, NULL);
  return g_strjoinv (",", (char **) slugs->pdata);
}

static void
test_seed_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-article.txt", NULL);
  g_autofree char *article = NULL;
  g_autofree char *title = NULL;
  const char *expected_countries[] = { "RW", "US", "GB", "SV", "PA", "CR", "IQ" };
  const char *expected_agreements[] = { "us-rw-2025", "uk-rw-medp-2022", "us-sv-cecot-2025", "us-pa-2025", "us-cr-2025" };
  const char *texts[2];
  const AccordsAgreementSuggestion *us_rw, *uk_rw;
  char *body;

  g_assert_true (g_file_get_contents (path, &article, NULL, &error));
  g_assert_no_error (error);
  /* as a feed item: the first line is the title, the rest the summary */
  body = strchr (article, '\n');
  g_assert_nonnull (body);
  title = g_strndup (article, body - article);
  texts[0] = title;
  texts[1] = body + 1;
  accords_linker_link (f->linker, texts, 2, f->links);

  g_assert_cmpuint (accords_links_get_n_countries (f->links), ==, G_N_ELEMENTS (expected_countries));
  for (guint i = 0; i < G_N_ELEMENTS (expected_countries); i++)
    {
      const AccordsCountryMention *m = accords_links_get_country (f->links, i);

      g_test_message ("%s: %u × %s", m->code, m->count, m->matched);
      g_assert_cmpstr (m->code, ==, expected_countries[i]);  /* most mentioned first */
      g_assert_cmpuint (m->count, >=, 1);
    }
  g_assert_cmpstr (accords_links_get_country (f->links, 0)->matched, ==, "Rwanda, Rwandan");
  g_assert_cmpuint (accords_links_get_country (f->links, 0)->count, ==, 12);

  g_assert_cmpuint (accords_links_get_n_agreements (f->links), ==, G_N_ELEMENTS (expected_agreements));
  for (guint i = 0; i < G_N_ELEMENTS (expected_agreements); i++)
    {
      const AccordsAgreementSuggestion *s = find_suggestion (f->links, expected_agreements[i]);

      g_assert_nonnull (s);
      g_test_message ("%s %.2f %s", s->slug, s->score, s->reason);
      g_assert_cmpfloat (s->score, >, 0);
      g_assert_cmpfloat (s->score, <=, 1);
      g_assert_cmpint (s->agreement_id, >, 0);
    }

  /* the best is US–Rwanda, through its foreign minister, with the talks flagged */
  us_rw = accords_links_get_agreement (f->links, 0);
  g_assert_cmpstr (us_rw->slug, ==, "us-rw-2025");
  g_assert_cmpstr (us_rw->method, ==, "person");
  g_assert_cmpstr (us_rw->reason, ==,
                   "mentions Rwanda, United States, Olivier Nduhungirehe and Marco Rubio with “deported”; "
                   "status language: “in talks”");
  g_assert_cmpstr (us_rw->signal, ==, "talks");
  g_assert_cmpstr (us_rw->signal_text, ==, "in talks");

  /* “That UK agreement collapsed…” */
  uk_rw = find_suggestion (f->links, "uk-rw-medp-2022");
  g_assert_cmpstr (uk_rw->signal, ==, "collapsed");
  g_assert_nonnull (strstr (uk_rw->reason, "Keir Starmer"));

  /* Nduhungirehe was also Rwanda's man in the Israel deal, but nothing
   * else here points to it */
  g_assert_null (find_suggestion (f->links, "il-rw-ug-2013"));
}

static void
test_parties_need_migration_words (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *slugs = NULL;

  link_text (f, "Rwanda and the United States sign a trade deal on coffee");
  g_assert_cmpuint (accords_links_get_n_countries (f->links), ==, 2);
  g_assert_cmpuint (accords_links_get_n_agreements (f->links), ==, 0);

  link_text (f, "The United States deported 40 people to Rwanda");
  slugs = suggested_slugs (f->links);
  g_assert_cmpstr (slugs, ==, "us-rw-2025");
  g_assert_cmpstr (accords_links_get_agreement (f->links, 0)->reason, ==,
                   "mentions United States and Rwanda with “deported”");
  g_assert_cmpstr (accords_links_get_agreement (f->links, 0)->method, ==, "gazetteer");
  g_assert_cmpstr (accords_links_get_agreement (f->links, 0)->signal, ==, "");

  /* one party is not enough */
  link_text (f, "Rwanda deported a journalist");
  g_assert_cmpuint (accords_links_get_n_agreements (f->links), ==, 0);
}

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  const AccordsAgreementSuggestion *s;

  link_text (f, "Peers debate the Safety of Rwanda Act as asylum seekers wait");
  s = find_suggestion (f->links, "uk-rw-medp-2022");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->method, ==, "alias");
  g_assert_nonnull (strstr (s->reason, "“Safety of Rwanda Act”"));

  link_text (f, "Venezuelans held in CECOT describe abuse after their deportation");
  s = find_suggestion (f->links, "us-sv-cecot-2025");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->method, ==, "alias");

  /* an alias in capitals is found only in capitals */
  link_text (f, "Cecot-style prisons are spreading, migrants say");
  g_assert_null (find_suggestion (f->links, "us-sv-cecot-2025"));

  link_text (f, "Meloni insists the Albania model will work for migrants");
  g_assert_nonnull (find_suggestion (f->links, "it-al-protocol-2023"));

  /* the alias holds the migration word itself */
  link_text (f, "MPs voted on the Asylum Partnership Treaty");
  g_assert_nonnull (find_suggestion (f->links, "uk-rw-medp-2022"));
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  const AccordsAgreementSuggestion *s;

  /* a surname alone */
  link_text (f, "Bukele offers to jail deportees of any nationality");
  s = find_suggestion (f->links, "us-sv-cecot-2025");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->method, ==, "person");
  g_assert_nonnull (strstr (s->reason, "Nayib Bukele"));

  link_text (f, "Nduhungirehe said Rwanda would vet every migrant");
  g_assert_nonnull (find_suggestion (f->links, "us-rw-2025"));

  /* too common a surname to count alone; the full name counts */
  link_text (f, "Patel said the migrants would be processed");
  g_assert_null (find_suggestion (f->links, "uk-rw-medp-2022"));
  link_text (f, "Priti Patel said the migrants would be processed");
  g_assert_nonnull (find_suggestion (f->links, "uk-rw-medp-2022"));

  /* a person of several agreements speaks for those the rest points to */
  link_text (f, "Rubio met Panama's president to discuss deportation flights");
  g_assert_nonnull (find_suggestion (f->links, "us-pa-2025"));
  g_assert_null (find_suggestion (f->links, "us-sv-cecot-2025"));
  g_assert_null (find_suggestion (f->links, "us-rw-2025"));
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  const AccordsAgreementSuggestion *s;
  const char *texts[2];

  link_text (f, "The Court of Appeal ruled the Rwanda scheme unlawful, halting deportations.");
  s = find_suggestion (f->links, "uk-rw-medp-2022");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "court_ruling");
  g_assert_cmpstr (s->signal_text, ==, "unlawful");
  g_assert_nonnull (strstr (s->reason, "status language"));

  /* the strongest of several */
  link_text (f, "Italy and Libya renewed the memorandum on migrants, then suspended it.");
  s = find_suggestion (f->links, "it-ly-mou-2017");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "suspended");

  /* only where the sentence is about the agreement */
  link_text (f, "Italy and Libya renewed the memorandum on migrants. Critics say it should be scrapped.");
  s = find_suggestion (f->links, "it-ly-mou-2017");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "renewed");

  /* status language about something else, in another sentence, is not flagged */
  texts[0] = "Rwanda to take deportees from the US";
  texts[1] = "Separately, a football league suspended two players.";
  accords_linker_link (f->linker, texts, 2, f->links);
  s = find_suggestion (f->links, "us-rw-2025");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "");
  g_assert_cmpstr (s->signal_text, ==, "");

  link_text (f, "The first deportation flight from the US landed in Eswatini");
  s = find_suggestion (f->links, "us-sz-2025");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "first_transfer");
}

static void
test_custom_agreements (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(AccordsAgreement) b = accords_agreement_new ();
  g_autoptr(AccordsParty) p1 = accords_party_new ();
  g_autoptr(AccordsParty) p2 = accords_party_new ();
  g_autoptr(AccordsParty) p3 = accords_party_new ();
  g_autoptr(AccordsPersonRole) person = accords_person_role_new ();
  g_autoptr(AccordsPersonRole) namesake = accords_person_role_new ();
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(AccordsLinks) links = accords_links_new ();
  const char *aliases[] = { "Tarawa pact", "", "  ", NULL };
  const char *texts[1];
  g_autofree char *checksum = g_strdup (accords_linker_get_checksum (f->linker));

  accords_agreement_set_slug (a, "fr-ki-test");
  accords_agreement_set_id (a, 77);
  accords_agreement_set_aliases (a, aliases);
  accords_party_set_country (p1, "FR");
  accords_party_set_country (p2, "KI");
  accords_party_set_country (p3, "XX");  /* not a country: ignored */
  g_list_store_append (accords_agreement_get_parties (a), p1);
  g_list_store_append (accords_agreement_get_parties (a), p2);
  g_list_store_append (accords_agreement_get_parties (a), p3);
  accords_person_role_set_name (person, "Ursula von der Leyen");
  g_list_store_append (accords_agreement_get_people (a), person);
  g_list_store_append (agreements, a);

  /* two people of one surname: the surname alone says neither */
  accords_agreement_set_slug (b, "de-test");
  accords_agreement_set_id (b, 78);
  accords_person_role_set_name (namesake, "Anna Leyen-Smith von der Leyen");
  g_list_store_append (accords_agreement_get_people (b), namesake);
  g_list_store_append (agreements, b);

  linker = accords_linker_new (f->gazetteer, G_LIST_MODEL (agreements), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_linker_get_checksum (linker), !=, checksum);
  g_assert_true (accords_linker_get_gazetteer (linker) == f->gazetteer);

  texts[0] = "Refugees under the Tarawa pact arrive";
  accords_linker_link (linker, texts, 1, links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 1);
  g_assert_cmpstr (accords_links_get_agreement (links, 0)->slug, ==, "fr-ki-test");
  g_assert_cmpint (accords_links_get_agreement (links, 0)->agreement_id, ==, 77);

  texts[0] = "France and Kiribati discuss climate migration";
  accords_linker_link (linker, texts, 1, links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 1);

  texts[0] = "Von der Leyen promises money to stop migrants";
  accords_linker_link (linker, texts, 1, links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 0);

  texts[0] = "Ursula von der Leyen promises money to stop migrants";
  accords_linker_link (linker, texts, 1, links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 1);
  g_assert_cmpstr (accords_links_get_agreement (links, 0)->slug, ==, "fr-ki-test");
}

static void
link_dated (Fixture    *f,
            const char *text,
            const char *date)
{
  const char *texts[1] = { text };

  accords_linker_link_dated (f->linker, texts, 1, date, f->links);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  const char *text = "The United States deported 40 people to Rwanda, and the deal was suspended.";
  const AccordsAgreementSuggestion *s;

  /* the deal's first event is of 4 May 2025: a year before, it is not yet */
  link_dated (f, text, "2024-05-10T09:00:00Z");
  g_assert_null (find_suggestion (f->links, "us-rw-2025"));
  /* within the margin before it, it may be in the making */
  link_dated (f, text, "2025-03-20");
  s = find_suggestion (f->links, "us-rw-2025");
  g_assert_nonnull (s);
  /* older than its status (implemented since August 2025): no cue */
  g_assert_cmpstr (s->signal, ==, "");
  g_assert_null (strstr (s->reason, "status language"));
  link_dated (f, text, "2025-07-01");
  g_assert_cmpstr (find_suggestion (f->links, "us-rw-2025")->signal, ==, "");
  /* newer: the cue */
  link_dated (f, text, "2025-09-30T12:00:00Z");
  s = find_suggestion (f->links, "us-rw-2025");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->signal, ==, "suspended");
  /* undated: as before */
  link_text (f, text);
  g_assert_cmpstr (find_suggestion (f->links, "us-rw-2025")->signal, ==, "suspended");
  /* a date that is no date counts as none */
  link_dated (f, text, "soon");
  g_assert_cmpstr (find_suggestion (f->links, "us-rw-2025")->signal, ==, "suspended");

  /* the UK–Rwanda scheme was scrapped on 6 July 2024; within a year, as usual */
  link_dated (f, "Britain paid Rwanda £290m for a deportation scheme that flew no one", "2025-02-01");
  s = find_suggestion (f->links, "uk-rw-medp-2022");
  g_assert_nonnull (s);
  g_assert_cmpfloat (s->score, >, ACCORDS_LINKER_SCORE_AFTER_END);
  /* long after, its parties alone point to some later deal */
  link_dated (f, "Britain paid Rwanda £290m for a deportation scheme that flew no one", "2026-02-01");
  g_assert_null (find_suggestion (f->links, "uk-rw-medp-2022"));
  /* its name still points to it, with a low score and the reason why */
  link_dated (f, "Two years on, the Rwanda scheme is a byword for wasted asylum money", "2026-07-06");
  s = find_suggestion (f->links, "uk-rw-medp-2022");
  g_assert_nonnull (s);
  g_assert_cmpfloat (s->score, <=, ACCORDS_LINKER_SCORE_AFTER_END);
  g_assert_nonnull (strstr (s->reason, "; dated 730 days after it ended ("));
  g_assert_cmpstr (s->signal, ==, "");

  /* an agreement ruled out by its date takes no person from another */
  link_dated (f, "Rubio met Panama's president to discuss deportation flights", "2025-02-01");
  g_assert_nonnull (find_suggestion (f->links, "us-pa-2025"));
}

static void
test_dates_checksum (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(AccordsParty) p1 = accords_party_new ();
  g_autoptr(AccordsParty) p2 = accords_party_new ();
  g_autoptr(AccordsEvent) signed_event = accords_event_new ();
  g_autoptr(AccordsEvent) ended = accords_event_new ();
  g_autoptr(AccordsLinker) before = NULL;
  g_autoptr(AccordsLinker) after = NULL;
  g_autoptr(AccordsLinker) scrapped = NULL;
  g_autoptr(AccordsLinks) links = accords_links_new ();
  const char *texts[1] = { "France and Kiribati discuss climate migration; the pact was suspended" };

  accords_agreement_set_slug (a, "fr-ki-test");
  accords_agreement_set_id (a, 77);
  accords_party_set_country (p1, "FR");
  accords_party_set_country (p2, "KI");
  g_list_store_append (accords_agreement_get_parties (a), p1);
  g_list_store_append (accords_agreement_get_parties (a), p2);
  accords_event_set_date (signed_event, "2020-03");
  accords_event_set_event_type (signed_event, "signed");
  g_list_store_append (accords_agreement_get_events (a), signed_event);
  g_list_store_append (agreements, a);

  before = accords_linker_new (f->gazetteer, G_LIST_MODEL (agreements), &error);
  g_assert_no_error (error);
  /* a month-precise status begins on its first day */
  accords_linker_link_dated (before, texts, 1, "2020-03-01", links);
  g_assert_cmpstr (accords_links_get_agreement (links, 0)->signal, ==, "");
  accords_linker_link_dated (before, texts, 1, "2020-03-02", links);
  g_assert_cmpstr (accords_links_get_agreement (links, 0)->signal, ==, "suspended");
  accords_linker_link_dated (before, texts, 1, "2020-01-01", links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 1);
  accords_linker_link_dated (before, texts, 1, "2019-12-31", links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 0);

  /* a change of its events changes the checksum, so that stored items are linked again */
  accords_event_set_date (signed_event, "2021-03");
  after = accords_linker_new (f->gazetteer, G_LIST_MODEL (agreements), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_linker_get_checksum (before), !=, accords_linker_get_checksum (after));

  accords_event_set_date (ended, "2022-05-10");
  accords_event_set_event_type (ended, "scrapped");
  g_list_store_append (accords_agreement_get_events (a), ended);
  scrapped = accords_linker_new (f->gazetteer, G_LIST_MODEL (agreements), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_linker_get_checksum (scrapped), !=, accords_linker_get_checksum (after));
  accords_linker_link_dated (scrapped, texts, 1, "2023-05-10", links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 1);
  accords_linker_link_dated (scrapped, texts, 1, "2023-05-11", links);
  g_assert_cmpuint (accords_links_get_n_agreements (links), ==, 0);
}

static void
test_reuse (Fixture       *f,
            gconstpointer  data)
{
  /* the same links, document after document, give what fresh ones give */
  const char *docs[] = {
    "The first deportation flight from the US landed in Eswatini",
    "Nothing about anyone",
    "Bukele offers to jail deportees",
    "Rwanda and the United States sign a trade deal",
    "The first deportation flight from the US landed in Eswatini",
  };

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        g_autoptr(AccordsLinks) fresh = accords_links_new ();
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        const char *texts[1] = { docs[i] };

        accords_linker_link (f->linker, texts, 1, f->links);
        accords_linker_link (f->linker, texts, 1, fresh);
        a = suggested_slugs (f->links);
        b = suggested_slugs (fresh);
        g_assert_cmpstr (a, ==, b);
        g_assert_cmpuint (accords_links_get_n_countries (f->links), ==, accords_links_get_n_countries (fresh));
        for (guint k = 0; k < accords_links_get_n_agreements (fresh); k++)
          g_assert_cmpstr (accords_links_get_agreement (f->links, k)->reason, ==,
                           accords_links_get_agreement (fresh, k)->reason);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/linker/seed-article", Fixture, NULL, fixture_set_up, test_seed_article, fixture_tear_down);
  g_test_add ("/linker/parties-need-migration-words", Fixture, NULL, fixture_set_up, test_parties_need_migration_words, fixture_tear_down);
  g_test_add ("/linker/aliases", Fixture, NULL, fixture_set_up, test_aliases, fixture_tear_down);
  g_test_add ("/linker/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/linker/signals", Fixture, NULL, fixture_set_up, test_signals, fixture_tear_down);
  g_test_add ("/linker/custom-agreements", Fixture, NULL, fixture_set_up, test_custom_agreements, fixture_tear_down);
  g_test_add ("/linker/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/linker/dates-checksum", Fixture, NULL, fixture_set_up, test_dates_checksum, fixture_tear_down);
  g_test_add ("/linker/reuse", Fixture, NULL, fixture_set_up, test_reuse, fixture_tear_down);

  return g_test_run ();
}
