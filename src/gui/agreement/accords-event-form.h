/* accords-event-form.h: the editor's list of timeline */
#pragma once

#include "accords-event.h"
#include "accords-part-form.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_EVENT_FORM (accords_event_form_get_type ())

G_DECLARE_FINAL_TYPE (AccordsEventForm, accords_event_form, ACCORDS, EVENT_FORM, AccordsPartForm)

/* The mode of the dialog of an event that comes from a linked news item */
#define ACCORDS_EVENT_FORM_FROM_ITEM "from-item"

/* Opens the dialog of a new event filled in from proposed (its date, type,
 * description, actor, confidence and the sources it cites), with the linked
 * news item item_id (0: none) as its source; saving adds it as any new
 * event is added.  NULL when the form shows no agreement. */
AccordsFormDialog *accords_event_form_propose (AccordsEventForm *self,
                                               AccordsEvent     *proposed,
                                               gint64            item_id);

G_END_DECLS
