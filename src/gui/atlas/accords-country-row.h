/* accords-country-row.h: a row that picks a country (ISO 3166-1, or the EU) from a searchable list */
#pragma once

#include <adwaita.h>

#include "accords-iso-codes.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COUNTRY_ROW (accords_country_row_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCountryRow, accords_country_row, ACCORDS, COUNTRY_ROW, AdwActionRow)

GtkWidget  *accords_country_row_new           (AccordsIsoCodes   *iso_codes,
                                               gboolean           allow_none);
/* The alpha-2 code, or NULL for none */
const char *accords_country_row_get_country   (AccordsCountryRow *self);
void        accords_country_row_set_country   (AccordsCountryRow *self,
                                               const char        *code);
/* Opens the list with this search, as a person typing would */
void        accords_country_row_search        (AccordsCountryRow *self,
                                               const char        *text);
/* How many countries the search shows */
guint       accords_country_row_get_n_matches (AccordsCountryRow *self);

G_END_DECLS
