/* accords-cli-backup.c: accords-cli backup, backups and restore */
#define G_LOG_DOMAIN "accords-cli-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-backup.h"
#include "accords-cli-backup.h"
#include "accords-cli-json.h"

static char *
db_path (AccordsCli *cli)
{
  const char *path = accords_cli_get_db_path (cli);

  return path != NULL ? g_strdup (path) : accords_context_default_db_path ();
}

/* A path as a shell would take it, quoted only when it must be */
static char *
shell_word (const char *path)
{
  for (const char *p = path; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-./+:,@%", *p) == NULL)
      return g_shell_quote (path);
  return g_strdup (path);
}

/* "accords-cli --db PATH restore FILE", to copy into a shell */
static char *
restore_command (AccordsCli *cli,
                 const char *file)
{
  g_autofree char *quoted_file = shell_word (file);
  g_autofree char *quoted_db = NULL;

  if (accords_cli_get_db_path (cli) == NULL)
    return g_strdup_printf ("accords-cli restore %s", quoted_file);
  quoted_db = shell_word (accords_cli_get_db_path (cli));
  return g_strdup_printf ("accords-cli --db %s restore %s", quoted_db, quoted_file);
}

void
accords_cli_suggest_restore (AccordsCli   *cli,
                             const GError *error)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsBackupInfo) newest = NULL;
  g_autofree char *date = NULL;
  g_autofree char *command = NULL;

  if (!accords_backup_error_is_damage (error))
    return;
  path = db_path (cli);
  if ((newest = accords_backup_get_newest (path)) == NULL)
    return;
  date = accords_backup_info_format_date (newest);
  command = restore_command (cli, newest->path);
  accords_cli_error (_("the newest backup is %s of %s: restore it with %s"), newest->path, date, command);
}

int
accords_cli_cmd_backup (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the backup to FILE instead of the backups folder"),
      "FILE" },
    { NULL }
  };
  g_autofree char *path = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;
  AccordsContext *context;

  if (!accords_cli_parse_options ("backup", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    return accords_cli_usage_error (_("backup: unexpected argument “%s”"), argv[1]);
  if (output != NULL && *output == '\0')
    return accords_cli_usage_error (_("backup: -o needs a file name"));

  path = db_path (cli);
  /* a backup of a database that did not exist would be a new, empty one */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return accords_cli_fail (_("There is no database at %s to back up"), path);
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  if (output != NULL)
    {
      if (!accords_backup_create_to (accords_context_get_store (context), output, &error))
        return accords_cli_fail_error (NULL, error);
      made = g_steal_pointer (&output);
    }
  else if (!(made = accords_backup_create (accords_context_get_store (context), ACCORDS_BACKUP_MANUAL, &error)))
    return accords_cli_fail_error (NULL, error);
  printf ("%s\n", made);
  return 0;
}

int
accords_cli_cmd_backups (AccordsCli *cli,
                         int         argc,
                         char      **argv)
{
  gboolean json;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (!accords_cli_parse_json_option ("backups", "", &json, &argc, &argv))
    return 2;
  if (argc > 1)
    return accords_cli_usage_error (_("backups: unexpected argument “%s”"), argv[1]);

  path = db_path (cli);
  if (!(list = accords_backup_list (path, &error)))
    return accords_cli_fail_error (NULL, error);

  for (guint i = 0; i < list->len; i++)
    {
      AccordsBackupInfo *info = g_ptr_array_index (list, i);

      if (json)
        {
          JsonObject *o = json_object_new ();
          g_autofree char *date = g_date_time_format_iso8601 (info->time);

          json_object_set_string_member (o, "path", info->path);
          json_object_set_string_member (o, "date", date);
          json_object_set_string_member (o, "reason", info->reason);
          json_array_add_object_element (array, o);
        }
      else
        {
          g_autofree char *local = accords_backup_info_format_date (info);
          printf ("%-24s %-16s %s\n", local, info->reason, info->path);
        }
    }
  return json ? accords_cli_print_array (array) : 0;
}

int
accords_cli_cmd_restore (AccordsCli *cli,
                         int         argc,
                         char      **argv)
{
  GOptionEntry entries[] = {
    { NULL }
  };
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *file;

  if (!accords_cli_parse_options ("restore", "FILE", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return accords_cli_usage_error (_("restore: give the one backup file to restore"));
  file = argv[1];
  path = db_path (cli);

  if (!accords_backup_restore (file, path, &saved, &error))
    return accords_cli_fail_error (NULL, error);
  printf (_("Restored %s into %s\n"), file, path);
  if (saved != NULL)
    printf (_("What was there before is kept as %s\n"), saved);

  /* an older backup is upgraded now, not by the next command to open it */
  if (!accords_cli_get_context (cli))
    return 1;
  return 0;
}
