/* accords-fact-form.h: the editor's list of facts: financial terms, observations, legal challenges or concerns */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FACT_FORM (accords_fact_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFactForm, accords_fact_form, ACCORDS, FACT_FORM, AccordsPartForm)

/* Its kind (construct-only) is financial_term, observation,
 * legal_challenge or concern: one form lists the facts of one kind */

G_END_DECLS
