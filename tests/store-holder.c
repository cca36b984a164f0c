/* store-holder.c: holds a database open with its worker threads busy, as
 * the window does.
 *
 *   store-holder DB SLUG SEED
 *
 * Edits the short title (and every other time an alias, so that the links
 * must be made again) of agreement SLUG through AccordsHistory, with undo
 * and redo, one run after another on the history's worker thread, while the
 * relinker follows the store.  Prints one line per write it was told
 * succeeded, after reading it back on its own connection:
 *
 *   ready
 *   write history push|undo|redo TITLE
 *   lost history OP TITLE stored OTHER     (read back, not there)
 *   failed history OP: MESSAGE
 *   write relink N_ITEMS
 *   failed relink: MESSAGE
 *   final TITLE                            (what the agreement must hold)
 *
 * A line on its standard input stops the edits: it relinks one last time
 * and prints "final"; it lets go of the database when its standard input
 * is closed after that.
 *
 * test-stress.py reads them. */
#include "config.h"

#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "accords-context.h"
#include "accords-history.h"
#include "accords-store-agreements.h"

/* A run every few milliseconds keeps the worker thread busy without
 * starving the processes the test runs beside it */
#define STEP_DELAY_MS 15
/* Mentioned by the feeds of test-stress.py */
#define TOGGLED_ALIAS "Kigali pact"

typedef struct {
  char *before;
  char *after;
} Titles;

typedef struct {
  AccordsContext  *context;
  AccordsStore    *store;
  AccordsHistory  *history;
  AccordsRelinker *relinker;
  GMainLoop       *loop;
  GRand           *rand;
  GHashTable      *titles;     /* AccordsCommand -> Titles */
  const char      *slug;
  char            *expected;   /* the short title the store holds */
  const char      *op;         /* of the run under way: push, undo or redo */
  guint            n_pushes;
  gboolean         stopping;
  gboolean         final_relink;
  gboolean         final_done;
  gboolean         stdin_closed;
  guint            relink_retries;
} Holder;

static void step (Holder *h);

static void
titles_free (gpointer data)
{
  Titles *t = data;

  g_free (t->before);
  g_free (t->after);
  g_free (t);
}

static void
println (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static void
println (const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* Whether the main connection sees what the worker wrote */
static char *
stored_title (Holder *h)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAgreement) a = accords_store_load_agreement (h->store, h->slug, &error);

  if (a == NULL)
    return g_strdup_printf ("(cannot read: %s)", error->message);
  return g_strdup (accords_agreement_get_short_title (a));
}

static void
maybe_finish (Holder *h)
{
  if (!h->stopping || accords_history_get_busy (h->history))
    return;
  if (!h->final_relink)
    {
      /* everything the others wrote is linked too, then the links are checked */
      h->final_relink = TRUE;
      accords_relinker_check (h->relinker);
    }
}

static gboolean
step_cb (gpointer user_data)
{
  step (user_data);
  return G_SOURCE_REMOVE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Holder *h = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (h->history, result, &error);

  /* on success the "done" signal has printed the write */
  if (command == NULL)
    println ("failed history %s: %s", h->op, error->message);
  if (h->stopping)
    maybe_finish (h);
  else
    g_timeout_add (STEP_DELAY_MS, step_cb, h);
}

static void
history_done_cb (AccordsHistory *history,
                 AccordsCommand *command,
                 gboolean        reverted,
                 Holder         *h)
{
  Titles *t = g_hash_table_lookup (h->titles, command);
  g_autofree char *stored = NULL;

  g_assert (t != NULL);
  g_free (h->expected);
  h->expected = g_strdup (reverted ? t->before : t->after);
  stored = stored_title (h);
  if (g_strcmp0 (stored, h->expected) == 0)
    println ("write history %s %s", h->op, h->expected);
  else
    println ("lost history %s %s stored %s", h->op, h->expected, stored);

  /* The relinker waits for a pause in the edits, which never comes here:
   * it is asked now, so that it links while the history writes */
  if (!accords_relinker_get_running (h->relinker))
    accords_relinker_check (h->relinker);
}

static AccordsCommand *
make_push (Holder  *h,
           GError **error)
{
  g_autoptr(AccordsAgreement) before = accords_store_load_agreement (h->store, h->slug, error);
  g_autoptr(AccordsAgreement) after = NULL;
  g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
  g_auto(GStrv) alias_list = NULL;
  g_autofree char *title = NULL;
  AccordsCommand *command;
  Titles *t;

  if (before == NULL)
    return NULL;
  after = accords_agreement_copy (before);
  title = g_strdup_printf ("Stress %u", ++h->n_pushes);
  accords_agreement_set_short_title (after, title);
  /* An alias the test's feeds mention, given and taken back: the links go
   * out of date and the relinker has work */
  for (const char * const *a = accords_agreement_get_aliases (before); a && *a; a++)
    if (!g_str_equal (*a, TOGGLED_ALIAS))
      g_strv_builder_add (aliases, *a);
  if (h->n_pushes % 4 < 2)
    g_strv_builder_add (aliases, TOGGLED_ALIAS);
  alias_list = g_strv_builder_end (aliases);
  accords_agreement_set_aliases (after, (const char * const *) alias_list);

  command = accords_command_new ("Edit agreement");
  accords_command_add_change (command, before, after);
  t = g_new0 (Titles, 1);
  t->before = g_strdup (accords_agreement_get_short_title (before));
  t->after = g_strdup (title);
  g_hash_table_insert (h->titles, g_object_ref (command), t);
  return command;
}

static void
step (Holder *h)
{
  g_autoptr(GError) error = NULL;
  guint r = g_rand_int_range (h->rand, 0, 10);

  if (h->stopping)
    {
      maybe_finish (h);
      return;
    }
  if (r < 2 && accords_history_get_can_undo (h->history))
    {
      h->op = "undo";
      accords_history_undo_async (h->history, run_done_cb, h);
    }
  else if (r < 4 && accords_history_get_can_redo (h->history))
    {
      h->op = "redo";
      accords_history_redo_async (h->history, run_done_cb, h);
    }
  else
    {
      g_autoptr(AccordsCommand) command = make_push (h, &error);

      h->op = "push";

      if (command == NULL)
        {
          println ("failed history push: %s", error->message);
          g_timeout_add (STEP_DELAY_MS, step_cb, h);
          return;
        }
      accords_history_push_async (h->history, command, run_done_cb, h);
    }
}

static void
relink_finished_cb (AccordsRelinker *relinker,
                    guint            n_items,
                    const GError    *error,
                    Holder          *h)
{
  if (error != NULL)
    println ("failed relink: %s", error->message);
  else if (n_items > 0)
    println ("write relink %u", n_items);

  if (!h->final_relink || accords_relinker_get_running (relinker))
    return;
  if (error != NULL && h->relink_retries++ < 3)
    {
      accords_relinker_check (relinker);
      return;
    }
  println ("final %s", h->expected);
  /* still open until the test has stopped watching the WAL */
  h->final_done = TRUE;
  if (h->stdin_closed)
    g_main_loop_quit (h->loop);
}

static gboolean
stdin_cb (int          fd,
          GIOCondition condition,
          gpointer     user_data)
{
  Holder *h = user_data;
  char buf[256];
  gssize n = 0;

  if ((condition & G_IO_IN) && (n = read (fd, buf, sizeof buf)) > 0)
    {
      /* a line: the others are done */
      h->stopping = TRUE;
      maybe_finish (h);
      return G_SOURCE_CONTINUE;
    }
  /* closed: let go of the database once the last relink is done */
  h->stopping = TRUE;
  h->stdin_closed = TRUE;
  if (h->final_done)
    g_main_loop_quit (h->loop);
  else
    maybe_finish (h);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAgreement) a = NULL;
  Holder h = { 0 };

  if (argc != 4)
    {
      fprintf (stderr, "usage: store-holder DB SLUG SEED\n");
      return 2;
    }
  h.context = accords_context_new (argv[1], &error);
  if (h.context == NULL)
    {
      fprintf (stderr, "store-holder: %s\n", error->message);
      return 1;
    }
  h.store = accords_context_get_store (h.context);
  h.slug = argv[2];
  h.rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[3], NULL, 10));
  h.titles = g_hash_table_new_full (NULL, NULL, g_object_unref, titles_free);
  a = accords_store_load_agreement (h.store, h.slug, &error);
  if (a == NULL)
    {
      fprintf (stderr, "store-holder: %s\n", error->message);
      return 1;
    }
  h.expected = g_strdup (accords_agreement_get_short_title (a));
  h.history = accords_history_new (h.store);
  g_signal_connect (h.history, "done", G_CALLBACK (history_done_cb), &h);
  h.relinker = accords_context_get_relinker (h.context);
  g_signal_connect (h.relinker, "finished", G_CALLBACK (relink_finished_cb), &h);
  accords_relinker_start (h.relinker);

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, &h);
  println ("ready");
  step (&h);

  h.loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (h.loop);

  g_object_unref (h.history);
  g_object_unref (h.context);
  g_hash_table_unref (h.titles);
  g_rand_free (h.rand);
  g_main_loop_unref (h.loop);
  g_free (h.expected);
  return 0;
}
