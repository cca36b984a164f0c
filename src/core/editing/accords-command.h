/* accords-command.h: one undoable change to the dataset: agreements created, replaced or deleted */
#pragma once

#include <glib-object.h>

#include "accords-agreement.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COMMAND (accords_command_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCommand, accords_command, ACCORDS, COMMAND, GObject)

/* label says what it does, for "Undo label": "Add event", "Delete agreement" */
AccordsCommand *accords_command_new            (const char       *label);
const char     *accords_command_get_label      (AccordsCommand   *self);

/* Adds one agreement's change, copying both sides.  before NULL: after is
 * created; after NULL: before is deleted with everything that hangs on it
 * (notes, links to news); both: before is replaced by after, renamed first
 * when the id changed.  Changes apply in the order added, revert in reverse. */
void            accords_command_add_change     (AccordsCommand   *self,
                                                AccordsAgreement *before,
                                                AccordsAgreement *after);
guint           accords_command_get_n_changes  (AccordsCommand   *self);
/* Saving an agreement only fills in the empty fields of a source row that
 * other agreements may share; this writes the row exactly, so a field can
 * be cleared.  Runs after the agreements' changes; before NULL for a source
 * that had no row.  Both are copied (AccordsSource). */
void            accords_command_add_source_edit (AccordsCommand  *self,
                                                gpointer          before,
                                                gpointer          after);
/* Sets the link of a news item to an agreement to the state after
 * ("suggested", "confirmed" or "rejected"); reverting sets it back to
 * before.  Runs after the agreements' changes. */
void            accords_command_add_link_state (AccordsCommand   *self,
                                                gint64            item_id,
                                                const char       *slug,
                                                const char       *before,
                                                const char       *after);
guint           accords_command_get_n_link_states (AccordsCommand *self);
/* What running it changes, as AccordsStore::changed says it */
AccordsStoreChange accords_command_get_change_flags (AccordsCommand *self);
/* The id of the agreement the last change leaves (or, undone, restores);
 * NULL when that change deletes it. */
const char     *accords_command_get_slug       (AccordsCommand   *self,
                                                gboolean          reverted);

/* Both run in one transaction: all or nothing.  They are three-way: a
 * replaced agreement is read inside the transaction, and only the fields
 * and parts the change changes are written over it (reverting, the change
 * from after back to before), so what another process or connection saved
 * since is kept.  A field both changed differently fails the run with
 * ACCORDS_ERROR_CONFLICT, and nothing is written. */
gboolean        accords_command_apply          (AccordsCommand   *self,
                                                AccordsStore     *store,
                                                GError          **error);
gboolean        accords_command_revert         (AccordsCommand   *self,
                                                AccordsStore     *store,
                                                GError          **error);

/* After a run that failed with ACCORDS_ERROR_CONFLICT, the change as it
 * ran (for a revert, base is the after side) and the agreement as stored
 * then, for accords_merge_new_three_way(); FALSE (and NULLs) otherwise.
 * Borrowed; the next run clears them. */
gboolean        accords_command_get_conflict   (AccordsCommand    *self,
                                                AccordsAgreement **base,
                                                AccordsAgreement **ours,
                                                AccordsAgreement **theirs);

G_END_DECLS
