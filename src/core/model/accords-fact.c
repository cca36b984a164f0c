/* accords-fact.c: a financial term, observation, legal challenge or concern */
#define G_LOG_DOMAIN "accords-fact"

#include "config.h"

#include "accords-fact.h"
#include "accords-string-slots.h"

enum {
  PROP_0,
  PROP_ID,
  /* the string properties, in the order of their slots.  count stands
   * among them where merges list its conflicts; its slot stays empty. */
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

#define FIRST_STRING PROP_KIND
#define N_STRINGS (PROP_SOURCE_URL - FIRST_STRING + 1)

struct _AccordsFact
{
  GObject parent_instance;

  gint64 id;
  char *strings[N_STRINGS];
  gint64 count;
};

G_DEFINE_FINAL_TYPE (AccordsFact, accords_fact, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_fact_finalize (GObject *object)
{
  AccordsFact *self = (AccordsFact *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);

  G_OBJECT_CLASS (accords_fact_parent_class)->finalize (object);
}

static void
accords_fact_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordsFact *self = ACCORDS_FACT (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_COUNT)
    g_value_set_int64 (value, self->count);
  else if (!accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_fact_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordsFact *self = ACCORDS_FACT (object);

  if (prop_id == PROP_ID)
    accords_fact_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_COUNT)
    accords_fact_set_count (self, g_value_get_int64 (value));
  else if (!accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS,
                                      prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accords_fact_class_init (AccordsFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const before_count[] = { "kind", "date", "description", "amount", "currency" };
  static const char * const after_count[] = { "court", "case-name", "outcome", "raised-by", "source-url" };

  object_class->finalize = accords_fact_finalize;
  object_class->get_property = accords_fact_get_property;
  object_class->set_property = accords_fact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, FIRST_STRING, before_count, G_N_ELEMENTS (before_count),
                                NULL, G_PARAM_READWRITE);
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  accords_string_slots_install (properties, PROP_COURT, after_count, G_N_ELEMENTS (after_count),
                                NULL, G_PARAM_READWRITE);

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

ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, kind, PROP_KIND)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, date, PROP_DATE)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, description, PROP_DESCRIPTION)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, amount, PROP_AMOUNT)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, currency, PROP_CURRENCY)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, court, PROP_COURT)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, case_name, PROP_CASE_NAME)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, outcome, PROP_OUTCOME)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, raised_by, PROP_RAISED_BY)
ACCORDS_STRING_SLOT_ACCESSORS (AccordsFact, accords_fact, source_url, PROP_SOURCE_URL)

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
