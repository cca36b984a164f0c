/* accords-form-dialog.h: a modal form of named fields, with a message beside each field that is wrong */
#pragma once

#include <adwaita.h>

#include "accords-iso-codes.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FORM_DIALOG (accords_form_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFormDialog, accords_form_dialog, ACCORDS, FORM_DIALOG, AdwWindow)

/* Signals: "changed" (const char *field) when a field's value changed;
 * "save-requested" when the person asks to save: the owner checks, saves
 * and closes the dialog, or shows what is wrong. */
AccordsFormDialog *accords_form_dialog_new          (GtkWidget          *parent,
                                                     const char         *title,
                                                     const char         *save_label);
/* Starts a titled group; the fields added next go into it */
void               accords_form_dialog_add_group    (AccordsFormDialog  *self,
                                                     const char         *title,
                                                     const char         *description);
void               accords_form_dialog_add_entry    (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *title,
                                                     const char         *text);
/* values and labels: NULL-terminated, as long as each other */
void               accords_form_dialog_add_choice   (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *title,
                                                     const char * const *values,
                                                     const char * const *labels,
                                                     const char         *value);
void               accords_form_dialog_add_country  (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *title,
                                                     AccordsIsoCodes    *iso_codes,
                                                     gboolean            allow_none,
                                                     const char         *code);
/* One check box per value; those in checked start checked */
void               accords_form_dialog_add_checks   (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char * const *values,
                                                     const char * const *labels,
                                                     const char * const *checked);

gboolean           accords_form_dialog_has_field    (AccordsFormDialog  *self,
                                                     const char         *field);
/* Entry text, chosen value or country code ("" for none) */
const char        *accords_form_dialog_get_value    (AccordsFormDialog  *self,
                                                     const char         *field);
/* The checked values */
GStrv              accords_form_dialog_get_checked  (AccordsFormDialog  *self,
                                                     const char         *field);
/* As a person would: types the text, picks the value, checks the box */
void               accords_form_dialog_set_value    (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *value);
void               accords_form_dialog_set_checked  (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *value,
                                                     gboolean            checked);

/* Shows message beside the field (NULL hides it); field NULL: above the form */
void               accords_form_dialog_set_message  (AccordsFormDialog  *self,
                                                     const char         *field,
                                                     const char         *message);
const char        *accords_form_dialog_get_message  (AccordsFormDialog  *self,
                                                     const char         *field);
void               accords_form_dialog_clear_messages (AccordsFormDialog *self);
void               accords_form_dialog_set_can_save (AccordsFormDialog  *self,
                                                     gboolean            can_save);
gboolean           accords_form_dialog_get_can_save (AccordsFormDialog  *self);
/* The same as the Save button */
void               accords_form_dialog_save         (AccordsFormDialog  *self);

G_END_DECLS
