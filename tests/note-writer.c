/* note-writer.c: types into a note through the autosave until it is killed.
 *
 *   note-writer DB NOTE_ID DELAY_MS MAX_WAIT_MS LINES
 *
 * Every 5 ms the note becomes version V+1 of a text whose every line names
 * its version.  Prints "typed V TIME" for each version and "saved V" for each
 * version the store holds after a save (TIME: monotonic µs), so that the
 * test killing it knows what was typed when and what was saved. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "accords-autosave.h"
#include "accords-store-notes.h"

typedef struct {
  AccordsStore    *store;
  AccordsAutosave *autosave;
  gint64           note_id;
  guint            lines;
  guint            version;
} Writer;

static char *
make_body (guint version,
           guint lines)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "# Version %u\n\n", version);
  for (guint i = 0; i < lines; i++)
    g_string_append_printf (s, "line %u of version %u: the quick brown fox jumps over the lazy dog\n", i, version);
  g_string_append_printf (s, "end of version %u\n", version);
  return g_string_free (s, FALSE);
}

static gboolean
type_cb (gpointer user_data)
{
  Writer *w = user_data;
  g_autofree char *body = make_body (++w->version, w->lines);

  accords_autosave_set_text (w->autosave, body);
  printf ("typed %u %" G_GINT64_FORMAT "\n", w->version, g_get_monotonic_time ());
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (AccordsAutosave *autosave,
          const char      *updated,
          Writer          *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_load_note (w->store, w->note_id, &error);
  guint version = 0;

  if (note == NULL || sscanf (accords_note_get_title (note), "Version %u", &version) != 1)
    {
      fprintf (stderr, "note-writer: cannot read the note back: %s\n", error ? error->message : "no version");
      exit (1);
    }
  printf ("saved %u\n", version);
  fflush (stdout);
}

static void
failed_cb (AccordsAutosave *autosave,
           const GError    *error,
           Writer          *w)
{
  fprintf (stderr, "note-writer: %s\n", error->message);
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(AccordsNote) note = NULL;
  Writer w = { 0 };

  if (argc != 6)
    {
      fprintf (stderr, "usage: note-writer DB NOTE_ID DELAY_MS MAX_WAIT_MS LINES\n");
      return 2;
    }
  w.store = accords_store_open (argv[1], &error);
  if (w.store == NULL)
    {
      fprintf (stderr, "note-writer: %s\n", error->message);
      return 1;
    }
  w.note_id = g_ascii_strtoll (argv[2], NULL, 10);
  w.lines = (guint) g_ascii_strtoull (argv[5], NULL, 10);
  note = accords_store_load_note (w.store, w.note_id, &error);
  if (note == NULL)
    {
      fprintf (stderr, "note-writer: %s\n", error->message);
      return 1;
    }

  w.autosave = accords_autosave_new (w.store, w.note_id, accords_note_get_body (note));
  accords_autosave_set_delay (w.autosave, (guint) g_ascii_strtoull (argv[3], NULL, 10));
  accords_autosave_set_max_wait (w.autosave, (guint) g_ascii_strtoull (argv[4], NULL, 10));
  g_signal_connect (w.autosave, "saved", G_CALLBACK (saved_cb), &w);
  g_signal_connect (w.autosave, "failed", G_CALLBACK (failed_cb), &w);

  g_timeout_add (5, type_cb, &w);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
