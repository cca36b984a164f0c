/* accords-source-form.h: the editor's list of sources */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SOURCE_FORM (accords_source_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsSourceForm, accords_source_form, ACCORDS, SOURCE_FORM, AccordsPartForm)

G_END_DECLS
