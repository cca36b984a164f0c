/* accords-export-dialog.h: what to export, in which format, and where */
#pragma once

#include <adwaita.h>

#include "accords-context.h"
#include "accords-export.h"
#include "accords-note.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_EXPORT_DIALOG (accords_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AccordsExportDialog, accords_export_dialog, ACCORDS, EXPORT_DIALOG, AdwMessageDialog)

/* note and agreement (a slug) are what "this note" and "this dossier" offer;
 * either may be NULL.  "Export…" asks where, then writes the file in a
 * worker thread and says how it went in a toast of the parent window.
 * Signal "exported" (GFile) when the file is written, "failed" (GError). */
AccordsExportDialog *accords_export_dialog_new         (GtkWindow            *parent,
                                                        AccordsContext       *context,
                                                        AccordsNote          *note,
                                                        const char           *agreement);
/* The choices as they stand */
void                 accords_export_dialog_get_options (AccordsExportDialog  *self,
                                                        AccordsExportOptions *options);
/* A file name for them: "us-rw-2025.pdf" */
char                *accords_export_dialog_suggest_name (AccordsExportDialog *self);
/* Chooses scope and format, as a person would in the rows */
void                 accords_export_dialog_choose      (AccordsExportDialog  *self,
                                                        AccordsExportScope    scope,
                                                        AccordsExportFormat   format,
                                                        AccordsExportTable    table);
/* Chooses how a report cites, as a person would in the row */
void                 accords_export_dialog_choose_style (AccordsExportDialog *self,
                                                         AccordsCitationStyle style);
/* Whether "Export…" can be pressed for the choices as they stand */
gboolean             accords_export_dialog_can_export  (AccordsExportDialog  *self);
/* Writes the export to file in a worker thread, as "Export…" does once a
 * file is chosen */
void                 accords_export_dialog_export_to   (AccordsExportDialog  *self,
                                                        GFile                *file);

G_END_DECLS
