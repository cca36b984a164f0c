/* accords-cli-json.h: JSON on standard output */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes node as pretty JSON and a newline to stdout; FALSE on a write error */
gboolean accords_cli_print_json   (JsonNode   *node);
/* The same for an object or an array, giving the exit status: 0, or 1 on a
 * write error */
int      accords_cli_print_object (JsonObject *object);
int      accords_cli_print_array  (JsonArray  *array);

G_END_DECLS
