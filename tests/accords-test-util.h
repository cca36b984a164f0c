/* accords-test-util.h: what several test programs need */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a temporary folder a test made, with the files in it (a database
 * and its -wal and -shm files, exports) */
void accords_test_remove_dir (const char *dir);
/* Runs the main context until object is held by the caller alone (at most
 * a few seconds): a worker thread lets go of its task, and so of the task's
 * source object, just after the result reaches the main thread. */
void accords_test_wait_for_last_ref (gpointer object);

G_END_DECLS
