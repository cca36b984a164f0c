/* accords-test-util.h: what several test programs need */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a temporary folder a test made, with the files in it (a database
 * and its -wal and -shm files, exports) */
void accords_test_remove_dir (const char *dir);

G_END_DECLS
