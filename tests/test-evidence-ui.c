/* test-evidence-ui.c: a linked news item added to the timeline, a verify flag resolved by citing a source, in the window */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "accords-context.h"
#include "accords-event.h"
#include "accords-flag.h"
#include "accords-importer.h"
#include "accords-item-link.h"
#include "accords-linked-news.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-test-util.h"
#include "accords-test-window.h"
#include "accords-util.h"
#include "accords-window.h"

#define SLUG "us-rw-2025"

typedef struct {
  AccordsTestWindow  w;
  char              *feed;
  AccordsStore      *store;
  AccordsLinkedNews *news;
  gboolean           imported;
} Fixture;

typedef gboolean (*Predicate) (Fixture *f);

static void
wait_until (Fixture   *f,
            Predicate  condition)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (f) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (f));
}

/* Nothing under way: no edit in the history's worker, no load of the list */
static gboolean
idle (Fixture *f)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return !accords_history_get_busy (accords_window_get_history (f->w.window)) &&
         !accords_linked_news_get_loading (f->news);
}

static gboolean
imported (Fixture *f)
{
  return f->imported;
}

static void
import_finished_cb (GtkWidget *bar,
                    GPtrArray *results,
                    GError    *error,
                    gboolean   cancelled,
                    Fixture   *f)
{
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_no_error (((AccordsImportResult *) g_ptr_array_index (results, 0))->error);
  f->imported = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "news", "seed-article.rss", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *bar;

  accords_test_window_open_context (&f->w, "accords-evidence-ui-XXXXXX", "evidence.db");
  f->store = accords_context_get_store (f->w.context);
  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  f->feed = g_build_filename (f->w.dir, "seed-article.rss", NULL);
  g_assert_true (g_file_set_contents (f->feed, contents, -1, NULL));

  accords_test_window_show (&f->w, NULL, 1200, 800);
  f->news = accords_agreement_view_get_linked_news (accords_window_get_agreement_view (f->w.window));

  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW, "import_bar"));
  g_signal_connect (bar, "finished", G_CALLBACK (import_finished_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wait_until (f, idle);
  accords_test_window_close (&f->w);
  g_free (f->feed);
}

static void
import_feed (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->feed);

  f->imported = FALSE;
  g_assert_true (accords_window_import_files (f->w.window, &file, 1));
  wait_until (f, imported);
  wait_until (f, idle);
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

static char *
state_of (Fixture *f,
          gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  char *state = accords_store_get_link_state (f->store, item_id, SLUG, &error);

  g_assert_no_error (error);
  return state;
}

/* The list's row for the item, or NULL */
static GtkWidget *
shown_row (Fixture *f,
           gint64   item_id)
{
  GtkListBox *list = accords_linked_news_get_list (f->news);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      AccordsItemLink *link = g_object_get_data (G_OBJECT (row), "link");

      if (link != NULL && accords_item_link_get_item_id (link) == item_id)
        return row;
    }
  return NULL;
}

/* Whether a label under widget reads text */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
open_agreement (Fixture *f)
{
  AccordsAgreementView *view = accords_window_get_agreement_view (f->w.window);

  accords_window_select_country (f->w.window, "RW");
  accords_window_select_agreement (f->w.window, SLUG);
  g_assert_cmpstr (accords_linked_news_get_agreement (f->news), ==, SLUG);
  accords_agreement_view_set_tab (view, "sources");
  wait_until (f, idle);
}

/* The first widget under widget that activates action with target */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (target);

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, g_variant_ref (owned));

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label under widget reads text, its markup left out */
static gboolean
shows_plain_text (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_plain_text (child, text))
      return TRUE;
  return FALSE;
}

#define ARRIVALS_TITLE "First deportees from the United States arrive in Rwanda"
#define ARRIVALS_URL "https://news.example.org/2025/08/15/first-deportees-kigali"

static gboolean
has_item_event (Fixture *f)
{
  g_autoptr(AccordsAgreement) a = NULL;

  if (!idle (f))
    return FALSE;
  a = accords_store_load_agreement (f->store, SLUG, NULL);
  for (guint i = 0; a && i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (a))); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), i);

      if (g_strcmp0 (accords_event_get_description (e), ARRIVALS_TITLE) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_no_item_event (Fixture *f)
{
  return idle (f) && !has_item_event (f);
}

/* The timeline's row of the event described so, or NULL */
static GtkWidget *
timeline_row (Fixture    *f,
              const char *description)
{
  GtkListBox *list = accords_agreement_view_get_events_list (accords_window_get_agreement_view (f->w.window));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (shows_text (row, description))
      return row;
  return NULL;
}

static void
test_add_to_timeline (Fixture       *f,
                      gconstpointer  data)
{
  AccordsAgreementView *view = accords_window_get_agreement_view (f->w.window);
  AccordsAgreementEditor *editor = accords_agreement_view_get_editor (view);
  g_autoptr(AccordsAgreement) before = NULL;
  g_autoptr(AccordsAgreement) a = NULL;
  g_autofree char *id = NULL;
  g_autofree char *state = NULL;
  AccordsFormDialog *dialog;
  GtkWidget *button;
  GtkWidget *row;
  gint64 arrivals;
  guint n_sources;

  import_feed (f);
  arrivals = item_id_of (f, "Kigali");
  open_agreement (f);
  before = accords_store_load_agreement (f->store, SLUG, NULL);
  n_sources = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (before)));
  g_assert_null (timeline_row (f, ARRIVALS_TITLE));

  /* step one: the item's row offers it, said so to a screen reader */
  button = find_actionable (shown_row (f, arrivals), "linked-news.add-event", g_variant_new_int64 (arrivals));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), !=, NULL);
  g_assert_true (shows_text (button, "Add to _Timeline…"));
  g_signal_emit_by_name (button, "clicked");

  /* the event form, filled in from the item: its day, the type its status
   * cue names, its title, the item as the source */
  dialog = accords_agreement_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, arrivals);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Event from News Item");
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "date"), ==, "2025-08-15");
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "type"), ==, "first_transfer");
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "description"), ==, ARRIVALS_TITLE);
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "confidence"), ==, "reported");
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "news_item"), ==, id);
  g_assert_cmpstr (accords_form_dialog_get_value (dialog, "new_url"), ==, "");
  g_assert_true (accords_form_dialog_get_can_save (dialog));

  /* step two: the researcher edits what they know better, and adds it */
  accords_form_dialog_set_value (dialog, "actor", "US");
  accords_form_dialog_save (dialog);
  wait_until (f, has_item_event);

  g_assert_cmpstr (accords_history_get_undo_label (accords_window_get_history (f->w.window)), ==,
                   "Add event from news item");

  /* one step stored the event citing the item, the item as a source and
   * the link confirmed */
  a = accords_store_load_agreement (f->store, SLUG, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (a))), ==, n_sources + 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (a))); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), i);

      if (g_strcmp0 (accords_event_get_description (e), ARRIVALS_TITLE) != 0)
        continue;
      g_assert_cmpstr (accords_event_get_date (e), ==, "2025-08-15");
      g_assert_cmpstr (accords_event_get_event_type (e), ==, "first_transfer");
      g_assert_cmpstr (accords_event_get_actor (e), ==, "US");
      g_assert_true (g_strv_equal (accords_event_get_source_urls (e), (const char * const []) { ARRIVALS_URL, NULL }));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (a))); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_sources (a)), i);

      if (g_strcmp0 (accords_source_get_url (s), ARRIVALS_URL) != 0)
        continue;
      g_assert_cmpint (accords_source_get_item_id (s), ==, arrivals);
      g_assert_cmpstr (accords_source_get_title (s), ==, ARRIVALS_TITLE);
      g_assert_cmpstr (accords_source_get_publisher (s), ==, "Seed Article Desk");
      g_assert_cmpstr (accords_source_get_published (s), ==, "2025-08-15");
    }
  state = state_of (f, arrivals);
  g_assert_cmpstr (state, ==, "confirmed");

  /* the timeline shows the event with its source */
  row = timeline_row (f, ARRIVALS_TITLE);
  g_assert_nonnull (row);
  g_assert_true (shows_plain_text (row, "Source: Seed Article Desk"));

  /* one undo takes the event, the source and the confirmation back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.undo", NULL));
  wait_until (f, has_no_item_event);
  g_clear_object (&a);
  a = accords_store_load_agreement (f->store, SLUG, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (a))), ==, n_sources);
  g_clear_pointer (&state, g_free);
  state = state_of (f, arrivals);
  g_assert_cmpstr (state, ==, "suggested");
  g_assert_null (timeline_row (f, ARRIVALS_TITLE));
}

#define UK_RW "uk-rw-medp-2022"
#define RATIFIED_FLAG "source of the 2024-04-25 treaty ratified event not identified"
#define ACT_URL "https://legislation.gov.uk/ukpga/2024/8/section/1?view=plain"

static gboolean
flag_resolved (Fixture *f)
{
  g_autoptr(AccordsAgreement) a = NULL;

  if (!idle (f))
    return FALSE;
  a = accords_store_load_agreement (f->store, UK_RW, NULL);
  for (guint i = 0; a && i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_flags (a))); i++)
    {
      g_autoptr(AccordsFlag) flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (a)), i);

      if (g_strcmp0 (accords_flag_get_text (flag), RATIFIED_FLAG) == 0)
        return !accords_str_empty (accords_flag_get_resolved (flag));
    }
  return FALSE;
}

static gboolean
flag_open (Fixture *f)
{
  return idle (f) && !flag_resolved (f);
}

static AccordsFormDialog *
find_dialog (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ACCORDS_IS_FORM_DIALOG (window) && g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return ACCORDS_FORM_DIALOG (window);
    }
  return NULL;
}

static void
test_resolve_flag_by_citing (Fixture       *f,
                             gconstpointer  data)
{
  AccordsAgreementView *view = accords_window_get_agreement_view (f->w.window);
  GtkWidget *flags = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), ACCORDS_TYPE_AGREEMENT_VIEW,
                                                                  "flags_list"));
  g_autoptr(AccordsAgreement) a = NULL;
  AccordsFormDialog *dialog;
  GtkWidget *button = NULL;
  guint index = 0;

  accords_window_select_country (f->w.window, "RW");
  accords_window_select_agreement (f->w.window, UK_RW);
  wait_until (f, idle);
  a = accords_store_load_agreement (f->store, UK_RW, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_flags (a))); i++)
    {
      g_autoptr(AccordsFlag) flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (a)), i);

      if (g_strcmp0 (accords_flag_get_text (flag), RATIFIED_FLAG) == 0)
        index = i;
    }

  /* the detail view's flag offers it */
  button = find_actionable (flags, "agreement.cite-for-flag", g_variant_new_uint32 (index));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Resolve by Citing a Source…");
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ("Resolve by Citing a Source");
  g_assert_nonnull (dialog);
  /* nothing chosen yet: nothing to resolve with */
  g_assert_false (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_set_value (dialog, "source", ACT_URL);
  g_assert_true (accords_form_dialog_get_can_save (dialog));
  accords_form_dialog_save (dialog);
  wait_until (f, flag_resolved);

  /* the event the flag is about cites the source now */
  g_clear_object (&a);
  a = accords_store_load_agreement (f->store, UK_RW, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_events (a))); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (a)), i);

      if (g_strcmp0 (accords_event_get_label (e), "treaty_ratified") == 0)
        g_assert_true (g_strv_equal (accords_event_get_source_urls (e), (const char * const []) { ACT_URL, NULL }));
    }
  /* resolved, it offers it no more */
  g_assert_null (find_actionable (flags, "agreement.cite-for-flag", g_variant_new_uint32 (index)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.undo", NULL));
  wait_until (f, flag_open);
  g_assert_nonnull (find_actionable (flags, "agreement.cite-for-flag", g_variant_new_uint32 (index)));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/evidence-ui/add-to-timeline", test_add_to_timeline);
  ADD ("/evidence-ui/resolve-flag-by-citing", test_resolve_flag_by_citing);

  return g_test_run ();
}
