/* accords-party-form.h: the editor's list of parties */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_PARTY_FORM (accords_party_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsPartyForm, accords_party_form, ACCORDS, PARTY_FORM, AccordsPartForm)

G_END_DECLS
