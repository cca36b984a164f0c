/* accords-map-model.c: what the map shows of each country: its status on a date, under the filters */
#define G_LOG_DOMAIN "accords-map-model"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-event.h"
#include "accords-map-model.h"
#include "accords-party.h"
#include "accords-util.h"

struct _AccordsMapModel
{
  GObject             parent_instance;

  AccordsCountryList *countries;
  guint               status_filter;
};

G_DEFINE_FINAL_TYPE (AccordsMapModel, accords_map_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_STATUS_FILTER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
accords_map_legend_entry_get_label (guint entry)
{
  g_return_val_if_fail (entry < ACCORDS_MAP_N_LEGEND_ENTRIES, "");

  if (entry == ACCORDS_MAP_LEGEND_UNSTATED)
    /* TRANSLATORS: the map's legend: countries party to agreements none of which has a status yet */
    return _("No status yet");
  return accords_status_group_get_label (entry);
}

static void
countries_changed_cb (AccordsMapModel *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
accords_map_model_dispose (GObject *object)
{
  AccordsMapModel *self = (AccordsMapModel *) object;

  if (self->countries)
    g_signal_handlers_disconnect_by_func (self->countries, countries_changed_cb, self);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (accords_map_model_parent_class)->dispose (object);
}

static void
accords_map_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsMapModel *self = ACCORDS_MAP_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, accords_map_model_get_date (self));
      break;

    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordsMapModel *self = ACCORDS_MAP_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATE:
      accords_map_model_set_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS_FILTER:
      accords_map_model_set_status_filter (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_model_class_init (AccordsMapModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_map_model_dispose;
  object_class->get_property = accords_map_model_get_property;
  object_class->set_property = accords_map_model_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, 0, ACCORDS_MAP_LEGEND_UNSTATED, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything the map shows may have changed: statuses, filters, the date */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
accords_map_model_init (AccordsMapModel *self)
{
}

AccordsMapModel *
accords_map_model_new (AccordsCountryList *countries)
{
  AccordsMapModel *self;

  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (countries), NULL);

  self = g_object_new (ACCORDS_TYPE_MAP_MODEL, NULL);
  self->countries = g_object_ref (countries);
  g_signal_connect_swapped (countries, "items-changed", G_CALLBACK (countries_changed_cb), self);
  return self;
}

AccordsCountryList *
accords_map_model_get_countries (AccordsMapModel *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);
  return self->countries;
}

void
accords_map_model_set_date (AccordsMapModel *self,
                            const char      *date)
{
  g_return_if_fail (ACCORDS_IS_MAP_MODEL (self));

  if (accords_str_empty (date))
    date = NULL;
  if (g_strcmp0 (date, accords_country_list_get_date (self->countries)) == 0)
    return;
  /* the list recounts and says so: "changed" follows from it */
  accords_country_list_set_date (self->countries, date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
accords_map_model_get_date (AccordsMapModel *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);
  return accords_country_list_get_date (self->countries);
}

void
accords_map_model_set_status_filter (AccordsMapModel *self,
                                     guint            entry)
{
  g_return_if_fail (ACCORDS_IS_MAP_MODEL (self));
  g_return_if_fail (entry < ACCORDS_MAP_N_LEGEND_ENTRIES);

  if (self->status_filter == entry)
    return;
  self->status_filter = entry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
accords_map_model_get_status_filter (AccordsMapModel *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), ACCORDS_STATUS_GROUP_NONE);
  return self->status_filter;
}

guint
accords_map_model_get_legend_entry (AccordsMapModel *self,
                                    const char      *code)
{
  AccordsCountry *country;
  guint entry;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), ACCORDS_STATUS_GROUP_NONE);

  country = accords_country_list_lookup (self->countries, code);
  if (country == NULL || accords_country_get_agreement_count (country) == 0)
    return ACCORDS_STATUS_GROUP_NONE;
  entry = accords_country_get_status (country) == ACCORDS_STATUS_NONE
            ? ACCORDS_MAP_LEGEND_UNSTATED
            : accords_status_get_group (accords_country_get_status (country));
  if (self->status_filter != ACCORDS_STATUS_GROUP_NONE && entry != self->status_filter)
    return ACCORDS_STATUS_GROUP_NONE;
  return entry;
}

AccordsStatus
accords_map_model_get_status (AccordsMapModel *self,
                              const char      *code)
{
  AccordsCountry *country;
  AccordsStatus status;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), ACCORDS_STATUS_NONE);

  country = accords_country_list_lookup (self->countries, code);
  if (country == NULL || accords_country_get_agreement_count (country) == 0)
    return ACCORDS_STATUS_NONE;
  status = accords_country_get_status (country);
  if (self->status_filter != ACCORDS_STATUS_GROUP_NONE &&
      accords_status_get_group (status) != self->status_filter)
    return ACCORDS_STATUS_NONE;
  return status;
}

guint
accords_map_model_get_agreement_count (AccordsMapModel *self,
                                       const char      *code)
{
  AccordsCountry *country;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), 0);

  country = accords_country_list_lookup (self->countries, code);
  return country ? accords_country_get_agreement_count (country) : 0;
}

AccordsStatus
accords_map_model_get_agreement_status (AccordsMapModel  *self,
                                        AccordsAgreement *agreement)
{
  AccordsStatus status;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), ACCORDS_STATUS_NONE);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), ACCORDS_STATUS_NONE);

  if (!accords_country_list_count_agreement (self->countries, agreement, &status))
    return ACCORDS_STATUS_NONE;
  return status;
}

AccordsAgreement *
accords_map_model_find_agreement (AccordsMapModel *self,
                                  const char      *slug)
{
  GListModel *agreements;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);

  if (slug == NULL)
    return NULL;
  agreements = accords_country_list_get_agreements (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);

      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return a;   /* the list keeps it alive */
    }
  return NULL;
}

GPtrArray *
accords_map_model_dup_agreements (AccordsMapModel *self,
                                  const char      *code)
{
  GPtrArray *result;
  GListModel *agreements;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (code == NULL)
    return result;
  agreements = accords_country_list_get_agreements (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);

      if (accords_agreement_has_party (a, code) &&
          accords_country_list_count_agreement (self->countries, a, NULL))
        g_ptr_array_add (result, g_steal_pointer (&a));
    }
  return result;
}

GArray *
accords_map_model_dup_links (AccordsMapModel *self,
                             const char      *slug)
{
  GArray *links;
  AccordsAgreement *agreement;
  GListModel *parties;
  guint n;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);

  links = g_array_new (FALSE, TRUE, sizeof (AccordsMapLink));
  agreement = accords_map_model_find_agreement (self, slug);
  if (agreement == NULL || !accords_country_list_count_agreement (self->countries, agreement, NULL))
    return links;

  parties = G_LIST_MODEL (accords_agreement_get_parties (agreement));
  n = g_list_model_get_n_items (parties);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsParty) from = g_list_model_get_item (parties, i);

      if (g_strcmp0 (accords_party_get_role (from), "sending") != 0)
        continue;
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(AccordsParty) to = g_list_model_get_item (parties, k);
          AccordsMapLink link = { { 0 } };

          if (g_strcmp0 (accords_party_get_role (to), "receiving") != 0 ||
              g_strcmp0 (accords_party_get_country (from), accords_party_get_country (to)) == 0)
            continue;
          g_strlcpy (link.from, accords_str_or_empty (accords_party_get_country (from)), sizeof link.from);
          g_strlcpy (link.to, accords_str_or_empty (accords_party_get_country (to)), sizeof link.to);
          g_array_append_val (links, link);
        }
    }
  return links;
}

GStrv
accords_map_model_dup_coloured_codes (AccordsMapModel *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *countries;

  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (self), NULL);

  countries = G_LIST_MODEL (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AccordsCountry) c = g_list_model_get_item (countries, i);
      const char *code = accords_country_get_code (c);

      if (accords_map_model_get_legend_entry (self, code) != ACCORDS_STATUS_GROUP_NONE)
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

void
accords_map_model_get_date_range (AccordsMapModel *self,
                                  guint32         *first,
                                  guint32         *last)
{
  g_autofree char *today_text = accords_date_today ();
  guint32 today = accords_date_key (today_text);
  guint32 lo = 0, hi = 0;
  GListModel *agreements;

  g_return_if_fail (ACCORDS_IS_MAP_MODEL (self));

  agreements = accords_country_list_get_agreements (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));

      for (guint k = 0; k < g_list_model_get_n_items (events); k++)
        {
          g_autoptr(AccordsEvent) e = g_list_model_get_item (events, k);
          guint32 key = accords_date_key (accords_event_get_date (e));

          if (key == 0)
            continue;
          lo = lo == 0 ? key : MIN (lo, key);
          hi = MAX (hi, key);
        }
    }
  if (first)
    *first = lo ? MIN (lo, today) : today;
  if (last)
    *last = MAX (hi, today);
}
