/* accords-search-markup.c: search results' marked matches, as markup or plain text */
#define G_LOG_DOMAIN "accords-search-markup"

#include "config.h"

#include <string.h>

#include "accords-search-markup.h"
#include "accords-util.h"

typedef enum {
  OUT_PLAIN,
  OUT_MARKUP,
} OutKind;

/* Walks marked once for all three: text goes to out (escaped for markup),
 * matches are framed by open and close, and counted into ranges. */
static char *
convert (const char  *marked,
         OutKind      kind,
         const char  *open,
         const char  *close,
         GArray     **ranges)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean inside = FALSE;
  guint n_chars = 0;
  AccordsSearchRange range = { 0, 0 };

  if (ranges != NULL)
    *ranges = g_array_new (FALSE, FALSE, sizeof (AccordsSearchRange));
  if (marked == NULL)
    return g_strdup ("");
  valid = accords_utf8_make_valid (marked, -1);
  out = g_string_sized_new (strlen (valid) + 16);

  for (const char *s = valid; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (c == (gunichar) ACCORDS_SEARCH_MARK_START[0])
        {
          if (inside)
            continue;
          inside = TRUE;
          range.start = n_chars;
          g_string_append (out, open);
          continue;
        }
      if (c == (gunichar) ACCORDS_SEARCH_MARK_END[0])
        {
          if (!inside)
            continue;
          inside = FALSE;
          range.end = n_chars;
          if (ranges != NULL && range.end > range.start)
            g_array_append_val (*ranges, range);
          g_string_append (out, close);
          continue;
        }
      /* control characters mean nothing in a title, and in markup or on a
       * terminal they would (or would not parse) */
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0))
        continue;
      n_chars++;
      if (kind == OUT_MARKUP)
        switch (c)
          {
          case '<': g_string_append (out, "&lt;"); continue;
          case '>': g_string_append (out, "&gt;"); continue;
          case '&': g_string_append (out, "&amp;"); continue;
          case '"': g_string_append (out, "&quot;"); continue;
          case '\'': g_string_append (out, "&#39;"); continue;
          default: break;
          }
      g_string_append_unichar (out, c);
    }
  if (inside)
    {
      range.end = n_chars;
      if (ranges != NULL && range.end > range.start)
        g_array_append_val (*ranges, range);
      g_string_append (out, close);
    }
  return g_string_free (out, FALSE);
}

char *
accords_search_marked_to_plain (const char  *marked,
                                GArray     **ranges)
{
  return convert (marked, OUT_PLAIN, "", "", ranges);
}

char *
accords_search_marked_to_markup (const char *marked,
                                 const char *open_tag,
                                 const char *close_tag)
{
  return convert (marked, OUT_MARKUP, open_tag ? open_tag : "<b>", close_tag ? close_tag : "</b>", NULL);
}

char *
accords_search_marked_replace (const char *marked,
                               const char *open,
                               const char *close)
{
  g_return_val_if_fail (open != NULL && close != NULL, NULL);
  return convert (marked, OUT_PLAIN, open, close, NULL);
}
