/* accords-map-country.h: a country of the map as screen readers and the focus reach it */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_MAP_COUNTRY (accords_map_country_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMapCountry, accords_map_country, ACCORDS, MAP_COUNTRY, GtkWidget)

/* Draws nothing and takes no pointer events: the canvas draws the country
 * and places this where its name is */
GtkWidget  *accords_map_country_new      (const char        *code);
const char *accords_map_country_get_code (AccordsMapCountry *self);
/* What a screen reader says: "Rwanda, Implemented, 4 agreements" */
void        accords_map_country_set_text (AccordsMapCountry *self,
                                          const char        *text);
const char *accords_map_country_get_text (AccordsMapCountry *self);

G_END_DECLS
