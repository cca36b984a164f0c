/* accords-search-highlight.h: the words a search matched, highlighted wherever they appear */
#pragma once

#include <glib.h>

#include "accords-search.h"

G_BEGIN_DECLS

/* How a match is shown in a label's markup */
#define ACCORDS_SEARCH_HIGHLIGHT_OPEN  "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"45%\">"
#define ACCORDS_SEARCH_HIGHLIGHT_CLOSE "</span>"

/* The marked text (accords-search-markup.h) as label markup, its matches highlighted */
char       *accords_search_marked_to_highlight (const char  *marked);

/* The words the search marked in the hits' titles and snippets, case
 * folded: a set (a GHashTable of its keys).  The stemmer decided what
 * matched; these are the forms it matched, to be found again in text the
 * search did not mark (a whole article in the reader, a row beyond the
 * hits). */
GHashTable *accords_search_matched_words        (const AccordsSearchResults *results);
/* markup (Pango markup) with each of words (whole words, any case) highlighted;
 * tags and entities are left as they are */
char       *accords_search_highlight_markup     (const char  *markup,
                                                 GHashTable  *words);
/* The same for plain text, escaped */
char       *accords_search_highlight_text       (const char  *text,
                                                 GHashTable  *words);

G_END_DECLS
