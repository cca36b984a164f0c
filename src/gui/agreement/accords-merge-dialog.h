/* accords-merge-dialog.h: the conflicts of a dataset import, stored and incoming side by side, for the researcher to settle */
#pragma once

#include <adwaita.h>

#include "accords-merge.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_MERGE_DIALOG (accords_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMergeDialog, accords_merge_dialog, ACCORDS, MERGE_DIALOG, AdwWindow)

/* Signal "import-requested": every conflict is settled and the person asked
 * to import; the owner imports and closes the dialog. */
AccordsMergeDialog *accords_merge_dialog_new       (GtkWindow          *parent,
                                                    AccordsMerge       *merge,
                                                    const char         *file_name);
/* The same for an edit that another process's save got in the way of
 * (accords_merge_new_three_way()); title names the agreement */
AccordsMergeDialog *accords_merge_dialog_new_for_edit (GtkWindow        *parent,
                                                       AccordsMerge     *merge,
                                                       const char       *title);
/* The same for the new versions a dataset release (release, "2026") brings
 * of agreements the user edited */
AccordsMergeDialog *accords_merge_dialog_new_for_release (GtkWindow    *parent,
                                                          AccordsMerge *merge,
                                                          const char   *release);
AccordsMerge       *accords_merge_dialog_get_merge (AccordsMergeDialog *self);
/* The same as the Import button */
void                accords_merge_dialog_import    (AccordsMergeDialog *self);

G_END_DECLS
