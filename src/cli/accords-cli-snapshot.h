/* accords-cli-snapshot.h: accords-cli snapshot */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* snapshot [--json] ITEM | source:ID */
int accords_cli_cmd_snapshot (AccordsCli  *cli,
                              int          argc,
                              char       **argv);

G_END_DECLS
