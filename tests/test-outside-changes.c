/* test-outside-changes.c: the window open on a database that accords-cli and sqlite3 use at the same time */
#include "config.h"

#include "accords-test-util.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "accords-agreement-editor.h"
#include "accords-agreement-view.h"
#include "accords-context.h"
#include "accords-merge-dialog.h"
#include "accords-store-agreements.h"
#include "accords-window.h"

#define SLUG "uk-rw-medp-2022"
#define OUTSIDE_CAP "500 people a year"
#define WINDOW_SHORT_TITLE "MEDP (edited in the window)"

typedef gboolean (*Predicate) (gpointer data);

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* The window looks for other processes' writes every few seconds */
static void
wait_until (Predicate condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

/* Runs another program on the database, as a person would in a terminal */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  g_assert_null (strstr (err, "malformed"));
  return g_steal_pointer (&out);
}

static const char *
cli (void)
{
  const char *path = g_getenv ("ACCORDS_CLI");

  g_assert_nonnull (path);
  return path;
}

/* accords-cli agreement edit, setting cap */
static void
set_cap_outside (const char *db,
                 const char *dir)
{
  g_autofree char *json = run ((const char *[]) { cli (), "--db", db, "agreement", "show", SLUG, "--json", NULL });
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (dir, "edit.json", NULL);
  g_autofree char *out = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "cap", OUTSIDE_CAP);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, file, &error);
  g_assert_no_error (error);
  out = run ((const char *[]) { cli (), "--db", db, "agreement", "edit", SLUG, "--json", file, NULL });
  g_assert_nonnull (strstr (out, SLUG));
}

static AccordsAgreement *
shown (AccordsWindow *window)
{
  return accords_agreement_view_get_agreement (accords_window_get_agreement_view (window));
}

static AccordsAgreement *
stored (AccordsWindow *window)
{
  g_autoptr(GError) error = NULL;
  AccordsStore *store = accords_context_get_store (accords_window_get_context (window));
  AccordsAgreement *a = accords_store_load_agreement (store, SLUG, &error);

  g_assert_no_error (error);
  return a;
}

static gboolean
shows_outside_cap (gpointer data)
{
  AccordsAgreement *a = shown (data);
  AccordsAgreementEditor *editor = accords_agreement_view_get_editor (accords_window_get_agreement_view (data));
  AccordsAgreement *editing = accords_agreement_editor_get_agreement (editor);

  return a != NULL && g_strcmp0 (accords_agreement_get_cap (a), OUTSIDE_CAP) == 0 &&
         editing != NULL && g_strcmp0 (accords_agreement_get_cap (editing), OUTSIDE_CAP) == 0;
}

static gboolean
idle (gpointer data)
{
  return !accords_history_get_busy (accords_window_get_history (data));
}

/* Toasts on show: every error the window reports is one */
static guint
count_toasts (GtkWidget *widget)
{
  guint n = g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_toasts (child);
  return n;
}

static void
test_outside_edit_then_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accords-outside-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *original_short_title = NULL;
  g_autoptr(AccordsContext) context = NULL;
  AccordsWindow *window;
  AccordsAgreementView *view;
  AccordsAgreementEditor *editor;

  g_assert_no_error (error);
  context = accords_context_new (db, &error);
  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  accords_window_select_country (window, "RW");
  accords_window_select_agreement (window, SLUG);
  iterate ();
  view = accords_window_get_agreement_view (window);
  editor = accords_agreement_view_get_editor (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "agreement.editing", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (accords_window_get_agreements (window)), ==, 4);
  original_short_title = g_strdup (accords_agreement_get_short_title (shown (window)));
  g_assert_cmpstr (accords_agreement_get_cap (shown (window)), !=, OUTSIDE_CAP);

  /* in a terminal, while the window is open */
  g_free (run ((const char *[]) { cli (), "--db", db, "countries", NULL }));
  if (sqlite3 != NULL)
    {
      g_autofree char *count = run ((const char *[]) { sqlite3, db, "select count(*) from agreement", NULL });
      g_assert_cmpstr (g_strstrip (count), ==, "38");
    }
  else
    g_test_message ("sqlite3 is not installed: the window is read beside accords-cli only");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  set_cap_outside (db, dir);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* the window follows, without a restart, and so does the open editor */
  wait_until (shows_outside_cap, window);

  /* the short title, changed in the window, keeps the cap set outside */
  g_assert_true (accords_agreement_editor_apply_text (editor, "short_title", WINDOW_SHORT_TITLE));
  wait_until (idle, window);
  {
    g_autoptr(AccordsAgreement) a = stored (window);
    g_assert_cmpstr (accords_agreement_get_short_title (a), ==, WINDOW_SHORT_TITLE);
    g_assert_cmpstr (accords_agreement_get_cap (a), ==, OUTSIDE_CAP);
  }
  g_assert_cmpstr (accords_agreement_get_short_title (shown (window)), ==, WINDOW_SHORT_TITLE);

  /* and so does undoing it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (idle, window);
  {
    g_autoptr(AccordsAgreement) a = stored (window);
    g_assert_cmpstr (accords_agreement_get_short_title (a), ==, original_short_title);
    g_assert_cmpstr (accords_agreement_get_cap (a), ==, OUTSIDE_CAP);
  }
  g_assert_cmpstr (accords_agreement_get_short_title (shown (window)), ==, original_short_title);
  g_assert_cmpstr (accords_agreement_get_cap (shown (window)), ==, OUTSIDE_CAP);

  /* nothing went wrong on the way: no error shown, Rwanda's list whole */
  g_assert_cmpuint (count_toasts (GTK_WIDGET (window)), ==, 0);
  g_assert_cmpstr (accords_window_get_selected_country (window), ==, "RW");
  g_assert_cmpuint (g_list_model_get_n_items (accords_window_get_agreements (window)), ==, 4);
  g_assert_cmpstr (accords_window_get_selected_agreement (window), ==, SLUG);
  if (sqlite3 != NULL)
    {
      g_autofree char *check = run ((const char *[]) { sqlite3, db, "pragma integrity_check", NULL });
      g_assert_cmpstr (g_strstrip (check), ==, "ok");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

static AccordsMergeDialog *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ACCORDS_IS_MERGE_DIALOG (w))
        return ACCORDS_MERGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
merge_offered (gpointer data)
{
  return idle (data) && find_merge_dialog () != NULL;
}

/* The cap typed in the window after accords-cli set it, before the window
 * noticed: neither value is dropped, the person chooses in the merge view */
static void
test_same_field_offers_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accords-outside-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(AccordsContext) context = NULL;
  AccordsWindow *window;
  AccordsAgreementView *view;
  AccordsAgreementEditor *editor;
  AccordsMergeDialog *dialog;
  GListModel *conflicts;
  g_autoptr(AccordsMergeConflict) conflict = NULL;

  g_assert_no_error (error);
  context = accords_context_new (db, &error);
  g_assert_no_error (error);
  window = accords_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  accords_window_select_country (window, "RW");
  accords_window_select_agreement (window, SLUG);
  iterate ();
  view = accords_window_get_agreement_view (window);
  editor = accords_agreement_view_get_editor (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "agreement.editing", NULL));
  iterate ();

  set_cap_outside (db, dir);
  g_assert_true (accords_agreement_editor_apply_text (editor, "cap", "300 a year"));
  wait_until (merge_offered, window);
  {
    g_autoptr(AccordsAgreement) a = stored (window);
    g_assert_cmpstr (accords_agreement_get_cap (a), ==, OUTSIDE_CAP);
  }
  g_assert_false (accords_history_get_can_undo (accords_window_get_history (window)));

  dialog = find_merge_dialog ();
  conflicts = accords_merge_get_conflicts (accords_merge_dialog_get_merge (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (accords_merge_conflict_get_field (conflict), ==, "cap");
  g_assert_cmpstr (accords_merge_conflict_get_stored (conflict), ==, OUTSIDE_CAP);
  g_assert_cmpstr (accords_merge_conflict_get_incoming (conflict), ==, "300 a year");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.take-all", NULL));
  accords_merge_dialog_import (dialog);
  iterate ();
  wait_until (idle, window);
  g_assert_null (find_merge_dialog ());
  {
    g_autoptr(AccordsAgreement) a = stored (window);
    g_assert_cmpstr (accords_agreement_get_cap (a), ==, "300 a year");
  }
  g_assert_true (accords_history_get_can_undo (accords_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  accords_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/outside-changes/edit-then-undo", test_outside_edit_then_undo);
  g_test_add_func ("/outside-changes/same-field-offers-merge", test_same_field_offers_merge);

  return g_test_run ();
}
