/* accords-context.h: what the app, the CLI and the widgets share: the store, the country names, the history */
#pragma once

#include <glib-object.h>

#include "accords-history.h"
#include "accords-iso-codes.h"
#include "accords-relinker.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_CONTEXT (accords_context_get_type ())

G_DECLARE_FINAL_TYPE (AccordsContext, accords_context, ACCORDS, CONTEXT, GObject)

/* The database in the user's data directory */
char            *accords_context_default_db_path (void);

typedef enum {
  ACCORDS_CONTEXT_DEFAULT = 0,
  /* a new database starts empty and is never seeded later */
  ACCORDS_CONTEXT_NO_SEED = 1 << 0,
  /* read every page first (PRAGMA quick_check), so damage anywhere in the
   * file is reported when it is opened rather than as missing data later */
  ACCORDS_CONTEXT_CHECK   = 1 << 1,
} AccordsContextFlags;

/* Opens (creating, migrating and seeding once) the database at db_path, or
 * the default one when db_path is NULL, and checks it (ACCORDS_CONTEXT_CHECK). */
AccordsContext  *accords_context_new             (const char     *db_path,
                                                  GError        **error);
AccordsContext  *accords_context_new_full        (const char          *db_path,
                                                  AccordsContextFlags  flags,
                                                  GError             **error);
AccordsStore    *accords_context_get_store       (AccordsContext *self);
AccordsIsoCodes *accords_context_get_iso_codes   (AccordsContext *self);
const char      *accords_context_get_country_name (AccordsContext *self,
                                                   const char     *code);
/* What keeps the stored news linked in the background; made on first use,
 * idle until started (the window starts it, the CLI never does) */
AccordsRelinker *accords_context_get_relinker    (AccordsContext *self);
/* The undo and redo stacks of the edits made through this context; made
 * on first use */
AccordsHistory  *accords_context_get_history     (AccordsContext *self);

G_END_DECLS
