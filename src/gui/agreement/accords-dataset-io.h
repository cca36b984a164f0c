/* accords-dataset-io.h: the window's dataset import (with its conflicts) and export */
#pragma once

#include "accords-context.h"
#include "accords-dataset-release.h"
#include "accords-history.h"
#include "accords-merge-dialog.h"
#include "accords-window.h"

G_BEGIN_DECLS

/* Asks for a dataset file and merges it; conflicts go to an
 * AccordsMergeDialog.  The import is one step of the history. */
void                accords_dataset_io_import_dialog (AccordsWindow  *window,
                                                      AccordsHistory *history);
/* Merges file; the dialog of its conflicts, if any, is returned through
 * the window's toast and transient windows */
void                accords_dataset_io_import_file   (AccordsWindow  *window,
                                                      AccordsHistory *history,
                                                      GFile          *file);
/* Asks where, and writes the dataset there */
void                accords_dataset_io_export_dialog (AccordsWindow  *window);
/* Says once what a dataset release brought, and offers the new versions of
 * the agreements the user edited in the merge view */
void                accords_dataset_io_show_release_update (AccordsWindow        *window,
                                                            AccordsReleaseUpdate *update);
void                accords_dataset_io_export_file   (AccordsWindow  *window,
                                                      GFile          *file);

G_END_DECLS
