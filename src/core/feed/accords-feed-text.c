/* accords-feed-text.c: the text a feed's fields hold, made clean */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <string.h>

#include "accords-feed-parser-private.h"

#define MAX_NAME_TYPED 40

/* Valid UTF-8, C1 controls read as windows-1252 (as feeds mean them),
 * other control characters dropped. */
char *
accords_feed_clean_text (char *text)
{
  static const gunichar cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };
  gboolean needs = FALSE, all_ascii = TRUE;
  GString *out;
  const guchar *s;

  /* One pass finds both invalid UTF-8 and characters to replace */
  for (s = (const guchar *) text; *s; s++)
    {
      if (*s >= 0x20 && *s < 0x80)
        continue;
      if (*s < 0x20)
        {
          if (*s != '\t' && *s != '\n' && *s != '\r')
            needs = TRUE;
          continue;
        }
      all_ascii = FALSE;
      break;
    }
  if (!all_ascii && !g_utf8_validate ((const char *) s, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);
      g_free (text);
      text = valid;
    }
  if (!all_ascii && !needs)
    for (const guchar *q = (const guchar *) text; *q; q++)
      if ((*q < 0x20 && *q != '\t' && *q != '\n' && *q != '\r') || (*q == 0xC2 && q[1] >= 0x80 && q[1] <= 0x9F))
        {
          needs = TRUE;
          break;
        }
  if (!needs)
    return text;

  out = g_string_sized_new (strlen (text));
  for (s = (const guchar *) text; *s; s++)
    {
      if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
        continue;
      if (*s == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        {
          g_string_append_unichar (out, cp1252[s[1] - 0x80]);
          s++;
          continue;
        }
      g_string_append_c (out, *s);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* White space folded to single spaces, trimmed */
char *
accords_feed_fold_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *s = text; *s; s++)
    {
      if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

char *
accords_feed_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

void
accords_feed_set_field (char       **field,
                        char        *value)
{
  if (value == NULL)
    return;
  if (*value == '\0')
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
}

void
accords_feed_set_field_once (char **field,
                             char  *value)
{
  if (value == NULL)
    return;
  if (*value == '\0' || (*field != NULL && **field != '\0'))
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
}

/* "me@example.com (Example editor)" and "Example editor <me@example.com>"
 * both name Example editor. */
char *
accords_feed_author_name (const char *text)
{
  g_autofree char *t = accords_feed_fold_space (text);
  const char *open, *close, *lt;

  open = strchr (t, '(');
  close = strrchr (t, ')');
  if (open != NULL && close != NULL && close > open && strchr (t, '@') != NULL)
    {
      /* "email (Name)" or "Name (email)" */
      if (strchr (t, '@') < open)
        return g_strstrip (g_strndup (open + 1, close - open - 1));
      if (memchr (open, '@', close - open) != NULL && open > t)
        return g_strstrip (g_strndup (t, open - t));
    }
  lt = strchr (t, '<');
  if (lt != NULL && lt > t && strchr (lt, '@') != NULL && strchr (lt, '>') != NULL)
    return g_strstrip (g_strndup (t, lt - t));
  return g_steal_pointer (&t);
}

void
accords_feed_add_unique (GPtrArray *array,
                         char      *value,
                         guint      max)
{
  if (value == NULL || *value == '\0' || array->len >= max)
    {
      g_free (value);
      return;
    }
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (array->pdata[i], value))
      {
        g_free (value);
        return;
      }
  g_ptr_array_add (array, value);
}

/* Whether a name is a slip of the keyboard for another: another case, or
 * two letters changed, swapped, missing or extra */
gboolean
accords_feed_is_misspelling (const char *typed,
                             const char *meant)
{
  gsize n = strlen (typed), m = strlen (meant);
  guint row0[MAX_NAME_TYPED + 2], row1[MAX_NAME_TYPED + 2], row2[MAX_NAME_TYPED + 2];
  guint *before = row0, *prev = row1, *cur = row2;

  if (g_ascii_strcasecmp (typed, meant) == 0)
    return TRUE;
  if (n < 3 || m < 3 || n > MAX_NAME_TYPED || m > MAX_NAME_TYPED || (n > m ? n - m : m - n) > 2)
    return FALSE;
  /* optimal string alignment distance */
  for (gsize j = 0; j <= m; j++)
    prev[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      cur[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint cost = typed[i - 1] == meant[j - 1] ? 0 : 1;
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && typed[i - 1] == meant[j - 2] && typed[i - 2] == meant[j - 1])
            best = MIN (best, before[j - 2] + 1);
          cur[j] = best;
        }
      {
        guint *t = before;
        before = prev;
        prev = cur;
        cur = t;
      }
    }
  return prev[m] <= 2;
}

/* An attribute's value written between double quotes: '"' and '<' escaped,
 * and an "&" that starts no reference; references stay as they are */
void
accords_feed_escape_attribute (GString    *out,
                               const char *value,
                               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (value[i] == '"')
        g_string_append (out, "&quot;");
      else if (value[i] == '<')
        g_string_append (out, "&lt;");
      else if (value[i] == '&' && !(i + 1 < len && (value[i + 1] == '#' || g_ascii_isalpha (value[i + 1]) ||
                                                    value[i + 1] == '_' || (guchar) value[i + 1] >= 0x80)))
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, value[i]);
    }
}
