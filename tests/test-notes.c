/* test-notes.c: notes in the store, titles, citations and their numbering, search */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accords-citation.h"
#include "accords-context.h"
#include "accords-error.h"
#include "accords-note.h"
#include "accords-reference.h"
#include "accords-store-notes.h"
#include "accords-store-sources.h"

typedef struct {
  char           *dir;
  AccordsContext *context;
  AccordsStore   *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accords-notes-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "notes.db", NULL);
  f->context = accords_context_new (path, &error);
  g_assert_no_error (error);
  f->store = accords_context_get_store (f->context);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
add_source (Fixture *f, const char *url, const char *title, const char *agreement)
{
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  accords_source_set_url (source, url);
  accords_source_set_title (source, title);
  accords_source_set_publisher (source, "The Test Gazette");
  accords_source_set_published (source, "2025-05-05");
  accords_source_set_accessed (source, "2025-06-01");
  id = accords_store_add_source (f->store, source, agreement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_parse (void)
{
  const char *text = "Talks [@source:12] began.[@item:345][@source:12] "
                     "`[@source:7]` \\[@source:8] [@source:0] [@source:] [@book:3] [@item:99999999999999999999]\n"
                     "```\n[@source:9]\n```\n"
                     "End [@item:5]";
  g_autoptr(GArray) marks = accords_citations_parse (text);
  const AccordsCitationMark *m;

  g_assert_cmpuint (marks->len, ==, 4);
  m = &g_array_index (marks, AccordsCitationMark, 0);
  g_assert_cmpint (m->kind, ==, ACCORDS_CITATION_SOURCE);
  g_assert_cmpint (m->id, ==, 12);
  g_assert_cmpuint (m->start, ==, strlen ("Talks "));
  g_assert_cmpuint (m->end - m->start, ==, strlen ("[@source:12]"));
  m = &g_array_index (marks, AccordsCitationMark, 1);
  g_assert_cmpint (m->kind, ==, ACCORDS_CITATION_ITEM);
  g_assert_cmpint (m->id, ==, 345);
  m = &g_array_index (marks, AccordsCitationMark, 2);
  g_assert_cmpint (m->id, ==, 12);
  m = &g_array_index (marks, AccordsCitationMark, 3);
  g_assert_cmpint (m->kind, ==, ACCORDS_CITATION_ITEM);
  g_assert_cmpint (m->id, ==, 5);
  g_assert_cmpstr (text + m->start, ==, "[@item:5]");
}

static void
test_marker (void)
{
  g_autofree char *s = accords_citation_marker (ACCORDS_CITATION_SOURCE, 12);
  g_autofree char *i = accords_citation_marker (ACCORDS_CITATION_ITEM, 345);
  AccordsCitationKind kind;

  g_assert_cmpstr (s, ==, "[@source:12]");
  g_assert_cmpstr (i, ==, "[@item:345]");
  g_assert_true (accords_citation_kind_from_string ("item", &kind));
  g_assert_cmpint (kind, ==, ACCORDS_CITATION_ITEM);
  g_assert_false (accords_citation_kind_from_string ("book", &kind));
}

static char *
number_marker (const AccordsCitationMark *mark, gpointer user_data)
{
  return g_strdup_printf ("[%u]", accords_citation_numbering_lookup (user_data, mark->kind, mark->id));
}

static void
test_numbering (void)
{
  g_autoptr(AccordsCitationNumbering) n = accords_citation_numbering_new ();
  g_autofree char *out = NULL;
  AccordsCitationKind kind;
  gint64 id;

  /* numbers follow first citation, across texts; repeats keep their number */
  accords_citation_numbering_add_text (n, "a [@source:30] b [@item:2] c [@source:30]");
  accords_citation_numbering_add_text (n, "d [@source:4] e [@item:2] f [@source:30] g [@item:30]");
  g_assert_cmpuint (accords_citation_numbering_get_n (n), ==, 4);
  g_assert_cmpuint (accords_citation_numbering_lookup (n, ACCORDS_CITATION_SOURCE, 30), ==, 1);
  g_assert_cmpuint (accords_citation_numbering_lookup (n, ACCORDS_CITATION_ITEM, 2), ==, 2);
  g_assert_cmpuint (accords_citation_numbering_lookup (n, ACCORDS_CITATION_SOURCE, 4), ==, 3);
  /* item 30 and source 30 are different works */
  g_assert_cmpuint (accords_citation_numbering_lookup (n, ACCORDS_CITATION_ITEM, 30), ==, 4);
  g_assert_cmpuint (accords_citation_numbering_lookup (n, ACCORDS_CITATION_SOURCE, 5), ==, 0);
  accords_citation_numbering_get (n, 2, &kind, &id);
  g_assert_cmpint (kind, ==, ACCORDS_CITATION_SOURCE);
  g_assert_cmpint (id, ==, 4);
  g_assert_cmpuint (accords_citation_numbering_add (n, ACCORDS_CITATION_SOURCE, 99), ==, 5);

  out = accords_citations_replace ("x [@source:4], y [@source:30] `[@source:4]`", number_marker, n);
  g_assert_cmpstr (out, ==, "x [3], y [1] `[@source:4]`");
}

static void
test_title (void)
{
  const struct { const char *body, *title; } cases[] = {
    { "# US–Rwanda: what we know\n\nBody", "US–Rwanda: what we know" },
    { "\n\n   ## Closing hashes ##  \ntext", "Closing hashes" },
    { "Plain first line\nsecond", "Plain first line" },
    { "#hashtag is not a heading", "#hashtag is not a heading" },
    { "", "" },
    { "   \n\t\n", "" },
  };
  g_autofree char *long_body = g_strnfill (500, 'x');
  g_autofree char *long_title = accords_note_title_from_body (long_body);
  g_autofree char *renamed = NULL, *prefixed = NULL, *empty = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *t = accords_note_title_from_body (cases[i].body);
      g_assert_cmpstr (t, ==, cases[i].title);
    }
  g_assert_cmpint (g_utf8_strlen (long_title, -1), ==, 200);

  /* renaming rewrites a heading, and keeps a plain first line as text */
  renamed = accords_note_body_with_title ("\n# Old\n\nBody [@source:1]\n", "New title");
  g_assert_cmpstr (renamed, ==, "\n# New title\n\nBody [@source:1]\n");
  prefixed = accords_note_body_with_title ("Some text\n", "Named\nnote");
  g_assert_cmpstr (prefixed, ==, "# Named note\n\nSome text\n");
  empty = accords_note_body_with_title ("", "Fresh");
  g_assert_cmpstr (empty, ==, "# Fresh\n");
}

static void
test_words (void)
{
  g_assert_cmpuint (accords_note_count_words (""), ==, 0);
  g_assert_cmpuint (accords_note_count_words ("# A title\n\n- one, two — three"), ==, 5);
  /* citation markers are not words, and do not glue the words beside them */
  g_assert_cmpuint (accords_note_count_words ("Talks began[@source:12] in May [@item:3]."), ==, 4);
  g_assert_cmpuint (accords_note_count_words ("Kigali’s deal: 250 people"), ==, 4);
}

static void
test_create_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) a = NULL, b = NULL, c = NULL, loaded = NULL;
  g_autoptr(GListStore) list = NULL;
  AccordsNote *bad;

  a = accords_store_create_note (f->store, "us-rw-2025", NULL, "# Talks\n\nRwanda confirmed talks.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_note_get_title (a), ==, "Talks");
  g_assert_cmpint (accords_note_get_id (a), >, 0);
  g_assert_nonnull (accords_note_get_created (a));
  b = accords_store_create_note (f->store, NULL, "RW", "Kigali context", &error);
  g_assert_no_error (error);
  c = accords_store_create_note (f->store, NULL, NULL, "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_note_get_display_title (c), ==, "Untitled note");

  list = accords_store_list_notes (f->store, ACCORDS_NOTE_SCOPE_AGREEMENT, "us-rw-2025", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_object (&list);
  list = accords_store_list_notes (f->store, ACCORDS_NOTE_SCOPE_COUNTRY, "RW", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_object (&list);
  list = accords_store_list_notes (f->store, ACCORDS_NOTE_SCOPE_FREE, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_object (&list);
  list = accords_store_list_notes (f->store, ACCORDS_NOTE_SCOPE_ALL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  loaded = accords_store_load_note (f->store, accords_note_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_note_get_agreement (loaded), ==, "us-rw-2025");
  g_assert_null (accords_note_get_country (loaded));
  g_assert_cmpstr (accords_note_get_body (loaded), ==, "# Talks\n\nRwanda confirmed talks.");

  /* bad attachments are refused with what was wrong */
  bad = accords_store_create_note (f->store, "no-such-deal", NULL, "x", &error);
  g_assert_null (bad);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-deal"));
  g_clear_error (&error);
  bad = accords_store_create_note (f->store, NULL, "XX", "x", &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "XX"));
  g_clear_error (&error);
  bad = accords_store_create_note (f->store, NULL, NULL, "bad \xff utf8", &error);
  g_assert_null (bad);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (accords_store_count_notes (f->store), ==, 3);

  g_assert_null (accords_store_load_note (f->store, 9999, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

static void
test_save_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL, "# One\n\ntext", &error);
  g_autoptr(AccordsNote) loaded = NULL;
  g_autofree char *updated = NULL;
  gint64 id = accords_note_get_id (note);

  g_assert_no_error (error);
  g_assert_true (accords_store_save_note_body (f->store, id, "# Two\n\nmore text", &updated, &error));
  g_assert_no_error (error);
  g_assert_nonnull (updated);
  g_assert_true (accords_store_rename_note (f->store, id, "  Three  ", &error));
  g_assert_no_error (error);
  loaded = accords_store_load_note (f->store, id, &error);
  g_assert_cmpstr (accords_note_get_title (loaded), ==, "Three");
  g_assert_cmpstr (accords_note_get_body (loaded), ==, "# Three\n\nmore text");

  g_assert_false (accords_store_rename_note (f->store, id, "  ", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accords_store_save_note_body (f->store, 4242, "x", NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = accords_store_create_note (f->store, "us-rw-2025", NULL, "# Keep me\n\nbody", &error);
  g_autoptr(AccordsNote) deleted = NULL, back = NULL;
  g_autoptr(GListStore) found = NULL;
  gint64 id = accords_note_get_id (note);

  deleted = accords_store_delete_note (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accords_store_count_notes (f->store), ==, 0);
  /* the index forgets it too */
  found = accords_store_search_notes (f->store, "keep", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  g_clear_object (&found);

  g_assert_true (accords_store_restore_note (f->store, deleted, &error));
  g_assert_no_error (error);
  back = accords_store_load_note (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_note_get_body (back), ==, "# Keep me\n\nbody");
  g_assert_cmpstr (accords_note_get_created (back), ==, accords_note_get_created (note));
  g_assert_cmpstr (accords_note_get_agreement (back), ==, "us-rw-2025");
  found = accords_store_search_notes (f->store, "keep", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  g_assert_null (accords_store_delete_note (f->store, 777, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) a = accords_store_create_note (f->store, NULL, NULL, "# Kigali talks\n\nNduhungirehe confirmed early-stage talks.", &error);
  g_autoptr(AccordsNote) b = accords_store_create_note (f->store, NULL, NULL, "# Albania\n\nCentres at Shëngjin and Gjadër.", &error);
  const char *queries[] = { "nduhungirehe", "\"early stage\"", "kig*", "talks NOT albania", "gjader" };
  const char *broken[] = { "\"unbalanced", "talks AND", "(", "early-stage", "*" };
  g_autoptr(GListStore) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListStore) found = accords_store_search_notes (f->store, queries[i], 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
    }
  /* FTS syntax errors are searched as plain words, never an error */
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GListStore) found = accords_store_search_notes (f->store, broken[i], 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
    }
  {
    g_autoptr(GListStore) found = accords_store_search_notes (f->store, "early-stage", 0, &error);
    g_autoptr(AccordsNote) hit = NULL;
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
    hit = g_list_model_get_item (G_LIST_MODEL (found), 0);
    g_assert_cmpint (accords_note_get_id (hit), ==, accords_note_get_id (a));
  }
  none = accords_store_search_notes (f->store, "   ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
}

static void
test_references (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 s1 = add_source (f, "https://example.org/talks", "Rwanda in talks", "us-rw-2025");
  gint64 s2 = add_source (f, "file:///tmp/article.txt", "", NULL);
  g_autofree char *body = g_strdup_printf ("Talks [@source:%" G_GINT64_FORMAT "] and a document [@source:%" G_GINT64_FORMAT "]"
                                           " and again [@source:%" G_GINT64_FORMAT "] and a gone item [@item:404]",
                                           s1, s2, s1);
  g_autoptr(GListStore) refs = accords_store_load_note_references (f->store, body, &error);
  g_autoptr(AccordsReference) r0 = NULL, r1 = NULL, r2 = NULL;
  g_autofree char *text0 = NULL, *text2 = NULL, *label1 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, 3);
  r0 = g_list_model_get_item (G_LIST_MODEL (refs), 0);
  r1 = g_list_model_get_item (G_LIST_MODEL (refs), 1);
  r2 = g_list_model_get_item (G_LIST_MODEL (refs), 2);
  text0 = accords_reference_format (r0);
  g_assert_cmpstr (text0, ==, "Rwanda in talks. The Test Gazette, 5 May 2025. https://example.org/talks (accessed 1 June 2025).");
  label1 = accords_reference_dup_label (r1);
  g_assert_cmpstr (label1, ==, "file:///tmp/article.txt");
  g_assert_true (accords_reference_get_missing (r2));
  text2 = accords_reference_format (r2);
  g_assert_cmpstr (text2, ==, "News item 404 (no longer in the database).");

  /* a file that cites what is not there is refused with the line and the marker */
  g_assert_false (accords_store_check_citations (f->store, "ok\nthen [@source:999]", "draft.md", &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "draft.md, line 2: [@source:999] cites source 999, which is not in the database");
  g_clear_error (&error);
  g_assert_true (accords_store_check_citations (f->store, body + 0, "x", &error) == FALSE);
  g_clear_error (&error);
  {
    g_autofree char *good = g_strdup_printf ("[@source:%" G_GINT64_FORMAT "]", s1);
    g_assert_true (accords_store_check_citations (f->store, good, "x", &error));
    g_assert_no_error (error);
  }
}

static void
test_sources (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsSource) bad = accords_source_new ();
  g_autoptr(AccordsSource) loaded = NULL;
  gint64 id, again;

  id = add_source (f, "https://example.org/a", "A", "us-rw-2025");
  /* the same URL is the same source, updated */
  again = add_source (f, "https://example.org/a", "A, corrected", "us-rw-2025");
  g_assert_cmpint (id, ==, again);
  loaded = accords_store_load_source (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_source_get_title (loaded), ==, "A, corrected");

  accords_source_set_url (bad, "javascript:alert(1)");
  g_assert_cmpint (accords_store_add_source (f->store, bad, NULL, &error), ==, 0);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "javascript:alert(1)"));
  g_clear_error (&error);
  accords_source_set_url (bad, "https://example.org/b");
  accords_source_set_published (bad, "2025-02-30");
  g_assert_cmpint (accords_store_add_source (f->store, bad, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "published"));
  g_clear_error (&error);
  accords_source_set_published (bad, "2025-02");
  g_assert_cmpint (accords_store_add_source (f->store, bad, "no-such", &error), ==, 0);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND);
}

static void
test_citable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) citable = NULL;
  g_autoptr(AccordsReference) last = NULL, item = NULL;
  guint n_seeded, n;
  gint64 added;

  citable = accords_store_list_citable (f->store, "us-rw-2025", &error);
  g_assert_no_error (error);
  n_seeded = g_list_model_get_n_items (G_LIST_MODEL (citable));
  /* the seed holds eight sources for US–Rwanda */
  g_assert_cmpuint (n_seeded, ==, 8);
  g_clear_object (&citable);

  added = add_source (f, "https://example.org/added", "Added later", "us-rw-2025");
  g_assert_true (accords_store_exec (f->store,
                                     "INSERT INTO feed (id, url, title) VALUES (3, 'file:///wire.xml', 'Wire');"
                                     "INSERT INTO item (id, feed_id, key, title, link, published) VALUES"
                                     " (10, 3, 'a', 'Linked', 'https://example.org/10', '2025-08-01T00:00:00Z'),"
                                     " (11, 3, 'b', 'Rejected', 'https://example.org/11', '2025-08-02T00:00:00Z');"
                                     "INSERT INTO item_agreement (item_id, agreement_id, state)"
                                     " SELECT 10, id, 'suggested' FROM agreement WHERE slug = 'us-rw-2025';"
                                     "INSERT INTO item_agreement (item_id, agreement_id, state)"
                                     " SELECT 11, id, 'rejected' FROM agreement WHERE slug = 'us-rw-2025';",
                                     &error));
  citable = accords_store_list_citable (f->store, "us-rw-2025", &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (citable));
  /* the new source comes after the others, then the one linked item */
  g_assert_cmpuint (n, ==, n_seeded + 2);
  last = g_list_model_get_item (G_LIST_MODEL (citable), n - 2);
  g_assert_cmpint (accords_reference_get_id (last), ==, added);
  item = g_list_model_get_item (G_LIST_MODEL (citable), n - 1);
  g_assert_cmpint (accords_reference_get_kind (item), ==, ACCORDS_CITATION_ITEM);
  g_assert_cmpstr (accords_reference_get_title (item), ==, "Linked");
  g_assert_cmpstr (accords_reference_get_publisher (item), ==, "Wire");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/citations/parse", test_parse);
  g_test_add_func ("/notes/citations/marker", test_marker);
  g_test_add_func ("/notes/citations/numbering", test_numbering);
  g_test_add_func ("/notes/title", test_title);
  g_test_add_func ("/notes/words", test_words);
  g_test_add ("/notes/store/create-list", Fixture, NULL, fixture_set_up, test_create_list, fixture_tear_down);
  g_test_add ("/notes/store/save-rename", Fixture, NULL, fixture_set_up, test_save_rename, fixture_tear_down);
  g_test_add ("/notes/store/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/notes/store/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/notes/store/references", Fixture, NULL, fixture_set_up, test_references, fixture_tear_down);
  g_test_add ("/notes/store/sources", Fixture, NULL, fixture_set_up, test_sources, fixture_tear_down);
  g_test_add ("/notes/store/citable", Fixture, NULL, fixture_set_up, test_citable, fixture_tear_down);

  return g_test_run ();
}
