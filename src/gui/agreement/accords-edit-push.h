/* accords-edit-push.h: an edit pushed onto the history, its outcome told in a toast */
#pragma once

#include <gtk/gtk.h>

#include "accords-command.h"
#include "accords-history.h"

G_BEGIN_DECLS

/* Called when command was not saved, before any toast: TRUE when it took
 * care of the failure, and no toast is to say why */
typedef gboolean (*AccordsEditFailed) (GtkWidget      *widget,
                                       AccordsCommand *command,
                                       const char     *done,
                                       const GError   *error);

/* Runs command through history, then shows in the toast overlay above
 * widget done (unless NULL) with an Undo button, or, unless failed (when
 * not NULL) takes care of it, why the edit was not saved.  widget is kept
 * until then. */
void accords_edit_push (GtkWidget         *widget,
                        AccordsHistory    *history,
                        AccordsCommand    *command,
                        const char        *done,
                        AccordsEditFailed  failed);

G_END_DECLS
