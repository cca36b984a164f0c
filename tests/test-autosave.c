/* test-autosave.c: notes are saved soon after typing stops, while typing
 * goes on, on flush, and not when discarded */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "accords-autosave.h"
#include "accords-context.h"
#include "accords-error.h"
#include "accords-store-notes.h"

typedef struct {
  char           *dir;
  char           *path;
  AccordsContext *context;
  AccordsStore   *store;
  gint64          note_id;
  /* what the autosave reported */
  guint           n_saved;
  guint           n_failed;
  GError         *failure;
  GArray         *save_times;   /* gint64 monotonic µs */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = NULL;

  f->dir = g_dir_make_tmp ("accords-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "autosave.db", NULL);
  f->context = accords_context_new (f->path, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
  note = accords_store_create_note (f->store, "us-rw-2025", NULL, "# Start\n", &error);
  g_assert_no_error (error);
  f->note_id = accords_note_get_id (note);
  f->save_times = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_error (&f->failure);
  g_array_unref (f->save_times);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
saved_cb (AccordsAutosave *autosave, const char *updated, Fixture *f)
{
  gint64 now = g_get_monotonic_time ();

  g_assert_nonnull (updated);
  f->n_saved++;
  g_array_append_val (f->save_times, now);
}

static void
failed_cb (AccordsAutosave *autosave, const GError *error, Fixture *f)
{
  f->n_failed++;
  g_clear_error (&f->failure);
  f->failure = g_error_copy (error);
}

static AccordsAutosave *
new_autosave (Fixture *f, guint delay, guint max_wait)
{
  AccordsAutosave *autosave = accords_autosave_new (f->store, f->note_id, "# Start\n");

  accords_autosave_set_delay (autosave, delay);
  accords_autosave_set_max_wait (autosave, max_wait);
  g_signal_connect (autosave, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (autosave, "failed", G_CALLBACK (failed_cb), f);
  return autosave;
}

/* Runs the main loop for ms milliseconds */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
stored_body (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_load_note (f->store, f->note_id, &error);

  g_assert_no_error (error);
  return g_strdup (accords_note_get_body (note));
}

static void
test_debounce (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAutosave) autosave = new_autosave (f, 300, 5000);
  g_autofree char *body = NULL;
  gint64 last_change;
  const char *texts[] = { "# S", "# Sa", "# Sav", "# Save", "# Saved once" };

  /* typing with pauses shorter than the delay saves nothing yet */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      accords_autosave_set_text (autosave, texts[i]);
      run_for (100);
    }
  last_change = g_get_monotonic_time () - 100 * 1000;
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_true (accords_autosave_get_pending (autosave));
  body = stored_body (f);
  g_assert_cmpstr (body, ==, "# Start\n");
  g_clear_pointer (&body, g_free);

  /* once typing stops, one save of the last text, within a second */
  run_for (800);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (g_array_index (f->save_times, gint64, 0) - last_change, <, G_USEC_PER_SEC);
  g_assert_cmpint (g_array_index (f->save_times, gint64, 0) - last_change, >=, 300 * 1000);
  g_assert_false (accords_autosave_get_pending (autosave));
  body = stored_body (f);
  g_assert_cmpstr (body, ==, "# Saved once");

  /* the same text again is no change */
  accords_autosave_set_text (autosave, "# Saved once");
  g_assert_false (accords_autosave_get_pending (autosave));
  run_for (500);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpuint (f->n_failed, ==, 0);
}

static void
test_steady_typing (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAutosave) autosave = new_autosave (f, 750, 1000);
  g_autofree char *body = NULL;
  g_autofree char *last = NULL;
  gint64 start = g_get_monotonic_time ();
  guint i = 0;

  /* a keystroke every 50 ms for 3.5 s never leaves a second's quiet, yet
   * the text is saved at least once a second */
  while (g_get_monotonic_time () - start < 3500 * 1000)
    {
      g_autofree char *text = g_strdup_printf ("# Typing %u", i++);
      accords_autosave_set_text (autosave, text);
      run_for (50);
    }
  g_assert_cmpuint (f->n_saved, >=, 3);
  g_assert_cmpint (g_array_index (f->save_times, gint64, 0) - start, <=, 1300 * 1000);
  for (guint k = 1; k < f->save_times->len; k++)
    g_assert_cmpint (g_array_index (f->save_times, gint64, k) - g_array_index (f->save_times, gint64, k - 1),
                     <=, 1300 * 1000);
  g_test_message ("%u saves in 3.5 s of steady typing", f->n_saved);

  g_assert_true (accords_autosave_flush (autosave, NULL));
  body = stored_body (f);
  last = g_strdup_printf ("# Typing %u", i - 1);
  g_assert_cmpstr (body, ==, last);
}

static void
test_flush (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AccordsAutosave *autosave = new_autosave (f, 500, 1000);
  g_autofree char *body = NULL;

  accords_autosave_set_text (autosave, "# Closing now\n\nLast words.");
  g_assert_true (accords_autosave_get_pending (autosave));
  /* flush writes at once, on this thread */
  g_assert_true (accords_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_false (accords_autosave_get_pending (autosave));
  g_assert_cmpuint (f->n_saved, ==, 1);
  body = stored_body (f);
  g_assert_cmpstr (body, ==, "# Closing now\n\nLast words.");
  g_clear_pointer (&body, g_free);

  /* and the timer it replaced does not save again */
  run_for (800);
  g_assert_cmpuint (f->n_saved, ==, 1);

  /* dropping an autosave with unsaved text saves it */
  accords_autosave_set_text (autosave, "# Dropped");
  g_object_unref (autosave);
  body = stored_body (f);
  g_assert_cmpstr (body, ==, "# Dropped");
}

static void
test_failure (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAutosave) autosave = new_autosave (f, 50, 100);
  g_autoptr(AccordsNote) gone = NULL;
  g_autoptr(GError) error = NULL;

  gone = accords_store_delete_note (f->store, f->note_id, &error);
  g_assert_no_error (error);
  accords_autosave_set_text (autosave, "# Into the void");
  run_for (600);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_error (f->failure, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  /* nothing was lost: the text still waits to be saved */
  g_assert_true (accords_autosave_get_pending (autosave));

  g_assert_true (accords_store_restore_note (f->store, gone, &error));
  g_assert_true (accords_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  {
    g_autofree char *body = stored_body (f);
    g_assert_cmpstr (body, ==, "# Into the void");
  }
}

static void
test_discard (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsAutosave) autosave = new_autosave (f, 50, 100);

  accords_autosave_set_text (autosave, "# Never saved");
  accords_autosave_discard (autosave);
  g_assert_false (accords_autosave_get_pending (autosave));
  run_for (300);
  g_assert_cmpuint (f->n_saved, ==, 0);
  {
    g_autofree char *body = stored_body (f);
    g_assert_cmpstr (body, ==, "# Start\n");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/autosave/debounce", Fixture, NULL, fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/autosave/steady-typing", Fixture, NULL, fixture_set_up, test_steady_typing, fixture_tear_down);
  g_test_add ("/autosave/flush", Fixture, NULL, fixture_set_up, test_flush, fixture_tear_down);
  g_test_add ("/autosave/failure", Fixture, NULL, fixture_set_up, test_failure, fixture_tear_down);
  g_test_add ("/autosave/discard", Fixture, NULL, fixture_set_up, test_discard, fixture_tear_down);

  return g_test_run ();
}
