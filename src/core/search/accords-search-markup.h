/* accords-search-markup.h: search results' marked matches, as markup or plain text */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The search marks each match in a title or a snippet by putting
 * ACCORDS_SEARCH_MARK_START before it and ACCORDS_SEARCH_MARK_END after it:
 * the control characters STX and ETX, which no feed can hold (XML forbids
 * them) and no markup or terminal gives a meaning to.  Text that holds them
 * anyway (a note, a dataset) cannot break what the functions below make: a
 * mark that opens inside a match or closes outside one is dropped, and a
 * match left open is closed at the end. */
#define ACCORDS_SEARCH_MARK_START "\002"
#define ACCORDS_SEARCH_MARK_END   "\003"

/* A match in the plain text, in characters (not bytes) from its start */
typedef struct {
  guint start;
  guint end;   /* one past the last character */
} AccordsSearchRange;

/* The marked text without its marks; ranges (may be NULL): a GArray of
 * AccordsSearchRange, the matches.  Other control characters than tab
 * and line feed are dropped, and invalid UTF-8 replaced. */
char *accords_search_marked_to_plain  (const char  *marked,
                                       GArray     **ranges);
/* The marked text as Pango markup: the text escaped, each match between
 * open_tag and close_tag (NULL: "<b>" and "</b>"), which are copied as
 * they are. */
char *accords_search_marked_to_markup (const char  *marked,
                                       const char  *open_tag,
                                       const char  *close_tag);
/* The marked text with each match between open and close, and nothing
 * escaped: for a terminal ("[" and "]", or bold). */
char *accords_search_marked_replace   (const char  *marked,
                                       const char  *open,
                                       const char  *close);

G_END_DECLS
