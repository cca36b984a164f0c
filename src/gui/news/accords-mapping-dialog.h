/* accords-mapping-dialog.h: where the items of an XML file of no known kind are, with a live preview */
#pragma once

#include <adwaita.h>

#include "accords-feed-mapping.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_MAPPING_DIALOG (accords_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMappingDialog, accords_mapping_dialog, ACCORDS, MAPPING_DIALOG, AdwWindow)

/* Opens on file with a guess made from its first elements; every change
 * reads the first items again in a worker.  Emits ::import-requested when
 * the researcher asks for the import: the caller imports the file with
 * the mapping and closes the dialog. */
AccordsMappingDialog     *accords_mapping_dialog_new             (GtkWindow            *parent,
                                                                  GFile                *file);
GFile                    *accords_mapping_dialog_get_file        (AccordsMappingDialog *self);
/* The mapping the fields give, or NULL while they give none */
const AccordsFeedMapping *accords_mapping_dialog_get_mapping     (AccordsMappingDialog *self);
/* Fills the fields from a mapping's text ("item=…;title=…") */
void                      accords_mapping_dialog_set_mapping     (AccordsMappingDialog *self,
                                                                  const char           *text);
/* Items in the preview, and its message when it shows none */
guint                     accords_mapping_dialog_get_n_previewed (AccordsMappingDialog *self);
const char               *accords_mapping_dialog_get_status      (AccordsMappingDialog *self);
/* Whether no guess or preview is being read */
gboolean                  accords_mapping_dialog_is_idle         (AccordsMappingDialog *self);

G_END_DECLS
