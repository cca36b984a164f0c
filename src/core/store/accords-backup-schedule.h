/* accords-backup-schedule.h: a backup a day while the app runs */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_BACKUP_SCHEDULE (accords_backup_schedule_get_type ())

G_DECLARE_FINAL_TYPE (AccordsBackupSchedule, accords_backup_schedule, ACCORDS, BACKUP_SCHEDULE, GObject)

/* Idle until started.  Each check runs on a worker thread with its own
 * connection and backs the database up when its newest backup is older than
 * a day; "checked" then tells the path of the new backup, or NULL. */
AccordsBackupSchedule *accords_backup_schedule_new     (const char            *db_path);
const char            *accords_backup_schedule_get_db_path (AccordsBackupSchedule *self);
/* Checks now, then every hour, until stopped */
void                   accords_backup_schedule_start   (AccordsBackupSchedule *self);
void                   accords_backup_schedule_stop    (AccordsBackupSchedule *self);
/* One check now, unless one is running */
void                   accords_backup_schedule_check   (AccordsBackupSchedule *self);

G_END_DECLS
