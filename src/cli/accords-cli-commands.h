/* accords-cli-commands.h: the verbs of accords-cli */
#pragma once

#include <glib.h>

#include "accords-context.h"

G_BEGIN_DECLS

typedef struct _AccordsCli AccordsCli;

/* The context for the chosen --db, opened on first use; NULL with an error
 * printed when it cannot be opened. */
AccordsContext *accords_cli_get_context (AccordsCli *cli);
const char     *accords_cli_get_db_path (AccordsCli *cli);

/* The context's store; NULL as for accords_cli_get_context() */
AccordsStore   *accords_cli_get_store   (AccordsCli *cli);

/* Prints "accords-cli: message" to stderr */
void            accords_cli_error       (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* Print as accords_cli_error() does, and give the exit status of a failure
 * (1) or of a usage error (2) */
int             accords_cli_fail        (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);
int             accords_cli_usage_error (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* Prints "accords-cli: command: message" (without "command: " when command
 * is NULL) and gives the exit status of a failure, 1 */
int             accords_cli_fail_error  (const char   *command,
                                         const GError *error);

typedef int (*AccordsCliCommandFunc) (AccordsCli *cli,
                                      int         argc,
                                      char      **argv);

typedef struct {
  const char            *name;
  const char            *usage;       /* after the name: "[--json]" */
  const char            *summary;
  AccordsCliCommandFunc  run;
} AccordsCliCommand;

const AccordsCliCommand *accords_cli_commands (guint *n_commands);

/* All of a file, or of standard input for "-", NUL-terminated; length, when
 * not NULL, says how much was read (the text itself may hold a NUL) */
char           *accords_cli_load_text   (const char  *path,
                                         gsize       *length,
                                         GError     **error);

/* Parses argv with the entries, printing usage errors; FALSE when the caller
 * should exit with status 2. */
gboolean        accords_cli_parse_options (const char    *command,
                                           const char    *parameter_string,
                                           GOptionEntry  *entries,
                                           int           *argc,
                                           char        ***argv);

int             accords_cli_main        (int    argc,
                                         char **argv);

G_END_DECLS
