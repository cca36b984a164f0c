/* accords-dataset-io.h: the window's dataset import (with its conflicts) and export */
#pragma once

#include <gtk/gtk.h>

#include "accords-context.h"
#include "accords-dataset-release.h"
#include "accords-merge-dialog.h"

G_BEGIN_DECLS

/* Asks for a dataset file and merges it; conflicts go to an
 * AccordsMergeDialog.  The import is one step of the context's history. */
void                accords_dataset_io_import_dialog (GtkWindow      *window,
                                                      AccordsContext *context);
/* Merges file; the dialog of its conflicts, if any, is transient for window,
 * and the outcome a toast in it */
void                accords_dataset_io_import_file   (GtkWindow      *window,
                                                      AccordsContext *context,
                                                      GFile          *file);
/* Asks where, and writes the dataset there */
void                accords_dataset_io_export_dialog (GtkWindow      *window,
                                                      AccordsContext *context);
void                accords_dataset_io_export_file   (GtkWindow      *window,
                                                      AccordsContext *context,
                                                      GFile          *file);
/* Says once what a dataset release brought, and offers the new versions of
 * the agreements the user edited in the merge view */
void                accords_dataset_io_show_release_update (GtkWindow            *window,
                                                            AccordsContext       *context,
                                                            AccordsReleaseUpdate *update);

G_END_DECLS
