/* accords-restore-window.h: what the app shows instead of its window when the database is damaged: the offer of its newest backup */
#pragma once

#include <adwaita.h>

#include "accords-backup.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_RESTORE_WINDOW (accords_restore_window_get_type ())

G_DECLARE_FINAL_TYPE (AccordsRestoreWindow, accords_restore_window, ACCORDS, RESTORE_WINDOW, AdwApplicationWindow)

/* Shows why the database at db_path did not open and, once presented, asks
 * whether to restore backup in its place or quit.  Restoring runs on a
 * worker; "restored" (with the path where what was there is kept) follows
 * when it worked, the error is shown in the window when it did not. */
AccordsRestoreWindow *accords_restore_window_new        (GtkApplication          *application,
                                                         const char              *db_path,
                                                         const AccordsBackupInfo *backup,
                                                         const char              *message);
/* The question, while it is open */
AdwMessageDialog     *accords_restore_window_get_dialog (AccordsRestoreWindow    *self);
/* Shows a failure after the restore, such as the restored database not opening */
void                  accords_restore_window_show_error (AccordsRestoreWindow    *self,
                                                         const char              *title,
                                                         const char              *message);

G_END_DECLS
