/* accords-edit-push.h: an edit pushed onto the history, its outcome told in a toast */
#pragma once

#include <gtk/gtk.h>

#include "accords-command.h"
#include "accords-history.h"

G_BEGIN_DECLS

typedef void (*AccordsEditFailed) (GtkWidget *widget);

/* Runs command through history, then shows in the toast overlay above
 * widget done with an Undo button, or why the edit was not saved, after
 * which failed (when not NULL) is called with widget.  widget is kept until
 * then. */
void accords_edit_push (GtkWidget         *widget,
                        AccordsHistory    *history,
                        AccordsCommand    *command,
                        const char        *done,
                        AccordsEditFailed  failed);

G_END_DECLS
