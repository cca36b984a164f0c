/* test-restore-window.c: a damaged database offers its newest backup, and restoring it opens the database again */
#include "config.h"

#include "accords-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-backup.h"
#include "accords-context.h"
#include "accords-restore-window.h"
#include "accords-store-agreements.h"

typedef struct {
  char  *dir;
  char  *path;
  char  *damaged;     /* the file's bytes once damaged */
  gsize  damaged_len;
  GError *error;      /* why it did not open */
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* A seeded database with one backup, then its header overwritten */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(AccordsContext) again = NULL;

  f->dir = g_dir_make_tmp ("accords-restore-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ui.db", NULL);

  context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  backup = accords_backup_create (accords_context_get_store (context), ACCORDS_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_clear_object (&context);

  g_assert_true (g_file_get_contents (f->path, &f->damaged, &f->damaged_len, NULL));
  memcpy (f->damaged, "a disk gave up on this!", 23);
  g_assert_true (g_file_set_contents (f->path, f->damaged, f->damaged_len, NULL));

  again = accords_context_new (f->path, &f->error);
  g_assert_null (again);
  g_assert_true (accords_backup_error_is_damage (f->error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->damaged);
  g_clear_error (&f->error);
}

static AccordsRestoreWindow *
show_offer (Fixture *f)
{
  g_autoptr(AccordsBackupInfo) backup = accords_backup_get_newest (f->path);
  AccordsRestoreWindow *window;

  g_assert_nonnull (backup);
  window = accords_restore_window_new (NULL, f->path, backup, f->error->message);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  while (accords_restore_window_get_dialog (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static void
restored_cb (AccordsRestoreWindow  *window,
             const char            *saved,
             char                 **out)
{
  *out = g_strdup (saved);
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsBackupInfo) backup = accords_backup_get_newest (f->path);
  g_autofree char *date = accords_backup_info_format_date (backup);
  g_autofree char *label = g_strdup_printf ("_Restore the backup of %s", date);
  g_autofree char *saved = NULL, *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsContext) context = NULL;
  g_autoptr(GListStore) agreements = NULL;
  AccordsRestoreWindow *window = show_offer (f);
  AdwMessageDialog *dialog = accords_restore_window_get_dialog (window);
  gsize kept_len;

  /* the question names the backup by its date, and offers to quit */
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "restore"), ==, label);
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->path));
  /* nothing is touched before the answer */
  g_assert_true (g_file_get_contents (f->path, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, f->damaged, f->damaged_len);
  g_clear_pointer (&kept, g_free);

  g_signal_connect (window, "restored", G_CALLBACK (restored_cb), &saved);
  adw_message_dialog_response (dialog, "restore");
  while (saved == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* the damaged file is kept, byte for byte, beside the restored one */
  g_assert_nonnull (strstr (saved, ".damaged-"));
  g_assert_true (g_file_get_contents (saved, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, f->damaged, f->damaged_len);

  /* and the database opens as it was at the backup */
  context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  agreements = accords_store_load_agreements (accords_context_get_store (context), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (agreements)), ==, 38);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (window);
}

static void
test_quit (Fixture *f, gconstpointer data)
{
  g_autofree char *after = NULL;
  gsize after_len;
  AccordsRestoreWindow *window = show_offer (f);
  g_autoptr(GDir) d = NULL;
  const char *name;

  adw_message_dialog_response (accords_restore_window_get_dialog (window), "quit");
  iterate ();
  /* the window is gone and the file as it was */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_finalize_object (window);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, f->damaged, f->damaged_len);
  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    g_assert_null (strstr (name, ".damaged-"));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/restore-window/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/restore-window/quit", Fixture, NULL, fixture_set_up, test_quit, fixture_tear_down);

  return g_test_run ();
}
