/* accords-country-list.c: every country, with its agreements' count and strongest status, as a GListModel */
#define G_LOG_DOMAIN "accords-country-list"

#include "config.h"

#include <string.h>

#include "accords-agreement.h"
#include "accords-country-list.h"
#include "accords-party.h"
#include "accords-store-agreements.h"
#include "accords-util.h"

struct _AccordsCountryList
{
  GObject         parent_instance;

  AccordsContext *context;
  GPtrArray      *countries;   /* AccordsCountry, in display-name order */
  GHashTable     *by_code;     /* code -> AccordsCountry */
  GListStore     *agreements;
  char           *type_filter;
  char           *date;
  gulong          changed_id;
  GError         *error;       /* why the last load failed */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsCountryList, accords_country_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return ACCORDS_TYPE_COUNTRY;
}

static guint
get_n_items (GListModel *model)
{
  return ACCORDS_COUNTRY_LIST (model)->countries->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AccordsCountryList *self = ACCORDS_COUNTRY_LIST (model);

  if (position >= self->countries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->countries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
has_type (AccordsAgreement *agreement,
          const char       *type)
{
  const char * const *types = accords_agreement_get_types (agreement);

  /* legal frameworks are filtered as a kind of their own */
  if (g_str_equal (type, ACCORDS_LEGAL_FRAMEWORK_FILTER))
    return accords_agreement_is_legal_framework (agreement);
  return types != NULL && g_strv_contains (types, type);
}

/* Recounts every country in place: rows keep their identity, so selections
 * and bindings survive a refresh. */
static void
recount (AccordsCountryList *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (self->agreements), i);
      GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      AccordsStatus status;

      if (!accords_country_list_count_agreement (self, a, &status))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (parties); k++)
        {
          g_autoptr(AccordsParty) party = g_list_model_get_item (parties, k);
          const char *code = accords_party_get_country (party);
          AccordsStatus prev;

          if (!g_hash_table_add (seen, (gpointer) code))
            continue;   /* a country with two roles counts once */
          g_hash_table_insert (counts, (gpointer) code,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1));
          prev = GPOINTER_TO_INT (g_hash_table_lookup (statuses, code));
          g_hash_table_insert (statuses, (gpointer) code, GINT_TO_POINTER (accords_status_for_country (prev, status)));
        }
    }

  for (guint i = 0; i < self->countries->len; i++)
    {
      AccordsCountry *c = g_ptr_array_index (self->countries, i);
      const char *code = accords_country_get_code (c);

      accords_country_set_agreement_count (c, GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)));
      accords_country_set_status (c, GPOINTER_TO_INT (g_hash_table_lookup (statuses, code)));
    }
}

const GError *
accords_country_list_get_error (AccordsCountryList *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), NULL);
  return self->error;
}

void
accords_country_list_refresh (AccordsCountryList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) agreements = NULL;

  g_return_if_fail (ACCORDS_IS_COUNTRY_LIST (self));

  g_clear_error (&self->error);
  agreements = accords_store_load_agreements (accords_context_get_store (self->context), NULL, &error);
  if (agreements == NULL)
    {
      g_warning ("Cannot load agreements: %s", error->message);
      self->error = g_steal_pointer (&error);
      return;
    }
  g_set_object (&self->agreements, agreements);
  recount (self);
  /* rows stay, their counts change: say so, so filters and sorters re-run */
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->countries->len, self->countries->len);
}

static void
store_changed_cb (AccordsCountryList *self,
                  guint               what)
{
  if (what & ACCORDS_STORE_CHANGE_AGREEMENTS)
    accords_country_list_refresh (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  AccordsCountry *ca = *(AccordsCountry **) a;
  AccordsCountry *cb = *(AccordsCountry **) b;
  g_autofree char *ka = g_utf8_collate_key (accords_country_get_name (ca), -1);
  g_autofree char *kb = g_utf8_collate_key (accords_country_get_name (cb), -1);

  return strcmp (ka, kb);
}

static void
accords_country_list_dispose (GObject *object)
{
  AccordsCountryList *self = (AccordsCountryList *) object;

  if (self->context && self->changed_id)
    g_clear_signal_handler (&self->changed_id, accords_context_get_store (self->context));
  g_clear_object (&self->context);
  g_clear_object (&self->agreements);

  G_OBJECT_CLASS (accords_country_list_parent_class)->dispose (object);
}

static void
accords_country_list_finalize (GObject *object)
{
  AccordsCountryList *self = (AccordsCountryList *) object;

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_free (self->type_filter);
  g_free (self->date);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (accords_country_list_parent_class)->finalize (object);
}

static void
accords_country_list_class_init (AccordsCountryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_country_list_dispose;
  object_class->finalize = accords_country_list_finalize;
}

static void
accords_country_list_init (AccordsCountryList *self)
{
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
}

AccordsCountryList *
accords_country_list_new (AccordsContext *context)
{
  AccordsCountryList *self;
  AccordsIsoCodes *iso;

  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);

  self = g_object_new (ACCORDS_TYPE_COUNTRY_LIST, NULL);
  self->context = g_object_ref (context);
  iso = accords_context_get_iso_codes (context);

  for (guint i = 0; i < accords_iso_codes_get_n_countries (iso); i++)
    {
      const AccordsIsoCountry *ic = accords_iso_codes_get_country (iso, i);
      AccordsCountry *c = accords_country_new ();

      accords_country_set_code (c, ic->alpha2);
      accords_country_set_alpha3 (c, ic->alpha3);
      accords_country_set_numeric (c, ic->numeric);
      accords_country_set_name (c, accords_iso_codes_get_display_name (iso, ic->alpha2));
      g_ptr_array_add (self->countries, c);
    }
  g_ptr_array_sort (self->countries, compare_names);
  for (guint i = 0; i < self->countries->len; i++)
    {
      AccordsCountry *c = g_ptr_array_index (self->countries, i);
      g_hash_table_insert (self->by_code, (gpointer) accords_country_get_code (c), c);
    }

  self->changed_id = g_signal_connect_swapped (accords_context_get_store (context), "changed",
                                               G_CALLBACK (store_changed_cb), self);
  accords_country_list_refresh (self);
  return self;
}

void
accords_country_list_set_type_filter (AccordsCountryList *self,
                                      const char         *type)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_LIST (self));

  if (accords_str_empty (type))
    type = NULL;
  if (!accords_set_str (&self->type_filter, type))
    return;
  recount (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->countries->len, self->countries->len);
}

const char *
accords_country_list_get_type_filter (AccordsCountryList *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), NULL);
  return self->type_filter;
}

void
accords_country_list_set_date (AccordsCountryList *self,
                               const char         *date)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_LIST (self));

  if (accords_str_empty (date))
    date = NULL;
  if (!accords_set_str (&self->date, date))
    return;
  recount (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->countries->len, self->countries->len);
}

const char *
accords_country_list_get_date (AccordsCountryList *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), NULL);
  return self->date;
}

gboolean
accords_country_list_count_agreement (AccordsCountryList *self,
                                      AccordsAgreement   *agreement,
                                      AccordsStatus      *status)
{
  AccordsStatus s;

  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), FALSE);

  if (status)
    *status = ACCORDS_STATUS_NONE;
  if (self->type_filter && !has_type (agreement, self->type_filter))
    return FALSE;
  s = self->date ? accords_agreement_get_status_on (agreement, self->date) : accords_agreement_get_status (agreement);
  if (self->date && s == ACCORDS_STATUS_NONE)
    return FALSE;   /* nothing had happened yet on that date */
  if (status)
    *status = s;
  return TRUE;
}

AccordsCountry *
accords_country_list_lookup (AccordsCountryList *self,
                             const char         *code)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), NULL);
  return code ? g_hash_table_lookup (self->by_code, code) : NULL;
}

guint
accords_country_list_find (AccordsCountryList *self,
                           const char         *code)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->countries->len; i++)
    if (g_strcmp0 (accords_country_get_code (g_ptr_array_index (self->countries, i)), code) == 0)
      return i;
  return G_MAXUINT;
}

GListModel *
accords_country_list_get_agreements (AccordsCountryList *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_LIST (self), NULL);
  return G_LIST_MODEL (self->agreements);
}
