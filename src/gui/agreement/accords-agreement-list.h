/* accords-agreement-list.h: the agreements of the selected country, as the country list has them */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-country-list.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AGREEMENT_LIST (accords_agreement_list_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAgreementList, accords_agreement_list, ACCORDS, AGREEMENT_LIST, GtkWidget)

/* Signal: "agreement-activated" (const char *slug), a row was activated.
 * The rows show the statuses on the country list's date. */
GtkWidget        *accords_agreement_list_new           (void);
void              accords_agreement_list_set_countries (AccordsAgreementList *self,
                                                        AccordsContext       *context,
                                                        AccordsCountryList   *countries);
/* Lists the agreements the country (NULL: any) is party to, from the
 * country list's agreements as last loaded */
void              accords_agreement_list_reload        (AccordsAgreementList *self,
                                                        const char           *code);
GListModel       *accords_agreement_list_get_model     (AccordsAgreementList *self);
/* The listed agreement with this slug, or NULL */
AccordsAgreement *accords_agreement_list_find          (AccordsAgreementList *self,
                                                        const char           *slug);
/* The slug of the row at x, y (the list's coordinates), or NULL */
const char       *accords_agreement_list_get_slug_at   (AccordsAgreementList *self,
                                                        double                x,
                                                        double                y);

G_END_DECLS
