/* accords-iso-codes.h: the countries of ISO 3166-1, from the iso-codes package, plus the EU */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char *alpha2;
  char *alpha3;
  char *numeric;
  char *name;          /* English short name, as iso-codes spells it */
  char *common_name;   /* "Bolivia" for "Bolivia, Plurinational State of", or NULL */
  char *official_name; /* or NULL */
} AccordsIsoCountry;

#define ACCORDS_TYPE_ISO_CODES (accords_iso_codes_get_type ())

G_DECLARE_FINAL_TYPE (AccordsIsoCodes, accords_iso_codes, ACCORDS, ISO_CODES, GObject)

/* path: iso_3166-1.json, or NULL for the one iso-codes installs */
AccordsIsoCodes         *accords_iso_codes_new              (const char      *path,
                                                             GError         **error);
guint                    accords_iso_codes_get_n_countries  (AccordsIsoCodes *self);
const AccordsIsoCountry *accords_iso_codes_get_country      (AccordsIsoCodes *self,
                                                             guint            index);
const AccordsIsoCountry *accords_iso_codes_lookup           (AccordsIsoCodes *self,
                                                             const char      *alpha2);
const AccordsIsoCountry *accords_iso_codes_lookup_numeric   (AccordsIsoCodes *self,
                                                             const char      *numeric);
/* The name to show: the common name when there is one, translated through
 * iso-codes' own gettext domain when the locale has it. */
const char              *accords_iso_codes_get_display_name (AccordsIsoCodes *self,
                                                             const char      *alpha2);

G_END_DECLS
