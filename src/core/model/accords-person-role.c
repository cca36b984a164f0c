/* accords-person-role.c: a person's dated role in an agreement */
#define G_LOG_DOMAIN "accords-person-role"

#include "config.h"

#include "accords-util.h"

#include "accords-person-role.h"

struct _AccordsPersonRole
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *role;
  char *country;
  char *start;
  char *end;
  char *source_url;
};

G_DEFINE_FINAL_TYPE (AccordsPersonRole, accords_person_role, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_COUNTRY,
  PROP_START,
  PROP_END,
  PROP_SOURCE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_person_role_finalize (GObject *object)
{
  AccordsPersonRole *self = (AccordsPersonRole *) object;

  g_free (self->name);
  g_free (self->role);
  g_free (self->country);
  g_free (self->start);
  g_free (self->end);
  g_free (self->source_url);

  G_OBJECT_CLASS (accords_person_role_parent_class)->finalize (object);
}

static void
accords_person_role_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsPersonRole *self = ACCORDS_PERSON_ROLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_END:
      g_value_set_string (value, self->end);
      break;

    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_person_role_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsPersonRole *self = ACCORDS_PERSON_ROLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_person_role_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      accords_person_role_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      accords_person_role_set_role (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      accords_person_role_set_country (self, g_value_get_string (value));
      break;

    case PROP_START:
      accords_person_role_set_start (self, g_value_get_string (value));
      break;

    case PROP_END:
      accords_person_role_set_end (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_URL:
      accords_person_role_set_source_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_person_role_class_init (AccordsPersonRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_person_role_finalize;
  object_class->get_property = accords_person_role_get_property;
  object_class->set_property = accords_person_role_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_string ("end", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE_URL] =
    g_param_spec_string ("source-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

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

const char *
accords_person_role_get_name (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->name;
}

void
accords_person_role_set_name (AccordsPersonRole *self,
                              const char *name)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
accords_person_role_get_role (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->role;
}

void
accords_person_role_set_role (AccordsPersonRole *self,
                              const char *role)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
accords_person_role_get_country (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->country;
}

void
accords_person_role_set_country (AccordsPersonRole *self,
                                 const char *country)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
accords_person_role_get_start (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->start;
}

void
accords_person_role_set_start (AccordsPersonRole *self,
                               const char *start)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

const char *
accords_person_role_get_end (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->end;
}

void
accords_person_role_set_end (AccordsPersonRole *self,
                             const char *end)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
accords_person_role_get_source_url (AccordsPersonRole *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON_ROLE (self), NULL);

  return self->source_url;
}

void
accords_person_role_set_source_url (AccordsPersonRole *self,
                                    const char *source_url)
{
  g_return_if_fail (ACCORDS_IS_PERSON_ROLE (self));

  if (accords_set_str (&self->source_url, source_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_URL]);
}
