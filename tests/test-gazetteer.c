/* test-gazetteer.c: phrases in text, and the countries a text mentions */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accords-error.h"
#include "accords-gazetteer.h"
#include "accords-trie.h"

/* Trie */

static GArray *
scan_trie (AccordsTrie *trie,
           const char  *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (AccordsTrieMatch));

  accords_trie_scan (trie, text, strlen (text), 0, matches);
  return matches;
}

static char *
match_text (const char             *text,
            const AccordsTrieMatch *m)
{
  return g_strndup (text + m->start, m->end - m->start);
}

static void
test_trie_longest_on_boundaries (void)
{
  g_autoptr(AccordsTrie) trie = accords_trie_new ();
  const char *text = "Papua New Guinea and Guinea-Bissau, not Guineas; Niger and Nigeria.";
  g_autoptr(GArray) m = NULL;
  const char *expected[] = { "Papua New Guinea", "Guinea-Bissau", "Niger", "Nigeria" };
  guint32 values[] = { 1, 2, 4, 5 };

  accords_trie_add (trie, "Guinea", 0, accords_trie_flags_for ("Guinea"), NULL, NULL);
  accords_trie_add (trie, "Papua New Guinea", 1, accords_trie_flags_for ("Papua New Guinea"), NULL, NULL);
  accords_trie_add (trie, "Guinea-Bissau", 2, accords_trie_flags_for ("Guinea-Bissau"), NULL, NULL);
  accords_trie_add (trie, "New Guinea", 3, accords_trie_flags_for ("New Guinea"), NULL, NULL);
  accords_trie_add (trie, "Niger", 4, accords_trie_flags_for ("Niger"), NULL, NULL);
  accords_trie_add (trie, "Nigeria", 5, accords_trie_flags_for ("Nigeria"), NULL, NULL);
  accords_trie_compile (trie);

  m = scan_trie (trie, text);
  g_assert_cmpuint (m->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < m->len; i++)
    {
      g_autofree char *found = match_text (text, &g_array_index (m, AccordsTrieMatch, i));

      g_assert_cmpstr (found, ==, expected[i]);
      g_assert_cmpuint (g_array_index (m, AccordsTrieMatch, i).value, ==, values[i]);
    }
}

static void
test_trie_case (void)
{
  g_autoptr(AccordsTrie) trie = accords_trie_new ();
  const char *text = "Tell us what the US and the U.S. said; turkey, Turkey, TURKEY.";
  g_autoptr(GArray) m = NULL;
  const char *expected[] = { "US", "U.S.", "Turkey", "TURKEY" };

  g_assert_cmpint (accords_trie_flags_for ("US"), ==, ACCORDS_TRIE_EXACT_CASE | ACCORDS_TRIE_CAPITALIZED);
  g_assert_cmpint (accords_trie_flags_for ("Turkey"), ==, ACCORDS_TRIE_CAPITALIZED);
  g_assert_cmpint (accords_trie_flags_for ("one-for-one"), ==, 0);

  accords_trie_add (trie, "US", 1, accords_trie_flags_for ("US"), NULL, NULL);
  accords_trie_add (trie, "U.S.", 1, accords_trie_flags_for ("U.S."), NULL, NULL);
  accords_trie_add (trie, "Turkey", 2, accords_trie_flags_for ("Turkey"), NULL, NULL);
  accords_trie_compile (trie);

  m = scan_trie (trie, text);
  g_assert_cmpuint (m->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < m->len; i++)
    {
      g_autofree char *found = match_text (text, &g_array_index (m, AccordsTrieMatch, i));

      g_assert_cmpstr (found, ==, expected[i]);
    }
}

static void
test_trie_unicode (void)
{
  g_autoptr(AccordsTrie) trie = accords_trie_new ();
  /* diacritics, a typographic apostrophe, a no-break space, a line break,
   * an en dash, and a letter right after a name that is not a boundary */
  const char *text = "Turkiye, Côte d’Ivoire, United\u00a0States, United\n  States, "
                     "Guinea\u2013Bissau, Rwandé, Türkiye’s";
  g_autoptr(GArray) m = NULL;
  const char *expected[] = { "Turkiye", "Côte d’Ivoire", "United\u00a0States", "United\n  States",
                             "Guinea\u2013Bissau", "Türkiye" };

  accords_trie_add (trie, "Türkiye", 1, accords_trie_flags_for ("Türkiye"), NULL, NULL);
  accords_trie_add (trie, "Côte d'Ivoire", 2, accords_trie_flags_for ("Côte d'Ivoire"), NULL, NULL);
  accords_trie_add (trie, "United States", 3, accords_trie_flags_for ("United States"), NULL, NULL);
  accords_trie_add (trie, "Guinea-Bissau", 4, accords_trie_flags_for ("Guinea-Bissau"), NULL, NULL);
  accords_trie_add (trie, "Rwand", 5, accords_trie_flags_for ("Rwand"), NULL, NULL);
  accords_trie_compile (trie);

  m = scan_trie (trie, text);
  g_assert_cmpuint (m->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < m->len; i++)
    {
      g_autofree char *found = match_text (text, &g_array_index (m, AccordsTrieMatch, i));

      g_assert_cmpstr (found, ==, expected[i]);
    }
}

static void
test_trie_prefix_and_replace (void)
{
  g_autoptr(AccordsTrie) trie = accords_trie_new ();
  const char *text = "Deportations rose; the deportees were deported. Deport!";
  g_autoptr(GArray) m = NULL;
  gboolean had = FALSE;
  guint32 old = 0, value = 0;

  g_assert_true (accords_trie_add (trie, "deport", 1, ACCORDS_TRIE_PREFIX, &had, NULL));
  g_assert_false (had);
  g_assert_true (accords_trie_add (trie, "DEPORT", 2, ACCORDS_TRIE_PREFIX, &had, &old));
  g_assert_true (had);
  g_assert_cmpuint (old, ==, 1);
  g_assert_true (accords_trie_lookup (trie, "Deport", &value));
  g_assert_cmpuint (value, ==, 2);
  g_assert_false (accords_trie_add (trie, " - ", 3, 0, NULL, NULL));
  g_assert_cmpuint (accords_trie_get_n_phrases (trie), ==, 1);
  accords_trie_compile (trie);

  m = scan_trie (trie, text);
  g_assert_cmpuint (m->len, ==, 4);
  {
    g_autofree char *first = match_text (text, &g_array_index (m, AccordsTrieMatch, 0));
    g_autofree char *third = match_text (text, &g_array_index (m, AccordsTrieMatch, 2));

    g_assert_cmpstr (first, ==, "Deportations");
    g_assert_cmpstr (third, ==, "deported");
  }
  /* sentences: "deported." ends one */
  g_assert_cmpuint (g_array_index (m, AccordsTrieMatch, 2).sentence, ==, 0);
  g_assert_cmpuint (g_array_index (m, AccordsTrieMatch, 3).sentence, ==, 1);
}

static void
test_trie_sentences_alike (void)
{
  g_autoptr(AccordsTrie) a = accords_trie_new ();
  g_autoptr(AccordsTrie) b = accords_trie_new ();
  g_autoptr(GArray) ma = g_array_new (FALSE, FALSE, sizeof (AccordsTrieMatch));
  g_autoptr(GArray) mb = g_array_new (FALSE, FALSE, sizeof (AccordsTrieMatch));
  AccordsTrie *tries[2];
  GArray *arrays[2];
  const char *text = "The U.S. talks went on. Mr. Smith said: “Rwanda agreed.” Then Rwanda signed.";
  guint n;

  /* one trie consumes "U.S." and the other does not: both count alike */
  accords_trie_add (a, "U.S.", 1, accords_trie_flags_for ("U.S."), NULL, NULL);
  accords_trie_add (a, "Rwanda", 2, accords_trie_flags_for ("Rwanda"), NULL, NULL);
  accords_trie_add (b, "talks", 3, 0, NULL, NULL);
  accords_trie_add (b, "signed", 4, 0, NULL, NULL);
  accords_trie_add (b, "Rwanda agreed", 5, accords_trie_flags_for ("Rwanda agreed"), NULL, NULL);
  accords_trie_compile (a);
  accords_trie_compile (b);
  tries[0] = a;
  tries[1] = b;
  arrays[0] = ma;
  arrays[1] = mb;

  n = accords_trie_scan_all (tries, arrays, 2, text, strlen (text), 7, 0);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (ma->len, ==, 3);
  g_assert_cmpuint (mb->len, ==, 3);
  g_assert_cmpuint (g_array_index (ma, AccordsTrieMatch, 0).sentence, ==, 0);  /* U.S. */
  g_assert_cmpuint (g_array_index (mb, AccordsTrieMatch, 0).sentence, ==, 0);  /* talks */
  g_assert_cmpuint (g_array_index (ma, AccordsTrieMatch, 1).sentence, ==, 1);  /* Rwanda (agreed) */
  g_assert_cmpuint (g_array_index (mb, AccordsTrieMatch, 1).sentence, ==, 1);  /* Rwanda agreed */
  g_assert_cmpuint (g_array_index (ma, AccordsTrieMatch, 2).sentence, ==, 2);
  g_assert_cmpuint (g_array_index (mb, AccordsTrieMatch, 2).sentence, ==, 2);
  g_assert_cmpuint (g_array_index (mb, AccordsTrieMatch, 2).field, ==, 7);
}

/* Gazetteer */

typedef struct {
  AccordsIsoCodes      *iso_codes;
  AccordsGazetteer     *gazetteer;
  AccordsGazetteerScan *scan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->iso_codes = accords_iso_codes_new (NULL, &error);
  g_assert_no_error (error);
  f->gazetteer = accords_gazetteer_new (f->iso_codes, &error);
  g_assert_no_error (error);
  f->scan = accords_gazetteer_scan_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  accords_gazetteer_scan_free (f->scan);
  g_assert_finalize_object (f->gazetteer);
  g_assert_finalize_object (f->iso_codes);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes the text mentions, sorted, comma-separated */
static char *
codes_of (Fixture    *f,
          const char *text)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const char *texts[1] = { text };

  accords_gazetteer_scan (f->gazetteer, f->scan, texts, 1);
  for (guint i = 0; i < accords_gazetteer_scan_get_n_mentions (f->scan); i++)
    g_ptr_array_add (codes, (gpointer) accords_gazetteer_scan_get_mention (f->scan, i)->code);
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (",", (char **) codes->pdata);
}

#define assert_codes(f, text, expected) G_STMT_START { \
  g_autofree char *found_ = codes_of (f, text); \
  g_assert_cmpstr (found_, ==, expected); \
} G_STMT_END

static void
test_names_and_demonyms (Fixture       *f,
                         gconstpointer  data)
{
  assert_codes (f, "U.S. and US officials; the USA; United States of America; America First", "US");
  assert_codes (f, "UK, U.K., Britain, Great Britain and the United Kingdom", "GB");
  assert_codes (f, "Türkiye, Turkiye and Turkey", "TR");
  assert_codes (f, "Ivory Coast or Côte d'Ivoire", "CI");
  assert_codes (f, "Czechia, the Czech Republic", "CZ");
  assert_codes (f, "Eswatini, formerly Swaziland", "SZ");
  assert_codes (f, "DR Congo, the DRC", "CD");
  assert_codes (f, "Rwandan, Salvadoran and Salvadorean, Iraqi, Costa Rican, Afghan, Filipino", "AF,CR,IQ,PH,RW,SV");
  assert_codes (f, "Iraqis, Afghans and Filipinos", "AF,IQ,PH");
  assert_codes (f, "the European Union and the EU", "EU");
}

static void
test_traps (Fixture       *f,
            gconstpointer  data)
{
  assert_codes (f, "Papua New Guinea", "PG");
  /* New Mexico is not Mexico: it is a state of the United States */
  assert_codes (f, "New Mexico and Mexico", "MX,US");
  assert_codes (f, "Niger and Nigeria", "NE,NG");
  assert_codes (f, "let us know", "");
  assert_codes (f, "LET US STAY", "");
  assert_codes (f, "Trump: US WILL ACT", "US");
  assert_codes (f, "WHY THE US WILL ACT", "US");
  assert_codes (f, "Latin American and Central American leaders", "");
  assert_codes (f, "Jordan Bardella spoke; Chad Wolf agreed", "");
  assert_codes (f, "Jordan hosts Syrian refugees", "JO,SY");
  assert_codes (f, "Chad Closes Border With Sudan", "SD,TD");
  assert_codes (f, "Jordan Valley farmers", "JO");
  /* Georgia the state is the United States', not Georgia's */
  assert_codes (f, "An ICE raid in Georgia", "US");
  assert_codes (f, "Georgia's parliament met", "GE");
  assert_codes (f, "Georgia's parliament met in Tbilisi, not in Atlanta", "GE,US");
  assert_codes (f, "Spanish-speaking families; a Mexican restaurant", "");
  assert_codes (f, "turkey, china and chad", "");
  assert_codes (f, "Roast turkey for Thanksgiving: Turkey prices rise", "");
  assert_codes (f, "The Dublin Regulation sends them back to Italy", "IT");
}

static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  assert_codes (f, "Texas and Atlanta; Tacoma and Kinshasa", "CD,US");
  assert_codes (f, "Rohingya in Cox's Bazar", "BD");
  assert_codes (f, "Franco-German and Sino-US talks", "CN,DE,FR,US");
  assert_codes (f, "Anglo-French, Italo-Albanian and Russo-Ukrainian", "AL,FR,GB,IT,RU,UA");
  assert_codes (f, "General Franco and the Indo-Pacific; Afro-Caribbean voters", "");
  assert_codes (f, "Whitney Houston sang; in Houston, shelters are full", "US");
  assert_codes (f, "Whitney Houston sang", "");
  assert_codes (f, "Sydney Sweeney and Florence Pugh", "");
  assert_codes (f, "Lincoln, Victoria and Birmingham", "");
  assert_codes (f, "The Washington Post; George Washington", "");
  assert_codes (f, "Washington, D.C., and New South Wales", "AU,US");
  assert_codes (f, "Georgia's governor Brian Kemp", "US");
  assert_codes (f, "Georgian Dream rules Georgia", "GE");
  assert_codes (f, "London, Ontario, not London", "CA,GB");
}

static void
test_matched_and_counts (Fixture       *f,
                         gconstpointer  data)
{
  const char *texts[] = {
    "Rwanda in talks with U.S over deported migrants",
    NULL,
    "A Rwandan official said Rwanda and the U.S. talked. Rwanda agreed.",
  };
  const AccordsCountryMention *m;
  const AccordsCountryHit *hits;
  guint n_hits;

  accords_gazetteer_scan (f->gazetteer, f->scan, texts, G_N_ELEMENTS (texts));
  g_assert_cmpuint (accords_gazetteer_scan_get_n_mentions (f->scan), ==, 2);

  m = accords_gazetteer_scan_get_mention (f->scan, 0);
  g_assert_cmpstr (m->code, ==, "RW");
  g_assert_cmpuint (m->count, ==, 4);
  g_assert_cmpstr (m->matched, ==, "Rwanda, Rwandan");
  g_assert_cmpuint (accords_gazetteer_scan_get_count (f->scan, m->index), ==, 4);

  m = accords_gazetteer_scan_get_mention (f->scan, 1);
  g_assert_cmpstr (m->code, ==, "US");
  g_assert_cmpuint (m->count, ==, 2);
  g_assert_cmpstr (m->matched, ==, "U.S, U.S.");

  hits = accords_gazetteer_scan_get_hits (f->scan, &n_hits);
  g_assert_cmpuint (n_hits, ==, 6);
  g_assert_cmpuint (hits[0].field, ==, 0);
  g_assert_cmpuint (hits[2].field, ==, 2);
  g_assert_cmpuint (hits[2].start, ==, 2);
  g_assert_cmpuint (hits[2].end, ==, 9);
  /* the second field's sentences follow the first's */
  g_assert_cmpuint (hits[1].sentence, ==, 0);
  g_assert_cmpuint (hits[2].sentence, ==, 1);
  g_assert_cmpuint (hits[5].sentence, ==, 2);

  /* the scan is reused: nothing of the last document stays */
  texts[0] = "Nothing here";
  accords_gazetteer_scan (f->gazetteer, f->scan, texts, 1);
  g_assert_cmpuint (accords_gazetteer_scan_get_n_mentions (f->scan), ==, 0);
  g_assert_cmpuint (accords_gazetteer_scan_get_count (f->scan, m->index), ==, 0);
}

static void
test_bad_text (Fixture       *f,
               gconstpointer  data)
{
  const char *texts[] = { "Rwanda \xff\xfe\xc3 Rwanda\xe2\x80", "", "\xe2\x80\x99" };

  accords_gazetteer_scan (f->gazetteer, f->scan, texts, G_N_ELEMENTS (texts));
  g_assert_cmpuint (accords_gazetteer_scan_get_n_mentions (f->scan), ==, 1);
  g_assert_cmpuint (accords_gazetteer_scan_get_mention (f->scan, 0)->count, ==, 2);
  accords_gazetteer_scan (f->gazetteer, f->scan, NULL, 0);
  g_assert_cmpuint (accords_gazetteer_scan_get_n_mentions (f->scan), ==, 0);
}

static void
test_every_country_has_a_name (Fixture       *f,
                               gconstpointer  data)
{
  /* every country iso-codes lists is found by its own short name */
  for (guint i = 0; i < accords_iso_codes_get_n_countries (f->iso_codes); i++)
    {
      const AccordsIsoCountry *c = accords_iso_codes_get_country (f->iso_codes, i);
      const char *name = c->common_name ? c->common_name : c->name;
      g_autofree char *found = NULL;

      if (strchr (name, ',') || strchr (name, '('))
        continue;
      found = codes_of (f, name);
      /* "Congo" alone is the DR Congo's, as news uses it (data/gazetteer/README.md) */
      g_assert_cmpstr (found, ==, g_str_equal (c->alpha2, "CG") ? "CD" : c->alpha2);
    }
  assert_codes (f, "the Republic of the Congo", "CG");
  g_assert_cmpuint (accords_gazetteer_get_n_phrases (f->gazetteer), >, 2000);
}

/* The name the window shows a country by reads naturally, and the
 * gazetteer finds that country by it */
static void
test_display_names (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < accords_iso_codes_get_n_countries (f->iso_codes); i++)
    {
      const AccordsIsoCountry *c = accords_iso_codes_get_country (f->iso_codes, i);
      const char *name = accords_iso_codes_get_display_name (f->iso_codes, c->alpha2);
      g_autofree char *found = NULL;

      g_assert_false (g_str_has_suffix (name, " of"));
      g_assert_false (g_str_has_suffix (name, " of the"));
      g_assert_null (strstr (name, ", The"));
      if (strchr (name, '(') || g_str_equal (c->alpha2, "CG"))
        continue;
      found = codes_of (f, name);
      g_assert_cmpstr (found, ==, c->alpha2);
    }
  g_assert_cmpstr (accords_iso_codes_get_display_name (f->iso_codes, "CD"), ==, "DR Congo");
}

/* Data errors */

static char *
copy_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "gazetteer", NULL);
  char *dir = g_dir_make_tmp ("accords-gazetteer-XXXXXX", &error);
  g_autoptr(GDir) d = g_dir_open (source, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  return dir;
}


static void
append_line (const char *dir,
             const char *file,
             const char *line)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *updated = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  updated = g_strconcat (contents, line, "\n", NULL);
  g_assert_true (g_file_set_contents (path, updated, -1, NULL));
}

/* Loading dir fails and the message holds every one of the parts */
static void
assert_load_fails (Fixture    *f,
                   const char *dir,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(AccordsGazetteer) gazetteer = accords_gazetteer_new_from_directory (f->iso_codes, file, &error);
  va_list parts;
  const char *part;

  g_assert_null (gazetteer);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  va_start (parts, dir);
  while ((part = va_arg (parts, const char *)))
    {
      if (strstr (error->message, part) == NULL)
        g_test_message ("“%s” not in “%s”", part, error->message);
      g_assert_nonnull (strstr (error->message, part));
    }
  va_end (parts);
}

static void
test_data_errors (Fixture       *f,
                  gconstpointer  data)
{
  struct {
    const char *file;
    const char *line;
    const char *message;
  } cases[] = {
    { "names.tsv", "XX\tNowhere", "“XX” is not a country code" },
    { "names.tsv", "FR\tGaul\tsometimes", "unknown flag “sometimes”" },
    { "names.tsv", "FR\tGaul\tcontext=weather", "context.tsv has no cues for “weather”" },
    { "stoplist.tsv", "Rwandan\tnot a trap", "“Rwandan” is already a name of RW (gazetteer/demonyms.tsv line" },
    { "names.tsv", "FR\t---", "has no letter to match" },
    { "stoplist.tsv", "Latin America", "expected a phrase and why" },
    { "languages.txt", "Klingon", "“Klingon” is not a demonym" },
    { "context.tsv", "us-state\tmaybe\tAtlanta", "“maybe” should be" },
    { "demonyms.tsv", "FR\tGaulois", "FR is listed twice" },
    { "capitals.tsv", "ZZ\tAtlantis", "“ZZ” is not a country code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = copy_data_dir ();
      g_autofree char *where = g_strdup_printf ("gazetteer/%s line", cases[i].file);

      append_line (dir, cases[i].file, cases[i].line);
      assert_load_fails (f, dir, where, cases[i].message, NULL);
      accords_test_remove_dir (dir);
    }

  /* a country without a demonym line, and a file that is missing */
  {
    g_autofree char *dir = copy_data_dir ();
    g_autofree char *path = g_build_filename (dir, "demonyms.tsv", NULL);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GString) kept = g_string_new (NULL);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      if (!g_str_has_prefix (lines[i], "RW\t"))
        g_string_append_printf (kept, "%s\n", lines[i]);
    g_assert_true (g_file_set_contents (path, kept->str, -1, NULL));
    assert_load_fails (f, dir, "gazetteer/demonyms.tsv", "no line for RW (Rwanda)", NULL);

    g_unlink (path);
    assert_load_fails (f, dir, "Cannot read the gazetteer file", "demonyms.tsv", NULL);
    accords_test_remove_dir (dir);
  }
}

static void
test_checksum (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_data_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(AccordsGazetteer) same = accords_gazetteer_new_from_directory (f->iso_codes, file, &error);
  g_autoptr(AccordsGazetteer) changed = NULL;

  g_assert_no_error (error);
  /* the files shipped are the files compiled in */
  g_assert_cmpstr (accords_gazetteer_get_checksum (same), ==, accords_gazetteer_get_checksum (f->gazetteer));
  g_assert_cmpuint (strlen (accords_gazetteer_get_checksum (same)), ==, 64);

  append_line (dir, "names.tsv", "FR\tGaul");
  changed = accords_gazetteer_new_from_directory (f->iso_codes, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_gazetteer_get_checksum (changed), !=, accords_gazetteer_get_checksum (f->gazetteer));
  accords_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trie/longest-on-boundaries", test_trie_longest_on_boundaries);
  g_test_add_func ("/trie/case", test_trie_case);
  g_test_add_func ("/trie/unicode", test_trie_unicode);
  g_test_add_func ("/trie/prefix-and-replace", test_trie_prefix_and_replace);
  g_test_add_func ("/trie/sentences-alike", test_trie_sentences_alike);
  g_test_add ("/gazetteer/names-and-demonyms", Fixture, NULL, fixture_set_up, test_names_and_demonyms, fixture_tear_down);
  g_test_add ("/gazetteer/traps", Fixture, NULL, fixture_set_up, test_traps, fixture_tear_down);
  g_test_add ("/gazetteer/places", Fixture, NULL, fixture_set_up, test_places, fixture_tear_down);
  g_test_add ("/gazetteer/matched-and-counts", Fixture, NULL, fixture_set_up, test_matched_and_counts, fixture_tear_down);
  g_test_add ("/gazetteer/bad-text", Fixture, NULL, fixture_set_up, test_bad_text, fixture_tear_down);
  g_test_add ("/gazetteer/every-country-has-a-name", Fixture, NULL, fixture_set_up, test_every_country_has_a_name, fixture_tear_down);
  g_test_add ("/gazetteer/display-names", Fixture, NULL, fixture_set_up, test_display_names, fixture_tear_down);
  g_test_add ("/gazetteer/data-errors", Fixture, NULL, fixture_set_up, test_data_errors, fixture_tear_down);
  g_test_add ("/gazetteer/checksum", Fixture, NULL, fixture_set_up, test_checksum, fixture_tear_down);

  return g_test_run ();
}
