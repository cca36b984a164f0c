/* accords-relinker.h: keeps the stored news linked by the current gazetteer and agreements, in the background */
#pragma once

#include <gio/gio.h>

#include "accords-iso-codes.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_RELINKER (accords_relinker_get_type ())

G_DECLARE_FINAL_TYPE (AccordsRelinker, accords_relinker, ACCORDS, RELINKER, GObject)

/* Properties: running (bool), fraction (double, 0..1, of the relink under
 * way).  Signal "finished" (guint n_items, const GError *error): a check
 * ended; n_items were linked again (0 when the links were up to date).
 * The work runs in a worker thread on its own connection, in chunks, so
 * that neither the window nor an import waits long for it. */
AccordsRelinker *accords_relinker_new          (AccordsStore    *store,
                                                AccordsIsoCodes *iso_codes);
/* Checks now, and again whenever the agreements change */
void             accords_relinker_start        (AccordsRelinker *self);
/* Checks the links now (a relink already running starts over when it
 * ends, with the linker as it is then) */
void             accords_relinker_check        (AccordsRelinker *self);
/* Stops following the store and cancels what runs; the work done so far
 * is kept, and the next check carries on from there */
void             accords_relinker_stop         (AccordsRelinker *self);
gboolean         accords_relinker_get_running  (AccordsRelinker *self);
double           accords_relinker_get_fraction (AccordsRelinker *self);

G_END_DECLS
