/* accords-names.c: the short forms of people's names */
#include "config.h"

#include <string.h>

#include "accords-names.h"

static gboolean
is_particle (const char *word)
{
  static const char * const particles[] = {
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "ter", "van", "von",
  };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_str_equal (word, particles[i]))
      return TRUE;
  return FALSE;
}

GPtrArray *
accords_surnames_of (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint n = 0, first = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  if (n < 2)
    return out;

  first = n - 1;
  for (guint i = 1; i < n; i++)
    if (is_particle (words[i]))
      {
        first = i;
        break;
      }
  g_ptr_array_add (out, g_strjoinv (" ", words + first));
  if (first == n - 1)
    {
      const char *hyphen = strchr (words[n - 1], '-');

      if (hyphen && hyphen[1] != '\0')
        {
          g_autofree char *prefix = g_strndup (words[n - 1], hyphen - words[n - 1]);

          if (is_particle (prefix))
            g_ptr_array_add (out, g_strdup (hyphen + 1));
        }
    }
  return out;
}
