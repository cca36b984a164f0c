/* accords-source.c: a document or news item that supports a fact */
#define G_LOG_DOMAIN "accords-source"

#include "config.h"

#include "accords-source.h"
#include "accords-string-slots.h"

enum {
  PROP_0,
  PROP_ID,
  /* the string properties, in the order of their slots */
  PROP_URL,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_ACCESSED,
  PROP_SOURCE_TYPE,
  PROP_ITEM_ID,
  N_PROPS
};

#define FIRST_STRING PROP_URL
#define N_STRINGS (PROP_SOURCE_TYPE - FIRST_STRING + 1)

struct _AccordsSource
{
  GObject parent_instance;

  gint64 id;
  char *strings[N_STRINGS];
  gint64 item_id;
};

G_DEFINE_FINAL_TYPE (AccordsSource, accords_source, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_source_finalize (GObject *object)
{
  AccordsSource *self = (AccordsSource *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_source_parent_class)->finalize (object);
}

static void
accords_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_ITEM_ID)
    g_value_set_int64 (value, self->item_id);
  else if (!accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  if (prop_id == PROP_ID)
    accords_source_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_ITEM_ID)
    accords_source_set_item_id (self, g_value_get_int64 (value));
  else if (!accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS,
                                      prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_source_class_init (AccordsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = {
    "url", "title", "publisher", "published", "accessed", "source-type",
  };

  object_class->finalize = accords_source_finalize;
  object_class->get_property = accords_source_get_property;
  object_class->set_property = accords_source_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, NULL, G_PARAM_READWRITE);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_source_init (AccordsSource *self)
{
}

AccordsSource *
accords_source_new (void)
{
  return g_object_new (ACCORDS_TYPE_SOURCE, NULL);
}

gint64
accords_source_get_id (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), 0);

  return self->id;
}

void
accords_source_set_id (AccordsSource *self,
                       gint64 id)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, url, PROP_URL)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, title, PROP_TITLE)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, publisher, PROP_PUBLISHER)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, published, PROP_PUBLISHED)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, accessed, PROP_ACCESSED)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsSource, accords_source, source_type, PROP_SOURCE_TYPE)

gint64
accords_source_get_item_id (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), 0);

  return self->item_id;
}

void
accords_source_set_item_id (AccordsSource *self,
                            gint64 item_id)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}
