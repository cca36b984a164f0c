/* accords-history.h: the undo and redo stacks of a window's edits */
#pragma once

#include <gio/gio.h>

#include "accords-command.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_HISTORY (accords_history_get_type ())

G_DECLARE_FINAL_TYPE (AccordsHistory, accords_history, ACCORDS, HISTORY, GObject)

/* Properties: can-undo, can-redo (bool), undo-label, redo-label (the
 * commands' labels, or NULL), busy (an asynchronous run is under way).
 * Signal "done" (AccordsCommand *command, gboolean reverted): a command was
 * applied or reverted. */
AccordsHistory *accords_history_new            (AccordsStore    *store);
gboolean        accords_history_get_can_undo   (AccordsHistory  *self);
gboolean        accords_history_get_can_redo   (AccordsHistory  *self);
const char     *accords_history_get_undo_label (AccordsHistory  *self);
const char     *accords_history_get_redo_label (AccordsHistory  *self);
gboolean        accords_history_get_busy       (AccordsHistory  *self);

/* Applies the command on the store and records it; a new command forgets
 * what could be redone.  On failure nothing changed and nothing is recorded. */
gboolean        accords_history_push           (AccordsHistory  *self,
                                                AccordsCommand  *command,
                                                GError         **error);
gboolean        accords_history_undo           (AccordsHistory  *self,
                                                GError         **error);
gboolean        accords_history_redo           (AccordsHistory  *self,
                                                GError         **error);

/* The same, with the database work in a worker thread on its own connection;
 * runs queue up and happen in order.  AccordsStore::changed is emitted on
 * the store when each is done. */
void            accords_history_push_async     (AccordsHistory      *self,
                                                AccordsCommand      *command,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void            accords_history_undo_async     (AccordsHistory      *self,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void            accords_history_redo_async     (AccordsHistory      *self,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* For all three: the command that ran, or NULL with error set */
AccordsCommand *accords_history_run_finish     (AccordsHistory      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
