/* accords-json-reader.c: JSON from files someone else wrote, checked before it is parsed */
#define G_LOG_DOMAIN "accords-json-reader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accords-error.h"
#include "accords-files.h"
#include "accords-json-reader.h"
#include "accords-util.h"

/* The check is a single pass over the text that follows only what nests
 * and what is a string, and refuses any character JSON does not have where
 * it stands, so that json-glib, which reads more than JSON (comments,
 * octal escapes, short \u escapes, all of which it may turn into NUL or
 * bytes that are not UTF-8), never reads text this pass did not follow.
 * Strings are read as json-glib reads them: double quoted, or single quoted
 * without escapes.  The grammar (a missing colon) is left to json-glib. */

typedef struct {
  gboolean  object;
  gboolean  want_key;   /* objects: the next string is a member name */
  guint     index;      /* arrays: the element being read */
  char     *key;        /* objects: the member being read */
} Level;

typedef struct {
  const char *text;
  const char *end;
  const char *where;
  GArray     *levels;
} Scan;

typedef enum {
  SCAN_OK,
  SCAN_FAILED,   /* the error is set */
} ScanResult;

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->key, g_free);
}

static Level *
top (Scan *s)
{
  return s->levels->len > 0 ? &g_array_index (s->levels, Level, s->levels->len - 1) : NULL;
}

/* "agreements[2].title", or "" at the top */
static char *
current_path (Scan *s)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < s->levels->len; i++)
    {
      Level *l = &g_array_index (s->levels, Level, i);

      if (!l->object)
        g_string_append_printf (path, "[%u]", l->index);
      else if (l->key != NULL && !l->want_key)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, l->key);
        }
    }
  return g_string_free (path, FALSE);
}

static void fail (Scan *s, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (Scan        *s,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *path = current_path (s);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  if (*path)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s: %s", s->where, path, problem);
  else
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", s->where, problem);
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

/* A string from its opening quote; *p ends after the closing one */
static ScanResult
scan_string (Scan        *s,
             const char **p,
             GError     **error)
{
  char quote = **p;
  const char *start = *p + 1;
  const char *q = start;
  Level *level = top (s);
  gboolean is_key = level != NULL && level->object && level->want_key;
  const char *what = is_key ? _("a member name") : _("the string");

  while (q < s->end && *q != quote)
    {
      if (*q == '\0')
        {
          fail (s, error, _("%s holds a NUL byte"), what);
          return SCAN_FAILED;
        }
      if (*q != '\\' || quote != '"')
        {
          q++;
          continue;
        }
      if (q + 1 >= s->end)
        break;
      /* json-glib also takes octal escapes, "\0" (a NUL) and "\351" (a
       * byte that is not UTF-8) among them: only JSON's own are let through */
      if (strchr ("\"\\/bfnrtu", q[1]) == NULL || q[1] == '\0')
        {
          if (g_ascii_isprint (q[1]))
            fail (s, error, _("%s holds \\%c, which is not a JSON escape"), what, q[1]);
          else
            fail (s, error, _("%s holds a backslash before a character no JSON escape starts with"), what);
          return SCAN_FAILED;
        }
      if (q[1] == 'u')
        {
          int cp = hex4 (q + 2, s->end);

          /* json-glib takes fewer digits too, and makes bytes of them that are not UTF-8 */
          if (cp < 0)
            {
              fail (s, error, _("%s holds \\u without four hexadecimal digits after it"), what);
              return SCAN_FAILED;
            }
          if (cp == 0)
            {
              fail (s, error, _("%s holds \\u0000, a NUL character, which no text may hold"), what);
              return SCAN_FAILED;
            }
          if (cp >= 0xdc00 && cp <= 0xdfff)
            {
              fail (s, error, _("%s holds \\u%04x, half of a UTF-16 surrogate pair without its first half"),
                    what, (guint) cp);
              return SCAN_FAILED;
            }
          if (cp >= 0xd800 && cp <= 0xdbff)
            {
              int low = (q + 7 < s->end && q[6] == '\\' && q[7] == 'u') ? hex4 (q + 8, s->end) : -1;

              if (low < 0xdc00 || low > 0xdfff)
                {
                  fail (s, error, _("%s holds \\u%04x, half of a UTF-16 surrogate pair without its second half"),
                        what, (guint) cp);
                  return SCAN_FAILED;
                }
              q += 12;
            }
          else
            q += 6;
          continue;
        }
      q += 2;
    }
  if (q >= s->end)
    {
      fail (s, error, _("%s does not end: its closing quote is missing"), what);
      return SCAN_FAILED;
    }
  if (!g_utf8_validate_len (start, q - start, NULL))
    {
      fail (s, error, _("%s is not valid UTF-8"), what);
      return SCAN_FAILED;
    }
  if (is_key)
    {
      /* for messages only: the name as written, escapes and all, cut
       * between two characters when it is long */
      const char *cut = q;

      if (cut - start > 200)
        for (cut = start + 200; cut > start && ((guchar) *cut & 0xc0) == 0x80; cut--)
          ;
      g_free (level->key);
      level->key = g_strndup (start, cut - start);
      level->want_key = FALSE;
    }
  *p = q + 1;
  return SCAN_OK;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '+' || c == '-';
}

/* A number (or a word: true, false, null) from its first character */
static ScanResult
scan_number (Scan        *s,
             const char **p,
             GError     **error)
{
  const char *start = *p;
  const char *q = start;
  g_autofree char *copy = NULL;
  gboolean real = FALSE;

  while (q < s->end && is_number_char (*q))
    q++;
  *p = q;
  if (!(g_ascii_isdigit (*start) || (*start == '-' && q - start > 1 && g_ascii_isdigit (start[1]))))
    return SCAN_OK;
  copy = g_strndup (start, q - start);
  real = strpbrk (copy, ".eE") != NULL && !g_str_has_prefix (copy, "0x") && !g_str_has_prefix (copy, "-0x");
  errno = 0;
  if (real)
    {
      double d = g_ascii_strtod (copy, NULL);

      if (!isfinite (d) || errno == ERANGE)
        {
          fail (s, error, _("the number %.40s is out of range"), copy);
          return SCAN_FAILED;
        }
    }
  else
    {
      g_ascii_strtoll (copy, NULL, 0);
      if (errno == ERANGE)
        {
          fail (s, error, _("the number %.40s is out of range"), copy);
          return SCAN_FAILED;
        }
    }
  return SCAN_OK;
}

static ScanResult
scan (Scan    *s,
      GError **error)
{
  const char *p = s->text;

  while (p < s->end)
    {
      char c = *p;
      Level *level = top (s);
      ScanResult r;

      switch (c)
        {
        case ' ': case '\t': case '\n': case '\r':
          p++;
          break;

        case '/':
        case '#':
          /* json-glib reads text between two slashes, and C comments, as
           * comments; what it skips this pass would have to skip alike, and
           * JSON has none */
          fail (s, error, _("“%c” is not JSON: it has no comments"), c);
          return SCAN_FAILED;

        case '{':
        case '[':
          {
            Level next = { c == '{', c == '{', 0, NULL };

            if (s->levels->len >= ACCORDS_JSON_MAX_DEPTH)
              {
                fail (s, error, _("arrays and objects nest deeper than %d levels"), ACCORDS_JSON_MAX_DEPTH);
                return SCAN_FAILED;
              }
            g_array_append_val (s->levels, next);
            p++;
          }
          break;

        case '}':
        case ']':
          if (level == NULL || level->object != (c == '}'))
            {
              fail (s, error, _("“%c” closes nothing that is open"), c);
              return SCAN_FAILED;
            }
          g_array_set_size (s->levels, s->levels->len - 1);
          p++;
          break;

        case ',':
          if (level == NULL)
            {
              fail (s, error, _("“,” outside an array or object"));
              return SCAN_FAILED;
            }
          if (level->object)
            {
              level->want_key = TRUE;
              g_clear_pointer (&level->key, g_free);
            }
          else
            level->index++;
          p++;
          break;

        case ':':
          if (level != NULL && level->object)
            level->want_key = FALSE;
          p++;
          break;

        case '"':
        case '\'':
          if ((r = scan_string (s, &p, error)) != SCAN_OK)
            return r;
          break;

        default:
          if (!is_number_char (c))
            {
              if (g_ascii_isprint (c))
                fail (s, error, _("“%c” is not JSON"), c);
              else
                fail (s, error, _("byte 0x%02x is not JSON"), (guint) (guchar) c);
              return SCAN_FAILED;
            }
          if ((r = scan_number (s, &p, error)) != SCAN_OK)
            return r;
          break;
        }
    }
  return SCAN_OK;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

JsonNode *
accords_json_parse_data (const char  *data,
                         gsize        length,
                         const char  *where,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (Level));
  Scan s = { data, data + length, where ? where : "JSON", levels };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  g_array_set_clear_func (levels, (GDestroyNotify) level_clear);
  if (is_blank (data, length))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   length == 0 ? _("%s: it is empty; expected JSON") : _("%s: it holds only blanks; expected JSON"),
                   s.where);
      return NULL;
    }
  if (length > G_MAXSSIZE)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("%s: it is too large"), s.where);
      return NULL;
    }
  if (scan (&s, error) == SCAN_FAILED)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      /* json-glib quotes the text it stopped at cut at a byte count, which
       * may split a character */
      g_autofree char *message = accords_utf8_make_valid (local->message, -1);

      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", s.where, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("%s: it holds no JSON value"), s.where);
      return NULL;
    }
  return json_node_ref (root);
}

JsonNode *
accords_json_parse_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *where = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, NULL);

  if ((bytes = accords_load_input (path, error)) == NULL)
    return NULL;
  where = g_str_equal (path, "-") ? accords_describe_input (path) : g_strdup (path);
  data = g_bytes_get_data (bytes, &length);
  return accords_json_parse_data (data ? data : "", length, where, error);
}
