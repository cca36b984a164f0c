/* accords-search-highlight.c: the words a search matched, highlighted wherever they appear */
#define G_LOG_DOMAIN "accords-search-highlight"

#include "config.h"

#include <string.h>

#include "accords-search-highlight.h"

char *
accords_search_marked_to_highlight (const char *marked)
{
  return accords_search_marked_to_markup (marked ? marked : "",
                                          ACCORDS_SEARCH_HIGHLIGHT_OPEN, ACCORDS_SEARCH_HIGHLIGHT_CLOSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
add_marked_words (GHashTable *words,
                  const char *marked)
{
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *plain = NULL;

  if (marked == NULL)
    return;
  plain = accords_search_marked_to_plain (marked, &ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      AccordsSearchRange *range = &g_array_index (ranges, AccordsSearchRange, i);
      const char *start = g_utf8_offset_to_pointer (plain, range->start);
      const char *end = g_utf8_offset_to_pointer (plain, range->end);
      const char *p = start;

      /* a phrase marks several words at once */
      while (p < end)
        {
          const char *word;

          while (p < end && !is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          word = p;
          while (p < end && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (p > word)
            g_hash_table_add (words, g_utf8_casefold (word, p - word));
        }
    }
}

GHashTable *
accords_search_matched_words (const AccordsSearchResults *results)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (results == NULL)
    return words;
  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    for (guint i = 0; results->hits[g] != NULL && i < results->hits[g]->len; i++)
      {
        AccordsSearchHit *hit = results->hits[g]->pdata[i];

        add_marked_words (words, hit->title);
        add_marked_words (words, hit->snippet);
      }
  return words;
}

char *
accords_search_highlight_markup (const char *markup,
                                 GHashTable *words)
{
  GString *out;
  const char *p = markup;

  if (markup == NULL)
    return g_strdup ("");
  if (words == NULL || g_hash_table_size (words) == 0)
    return g_strdup (markup);

  out = g_string_sized_new (strlen (markup) + 64);
  while (*p)
    {
      if (*p == '<' || *p == '&')
        {
          /* a tag or an entity goes through whole */
          const char *end = strchr (p, *p == '<' ? '>' : ';');

          end = end ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (is_word_char (g_utf8_get_char (p)))
        {
          const char *word = p;
          g_autofree char *folded = NULL;

          while (*p && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          folded = g_utf8_casefold (word, p - word);
          if (g_hash_table_contains (words, folded))
            {
              g_string_append (out, ACCORDS_SEARCH_HIGHLIGHT_OPEN);
              g_string_append_len (out, word, p - word);
              g_string_append (out, ACCORDS_SEARCH_HIGHLIGHT_CLOSE);
            }
          else
            g_string_append_len (out, word, p - word);
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

char *
accords_search_highlight_text (const char *text,
                               GHashTable *words)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return accords_search_highlight_markup (escaped, words);
}
