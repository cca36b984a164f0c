/* test-autosave-kill.c: a process typing into a note is killed; the note
 * holds the last version it saved, whole, and at most the last second of
 * typing is lost */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-error.h"
#include "accords-store-notes.h"

typedef struct {
  char           *dir;
  char           *path;
  AccordsContext *context;
  AccordsStore   *store;
  gint64          note_id;
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
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
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

      kill_writer (f, "0", "0", 8000, 3, &loss);
      g_test_message ("back-to-back round %u: intact, lost %.3f s", round, loss / 1e6);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/autosave/killed", Fixture, NULL, fixture_set_up, test_killed, fixture_tear_down);

  return g_test_run ();
}
