/* accords-flag-citation.h: the dialog that resolves what was to verify by citing a source */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-form-dialog.h"

G_BEGIN_DECLS

/* Offers the agreement's sources and the linked news items of linked (a
 * GListModel of AccordsItemLink, or NULL) that are not rejected; the one
 * chosen resolves the flag at flag_index in one undoable step through the
 * context's history (accords_evidence_resolve_flag_command()), and the
 * outcome is a toast over parent.  NULL when there is no such flag or it is
 * resolved already. */
AccordsFormDialog *accords_flag_citation_open (GtkWidget        *parent,
                                               AccordsContext   *context,
                                               AccordsAgreement *agreement,
                                               guint             flag_index,
                                               GListModel       *linked);

G_END_DECLS
