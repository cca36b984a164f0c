/* accords-agreement-view.h: everything known about one agreement */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-context.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AGREEMENT_VIEW (accords_agreement_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAgreementView, accords_agreement_view, ACCORDS, AGREEMENT_VIEW, GtkWidget)

GtkWidget        *accords_agreement_view_new           (void);
void              accords_agreement_view_set_context   (AccordsAgreementView *self,
                                                        AccordsContext       *context);
AccordsAgreement *accords_agreement_view_get_agreement (AccordsAgreementView *self);
void              accords_agreement_view_set_agreement (AccordsAgreementView *self,
                                                        AccordsAgreement     *agreement);
/* The timeline's rows, for tests and keyboard navigation */
GtkListBox       *accords_agreement_view_get_events_list (AccordsAgreementView *self);

G_END_DECLS
