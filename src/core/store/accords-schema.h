/* accords-schema.h: the ordered migrations of the database schema */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       accords_schema_get_version   (void);
const char *accords_schema_get_migration (guint to_version);

G_END_DECLS
