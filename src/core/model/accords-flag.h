/* accords-flag.h: a fact that still needs verifying */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_FLAG (accords_flag_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFlag, accords_flag, ACCORDS, FLAG, GObject)

AccordsFlag *accords_flag_new (void);
gint64 accords_flag_get_id (AccordsFlag *self);
void accords_flag_set_id (AccordsFlag *self, gint64 id);
const char *accords_flag_get_text (AccordsFlag *self);
void accords_flag_set_text (AccordsFlag *self, const char *text);
const char *accords_flag_get_resolved (AccordsFlag *self);
void accords_flag_set_resolved (AccordsFlag *self, const char *resolved);
const char *accords_flag_get_resolution (AccordsFlag *self);
void accords_flag_set_resolution (AccordsFlag *self, const char *resolution);

G_END_DECLS
