/* accords-cli-export.h: accords-cli export */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* export --format md|html|pdf|csv|json|geojson [--note ID | --agreement ID | --all] -o FILE */
int accords_cli_cmd_export (AccordsCli *cli,
                            int         argc,
                            char      **argv);

G_END_DECLS
