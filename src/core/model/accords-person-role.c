/* accords-person-role.c: a person's dated role in an agreement */
#define G_LOG_DOMAIN "accords-person-role"

#include "config.h"

#include "accords-person-role.h"
#include "accords-string-slots.h"

enum {
  PROP_0,
  PROP_ID,
  /* the string properties, in the order of their slots */
  PROP_NAME,
  PROP_ROLE,
  PROP_COUNTRY,
  PROP_START,
  PROP_END,
  PROP_SOURCE_URL,
  N_PROPS
};

#define FIRST_STRING PROP_NAME
#define N_STRINGS (PROP_SOURCE_URL - FIRST_STRING + 1)

struct _AccordsPersonRole
{
  GObject parent_instance;

  gint64 id;
  char *strings[N_STRINGS];
};

G_DEFINE_FINAL_TYPE (AccordsPersonRole, accords_person_role, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_person_role_finalize (GObject *object)
{
  AccordsPersonRole *self = (AccordsPersonRole *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_person_role_parent_class)->finalize (object);
}

static void
accords_person_role_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsPersonRole *self = ACCORDS_PERSON_ROLE (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (!accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_person_role_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsPersonRole *self = ACCORDS_PERSON_ROLE (object);

  if (prop_id == PROP_ID)
    accords_person_role_set_id (self, g_value_get_int64 (value));
  else if (!accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS,
                                      prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_person_role_class_init (AccordsPersonRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = {
    "name", "role", "country", "start", "end", "source-url",
  };

  object_class->finalize = accords_person_role_finalize;
  object_class->get_property = accords_person_role_get_property;
  object_class->set_property = accords_person_role_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, NULL, G_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_person_role_init (AccordsPersonRole *self)
{
}

AccordsPersonRole *
accords_person_role_new (void)
{
  return g_object_new (ACCORDS_TYPE_PERSON_ROLE, NULL);
}

gint64
accords_person_role_get_id (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), 0);

  return self->id;
}

void
accords_person_role_set_id (AccordsPersonRole *self,
                            gint64 id)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, name, PROP_NAME)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, role, PROP_ROLE)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, country, PROP_COUNTRY)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, start, PROP_START)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, end, PROP_END)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsPersonRole, accords_person_role, source_url, PROP_SOURCE_URL)
