/* accords-agreement-type.c: the kinds of agreement, and their names for people */
#define G_LOG_DOMAIN "accords-agreement-type"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-type.h"

static const struct {
  const char *name;
  const char *label;
} types[] = {
  { "detention_outsourcing",         N_("Detention outsourcing") },
  { "externalisation_partnership",   N_("Externalisation partnership") },
  { "offshore_processing",           N_("Offshore processing") },
  { "readmission_agreement",         N_("Readmission agreement") },
  { "resettlement_swap",             N_("Resettlement swap") },
  { "safe_third_country_agreement",  N_("Safe third country agreement") },
  { "third_country_asylum_transfer", N_("Third-country asylum transfer") },
  { "third_country_deportation",     N_("Third-country deportation") },
  { "transit_repatriation_hub",      N_("Transit and repatriation hub") },
};

const char *
accords_agreement_type_get_label (const char *type)
{
  g_autofree char *text = NULL;

  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].name, type))
      return _(types[i].label);

  /* "new_kind_of_deal" -> "New kind of deal", kept for the life of the process */
  text = g_strdelimit (g_strdup (type), "_-", ' ');
  if (text[0])
    text[0] = g_ascii_toupper (text[0]);
  return g_intern_string (text);
}
