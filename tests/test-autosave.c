/* test-autosave.c: notes are saved soon after typing stops, on flush, and
 * never half-written, even when the writing process is killed */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
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
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_error (&f->failure);
  g_array_unref (f->save_times);
  g_assert_finalize_object (f->context);
  d = g_dir_open (f->dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
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

/* A body note-writer wrote: every line must belong to the same version */
static guint
check_version_body (const char *body,
                    guint       lines)
{
  g_auto(GStrv) split = g_strsplit (body, "\n", -1);
  guint version = 0;
  g_autofree char *end = NULL;

  if (g_str_equal (body, "# Start\n"))
    return 0;
  g_assert_cmpint (sscanf (split[0], "# Version %u", &version), ==, 1);
  g_assert_cmpuint (g_strv_length (split), ==, lines + 4);
  for (guint i = 0; i < lines; i++)
    {
      g_autofree char *expected = g_strdup_printf ("line %u of version %u: the quick brown fox jumps over the lazy dog",
                                                   i, version);
      g_assert_cmpstr (split[i + 2], ==, expected);
    }
  end = g_strdup_printf ("end of version %u", version);
  g_assert_cmpstr (split[lines + 2], ==, end);
  return version;
}

static void
kill_writer (Fixture    *f,
             const char *delay,
             const char *max_wait,
             guint       lines,
             guint       saves_before_kill,
             gint64     *loss_us)
{
  const char *writer = g_getenv ("ACCORDS_NOTE_WRITER");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GHashTable) typed = g_hash_table_new (NULL, NULL);   /* version -> time */
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->note_id);
  g_autofree char *lines_arg = g_strdup_printf ("%u", lines);
  g_autofree char *body = NULL;
  g_autoptr(AccordsStore) reopened = NULL;
  g_autoptr(AccordsNote) note = NULL;
  guint last_saved = 0, n_saved = 0, version;
  gint64 kill_at = 0, killed_time;
  gint64 *typed_times;
  char *line;

  g_assert_nonnull (writer);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            writer, f->path, id, delay, max_wait, lines_arg, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  typed_times = g_new0 (gint64, 1 << 20);
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
    {
      guint v;
      gint64 t;

      if (sscanf (line, "typed %u %" G_GINT64_FORMAT, &v, &t) == 2 && v < (1 << 20))
        typed_times[v] = t;
      else if (sscanf (line, "saved %u", &v) == 1)
        {
          last_saved = MAX (last_saved, v);
          if (++n_saved == saves_before_kill)
            /* kill at an unpredictable moment between saves */
            kill_at = g_get_monotonic_time () + g_random_int_range (0, 900) * 1000;
        }
      g_free (line);
      if (kill_at != 0 && g_get_monotonic_time () >= kill_at)
        break;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, >=, saves_before_kill);

  g_subprocess_send_signal (child, SIGKILL);
  killed_time = g_get_monotonic_time ();
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  /* what it printed before dying */
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
    {
      guint v;
      gint64 t;

      if (sscanf (line, "typed %u %" G_GINT64_FORMAT, &v, &t) == 2 && v < (1 << 20))
        typed_times[v] = t;
      else if (sscanf (line, "saved %u", &v) == 1)
        last_saved = MAX (last_saved, v);
      g_free (line);
    }

  /* a fresh connection, as the next start of the app would open */
  reopened = accords_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_exec (reopened, "PRAGMA quick_check", &error));
  note = accords_store_load_note (reopened, f->note_id, &error);
  g_assert_no_error (error);
  body = g_strdup (accords_note_get_body (note));
  version = check_version_body (body, lines);
  /* nothing reported saved was lost */
  g_assert_cmpuint (version, >=, last_saved);
  g_assert_cmpuint (version, >, 0);
  g_assert_cmpint (typed_times[version], >, 0);
  *loss_us = killed_time - typed_times[version];
  g_free (typed_times);
}

static void
test_killed (Fixture *f, gconstpointer data)
{
  gint64 worst = 0;

  /* the app's own timing: at most the last second of typing is lost */
  for (guint round = 0; round < 3; round++)
    {
      gint64 loss;

      kill_writer (f, "750", "1000", 400, 2, &loss);
      g_test_message ("round %u: lost the last %.3f s of typing", round, loss / 1e6);
      worst = MAX (worst, loss);
    }
  /* one second by design, and room for a busy machine to schedule the save */
  g_assert_cmpint (worst, <, 1500 * 1000);

  /* large notes saved back to back, so that the kill lands mid-write */
  for (guint round = 0; round < 3; round++)
    {
      gint64 loss;

      kill_writer (f, "0", "0", 20000, 3, &loss);
      g_test_message ("back-to-back round %u: intact, lost %.3f s", round, loss / 1e6);
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
  g_test_add ("/autosave/killed", Fixture, NULL, fixture_set_up, test_killed, fixture_tear_down);

  return g_test_run ();
}
