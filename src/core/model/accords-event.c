/* accords-event.c: a dated event in an agreement's history */
#define G_LOG_DOMAIN "accords-event"

#include "config.h"

#include "accords-util.h"

#include "accords-event.h"

struct _AccordsEvent
{
  GObject parent_instance;

  gint64 id;
  char *date;
  char *precision;
  char *event_type;
  char *label;
  char *actor;
  char *description;
  char *confidence;
  char **source_urls;
};

G_DEFINE_FINAL_TYPE (AccordsEvent, accords_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_PRECISION,
  PROP_EVENT_TYPE,
  PROP_LABEL,
  PROP_ACTOR,
  PROP_DESCRIPTION,
  PROP_CONFIDENCE,
  PROP_SOURCE_URLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_event_finalize (GObject *object)
{
  AccordsEvent *self = (AccordsEvent *) object;

  g_free (self->date);
  g_free (self->precision);
  g_free (self->event_type);
  g_free (self->label);
  g_free (self->actor);
  g_free (self->description);
  g_free (self->confidence);
  g_strfreev (self->source_urls);

  G_OBJECT_CLASS (accords_event_parent_class)->finalize (object);
}

static void
accords_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsEvent *self = ACCORDS_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_PRECISION:
      g_value_set_string (value, self->precision);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CONFIDENCE:
      g_value_set_string (value, self->confidence);
      break;

    case PROP_SOURCE_URLS:
      g_value_set_boxed (value, self->source_urls);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsEvent *self = ACCORDS_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      accords_event_set_date (self, g_value_get_string (value));
      break;

    case PROP_PRECISION:
      accords_event_set_precision (self, g_value_get_string (value));
      break;

    case PROP_EVENT_TYPE:
      accords_event_set_event_type (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      accords_event_set_label (self, g_value_get_string (value));
      break;

    case PROP_ACTOR:
      accords_event_set_actor (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      accords_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_CONFIDENCE:
      accords_event_set_confidence (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_URLS:
      accords_event_set_source_urls (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_event_class_init (AccordsEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_event_finalize;
  object_class->get_property = accords_event_get_property;
  object_class->set_property = accords_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRECISION] =
    g_param_spec_string ("precision", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT_TYPE] =
    g_param_spec_string ("event-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFIDENCE] =
    g_param_spec_string ("confidence", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE_URLS] =
    g_param_spec_boxed ("source-urls", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_event_init (AccordsEvent *self)
{
}

AccordsEvent *
accords_event_new (void)
{
  return g_object_new (ACCORDS_TYPE_EVENT, NULL);
}

gint64
accords_event_get_id (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), 0);

  return self->id;
}

void
accords_event_set_id (AccordsEvent *self,
                      gint64 id)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
accords_event_get_date (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->date;
}

void
accords_event_set_date (AccordsEvent *self,
                        const char *date)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
accords_event_get_precision (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->precision;
}

void
accords_event_set_precision (AccordsEvent *self,
                             const char *precision)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->precision, precision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRECISION]);
}

const char *
accords_event_get_event_type (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->event_type;
}

void
accords_event_set_event_type (AccordsEvent *self,
                              const char *event_type)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->event_type, event_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_TYPE]);
}

const char *
accords_event_get_label (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->label;
}

void
accords_event_set_label (AccordsEvent *self,
                         const char *label)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
accords_event_get_actor (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->actor;
}

void
accords_event_set_actor (AccordsEvent *self,
                         const char *actor)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->actor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

const char *
accords_event_get_description (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->description;
}

void
accords_event_set_description (AccordsEvent *self,
                               const char *description)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
accords_event_get_confidence (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return self->confidence;
}

void
accords_event_set_confidence (AccordsEvent *self,
                              const char *confidence)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (accords_set_str (&self->confidence, confidence))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

const char * const *
accords_event_get_source_urls (AccordsEvent *self)
{
  g_return_val_if_fail (ACCORDS_IS_EVENT (self), NULL);

  return (const char * const *) self->source_urls;
}

void
accords_event_set_source_urls (AccordsEvent *self,
                               const char * const *source_urls)
{
  g_return_if_fail (ACCORDS_IS_EVENT (self));

  if (self->source_urls == (char **) source_urls)
    return;
  g_strfreev (self->source_urls);
  self->source_urls = g_strdupv ((char **) source_urls);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_URLS]);
}
