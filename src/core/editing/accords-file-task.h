/* accords-file-task.h: work on a file in a worker thread, with a connection of its own */
#pragma once

#include <gio/gio.h>

#include "accords-store.h"

G_BEGIN_DECLS

/* Runs in the worker: gives the task its value (g_task_return_*()) and
 * returns TRUE, or returns FALSE with error set. */
typedef gboolean (*AccordsFileTaskFunc) (GTask         *task,
                                         AccordsStore  *store,
                                         GFile         *file,
                                         gpointer       job,
                                         GError       **error);

/* Runs func in a worker thread on a connection to store's database of its
 * own; job (freed with job_free) is what else func needs. */
void accords_file_task_run (GTask               *task,
                            AccordsStore        *store,
                            GFile               *file,
                            AccordsFileTaskFunc  func,
                            gpointer             job,
                            GDestroyNotify       job_free);

/* The whole of an _async function whose func needs nothing but the file: a
 * new task, tagged with source_tag, run as accords_file_task_run() does */
void accords_file_task_start (AccordsStore        *store,
                              GFile               *file,
                              AccordsFileTaskFunc  func,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

G_END_DECLS
