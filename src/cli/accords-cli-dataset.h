/* accords-cli-dataset.h: accords-cli verbs that curate the dataset */
#pragma once

#include "accords-cli-commands.h"

G_BEGIN_DECLS

/* agreement show|add|edit|delete */
int accords_cli_agreement      (AccordsCli *cli,
                                int         argc,
                                char      **argv);
/* import-dataset FILE [--prefer ours|theirs] */
int accords_cli_import_dataset (AccordsCli *cli,
                                int         argc,
                                char      **argv);
/* export-dataset [-o FILE] */
int accords_cli_dataset_update (AccordsCli *cli,
                                int         argc,
                                char      **argv);
int accords_cli_export_dataset (AccordsCli *cli,
                                int         argc,
                                char      **argv);

G_END_DECLS
