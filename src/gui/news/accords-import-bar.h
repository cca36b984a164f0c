/* accords-import-bar.h: runs an import off the main thread and shows its progress, with Cancel */
#pragma once

#include <gtk/gtk.h>

#include "accords-context.h"
#include "accords-feed-mapping.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_IMPORT_BAR (accords_import_bar_get_type ())

G_DECLARE_FINAL_TYPE (AccordsImportBar, accords_import_bar, ACCORDS, IMPORT_BAR, GtkWidget)

GtkWidget *accords_import_bar_new        (void);
/* Starts importing; FALSE when an import is already running.  Emits
 * ::finished with a GPtrArray of AccordsImportResult (NULL and an error if
 * the whole import failed) and whether it was cancelled. */
gboolean   accords_import_bar_start      (AccordsImportBar *self,
                                          AccordsContext   *context,
                                          GFile           **files,
                                          guint             n_files);
/* The same, every file read with mapping (NULL: as it says) */
gboolean   accords_import_bar_start_mapped (AccordsImportBar         *self,
                                            AccordsContext           *context,
                                            GFile                   **files,
                                            guint                     n_files,
                                            const AccordsFeedMapping *mapping);
gboolean   accords_import_bar_is_running (AccordsImportBar *self);
void       accords_import_bar_cancel     (AccordsImportBar *self);

G_END_DECLS
