/* accords-flag.c: a fact that still needs verifying */
#define G_LOG_DOMAIN "accords-flag"

#include "config.h"

#include "accords-util.h"

#include "accords-flag.h"

struct _AccordsFlag
{
  GObject parent_instance;

  gint64 id;
  char *text;
  char *resolved;
  char *resolution;
};

G_DEFINE_FINAL_TYPE (AccordsFlag, accords_flag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_RESOLVED,
  PROP_RESOLUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_flag_finalize (GObject *object)
{
  AccordsFlag *self = (AccordsFlag *) object;

  g_free (self->text);
  g_free (self->resolved);
  g_free (self->resolution);

  G_OBJECT_CLASS (accords_flag_parent_class)->finalize (object);
}

static void
accords_flag_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsFlag *self = ACCORDS_FLAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_RESOLVED:
      g_value_set_string (value, self->resolved);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_flag_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsFlag *self = ACCORDS_FLAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_flag_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      accords_flag_set_text (self, g_value_get_string (value));
      break;

    case PROP_RESOLVED:
      accords_flag_set_resolved (self, g_value_get_string (value));
      break;

    case PROP_RESOLUTION:
      accords_flag_set_resolution (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_flag_class_init (AccordsFlagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_flag_finalize;
  object_class->get_property = accords_flag_get_property;
  object_class->set_property = accords_flag_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLVED] =
    g_param_spec_string ("resolved", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_flag_init (AccordsFlag *self)
{
}

AccordsFlag *
accords_flag_new (void)
{
  return g_object_new (ACCORDS_TYPE_FLAG, NULL);
}

gint64
accords_flag_get_id (AccordsFlag *self)
{
  g_return_val_if_fail (ACCORDS_IS_FLAG (self), 0);

  return self->id;
}

void
accords_flag_set_id (AccordsFlag *self,
                     gint64 id)
{
  g_return_if_fail (ACCORDS_IS_FLAG (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
accords_flag_get_text (AccordsFlag *self)
{
  g_return_val_if_fail (ACCORDS_IS_FLAG (self), NULL);

  return self->text;
}

void
accords_flag_set_text (AccordsFlag *self,
                       const char *text)
{
  g_return_if_fail (ACCORDS_IS_FLAG (self));

  if (accords_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
accords_flag_get_resolved (AccordsFlag *self)
{
  g_return_val_if_fail (ACCORDS_IS_FLAG (self), NULL);

  return self->resolved;
}

void
accords_flag_set_resolved (AccordsFlag *self,
                           const char *resolved)
{
  g_return_if_fail (ACCORDS_IS_FLAG (self));

  if (accords_set_str (&self->resolved, resolved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

const char *
accords_flag_get_resolution (AccordsFlag *self)
{
  g_return_val_if_fail (ACCORDS_IS_FLAG (self), NULL);

  return self->resolution;
}

void
accords_flag_set_resolution (AccordsFlag *self,
                             const char *resolution)
{
  g_return_if_fail (ACCORDS_IS_FLAG (self));

  if (accords_set_str (&self->resolution, resolution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}
