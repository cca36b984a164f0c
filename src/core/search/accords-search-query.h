/* accords-search-query.h: what a researcher types, as a safe FTS5 query */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The syntax of a search, as typed:
 *   deport rwanda        every word (words are stemmed: "deported" finds "deport")
 *   "first flight"       a phrase
 *   uganda OR kenya      either
 *   rwanda NOT uganda    the first without the second
 *   rwanda AND uganda    the same as "rwanda uganda"
 *   title:rwanda         in the title only; also title:"a phrase", title:(a OR b)
 *   depor*               a prefix
 *   (a OR b) c           grouping
 * The last bare word of at least three characters is also read as a prefix
 * (see accords-search-query.c for why).  The operators are upper case:
 * "or" is a word.
 *
 * Returns the FTS5 expression, with every word quoted so that no FTS5
 * operator the researcher did not mean can appear; NULL with
 * ACCORDS_ERROR_INVALID when the text does not follow the syntax (an
 * unclosed quote or parenthesis, an operator missing a side), or holds no
 * word at all. */
char *accords_search_query_translate (const char  *text,
                                      GError     **error);

/* The translation, or when the text does not follow the syntax, its plain
 * words (accords_store_plain_words_query()); NULL when it holds no word. */
char *accords_search_query_to_fts    (const char  *text);

/* Whether the last bare word, which is read as a prefix, is to be one
 * (see accords_search_prefix_needed()) */
typedef gboolean (*AccordsSearchPrefixFunc) (const char *word,
                                             gpointer    user_data);

/* The same, asking needs_prefix (NULL: always) about the last bare word;
 * a prefix written with "*" stays one */
char *accords_search_query_translate_full (const char               *text,
                                           AccordsSearchPrefixFunc   needs_prefix,
                                           gpointer                  user_data,
                                           GError                  **error);
char *accords_search_query_to_fts_full    (const char               *text,
                                           AccordsSearchPrefixFunc   needs_prefix,
                                           gpointer                  user_data);

G_END_DECLS
