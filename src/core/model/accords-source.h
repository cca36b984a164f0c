/* accords-source.h: a document or news item that supports a fact */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_SOURCE (accords_source_get_type ())

G_DECLARE_FINAL_TYPE (AccordsSource, accords_source, ACCORDS, SOURCE, GObject)

AccordsSource *accords_source_new (void);
gint64 accords_source_get_id (AccordsSource *self);
void accords_source_set_id (AccordsSource *self, gint64 id);
const char *accords_source_get_url (AccordsSource *self);
void accords_source_set_url (AccordsSource *self, const char *url);
const char *accords_source_get_title (AccordsSource *self);
void accords_source_set_title (AccordsSource *self, const char *title);
const char *accords_source_get_publisher (AccordsSource *self);
void accords_source_set_publisher (AccordsSource *self, const char *publisher);
const char *accords_source_get_published (AccordsSource *self);
void accords_source_set_published (AccordsSource *self, const char *published);
const char *accords_source_get_accessed (AccordsSource *self);
void accords_source_set_accessed (AccordsSource *self, const char *accessed);
const char *accords_source_get_source_type (AccordsSource *self);
void accords_source_set_source_type (AccordsSource *self, const char *source_type);
gint64 accords_source_get_item_id (AccordsSource *self);
void accords_source_set_item_id (AccordsSource *self, gint64 item_id);

G_END_DECLS
