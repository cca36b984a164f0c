/* accords-agreement-view.h: everything known about one agreement */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-agreement-editor.h"
#include "accords-context.h"
#include "accords-linked-news.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AGREEMENT_VIEW (accords_agreement_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAgreementView, accords_agreement_view, ACCORDS, AGREEMENT_VIEW, GtkWidget)

/* Property: context, handed on to the editor and the linked news */
void              accords_agreement_view_set_context   (AccordsAgreementView *self,
                                                        AccordsContext       *context);
AccordsAgreement *accords_agreement_view_get_agreement (AccordsAgreementView *self);
void              accords_agreement_view_set_agreement (AccordsAgreementView *self,
                                                        AccordsAgreement     *agreement);
/* The timeline's rows, for tests and keyboard navigation */
GtkListBox       *accords_agreement_view_get_events_list (AccordsAgreementView *self);
GtkListBox       *accords_agreement_view_get_sources_list (AccordsAgreementView *self);

/* The Sources tab's news linked to the agreement */
AccordsLinkedNews *accords_agreement_view_get_linked_news (AccordsAgreementView *self);
/* The tab shown when not editing: "overview" or "sources" */
const char       *accords_agreement_view_get_tab      (AccordsAgreementView *self);
void              accords_agreement_view_set_tab      (AccordsAgreementView *self,
                                                       const char           *tab);

/* Edit mode: the editor in place of the page ("editing" property) */
gboolean          accords_agreement_view_get_editing   (AccordsAgreementView *self);
void              accords_agreement_view_set_editing   (AccordsAgreementView *self,
                                                        gboolean              editing);
AccordsAgreementEditor *accords_agreement_view_get_editor (AccordsAgreementView *self);
/* Asks for the new agreement's title and parties; it opens in edit mode */
void              accords_agreement_view_new_agreement (AccordsAgreementView *self);

G_END_DECLS
