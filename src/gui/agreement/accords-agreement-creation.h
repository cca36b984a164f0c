/* accords-agreement-creation.h: the dialog that starts a new agreement */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-form-dialog.h"

G_BEGIN_DECLS

/* Called with the agreement the person asked for, valid and not yet stored */
typedef void (*AccordsAgreementCreated) (GtkWidget        *parent,
                                         AccordsAgreement *agreement);

/* Asks for a title, an id (made from the title until it is typed), a type
 * and the two countries; created is called when the person creates it,
 * then the dialog closes.  parent is kept until then. */
AccordsFormDialog *accords_agreement_creation_open (GtkWidget               *parent,
                                                    AccordsContext          *context,
                                                    AccordsAgreementCreated  created);

G_END_DECLS
