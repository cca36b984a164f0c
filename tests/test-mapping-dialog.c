/* test-mapping-dialog.c: the mapping dialog's guess and live preview, and the window offering it */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "accords-feed-mapping.h"
#include "accords-mapping-dialog.h"
#include "accords-store-items.h"
#include "accords-test-util.h"
#include "accords-test-window.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
}

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return done (data);
}

static gboolean
dialog_idle (gpointer data)
{
  return accords_mapping_dialog_is_idle (data);
}

static void
count_cb (AccordsMappingDialog *dialog,
          guint                *count)
{
  (*count)++;
}

static void
test_guess_and_preview (void)
{
  g_autofree char *path = data_path ("press-releases.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AccordsMappingDialog *dialog = accords_mapping_dialog_new (NULL, file);
  g_autofree char *text = NULL;
  guint requested = 0;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "import-requested", G_CALLBACK (count_cb), &requested);

  /* The guess fills the fields, and the preview follows */
  g_assert_true (wait_until (dialog_idle, dialog));
  g_assert_nonnull (accords_mapping_dialog_get_mapping (dialog));
  text = accords_feed_mapping_to_string (accords_mapping_dialog_get_mapping (dialog));
  g_assert_cmpstr (text, ==, "item=record;id=@id;title=headline;link=url;published=meta/@date;summary=lead;category=tags/tag");
  g_assert_cmpuint (accords_mapping_dialog_get_n_previewed (dialog), ==, 3);
  g_assert_null (accords_mapping_dialog_get_status (dialog));

  /* A mapping that matches nothing says so, and cannot be imported */
  accords_mapping_dialog_set_mapping (dialog, "item=release;title=headline");
  g_assert_true (wait_until (dialog_idle, dialog));
  g_assert_cmpuint (accords_mapping_dialog_get_n_previewed (dialog), ==, 0);
  g_assert_nonnull (strstr (accords_mapping_dialog_get_status (dialog), "matches nothing"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL);
  g_assert_cmpuint (requested, ==, 0);

  /* One that is no mapping at all says why at once */
  accords_mapping_dialog_set_mapping (dialog, "title=headline");
  g_assert_null (accords_mapping_dialog_get_mapping (dialog));
  g_assert_nonnull (strstr (accords_mapping_dialog_get_status (dialog), "item="));

  accords_mapping_dialog_set_mapping (dialog, "item=record;title=headline;link=url");
  g_assert_true (wait_until (dialog_idle, dialog));
  g_assert_cmpuint (accords_mapping_dialog_get_n_previewed (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL);
  g_assert_cmpuint (requested, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  accords_test_wait_for_last_ref (dialog);
  g_assert_finalize_object (dialog);
}

static AccordsMappingDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ACCORDS_IS_MAPPING_DIALOG (w))
        return ACCORDS_MAPPING_DIALOG (w);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

typedef struct {
  AccordsStore *store;
  guint         n;
} ItemCount;

static gboolean
items_stored (gpointer data)
{
  ItemCount *c = data;
  return accords_store_count_items (c->store) == c->n;
}

static void
test_window_offers_mapping (void)
{
  AccordsTestWindow t = { 0 };
  g_autofree char *path = data_path ("press-releases.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AccordsMappingDialog *dialog;
  ItemCount count;

  accords_test_window_open (&t, "accords-mapping-XXXXXX", "test.db");
  g_assert_true (accords_window_import_files (t.window, &file, 1));

  /* Refused as XML of no known kind: the window asks for a mapping */
  g_assert_true (wait_until (dialog_shown, NULL));
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (t.window));
  g_assert_true (wait_until (dialog_idle, dialog));
  g_assert_cmpuint (accords_mapping_dialog_get_n_previewed (dialog), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL);
  g_assert_true (wait_until (dialog_gone, NULL));
  count.store = accords_context_get_store (t.context);
  count.n = 3;
  g_assert_true (wait_until (items_stored, &count));

  accords_test_window_close (&t);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/mapping-dialog/guess-and-preview", test_guess_and_preview);
  g_test_add_func ("/mapping-dialog/window-offers-mapping", test_window_offers_mapping);

  return g_test_run ();
}
