/* accords-test-util.c: what several test programs need */
#include "config.h"

#include <glib-object.h>
#include <glib/gstdio.h>

#include "accords-test-util.h"

void
accords_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        accords_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
accords_test_wait_for_last_ref (gpointer object)
{
  for (guint i = 0; i < 500 && G_OBJECT (object)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}
