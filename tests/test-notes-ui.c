/* test-notes-ui.c: the Notes view in the real window: autosave as one types,
 * citing a selected source, the citations listed, find, delete and undo,
 * notes found by the window's search, export from the dialog */
#include "config.h"

#include "accords-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-citation-view.h"
#include "accords-context.h"
#include "accords-export-dialog.h"
#include "accords-note-editor.h"
#include "accords-notes-page.h"
#include "accords-reference.h"
#include "accords-store-notes.h"
#include "accords-store-sources.h"
#include "accords-test-window.h"
#include "accords-window.h"

typedef struct {
  AccordsTestWindow w;
  AccordsStore   *store;
  AccordsNotesPage *page;
  gint64          article_id;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Runs the main loop until cond holds or ms pass; TRUE when it held */
static gboolean
wait_for (gboolean (*cond) (gpointer), gpointer data, guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "data", "seed-article.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (article, NULL, NULL);
  g_autoptr(AccordsSource) source = accords_source_new ();

  accords_test_window_open_context (&f->w, "accords-notes-ui-XXXXXX", "ui.db");
  f->store = accords_context_get_store (f->w.context);

  accords_source_set_url (source, uri);
  accords_source_set_title (source, "Rwanda in talks with U.S over deported migrants");
  accords_source_set_source_type (source, "document");
  f->article_id = accords_store_add_source (f->store, source, "us-rw-2025", &error);
  g_assert_no_error (error);

  accords_test_window_show (&f->w, NULL, 0, 0);
  f->page = accords_window_get_notes_page (f->w.window);
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  accords_test_window_close (&f->w);
}

static char *
stored_body (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_load_note (f->store, id, &error);

  g_assert_no_error (error);
  return g_strdup (accords_note_get_body (note));
}

typedef struct {
  Fixture    *f;
  gint64      id;
  const char *needle;
} Saved;

static gboolean
saved_holds (gpointer data)
{
  Saved *s = data;
  g_autofree char *body = stored_body (s->f, s->id);

  return strstr (body, s->needle) != NULL;
}

static gboolean
not_pending (gpointer data)
{
  return !accords_note_editor_get_pending (data);
}

static void
select_us_rwanda (Fixture *f)
{
  accords_window_select_country (f->w.window, "RW");
  accords_window_select_agreement (f->w.window, "us-rw-2025");
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-notes", NULL);
  iterate ();
}

static guint
citable_position (Fixture *f, AccordsCitationKind kind, gint64 id)
{
  GListModel *citable = accords_notes_page_get_citable (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (citable); i++)
    {
      g_autoptr(AccordsReference) r = g_list_model_get_item (citable, i);
      if (accords_reference_get_kind (r) == kind && accords_reference_get_id (r) == id)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_write_and_cite (Fixture *f, gconstpointer data)
{
  AccordsNoteEditor *editor = accords_notes_page_get_editor (f->page);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (editor));
  GtkListBox *citable_list = accords_notes_page_get_citable_list (f->page);
  g_autofree char *marker = accords_citation_marker (ACCORDS_CITATION_SOURCE, f->article_id);
  g_autofree char *text = NULL;
  g_autoptr(AccordsReference) cited = NULL;
  AccordsNote *note;
  GtkTextIter start, end, at;
  Saved saved = { f, 0, NULL };
  gint64 typed;
  guint position;

  select_us_rwanda (f);
  /* the agreement has no note yet: nothing is open */
  g_assert_null (accords_note_editor_get_note (editor));
  g_assert_cmpuint (g_list_model_get_n_items (accords_notes_page_get_notes (f->page)), ==, 0);

  /* a new note belongs to the agreement, its placeholder title selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "notes.new", NULL));
  iterate ();
  note = accords_note_editor_get_note (editor);
  g_assert_nonnull (note);
  g_assert_cmpstr (accords_note_get_agreement (note), ==, "us-rw-2025");
  g_assert_cmpuint (g_list_model_get_n_items (accords_notes_page_get_notes (f->page)), ==, 1);
  saved.id = accords_note_get_id (note);

  /* typing replaces the title, and is saved within a second of stopping */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, "Talks with Washington", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, "Nduhungirehe confirmed early talks", -1);
  typed = g_get_monotonic_time ();
  g_assert_true (accords_note_editor_get_pending (editor));
  g_assert_cmpstr (accords_note_get_title (note), ==, "Talks with Washington");
  saved.needle = "confirmed early talks";
  g_assert_true (wait_for (saved_holds, &saved, 1500));
  g_assert_cmpint (g_get_monotonic_time () - typed, <, 1200 * 1000);
  g_assert_true (wait_for (not_pending, editor, 500));
  g_assert_cmpuint (accords_note_editor_get_word_count (editor), ==, 7);

  /* the seed article is among what the agreement offers to cite */
  position = citable_position (f, ACCORDS_CITATION_SOURCE, f->article_id);
  gtk_list_box_select_row (citable_list, gtk_list_box_get_row_at_index (citable_list, (int) position));
  /* Ctrl+Shift+C is notes.cite: the marker goes in at the cursor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "notes.cite", NULL));
  iterate ();
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  {
    g_autofree char *tail = g_strconcat ("talks ", marker, NULL);
    g_assert_true (g_str_has_suffix (text, tail));
  }

  /* shown highlighted, and listed under the note by its title */
  at = end;
  gtk_text_iter_backward_chars (&at, 3);
  g_assert_true (gtk_text_iter_has_tag (&at, accords_note_editor_get_citation_tag (editor)));
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 2);
  g_assert_false (gtk_text_iter_has_tag (&at, accords_note_editor_get_citation_tag (editor)));
  g_assert_cmpuint (g_list_model_get_n_items (accords_note_editor_get_citations (editor)), ==, 1);
  cited = g_list_model_get_item (accords_note_editor_get_citations (editor), 0);
  g_assert_cmpint (accords_reference_get_id (cited), ==, f->article_id);
  g_assert_cmpstr (accords_reference_get_title (cited), ==, "Rwanda in talks with U.S over deported migrants");
  g_assert_nonnull (gtk_list_box_get_row_at_index (accords_note_editor_get_citations_list (editor), 0));
  g_assert_null (gtk_list_box_get_row_at_index (accords_note_editor_get_citations_list (editor), 1));
  /* the marker reads as a chip with its number and title, not its row id */
  g_assert_cmpstr (accords_citation_view_get_label (ACCORDS_CITATION_VIEW (accords_note_editor_get_view (editor)),
                                                    marker),
                   ==, "1 · Rwanda in talks with U.S over deported migrants");

  /* and saved with the note */
  saved.needle = marker;
  g_assert_true (wait_for (saved_holds, &saved, 1500));

  /* undo takes the citation out again */
  gtk_text_buffer_undo (buffer);
  iterate ();
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_null (strstr (text, marker));
  gtk_text_buffer_redo (buffer);

  /* another view cites through the window: win.cite-item, win.cite-source */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.cite-source", "x", f->article_id));
  iterate ();
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_nonnull (strstr (strstr (text, marker) + 1, marker));
  /* cited twice, listed once */
  g_assert_cmpuint (g_list_model_get_n_items (accords_note_editor_get_citations (editor)), ==, 1);
}

/* Opening a note the list does not show lists every note again: the note
 * open before goes, and its title's binding with it */
static void
test_open_other_note (Fixture *f, gconstpointer data)
{
  AccordsNoteEditor *editor = accords_notes_page_get_editor (f->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) here = accords_store_create_note (f->store, "us-rw-2025", NULL, "# Here\n", &error);
  g_autoptr(AccordsNote) elsewhere = accords_store_create_note (f->store, "uk-rw-medp-2022", NULL, "# Elsewhere\n", &error);
  gint64 here_id = accords_note_get_id (here), elsewhere_id = accords_note_get_id (elsewhere);

  g_assert_no_error (error);
  g_clear_object (&here);
  g_clear_object (&elsewhere);
  select_us_rwanda (f);
  g_assert_true (accords_notes_page_open_note (f->page, here_id));
  iterate ();
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, here_id);
  g_assert_true (accords_notes_page_open_note (f->page, elsewhere_id));
  iterate ();
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, elsewhere_id);
  g_assert_true (accords_notes_page_open_note (f->page, here_id));
  iterate ();
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, here_id);
}

static void
test_find (Fixture *f, gconstpointer data)
{
  AccordsNoteEditor *editor = accords_notes_page_get_editor (f->page);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (editor));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL,
                                                           "# Finding\n\nalpha beta alpha gamma alpha\n", &error);
  GtkTextIter start, end;
  g_autofree char *found = NULL;

  select_us_rwanda (f);
  g_assert_true (accords_notes_page_open_note (f->page, accords_note_get_id (note)));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find", NULL));
  /* the search is a GtkSourceSearchContext behind the bar's entry */
  {
    GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (editor));
    g_assert_true (GTK_IS_SEARCH_BAR (bar));
    g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  {
    GtkSourceSearchSettings *settings = gtk_source_search_settings_new ();
    GtkSourceSearchContext *context;
    GtkTextIter a, b;
    gboolean wrapped;

    gtk_source_search_settings_set_search_text (settings, "alpha");
    context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), settings);
    g_assert_true (gtk_source_search_context_forward (context, &start, &a, &b, &wrapped));
    g_object_unref (context);
    g_object_unref (settings);
  }
  /* what the bar does when text is typed into it */
  {
    GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (editor));
    GtkWidget *entry = gtk_widget_get_first_child (gtk_search_bar_get_child (GTK_SEARCH_BAR (bar)));

    g_assert_true (GTK_IS_SEARCH_ENTRY (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "alpha");
    g_signal_emit_by_name (entry, "search-changed");
    iterate ();
    gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
    found = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (found, ==, "alpha");
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, strlen ("# Finding\n\n"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-next", NULL));
    gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, strlen ("# Finding\n\nalpha beta "));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-previous", NULL));
    gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, strlen ("# Finding\n\n"));
  }
}

static void
test_delete_undo_rename (Fixture *f, gconstpointer data)
{
  AccordsNoteEditor *editor = accords_notes_page_get_editor (f->page);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (editor));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL,
                                                           "# Doomed\n\nKeep this text.\n", &error);
  gint64 id = accords_note_get_id (note);
  g_autofree char *body = NULL;

  select_us_rwanda (f);
  /* the agreement's note opens by itself */
  g_assert_nonnull (accords_note_editor_get_note (editor));
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, id);

  /* an unsaved edit is kept through delete and undo */
  gtk_text_buffer_insert_at_cursor (buffer, "Edited. ", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "notes.delete", NULL));
  iterate ();
  g_assert_null (accords_note_editor_get_note (editor));
  g_assert_cmpuint (accords_store_count_notes (f->store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (accords_notes_page_get_notes (f->page)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "notes.undo-delete", NULL));
  iterate ();
  g_assert_cmpuint (accords_store_count_notes (f->store), ==, 1);
  g_assert_nonnull (accords_note_editor_get_note (editor));
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, id);
  body = stored_body (f, id);
  g_assert_cmpstr (body, ==, "Edited. # Doomed\n\nKeep this text.\n");
  g_clear_pointer (&body, g_free);

  /* rename edits the first line; undo would take it back */
  gtk_text_buffer_set_text (buffer, "# Doomed\n\nKeep this text.\n", -1);
  accords_note_editor_set_title (editor, "Saved after all");
  g_assert_true (accords_note_editor_flush (editor, &error));
  g_assert_no_error (error);
  body = stored_body (f, id);
  g_assert_cmpstr (body, ==, "# Saved after all\n\nKeep this text.\n");
  g_assert_cmpstr (accords_note_get_title (accords_note_editor_get_note (editor)), ==, "Saved after all");
}

static void
test_window_search (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) a = accords_store_create_note (f->store, NULL, NULL, "# Albania centres\n\nGjadër and Shëngjin.", &error);
  g_autoptr(AccordsNote) b = accords_store_create_note (f->store, NULL, "RW", "# Kigali\n\nNduhungirehe spoke.", &error);
  GListModel *notes = accords_notes_page_get_notes (f->page);
  g_autoptr(AccordsNote) hit = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (b);
  /* the search entry of the window's sidebar reaches the notes */
  accords_notes_page_set_search (f->page, "");
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-notes", NULL);
  {
    /* the window's own search entry, as a person would type into it */
    GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->w.window), ACCORDS_TYPE_WINDOW,
                                                                  "search_entry"));

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "gjader");
    g_signal_emit_by_name (entry, "search-changed");
    iterate ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  hit = g_list_model_get_item (notes, 0);
  g_assert_cmpint (accords_note_get_id (hit), ==, accords_note_get_id (a));
  /* words typed so far match as prefixes; query syntax errors are plain words */
  accords_notes_page_set_search (f->page, "nduhung");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  accords_notes_page_set_search (f->page, "\"unbalanced (");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  accords_notes_page_set_search (f->page, "");
  accords_notes_page_set_scope (f->page, ACCORDS_NOTES_PAGE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  accords_notes_page_set_scope (f->page, ACCORDS_NOTES_PAGE_FREE);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  accords_window_select_country (f->w.window, "RW");
  accords_notes_page_set_scope (f->page, ACCORDS_NOTES_PAGE_COUNTRY);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
}

typedef struct {
  GFile   *file;
  GError  *error;
  gboolean done;
} Outcome;

static void
exported_cb (AccordsExportDialog *dialog, GFile *file, Outcome *o)
{
  o->file = g_object_ref (file);
  o->done = TRUE;
}

static void
failed_cb (AccordsExportDialog *dialog, const GError *error, Outcome *o)
{
  o->error = g_error_copy (error);
  o->done = TRUE;
}

static gboolean
outcome_done (gpointer data)
{
  return ((Outcome *) data)->done;
}

static void
test_export_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_strdup_printf ("# Exported\n\nCited [@source:%" G_GINT64_FORMAT "].\n", f->article_id);
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL, body, &error);
  AccordsExportDialog *dialog;
  g_auto(AccordsExportOptions) options;
  g_autofree char *name = NULL, *path = NULL, *contents = NULL;
  g_autoptr(GFile) file = NULL;
  Outcome o = { 0 };
  gsize length;

  dialog = accords_export_dialog_new (GTK_WINDOW (f->w.window), f->w.context, note, "us-rw-2025");
  g_object_ref_sink (dialog);

  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_PDF, 0);
  accords_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, ACCORDS_EXPORT_SCOPE_AGREEMENT);
  g_assert_cmpstr (options.agreement, ==, "us-rw-2025");
  g_assert_cmpint (options.format, ==, ACCORDS_EXPORT_FORMAT_PDF);
  name = accords_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "us-rw-2025.pdf");
  g_clear_pointer (&name, g_free);
  accords_export_options_clear (&options);

  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_EVENTS);
  accords_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.note_id, ==, accords_note_get_id (note));
  g_assert_cmpint (options.table, ==, ACCORDS_EXPORT_TABLE_EVENTS);
  accords_export_options_clear (&options);
  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_ALL, ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_TABLE_EVENTS);
  name = accords_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "accords-events.csv");
  g_clear_pointer (&name, g_free);

  /* a note cannot be a dataset, but it can be the works it cites */
  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_JSON, 0);
  g_assert_false (accords_export_dialog_can_export (dialog));
  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_BIBTEX, 0);
  g_assert_true (accords_export_dialog_can_export (dialog));
  accords_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, ACCORDS_EXPORT_FORMAT_BIBTEX);
  accords_export_options_clear (&options);
  name = accords_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "exported-references.bib");
  g_clear_pointer (&name, g_free);
  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_AGREEMENT, ACCORDS_EXPORT_FORMAT_CSL_JSON, 0);
  name = accords_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "us-rw-2025-references.json");
  g_clear_pointer (&name, g_free);

  /* the file is written off the main thread, then the window says so; by
   * author and date, as chosen */
  accords_export_dialog_choose (dialog, ACCORDS_EXPORT_SCOPE_NOTE, ACCORDS_EXPORT_FORMAT_HTML, 0);
  accords_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.citation_style, ==, ACCORDS_CITATION_STYLE_NUMBERED);
  accords_export_options_clear (&options);
  accords_export_dialog_choose_style (dialog, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  accords_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.citation_style, ==, ACCORDS_CITATION_STYLE_AUTHOR_DATE);
  accords_export_options_clear (&options);
  path = g_build_filename (f->w.dir, "note.html", NULL);
  file = g_file_new_for_path (path);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &o);
  g_signal_connect (dialog, "failed", G_CALLBACK (failed_cb), &o);
  accords_export_dialog_export_to (dialog, file);
  g_assert_true (wait_for (outcome_done, &o, 10000));
  g_assert_no_error (o.error);
  g_assert_true (g_file_equal (o.file, file));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<h1 id=\"top\">Exported</h1>"));
  g_assert_nonnull (strstr (contents, "Rwanda in talks with U.S over deported migrants"));
  g_assert_nonnull (strstr (contents, "<ul class=\"references author-date\">"));
  g_clear_object (&o.file);

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_finalize_object (dialog);
  g_unlink (path);
}

/* The page's shortcuts are binding actions: find Ctrl+Shift+C among them */
static gboolean
has_shortcut (GtkWidget *widget, const char *trigger, const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *a = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = a ? gtk_shortcut_action_to_string (a) : NULL;

          if (g_strcmp0 (text, trigger) == 0 && name && strstr (name, action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_shortcuts_and_close (Fixture *f, gconstpointer data)
{
  AccordsNoteEditor *editor = accords_notes_page_get_editor (f->page);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (editor));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL, "# Closing\n\n", &error);
  g_autofree char *body = NULL;

  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "<Shift><Control>c", "notes.cite"));
  g_assert_true (has_shortcut (GTK_WIDGET (editor), "<Control>f", "editor.find"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->w.window), "<Control>e", "win.export"));

  select_us_rwanda (f);
  g_assert_cmpint (accords_note_get_id (accords_note_editor_get_note (editor)), ==, accords_note_get_id (note));
  {
    GtkTextIter end;
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "Typed just before closing.", -1);
  }
  g_assert_true (accords_note_editor_get_pending (editor));
  /* closing the window saves what the second of quiet has not */
  gtk_window_destroy (GTK_WINDOW (f->w.window));
  iterate ();
  body = stored_body (f, accords_note_get_id (note));
  g_assert_cmpstr (body, ==, "# Closing\n\nTyped just before closing.");
  /* the fixture's window is gone: give it a fresh one to tear down */
  g_object_unref (f->w.window);
  f->w.window = accords_window_new (NULL, f->w.context, NULL);
  g_object_ref_sink (f->w.window);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/notes-ui/write-and-cite", Fixture, NULL, fixture_set_up, test_write_and_cite, fixture_tear_down);
  g_test_add ("/notes-ui/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/notes-ui/open-other-note", Fixture, NULL, fixture_set_up, test_open_other_note, fixture_tear_down);
  g_test_add ("/notes-ui/delete-undo-rename", Fixture, NULL, fixture_set_up, test_delete_undo_rename, fixture_tear_down);
  g_test_add ("/notes-ui/window-search", Fixture, NULL, fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add ("/notes-ui/export-dialog", Fixture, NULL, fixture_set_up, test_export_dialog, fixture_tear_down);
  g_test_add ("/notes-ui/shortcuts-and-close", Fixture, NULL, fixture_set_up, test_shortcuts_and_close, fixture_tear_down);

  return g_test_run ();
}
