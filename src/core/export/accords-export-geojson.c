/* accords-export-geojson.c: agreements on a map: a point per party, a line per sending–receiving pair */
#define G_LOG_DOMAIN "accords-export-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-error.h"
#include "accords-export-private.h"
#include "accords-party.h"
#include "accords-status.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-world.h"

/* RFC 8259 string, UTF-8 kept as it is */
static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = accords_str_or_empty (text); *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *name,
             const char *value,
             gboolean    last)
{
  json_string (out, name);
  g_string_append (out, ": ");
  json_string (out, value);
  if (!last)
    g_string_append (out, ", ");
}

/* Four decimals: about eleven metres, as RFC 7946 advises against more
 * precision than the data has */
static void
position (GString *out,
          double   lon,
          double   lat)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (x, sizeof x, "%.4f", lon);
  g_ascii_formatd (y, sizeof y, "%.4f", lat);
  /* "-0.0000" is 0 */
  g_string_append_printf (out, "[%s, %s]",
                          strcmp (x, "-0.0000") == 0 ? "0.0000" : x,
                          strcmp (y, "-0.0000") == 0 ? "0.0000" : y);
}

static void
common_properties (GString          *out,
                   AccordsAgreement *a)
{
  json_member (out, "agreement", accords_agreement_get_slug (a), FALSE);
  json_member (out, "title", accords_agreement_get_title (a), FALSE);
  json_member (out, "status", accords_status_to_string (accords_agreement_get_status (a)), FALSE);
}

static void
begin_feature (GString  *out,
               gboolean *first)
{
  g_string_append (out, *first ? "\n    " : ",\n    ");
  *first = FALSE;
  g_string_append (out, "{\"type\": \"Feature\", \"geometry\": ");
}

GBytes *
accords_export_dataset_geojson (AccordsStore               *store,
                                AccordsIsoCodes            *iso_codes,
                                const AccordsExportOptions *options,
                                GError                    **error)
{
  g_autoptr(GListStore) agreements = NULL;
  g_autoptr(AccordsWorld) world = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) unlocated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  gboolean first = TRUE;

  agreements = accords_export_load_agreements (store, options, "GeoJSON", error);
  if (agreements == NULL)
    return NULL;

  /* the shapes the map draws: their label points are where parties go */
  world = accords_world_new_from_resource (NULL, error);
  if (world == NULL)
    {
      g_prefix_error (error, _("Reading the countries’ positions: "));
      return NULL;
    }

  date = accords_export_options_dup_date (options);
  day = g_date_time_format (date, "%Y-%m-%d");
  g_string_append (out, "{\n  \"type\": \"FeatureCollection\",\n  ");
  json_member (out, "generator", "Accords " PACKAGE_VERSION, TRUE);
  g_string_append (out, ",\n  ");
  json_member (out, "exported", day, TRUE);
  g_string_append (out, ",\n  ");
  /* where the positions come from, for whoever maps them */
  json_member (out, "positions", "Natural Earth label points (public domain)", TRUE);
  g_string_append (out, ",\n  \"features\": [");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (agreements)); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (agreements), i);
      GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));
      guint n = g_list_model_get_n_items (parties);

      /* a point per party */
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(AccordsParty) p = g_list_model_get_item (parties, k);
          const char *code = accords_party_get_country (p);
          double lon, lat;

          if (!accords_world_get_centroid (world, code, &lon, &lat))
            {
              /* no made-up position: the party is named among the unlocated */
              g_autofree char *entry = g_strdup_printf ("%s:%s", accords_agreement_get_slug (a), code);
              g_ptr_array_add (unlocated, g_steal_pointer (&entry));
              continue;
            }
          begin_feature (out, &first);
          g_string_append (out, "{\"type\": \"Point\", \"coordinates\": ");
          position (out, lon, lat);
          g_string_append (out, "}, \"properties\": {");
          common_properties (out, a);
          json_member (out, "country", code, FALSE);
          json_member (out, "name", accords_iso_codes_get_display_name (iso_codes, code), FALSE);
          json_member (out, "role", accords_party_get_role (p), TRUE);
          g_string_append (out, "}}");
        }

      /* a line from each sending party to each receiving one */
      for (guint s = 0; s < n; s++)
        {
          g_autoptr(AccordsParty) from = g_list_model_get_item (parties, s);
          double lon0, lat0;

          if (g_strcmp0 (accords_party_get_role (from), "sending") != 0 ||
              !accords_world_get_centroid (world, accords_party_get_country (from), &lon0, &lat0))
            continue;
          for (guint r = 0; r < n; r++)
            {
              g_autoptr(AccordsParty) to = g_list_model_get_item (parties, r);
              double lon1, lat1;

              if (g_strcmp0 (accords_party_get_role (to), "receiving") != 0 ||
                  g_strcmp0 (accords_party_get_country (to), accords_party_get_country (from)) == 0 ||
                  !accords_world_get_centroid (world, accords_party_get_country (to), &lon1, &lat1))
                continue;
              begin_feature (out, &first);
              g_string_append (out, "{\"type\": \"LineString\", \"coordinates\": [");
              position (out, lon0, lat0);
              g_string_append (out, ", ");
              position (out, lon1, lat1);
              g_string_append (out, "]}, \"properties\": {");
              common_properties (out, a);
              json_member (out, "from", accords_party_get_country (from), FALSE);
              json_member (out, "to", accords_party_get_country (to), TRUE);
              g_string_append (out, "}}");
            }
        }
    }
  g_string_append (out, first ? "],\n" : "\n  ],\n");

  g_string_append (out, "  \"unlocated\": [");
  for (guint i = 0; i < unlocated->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, unlocated->pdata[i]);
    }
  g_string_append (out, "]\n}\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
