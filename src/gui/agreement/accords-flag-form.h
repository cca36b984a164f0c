/* accords-flag-form.h: the editor's list of things to verify */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FLAG_FORM (accords_flag_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFlagForm, accords_flag_form, ACCORDS, FLAG_FORM, AccordsPartForm)

/* The mode of the dialog that resolves what was to verify */
#define ACCORDS_FLAG_FORM_RESOLVE "resolve"

/* Marks what was to verify at index as not resolved, through "changed" */
void accords_flag_form_reopen (AccordsFlagForm *self,
                               guint            index);

G_END_DECLS
