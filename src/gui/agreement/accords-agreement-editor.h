/* accords-agreement-editor.h: the detail view's edit mode: every field of an agreement, each change undoable */
#pragma once

#include <gtk/gtk.h>

#include "accords-agreement.h"
#include "accords-context.h"
#include "accords-event.h"
#include "accords-form-dialog.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AGREEMENT_EDITOR (accords_agreement_editor_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAgreementEditor, accords_agreement_editor, ACCORDS, AGREEMENT_EDITOR, GtkWidget)

/* Actions: editor.add (s: party, event, person, financial_term, observation,
 * legal_challenge, concern, source, flag), editor.edit and editor.delete
 * ((su): the kind and its index in the agreement's list), editor.resolve-flag
 * and editor.reopen-flag (u), editor.remove-alias, editor.remove-type,
 * editor.make-primary-type (u), editor.delete-agreement.  Property:
 * context, whose history every change goes through. */

/* The agreement as stored; the editor works on its own copy */
void               accords_agreement_editor_set_agreement  (AccordsAgreementEditor *self,
                                                            AccordsAgreement       *agreement);
/* The agreement with the edits made so far */
AccordsAgreement  *accords_agreement_editor_get_agreement  (AccordsAgreementEditor *self);

/* Asks for a title, an id and the two countries, then creates the agreement */
void               accords_agreement_editor_new_agreement  (AccordsAgreementEditor *self);

/* Types text into a field of the agreement ("title", "id", "status_as_of"...)
 * and applies it, as a person pressing Enter would; FALSE when the field
 * refused it, with the reason shown beside it. */
gboolean           accords_agreement_editor_apply_text     (AccordsAgreementEditor *self,
                                                            const char             *field,
                                                            const char             *text);
/* The message beside a field, or NULL */
const char        *accords_agreement_editor_get_message    (AccordsAgreementEditor *self,
                                                            const char             *field);
/* Opens the event dialog filled in from proposed, with the linked news
 * item item_id (0: none) as its source (accords_event_form_propose()) */
AccordsFormDialog *accords_agreement_editor_propose_event  (AccordsAgreementEditor *self,
                                                            AccordsEvent           *proposed,
                                                            gint64                  item_id);
/* The dialog open for a part, or NULL */
AccordsFormDialog *accords_agreement_editor_get_dialog     (AccordsAgreementEditor *self);

G_END_DECLS
