/* accords-cli-import.h: the news verbs of accords-cli: parse, import, items, mark */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

int accords_cli_cmd_parse  (AccordsCli *cli,
                            int         argc,
                            char      **argv);
int accords_cli_cmd_import (AccordsCli *cli,
                            int         argc,
                            char      **argv);
int accords_cli_cmd_items  (AccordsCli *cli,
                            int         argc,
                            char      **argv);
int accords_cli_cmd_mark   (AccordsCli *cli,
                            int         argc,
                            char      **argv);

G_END_DECLS
