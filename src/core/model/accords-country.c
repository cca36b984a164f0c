/* accords-country.c: a country or the EU, with the agreements it is party to */
#define G_LOG_DOMAIN "accords-country"

#include "config.h"

#include "accords-util.h"

#include "accords-country.h"

struct _AccordsCountry
{
  GObject parent_instance;

  char *code;
  char *alpha3;
  char *numeric;
  char *name;
  guint agreement_count;
  int status;
};

G_DEFINE_FINAL_TYPE (AccordsCountry, accords_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_ALPHA3,
  PROP_NUMERIC,
  PROP_NAME,
  PROP_AGREEMENT_COUNT,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_country_finalize (GObject *object)
{
  AccordsCountry *self = (AccordsCountry *) object;

  g_free (self->code);
  g_free (self->alpha3);
  g_free (self->numeric);
  g_free (self->name);

  G_OBJECT_CLASS (accords_country_parent_class)->finalize (object);
}

static void
accords_country_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsCountry *self = ACCORDS_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_ALPHA3:
      g_value_set_string (value, self->alpha3);
      break;

    case PROP_NUMERIC:
      g_value_set_string (value, self->numeric);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AGREEMENT_COUNT:
      g_value_set_uint (value, self->agreement_count);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsCountry *self = ACCORDS_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      accords_country_set_code (self, g_value_get_string (value));
      break;

    case PROP_ALPHA3:
      accords_country_set_alpha3 (self, g_value_get_string (value));
      break;

    case PROP_NUMERIC:
      accords_country_set_numeric (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      accords_country_set_name (self, g_value_get_string (value));
      break;

    case PROP_AGREEMENT_COUNT:
      accords_country_set_agreement_count (self, g_value_get_uint (value));
      break;

    case PROP_STATUS:
      accords_country_set_status (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_class_init (AccordsCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_country_finalize;
  object_class->get_property = accords_country_get_property;
  object_class->set_property = accords_country_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALPHA3] =
    g_param_spec_string ("alpha3", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NUMERIC] =
    g_param_spec_string ("numeric", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AGREEMENT_COUNT] =
    g_param_spec_uint ("agreement-count", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, G_MININT, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_country_init (AccordsCountry *self)
{
}

AccordsCountry *
accords_country_new (void)
{
  return g_object_new (ACCORDS_TYPE_COUNTRY, NULL);
}

const char *
accords_country_get_code (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->code;
}

void
accords_country_set_code (AccordsCountry *self,
                          const char *code)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (accords_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
accords_country_get_alpha3 (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->alpha3;
}

void
accords_country_set_alpha3 (AccordsCountry *self,
                            const char *alpha3)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (accords_set_str (&self->alpha3, alpha3))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALPHA3]);
}

const char *
accords_country_get_numeric (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->numeric;
}

void
accords_country_set_numeric (AccordsCountry *self,
                             const char *numeric)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (accords_set_str (&self->numeric, numeric))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMERIC]);
}

const char *
accords_country_get_name (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->name;
}

void
accords_country_set_name (AccordsCountry *self,
                          const char *name)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (accords_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
accords_country_get_agreement_count (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), 0);

  return self->agreement_count;
}

void
accords_country_set_agreement_count (AccordsCountry *self,
                                     guint agreement_count)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (self->agreement_count == agreement_count)
    return;
  self->agreement_count = agreement_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_COUNT]);
}

int
accords_country_get_status (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), 0);

  return self->status;
}

void
accords_country_set_status (AccordsCountry *self,
                            int status)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
