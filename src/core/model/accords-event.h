/* accords-event.h: a dated event in an agreement's history */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_EVENT (accords_event_get_type ())

G_DECLARE_FINAL_TYPE (AccordsEvent, accords_event, ACCORDS, EVENT, GObject)

AccordsEvent *accords_event_new (void);
gint64 accords_event_get_id (AccordsEvent *self);
void accords_event_set_id (AccordsEvent *self, gint64 id);
const char *accords_event_get_date (AccordsEvent *self);
void accords_event_set_date (AccordsEvent *self, const char *date);
const char *accords_event_get_precision (AccordsEvent *self);
void accords_event_set_precision (AccordsEvent *self, const char *precision);
const char *accords_event_get_event_type (AccordsEvent *self);
void accords_event_set_event_type (AccordsEvent *self, const char *event_type);
const char *accords_event_get_label (AccordsEvent *self);
void accords_event_set_label (AccordsEvent *self, const char *label);
const char *accords_event_get_actor (AccordsEvent *self);
void accords_event_set_actor (AccordsEvent *self, const char *actor);
const char *accords_event_get_description (AccordsEvent *self);
void accords_event_set_description (AccordsEvent *self, const char *description);
const char *accords_event_get_confidence (AccordsEvent *self);
void accords_event_set_confidence (AccordsEvent *self, const char *confidence);
const char * const *accords_event_get_source_urls (AccordsEvent *self);
void accords_event_set_source_urls (AccordsEvent *self, const char * const *source_urls);

G_END_DECLS
