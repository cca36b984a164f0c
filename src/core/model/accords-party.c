/* accords-party.c: a country's part in an agreement */
#define G_LOG_DOMAIN "accords-party"

#include "config.h"

#include "accords-util.h"

#include "accords-party.h"

struct _AccordsParty
{
  GObject parent_instance;

  char *country;
  char *role;
};

G_DEFINE_FINAL_TYPE (AccordsParty, accords_party, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COUNTRY,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_party_finalize (GObject *object)
{
  AccordsParty *self = (AccordsParty *) object;

  g_free (self->country);
  g_free (self->role);

  G_OBJECT_CLASS (accords_party_parent_class)->finalize (object);
}

static void
accords_party_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsParty *self = ACCORDS_PARTY (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_party_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsParty *self = ACCORDS_PARTY (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      accords_party_set_country (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      accords_party_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_party_class_init (AccordsPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_party_finalize;
  object_class->get_property = accords_party_get_property;
  object_class->set_property = accords_party_set_property;

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_party_init (AccordsParty *self)
{
}

AccordsParty *
accords_party_new (void)
{
  return g_object_new (ACCORDS_TYPE_PARTY, NULL);
}

const char *
accords_party_get_country (AccordsParty *self)
{
  g_return_val_if_fail (ACCORDS_IS_PARTY (self), NULL);

  return self->country;
}

void
accords_party_set_country (AccordsParty *self,
                           const char *country)
{
  g_return_if_fail (ACCORDS_IS_PARTY (self));

  if (accords_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
accords_party_get_role (AccordsParty *self)
{
  g_return_val_if_fail (ACCORDS_IS_PARTY (self), NULL);

  return self->role;
}

void
accords_party_set_role (AccordsParty *self,
                        const char *role)
{
  g_return_if_fail (ACCORDS_IS_PARTY (self));

  if (accords_set_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
