/* accords-json-reader.h: JSON from files someone else wrote, checked before it is parsed */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Arrays and objects nest at most this deep (a dataset needs six levels).
 * The limit is checked before json-glib, whose parser recurses, sees the
 * text, so deep nesting cannot exhaust the stack. */
#define ACCORDS_JSON_MAX_DEPTH 32

/* Parses text after checking what json-glib lets through: nesting beyond
 * ACCORDS_JSON_MAX_DEPTH, strings that are not valid UTF-8, that hold NUL
 * (\u0000) or a lone UTF-16 surrogate (\ud800), and numbers out of range
 * (1e999999).  An empty or blank text is refused too.  Messages start with
 * where and name the member ("agreements[2].title").  Never aborts on any
 * input. */
JsonNode *accords_json_parse_data (const char  *data,
                                   gsize        length,
                                   const char  *where,
                                   GError     **error);
/* The same for a regular file, or standard input for "-"
 * (accords-files.h says what is refused) */
JsonNode *accords_json_parse_file (const char  *path,
                                   GError     **error);

G_END_DECLS
