/* accords-country-list.h: every country, with its agreements' count and strongest status, as a GListModel */
#pragma once

#include <gio/gio.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-country.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COUNTRY_LIST (accords_country_list_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCountryList, accords_country_list, ACCORDS, COUNTRY_LIST, GObject)

/* Follows the store: refreshes itself whenever agreements change. */
AccordsCountryList *accords_country_list_new             (AccordsContext     *context);
/* Only agreements of this type count (NULL: all types) */
void                accords_country_list_set_type_filter (AccordsCountryList *self,
                                                          const char         *type);
const char         *accords_country_list_get_type_filter (AccordsCountryList *self);
/* Statuses as they were on this date, YYYY-MM-DD (NULL: today's) */
void                accords_country_list_set_date        (AccordsCountryList *self,
                                                          const char         *date);
const char         *accords_country_list_get_date        (AccordsCountryList *self);
/* Whether the agreement counts under the type filter on the date, and the
 * status it has there: the one derived from its events up to the date, or
 * its shown status when there is no date */
gboolean            accords_country_list_count_agreement (AccordsCountryList *self,
                                                          AccordsAgreement   *agreement,
                                                          AccordsStatus      *status);
AccordsCountry     *accords_country_list_lookup          (AccordsCountryList *self,
                                                          const char         *code);
guint               accords_country_list_find            (AccordsCountryList *self,
                                                          const char         *code);
/* Every agreement in the store, as last loaded */
GListModel         *accords_country_list_get_agreements  (AccordsCountryList *self);
void                accords_country_list_refresh         (AccordsCountryList *self);
/* Why the last refresh could not load the agreements, or NULL */
const GError       *accords_country_list_get_error       (AccordsCountryList *self);

G_END_DECLS
