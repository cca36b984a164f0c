/* accords-country.c: a country or the EU, with the agreements it is party to */
#define G_LOG_DOMAIN "accords-country"

#include "config.h"

#include "accords-country.h"
#include "accords-string-slots.h"

enum {
  PROP_0,
  /* the string properties, in the order of their slots */
  PROP_CODE,
  PROP_ALPHA3,
  PROP_NUMERIC,
  PROP_NAME,
  PROP_AGREEMENT_COUNT,
  PROP_STATUS,
  N_PROPS
};

#define FIRST_STRING PROP_CODE
#define N_STRINGS (PROP_NAME - FIRST_STRING + 1)

struct _AccordsCountry
{
  GObject parent_instance;

  char *strings[N_STRINGS];
  guint agreement_count;
  int status;
};

G_DEFINE_FINAL_TYPE (AccordsCountry, accords_country, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_country_finalize (GObject *object)
{
  AccordsCountry *self = (AccordsCountry *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_country_parent_class)->finalize (object);
}

static void
accords_country_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordsCountry *self = ACCORDS_COUNTRY (object);

  if (prop_id == PROP_AGREEMENT_COUNT)
    g_value_set_uint (value, self->agreement_count);
  else if (prop_id == PROP_STATUS)
    g_value_set_int (value, self->status);
  else if (!accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_country_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AccordsCountry *self = ACCORDS_COUNTRY (object);

  if (prop_id == PROP_AGREEMENT_COUNT)
    accords_country_set_agreement_count (self, g_value_get_uint (value));
  else if (prop_id == PROP_STATUS)
    accords_country_set_status (self, g_value_get_int (value));
  else if (!accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS,
                                      prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_country_class_init (AccordsCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = { "code", "alpha3", "numeric", "name" };

  object_class->finalize = accords_country_finalize;
  object_class->get_property = accords_country_get_property;
  object_class->set_property = accords_country_set_property;

  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, NULL, G_PARAM_READWRITE);
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

ACCORDS_STRING_SLOT_ACCESSORS (AccordsCountry, accords_country, code, PROP_CODE)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsCountry, accords_country, alpha3, PROP_ALPHA3)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsCountry, accords_country, numeric, PROP_NUMERIC)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsCountry, accords_country, name, PROP_NAME)

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
