/* accords-searcher.h: a search that follows typing: debounced, off the main thread, stale results dropped */
#pragma once

#include <gio/gio.h>

#include "accords-search.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SEARCHER (accords_searcher_get_type ())

G_DECLARE_FINAL_TYPE (AccordsSearcher, accords_searcher, ACCORDS, SEARCHER, GObject)

/* Searches store's database, each search on a connection of its own in a
 * worker thread (accords_search_run()), at most limit hits of each group */
AccordsSearcher *accords_searcher_new           (AccordsStore            *store,
                                                 guint                    limit);
/* How long to wait after the last change before searching (ms; 0: at the
 * next main loop turn) */
void             accords_searcher_set_delay     (AccordsSearcher         *self,
                                                 guint                    delay_ms);
/* Searches query (a blank one: no results) narrowed by filter
 * (NULL: none; copied, its query ignored) once the delay has passed with no
 * other change.  A search still under way for an earlier query is
 * cancelled, and its results, should they arrive, are dropped:
 * "finished" is only emitted for the latest query. */
void             accords_searcher_set_query     (AccordsSearcher         *self,
                                                 const char              *query,
                                                 const AccordsItemFilter *filter);
const char      *accords_searcher_get_query     (AccordsSearcher         *self);
/* The results of the latest query once "finished" was emitted; NULL while
 * it runs, for a blank query, or when it failed */
const AccordsSearchResults *accords_searcher_get_results (AccordsSearcher *self);
/* Whether a search is pending or running ("busy" property) */
gboolean         accords_searcher_get_busy      (AccordsSearcher         *self);
/* How many searches were started, and how many of their results dropped
 * for being stale: for tests */
guint            accords_searcher_get_n_started (AccordsSearcher         *self);
guint            accords_searcher_get_n_dropped (AccordsSearcher         *self);

G_END_DECLS
