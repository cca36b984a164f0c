/* accords-bib-reader.c: BibTeX and RIS read back into entries */
#define G_LOG_DOMAIN "accords-bib-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-bib-reader.h"
#include "accords-error.h"

static AccordsBibEntry *
entry_new (void)
{
  AccordsBibEntry *entry = g_new0 (AccordsBibEntry, 1);

  entry->names = g_ptr_array_new_with_free_func (g_free);
  entry->values = g_ptr_array_new_with_free_func (g_free);
  return entry;
}

void
accords_bib_entry_free (AccordsBibEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->type);
  g_free (entry->key);
  g_ptr_array_unref (entry->names);
  g_ptr_array_unref (entry->values);
  g_free (entry);
}

const char *
accords_bib_entry_get (AccordsBibEntry *entry,
                       const char      *name)
{
  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < entry->names->len; i++)
    if (g_strcmp0 (entry->names->pdata[i], name) == 0)
      return entry->values->pdata[i];
  return NULL;
}

GStrv
accords_bib_entry_get_all (AccordsBibEntry *entry,
                           const char      *name)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv all;

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < entry->names->len; i++)
    if (g_strcmp0 (entry->names->pdata[i], name) == 0)
      g_strv_builder_add (builder, entry->values->pdata[i]);
  all = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return all;
}

static void
entry_add (AccordsBibEntry *entry,
           const char      *name,
           char            *value)   /* taken */
{
  g_ptr_array_add (entry->names, g_strdup (name));
  g_ptr_array_add (entry->values, value);
}

/* BibTeX */

typedef struct {
  const char *text;
  const char *p;
  GHashTable *macros;   /* lower-case name -> value */
} Bib;

static guint
line_of (Bib *bib)
{
  guint line = 1;

  for (const char *q = bib->text; q < bib->p; q++)
    if (*q == '\n')
      line++;
  return line;
}

static gboolean
bib_fail (Bib         *bib,
          GError     **error,
          const char  *what)
{
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
               /* TRANSLATORS: reading a BibTeX file: "line 12: a value is not closed" */
               _("BibTeX line %u: %s"), line_of (bib), what);
  return FALSE;
}

static void
skip_blanks (Bib *bib)
{
  while (*bib->p && g_ascii_isspace (*bib->p))
    bib->p++;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("_-:.+/'!?*<>[]`|", c) != NULL) || (c & 0x80);
}

static char *
read_name (Bib *bib)
{
  const char *start = bib->p;

  while (is_name_char (*bib->p))
    bib->p++;
  return bib->p > start ? g_ascii_strdown (start, bib->p - start) : NULL;
}

/* A braced value, without its outer braces; bib->p on the opening brace */
static char *
read_braced (Bib     *bib,
             GError **error)
{
  const char *start = ++bib->p;
  int depth = 1;

  for (; *bib->p; bib->p++)
    {
      if (*bib->p == '\\' && bib->p[1] != '\0')
        {
          bib->p++;
          continue;
        }
      if (*bib->p == '{')
        depth++;
      else if (*bib->p == '}' && --depth == 0)
        {
          char *value = g_strndup (start, bib->p - start);
          bib->p++;
          return value;
        }
    }
  bib_fail (bib, error, _("a value in braces is not closed"));
  return NULL;
}

/* A quoted value: braces may hold quotes */
static char *
read_quoted (Bib     *bib,
             GError **error)
{
  const char *start = ++bib->p;
  int depth = 0;

  for (; *bib->p; bib->p++)
    {
      if (*bib->p == '\\' && bib->p[1] != '\0')
        {
          bib->p++;
          continue;
        }
      if (*bib->p == '{')
        depth++;
      else if (*bib->p == '}')
        depth--;
      else if (*bib->p == '"' && depth == 0)
        {
          char *value = g_strndup (start, bib->p - start);
          bib->p++;
          return value;
        }
    }
  bib_fail (bib, error, _("a value in quotes is not closed"));
  return NULL;
}

/* value ( # value )* */
static char *
read_value (Bib     *bib,
            GError **error)
{
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autofree char *part = NULL;

      skip_blanks (bib);
      if (*bib->p == '{')
        part = read_braced (bib, error);
      else if (*bib->p == '"')
        part = read_quoted (bib, error);
      else if (g_ascii_isdigit (*bib->p))
        {
          const char *start = bib->p;
          while (g_ascii_isdigit (*bib->p))
            bib->p++;
          part = g_strndup (start, bib->p - start);
        }
      else
        {
          g_autofree char *macro = read_name (bib);
          const char *value;

          if (macro == NULL)
            {
              bib_fail (bib, error, _("a field has no value"));
              return (g_string_free (out, TRUE), NULL);
            }
          value = g_hash_table_lookup (bib->macros, macro);
          if (value == NULL)
            {
              g_autofree char *what = g_strdup_printf (_("“%s” is not a known abbreviation"), macro);
              bib_fail (bib, error, what);
              return (g_string_free (out, TRUE), NULL);
            }
          part = g_strdup (value);
        }
      if (part == NULL)
        return (g_string_free (out, TRUE), NULL);
      g_string_append (out, part);
      skip_blanks (bib);
      if (*bib->p != '#')
        break;
      bib->p++;
    }
  return g_string_free (out, FALSE);
}

/* name = value, … up to the closing character */
static gboolean
read_fields (Bib             *bib,
             AccordsBibEntry *entry,
             char             close,
             GError         **error)
{
  for (;;)
    {
      g_autofree char *name = NULL;
      char *value;

      skip_blanks (bib);
      if (*bib->p == close)
        {
          bib->p++;
          return TRUE;
        }
      name = read_name (bib);
      if (name == NULL)
        return bib_fail (bib, error, _("a field name was expected"));
      skip_blanks (bib);
      if (*bib->p != '=')
        return bib_fail (bib, error, _("“=” was expected after a field name"));
      bib->p++;
      value = read_value (bib, error);
      if (value == NULL)
        return FALSE;
      entry_add (entry, name, value);
      skip_blanks (bib);
      if (*bib->p == ',')
        bib->p++;
      else if (*bib->p != close)
        return bib_fail (bib, error, _("“,” was expected between fields"));
    }
}

GPtrArray *
accords_bibtex_read (const char  *text,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_bib_entry_free);
  g_autoptr(GHashTable) macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec" };
  Bib bib = { text, text, macros };

  g_return_val_if_fail (text != NULL, NULL);

  /* the month macros every style defines, as their numbers */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_hash_table_insert (macros, g_strdup (months[i]), g_strdup_printf ("%u", i + 1));

  for (;;)
    {
      g_autofree char *type = NULL;
      char close;

      /* anything before an "@" is a comment */
      while (*bib.p && *bib.p != '@')
        bib.p++;
      if (*bib.p == '\0')
        break;
      bib.p++;
      skip_blanks (&bib);
      type = read_name (&bib);
      if (type == NULL)
        {
          bib_fail (&bib, error, _("an entry type was expected after “@”"));
          return NULL;
        }
      if (g_str_equal (type, "comment"))
        {
          /* as Zotero and Biber read it: the block it opens is skipped whole */
          skip_blanks (&bib);
          if (*bib.p == '{' || *bib.p == '(')
            {
              char open = *bib.p, shut = open == '{' ? '}' : ')';
              int depth = 0;

              for (; *bib.p; bib.p++)
                if (*bib.p == open)
                  depth++;
                else if (*bib.p == shut && --depth == 0)
                  {
                    bib.p++;
                    break;
                  }
            }
          continue;
        }
      skip_blanks (&bib);
      if (*bib.p != '{' && *bib.p != '(')
        {
          bib_fail (&bib, error, _("“{” was expected after the entry type"));
          return NULL;
        }
      close = *bib.p == '{' ? '}' : ')';
      bib.p++;

      if (g_str_equal (type, "preamble"))
        {
          g_autofree char *ignored = read_value (&bib, error);

          skip_blanks (&bib);
          if (ignored == NULL)
            return NULL;
          if (*bib.p != close)
            {
              bib_fail (&bib, error, _("the preamble is not closed"));
              return NULL;
            }
          bib.p++;
        }
      else if (g_str_equal (type, "string"))
        {
          g_autoptr(AccordsBibEntry) strings = entry_new ();

          if (!read_fields (&bib, strings, close, error))
            return NULL;
          for (guint i = 0; i < strings->names->len; i++)
            g_hash_table_insert (macros, g_strdup (strings->names->pdata[i]), g_strdup (strings->values->pdata[i]));
        }
      else
        {
          g_autoptr(AccordsBibEntry) entry = entry_new ();
          const char *start;

          skip_blanks (&bib);
          start = bib.p;
          while (*bib.p && *bib.p != ',' && *bib.p != close && !g_ascii_isspace (*bib.p))
            bib.p++;
          if (bib.p == start)
            {
              bib_fail (&bib, error, _("the entry has no key"));
              return NULL;
            }
          entry->type = g_steal_pointer (&type);
          entry->key = g_strndup (start, bib.p - start);
          skip_blanks (&bib);
          if (*bib.p == ',')
            bib.p++;
          if (!read_fields (&bib, entry, close, error))
            return NULL;
          g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }
  return g_steal_pointer (&entries);
}

char *
accords_bibtex_to_plain (const char *value)
{
  static const struct { const char *command; const char *text; } commands[] = {
    { "\\textbackslash{}", "\\" },
    { "\\textasciitilde{}", "~" },
    { "\\textasciicircum{}", "^" },
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (value != NULL, NULL);

  for (const char *p = value; *p;)
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (commands) && !done; i++)
        if (g_str_has_prefix (p, commands[i].command))
          {
            g_string_append (out, commands[i].text);
            p += strlen (commands[i].command);
            done = TRUE;
          }
      if (done)
        continue;
      if (*p == '\\' && p[1] != '\0' && strchr ("&%$#_{}", p[1]) != NULL)
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (*p == '{' || *p == '}')
        p++;
      else if (*p == '~')
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

GStrv
accords_bibtex_split_names (const char *value)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *start = value;
  int depth = 0;
  GStrv names;

  g_return_val_if_fail (value != NULL, NULL);

  for (const char *p = value; ; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}')
        depth--;
      if (*p == '\0' || (depth == 0 && g_ascii_strncasecmp (p, " and ", 5) == 0))
        {
          g_autofree char *name = g_strstrip (g_strndup (start, p - start));

          if (*name)
            g_strv_builder_add (builder, name);
          if (*p == '\0')
            break;
          p += 4;
          start = p + 1;
        }
    }
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/* RIS */

static gboolean
ris_tag (const char *line,
         char        tag[3])
{
  /* "XX  - ": two letters or a letter and a digit, two blanks, a hyphen */
  if (!g_ascii_isupper (line[0]) || !(g_ascii_isupper (line[1]) || g_ascii_isdigit (line[1])))
    return FALSE;
  if (line[2] != ' ' || line[3] != ' ' || line[4] != '-')
    return FALSE;
  if (line[5] != ' ' && line[5] != '\0')
    return FALSE;
  tag[0] = line[0];
  tag[1] = line[1];
  tag[2] = '\0';
  return TRUE;
}

GPtrArray *
accords_ris_read (const char  *text,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_bib_entry_free);
  g_autoptr(AccordsBibEntry) entry = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint n = 0; lines[n]; n++)
    {
      char *line = lines[n];
      gsize len = strlen (line);
      char tag[3];
      const char *value;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      /* a byte-order mark before the first tag */
      if (n == 0 && g_str_has_prefix (line, "\xef\xbb\xbf"))
        line += 3;

      if (!ris_tag (line, tag))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (line));

          if (*stripped == '\0')
            continue;
          if (entry == NULL || entry->values->len == 0)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("RIS line %u: text outside a record"), n + 1);
              return NULL;
            }
          {
            /* a wrapped value goes on */
            char **last = (char **) &entry->values->pdata[entry->values->len - 1];
            char *joined = g_strconcat (*last, " ", stripped, NULL);

            g_free (*last);
            *last = joined;
          }
          continue;
        }

      value = line[5] == ' ' ? line + 6 : line + 5;
      if (g_str_equal (tag, "TY"))
        {
          if (entry != NULL)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("RIS line %u: a record starts before the last one ended"), n + 1);
              return NULL;
            }
          entry = entry_new ();
          entry->type = g_strstrip (g_strdup (value));
          continue;
        }
      if (entry == NULL)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("RIS line %u: “%s” before the TY that starts a record"), n + 1, tag);
          return NULL;
        }
      if (g_str_equal (tag, "ER"))
        {
          g_ptr_array_add (entries, g_steal_pointer (&entry));
          continue;
        }
      {
        char *stripped = g_strstrip (g_strdup (value));

        if (g_str_equal (tag, "ID") && entry->key == NULL)
          entry->key = g_strdup (stripped);
        entry_add (entry, tag, stripped);
      }
    }
  if (entry != NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("RIS: the last record has no ER"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
