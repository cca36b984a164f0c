/* accords-search.h: one search over the news, the notes and the agreements */
#pragma once

#include <glib.h>

#include "accords-search-markup.h"
#include "accords-search-query.h"
#include "accords-store-items.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef enum {
  ACCORDS_SEARCH_GROUP_ITEMS,
  ACCORDS_SEARCH_GROUP_NOTES,
  ACCORDS_SEARCH_GROUP_AGREEMENTS,
  ACCORDS_SEARCH_N_GROUPS,
} AccordsSearchGroup;

/* "items", "notes", "agreements" */
const char *accords_search_group_to_string (AccordsSearchGroup group);

typedef struct {
  AccordsSearchGroup group;
  gint64    id;        /* the item's, note's or agreement's row id */
  char     *slug;      /* an agreement's id; a note's agreement (NULL when it has none); items: NULL */
  char     *title;     /* marked (accords-search-markup.h) */
  char     *snippet;   /* marked: the words around the matches in the text */
  char     *date;      /* items: published (else updated); notes: updated; agreements: status as of */
  gboolean  read;      /* items */
} AccordsSearchHit;

void accords_search_hit_free (AccordsSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSearchHit, accords_search_hit_free)

typedef struct {
  char      *query;                            /* what was searched, as FTS5 */
  gint64     totals[ACCORDS_SEARCH_N_GROUPS];  /* every match of each group, not only the hits */
  GPtrArray *hits[ACCORDS_SEARCH_N_GROUPS];    /* AccordsSearchHit, at most the limit of each */
} AccordsSearchResults;

void accords_search_results_free (AccordsSearchResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSearchResults, accords_search_results_free)

/* Runs query (accords-search-query.h: a malformed one as plain words) over
 * each group: news items newest first, notes and agreements best match
 * first, at most limit of each (0: no limit), with the total of each.
 * filter (NULL: none; its query is ignored) narrows the news as the News
 * list does.  Its country and agreement narrow notes (attached to the
 * agreement or country, or to an agreement the country is party to) and
 * agreements (that one, or those the country is party to) too; a filter
 * only news items have (a feed, dates, the linked state, unread) leaves
 * the notes and the agreements out.  A blank query finds nothing.
 *
 * Reads the store: call it where the store lives (a worker's connection
 * for the window, see accords_store_open_worker()). */
AccordsSearchResults *accords_search_run (AccordsStore            *store,
                                          const char              *query,
                                          const AccordsItemFilter *filter,
                                          guint                    limit,
                                          GError                 **error);

G_END_DECLS
