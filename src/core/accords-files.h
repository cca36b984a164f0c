/* accords-files.h: the files Accords reads and writes, and what they must be */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Input: a regular file, or standard input for "-".  A FIFO, a device, a
 * socket or a directory is refused at once: the file is opened without
 * blocking, so a FIFO with no writer never makes anyone wait, and checked
 * with fstat() on the descriptor that is then read. */

/* Checks path (following links) without opening it; FALSE with a message
 * naming the file and what it is when it is not a regular file. */
gboolean      accords_check_input_file   (const char    *path,
                                          GError       **error);
/* Opens path for reading: a descriptor, or -1 with the error set */
int           accords_open_input_file    (const char    *path,
                                          GError       **error);
/* The same as a stream, with the file's size */
GInputStream *accords_read_input_file    (GFile         *file,
                                          goffset       *size,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* All of a regular file, or of standard input for "-" */
GBytes       *accords_load_input         (const char    *path,
                                          GError       **error);
/* "standard input" for "-", else the file name for messages */
char         *accords_describe_input     (const char    *path);

/* Output: a regular file (or a link to one) or a new path.  Anything else
 * is refused untouched: a device, a FIFO, a socket, a directory. */
gboolean      accords_check_output_file  (const char    *path,
                                          GError       **error);
/* Checks path as above, then writes data to a temporary file beside it,
 * syncs it and renames it over path: the old file is replaced only by a
 * whole new one, and a failure leaves path as it was and no temporary file.
 * The temporary file is named .NAME.accords-PID-XXXXXX.tmp; those left by a
 * process that was killed while it wrote are removed by the next write to
 * the same folder. */
gboolean      accords_write_file_atomic  (const char    *path,
                                          const void    *data,
                                          gsize          length,
                                          GError       **error);
/* Removes the temporaries of dead writers in folder; the number removed */
guint         accords_clean_stale_temporaries (const char *folder);

G_END_DECLS
