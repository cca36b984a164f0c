/* accords-files.c: the files Accords reads and writes, and what they must be */
#define G_LOG_DOMAIN "accords-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accords-error.h"
#include "accords-files.h"

#define TEMP_MARK ".accords-"
#define TEMP_SUFFIX ".tmp"

static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

static gboolean
set_not_regular (GError     **error,
                 const char  *path,
                 mode_t       mode,
                 gboolean     output)
{
  g_autofree char *display = g_filename_display_name (path);

  if (output)
    g_set_error (error, G_IO_ERROR, S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Cannot write %s: it is %s, not a regular file; nothing was written"),
                 display, describe_mode (mode));
  else
    g_set_error (error, G_IO_ERROR, S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: it is %s, not a regular file"), display, describe_mode (mode));
  return FALSE;
}

typedef enum {
  PROBLEM_READ,
  PROBLEM_WRITE,
  PROBLEM_FOLDER,
  PROBLEM_LINK,
} Problem;

static gboolean
set_errno (GError     **error,
           int          saved_errno,
           Problem      problem,
           const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);
  const char *reason = g_strerror (saved_errno);

  switch (problem)
    {
    case PROBLEM_READ:
      g_set_error (error, G_IO_ERROR, code, _("%s: %s"), display, reason);
      break;
    case PROBLEM_WRITE:
      g_set_error (error, G_IO_ERROR, code, _("Cannot write %s: %s"), display, reason);
      break;
    case PROBLEM_FOLDER:
      g_set_error (error, G_IO_ERROR, code, _("Cannot write %s: its folder cannot be written: %s"), display, reason);
      break;
    case PROBLEM_LINK:
    default:
      g_set_error (error, G_IO_ERROR, code, _("Cannot write %s: it is a link to nothing that can be written (%s)"),
                   display, reason);
      break;
    }
  return FALSE;
}

char *
accords_describe_input (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    return g_strdup (_("standard input"));
  return g_filename_display_name (path);
}

gboolean
accords_check_input_file (const char  *path,
                          GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return set_errno (error, errno, PROBLEM_READ, path);
  if (!S_ISREG (st.st_mode))
    return set_not_regular (error, path, st.st_mode, FALSE);
  return TRUE;
}

int
accords_open_input_file (const char  *path,
                         GError     **error)
{
  struct stat st;
  int fd, flags;

  g_return_val_if_fail (path != NULL, -1);

  /* O_NONBLOCK: opening a FIFO with no writer returns at once */
  do
    fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      int saved = errno;
      GStatBuf what;

      /* a socket cannot be opened at all: say what it is */
      if (g_stat (path, &what) == 0 && !S_ISREG (what.st_mode))
        set_not_regular (error, path, what.st_mode, FALSE);
      else
        set_errno (error, saved, PROBLEM_READ, path);
      return -1;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      set_errno (error, saved, PROBLEM_READ, path);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular (error, path, st.st_mode, FALSE);
      return -1;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

GInputStream *
accords_read_input_file (GFile         *file,
                         goffset       *size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (size)
    *size = 0;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* not on this computer: GIO knows what it is */
      g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
      g_autoptr(GFileInfo) info = NULL;

      if (stream == NULL)
        return NULL;
      info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
      if (size && info)
        *size = g_file_info_get_size (info);
      return G_INPUT_STREAM (g_steal_pointer (&stream));
    }
  if ((fd = accords_open_input_file (path, error)) < 0)
    return NULL;
  if (size && fstat (fd, &st) == 0)
    *size = st.st_size;

  /* A seekable stream, so readers can tell how far they are: the file the
   * checked descriptor holds, opened again through /proc (the same file
   * even if path was replaced meanwhile). */
  {
    g_autofree char *self_path = g_strdup_printf ("/proc/self/fd/%d", fd);
    g_autoptr(GFile) self_file = g_file_new_for_path (self_path);
    GFileInputStream *stream = g_file_read (self_file, cancellable, NULL);

    if (stream != NULL)
      {
        close (fd);
        return G_INPUT_STREAM (stream);
      }
  }
  return g_unix_input_stream_new (fd, TRUE);
}

static GBytes *
read_fd (int          fd,
         const char  *path,
         GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno (error, errno, PROBLEM_READ, path);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
accords_load_input (const char  *path,
                    GError     **error)
{
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    return read_fd (STDIN_FILENO, _("standard input"), error);
  if ((fd = accords_open_input_file (path, error)) < 0)
    return NULL;
  bytes = read_fd (fd, path, error);
  close (fd);
  return bytes;
}

/* ------------------------------------------------------------------ output */

/* The file to write for path: path itself, or the regular file a link
 * points to (so the link stays); NULL when path is not something to write. */
static char *
output_target (const char  *path,
               GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return g_strdup (path);
      set_errno (error, errno, PROBLEM_WRITE, path);
      return NULL;
    }
  if (S_ISREG (st.st_mode))
    return g_strdup (path);
  if (S_ISLNK (st.st_mode))
    {
      char *real;

      if (g_stat (path, &st) != 0)
        {
          set_errno (error, errno, PROBLEM_LINK, path);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          set_not_regular (error, path, st.st_mode, TRUE);
          return NULL;
        }
      if ((real = realpath (path, NULL)) == NULL)
        {
          set_errno (error, errno, PROBLEM_WRITE, path);
          return NULL;
        }
      return real;
    }
  set_not_regular (error, path, st.st_mode, TRUE);
  return NULL;
}

gboolean
accords_check_output_file (const char  *path,
                           GError     **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  target = output_target (path, error);
  return target != NULL;
}

/* ".NAME.accords-PID-XXXXXX.tmp": the writer's process id, or 0 */
static pid_t
temporary_owner (const char *name)
{
  const char *mark, *p;
  gsize len = strlen (name);
  guint64 pid = 0;

  if (name[0] != '.' || len < strlen (TEMP_MARK) + 8 + strlen (TEMP_SUFFIX) ||
      !g_str_has_suffix (name, TEMP_SUFFIX))
    return 0;
  mark = g_strrstr (name, TEMP_MARK);
  if (mark == NULL || mark == name)
    return 0;
  for (p = mark + strlen (TEMP_MARK); g_ascii_isdigit (*p); p++)
    pid = pid * 10 + (guint64) (*p - '0');
  if (p == mark + strlen (TEMP_MARK) || *p != '-' || pid == 0 || pid > G_MAXINT32)
    return 0;
  /* six random characters, then the suffix */
  if ((gsize) (name + len - (p + 1)) != 6 + strlen (TEMP_SUFFIX))
    return 0;
  return (pid_t) pid;
}

guint
accords_clean_stale_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_return_val_if_fail (folder != NULL, 0);

  if ((dir = g_dir_open (folder, 0, NULL)) == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      pid_t pid = temporary_owner (name);
      g_autofree char *path = NULL;
      GStatBuf st;

      /* a live writer, this process's own threads included, keeps its file */
      if (pid == 0 || pid == getpid () || kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          g_unlink (path) == 0)
        n++;
    }
  return n;
}

gboolean
accords_write_file_atomic (const char  *path,
                           const void  *data,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *pattern = NULL;
  const guint8 *p = data;
  gsize left = length;
  GStatBuf existing;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((target = output_target (path, error)) == NULL)
    return FALSE;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  accords_clean_stale_temporaries (dir);

  /* g_mkstemp_full() replaces the last six X with a unique name */
  pattern = g_strdup_printf (".%s" TEMP_MARK "%d-XXXXXX" TEMP_SUFFIX, base, (int) getpid ());
  temp = g_build_filename (dir, pattern, NULL);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno (error, errno, PROBLEM_FOLDER, path);

  /* keep the permissions of the file being replaced; else those of a new file */
  if (g_stat (target, &existing) == 0)
    fchmod (fd, existing.st_mode & 07777);
  else
    {
      mode_t mask = umask (0);
      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }

  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_unlink (temp);
          return set_errno (error, saved, PROBLEM_WRITE, path);
        }
      p += n;
      left -= (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (temp);
      return set_errno (error, saved, PROBLEM_WRITE, path);
    }
  if (close (fd) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_errno (error, saved, PROBLEM_WRITE, path);
    }
  if (g_rename (temp, target) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_errno (error, saved, PROBLEM_WRITE, path);
    }
  return TRUE;
}
