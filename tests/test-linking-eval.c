/* test-linking-eval.c: precision and recall of country linking on an annotated set */
#include "config.h"

#include <string.h>

#include "accords-gazetteer.h"

#define MIN_PRECISION 0.97
#define MIN_RECALL    0.95

static gboolean
code_in (const char * const *codes,
         const char         *code)
{
  return codes != NULL && g_strv_contains (codes, code);
}

static void
test_eval_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsIsoCodes) iso_codes = accords_iso_codes_new (NULL, &error);
  g_autoptr(AccordsGazetteer) gazetteer = NULL;
  g_autoptr(AccordsGazetteerScan) scan = accords_gazetteer_scan_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "linking-eval.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_items = 0, n_exact = 0, tp = 0, fp = 0, fn = 0;
  double precision, recall;

  g_assert_no_error (error);
  gazetteer = accords_gazetteer_new (iso_codes, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) expected = NULL;
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      g_autoptr(GString) errors = g_string_new (NULL);
      const char *texts[1];

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (fields[1]);  /* every line has its expected codes, maybe none */
      expected = g_strsplit (fields[1], ",", -1);
      if (expected[0] != NULL && expected[0][0] == '\0')
        g_clear_pointer (&expected, g_strfreev);
      n_items++;

      texts[0] = fields[0];
      accords_gazetteer_scan (gazetteer, scan, texts, 1);
      for (guint k = 0; k < accords_gazetteer_scan_get_n_mentions (scan); k++)
        {
          const AccordsCountryMention *m = accords_gazetteer_scan_get_mention (scan, k);

          g_ptr_array_add (found, (gpointer) m->code);
          if (code_in ((const char * const *) expected, m->code))
            tp++;
          else
            {
              fp++;
              g_string_append_printf (errors, " +%s (“%s”)", m->code, m->matched);
            }
        }
      for (guint k = 0; expected != NULL && expected[k] != NULL; k++)
        {
          gboolean hit = FALSE;

          for (guint j = 0; j < found->len; j++)
            hit |= g_str_equal (g_ptr_array_index (found, j), expected[k]);
          if (!hit)
            {
              fn++;
              g_string_append_printf (errors, " -%s", expected[k]);
            }
        }
      if (errors->len == 0)
        n_exact++;
      else
        g_test_message ("line %u:%s: %s", i + 1, errors->str, fields[0]);
    }

  precision = tp + fp > 0 ? (double) tp / (tp + fp) : 1.0;
  recall = tp + fn > 0 ? (double) tp / (tp + fn) : 1.0;
  g_test_message ("linking evaluation: %u items, %u exactly right; %u correct links, "
                  "%u wrong, %u missed; precision %.3f, recall %.3f",
                  n_items, n_exact, tp, fp, fn, precision, recall);
  g_printerr ("# countries: %u items, %u exactly right, %u correct links, %u wrong, %u missed; "
              "precision %.3f, recall %.3f\n", n_items, n_exact, tp, fp, fn, precision, recall);

  g_assert_cmpuint (n_items, >=, 80);
  g_assert_cmpfloat (precision, >=, MIN_PRECISION);
  g_assert_cmpfloat (recall, >=, MIN_RECALL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linking/eval/countries", test_eval_countries);

  return g_test_run ();
}
