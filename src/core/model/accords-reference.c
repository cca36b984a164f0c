/* accords-reference.c: what a citation points at, as a reference list shows it */
#define G_LOG_DOMAIN "accords-reference"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-reference.h"
#include "accords-string-slots.h"
#include "accords-status.h"
#include "accords-util.h"

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  /* the string properties, in the order of their slots */
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_URL,
  PROP_ACCESSED,
  PROP_MISSING,
  N_PROPS
};

#define FIRST_STRING PROP_TITLE
#define N_STRINGS (PROP_ACCESSED - FIRST_STRING + 1)
#define SLOT(self, prop) ((self)->strings[(prop) - FIRST_STRING])

struct _AccordsReference
{
  GObject              parent_instance;

  AccordsCitationKind  kind;
  gint64               id;
  char                *strings[N_STRINGS];
  gboolean             missing;
};

G_DEFINE_FINAL_TYPE (AccordsReference, accords_reference, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_reference_finalize (GObject *object)
{
  AccordsReference *self = (AccordsReference *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_reference_parent_class)->finalize (object);
}

static void
accords_reference_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsReference *self = ACCORDS_REFERENCE (object);

  if (accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, accords_citation_kind_to_string (self->kind));
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_reference_class_init (AccordsReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = {
    "title", "publisher", "published", "url", "accessed",
  };

  object_class->finalize = accords_reference_finalize;
  object_class->get_property = accords_reference_get_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "source",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, "", G_PARAM_READABLE);
  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_reference_init (AccordsReference *self)
{
}

AccordsReference *
accords_reference_new (AccordsCitationKind  kind,
                       gint64               id,
                       const char          *title,
                       const char          *publisher,
                       const char          *published,
                       const char          *url,
                       const char          *accessed)
{
  AccordsReference *self = g_object_new (ACCORDS_TYPE_REFERENCE, NULL);

  self->kind = kind;
  self->id = id;
  SLOT (self, PROP_TITLE) = g_strdup (accords_str_or_empty (title));
  SLOT (self, PROP_PUBLISHER) = g_strdup (accords_str_or_empty (publisher));
  SLOT (self, PROP_PUBLISHED) = g_strdup (accords_str_or_empty (published));
  SLOT (self, PROP_URL) = g_strdup (accords_str_or_empty (url));
  SLOT (self, PROP_ACCESSED) = g_strdup (accords_str_or_empty (accessed));
  return self;
}

AccordsReference *
accords_reference_new_missing (AccordsCitationKind kind,
                               gint64              id)
{
  AccordsReference *self = accords_reference_new (kind, id, NULL, NULL, NULL, NULL, NULL);

  self->missing = TRUE;
  return self;
}

AccordsCitationKind
accords_reference_get_kind (AccordsReference *self)
{
  g_return_val_if_fail (ACCORDS_IS_REFERENCE (self), ACCORDS_CITATION_SOURCE);
  return self->kind;
}

gint64
accords_reference_get_id (AccordsReference *self)
{
  g_return_val_if_fail (ACCORDS_IS_REFERENCE (self), 0);
  return self->id;
}

ACCORDS_STRING_SLOT_GETTER (AccordsReference, accords_reference, title, PROP_TITLE)
ACCORDS_STRING_SLOT_GETTER (AccordsReference, accords_reference, publisher, PROP_PUBLISHER)
ACCORDS_STRING_SLOT_GETTER (AccordsReference, accords_reference, published, PROP_PUBLISHED)
ACCORDS_STRING_SLOT_GETTER (AccordsReference, accords_reference, url, PROP_URL)
ACCORDS_STRING_SLOT_GETTER (AccordsReference, accords_reference, accessed, PROP_ACCESSED)

gboolean
accords_reference_get_missing (AccordsReference *self)
{
  g_return_val_if_fail (ACCORDS_IS_REFERENCE (self), FALSE);
  return self->missing;
}

char *
accords_reference_dup_label (AccordsReference *self)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (ACCORDS_IS_REFERENCE (self), NULL);

  if (self->missing)
    return self->kind == ACCORDS_CITATION_ITEM
      ? g_strdup_printf (_("News item %" G_GINT64_FORMAT " (no longer in the database)"), self->id)
      : g_strdup_printf (_("Source %" G_GINT64_FORMAT " (no longer in the database)"), self->id);
  if (!accords_str_empty (SLOT (self, PROP_TITLE)))
    return g_strdup (SLOT (self, PROP_TITLE));
  uri = g_uri_parse (SLOT (self, PROP_URL), G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && !accords_str_empty (g_uri_get_host (uri)))
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (SLOT (self, PROP_URL));
}

/* Dates are stored as YYYY[-MM[-DD]] or as ISO 8601 date-times */
static char *
format_date (const char *text)
{
  g_autofree char *day = NULL;

  if (accords_str_empty (text))
    return NULL;
  if (accords_date_key (text) != 0)
    return accords_date_format (text);
  day = g_strndup (text, 10);
  if (accords_date_key (day) != 0)
    return accords_date_format (day);
  return g_strdup (text);
}

void
accords_reference_get_parts (AccordsReference      *self,
                             AccordsReferenceParts *parts)
{
  g_autofree char *accessed = NULL;

  g_return_if_fail (ACCORDS_IS_REFERENCE (self));

  parts->label = accords_reference_dup_label (self);
  parts->publisher = accords_str_empty (SLOT (self, PROP_PUBLISHER)) ? NULL : g_strdup (SLOT (self, PROP_PUBLISHER));
  parts->date = format_date (SLOT (self, PROP_PUBLISHED));
  parts->url = accords_str_empty (SLOT (self, PROP_URL)) ? NULL : g_strdup (SLOT (self, PROP_URL));
  accessed = format_date (SLOT (self, PROP_ACCESSED));
  /* TRANSLATORS: when a source was last read, in a reference list */
  parts->accessed = accessed ? g_strdup_printf (_("accessed %s"), accessed) : NULL;
}

void
accords_reference_parts_clear (AccordsReferenceParts *parts)
{
  g_clear_pointer (&parts->label, g_free);
  g_clear_pointer (&parts->publisher, g_free);
  g_clear_pointer (&parts->date, g_free);
  g_clear_pointer (&parts->url, g_free);
  g_clear_pointer (&parts->accessed, g_free);
}

void
accords_reference_format_runs (AccordsReference  *self,
                               char             **before,
                               char             **url,
                               char             **after)
{
  AccordsReferenceParts parts = { 0 };
  GString *head = g_string_new (NULL);

  g_return_if_fail (ACCORDS_IS_REFERENCE (self));

  accords_reference_get_parts (self, &parts);
  g_string_append (head, parts.label);
  if (head->len > 0 && strchr (".?!", head->str[head->len - 1]) == NULL)
    g_string_append_c (head, '.');
  if (parts.publisher && parts.date)
    g_string_append_printf (head, " %s, %s.", parts.publisher, parts.date);
  else if (parts.publisher || parts.date)
    g_string_append_printf (head, " %s.", parts.publisher ? parts.publisher : parts.date);
  if (parts.url)
    g_string_append_c (head, ' ');

  *before = g_string_free (head, FALSE);
  *url = g_steal_pointer (&parts.url);
  /* no full stop after a bare URL, where it could be taken for part of it */
  if (parts.accessed)
    *after = g_strdup_printf (*url ? " (%s)." : " %s.", parts.accessed);
  else
    *after = g_strdup ("");
  accords_reference_parts_clear (&parts);
}

char *
accords_reference_format (AccordsReference *self)
{
  g_autofree char *before = NULL, *url = NULL, *after = NULL;

  g_return_val_if_fail (ACCORDS_IS_REFERENCE (self), NULL);

  accords_reference_format_runs (self, &before, &url, &after);
  return g_strconcat (before, url ? url : "", after, NULL);
}
