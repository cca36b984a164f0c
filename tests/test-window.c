/* test-window.c: the real window on a seeded temporary database */
#include "config.h"

#include "accords-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-agreement-list.h"
#include "accords-agreement-view.h"
#include "accords-context.h"
#include "accords-country-pane.h"
#include "accords-window.h"

static char *
temp_db (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("accords-ui-XXXXXX", &error);

  g_assert_no_error (error);
  *dir_out = dir;
  return g_build_filename (dir, "ui.db", NULL);
}


static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
lists (GListModel *model, const char *slug)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (model, i);
      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n))
    n++;
  return n;
}

static void
test_select_rwanda (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (path, &error);
  AccordsWindow *window;
  AccordsAgreementView *view;
  AccordsAgreement *shown;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* with nothing selected, every agreement is listed */
  g_assert_cmpuint (g_list_model_get_n_items (accords_window_get_agreements (window)), ==, 38);
  /* countries without agreements are hidden by default */
  g_assert_cmpuint (accords_country_pane_get_n_visible (accords_window_get_country_pane (window)), <, 60);

  accords_window_select_country (window, "RW");
  iterate ();
  g_assert_cmpstr (accords_window_get_selected_country (window), ==, "RW");
  g_assert_true (lists (accords_window_get_agreements (window), "uk-rw-medp-2022"));
  g_assert_true (lists (accords_window_get_agreements (window), "us-rw-2025"));
  g_assert_false (lists (accords_window_get_agreements (window), "us-sv-cecot-2025"));

  accords_window_select_agreement (window, "uk-rw-medp-2022");
  iterate ();
  view = accords_window_get_agreement_view (window);
  shown = accords_agreement_view_get_agreement (view);
  g_assert_nonnull (shown);
  g_assert_cmpstr (accords_agreement_get_slug (shown), ==, "uk-rw-medp-2022");
  /* the timeline shows each of its eleven events, the Act's repeal in 2025 the last */
  g_assert_cmpuint (count_rows (accords_agreement_view_get_events_list (view)), ==, 11);

  /* an agreement the country is not party to cannot be shown for it */
  accords_window_select_agreement (window, "us-sv-cecot-2025");
  g_assert_cmpstr (accords_window_get_selected_agreement (window), ==, "uk-rw-medp-2022");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

static void
test_search (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (path, &error);
  AccordsWindow *window;
  AccordsCountryPane *pane;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  pane = accords_window_get_country_pane (window);

  accords_country_pane_set_search_text (pane, "rwan");
  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), ==, 1);
  /* search finds countries without agreements too, by name or code */
  accords_country_pane_set_search_text (pane, "iceland");
  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), ==, 1);
  accords_country_pane_set_search_text (pane, "zzzz");
  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), ==, 0);
  accords_country_pane_set_search_text (pane, "");
  accords_country_pane_set_status_filter (pane, ACCORDS_STATUS_GROUP_ENDED);
  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), >, 0);
  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), <, 15);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

/* Enter in the country search: the first match is selected and its row
 * has the focus, so that the arrow keys go on from it */
static void
test_search_enter (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (path, &error);
  AccordsWindow *window;
  AccordsCountryPane *pane;
  GtkWidget *entry, *list, *focus;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  pane = accords_window_get_country_pane (window);
  entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ACCORDS_TYPE_WINDOW, "search_entry"));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), ACCORDS_TYPE_COUNTRY_PANE, "list_view"));
  g_assert_nonnull (entry);
  g_assert_nonnull (list);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "rwan");
  /* Enter, as the entry's text field signals it, before the search's pause is over */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  iterate ();

  g_assert_cmpuint (accords_country_pane_get_n_visible (pane), ==, 1);
  g_assert_cmpstr (accords_country_pane_get_selected_country (pane), ==, "RW");
  g_assert_cmpstr (accords_window_get_selected_country (window), ==, "RW");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  g_assert_true (focus != list);   /* the row, not the list around it */

  /* no match: nothing changes, the focus stays in the search */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  iterate ();
  g_assert_cmpstr (accords_window_get_selected_country (window), ==, "RW");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, entry));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

static void
test_restores_selection (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (path, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AccordsWindow *window;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, settings);
  accords_window_select_country (window, "SV");
  accords_window_select_agreement (window, "us-sv-cecot-2025");
  g_assert_cmpstr (g_settings_get_string (settings, "selected-country"), ==, "SV");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  window = accords_window_new (NULL, context, settings);
  g_assert_cmpstr (accords_window_get_selected_country (window), ==, "SV");
  g_assert_cmpstr (accords_window_get_selected_agreement (window), ==, "us-sv-cecot-2025");
  g_assert_nonnull (accords_agreement_view_get_agreement (accords_window_get_agreement_view (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

static const char *
row_subtitle (GtkListBox *list,
              const char *slug)
{
  for (guint i = 0; gtk_list_box_get_row_at_index (list, i); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "slug"), slug) == 0)
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }
  return NULL;
}

static void
test_rows_follow_date (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = accords_context_new (path, &error);
  AccordsWindow *window;
  GtkWidget *agreements;
  GtkListBox *list;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  agreements = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ACCORDS_TYPE_WINDOW, "agreement_list"));
  list = GTK_LIST_BOX (gtk_widget_get_template_child (agreements, ACCORDS_TYPE_AGREEMENT_LIST, "list"));
  accords_window_select_country (window, "RW");
  g_assert_nonnull (strstr (row_subtitle (list, "uk-rw-medp-2022"), "Scrapped"));

  /* the map's date slider on the last day of 2023 */
  accords_map_view_set_date (accords_window_get_map_view (window), "2023-12-31");
  iterate ();
  g_assert_nonnull (strstr (row_subtitle (list, "uk-rw-medp-2022"), "Signed on"));
  g_assert_nonnull (strstr (row_subtitle (list, "us-rw-2025"), "Not yet"));

  accords_map_view_set_date (accords_window_get_map_view (window), NULL);
  iterate ();
  g_assert_nonnull (strstr (row_subtitle (list, "uk-rw-medp-2022"), "Scrapped"));
  g_assert_null (strstr (row_subtitle (list, "uk-rw-medp-2022"), " on "));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

static void
test_finalized (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  AccordsContext *context = accords_context_new (path, &error);
  AccordsWindow *window;

  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  g_object_ref_sink (window);
  accords_window_select_country (window, "RW");
  accords_window_select_agreement (window, "us-rw-2025");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  accords_test_wait_for_last_ref (window);
  g_assert_finalize_object (window);
  accords_test_wait_for_last_ref (context);
  g_assert_finalize_object (context);
  accords_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/select-rwanda", test_select_rwanda);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/search-enter", test_search_enter);
  g_test_add_func ("/window/restores-selection", test_restores_selection);
  g_test_add_func ("/window/rows-follow-date", test_rows_follow_date);
  g_test_add_func ("/window/finalized", test_finalized);

  return g_test_run ();
}
