/* accords-event-form.h: the editor's list of timeline */
#pragma once

#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_EVENT_FORM (accords_event_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsEventForm, accords_event_form, ACCORDS, EVENT_FORM, AccordsPartForm)

G_END_DECLS
