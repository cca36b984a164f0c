/* accords-cli-json.h: JSON on standard output */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes node as pretty JSON and a newline to stdout; FALSE on a write error */
gboolean accords_cli_print_json (JsonNode *node);

G_END_DECLS
