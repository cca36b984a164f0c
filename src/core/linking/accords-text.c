/* accords-text.c: the shape of the words around a match */
#include "config.h"

#include <string.h>

#include "accords-text.h"
#include "accords-trie.h"

/* The word starting at pos: its end, and whether all its letters are
 * capitals (with at least two of them) */
gsize
accords_text_word_at (const char *text,
                      gsize       len,
                      gsize       pos,
                      gboolean   *all_caps,
                      guint      *n_letters)
{
  guint letters = 0;
  gboolean caps = TRUE;

  while (pos < len)
    {
      guint clen;
      gunichar c = accords_text_get_char (text, len, pos, &clen);

      if (!accords_text_is_word_char (c))
        break;
      if (g_unichar_isalpha (c))
        {
          letters++;
          if (!g_unichar_isupper (c))
            caps = FALSE;
        }
      pos += clen;
    }
  if (all_caps)
    *all_caps = caps && letters >= 2;
  if (n_letters)
    *n_letters = letters;
  return pos;
}

gboolean
accords_text_is_upper (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

gunichar
accords_text_char_before (const char *text,
                          gsize       pos,
                          gsize      *char_start)
{
  const char *prev = g_utf8_find_prev_char (text, text + pos);
  guint clen;

  if (prev == NULL)
    {
      *char_start = 0;
      return 0;
    }
  *char_start = prev - text;
  return accords_text_get_char (text, pos, *char_start, &clen);
}

/* "LET US IN": in a line of capitals, a name that is also a word is the word */
gboolean
accords_text_in_capitals (const char *text,
                          gsize       len,
                          gsize       start,
                          gsize       end)
{
  gsize p = start, q = end, before, prev_end;
  gboolean caps = FALSE;
  guint clen;

  while (p > 0 && !accords_text_is_word_char (accords_text_char_before (text, p, &before)))
    p = before;
  if (p == 0)
    return FALSE;
  prev_end = p;
  while (p > 0 && accords_text_is_word_char (accords_text_char_before (text, p, &before)))
    p = before;
  accords_text_word_at (text, prev_end, p, &caps, NULL);
  if (!caps || (prev_end - p == 3 && strncmp (text + p, "THE", 3) == 0))
    return FALSE;

  while (q < len && !accords_text_is_word_char (accords_text_get_char (text, len, q, &clen)))
    q += clen;
  if (q >= len)
    return FALSE;
  accords_text_word_at (text, len, q, &caps, NULL);
  return caps;
}

/* Most longer words of the line start with a capital, as headlines do */
gboolean
accords_text_line_is_title_case (const char *text,
                                 gsize       len,
                                 gsize       skip_start,
                                 gsize       skip_end,
                                 gsize       window)
{
  gsize from = skip_start > window ? skip_start - window : 0;
  gsize to = MIN (len, skip_end + window);
  guint n_words = 0, n_capitalized = 0;

  for (gsize p = skip_start; p > from; p--)
    if (text[p - 1] == '\n')
      {
        from = p;
        break;
      }
  for (gsize p = skip_end; p < to; p++)
    if (text[p] == '\n')
      {
        to = p;
        break;
      }

  for (gsize p = from; p < to;)
    {
      guint clen, n_letters;
      gunichar c = accords_text_get_char (text, len, p, &clen);
      gsize end;

      if (!accords_text_is_word_char (c))
        {
          p += clen;
          continue;
        }
      end = accords_text_word_at (text, to, p, NULL, &n_letters);
      if ((p < skip_start || p >= skip_end) && n_letters >= 4)
        {
          n_words++;
          if (accords_text_is_upper (c))
            n_capitalized++;
        }
      p = end;
    }
  return n_words >= 3 && n_capitalized * 10 >= n_words * 7;
}
