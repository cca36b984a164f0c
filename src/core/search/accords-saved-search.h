/* accords-saved-search.h: searches kept under a name, with their filters and unread counts */
#pragma once

#include <glib.h>

#include "accords-store-items.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef struct {
  char             *name;        /* what identifies it */
  char             *query;       /* as typed (accords-search-query.h); "" for filters alone */
  gint64            feed_id;     /* 0: every feed */
  char             *country;     /* alpha-2, "" for any */
  char             *agreement;   /* slug, "" for any */
  char             *since;       /* YYYY[-MM[-DD]], "" for no bound */
  char             *until;
  AccordsItemLinked linked;
  gint64            n_items;     /* the news items it finds; -1 when not counted */
  gint64            n_unread;    /* of those, the ones not read; -1 when not counted */
} AccordsSavedSearch;

void accords_saved_search_free (AccordsSavedSearch *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSavedSearch, accords_saved_search_free)

/* "any", "linked", "unlinked", "suggested", "confirmed" */
const char *accords_item_linked_to_string   (AccordsItemLinked  linked);
/* FALSE when name is none of those */
gboolean    accords_item_linked_from_string (const char        *name,
                                             AccordsItemLinked *linked);

/* The filter the saved search stands for; its strings point into search */
void        accords_saved_search_get_filter (const AccordsSavedSearch *search,
                                             AccordsItemFilter        *filter);

/* Every saved search by name (a GPtrArray of AccordsSavedSearch), with
 * their counts when with_counts: the unread count rises as an import
 * brings new items that match. */
GPtrArray  *accords_saved_search_list       (AccordsStore             *store,
                                             gboolean                  with_counts,
                                             GError                  **error);
/* The one named name; ACCORDS_ERROR_NOT_FOUND when there is none */
AccordsSavedSearch *accords_saved_search_lookup (AccordsStore        *store,
                                                 const char          *name,
                                                 gboolean             with_counts,
                                                 GError             **error);
/* Saves the query with filter's narrowing (its feed, country, agreement,
 * dates and linked state; its query and unread are not kept) as name.
 * ACCORDS_ERROR_EXISTS when the name is taken, ACCORDS_ERROR_INVALID for
 * an empty name, a date that is not YYYY[-MM[-DD]], or neither a query
 * with a word nor a filter. */
gboolean    accords_saved_search_add        (AccordsStore             *store,
                                             const char               *name,
                                             const char               *query,
                                             const AccordsItemFilter  *filter,
                                             GError                  **error);
gboolean    accords_saved_search_rename     (AccordsStore             *store,
                                             const char               *name,
                                             const char               *new_name,
                                             GError                  **error);
gboolean    accords_saved_search_remove     (AccordsStore             *store,
                                             const char               *name,
                                             GError                  **error);

G_END_DECLS
