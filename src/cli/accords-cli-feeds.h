/* accords-cli-feeds.h: accords-cli subscribe, feeds, refresh and opml */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* subscribe URL */
int accords_cli_cmd_subscribe (AccordsCli  *cli,
                               int          argc,
                               char       **argv);
/* feeds [--json] */
int accords_cli_cmd_feeds     (AccordsCli  *cli,
                               int          argc,
                               char       **argv);
/* refresh [--all | ID...] */
int accords_cli_cmd_refresh   (AccordsCli  *cli,
                               int          argc,
                               char       **argv);
/* opml export -o FILE */
int accords_cli_cmd_opml      (AccordsCli  *cli,
                               int          argc,
                               char       **argv);

G_END_DECLS
