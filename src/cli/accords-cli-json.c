/* accords-cli-json.c: JSON on standard output */
#define G_LOG_DOMAIN "accords-cli-json"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-cli-commands.h"
#include "accords-cli-json.h"

gboolean
accords_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  if (fwrite (text, 1, len, stdout) != len || fputc ('\n', stdout) == EOF || fflush (stdout) != 0)
    return FALSE;
  return TRUE;
}

int
accords_cli_print_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return accords_cli_print_json (node) ? 0 : 1;
}

int
accords_cli_print_array (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return accords_cli_print_json (node) ? 0 : 1;
}

gboolean
accords_cli_parse_json_option (const char  *command,
                               const char  *parameter_string,
                               gboolean    *json,
                               int         *argc,
                               char      ***argv)
{
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON"), NULL },
    { NULL }
  };

  *json = FALSE;
  return accords_cli_parse_options (command, parameter_string, entries, argc, argv);
}
