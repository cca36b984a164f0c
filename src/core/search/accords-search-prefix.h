/* accords-search-prefix.h: whether a word typed last needs to be a prefix */
#pragma once

#include "accords-search-query.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* Whether reading word (the last word of a search, which the query reads
 * as a prefix) as a prefix can find more than the word itself finds in
 * the store's full-text indexes: whether an indexed term begins with its
 * stem and is longer.  When none does the prefix finds nothing more, and
 * would cost much: SQLite gathers every term a prefix begins before it
 * answers, where a term alone is read as far as needed.  TRUE when it
 * cannot tell. */
gboolean accords_search_prefix_needed (AccordsStore *store,
                                       const char   *word);
/* The same as an AccordsSearchPrefixFunc, store being the AccordsStore */
gboolean accords_search_prefix_needed_func      (const char *word,
                                                 gpointer    store);
/* The same for a search of the news items alone */
gboolean accords_search_item_prefix_needed_func (const char *word,
                                                 gpointer    store);

G_END_DECLS
