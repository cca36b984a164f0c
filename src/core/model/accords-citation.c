/* accords-citation.c: citation markers in note bodies, and their numbering */
#define G_LOG_DOMAIN "accords-citation"

#include "config.h"

#include <string.h>

#include "accords-citation.h"

static const char * const kind_names[] = {
  [ACCORDS_CITATION_SOURCE] = "source",
  [ACCORDS_CITATION_ITEM] = "item",
};

const char *
accords_citation_kind_to_string (AccordsCitationKind kind)
{
  g_return_val_if_fail (kind <= ACCORDS_CITATION_ITEM, NULL);
  return kind_names[kind];
}

gboolean
accords_citation_kind_from_string (const char          *name,
                                   AccordsCitationKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

char *
accords_citation_marker (AccordsCitationKind kind,
                         gint64              id)
{
  return g_strdup_printf ("[@%s:%" G_GINT64_FORMAT "]", accords_citation_kind_to_string (kind), id);
}

/* A marker starting at p ("[@"), or FALSE */
static gboolean
parse_marker (const char          *p,
              AccordsCitationKind *kind,
              gint64              *id,
              gsize               *length)
{
  const char *q = p + 2;
  guint64 value = 0;
  guint digits = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      gsize n = strlen (kind_names[i]);

      if (strncmp (q, kind_names[i], n) == 0 && q[n] == ':')
        {
          *kind = i;
          q += n + 1;
          found = TRUE;
          break;
        }
    }
  if (!found)
    return FALSE;

  while (g_ascii_isdigit (*q))
    {
      if (value > (guint64) (G_MAXINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (guint64) (*q - '0');
      digits++;
      q++;
    }
  if (digits == 0 || value == 0 || *q != ']')
    return FALSE;

  *id = (gint64) value;
  *length = (gsize) (q + 1 - p);
  return TRUE;
}

/* A fence line: up to three spaces, then three or more ` or ~ */
static gboolean
fence_at (const char *line,
          char       *fence_char,
          guint      *fence_len)
{
  const char *p = line;
  guint n = 0;

  while (*p == ' ' && p - line < 3)
    p++;
  if (*p != '`' && *p != '~')
    return FALSE;
  while (p[n] == *p)
    n++;
  if (n < 3)
    return FALSE;
  *fence_char = *p;
  *fence_len = n;
  return TRUE;
}

static gboolean
blank_line_at (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\r')
    p++;
  return *p == '\n' || *p == '\0';
}

/* Where a code span opened by n backticks at p ends, or NULL when it is not
 * closed before the paragraph ends */
static const char *
code_span_end (const char *p,
               guint       n)
{
  const char *q = p + n;

  while (*q)
    {
      if (*q == '\n' && blank_line_at (q + 1))
        return NULL;
      if (*q == '`')
        {
          guint run = 0;

          while (q[run] == '`')
            run++;
          if (run == n)
            return q + run;
          q += run;
          continue;
        }
      q++;
    }
  return NULL;
}

GArray *
accords_citations_parse (const char *text)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (AccordsCitationMark));
  const char *p = text;
  gboolean line_start = TRUE;
  gboolean in_fence = FALSE;
  char fence_char = 0;
  guint fence_len = 0;

  if (text == NULL)
    return marks;

  while (*p)
    {
      if (line_start)
        {
          char c;
          guint n;
          gboolean fence;

          line_start = FALSE;
          fence = fence_at (p, &c, &n);
          if (fence)
            {
              if (!in_fence)
                {
                  in_fence = TRUE;
                  fence_char = c;
                  fence_len = n;
                }
              else if (c == fence_char && n >= fence_len)
                in_fence = FALSE;
            }
          /* a fence line, and every line inside a fence, holds no citation */
          if (fence || in_fence)
            {
              p = strchr (p, '\n');
              if (p == NULL)
                break;
              p++;
              line_start = TRUE;
              continue;
            }
        }

      if (*p == '\n')
        {
          line_start = TRUE;
          p++;
        }
      else if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
        p += 2;
      else if (*p == '`')
        {
          guint n = 0;
          const char *end;

          while (p[n] == '`')
            n++;
          end = code_span_end (p, n);
          p = end != NULL ? end : p + n;
        }
      else if (p[0] == '[' && p[1] == '@')
        {
          AccordsCitationMark mark;
          gsize length;

          if (parse_marker (p, &mark.kind, &mark.id, &length))
            {
              mark.start = (gsize) (p - text);
              mark.end = mark.start + length;
              g_array_append_val (marks, mark);
              p += length;
            }
          else
            p++;
        }
      else
        p++;
    }
  return marks;
}

char *
accords_citations_replace (const char                 *text,
                           AccordsCitationReplaceFunc  func,
                           gpointer                    user_data)
{
  g_autoptr(GArray) marks = accords_citations_parse (text);
  GString *out = g_string_new (NULL);
  gsize done = 0;

  if (text == NULL)
    return g_string_free (out, FALSE);

  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      g_autofree char *replacement = func (m, user_data);

      g_string_append_len (out, text + done, m->start - done);
      g_string_append (out, replacement ? replacement : "");
      done = m->end;
    }
  g_string_append (out, text + done);
  return g_string_free (out, FALSE);
}

typedef struct {
  AccordsCitationKind kind;
  gint64              id;
} Work;

struct _AccordsCitationNumbering
{
  GArray     *works;    /* of Work, in number order */
  GHashTable *numbers;  /* "kind:id" -> number */
};

AccordsCitationNumbering *
accords_citation_numbering_new (void)
{
  AccordsCitationNumbering *self = g_new0 (AccordsCitationNumbering, 1);

  self->works = g_array_new (FALSE, FALSE, sizeof (Work));
  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
accords_citation_numbering_free (AccordsCitationNumbering *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->works);
  g_hash_table_unref (self->numbers);
  g_free (self);
}

static char *
work_key (AccordsCitationKind kind,
          gint64              id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) kind, id);
}

guint
accords_citation_numbering_add (AccordsCitationNumbering *self,
                                AccordsCitationKind       kind,
                                gint64                    id)
{
  g_autofree char *key = work_key (kind, id);
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, key));
  Work work = { kind, id };

  if (number != 0)
    return number;
  g_array_append_val (self->works, work);
  number = self->works->len;
  g_hash_table_insert (self->numbers, g_steal_pointer (&key), GUINT_TO_POINTER (number));
  return number;
}

void
accords_citation_numbering_add_text (AccordsCitationNumbering *self,
                                     const char               *text)
{
  g_autoptr(GArray) marks = accords_citations_parse (text);

  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      accords_citation_numbering_add (self, m->kind, m->id);
    }
}

guint
accords_citation_numbering_lookup (AccordsCitationNumbering *self,
                                   AccordsCitationKind       kind,
                                   gint64                    id)
{
  g_autofree char *key = work_key (kind, id);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, key));
}

guint
accords_citation_numbering_get_n (AccordsCitationNumbering *self)
{
  return self->works->len;
}

void
accords_citation_numbering_get (AccordsCitationNumbering *self,
                                guint                     index,
                                AccordsCitationKind      *kind,
                                gint64                   *id)
{
  const Work *work;

  g_return_if_fail (index < self->works->len);
  work = &g_array_index (self->works, Work, index);
  *kind = work->kind;
  *id = work->id;
}
