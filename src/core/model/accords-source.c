/* accords-source.c: a document or news item that supports a fact */
#define G_LOG_DOMAIN "accords-source"

#include "config.h"

#include "accords-util.h"

#include "accords-source.h"

struct _AccordsSource
{
  GObject parent_instance;

  gint64 id;
  char *url;
  char *title;
  char *publisher;
  char *published;
  char *accessed;
  char *source_type;
  gint64 item_id;
};

G_DEFINE_FINAL_TYPE (AccordsSource, accords_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_ACCESSED,
  PROP_SOURCE_TYPE,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_source_finalize (GObject *object)
{
  AccordsSource *self = (AccordsSource *) object;

  g_free (self->url);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->published);
  g_free (self->accessed);
  g_free (self->source_type);

  G_OBJECT_CLASS (accords_source_parent_class)->finalize (object);
}

static void
accords_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_ACCESSED:
      g_value_set_string (value, self->accessed);
      break;

    case PROP_SOURCE_TYPE:
      g_value_set_string (value, self->source_type);
      break;

    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_source_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_source_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_URL:
      accords_source_set_url (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      accords_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      accords_source_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      accords_source_set_published (self, g_value_get_string (value));
      break;

    case PROP_ACCESSED:
      accords_source_set_accessed (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_TYPE:
      accords_source_set_source_type (self, g_value_get_string (value));
      break;

    case PROP_ITEM_ID:
      accords_source_set_item_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_source_class_init (AccordsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_source_finalize;
  object_class->get_property = accords_source_get_property;
  object_class->set_property = accords_source_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACCESSED] =
    g_param_spec_string ("accessed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE_TYPE] =
    g_param_spec_string ("source-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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

const char *
accords_source_get_url (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->url;
}

void
accords_source_set_url (AccordsSource *self,
                        const char *url)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
accords_source_get_title (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->title;
}

void
accords_source_set_title (AccordsSource *self,
                          const char *title)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
accords_source_get_publisher (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->publisher;
}

void
accords_source_set_publisher (AccordsSource *self,
                              const char *publisher)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const char *
accords_source_get_published (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->published;
}

void
accords_source_set_published (AccordsSource *self,
                              const char *published)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
accords_source_get_accessed (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->accessed;
}

void
accords_source_set_accessed (AccordsSource *self,
                             const char *accessed)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->accessed, accessed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSED]);
}

const char *
accords_source_get_source_type (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->source_type;
}

void
accords_source_set_source_type (AccordsSource *self,
                                const char *source_type)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (accords_set_str (&self->source_type, source_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_TYPE]);
}

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
