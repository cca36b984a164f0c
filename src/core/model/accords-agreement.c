/* accords-agreement.c: an agreement between states, with its parties, events and sources */
#define G_LOG_DOMAIN "accords-agreement"

#include "config.h"

#include "accords-date.h"
#include "accords-util.h"

#include "accords-agreement.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-status.h"

struct _AccordsAgreement
{
  GObject parent_instance;

  gint64 id;
  char *slug;
  char *title;
  char *short_title;
  char **aliases;
  char **types;
  char *instrument_form;
  char *legal_status;
  char *operational_status;
  char *status_override;
  char *display_status;
  char *status_as_of;
  char *summary;
  char *scope;
  char *cap;
  char **related;
  char *created;
  char *updated;

  GListStore *parties;
  GListStore *events;
  GListStore *sources;
  GListStore *flags;
  GListStore *people;
  GListStore *facts;
};

G_DEFINE_FINAL_TYPE (AccordsAgreement, accords_agreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SLUG,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_ALIASES,
  PROP_TYPES,
  PROP_INSTRUMENT_FORM,
  PROP_LEGAL_STATUS,
  PROP_OPERATIONAL_STATUS,
  PROP_STATUS_OVERRIDE,
  PROP_DISPLAY_STATUS,
  PROP_STATUS_AS_OF,
  PROP_SUMMARY,
  PROP_SCOPE,
  PROP_CAP,
  PROP_RELATED,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_agreement_finalize (GObject *object)
{
  AccordsAgreement *self = (AccordsAgreement *) object;

  g_free (self->slug);
  g_free (self->title);
  g_free (self->short_title);
  g_strfreev (self->aliases);
  g_strfreev (self->types);
  g_free (self->instrument_form);
  g_free (self->legal_status);
  g_free (self->operational_status);
  g_free (self->status_override);
  g_free (self->display_status);
  g_free (self->status_as_of);
  g_free (self->summary);
  g_free (self->scope);
  g_free (self->cap);
  g_strfreev (self->related);
  g_free (self->created);
  g_free (self->updated);
  g_clear_object (&self->parties);
  g_clear_object (&self->events);
  g_clear_object (&self->sources);
  g_clear_object (&self->flags);
  g_clear_object (&self->people);
  g_clear_object (&self->facts);

  G_OBJECT_CLASS (accords_agreement_parent_class)->finalize (object);
}

static void
accords_agreement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsAgreement *self = ACCORDS_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHORT_TITLE:
      g_value_set_string (value, self->short_title);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;

    case PROP_TYPES:
      g_value_set_boxed (value, self->types);
      break;

    case PROP_INSTRUMENT_FORM:
      g_value_set_string (value, self->instrument_form);
      break;

    case PROP_LEGAL_STATUS:
      g_value_set_string (value, self->legal_status);
      break;

    case PROP_OPERATIONAL_STATUS:
      g_value_set_string (value, self->operational_status);
      break;

    case PROP_STATUS_OVERRIDE:
      g_value_set_string (value, self->status_override);
      break;

    case PROP_DISPLAY_STATUS:
      g_value_set_string (value, self->display_status);
      break;

    case PROP_STATUS_AS_OF:
      g_value_set_string (value, self->status_as_of);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;

    case PROP_CAP:
      g_value_set_string (value, self->cap);
      break;

    case PROP_RELATED:
      g_value_set_boxed (value, self->related);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_agreement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordsAgreement *self = ACCORDS_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_agreement_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SLUG:
      accords_agreement_set_slug (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      accords_agreement_set_title (self, g_value_get_string (value));
      break;

    case PROP_SHORT_TITLE:
      accords_agreement_set_short_title (self, g_value_get_string (value));
      break;

    case PROP_ALIASES:
      accords_agreement_set_aliases (self, g_value_get_boxed (value));
      break;

    case PROP_TYPES:
      accords_agreement_set_types (self, g_value_get_boxed (value));
      break;

    case PROP_INSTRUMENT_FORM:
      accords_agreement_set_instrument_form (self, g_value_get_string (value));
      break;

    case PROP_LEGAL_STATUS:
      accords_agreement_set_legal_status (self, g_value_get_string (value));
      break;

    case PROP_OPERATIONAL_STATUS:
      accords_agreement_set_operational_status (self, g_value_get_string (value));
      break;

    case PROP_STATUS_OVERRIDE:
      accords_agreement_set_status_override (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_STATUS:
      accords_agreement_set_display_status (self, g_value_get_string (value));
      break;

    case PROP_STATUS_AS_OF:
      accords_agreement_set_status_as_of (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      accords_agreement_set_summary (self, g_value_get_string (value));
      break;

    case PROP_SCOPE:
      accords_agreement_set_scope (self, g_value_get_string (value));
      break;

    case PROP_CAP:
      accords_agreement_set_cap (self, g_value_get_string (value));
      break;

    case PROP_RELATED:
      accords_agreement_set_related (self, g_value_get_boxed (value));
      break;

    case PROP_CREATED:
      accords_agreement_set_created (self, g_value_get_string (value));
      break;

    case PROP_UPDATED:
      accords_agreement_set_updated (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_agreement_class_init (AccordsAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_agreement_finalize;
  object_class->get_property = accords_agreement_get_property;
  object_class->set_property = accords_agreement_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHORT_TITLE] =
    g_param_spec_string ("short-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TYPES] =
    g_param_spec_boxed ("types", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INSTRUMENT_FORM] =
    g_param_spec_string ("instrument-form", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LEGAL_STATUS] =
    g_param_spec_string ("legal-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPERATIONAL_STATUS] =
    g_param_spec_string ("operational-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS_OVERRIDE] =
    g_param_spec_string ("status-override", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_STATUS] =
    g_param_spec_string ("display-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS_AS_OF] =
    g_param_spec_string ("status-as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAP] =
    g_param_spec_string ("cap", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RELATED] =
    g_param_spec_boxed ("related", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_agreement_init (AccordsAgreement *self)
{
  self->parties = g_list_store_new (ACCORDS_TYPE_PARTY);
  self->events = g_list_store_new (ACCORDS_TYPE_EVENT);
  self->sources = g_list_store_new (ACCORDS_TYPE_SOURCE);
  self->flags = g_list_store_new (ACCORDS_TYPE_FLAG);
  self->people = g_list_store_new (ACCORDS_TYPE_PERSON_ROLE);
  self->facts = g_list_store_new (ACCORDS_TYPE_FACT);
}

AccordsAgreement *
accords_agreement_new (void)
{
  return g_object_new (ACCORDS_TYPE_AGREEMENT, NULL);
}

gpointer
accords_part_copy (gpointer part)
{
  GObject *source = part;
  GObject *copy;
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_return_val_if_fail (G_IS_OBJECT (part), NULL);

  copy = g_object_new (G_OBJECT_TYPE (source), NULL);
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n);
  for (guint i = 0; i < n; i++)
    {
      GValue value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (source, specs[i]->name, &value);
      g_object_set_property (copy, specs[i]->name, &value);
      g_value_unset (&value);
    }
  return copy;
}

static void
copy_parts (GListStore *from,
            GListStore *to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(GObject) copy = accords_part_copy (part);

      g_list_store_append (to, copy);
    }
}

AccordsAgreement *
accords_agreement_copy (AccordsAgreement *self)
{
  AccordsAgreement *copy;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  copy = accords_part_copy (self);
  copy_parts (self->parties, copy->parties);
  copy_parts (self->events, copy->events);
  copy_parts (self->sources, copy->sources);
  copy_parts (self->flags, copy->flags);
  copy_parts (self->people, copy->people);
  copy_parts (self->facts, copy->facts);
  return copy;
}

gint64
accords_agreement_get_id (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), 0);

  return self->id;
}

void
accords_agreement_set_id (AccordsAgreement *self,
                          gint64 id)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
accords_agreement_get_slug (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->slug;
}

void
accords_agreement_set_slug (AccordsAgreement *self,
                            const char *slug)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->slug, slug))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

const char *
accords_agreement_get_title (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->title;
}

void
accords_agreement_set_title (AccordsAgreement *self,
                             const char *title)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
accords_agreement_get_short_title (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->short_title;
}

void
accords_agreement_set_short_title (AccordsAgreement *self,
                                   const char *short_title)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->short_title, short_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_TITLE]);
}

const char * const *
accords_agreement_get_aliases (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return (const char * const *) self->aliases;
}

void
accords_agreement_set_aliases (AccordsAgreement *self,
                               const char * const *aliases)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (self->aliases == (char **) aliases)
    return;
  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

const char * const *
accords_agreement_get_types (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return (const char * const *) self->types;
}

void
accords_agreement_set_types (AccordsAgreement *self,
                             const char * const *types)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (self->types == (char **) types)
    return;
  g_strfreev (self->types);
  self->types = g_strdupv ((char **) types);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPES]);
}

const char *
accords_agreement_get_instrument_form (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->instrument_form;
}

void
accords_agreement_set_instrument_form (AccordsAgreement *self,
                                       const char *instrument_form)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->instrument_form, instrument_form))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTRUMENT_FORM]);
}

const char *
accords_agreement_get_legal_status (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->legal_status;
}

void
accords_agreement_set_legal_status (AccordsAgreement *self,
                                    const char *legal_status)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->legal_status, legal_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_STATUS]);
}

const char *
accords_agreement_get_operational_status (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->operational_status;
}

void
accords_agreement_set_operational_status (AccordsAgreement *self,
                                          const char *operational_status)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->operational_status, operational_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATIONAL_STATUS]);
}

const char *
accords_agreement_get_status_override (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->status_override;
}

void
accords_agreement_set_status_override (AccordsAgreement *self,
                                       const char *status_override)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->status_override, status_override))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_OVERRIDE]);
}

const char *
accords_agreement_get_display_status (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->display_status;
}

void
accords_agreement_set_display_status (AccordsAgreement *self,
                                      const char *display_status)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->display_status, display_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_STATUS]);
}

const char *
accords_agreement_get_status_as_of (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->status_as_of;
}

void
accords_agreement_set_status_as_of (AccordsAgreement *self,
                                    const char *status_as_of)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->status_as_of, status_as_of))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_AS_OF]);
}

const char *
accords_agreement_get_summary (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->summary;
}

void
accords_agreement_set_summary (AccordsAgreement *self,
                               const char *summary)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
accords_agreement_get_scope (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->scope;
}

void
accords_agreement_set_scope (AccordsAgreement *self,
                             const char *scope)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->scope, scope))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

const char *
accords_agreement_get_cap (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->cap;
}

void
accords_agreement_set_cap (AccordsAgreement *self,
                           const char *cap)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->cap, cap))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAP]);
}

const char * const *
accords_agreement_get_related (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return (const char * const *) self->related;
}

void
accords_agreement_set_related (AccordsAgreement *self,
                               const char * const *related)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (self->related == (char **) related)
    return;
  g_strfreev (self->related);
  self->related = g_strdupv ((char **) related);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED]);
}

const char *
accords_agreement_get_created (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->created;
}

void
accords_agreement_set_created (AccordsAgreement *self,
                               const char *created)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
accords_agreement_get_updated (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  return self->updated;
}

void
accords_agreement_set_updated (AccordsAgreement *self,
                               const char *updated)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT (self));

  if (accords_set_str (&self->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

GListStore *
accords_agreement_get_parties (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->parties;
}

GListStore *
accords_agreement_get_events (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->events;
}

GListStore *
accords_agreement_get_sources (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->sources;
}

GListStore *
accords_agreement_get_flags (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->flags;
}

GListStore *
accords_agreement_get_people (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->people;
}

GListStore *
accords_agreement_get_facts (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);
  return self->facts;
}

AccordsStatus
accords_agreement_derive_status (AccordsAgreement *self,
                                 const char       *on_date)
{
  guint n;
  g_autofree AccordsDatedEvent *dated = NULL;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), ACCORDS_STATUS_NONE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  dated = g_new0 (AccordsDatedEvent, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      dated[i].date_key = accords_date_key (accords_event_get_date (event));
      /* the type string lives as long as the event, which the store keeps */
      dated[i].type = accords_event_get_event_type (event);
    }

  return accords_status_derive (dated, n, on_date ? accords_date_key (on_date) : 0);
}

const char *
accords_agreement_get_override_date (AccordsAgreement *self)
{
  const char *latest = NULL;
  guint n;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), NULL);

  if (accords_str_empty (self->status_override))
    return NULL;
  if (accords_date_key (self->status_as_of) != 0)
    return self->status_as_of;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      const char *date = accords_event_get_date (event);

      /* the store keeps the event, and so its date */
      if (accords_date_key (date) != 0 && (latest == NULL || accords_date_key (date) >= accords_date_key (latest)))
        latest = date;
    }
  return latest;
}

static int
compare_date_keys (gconstpointer a,
                   gconstpointer b)
{
  guint32 ka = accords_date_key (*(const char * const *) a);
  guint32 kb = accords_date_key (*(const char * const *) b);

  return ka < kb ? -1 : ka > kb;
}

gboolean
accords_agreement_get_life (AccordsAgreement  *self,
                            const char       **first,
                            const char       **status_since,
                            gboolean          *ended)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  const char *override_date;
  AccordsStatus current;
  guint since;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), FALSE);

  *first = *status_since = NULL;
  *ended = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->events)); i++)
    {
      g_autoptr(AccordsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      /* the store keeps the event, and so its date */
      if (accords_date_key (accords_event_get_date (event)) != 0)
        g_ptr_array_add (steps, (gpointer) accords_event_get_date (event));
    }
  g_ptr_array_sort (steps, compare_date_keys);
  if (steps->len > 0)
    *first = g_ptr_array_index (steps, 0);
  if (accords_date_key ((override_date = accords_agreement_get_override_date (self))) != 0)
    {
      g_ptr_array_add (steps, (gpointer) override_date);
      g_ptr_array_sort (steps, compare_date_keys);
    }
  if (steps->len == 0)
    return FALSE;

  current = accords_agreement_get_status_on (self, g_ptr_array_index (steps, steps->len - 1));
  if (current == ACCORDS_STATUS_NONE)
    return TRUE;
  since = steps->len - 1;
  while (since > 0 && accords_agreement_get_status_on (self, g_ptr_array_index (steps, since - 1)) == current)
    since--;
  *status_since = g_ptr_array_index (steps, since);
  *ended = !accords_status_is_live (current);
  return TRUE;
}

AccordsStatus
accords_agreement_get_status_on (AccordsAgreement *self,
                                 const char       *on_date)
{
  g_autofree AccordsDatedEvent *dated = NULL;
  g_autofree char *today = NULL;
  AccordsStatus override;
  const char *override_date;
  guint n;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), ACCORDS_STATUS_NONE);

  if (on_date == NULL)
    on_date = today = accords_date_today ();
  override = accords_status_from_string (self->status_override);
  override_date = accords_agreement_get_override_date (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  dated = g_new0 (AccordsDatedEvent, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      dated[i].date_key = accords_date_key (accords_event_get_date (event));
      dated[i].type = accords_event_get_event_type (event);
    }
  if (override != ACCORDS_STATUS_NONE)
    {
      /* after the events of its day, which the stable sort keeps before it;
       * with no date anywhere, it has always held */
      dated[n].date_key = override_date ? accords_date_key (override_date) : 1;
      dated[n].sets = override;
      n++;
    }
  return accords_status_derive (dated, n, accords_date_key (on_date));
}

AccordsStatus
accords_agreement_get_status (AccordsAgreement *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), ACCORDS_STATUS_NONE);

  if (!accords_str_empty (self->status_override))
    return accords_status_from_string (self->status_override);
  return accords_status_from_string (self->display_status);
}

gboolean
accords_agreement_is_legal_framework (AccordsAgreement *self)
{
  g_auto(GStrv) forms = NULL;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (self), FALSE);

  if (accords_str_empty (self->instrument_form))
    return FALSE;
  /* forms of instrument may be joined with ';' */
  forms = g_strsplit (self->instrument_form, ";", -1);
  for (guint i = 0; forms[i] != NULL; i++)
    if (g_str_equal (g_strstrip (forms[i]), ACCORDS_LEGAL_FRAMEWORK))
      return TRUE;
  return FALSE;
}

gboolean
accords_agreement_has_party (AccordsAgreement *self,
                             const char       *country)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->parties));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsParty) party = g_list_model_get_item (G_LIST_MODEL (self->parties), i);
      if (g_strcmp0 (accords_party_get_country (party), country) == 0)
        return TRUE;
    }
  return FALSE;
}
