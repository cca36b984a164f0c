/* accords-cli-link.h: accords-cli link, the countries and agreements a text would be linked to */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

int accords_cli_link (AccordsCli  *cli,
                      int          argc,
                      char       **argv);

int accords_cli_relink (AccordsCli  *cli,
                        int          argc,
                        char       **argv);

int accords_cli_review (AccordsCli  *cli,
                        int          argc,
                        char       **argv);

G_END_DECLS
