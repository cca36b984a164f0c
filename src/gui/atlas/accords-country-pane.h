/* accords-country-pane.h: the searchable, filterable list of countries */
#pragma once

#include <gtk/gtk.h>

#include "accords-country-list.h"
#include "accords-status.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COUNTRY_PANE (accords_country_pane_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCountryPane, accords_country_pane, ACCORDS, COUNTRY_PANE, GtkWidget)

GtkWidget  *accords_country_pane_new                  (void);
void        accords_country_pane_set_model            (AccordsCountryPane *self,
                                                       AccordsCountryList *countries);
const char *accords_country_pane_get_selected_country (AccordsCountryPane *self);
void        accords_country_pane_set_selected_country (AccordsCountryPane *self,
                                                       const char         *code);
void        accords_country_pane_set_search_text      (AccordsCountryPane *self,
                                                       const char         *text);
/* Selects the first country shown and gives its row the focus; FALSE when
 * no country is shown */
gboolean    accords_country_pane_select_first         (AccordsCountryPane *self);
gboolean    accords_country_pane_get_show_all         (AccordsCountryPane *self);
void        accords_country_pane_set_show_all         (AccordsCountryPane *self,
                                                       gboolean            show_all);
/* The legend entry shown: a status group, ACCORDS_MAP_LEGEND_UNSTATED, or
 * NONE for every status; the map's legend sets the same */
guint       accords_country_pane_get_status_filter    (AccordsCountryPane *self);
void        accords_country_pane_set_status_filter    (AccordsCountryPane *self,
                                                       guint               entry);
/* Only agreements of this type count, on the list and on the map (NULL: all) */
const char *accords_country_pane_get_type_filter      (AccordsCountryPane *self);
void        accords_country_pane_set_type_filter      (AccordsCountryPane *self,
                                                       const char         *type);
/* Number of rows shown */
guint       accords_country_pane_get_n_visible        (AccordsCountryPane *self);

G_END_DECLS
