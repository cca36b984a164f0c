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

/* Parses the options of a command whose one option is --json ("Print
 * JSON"), as accords_cli_parse_options() does */
gboolean accords_cli_parse_json_option (const char  *command,
                                        const char  *parameter_string,
                                        gboolean    *json,
                                        int         *argc,
                                        char      ***argv);

G_END_DECLS
