/* accords-store-sources.h: sources a researcher adds to cite them */
#pragma once

#include <gio/gio.h>

#include "accords-source.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* Adds the source, or updates the one with the same URL, and lists it among
 * the agreement's sources when agreement (a slug) is given, in one
 * transaction.  The URL must be http, https or file; the accessed date,
 * when empty, is today.  Returns the source's id, 0 on error. */
gint64         accords_store_add_source  (AccordsStore   *self,
                                          AccordsSource  *source,
                                          const char     *agreement,
                                          GError        **error);
AccordsSource *accords_store_load_source (AccordsStore   *self,
                                          gint64          id,
                                          GError        **error);

/* The columns a source row is read from, and the source they make */
#define ACCORDS_SOURCE_COLUMNS "id, url, title, publisher, published, accessed, type, item_id"
AccordsSource *accords_source_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
