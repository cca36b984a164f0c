/* accords-cli-notes.h: accords-cli note and source */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* note add --agreement ID | --country CC --file FILE.md; note list [--json] */
int accords_cli_cmd_note   (AccordsCli *cli,
                            int         argc,
                            char      **argv);
/* source add --url URL [--title ...] [--agreement ID] */
int accords_cli_cmd_source (AccordsCli *cli,
                            int         argc,
                            char      **argv);

G_END_DECLS
