/* test-editing.c: curating the dataset: display status, validation, undo and redo, cascades, merges */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accords-command.h"
#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-dataset.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-history.h"
#include "accords-merge.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-util.h"
#include "accords-validation.h"

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
  AccordsHistory *history;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accords-editing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->context = accords_context_new (path, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  f->history = accords_history_new (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static AccordsAgreement *
load (Fixture *f, const char *slug)
{
  g_autoptr(GError) error = NULL;
  AccordsAgreement *a = accords_store_load_agreement (f->store, slug, &error);

  g_assert_no_error (error);
  return a;
}

/* The agreement as the dataset export writes it, or "" when it is not stored */
static char *
stored_json (Fixture *f, const char *slug)
{
  g_autoptr(AccordsAgreement) a = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!accords_store_has_agreement (f->store, slug))
    return g_strdup ("");
  a = load (f, slug);
  node = accords_agreement_to_json (a);
  return json_to_string (node, TRUE);
}

/* Two JSON texts, equal; on failure the first line that differs is shown */
#define assert_same_json(a, b) assert_same_json_at (__FILE__, __LINE__, a, b)

static void
assert_same_json_at (const char *file, int line, const char *a, const char *b)
{
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  guint i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  la = g_strsplit (a, "\n", -1);
  lb = g_strsplit (b, "\n", -1);
  while (la[i] && lb[i] && g_str_equal (la[i], lb[i]))
    i++;
  g_error ("%s:%d: JSON differs at line %u: “%s” vs “%s”", file, line, i + 1,
           la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
}

static gint64
query_int (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = accords_store_prepare (f->store, sql, NULL);
  gint64 v = -1;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

static void
exec (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;

  accords_store_exec (f->store, sql, &error);
  g_assert_no_error (error);
}

static AccordsEvent *
make_event (const char *date, const char *type)
{
  AccordsEvent *e = accords_event_new ();
  AccordsDatePrecision p = ACCORDS_DATE_PRECISION_NONE;

  accords_date_parse (date, NULL, NULL, NULL, &p, NULL);
  accords_event_set_date (e, date);
  accords_event_set_precision (e, accords_date_precision_to_string (p));
  accords_event_set_event_type (e, type);
  accords_event_set_description (e, type);
  return e;
}

static AccordsParty *
make_party (const char *country, const char *role)
{
  AccordsParty *p = accords_party_new ();

  accords_party_set_country (p, country);
  accords_party_set_role (p, role);
  return p;
}

/* Display status */

static void
test_status_override (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(AccordsEvent) signed_ = make_event ("2024-03", "signed");
  g_autoptr(AccordsEvent) in_force = make_event ("2024-06-01", "in_force");
  g_autoptr(AccordsEvent) suspended = make_event ("2025", "suspended");
  g_autoptr(AccordsParty) fr = make_party ("PT", "sending");
  g_autoptr(AccordsParty) sn = make_party ("SN", "receiving");
  g_autoptr(AccordsAgreement) stored = NULL;
  g_autoptr(AccordsCountryList) countries = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;

  accords_agreement_set_slug (a, "fr-sn-test");
  accords_agreement_set_title (a, "France–Senegal test");
  g_list_store_append (accords_agreement_get_parties (a), fr);
  g_list_store_append (accords_agreement_get_parties (a), sn);

  /* no events, no status */
  g_assert_cmpint (accords_agreement_derive_status (a, NULL), ==, ACCORDS_STATUS_NONE);

  /* events in any order: the strongest reached, on any date */
  g_list_store_append (accords_agreement_get_events (a), in_force);
  g_list_store_append (accords_agreement_get_events (a), signed_);
  g_assert_cmpint (accords_agreement_derive_status (a, NULL), ==, ACCORDS_STATUS_IN_FORCE);
  g_assert_cmpint (accords_agreement_derive_status (a, "2024-04-01"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (accords_agreement_derive_status (a, "2023-12-31"), ==, ACCORDS_STATUS_NONE);

  /* a halt outranks progress */
  g_list_store_append (accords_agreement_get_events (a), suspended);
  g_assert_cmpint (accords_agreement_derive_status (a, NULL), ==, ACCORDS_STATUS_SUSPENDED);

  /* saved, the derived status is stored and shown */
  {
    g_autoptr(AccordsCommand) c = accords_command_new ("Create");
    accords_command_add_change (c, NULL, a);
    g_assert_true (accords_history_push (f->history, c, &error));
    g_assert_no_error (error);
  }
  stored = load (f, "fr-sn-test");
  g_assert_cmpstr (accords_agreement_get_display_status (stored), ==, "suspended");
  g_assert_null (accords_agreement_get_status_override (stored));
  g_assert_cmpint (accords_agreement_get_status (stored), ==, ACCORDS_STATUS_SUSPENDED);
  countries = accords_country_list_new (f->context);
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "SN")), ==,
                   ACCORDS_STATUS_SUSPENDED);

  /* an override wins over the events, and says what the events give */
  accords_agreement_set_status_override (a, "terminated");
  {
    g_autoptr(AccordsCommand) c = accords_command_new ("Override");
    accords_command_add_change (c, stored, a);
    g_assert_true (accords_history_push (f->history, c, &error));
  }
  g_clear_object (&stored);
  stored = load (f, "fr-sn-test");
  g_assert_cmpint (accords_agreement_get_status (stored), ==, ACCORDS_STATUS_TERMINATED);
  g_assert_cmpint (accords_agreement_derive_status (stored, NULL), ==, ACCORDS_STATUS_SUSPENDED);
  g_assert_cmpstr (accords_agreement_get_display_status (stored), ==, "suspended");
  json = accords_agreement_to_json (stored);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "status"), ==, "terminated");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "derived_status"), ==, "suspended");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "status_override"), ==, "terminated");
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "PT")), ==,
                   ACCORDS_STATUS_TERMINATED);

  /* undone, the events decide again */
  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "PT")), ==,
                   ACCORDS_STATUS_SUSPENDED);
}

/* Validation: each rule names its field */

typedef void (*Mutate) (AccordsAgreement *a);

static void m_empty_title (AccordsAgreement *a) { accords_agreement_set_title (a, "   "); }
static void m_bad_id (AccordsAgreement *a) { accords_agreement_set_slug (a, "Bad Id"); }
static void m_duplicate_id (AccordsAgreement *a) { accords_agreement_set_slug (a, "uk-rw-medp-2022"); }
static void m_feb_30 (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_date (e, "2025-02-30");
}
static void m_month_13 (AccordsAgreement *a) { accords_agreement_set_status_as_of (a, "2024-13"); }
static void m_precision (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_precision (e, "day");
}
static void m_event_type (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_event_type (e, "handshake");
}
static void m_confidence (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_confidence (e, "certain");
}
static void m_actor (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_actor (e, "QQ");
}
static void m_event_url (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  const char *urls[] = { "javascript:alert(1)", NULL };
  accords_event_set_source_urls (e, urls);
}
static void m_country (AccordsAgreement *a)
{
  g_autoptr(AccordsParty) p = make_party ("ZZ", "sending");
  g_list_store_append (accords_agreement_get_parties (a), p);
}
static void m_duplicate_party (AccordsAgreement *a)
{
  g_autoptr(AccordsParty) p = make_party ("PT", "sending");
  g_list_store_append (accords_agreement_get_parties (a), p);
}
static void m_source_url (AccordsAgreement *a)
{
  g_autoptr(AccordsSource) s = accords_source_new ();
  accords_source_set_url (s, "ftp://example.org/treaty.pdf");
  g_list_store_append (accords_agreement_get_sources (a), s);
}
static void m_source_twice (AccordsAgreement *a)
{
  g_autoptr(AccordsSource) s = accords_source_new ();
  accords_source_set_url (s, "https://example.org/a");
  g_list_store_append (accords_agreement_get_sources (a), s);
}
static void m_source_date (AccordsAgreement *a)
{
  g_autoptr(AccordsSource) s = accords_source_new ();
  accords_source_set_url (s, "https://example.org/b");
  accords_source_set_published (s, "2023-02-29");
  g_list_store_append (accords_agreement_get_sources (a), s);
}
static void m_end_before_start (AccordsAgreement *a)
{
  g_autoptr(AccordsPersonRole) r = accords_person_role_new ();
  accords_person_role_set_name (r, "Someone");
  accords_person_role_set_start (r, "2025-03");
  accords_person_role_set_end (r, "2024-11-02");
  g_list_store_append (accords_agreement_get_people (a), r);
}
static void m_person_name (AccordsAgreement *a)
{
  g_autoptr(AccordsPersonRole) r = accords_person_role_new ();
  accords_person_role_set_name (r, "");
  g_list_store_append (accords_agreement_get_people (a), r);
}
static void m_fact_kind (AccordsAgreement *a)
{
  g_autoptr(AccordsFact) x = accords_fact_new ();
  accords_fact_set_kind (x, "rumour");
  accords_fact_set_description (x, "d");
  g_list_store_append (accords_agreement_get_facts (a), x);
}
static void m_currency (AccordsAgreement *a)
{
  g_autoptr(AccordsFact) x = accords_fact_new ();
  accords_fact_set_kind (x, "financial_term");
  accords_fact_set_amount (x, "120000000");
  accords_fact_set_currency (x, "pounds");
  g_list_store_append (accords_agreement_get_facts (a), x);
}
static void m_fact_source (AccordsAgreement *a)
{
  g_autoptr(AccordsFact) x = accords_fact_new ();
  accords_fact_set_kind (x, "concern");
  accords_fact_set_description (x, "d");
  accords_fact_set_source_url (x, "www.example.org");
  g_list_store_append (accords_agreement_get_facts (a), x);
}
static void m_flag_how (AccordsAgreement *a)
{
  g_autoptr(AccordsFlag) x = accords_flag_new ();
  accords_flag_set_text (x, "Check the cap");
  accords_flag_set_resolved (x, "2025-01-02");
  g_list_store_append (accords_agreement_get_flags (a), x);
}
static void m_alias_twice (AccordsAgreement *a)
{
  const char *aliases[] = { "Pact", "Pact", NULL };
  accords_agreement_set_aliases (a, aliases);
}
static void m_override (AccordsAgreement *a) { accords_agreement_set_status_override (a, "mostly_done"); }

static void
test_validation_rules (Fixture *f, gconstpointer data)
{
  static const struct {
    Mutate      mutate;
    const char *field;
    const char *fragment;
  } cases[] = {
    { m_empty_title, "title", "title is empty" },
    { m_bad_id, "id", "lower-case" },
    { m_duplicate_id, "id", "already the id of another agreement" },
    { m_feb_30, "events[0].date", "2025-02-30 does not exist" },
    { m_month_13, "status_as_of", "no month 13" },
    { m_precision, "events[0].precision", "month" },
    { m_event_type, "events[0].type", "handshake" },
    { m_confidence, "events[0].confidence", "certain" },
    { m_actor, "events[0].actor", "QQ" },
    { m_event_url, "events[0].sources[0]", "not an http or https URL" },
    { m_country, "parties[2].country", "“ZZ” is not a known country code" },
    { m_duplicate_party, "parties[2].country", "already a party" },
    { m_source_url, "sources[1].url", "ftp://example.org/treaty.pdf" },
    { m_source_twice, "sources[1].url", "another source" },
    { m_source_date, "sources[1].published", "2023-02-29" },
    { m_end_before_start, "people[0].end", "before the start" },
    { m_person_name, "people[0].name", "name is empty" },
    { m_fact_kind, "facts[0].kind", "rumour" },
    { m_currency, "facts[0].currency", "pounds" },
    { m_fact_source, "facts[0].source", "www.example.org" },
    { m_flag_how, "verify[0].resolution", "how it was resolved" },
    { m_alias_twice, "aliases[1]", "listed twice" },
    { m_override, "status_override", "mostly_done" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsAgreement) a = accords_agreement_new ();
      g_autoptr(AccordsEvent) e = make_event ("2024-05", "signed");
      g_autoptr(AccordsParty) fr = make_party ("PT", "sending");
      g_autoptr(AccordsParty) sn = make_party ("SN", "receiving");
      g_autoptr(AccordsSource) s = accords_source_new ();
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GError) error = NULL;
      const AccordsIssue *issue;

      accords_agreement_set_slug (a, "fr-sn-2024");
      accords_agreement_set_title (a, "France–Senegal");
      g_list_store_append (accords_agreement_get_events (a), e);
      g_list_store_append (accords_agreement_get_parties (a), fr);
      g_list_store_append (accords_agreement_get_parties (a), sn);
      accords_source_set_url (s, "https://example.org/a");
      g_list_store_append (accords_agreement_get_sources (a), s);

      /* valid before */
      issues = accords_agreement_check (a, f->store, NULL);
      g_assert_cmpuint (issues->len, ==, 0);
      g_clear_pointer (&issues, g_ptr_array_unref);

      cases[i].mutate (a);
      issues = accords_agreement_check (a, f->store, NULL);
      issue = accords_issues_find (issues, cases[i].field);
      if (issue == NULL || strstr (issue->message, cases[i].fragment) == NULL)
        g_error ("case %u: no issue on %s mentioning “%s” (first: %s: %s)", i, cases[i].field, cases[i].fragment,
                 issues->len ? ((AccordsIssue *) g_ptr_array_index (issues, 0))->field : "-",
                 issues->len ? ((AccordsIssue *) g_ptr_array_index (issues, 0))->message : "-");
      /* one problem, one issue */
      g_assert_cmpuint (issues->len, ==, 1);

      /* the whole-agreement check reports it with its field, and nothing is saved */
      if (cases[i].mutate != m_duplicate_id)
        {
          g_assert_false (accords_agreement_validate (a, f->store, &error));
          g_assert_true (g_str_has_prefix (error->message, cases[i].field));
        }
    }

  /* a field finds the issues under it, and only those */
  {
    g_autoptr(AccordsAgreement) a = accords_agreement_new ();
    g_autoptr(GPtrArray) issues = NULL;

    accords_agreement_set_slug (a, "x");
    accords_agreement_set_title (a, "X");
    for (guint i = 0; i < 11; i++)
      {
        g_autoptr(AccordsEvent) e = make_event (i == 10 ? "2025-02-30" : "2025", "signed");
        g_list_store_append (accords_agreement_get_events (a), e);
      }
    issues = accords_agreement_check (a, f->store, NULL);
    g_assert_nonnull (accords_issues_find (issues, "events[10]"));
    g_assert_nonnull (accords_issues_find (issues, "events"));
    g_assert_null (accords_issues_find (issues, "events[1]"));
    g_assert_null (accords_issues_find (issues, "title"));
  }

  g_assert_false (accords_store_has_agreement (f->store, "fr-sn-2024"));
}

/* Undo and redo of every kind of edit */

typedef void (*Edit) (Fixture *f, AccordsAgreement *a);

static void e_title (Fixture *f, AccordsAgreement *a) { accords_agreement_set_title (a, "Renamed treaty"); }
static void e_short_title (Fixture *f, AccordsAgreement *a) { accords_agreement_set_short_title (a, "Short"); }
static void e_fields (Fixture *f, AccordsAgreement *a)
{
  const char *aliases[] = { "Plan B", NULL };
  const char *types[] = { "offshore_processing", "third_country_deportation", NULL };
  accords_agreement_set_aliases (a, aliases);
  accords_agreement_set_types (a, types);
  accords_agreement_set_instrument_form (a, "exchange of letters");
  accords_agreement_set_legal_status (a, "binding");
  accords_agreement_set_operational_status (a, "operating");
  accords_agreement_set_summary (a, "A new summary.");
  accords_agreement_set_scope (a, "adult men");
  accords_agreement_set_cap (a, "300 a year");
  accords_agreement_set_status_as_of (a, "2025-06-01");
}
static void e_override (Fixture *f, AccordsAgreement *a) { accords_agreement_set_status_override (a, "struck_down"); }
static void e_add_party (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsParty) p = make_party ("EU", "funder");
  g_list_store_append (accords_agreement_get_parties (a), p);
}
static void e_remove_party (Fixture *f, AccordsAgreement *a) { g_list_store_remove (accords_agreement_get_parties (a), 0); }
static void e_add_event (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = make_event ("2025-03-14", "first_transfer");
  g_autoptr(AccordsSource) s = accords_source_new ();
  const char *urls[] = { "https://example.org/flight", NULL };

  accords_event_set_actor (e, "GB");
  accords_event_set_confidence (e, "confirmed");
  accords_event_set_source_urls (e, urls);
  accords_source_set_url (s, urls[0]);
  accords_source_set_title (s, "The first flight");
  g_list_store_append (accords_agreement_get_events (a), e);
  g_list_store_append (accords_agreement_get_sources (a), s);
}
static void e_edit_event (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), 0);
  accords_event_set_date (e, "2022-04");
  accords_event_set_precision (e, "month");
  accords_event_set_description (e, "Signed in April");
}
static void e_delete_event (Fixture *f, AccordsAgreement *a) { g_list_store_remove (accords_agreement_get_events (a), 8); }
static void e_edit_source (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (a)), 0);
  accords_source_set_title (s, "A better title");
  accords_source_set_publisher (s, "Home Office");
  accords_source_set_published (s, "2022-04-14");
}
static void e_delete_source (Fixture *f, AccordsAgreement *a) { g_list_store_remove (accords_agreement_get_sources (a), 0); }
static void e_add_person (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsPersonRole) r = accords_person_role_new ();
  accords_person_role_set_name (r, "Olivier Nduhungirehe");
  accords_person_role_set_role (r, "Minister of Foreign Affairs");
  accords_person_role_set_country (r, "RW");
  accords_person_role_set_start (r, "2024-12");
  g_list_store_append (accords_agreement_get_people (a), r);
}
static void e_add_facts (Fixture *f, AccordsAgreement *a)
{
  /* in the order the store lists them: by kind */
  static const char *kinds[] = { "concern", "financial_term", "legal_challenge", "observation" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AccordsFact) x = accords_fact_new ();
      accords_fact_set_kind (x, kinds[i]);
      accords_fact_set_date (x, "2024");
      accords_fact_set_description (x, kinds[i]);
      accords_fact_set_source_url (x, "https://example.org/fact");
      if (i == 0)
        accords_fact_set_raised_by (x, "UNHCR");
      if (i == 1)
        {
          accords_fact_set_amount (x, "120000000");
          accords_fact_set_currency (x, "GBP");
        }
      if (i == 2)
        {
          accords_fact_set_court (x, "UK Supreme Court");
          accords_fact_set_case_name (x, "AAA v SSHD");
        }
      if (i == 3)
        accords_fact_set_count (x, 4);
      g_list_store_append (accords_agreement_get_facts (a), x);
    }
}
static void e_add_flag (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsFlag) x = accords_flag_new ();
  accords_flag_set_text (x, "Confirm the date of the treaty");
  g_list_store_append (accords_agreement_get_flags (a), x);
}
static void e_resolve_flag (Fixture *f, AccordsAgreement *a)
{
  g_autoptr(AccordsFlag) x = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (a)), 0);
  accords_flag_set_resolved (x, "2025-05-05");
  accords_flag_set_resolution (x, "The treaty text gives the date");
}
static void e_rename (Fixture *f, AccordsAgreement *a) { accords_agreement_set_slug (a, "uk-rw-renamed"); }

static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *name;
    Edit        edit;
  } edits[] = {
    { "title", e_title },
    { "short title", e_short_title },
    { "fields", e_fields },
    { "override", e_override },
    { "add party", e_add_party },
    { "remove party", e_remove_party },
    { "add event", e_add_event },
    { "edit event", e_edit_event },
    { "delete event", e_delete_event },
    { "edit source", e_edit_source },
    { "delete source", e_delete_source },
    { "add person", e_add_person },
    { "add facts", e_add_facts },
    { "add flag", e_add_flag },
    { "resolve flag", e_resolve_flag },
    { "rename", e_rename },
  };
  const char *slug = "uk-rw-medp-2022";

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(AccordsAgreement) before = load (f, slug);
      g_autoptr(AccordsAgreement) after = accords_agreement_copy (before);
      g_autoptr(AccordsCommand) command = accords_command_new (edits[i].name);
      g_autofree char *before_json = stored_json (f, slug);
      g_autofree char *after_json = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      const char *new_slug;

      edits[i].edit (f, after);
      new_slug = accords_agreement_get_slug (after);
      accords_command_add_change (command, before, after);
      g_assert_true (accords_history_push (f->history, command, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (accords_history_get_undo_label (f->history), ==, edits[i].name);

      after_json = stored_json (f, new_slug);
      g_assert_cmpstr (after_json, !=, before_json);
      {
        /* what was saved is what the edit made, its display status derived anew */
        g_autoptr(AccordsAgreement) saved = load (f, new_slug);
        g_autoptr(JsonNode) a = NULL;
        g_autoptr(JsonNode) b = accords_agreement_to_json (saved);
        g_autofree char *sa = NULL;
        g_autofree char *sb = json_to_string (b, TRUE);

        accords_agreement_set_display_status (after, accords_status_to_string (accords_agreement_derive_status (after, NULL)));
        a = accords_agreement_to_json (after);
        sa = json_to_string (a, TRUE);

        /* the store orders events by date */
        if (edits[i].edit != e_add_event && edits[i].edit != e_edit_event)
          assert_same_json (sa, sb);
      }

      g_assert_true (accords_history_undo (f->history, &error));
      g_assert_no_error (error);
      {
        g_autofree char *now = stored_json (f, slug);
        assert_same_json (now, before_json);
      }
      if (g_strcmp0 (new_slug, slug) != 0)
        g_assert_false (accords_store_has_agreement (f->store, new_slug));
      g_assert_true (accords_history_get_can_redo (f->history));

      g_assert_true (accords_history_redo (f->history, &error));
      g_assert_no_error (error);
      expected = stored_json (f, new_slug);
      assert_same_json (expected, after_json);

      /* back, for the next edit to start from the seed */
      g_assert_true (accords_history_undo (f->history, &error));
      g_assert_no_error (error);
    }

  /* a new command forgets what could be redone */
  g_assert_true (accords_history_get_can_redo (f->history));
  {
    g_autoptr(AccordsAgreement) before = load (f, slug);
    g_autoptr(AccordsAgreement) after = accords_agreement_copy (before);
    g_autoptr(AccordsCommand) command = accords_command_new ("title");
    g_autoptr(GError) error = NULL;

    accords_agreement_set_title (after, "Once more");
    accords_command_add_change (command, before, after);
    g_assert_true (accords_history_push (f->history, command, &error));
    g_assert_false (accords_history_get_can_redo (f->history));
    g_assert_false (accords_history_redo (f->history, &error));
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  }
}

static void
test_create_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(AccordsParty) it = make_party ("IT", "sending");
  g_autoptr(AccordsParty) al = make_party ("AL", "receiving");
  g_autoptr(AccordsCommand) create = accords_command_new ("Create");
  g_autoptr(AccordsCommand) again = accords_command_new ("Create again");
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  guint n = accords_store_count_agreements (f->store);

  accords_agreement_set_slug (a, "it-al-test");
  accords_agreement_set_title (a, "Italy–Albania test");
  g_list_store_append (accords_agreement_get_parties (a), it);
  g_list_store_append (accords_agreement_get_parties (a), al);
  accords_command_add_change (create, NULL, a);
  g_assert_true (accords_history_push (f->history, create, &error));
  g_assert_cmpuint (accords_store_count_agreements (f->store), ==, n + 1);
  created = stored_json (f, "it-al-test");

  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_false (accords_store_has_agreement (f->store, "it-al-test"));
  g_assert_cmpuint (accords_store_count_agreements (f->store), ==, n);
  g_assert_true (accords_history_redo (f->history, &error));
  {
    g_autofree char *now = stored_json (f, "it-al-test");
    assert_same_json (now, created);
  }

  /* creating over an existing id is refused, and nothing changes */
  accords_command_add_change (again, NULL, a);
  g_assert_false (accords_history_push (f->history, again, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS);
  g_assert_cmpstr (accords_history_get_undo_label (f->history), ==, "Create");
}

/* Cascade rules on delete */

static void
add_dependents (Fixture *f, gint64 agreement_id, gint64 *note_id)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO note (title, body, agreement_id) VALUES ('Flights', 'Costs of the quiet flights', %" G_GINT64_FORMAT ");"
    "INSERT INTO note (title, body, agreement_id) VALUES ('Second', 'More', %" G_GINT64_FORMAT ");"
    "INSERT INTO note (title, body) VALUES ('Unattached', 'Stays');"
    "INSERT INTO feed (url) VALUES ('file:///tmp/feed.xml');"
    "INSERT INTO item (feed_id, key, title) VALUES (last_insert_rowid(), 'k1', 'Deal signed');"
    "INSERT INTO item_agreement (item_id, agreement_id, state) VALUES (last_insert_rowid(), %" G_GINT64_FORMAT ", 'confirmed');"
    "INSERT INTO agreement_relation (agreement_id, related_id)"
    " SELECT id, %" G_GINT64_FORMAT " FROM agreement WHERE slug = 'us-rw-2025';",
    agreement_id, agreement_id, agreement_id, agreement_id);

  exec (f, sql);
  *note_id = query_int (f, "SELECT min(id) FROM note");
}

static void
test_delete_cascade (Fixture *f, gconstpointer data)
{
  const char *slug = "uk-rw-medp-2022";
  g_autoptr(AccordsAgreement) a = load (f, slug);
  g_autoptr(AccordsCommand) command = accords_command_new ("Delete");
  g_autoptr(AccordsCascade) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *related_before = NULL;
  gint64 id = accords_agreement_get_id (a);
  gint64 note_id = 0;
  gint64 events;

  add_dependents (f, id, &note_id);
  before = stored_json (f, slug);
  related_before = stored_json (f, "us-rw-2025");
  events = query_int (f, "SELECT count(*) FROM event");

  /* what goes is known before it goes */
  preview = accords_store_snapshot_cascade (f->store, slug, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accords_cascade_count (preview, "agreement"), ==, 1);
  g_assert_cmpuint (accords_cascade_count (preview, "note"), ==, 2);
  g_assert_cmpuint (accords_cascade_count (preview, "item_agreement"), ==, 1);
  g_assert_cmpuint (accords_cascade_count (preview, "event"), ==, 11);
  g_assert_cmpuint (accords_cascade_count (preview, "agreement_relation"), ==, 1);
  g_assert_cmpuint (accords_cascade_count (preview, "item"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 3);

  accords_command_add_change (command, a, NULL);
  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);
  g_assert_false (accords_store_has_agreement (f->store, slug));
  /* the agreement's notes and links go; the news item and other notes stay */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'quiet'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM item_agreement"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM item"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event"), ==, events - 11);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM agreement_relation"), ==, 0);

  /* undone: everything is back, with its own ids */
  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = stored_json (f, slug);
    g_autofree char *related_now = stored_json (f, "us-rw-2025");
    g_autoptr(AccordsAgreement) back = load (f, slug);

    assert_same_json (now, before);
    assert_same_json (related_now, related_before);
    g_assert_cmpint (accords_agreement_get_id (back), ==, id);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT agreement_id FROM note WHERE id = %" G_GINT64_FORMAT, note_id);
    g_assert_cmpint (query_int (f, sql), ==, id);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'quiet'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM item_agreement WHERE state = 'confirmed'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM event"), ==, events);

  /* and redone, gone again */
  g_assert_true (accords_history_redo (f->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 1);
  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 3);
}

static void
test_undo_create_keeps_later_notes (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(AccordsCommand) create = accords_command_new ("Create");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  accords_agreement_set_slug (a, "new-one");
  accords_agreement_set_title (a, "New one");
  accords_command_add_change (create, NULL, a);
  g_assert_true (accords_history_push (f->history, create, &error));
  sql = g_strdup_printf ("INSERT INTO note (title, body, agreement_id) SELECT 'n', 'written later', id"
                         " FROM agreement WHERE slug = 'new-one'");
  exec (f, sql);

  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note"), ==, 0);
  g_assert_true (accords_history_redo (f->history, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note n JOIN agreement a ON a.id = n.agreement_id"
                                 " WHERE a.slug = 'new-one'"), ==, 1);
}

static void
test_rename_keeps_notes (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAgreement) a = load (f, "us-sv-cecot-2025");
  g_autoptr(AccordsAgreement) b = accords_agreement_copy (a);
  g_autoptr(AccordsAgreement) taken = accords_agreement_copy (a);
  g_autoptr(AccordsCommand) rename = accords_command_new ("Rename");
  g_autoptr(AccordsCommand) clash = accords_command_new ("Rename onto another");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO note (title, body, agreement_id) VALUES ('n', 'b', %" G_GINT64_FORMAT ")",
                                          accords_agreement_get_id (a));

  exec (f, sql);
  accords_agreement_set_slug (b, "us-sv-2025");
  accords_command_add_change (rename, a, b);
  g_assert_true (accords_history_push (f->history, rename, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM note n JOIN agreement a ON a.id = n.agreement_id"
                                 " WHERE a.slug = 'us-sv-2025'"), ==, 1);

  /* onto the id of another agreement: refused, nothing changes */
  accords_agreement_set_slug (taken, "uk-rw-medp-2022");
  accords_command_add_change (clash, b, taken);
  g_assert_false (accords_history_push (f->history, clash, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS);
  g_assert_true (accords_store_has_agreement (f->store, "us-sv-2025"));
  g_assert_cmpuint (accords_store_count_agreements (f->store), ==, 38);
}

/* Dataset merges */

static JsonNode *
export_with (Fixture *f, const char *edit_script)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = accords_dataset_to_json (f->store, &error);
  JsonArray *agreements;

  g_assert_no_error (error);
  agreements = json_object_get_array_member (json_node_get_object (root), "agreements");
  for (guint i = 0; i < json_array_get_length (agreements); i++)
    {
      JsonObject *a = json_array_get_object_element (agreements, i);

      if (g_str_equal (json_object_get_string_member (a, "id"), "uk-rw-medp-2022") && edit_script != NULL)
        {
          JsonArray *events = json_object_get_array_member (a, "events");
          JsonObject *first = json_array_get_object_element (events, 0);
          JsonObject *dup = json_object_new ();
          JsonObject *fresh = json_object_new ();
          JsonObject *source = json_object_new ();

          json_object_set_string_member (a, "title", "UK–Rwanda (renamed upstream)");
          json_object_set_string_member (a, "cap", "no cap");   /* empty here: filled in, no conflict */
          json_object_set_string_member (first, "description", "MoU signed in Kigali");
          /* the same event twice, and once relabelled: one event */
          json_object_set_string_member (dup, "date", "2022-04-14");
          json_object_set_string_member (dup, "type", "signed");
          json_object_set_string_member (dup, "label", "mou_signed");
          json_array_add_object_element (events, dup);
          json_object_set_string_member (fresh, "date", "2025-01-20");
          json_object_set_string_member (fresh, "type", "statement");
          json_object_set_string_member (fresh, "description", "New statement");
          json_array_add_object_element (events, fresh);
          json_object_set_string_member (source, "url", "https://example.org/new-source");
          json_object_set_string_member (source, "title", "New source");
          json_array_add_object_element (json_object_get_array_member (a, "sources"), source);
        }
    }
  return g_steal_pointer (&root);
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) same = export_with (f, NULL);
  g_autoptr(JsonNode) changed = export_with (f, "edit");
  g_autoptr(AccordsMerge) merge = NULL;
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAgreement) before = load (f, "uk-rw-medp-2022");
  g_autoptr(AccordsAgreement) after = NULL;
  GListModel *conflicts;
  guint n_new = 99, n_updated = 99;
  guint n_events = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (before)));

  /* the database's own export merges to nothing */
  merge = accords_merge_new (f->store, same, "same.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accords_merge_get_conflicts (merge)), ==, 0);
  command = accords_merge_build_command (merge, &n_new, &n_updated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpuint (n_updated, ==, 0);
  g_assert_cmpuint (accords_command_get_n_changes (command), ==, 0);
  g_clear_object (&merge);
  g_clear_object (&command);

  merge = accords_merge_new (f->store, changed, "changed.json", &error);
  g_assert_no_error (error);
  conflicts = accords_merge_get_conflicts (merge);
  /* the title and the first event's description; not the empty cap */
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 2);
  {
    g_autoptr(AccordsMergeConflict) c0 = g_list_model_get_item (conflicts, 0);
    g_autoptr(AccordsMergeConflict) c1 = g_list_model_get_item (conflicts, 1);

    g_assert_cmpstr (accords_merge_conflict_get_slug (c0), ==, "uk-rw-medp-2022");
    g_assert_cmpstr (accords_merge_conflict_get_field (c0), ==, "title");
    g_assert_cmpstr (accords_merge_conflict_get_stored (c0), ==, accords_agreement_get_title (before));
    g_assert_cmpstr (accords_merge_conflict_get_incoming (c0), ==, "UK–Rwanda (renamed upstream)");
    g_assert_cmpstr (accords_merge_conflict_get_field (c1), ==, "events[2022-04-14 signed mou_signed].description");
    g_assert_cmpstr (accords_merge_conflict_get_stored (c1), ==, "MoU signed in Kigali by Home Secretary Priti Patel and FM Vincent Biruta");

    /* unresolved: nothing can be built */
    g_assert_null (accords_merge_build_command (merge, NULL, NULL, &error));
    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
    g_clear_error (&error);

    /* the researcher keeps the stored title and takes the incoming description */
    accords_merge_conflict_set_choice (c0, ACCORDS_MERGE_KEEP_STORED);
    accords_merge_conflict_set_choice (c1, ACCORDS_MERGE_TAKE_INCOMING);
  }
  g_assert_cmpuint (accords_merge_count_unresolved (merge), ==, 0);
  command = accords_merge_build_command (merge, &n_new, &n_updated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpuint (n_updated, ==, 1);
  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);

  after = load (f, "uk-rw-medp-2022");
  g_assert_cmpstr (accords_agreement_get_title (after), ==, accords_agreement_get_title (before));
  g_assert_cmpstr (accords_agreement_get_cap (after), ==, "no cap");
  /* one new event; the duplicates were recognised */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (after))), ==, n_events + 1);
  {
    g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (after)), 0);
    g_assert_cmpstr (accords_event_get_description (e), ==, "MoU signed in Kigali");
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (after))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (before))) + 1);

  /* an import is one step of undo */
  g_assert_cmpstr (accords_history_get_undo_label (f->history), ==, "Import dataset");
  g_assert_true (accords_history_undo (f->history, &error));
  g_clear_object (&after);
  after = load (f, "uk-rw-medp-2022");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (after))), ==, n_events);
}

static void
test_merge_sources_and_new (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAgreement) uk = load (f, "uk-rw-medp-2022");
  g_autoptr(AccordsSource) first = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (uk)), 0);
  const char *url = accords_source_get_url (first);
  g_autofree char *json = g_strdup_printf (
    "{\"format\":\"accords-dataset\",\"agreements\":[{\"id\":\"fr-sn-2026\",\"title\":\"New\","
    " \"parties\":[{\"country\":\"FR\",\"role\":\"sending\"},{\"country\":\"SN\",\"role\":\"receiving\"}],"
    " \"sources\":[{\"url\":\"%s\",\"title\":\"A title of its own\",\"publisher\":\"KT Press\"}],"
    " \"events\":[{\"date\":\"2026-01\",\"type\":\"announced\",\"sources\":[\"%s\"]}]}]}", url, url);
  g_autoptr(JsonNode) root = json_from_string (json, &error);
  guint n_new = 0;

  g_assert_no_error (error);
  accords_source_set_title (first, "The stored title");
  g_assert_true (accords_store_write_source (f->store, first, &error));

  for (AccordsMergeChoice choice = ACCORDS_MERGE_KEEP_STORED; choice <= ACCORDS_MERGE_TAKE_INCOMING; choice++)
    {
      g_autoptr(AccordsMerge) merge = accords_merge_new (f->store, root, "new.json", &error);
      g_autoptr(AccordsCommand) command = NULL;
      g_autoptr(AccordsMergeConflict) conflict = NULL;
      g_autoptr(AccordsSource) row = NULL;

      g_assert_no_error (error);
      /* one source row for one URL: the new agreement's title for it is a
       * conflict with the stored row; the empty publisher is filled in */
      g_assert_cmpuint (g_list_model_get_n_items (accords_merge_get_conflicts (merge)), ==, 1);
      conflict = g_list_model_get_item (accords_merge_get_conflicts (merge), 0);
      g_assert_cmpstr (accords_merge_conflict_get_slug (conflict), ==, "fr-sn-2026");
      g_assert_true (g_str_has_suffix (accords_merge_conflict_get_field (conflict), "].title"));
      g_assert_cmpstr (accords_merge_conflict_get_stored (conflict), ==, "The stored title");
      g_assert_cmpstr (accords_merge_conflict_get_incoming (conflict), ==, "A title of its own");

      accords_merge_resolve_all (merge, choice);
      command = accords_merge_build_command (merge, &n_new, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_new, ==, 1);
      g_assert_true (accords_history_push (f->history, command, &error));
      g_assert_no_error (error);
      g_assert_true (accords_store_has_agreement (f->store, "fr-sn-2026"));

      row = accords_store_load_source_by_url (f->store, url, &error);
      g_assert_cmpstr (accords_source_get_title (row), ==,
                       choice == ACCORDS_MERGE_KEEP_STORED ? "The stored title" : "A title of its own");
      g_assert_cmpstr (accords_source_get_publisher (row), ==, "KT Press");
      g_assert_cmpint (query_int (f, "SELECT count(*) FROM source WHERE url IN"
                                     " (SELECT url FROM source GROUP BY url HAVING count(*) > 1)"), ==, 0);

      /* undone: the new agreement goes, the shared row is as it was */
      g_assert_true (accords_history_undo (f->history, &error));
      g_assert_false (accords_store_has_agreement (f->store, "fr-sn-2026"));
      g_clear_object (&row);
      row = accords_store_load_source_by_url (f->store, url, &error);
      g_assert_cmpstr (accords_source_get_title (row), ==, "The stored title");
      g_assert_cmpstr (accords_source_get_publisher (row), ==, "");
    }
}

static void
test_source_edit_clears (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAgreement) a = load (f, "us-rw-2025");
  g_autoptr(AccordsAgreement) b = accords_agreement_copy (a);
  g_autoptr(AccordsSource) before = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (a)), 0);
  g_autoptr(AccordsSource) after = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (b)), 0);
  g_autoptr(AccordsCommand) fill = accords_command_new ("Fill");
  g_autoptr(AccordsCommand) clear = accords_command_new ("Clear");
  g_autoptr(AccordsSource) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup (accords_source_get_url (before));

  /* the editor's source edits write the row as it is, empty fields too */
  accords_source_set_title (after, "Title");
  accords_source_set_publisher (after, "Publisher");
  accords_command_add_change (fill, a, b);
  accords_command_add_source_edit (fill, before, after);
  g_assert_true (accords_history_push (f->history, fill, &error));

  g_clear_object (&a);
  a = load (f, "us-rw-2025");
  g_clear_object (&before);
  before = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (a)), 0);
  g_assert_cmpstr (accords_source_get_publisher (before), ==, "Publisher");
  accords_source_set_publisher (after, "");
  accords_command_add_change (clear, a, b);
  accords_command_add_source_edit (clear, before, after);
  g_assert_true (accords_history_push (f->history, clear, &error));
  row = accords_store_load_source_by_url (f->store, url, &error);
  g_assert_cmpstr (accords_source_get_title (row), ==, "Title");
  g_assert_cmpstr (accords_source_get_publisher (row), ==, "");

  g_assert_true (accords_history_undo (f->history, &error));
  g_clear_object (&row);
  row = accords_store_load_source_by_url (f->store, url, &error);
  g_assert_cmpstr (accords_source_get_publisher (row), ==, "Publisher");
  g_assert_true (accords_history_undo (f->history, &error));
  g_clear_object (&row);
  row = accords_store_load_source_by_url (f->store, url, &error);
  g_assert_cmpstr (accords_source_get_title (row), ==, "");
  g_assert_cmpstr (accords_source_get_publisher (row), ==, "");
}

static void
test_merge_bad_input (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *json;
    const char *fragment;
  } cases[] = {
    { "{\"agreements\": 3}", "expected an array" },
    { "[{\"id\":\"a\",\"title\":\"A\"},{\"id\":\"a\",\"title\":\"B\"}]", "appears twice" },
    { "[{\"id\":\"a\",\"title\":\"A\",\"events\":[{\"date\":\"2025-02-30\",\"type\":\"signed\"}]}]",
      "agreements[0] (a).events[0].date: 2025-02-30 does not exist" },
    { "[{\"id\":\"a\",\"title\":\"A\",\"sources\":[{\"url\":\"https://x.org/1\",\"title\":\"One\"}]},"
      " {\"id\":\"b\",\"title\":\"B\",\"sources\":[{\"url\":\"https://x.org/1\",\"title\":\"Two\"}]}]",
      "agreements[1].sources[0].title" },
    { "[{\"id\":\"a\",\"title\":[]}]", "agreements[0].title: expected a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = json_from_string (cases[i].json, &error);
      g_autoptr(AccordsMerge) merge = NULL;

      g_assert_no_error (error);
      merge = accords_merge_new (f->store, root, "bad.json", &error);
      g_assert_null (merge);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].fragment) == NULL || !g_str_has_prefix (error->message, "bad.json"))
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].fragment);
    }
  g_assert_cmpuint (accords_store_count_agreements (f->store), ==, 38);
}

/* The window's runs: in a worker thread, in order */

static void
async_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GPtrArray *log = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (ACCORDS_HISTORY (object), result, &error);

  g_ptr_array_add (log, command ? g_strdup (accords_command_get_label (command)) : g_strdup (error->message));
}

static void
changed_cb (AccordsStore *store, guint what, guint *n)
{
  (*n)++;
}

static void
test_history_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AccordsAgreement) a = load (f, "us-rw-2025");
  g_autoptr(AccordsAgreement) b = accords_agreement_copy (a);
  g_autoptr(AccordsCommand) edit = accords_command_new ("Edit title");
  g_autofree char *original = stored_json (f, "us-rw-2025");
  guint changes = 0;
  gulong id = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &changes);

  accords_agreement_set_title (b, "Async title");
  accords_command_add_change (edit, a, b);
  accords_history_push_async (f->history, edit, async_done_cb, log);
  accords_history_undo_async (f->history, async_done_cb, log);
  accords_history_redo_async (f->history, async_done_cb, log);
  accords_history_redo_async (f->history, async_done_cb, log);
  g_assert_true (accords_history_get_busy (f->history));

  while (log->len < 4)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "Edit title");
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "Edit title");
  g_assert_cmpstr (g_ptr_array_index (log, 2), ==, "Edit title");
  g_assert_cmpstr (g_ptr_array_index (log, 3), ==, "There is nothing to redo");
  g_assert_false (accords_history_get_busy (f->history));
  g_assert_cmpuint (changes, >=, 3);
  {
    g_autoptr(AccordsAgreement) now = load (f, "us-rw-2025");
    g_assert_cmpstr (accords_agreement_get_title (now), ==, "Async title");
  }
  g_assert_true (accords_history_undo (f->history, NULL));
  {
    g_autofree char *now = stored_json (f, "us-rw-2025");
    assert_same_json (now, original);
  }
  g_signal_handler_disconnect (f->store, id);
}

/* Another connection, as accords-cli would be, saves an agreement */
static void
edit_elsewhere (Fixture          *f,
                const char       *slug,
                void            (*edit) (AccordsAgreement *a))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) other = accords_store_open (accords_store_get_path (f->store), &error);
  g_autoptr(AccordsAgreement) before = NULL;
  g_autoptr(AccordsAgreement) after = NULL;
  g_autoptr(AccordsCommand) command = accords_command_new ("elsewhere");

  g_assert_no_error (error);
  before = accords_store_load_agreement (other, slug, &error);
  g_assert_no_error (error);
  after = accords_agreement_copy (before);
  edit (after);
  accords_command_add_change (command, before, after);
  g_assert_true (accords_command_apply (command, other, &error));
  g_assert_no_error (error);
}

static void set_cap_outside (AccordsAgreement *a) { accords_agreement_set_cap (a, "1,000 a year"); }
static void set_cap_other (AccordsAgreement *a) { accords_agreement_set_cap (a, "50 a month"); }
static void add_event_outside (AccordsAgreement *a)
{
  g_autoptr(AccordsEvent) e = make_event ("2025-05-02", "statement");
  accords_event_set_description (e, "Said elsewhere");
  g_list_store_append (accords_agreement_get_events (a), e);
}

static gboolean
has_event (AccordsAgreement *a,
           const char       *date)
{
  GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (events, i);
      if (g_strcmp0 (accords_event_get_date (e), date) == 0)
        return TRUE;
    }
  return FALSE;
}

/* An edit read before another process saved the agreement writes only what
 * it changed, forward and undone: the other process's fields and parts stay */
static void
test_three_way_keeps_outside (Fixture *f, gconstpointer data)
{
  const char *slug = "uk-rw-medp-2022";
  g_autoptr(AccordsAgreement) read = load (f, slug);
  g_autofree char *short_title = g_strdup (accords_agreement_get_short_title (read));
  g_autoptr(AccordsAgreement) edited = accords_agreement_copy (read);
  g_autoptr(AccordsParty) funder = make_party ("EU", "funder");
  g_autoptr(AccordsCommand) command = accords_command_new ("Edit short title");
  g_autoptr(GError) error = NULL;
  guint n_parties = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (read)));

  g_assert_cmpstr (accords_agreement_get_cap (read), !=, "1,000 a year");
  accords_agreement_set_short_title (edited, "MEDP");
  g_list_store_append (accords_agreement_get_parties (edited), funder);
  accords_command_add_change (command, read, edited);

  edit_elsewhere (f, slug, set_cap_outside);
  edit_elsewhere (f, slug, add_event_outside);

  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AccordsAgreement) now = load (f, slug);
    g_assert_cmpstr (accords_agreement_get_short_title (now), ==, "MEDP");
    g_assert_cmpstr (accords_agreement_get_cap (now), ==, "1,000 a year");
    g_assert_true (has_event (now, "2025-05-02"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (now))), ==, n_parties + 1);
  }

  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AccordsAgreement) now = load (f, slug);
    g_assert_cmpstr (accords_agreement_get_short_title (now), ==, short_title);
    g_assert_cmpstr (accords_agreement_get_cap (now), ==, "1,000 a year");
    g_assert_true (has_event (now, "2025-05-02"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (now))), ==, n_parties);
  }

  g_assert_true (accords_history_redo (f->history, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AccordsAgreement) now = load (f, slug);
    g_assert_cmpstr (accords_agreement_get_short_title (now), ==, "MEDP");
    g_assert_cmpstr (accords_agreement_get_cap (now), ==, "1,000 a year");
  }
}

/* A field this edit and another process both changed is a conflict: nothing
 * is written, and the merge it offers settles it */
static void
test_three_way_conflict (Fixture *f, gconstpointer data)
{
  const char *slug = "uk-rw-medp-2022";
  g_autoptr(AccordsAgreement) read = load (f, slug);
  g_autoptr(AccordsAgreement) edited = accords_agreement_copy (read);
  g_autoptr(AccordsCommand) command = accords_command_new ("Edit cap");
  g_autoptr(GError) error = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  AccordsAgreement *base, *ours, *theirs;
  g_autoptr(AccordsMerge) merge = NULL;
  g_autoptr(AccordsCommand) settled = NULL;
  GListModel *conflicts;
  g_autoptr(AccordsMergeConflict) conflict = NULL;

  accords_agreement_set_cap (edited, "300 a year");
  accords_agreement_set_short_title (edited, "MEDP");
  accords_command_add_change (command, read, edited);
  edit_elsewhere (f, slug, set_cap_outside);
  before_json = stored_json (f, slug);

  g_assert_false (accords_history_push (f->history, command, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "cap"));
  g_clear_error (&error);
  after_json = stored_json (f, slug);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_false (accords_history_get_can_undo (f->history));

  g_assert_true (accords_command_get_conflict (command, &base, &ours, &theirs));
  g_assert_cmpstr (accords_agreement_get_cap (theirs), ==, "1,000 a year");
  merge = accords_merge_new_three_way ("Edit cap", base, ours, theirs, &error);
  g_assert_no_error (error);
  conflicts = accords_merge_get_conflicts (merge);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (accords_merge_conflict_get_field (conflict), ==, "cap");
  g_assert_cmpstr (accords_merge_conflict_get_stored (conflict), ==, "1,000 a year");
  g_assert_cmpstr (accords_merge_conflict_get_incoming (conflict), ==, "300 a year");
  g_assert_null (accords_merge_build_command (merge, NULL, NULL, &error));
  g_clear_error (&error);

  accords_merge_conflict_set_choice (conflict, ACCORDS_MERGE_TAKE_INCOMING);
  settled = accords_merge_build_command (merge, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_command_get_label (settled), ==, "Edit cap");
  g_assert_true (accords_history_push (f->history, settled, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AccordsAgreement) now = load (f, slug);
    g_assert_cmpstr (accords_agreement_get_cap (now), ==, "300 a year");
    g_assert_cmpstr (accords_agreement_get_short_title (now), ==, "MEDP");
  }

  /* undoing what another process changed again since is a conflict too */
  edit_elsewhere (f, slug, set_cap_other);
  g_clear_pointer (&before_json, g_free);
  before_json = stored_json (f, slug);
  g_assert_false (accords_history_undo (f->history, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&after_json, g_free);
  after_json = stored_json (f, slug);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_true (accords_history_get_can_undo (f->history));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editing/status/derived-and-override", test_status_override);
  ADD ("/editing/validation/each-rule", test_validation_rules);
  ADD ("/editing/history/undo-redo-each-edit", test_undo_redo);
  ADD ("/editing/history/create-delete", test_create_delete);
  ADD ("/editing/history/async-in-order", test_history_async);
  ADD ("/editing/cascade/delete-and-undo", test_delete_cascade);
  ADD ("/editing/cascade/undo-create-keeps-later-notes", test_undo_create_keeps_later_notes);
  ADD ("/editing/rename/keeps-notes", test_rename_keeps_notes);
  ADD ("/editing/three-way/keeps-outside-changes", test_three_way_keeps_outside);
  ADD ("/editing/three-way/conflict", test_three_way_conflict);
  ADD ("/editing/sources/edit-clears-and-undoes", test_source_edit_clears);
  ADD ("/editing/merge/conflicts-and-duplicates", test_merge);
  ADD ("/editing/merge/shared-sources-and-new", test_merge_sources_and_new);
  ADD ("/editing/merge/bad-input", test_merge_bad_input);
#undef ADD

  return g_test_run ();
}
