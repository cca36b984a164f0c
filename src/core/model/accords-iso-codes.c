/* accords-iso-codes.c: the countries of ISO 3166-1, from the iso-codes package, plus the EU */
#define G_LOG_DOMAIN "accords-iso-codes"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libintl.h>

#include "accords-error.h"
#include "accords-iso-codes.h"
#include "accords-util.h"

#define ISO_DOMAIN "iso_3166-1"

struct _AccordsIsoCodes
{
  GObject     parent_instance;

  GPtrArray  *countries;   /* AccordsIsoCountry, sorted by alpha2 */
  GHashTable *by_alpha2;
  GHashTable *by_numeric;
};

G_DEFINE_FINAL_TYPE (AccordsIsoCodes, accords_iso_codes, G_TYPE_OBJECT)

static void
iso_country_free (AccordsIsoCountry *country)
{
  g_free (country->alpha2);
  g_free (country->alpha3);
  g_free (country->numeric);
  g_free (country->name);
  g_free (country->common_name);
  g_free (country->official_name);
  g_free (country);
}

static void
accords_iso_codes_finalize (GObject *object)
{
  AccordsIsoCodes *self = (AccordsIsoCodes *) object;

  g_clear_pointer (&self->by_alpha2, g_hash_table_unref);
  g_clear_pointer (&self->by_numeric, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);

  G_OBJECT_CLASS (accords_iso_codes_parent_class)->finalize (object);
}

static void
accords_iso_codes_class_init (AccordsIsoCodesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accords_iso_codes_finalize;
}

static void
accords_iso_codes_init (AccordsIsoCodes *self)
{
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) iso_country_free);
  self->by_alpha2 = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_numeric = g_hash_table_new (g_str_hash, g_str_equal);
}

static int
compare_alpha2 (gconstpointer a,
                gconstpointer b)
{
  const AccordsIsoCountry *ca = *(const AccordsIsoCountry **) a;
  const AccordsIsoCountry *cb = *(const AccordsIsoCountry **) b;

  return g_strcmp0 (ca->alpha2, cb->alpha2);
}

static void
add_country (AccordsIsoCodes   *self,
             AccordsIsoCountry *country)
{
  g_ptr_array_add (self->countries, country);
}

static gboolean
has_alpha2 (AccordsIsoCodes *self,
            const char      *alpha2)
{
  for (guint i = 0; i < self->countries->len; i++)
    if (g_strcmp0 (((AccordsIsoCountry *) g_ptr_array_index (self->countries, i))->alpha2, alpha2) == 0)
      return TRUE;
  return FALSE;
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  if (!json_object_has_member (object, name))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (object, name, NULL));
}

AccordsIsoCodes *
accords_iso_codes_new (const char  *path,
                       GError     **error)
{
  g_autoptr(AccordsIsoCodes) self = g_object_new (ACCORDS_TYPE_ISO_CODES, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *default_path = NULL;
  JsonNode *root;
  JsonArray *array;
  AccordsIsoCountry *eu;

  if (path == NULL)
    path = default_path = g_build_filename (ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    {
      g_prefix_error (error, _("Cannot read the country list %s: "), path);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "3166-1") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "3166-1")))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The country list %s has no “3166-1” array"), path);
      return NULL;
    }

  array = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      AccordsIsoCountry *country;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      country = g_new0 (AccordsIsoCountry, 1);
      country->alpha2 = member_string (object, "alpha_2");
      country->alpha3 = member_string (object, "alpha_3");
      country->numeric = member_string (object, "numeric");
      country->name = member_string (object, "name");
      country->common_name = member_string (object, "common_name");
      country->official_name = member_string (object, "official_name");
      if (country->alpha2 == NULL || country->name == NULL)
        {
          iso_country_free (country);
          continue;
        }
      add_country (self, country);
    }

  /* The EU is a party to agreements but not an ISO 3166-1 country; EU is its
   * exceptionally reserved alpha-2 code. */
  eu = g_new0 (AccordsIsoCountry, 1);
  eu->alpha2 = g_strdup ("EU");
  eu->alpha3 = g_strdup ("EUE");
  eu->numeric = g_strdup ("");
  eu->name = g_strdup ("European Union");
  add_country (self, eu);

  /* Kosovo has no ISO 3166-1 code yet; XK is the user-assigned code the EU,
   * the IMF and Natural Earth's map use for it. */
  if (!has_alpha2 (self, "XK"))
    {
      AccordsIsoCountry *kosovo = g_new0 (AccordsIsoCountry, 1);

      kosovo->alpha2 = g_strdup ("XK");
      kosovo->alpha3 = g_strdup ("XKX");
      kosovo->numeric = g_strdup ("");
      kosovo->name = g_strdup ("Kosovo");
      add_country (self, kosovo);
    }

  g_ptr_array_sort (self->countries, compare_alpha2);
  for (guint i = 0; i < self->countries->len; i++)
    {
      AccordsIsoCountry *country = g_ptr_array_index (self->countries, i);

      g_hash_table_insert (self->by_alpha2, country->alpha2, country);
      if (country->numeric && *country->numeric)
        g_hash_table_insert (self->by_numeric, country->numeric, country);
    }

  bindtextdomain (ISO_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");

  return g_steal_pointer (&self);
}

guint
accords_iso_codes_get_n_countries (AccordsIsoCodes *self)
{
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (self), 0);
  return self->countries->len;
}

const AccordsIsoCountry *
accords_iso_codes_get_country (AccordsIsoCodes *self,
                               guint            index)
{
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (self), NULL);
  g_return_val_if_fail (index < self->countries->len, NULL);
  return g_ptr_array_index (self->countries, index);
}

const AccordsIsoCountry *
accords_iso_codes_lookup (AccordsIsoCodes *self,
                          const char      *alpha2)
{
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (self), NULL);
  if (alpha2 == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_alpha2, alpha2);
}

const AccordsIsoCountry *
accords_iso_codes_lookup_numeric (AccordsIsoCodes *self,
                                  const char      *numeric)
{
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (self), NULL);
  if (numeric == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_numeric, numeric);
}

/* iso-codes writes a few names inverted or formal, with no common name
 * beside them ("Congo, The Democratic Republic of the", "Russian
 * Federation"); these are the forms news and atlases use */
static const struct {
  const char *alpha2;
  const char *name;
} natural_names[] = {
  { "BN", N_("Brunei") },
  { "CD", N_("DR Congo") },
  { "FK", N_("Falkland Islands") },
  { "FM", N_("Micronesia") },
  { "PS", N_("Palestine") },
  { "RU", N_("Russia") },
  { "VA", N_("Vatican City") },
  { "VG", N_("British Virgin Islands") },
  { "VI", N_("U.S. Virgin Islands") },
};

const char *
accords_iso_codes_get_display_name (AccordsIsoCodes *self,
                                    const char      *alpha2)
{
  const AccordsIsoCountry *country = accords_iso_codes_lookup (self, alpha2);
  const char *name;

  if (country == NULL)
    return alpha2;
  if (g_str_equal (country->alpha2, "EU"))
    return _("European Union");
  if (g_str_equal (country->alpha2, "XK") && accords_str_empty (country->numeric))
    return _("Kosovo");

  for (guint i = 0; i < G_N_ELEMENTS (natural_names); i++)
    if (g_str_equal (country->alpha2, natural_names[i].alpha2))
      return _(natural_names[i].name);

  name = country->common_name ? country->common_name : country->name;
  return dgettext (ISO_DOMAIN, name);
}
