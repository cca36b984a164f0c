/* accords-note.c: a research note: Markdown that cites sources and news items */
#define G_LOG_DOMAIN "accords-note"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-citation.h"
#include "accords-note.h"
#include "accords-string-slots.h"
#include "accords-util.h"

#define MAX_TITLE_CHARS 200

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_BODY,
  /* the plain string properties, in the order of their slots */
  PROP_CREATED,
  PROP_UPDATED,
  PROP_AGREEMENT,
  PROP_COUNTRY,
  N_PROPS
};

#define FIRST_STRING PROP_CREATED
#define N_STRINGS (PROP_COUNTRY - FIRST_STRING + 1)

struct _AccordsNote
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *body;
  char    *strings[N_STRINGS];
};

G_DEFINE_FINAL_TYPE (AccordsNote, accords_note, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_note_finalize (GObject *object)
{
  AccordsNote *self = (AccordsNote *) object;

  g_free (self->title);
  g_free (self->body);
  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_note_parent_class)->finalize (object);
}

static void
accords_note_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordsNote *self = ACCORDS_NOTE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, accords_note_get_display_title (self));
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      if (!accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_note_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordsNote *self = ACCORDS_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_note_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BODY:
      accords_note_set_body (self, g_value_get_string (value));
      break;

    case PROP_AGREEMENT:
      accords_note_set_agreement (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      accords_note_set_country (self, g_value_get_string (value));
      break;

    default:
      if (!accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS,
                                     prop_id, value, pspec))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_note_class_init (AccordsNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = {
    "created", "updated", "agreement", "country",
  };

  object_class->finalize = accords_note_finalize;
  object_class->get_property = accords_note_get_property;
  object_class->set_property = accords_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, NULL, G_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_note_init (AccordsNote *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
}

AccordsNote *
accords_note_new (void)
{
  return g_object_new (ACCORDS_TYPE_NOTE, NULL);
}

gint64
accords_note_get_id (AccordsNote *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE (self), 0);
  return self->id;
}

void
accords_note_set_id (AccordsNote *self,
                     gint64       id)
{
  g_return_if_fail (ACCORDS_IS_NOTE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
accords_note_get_title (AccordsNote *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE (self), NULL);
  return self->title;
}

const char *
accords_note_get_display_title (AccordsNote *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE (self), NULL);
  return accords_str_empty (self->title) ? _("Untitled note") : self->title;
}

const char *
accords_note_get_body (AccordsNote *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE (self), NULL);
  return self->body;
}

void
accords_note_set_body (AccordsNote *self,
                       const char  *body)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ACCORDS_IS_NOTE (self));

  if (!accords_set_str (&self->body, body ? body : ""))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);

  title = accords_note_title_from_body (self->body);
  if (accords_set_str (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
    }
}

ACCORDS_STRING_SLOT_ACCESSORS (AccordsNote, accords_note, created, PROP_CREATED)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsNote, accords_note, updated, PROP_UPDATED)
ACCORDS_STRING_SLOT_GETTER (AccordsNote, accords_note, agreement, PROP_AGREEMENT)
ACCORDS_STRING_SLOT_GETTER (AccordsNote, accords_note, country, PROP_COUNTRY)

/* An empty link is no link */
static void
set_link (AccordsNote *self,
          guint        prop_id,
          const char  *value)
{
  accords_string_slot_set (G_OBJECT (self), &self->strings[prop_id - FIRST_STRING],
                           accords_str_empty (value) ? NULL : value, properties[prop_id]);
}

void
accords_note_set_agreement (AccordsNote *self,
                            const char  *slug)
{
  g_return_if_fail (ACCORDS_IS_NOTE (self));
  set_link (self, PROP_AGREEMENT, slug);
}

void
accords_note_set_country (AccordsNote *self,
                          const char  *country)
{
  g_return_if_fail (ACCORDS_IS_NOTE (self));
  set_link (self, PROP_COUNTRY, country);
}

/* The first line that holds more than blanks: [start, end) */
static gboolean
first_line (const char  *body,
            const char **start,
            const char **end)
{
  const char *p = body;

  while (p && *p)
    {
      const char *eol = strchr (p, '\n');
      const char *stop = eol ? eol : p + strlen (p);

      for (const char *q = p; q < stop; q++)
        if (!g_ascii_isspace (*q))
          {
            *start = p;
            *end = stop;
            return TRUE;
          }
      p = eol ? eol + 1 : stop;
    }
  return FALSE;
}

static gboolean
is_heading_line (const char *start,
                 const char *end)
{
  const char *p = start;
  guint hashes = 0;

  while (p < end && *p == ' ' && p - start < 3)
    p++;
  while (p < end && *p == '#')
    {
      hashes++;
      p++;
    }
  return hashes >= 1 && hashes <= 6 && (p == end || *p == ' ' || *p == '\t');
}

char *
accords_note_title_from_body (const char *body)
{
  const char *start, *end;
  g_autofree char *line = NULL;
  g_autofree char *valid = NULL;
  char *p;
  glong n;

  if (!first_line (body, &start, &end))
    return g_strdup ("");

  line = g_strndup (start, end - start);
  g_strstrip (line);
  if (is_heading_line (line, line + strlen (line)))
    {
      char *close;

      p = line;
      while (*p == '#')
        p++;
      memmove (line, p, strlen (p) + 1);
      g_strstrip (line);
      /* an ATX heading may close with its own run of "#" */
      close = line + strlen (line);
      while (close > line && close[-1] == '#')
        close--;
      if (close == line || close[-1] == ' ' || close[-1] == '\t')
        {
          *close = '\0';
          g_strstrip (line);
        }
    }

  valid = accords_utf8_make_valid (line, -1);
  n = g_utf8_strlen (valid, -1);
  if (n > MAX_TITLE_CHARS)
    {
      p = g_utf8_offset_to_pointer (valid, MAX_TITLE_CHARS);
      *p = '\0';
      g_strstrip (valid);
    }
  return g_steal_pointer (&valid);
}

char *
accords_note_body_with_title (const char *body,
                              const char *title)
{
  const char *start, *end;
  g_autofree char *clean = g_strdup (title ? title : "");
  GString *out;

  /* a title is one line */
  g_strdelimit (clean, "\r\n", ' ');
  g_strstrip (clean);

  out = g_string_new (NULL);
  if (body && first_line (body, &start, &end) && is_heading_line (start, end))
    {
      g_string_append_len (out, body, start - body);
      g_string_append_printf (out, "# %s", clean);
      g_string_append (out, end);
    }
  else
    {
      g_string_append_printf (out, "# %s\n", clean);
      if (!accords_str_empty (body))
        {
          g_string_append_c (out, '\n');
          g_string_append (out, body);
        }
    }
  return g_string_free (out, FALSE);
}

guint
accords_note_count_words (const char *body)
{
  g_autoptr(GArray) marks = NULL;
  const char *p;
  guint words = 0, next_mark = 0;
  gboolean in_word = FALSE, word_has_alnum = FALSE;

  if (body == NULL)
    return 0;

  marks = accords_citations_parse (body);
  p = body;
  while (*p)
    {
      gunichar c;

      if (next_mark < marks->len)
        {
          const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, next_mark);

          if ((gsize) (p - body) == m->start)
            {
              /* a marker ends the word before it and is no word itself */
              if (in_word && word_has_alnum)
                words++;
              in_word = word_has_alnum = FALSE;
              p = body + m->end;
              next_mark++;
              continue;
            }
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (g_unichar_isspace (c))
        {
          if (in_word && word_has_alnum)
            words++;
          in_word = word_has_alnum = FALSE;
        }
      else
        {
          in_word = TRUE;
          if (g_unichar_isalnum (c))
            word_has_alnum = TRUE;
        }
      p = g_utf8_next_char (p);
    }
  if (in_word && word_has_alnum)
    words++;
  return words;
}
