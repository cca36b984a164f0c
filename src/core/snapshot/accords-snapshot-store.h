/* accords-snapshot-store.h: snapshots kept in the database, per news item or source */
#pragma once

#include "accords-snapshot.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* Keeps snapshot for a news item (item_id > 0) or a source (source_id > 0);
 * earlier snapshots stay, the latest is the one read back. */
gboolean         accords_snapshot_save        (AccordsStore           *store,
                                               gint64                  item_id,
                                               gint64                  source_id,
                                               const AccordsSnapshot  *snapshot,
                                               GError                **error);

/* The latest snapshot of the item or source; NULL with ACCORDS_ERROR_NOT_FOUND when none was kept */
AccordsSnapshot *accords_snapshot_load_latest (AccordsStore           *store,
                                               gint64                  item_id,
                                               gint64                  source_id,
                                               GError                **error);

G_END_DECLS
