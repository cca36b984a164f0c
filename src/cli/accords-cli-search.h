/* accords-cli-search.h: the search verbs of accords-cli: search, searches */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

int accords_cli_cmd_search   (AccordsCli *cli,
                              int         argc,
                              char      **argv);
int accords_cli_cmd_searches (AccordsCli *cli,
                              int         argc,
                              char      **argv);

G_END_DECLS
