/* test-evidence.c: a linked news item made a timeline event, a verify flag resolved by citing a source */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-evidence.h"
#include "accords-flag.h"
#include "accords-history.h"
#include "accords-importer.h"
#include "accords-item-link.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-links.h"
#include "accords-test-util.h"
#include "accords-util.h"

#define US_RW "us-rw-2025"
#define UK_RW "uk-rw-medp-2022"
#define ARRIVALS_URL "https://news.example.org/2025/08/15/first-deportees-kigali"

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
  AccordsHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "data", "news", "seed-article.rss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (feed);
  g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);

  f->dir = g_dir_make_tmp ("accords-evidence-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "evidence.db", NULL);
  f->context = accords_context_new (db, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  f->history = accords_history_new (f->store);
  /* the feed's items are linked to the agreements as they are imported */
  g_assert_true (accords_importer_import_file (f->store, file, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_no_error (result->error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static AccordsAgreement *
load (Fixture    *f,
      const char *slug)
{
  g_autoptr(GError) error = NULL;
  AccordsAgreement *a = accords_store_load_agreement (f->store, slug, &error);

  g_assert_no_error (error);
  return a;
}

/* The link of the item at url to the agreement, as the Sources tab lists it */
static AccordsItemLink *
link_of (Fixture    *f,
         const char *slug,
         const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = accords_store_load_agreement_links (f->store, slug, TRUE, 0, 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (accords_item_link_get_link (links->pdata[i]), url) == 0)
      return g_object_ref (links->pdata[i]);
  g_assert_not_reached ();
}

static char *
state_of (Fixture         *f,
          AccordsItemLink *link)
{
  g_autoptr(GError) error = NULL;
  char *state = accords_store_get_link_state (f->store, accords_item_link_get_item_id (link),
                                              accords_item_link_get_agreement (link), &error);

  g_assert_no_error (error);
  return state;
}

static guint
count_sources (AccordsAgreement *a,
               const char       *url)
{
  GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (a));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      n += g_strcmp0 (accords_source_get_url (s), url) == 0;
    }
  return n;
}

static AccordsSource *
find_source (AccordsAgreement *a,
             const char       *url)
{
  GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (a));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (accords_source_get_url (s), url) == 0)
        return g_steal_pointer (&s);
    }
  return NULL;
}

/* The events of a day described so */
static guint
count_events (AccordsAgreement *a,
              const char       *date,
              const char       *description)
{
  GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (events, i);

      n += g_strcmp0 (accords_event_get_date (e), date) == 0 &&
           g_strcmp0 (accords_event_get_description (e), description) == 0;
    }
  return n;
}

static AccordsEvent *
event_at (AccordsAgreement *a,
          int               index)
{
  g_assert_cmpint (index, >=, 0);
  return g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), (guint) index);
}

static AccordsFlag *
flag_at (AccordsAgreement *a,
         guint             index)
{
  return g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (a)), index);
}

static void
test_event_from_item (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordsItemLink) link = link_of (f, US_RW, ARRIVALS_URL);
  g_autoptr(AccordsEvent) event = accords_evidence_event_from_item (link);
  g_autoptr(AccordsSource) source = accords_evidence_source_from_item (link, "2026-01-10");
  g_autoptr(AccordsItemLink) quiet = NULL;
  g_autoptr(AccordsEvent) plain = NULL;
  const char * const *urls;

  /* the date from the item, the type from its status cue, the item cited */
  g_assert_cmpstr (accords_item_link_get_signal (link), ==, "first_transfer");
  g_assert_cmpstr (accords_event_get_date (event), ==, "2025-08-15");
  g_assert_cmpstr (accords_event_get_precision (event), ==, "day");
  g_assert_cmpstr (accords_event_get_event_type (event), ==, "first_transfer");
  g_assert_cmpstr (accords_event_get_description (event), ==, "First deportees from the United States arrive in Rwanda");
  g_assert_cmpstr (accords_event_get_confidence (event), ==, "reported");
  urls = accords_event_get_source_urls (event);
  g_assert_nonnull (urls);
  g_assert_cmpstr (urls[0], ==, ARRIVALS_URL);
  g_assert_null (urls[1]);

  /* the item as a source: a news report by its feed that keeps its item */
  g_assert_cmpstr (accords_source_get_url (source), ==, ARRIVALS_URL);
  g_assert_cmpstr (accords_source_get_title (source), ==, "First deportees from the United States arrive in Rwanda");
  g_assert_cmpstr (accords_source_get_publisher (source), ==, "Seed Article Desk");
  g_assert_cmpstr (accords_source_get_published (source), ==, "2025-08-15");
  g_assert_cmpstr (accords_source_get_accessed (source), ==, "2026-01-10");
  g_assert_cmpstr (accords_source_get_source_type (source), ==, "news");
  g_assert_cmpint (accords_source_get_item_id (source), ==, accords_item_link_get_item_id (link));

  /* no cue and no usable date: a statement, which moves no status, undated */
  quiet = g_object_new (ACCORDS_TYPE_ITEM_LINK, "item-id", (gint64) 7, "agreement", US_RW,
                        "title", "A column", "published", "sometime", "link", "https://example.org/c",
                        "signal", "", "state", "suggested", NULL);
  plain = accords_evidence_event_from_item (quiet);
  g_assert_cmpstr (accords_event_get_event_type (plain), ==, ACCORDS_EVIDENCE_DEFAULT_TYPE);
  g_assert_null (accords_event_get_date (plain));
  g_assert_null (accords_event_get_precision (plain));
}

static void
test_event_command (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordsItemLink) link = link_of (f, US_RW, ARRIVALS_URL);
  g_autoptr(AccordsEvent) event = accords_evidence_event_from_item (link);
  g_autoptr(AccordsAgreement) before = load (f, US_RW);
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(AccordsAgreement) after = NULL;
  g_autoptr(AccordsAgreement) undone = NULL;
  g_autoptr(AccordsAgreement) redone = NULL;
  g_autoptr(AccordsAgreement) twice = NULL;
  g_autoptr(AccordsSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL;
  const char *description = "First deportees from the United States arrive in Rwanda";
  guint n_events = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (before)));
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (before)));

  g_assert_cmpuint (count_sources (before, ARRIVALS_URL), ==, 0);

  /* the researcher may edit the proposal before it is added */
  accords_event_set_actor (event, "US");
  command = accords_evidence_event_command (before, event, link);
  g_assert_cmpuint (accords_command_get_n_changes (command), ==, 1);
  g_assert_cmpuint (accords_command_get_n_link_states (command), ==, 1);
  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);

  /* one step: the event, the item as a source, the link confirmed */
  after = load (f, US_RW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (after))), ==, n_events + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (after))), ==, n_sources + 1);
  g_assert_cmpuint (count_events (after, "2025-08-15", description), ==, 1);
  source = find_source (after, ARRIVALS_URL);
  g_assert_nonnull (source);
  g_assert_cmpint (accords_source_get_item_id (source), ==, accords_item_link_get_item_id (link));
  g_assert_cmpstr (accords_source_get_publisher (source), ==, "Seed Article Desk");
  g_assert_cmpstr (accords_source_get_published (source), ==, "2025-08-15");
  {
    GListModel *events = G_LIST_MODEL (accords_agreement_get_events (after));

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(AccordsEvent) e = g_list_model_get_item (events, i);

        if (g_strcmp0 (accords_event_get_description (e), description) == 0)
          {
            g_assert_cmpstr (accords_event_get_event_type (e), ==, "first_transfer");
            g_assert_cmpstr (accords_event_get_actor (e), ==, "US");
            g_assert_true (g_strv_equal (accords_event_get_source_urls (e),
                                         (const char * const []) { ARRIVALS_URL, NULL }));
          }
      }
  }
  s1 = state_of (f, link);
  g_assert_cmpstr (s1, ==, "confirmed");
  g_assert_cmpstr (accords_history_get_undo_label (f->history), ==, "Add event from news item");

  /* one undo takes the event, the source and the confirmation back */
  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load (f, US_RW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (undone))), ==, n_events);
  g_assert_cmpuint (count_sources (undone, ARRIVALS_URL), ==, 0);
  s2 = state_of (f, link);
  g_assert_cmpstr (s2, ==, "suggested");

  g_assert_true (accords_history_redo (f->history, &error));
  g_assert_no_error (error);
  redone = load (f, US_RW);
  g_assert_cmpuint (count_events (redone, "2025-08-15", description), ==, 1);
  g_assert_cmpuint (count_sources (redone, ARRIVALS_URL), ==, 1);
  s3 = state_of (f, link);
  g_assert_cmpstr (s3, ==, "confirmed");

  /* a second event from the same item cites the source it already has */
  {
    g_autoptr(AccordsItemLink) confirmed = link_of (f, US_RW, ARRIVALS_URL);
    g_autoptr(AccordsEvent) again = accords_evidence_event_from_item (confirmed);
    g_autoptr(AccordsCommand) second = NULL;

    accords_event_set_event_type (again, "transfer");
    second = accords_evidence_event_command (redone, again, confirmed);
    /* confirmed already: nothing to confirm */
    g_assert_cmpuint (accords_command_get_n_link_states (second), ==, 0);
    g_assert_true (accords_history_push (f->history, second, &error));
    g_assert_no_error (error);
  }
  twice = load (f, US_RW);
  g_assert_cmpuint (count_events (twice, "2025-08-15", description), ==, 2);
  g_assert_cmpuint (count_sources (twice, ARRIVALS_URL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (twice))), ==, n_sources + 1);
}

static void
test_flag_event (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AccordsAgreement) a = load (f, UK_RW);
  GListModel *flags = G_LIST_MODEL (accords_agreement_get_flags (a));
  gboolean seen_ratified = FALSE, seen_appeal = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(AccordsFlag) flag = g_list_model_get_item (flags, i);
      const char *text = accords_flag_get_text (flag);
      int index = accords_evidence_flag_event (a, flag);

      if (g_str_equal (text, "source of the 2024-04-25 treaty ratified event not identified"))
        {
          g_autoptr(AccordsEvent) e = event_at (a, index);

          /* two events that day: the label tells them apart */
          g_assert_cmpstr (accords_event_get_label (e), ==, "treaty_ratified");
          g_assert_cmpstr (accords_event_get_event_type (e), ==, "ratified");
          seen_ratified = TRUE;
        }
      else if (g_str_equal (text, "source of the 2023-06 court of appeal ruled unlawful event not identified"))
        {
          g_autoptr(AccordsEvent) e = event_at (a, index);

          g_assert_cmpstr (accords_event_get_date (e), ==, "2023-06");
          seen_appeal = TRUE;
        }
      else
        g_assert_cmpint (index, ==, -1);
    }
  g_assert_true (seen_ratified);
  g_assert_true (seen_appeal);

  /* a flag of that form about no event of the agreement points nowhere */
  {
    g_autoptr(AccordsFlag) stray = accords_flag_new ();

    accords_flag_set_text (stray, "source of the 1999-01-01 treaty ratified event not identified");
    g_assert_cmpint (accords_evidence_flag_event (a, stray), ==, -1);
    accords_flag_set_text (stray, "source of the  event not identified");
    g_assert_cmpint (accords_evidence_flag_event (a, stray), ==, -1);
  }
}

static guint
flag_index (AccordsAgreement *a,
            const char       *text)
{
  GListModel *flags = G_LIST_MODEL (accords_agreement_get_flags (a));

  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(AccordsFlag) flag = g_list_model_get_item (flags, i);

      if (g_strcmp0 (accords_flag_get_text (flag), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_resolve_flag (Fixture       *f,
                   gconstpointer  data)
{
  const char *text = "source of the 2024-04-25 treaty ratified event not identified";
  const char *url = "https://legislation.gov.uk/ukpga/2024/8/section/1?view=plain";
  g_autoptr(AccordsAgreement) before = load (f, UK_RW);
  guint index = flag_index (before, text);
  int event_index = -1;
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (before)));
  g_autoptr(AccordsSource) source = find_source (before, url);
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(AccordsAgreement) after = NULL;
  g_autoptr(AccordsAgreement) undone = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AccordsFlag) flag = flag_at (before, index);
    g_autoptr(AccordsEvent) e = NULL;

    event_index = accords_evidence_flag_event (before, flag);
    e = event_at (before, event_index);
    g_assert_null (accords_event_get_source_urls (e) ? accords_event_get_source_urls (e)[0] : NULL);
  }
  g_assert_nonnull (source);

  /* one of the agreement's own sources: cited by the event, the flag resolved */
  command = accords_evidence_resolve_flag_command (before, index, source, NULL, "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_cmpuint (accords_command_get_n_link_states (command), ==, 0);
  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);
  after = load (f, UK_RW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (after))), ==, n_sources);
  {
    g_autoptr(AccordsFlag) flag = flag_at (after, flag_index (after, text));
    g_autoptr(AccordsEvent) e = event_at (after, accords_evidence_flag_event (after, flag));

    g_assert_cmpstr (accords_flag_get_resolved (flag), ==, "2026-01-10");
    g_assert_nonnull (strstr (accords_flag_get_resolution (flag), url));
    g_assert_cmpstr (accords_event_get_label (e), ==, "treaty_ratified");
    g_assert_true (g_strv_equal (accords_event_get_source_urls (e), (const char * const []) { url, NULL }));
  }

  /* resolved already: said so, nothing made */
  {
    g_autoptr(AccordsCommand) again = accords_evidence_resolve_flag_command (after, flag_index (after, text), source,
                                                                              NULL, NULL, &error);

    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
    g_assert_null (again);
    g_clear_error (&error);
  }
  /* nor for a flag that is not there */
  {
    g_autoptr(AccordsCommand) none = accords_evidence_resolve_flag_command (after, 99, source, NULL, NULL, &error);

    g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_clear_error (&error);
  }

  /* undone: open again, the event cites nothing */
  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load (f, UK_RW);
  {
    g_autoptr(AccordsFlag) flag = flag_at (undone, flag_index (undone, text));
    g_autoptr(AccordsEvent) e = event_at (undone, accords_evidence_flag_event (undone, flag));
    const char * const *urls = accords_event_get_source_urls (e);

    g_assert_true (accords_str_empty (accords_flag_get_resolved (flag)));
    g_assert_true (urls == NULL || urls[0] == NULL);
  }
}

static void
test_resolve_flag_with_item (Fixture       *f,
                             gconstpointer  data)
{
  const char *text = "text unpublished";
  g_autoptr(AccordsItemLink) link = link_of (f, US_RW, ARRIVALS_URL);
  g_autoptr(AccordsAgreement) before = load (f, US_RW);
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (before)));
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(AccordsAgreement) after = NULL;
  g_autoptr(AccordsAgreement) undone = NULL;
  g_autoptr(AccordsSource) source = NULL;
  g_autoptr(AccordsFlag) flag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL;

  /* a linked news item: it becomes a source and its link is confirmed */
  command = accords_evidence_resolve_flag_command (before, flag_index (before, text), NULL, link, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accords_command_get_n_link_states (command), ==, 1);
  g_assert_true (accords_history_push (f->history, command, &error));
  g_assert_no_error (error);
  after = load (f, US_RW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (after))), ==, n_sources + 1);
  source = find_source (after, ARRIVALS_URL);
  g_assert_cmpint (accords_source_get_item_id (source), ==, accords_item_link_get_item_id (link));
  flag = flag_at (after, flag_index (after, text));
  g_assert_false (accords_str_empty (accords_flag_get_resolved (flag)));
  g_assert_nonnull (strstr (accords_flag_get_resolution (flag), "First deportees from the United States arrive in Rwanda"));
  s1 = state_of (f, link);
  g_assert_cmpstr (s1, ==, "confirmed");

  g_assert_true (accords_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load (f, US_RW);
  g_assert_cmpuint (count_sources (undone, ARRIVALS_URL), ==, 0);
  s2 = state_of (f, link);
  g_assert_cmpstr (s2, ==, "suggested");
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/evidence/event-from-item", test_event_from_item);
  ADD ("/evidence/event-command", test_event_command);
  ADD ("/evidence/flag-event", test_flag_event);
  ADD ("/evidence/resolve-flag", test_resolve_flag);
  ADD ("/evidence/resolve-flag-with-item", test_resolve_flag_with_item);

  return g_test_run ();
}
