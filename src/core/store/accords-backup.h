/* accords-backup.h: copies of the database made with SQLite's online backup API, and restoring one
 *
 * A database's backups live in a folder beside it, named after it with
 * ".backups" added (accords.db.backups/), one file each, named by the UTC time
 * it was made so that they sort: 2025-01-02T030405.123Z-daily.db.  A backup is
 * written to a temporary file in that folder, checked with integrity_check and
 * only then renamed into place, so a file with a backup's name is always whole;
 * temporaries left by a killed backup are removed by the next one.  The newest
 * ACCORDS_BACKUP_KEEP are kept.
 *
 * Every database file is opened through SQLite only. */
#pragma once

#include <gio/gio.h>

#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_BACKUP_KEEP 7

/* Why a backup was made; the end of its file name */
#define ACCORDS_BACKUP_DAILY          "daily"
#define ACCORDS_BACKUP_MANUAL         "manual"
#define ACCORDS_BACKUP_BEFORE_RESTORE "before-restore"

typedef struct {
  char      *path;
  GDateTime *time;     /* UTC, read from the name */
  char      *reason;   /* "daily", "manual", "before-restore", "before-schema-N" */
} AccordsBackupInfo;

void               accords_backup_info_free      (AccordsBackupInfo *info);
/* The backup's time in the local time zone, for people */
char              *accords_backup_info_format_date (const AccordsBackupInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsBackupInfo, accords_backup_info_free)

/* The folder that holds the backups of the database at db_path */
char              *accords_backup_get_folder     (const char    *db_path);

/* The backups of the database at db_path, newest first (an empty array when
 * there are none, or no folder) */
GPtrArray         *accords_backup_list           (const char    *db_path,
                                                  GError       **error);
/* The newest backup, or NULL when there is none */
AccordsBackupInfo *accords_backup_get_newest     (const char    *db_path);

/* Whether the newest backup is older than a day (or there is none, or it is
 * dated in the future, as after the clock was set back) */
gboolean           accords_backup_is_due         (const char    *db_path,
                                                  GDateTime     *now);

/* Backs up the store's database into its backups folder, keeps the newest
 * ACCORDS_BACKUP_KEEP and returns the new file's path.  A damaged database
 * (ACCORDS_ERROR_CORRUPT) gives no backup, so it never pushes good ones out. */
char              *accords_backup_create         (AccordsStore  *store,
                                                  const char    *reason,
                                                  GError       **error);
/* The same, into the file target (replaced only once the copy is whole) */
gboolean           accords_backup_create_to      (AccordsStore  *store,
                                                  const char    *target,
                                                  GError       **error);
/* The backup taken before a migration from schema from to schema to, called
 * by the store itself */
gboolean           accords_backup_before_migration (AccordsStore *store,
                                                    guint         from,
                                                    guint         to,
                                                    GError      **error);

/* Checks that file is a whole Accords database this version can open:
 * ACCORDS_ERROR_NOT_A_DATABASE, ACCORDS_ERROR_TOO_NEW or ACCORDS_ERROR_CORRUPT
 * otherwise.  schema_out, when given, gets its schema version. */
gboolean           accords_backup_check_file     (const char    *file,
                                                  guint         *schema_out,
                                                  GError       **error);

/* Whether an error opening a database means its file is damaged, so a backup
 * is worth offering */
gboolean           accords_backup_error_is_damage (const GError *error);

/* Puts the content of the backup file into the database at db_path.
 *
 * When the database opens, it is backed up first (reason "before-restore";
 * saved_out gets that backup's path) and the backup is copied into it through
 * SQLite, so other connections see one consistent change.  When it is damaged,
 * it is moved aside with its -wal and -shm files, renamed to
 * "<name>.damaged-<UTC time>" (saved_out gets that path), and the backup is
 * copied into a new file in its place.  Nothing is changed when file is not an
 * Accords database, is damaged or is newer than this version knows.  The
 * restored database may have an older schema: opening it migrates it. */
gboolean           accords_backup_restore        (const char    *file,
                                                  const char    *db_path,
                                                  char         **saved_out,
                                                  GError       **error);
void               accords_backup_restore_async  (const char          *file,
                                                  const char          *db_path,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           accords_backup_restore_finish (GAsyncResult        *result,
                                                  char               **saved_out,
                                                  GError             **error);

G_END_DECLS
