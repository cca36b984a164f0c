/* accords-fact.c: a financial term, observation, legal challenge or concern */
#define G_LOG_DOMAIN "accords-fact"

#include "config.h"

#include "accords-util.h"

#include "accords-fact.h"

struct _AccordsFact
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *date;
  char *description;
  char *amount;
  char *currency;
  gint64 count;
  char *court;
  char *case_name;
  char *outcome;
  char *raised_by;
  char *source_url;
};

G_DEFINE_FINAL_TYPE (AccordsFact, accords_fact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_DESCRIPTION,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_COUNT,
  PROP_COURT,
  PROP_CASE_NAME,
  PROP_OUTCOME,
  PROP_RAISED_BY,
  PROP_SOURCE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_fact_finalize (GObject *object)
{
  AccordsFact *self = (AccordsFact *) object;

  g_free (self->kind);
  g_free (self->date);
  g_free (self->description);
  g_free (self->amount);
  g_free (self->currency);
  g_free (self->court);
  g_free (self->case_name);
  g_free (self->outcome);
  g_free (self->raised_by);
  g_free (self->source_url);

  G_OBJECT_CLASS (accords_fact_parent_class)->finalize (object);
}

static void
accords_fact_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsFact *self = ACCORDS_FACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_AMOUNT:
      g_value_set_string (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_COURT:
      g_value_set_string (value, self->court);
      break;

    case PROP_CASE_NAME:
      g_value_set_string (value, self->case_name);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_RAISED_BY:
      g_value_set_string (value, self->raised_by);
      break;

    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_fact_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsFact *self = ACCORDS_FACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_fact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      accords_fact_set_kind (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      accords_fact_set_date (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      accords_fact_set_description (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT:
      accords_fact_set_amount (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      accords_fact_set_currency (self, g_value_get_string (value));
      break;

    case PROP_COUNT:
      accords_fact_set_count (self, g_value_get_int64 (value));
      break;

    case PROP_COURT:
      accords_fact_set_court (self, g_value_get_string (value));
      break;

    case PROP_CASE_NAME:
      accords_fact_set_case_name (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      accords_fact_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_RAISED_BY:
      accords_fact_set_raised_by (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_URL:
      accords_fact_set_source_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_fact_class_init (AccordsFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_fact_finalize;
  object_class->get_property = accords_fact_get_property;
  object_class->set_property = accords_fact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AMOUNT] =
    g_param_spec_string ("amount", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COURT] =
    g_param_spec_string ("court", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CASE_NAME] =
    g_param_spec_string ("case-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RAISED_BY] =
    g_param_spec_string ("raised-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE_URL] =
    g_param_spec_string ("source-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_fact_init (AccordsFact *self)
{
  self->count = -1;
}

AccordsFact *
accords_fact_new (void)
{
  return g_object_new (ACCORDS_TYPE_FACT, NULL);
}

gint64
accords_fact_get_id (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), 0);

  return self->id;
}

void
accords_fact_set_id (AccordsFact *self,
                     gint64 id)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
accords_fact_get_kind (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->kind;
}

void
accords_fact_set_kind (AccordsFact *self,
                       const char *kind)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
accords_fact_get_date (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->date;
}

void
accords_fact_set_date (AccordsFact *self,
                       const char *date)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
accords_fact_get_description (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->description;
}

void
accords_fact_set_description (AccordsFact *self,
                              const char *description)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
accords_fact_get_amount (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->amount;
}

void
accords_fact_set_amount (AccordsFact *self,
                         const char *amount)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->amount, amount))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
accords_fact_get_currency (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->currency;
}

void
accords_fact_set_currency (AccordsFact *self,
                           const char *currency)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
accords_fact_get_count (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), 0);

  return self->count;
}

void
accords_fact_set_count (AccordsFact *self,
                        gint64 count)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

const char *
accords_fact_get_court (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->court;
}

void
accords_fact_set_court (AccordsFact *self,
                        const char *court)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->court, court))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURT]);
}

const char *
accords_fact_get_case_name (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->case_name;
}

void
accords_fact_set_case_name (AccordsFact *self,
                            const char *case_name)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->case_name, case_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_NAME]);
}

const char *
accords_fact_get_outcome (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->outcome;
}

void
accords_fact_set_outcome (AccordsFact *self,
                          const char *outcome)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

const char *
accords_fact_get_raised_by (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->raised_by;
}

void
accords_fact_set_raised_by (AccordsFact *self,
                            const char *raised_by)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->raised_by, raised_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAISED_BY]);
}

const char *
accords_fact_get_source_url (AccordsFact *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACT (self), NULL);

  return self->source_url;
}

void
accords_fact_set_source_url (AccordsFact *self,
                             const char *source_url)
{
  g_return_if_fail (ACCORDS_IS_FACT (self));

  if (accords_set_str (&self->source_url, source_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_URL]);
}
