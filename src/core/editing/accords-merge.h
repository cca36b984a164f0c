/* accords-merge.h: a dataset file merged into the database by agreement id */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "accords-command.h"
#include "accords-merge-conflict.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_MERGE (accords_merge_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMerge, accords_merge, ACCORDS, MERGE, GObject)

/* Reads and checks every incoming agreement (a dataset document or a bare
 * array), and merges each into the stored one of the same id: parties,
 * aliases and types are joined; events, sources, people, facts and verify
 * flags are matched and de-duplicated; a field that one side leaves empty
 * takes the other's value; two different values are a conflict.  Nothing is
 * written.  where names the input in messages. */
AccordsMerge *accords_merge_new             (AccordsStore        *store,
                                             JsonNode            *root,
                                             const char          *where,
                                             GError             **error);
AccordsMerge *accords_merge_new_for_path    (AccordsStore        *store,
                                             const char          *path,
                                             GError             **error);
/* The same, reading the file and the database in a worker thread */
void          accords_merge_load_async      (AccordsStore        *store,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
AccordsMerge *accords_merge_load_finish     (GAsyncResult        *result,
                                             GError             **error);

/* AccordsMergeConflict items */
GListModel   *accords_merge_get_conflicts   (AccordsMerge        *self);
guint         accords_merge_count_unresolved (AccordsMerge       *self);
void          accords_merge_resolve_all     (AccordsMerge        *self,
                                             AccordsMergeChoice   choice);
guint         accords_merge_get_n_incoming  (AccordsMerge        *self);

/* The changes as one undoable command: the new agreements, and the stored
 * ones the merge changes.  Fails while a conflict is unresolved.  n_new and
 * n_updated (may be NULL) count them. */
AccordsCommand *accords_merge_build_command (AccordsMerge        *self,
                                             guint               *n_new,
                                             guint               *n_updated,
                                             GError             **error);

/* Three-way: the change an edit made from base to ours, made again on
 * theirs, the agreement as stored now.  A field (or part) ours leaves as
 * it was keeps theirs; one only ours changed takes ours; one both changed
 * differently is a conflict, added to conflicts (AccordsMergeConflict, the
 * stored value theirs, the incoming one ours), and the result is NULL with
 * ACCORDS_ERROR_CONFLICT.  Nothing is written. */
AccordsAgreement *accords_merge_three_way   (AccordsAgreement    *base,
                                             AccordsAgreement    *ours,
                                             AccordsAgreement    *theirs,
                                             GListStore          *conflicts,
                                             GError             **error);
/* The same, as a merge whose conflicts the merge view can settle; its
 * command, labelled label, saves the result over theirs.  Fails when a part
 * was removed on one side and changed on the other. */
AccordsMerge     *accords_merge_new_three_way (const char        *label,
                                               AccordsAgreement  *base,
                                               AccordsAgreement  *ours,
                                               AccordsAgreement  *theirs,
                                               GError           **error);

G_END_DECLS
