/* test-editor.c: curating in the window: a new agreement between two countries, its event and source,
 * validation beside the fields, undo and redo, the delete that asks first, a dataset import with conflicts */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-agreement-editor.h"
#include "accords-agreement-view.h"
#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-country-row.h"
#include "accords-dataset-io.h"
#include "accords-dataset.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-source.h"
#include "accords-form-dialog.h"
#include "accords-map-model.h"
#include "accords-merge-dialog.h"
#include "accords-store-agreements.h"
#include "accords-test-window.h"
#include "accords-window.h"

#define SLUG "france-senegal-readmission"
#define SOURCE_URL "https://example.org/fr-sn/text"

typedef gboolean (*Predicate) (gpointer data);

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Runs the main loop until the condition holds (the history works in a
 * worker thread), failing after ten seconds */
static void
wait_until (Predicate condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

static gboolean
idle (gpointer data)
{
  return !accords_history_get_busy (accords_window_get_history (data));
}

static gboolean
selected (gpointer data)
{
  return idle (data) && g_strcmp0 (accords_window_get_selected_agreement (data), SLUG) == 0;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n))
    n++;
  return n;
}

static AccordsStatus
country_status (AccordsWindow *window,
                const char    *code)
{
  return accords_country_get_status (accords_country_list_lookup (accords_window_get_countries (window), code));
}

/* What the map colours by a status (not "No status yet" nor "No agreement") */
static gboolean
on_map (AccordsWindow *window,
        const char    *code)
{
  return accords_map_model_get_status (accords_map_view_get_model (accords_window_get_map_view (window)), code) !=
         ACCORDS_STATUS_NONE;
}

static AccordsAgreement *
shown (AccordsWindow *window)
{
  return accords_agreement_view_get_agreement (accords_window_get_agreement_view (window));
}

static guint
n_events (AccordsWindow *window)
{
  AccordsAgreement *a = shown (window);

  return a ? g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (a))) : 0;
}

static gboolean
has_event (gpointer data)
{
  return idle (data) && n_events (data) == 1;
}

static gboolean
has_no_event (gpointer data)
{
  return idle (data) && shown (data) != NULL && n_events (data) == 0;
}

static gboolean
has_source (gpointer data)
{
  AccordsAgreement *a = shown (data);

  return idle (data) && a && g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (a))) == 1;
}

static gboolean
is_gone (gpointer data)
{
  AccordsWindow *window = data;

  return idle (data) && !accords_store_has_agreement (accords_context_get_store (accords_window_get_context (window)), SLUG);
}

static AccordsFormDialog *
open_dialog (AccordsAgreementEditor *editor,
             const char             *kind)
{
  AccordsFormDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", "s", kind));
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return dialog;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
has_merge_dialog (gpointer data)
{
  return find_toplevel (ACCORDS_TYPE_MERGE_DIALOG) != NULL;
}

static gboolean
title_is_incoming (gpointer data)
{
  AccordsAgreement *a = shown (data);

  return idle (data) && a && g_strcmp0 (accords_agreement_get_title (a), "France–Senegal (their title)") == 0;
}

static void
test_curate (void)
{
  g_autoptr(GError) error = NULL;
  AccordsTestWindow t = { 0 };
  g_autofree char *dataset = NULL;
  AccordsContext *context;
  AccordsWindow *window;
  AccordsAgreementView *view;
  AccordsAgreementEditor *editor;
  AccordsFormDialog *dialog;
  AdwMessageDialog *ask;
  AccordsStore *store;

  accords_test_window_open (&t, "accords-editor-XXXXXX", "ui.db");
  context = t.context;
  window = t.window;
  dataset = g_build_filename (t.dir, "incoming.json", NULL);
  store = accords_context_get_store (context);
  iterate ();
  view = accords_window_get_agreement_view (window);
  editor = accords_agreement_view_get_editor (view);

  /* Portugal and Senegal have no agreement yet */
  g_assert_cmpint (country_status (window, "PT"), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_NONE);
  g_assert_false (on_map (window, "SN"));

  /* New agreement (Ctrl+N): the id follows the title; the countries are searchable */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-agreement", NULL));
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "title", "France–Senegal readmission");
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "id"), ==, SLUG);
  accords_form_dialog_set_value (dialog, "id", "uk-rw-medp-2022");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "id"), "already the id of another agreement"));
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "id", SLUG);
  g_assert_null (accords_form_dialog_get_message (dialog, "id"));
  accords_form_dialog_set_value (dialog, "sending", "PT");
  accords_form_dialog_set_value (dialog, "receiving", "SN");
  g_assert_true (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  wait_until (selected, window);
  g_assert_true (accords_agreement_view_get_editing (view));
  g_assert_cmpstr (accords_agreement_get_title (shown (window)), ==, "France–Senegal readmission");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (shown (window)))), ==, 2);
  /* listed, but no event gives it a status yet */
  g_assert_cmpuint (accords_country_get_agreement_count (accords_country_list_lookup (accords_window_get_countries (window), "SN")), ==, 1);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_NONE);

  /* a source, by URL and title; a URL that is not http(s) is refused beside the field */
  dialog = open_dialog (editor, "source");
  accords_form_dialog_set_value (dialog, "url", "ftp://example.org/fr-sn");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "url"), "not an http or https URL"));
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "url", SOURCE_URL);
  accords_form_dialog_set_value (dialog, "title", "The text of the agreement");
  g_assert_null (accords_form_dialog_get_message (dialog, "url"));
  accords_form_dialog_save (dialog);
  wait_until (has_source, window);
  g_assert_null (accords_agreement_editor_get_dialog (editor));

  /* an event: a date that does not exist is refused beside the field */
  dialog = open_dialog (editor, "event");
  accords_form_dialog_set_value (dialog, "date", "2025-02-30");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "date"), "2025-02-30 does not exist"));
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  g_assert_cmpuint (n_events (window), ==, 0);
  accords_form_dialog_set_value (dialog, "date", "2025-03-14");
  g_assert_null (accords_form_dialog_get_message (dialog, "date"));
  accords_form_dialog_set_value (dialog, "type", "signed");
  accords_form_dialog_set_value (dialog, "description", "Signed in Dakar");
  accords_form_dialog_set_value (dialog, "actor", "SN");
  accords_form_dialog_set_checked (dialog, "sources", SOURCE_URL, TRUE);
  g_assert_true (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  wait_until (has_event, window);

  /* both countries are coloured in the list the pane and the map read, and on the map */
  g_assert_cmpint (country_status (window, "PT"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_true (on_map (window, "PT"));
  g_assert_true (on_map (window, "SN"));
  /* the event is on the timeline, citing its source */
  g_assert_cmpuint (count_rows (accords_agreement_view_get_events_list (view)), ==, 1);
  g_assert_cmpuint (count_rows (accords_agreement_view_get_sources_list (view)), ==, 1);
  {
    g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (shown (window))), 0);

    g_assert_cmpstr (accords_event_get_precision (e), ==, "day");
    g_assert_cmpstr (accords_event_get_source_urls (e)[0], ==, SOURCE_URL);
  }

  /* the agreement's own fields: refused with the reason beside them */
  g_assert_false (accords_agreement_editor_apply_text (editor, "id", "Bad Id"));
  g_assert_nonnull (strstr (accords_agreement_editor_get_message (editor, "id"), "lower-case letters"));
  g_assert_false (accords_agreement_editor_apply_text (editor, "status_as_of", "2025-13"));
  g_assert_nonnull (strstr (accords_agreement_editor_get_message (editor, "status_as_of"), "no month 13"));
  g_assert_false (accords_agreement_editor_apply_text (editor, "title", "  "));
  g_assert_nonnull (accords_agreement_editor_get_message (editor, "title"));
  g_assert_true (accords_agreement_editor_apply_text (editor, "status_as_of", "2025-03"));
  wait_until (idle, window);
  g_assert_cmpstr (accords_agreement_get_status_as_of (shown (window)), ==, "2025-03");

  /* Ctrl+Z, Ctrl+Shift+Z */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (idle, window);
  g_assert_cmpstr (accords_agreement_get_status_as_of (shown (window)), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (has_no_event, window);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_NONE);
  g_assert_false (on_map (window, "SN"));
  g_assert_cmpuint (count_rows (accords_agreement_view_get_events_list (view)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  wait_until (has_event, window);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_SIGNED);

  /* deleting an agreement with a note asks first, and says what goes */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO note (title, body, agreement_id) VALUES ('n', 'b', %" G_GINT64_FORMAT ")",
                                            accords_agreement_get_id (shown (window)));
    g_assert_true (accords_store_exec (store, sql, NULL));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-agreement", NULL));
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "1 note"));
  g_assert_true (accords_store_has_agreement (store, SLUG));
  adw_message_dialog_response (ask, "delete");
  wait_until (is_gone, window);
  g_assert_null (accords_window_get_selected_agreement (window));
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_NONE);
  /* the toast's Undo: back, with its note, and shown again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (selected, window);
  g_assert_cmpint (country_status (window, "SN"), ==, ACCORDS_STATUS_SIGNED);

  /* a dataset import with a conflict: both values side by side, settled here */
  {
    g_autoptr(JsonNode) root = accords_dataset_to_json (store, &error);
    JsonArray *agreements = json_object_get_array_member (json_node_get_object (root), "agreements");
    g_autoptr(GFile) file = g_file_new_for_path (dataset);
    g_autofree char *text = NULL;
    AccordsMergeDialog *merge_dialog;

    for (guint i = 0; i < json_array_get_length (agreements); i++)
      {
        JsonObject *a = json_array_get_object_element (agreements, i);
        if (g_str_equal (json_object_get_string_member (a, "id"), SLUG))
          json_object_set_string_member (a, "title", "France–Senegal (their title)");
      }
    text = json_to_string (root, TRUE);
    g_assert_true (g_file_set_contents (dataset, text, -1, NULL));
    accords_dataset_io_import_file (GTK_WINDOW (window), accords_window_get_context (window), file);
    wait_until (has_merge_dialog, NULL);
    merge_dialog = find_toplevel (ACCORDS_TYPE_MERGE_DIALOG);
    g_assert_cmpuint (g_list_model_get_n_items (accords_merge_get_conflicts (accords_merge_dialog_get_merge (merge_dialog))), ==, 1);
    /* nothing is imported while a conflict is unsettled */
    gtk_widget_activate_action (GTK_WIDGET (merge_dialog), "merge.import", NULL);
    wait_until (idle, window);
    g_assert_true (find_toplevel (ACCORDS_TYPE_MERGE_DIALOG) == merge_dialog);
    g_assert_cmpuint (accords_merge_count_unresolved (accords_merge_dialog_get_merge (merge_dialog)), ==, 1);
    g_assert_false (title_is_incoming (window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge_dialog), "merge.take-all", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge_dialog), "merge.import", NULL));
    wait_until (title_is_incoming, window);
  }

  accords_test_window_close (&t);
}

/* The parts of a seeded agreement, each through its dialog */

typedef struct {
  AccordsWindow *window;
  guint          people;
  guint          facts;
  guint          sources;
  guint          parties;
  guint          flags;
} Counts;

static guint
n_of (AccordsWindow *window,
      GListStore *(*get) (AccordsAgreement *))
{
  AccordsAgreement *a = shown (window);

  return a ? g_list_model_get_n_items (G_LIST_MODEL (get (a))) : 0;
}

static gboolean
counts_are (gpointer data)
{
  Counts *c = data;

  return idle (c->window) &&
         n_of (c->window, accords_agreement_get_people) == c->people &&
         n_of (c->window, accords_agreement_get_facts) == c->facts &&
         n_of (c->window, accords_agreement_get_sources) == c->sources &&
         n_of (c->window, accords_agreement_get_parties) == c->parties &&
         n_of (c->window, accords_agreement_get_flags) == c->flags;
}

static void
save_and_wait (AccordsFormDialog *dialog,
               Counts            *c)
{
  g_assert_true (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  wait_until (counts_are, c);
}

static gpointer
part (AccordsWindow *window,
      GListStore *(*get) (AccordsAgreement *),
      guint          index)
{
  return g_list_model_get_item (G_LIST_MODEL (get (shown (window))), index);
}

static void
test_parts (void)
{
  g_autoptr(GError) error = NULL;
  AccordsTestWindow t = { 0 };
  AccordsWindow *window;
  AccordsAgreementView *view;
  AccordsAgreementEditor *editor;
  AccordsFormDialog *dialog;
  Counts c = { 0 };
  const char *new_url = "https://example.org/flight-report";

  accords_test_window_open (&t, "accords-editor-XXXXXX", "ui.db");
  window = t.window;
  accords_window_select_country (window, "RW");
  accords_window_select_agreement (window, "us-rw-2025");
  iterate ();
  view = accords_window_get_agreement_view (window);
  editor = accords_agreement_view_get_editor (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "agreement.editing", NULL));
  g_assert_true (accords_agreement_view_get_editing (view));
  c.window = window;
  c.people = n_of (window, accords_agreement_get_people);
  c.facts = n_of (window, accords_agreement_get_facts);
  c.sources = n_of (window, accords_agreement_get_sources);
  c.parties = n_of (window, accords_agreement_get_parties);
  c.flags = n_of (window, accords_agreement_get_flags);

  /* a person with a dated role: an end before the start is refused beside it */
  dialog = open_dialog (editor, "person");
  accords_form_dialog_set_value (dialog, "name", "Olivier Nduhungirehe");
  accords_form_dialog_set_value (dialog, "role", "Minister of Foreign Affairs");
  accords_form_dialog_set_value (dialog, "country", "RW");
  accords_form_dialog_set_value (dialog, "start", "2024-12");
  accords_form_dialog_set_value (dialog, "end", "2024-01");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "end"), "before the start"));
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "end", "");
  c.people++;
  save_and_wait (dialog, &c);

  /* an observation, cited to a new source given by URL and title */
  dialog = open_dialog (editor, "observation");
  accords_form_dialog_set_value (dialog, "count", "many");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "count"), "not a whole number"));
  accords_form_dialog_set_value (dialog, "count", "7");
  accords_form_dialog_set_value (dialog, "date", "2025-08");
  accords_form_dialog_set_value (dialog, "description", "People transferred");
  accords_form_dialog_set_value (dialog, "new_url", "flight-report");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "new_url"), "not an http or https URL"));
  accords_form_dialog_set_value (dialog, "new_url", new_url);
  accords_form_dialog_set_value (dialog, "new_title", "Flight report");
  c.facts++;
  c.sources++;
  save_and_wait (dialog, &c);

  /* a financial term, cited to that same source: one source row */
  dialog = open_dialog (editor, "financial_term");
  accords_form_dialog_set_value (dialog, "amount", "7500000");
  accords_form_dialog_set_value (dialog, "currency", "dollars");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "currency"), "ISO 4217"));
  accords_form_dialog_set_value (dialog, "currency", "USD");
  accords_form_dialog_set_value (dialog, "description", "Paid to Rwanda");
  accords_form_dialog_set_value (dialog, "source", new_url);
  c.facts++;
  save_and_wait (dialog, &c);

  /* editing the source's URL carries its citations along */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit", "(su)", "source", c.sources - 1));
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "url"), ==, new_url);
  accords_form_dialog_set_value (dialog, "url", "https://example.org/flight-report-2");
  accords_form_dialog_set_value (dialog, "publisher", "Rwanda Broadcasting Agency");
  accords_form_dialog_save (dialog);
  wait_until (idle, window);
  for (guint i = 0; i < c.facts; i++)
    {
      g_autoptr(AccordsFact) f = part (window, accords_agreement_get_facts, i);

      g_assert_cmpstr (accords_fact_get_source_url (f), !=, new_url);
    }
  {
    g_autoptr(AccordsSource) src = part (window, accords_agreement_get_sources, c.sources - 1);
    g_assert_cmpstr (accords_source_get_publisher (src), ==, "Rwanda Broadcasting Agency");
  }

  /* something to verify, then resolved with a note of how */
  dialog = open_dialog (editor, "flag");
  accords_form_dialog_set_value (dialog, "text", "Check the amount paid");
  c.flags++;
  save_and_wait (dialog, &c);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.resolve-flag", "u", c.flags - 1));
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  accords_form_dialog_set_value (dialog, "resolution", "");
  g_assert_nonnull (strstr (accords_form_dialog_get_message (dialog, "resolution"), "how it was resolved"));
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "resolution", "The budget law gives it");
  accords_form_dialog_save (dialog);
  wait_until (idle, window);
  {
    g_autoptr(AccordsFlag) flag = part (window, accords_agreement_get_flags, c.flags - 1);
    g_assert_cmpstr (accords_flag_get_resolution (flag), ==, "The budget law gives it");
    g_assert_nonnull (accords_flag_get_resolved (flag));
  }

  /* deleting a party, and its Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", "(su)", "party", 0));
  c.parties--;
  wait_until (counts_are, &c);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  c.parties++;
  wait_until (counts_are, &c);

  /* the short title, and removing a type, undone */
  {
    g_autofree char *first = g_strdup (accords_agreement_get_types (shown (window))[0]);
    const char * const *types;

    g_assert_true (accords_agreement_editor_apply_text (editor, "short_title", "US–Rwanda"));
    wait_until (idle, window);
    g_assert_cmpstr (accords_agreement_get_short_title (shown (window)), ==, "US–Rwanda");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-type", "u", 0));
    wait_until (idle, window);
    types = accords_agreement_get_types (shown (window));
    g_assert_true (types == NULL || g_strv_length ((char **) types) == 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    wait_until (idle, window);
    g_assert_cmpstr (accords_agreement_get_types (shown (window))[0], ==, first);
  }

  accords_test_window_close (&t);
}

static void
test_country_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsIsoCodes) iso = accords_iso_codes_new (NULL, &error);
  GtkWidget *row;

  g_assert_no_error (error);
  row = g_object_ref_sink (accords_country_row_new (iso, TRUE));
  /* by name, by code, and the EU */
  accords_country_row_search (ACCORDS_COUNTRY_ROW (row), "seneg");
  g_assert_cmpuint (accords_country_row_get_n_matches (ACCORDS_COUNTRY_ROW (row)), ==, 1);
  accords_country_row_search (ACCORDS_COUNTRY_ROW (row), "sn");
  g_assert_cmpuint (accords_country_row_get_n_matches (ACCORDS_COUNTRY_ROW (row)), >=, 1);
  accords_country_row_search (ACCORDS_COUNTRY_ROW (row), "european");
  g_assert_cmpuint (accords_country_row_get_n_matches (ACCORDS_COUNTRY_ROW (row)), ==, 1);
  accords_country_row_search (ACCORDS_COUNTRY_ROW (row), "");
  g_assert_cmpuint (accords_country_row_get_n_matches (ACCORDS_COUNTRY_ROW (row)), ==,
                    accords_iso_codes_get_n_countries (iso) + 1);
  accords_country_row_set_country (ACCORDS_COUNTRY_ROW (row), "EU");
  g_assert_cmpstr (accords_country_row_get_country (ACCORDS_COUNTRY_ROW (row)), ==, "EU");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "European Union"));
  g_assert_finalize_object (row);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/editor/curate-in-the-window", test_curate);
  g_test_add_func ("/editor/parts-through-their-dialogs", test_parts);
  g_test_add_func ("/editor/country-search", test_country_search);

  return g_test_run ();
}
