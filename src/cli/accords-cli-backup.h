/* accords-cli-backup.h: accords-cli backup, backups and restore */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* backup [-o FILE] */
int  accords_cli_cmd_backup   (AccordsCli   *cli,
                               int           argc,
                               char        **argv);
/* backups [--json] */
int  accords_cli_cmd_backups  (AccordsCli   *cli,
                               int           argc,
                               char        **argv);
/* restore FILE */
int  accords_cli_cmd_restore  (AccordsCli   *cli,
                               int           argc,
                               char        **argv);

/* After a database failed to open as damaged: which backup to restore, and how */
void accords_cli_suggest_restore (AccordsCli   *cli,
                                  const GError *error);

G_END_DECLS
