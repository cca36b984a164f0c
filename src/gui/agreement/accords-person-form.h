/* accords-person-form.h: the editor's list of people */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_PERSON_FORM (accords_person_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsPersonForm, accords_person_form, ACCORDS, PERSON_FORM, AccordsPartForm)

G_END_DECLS
