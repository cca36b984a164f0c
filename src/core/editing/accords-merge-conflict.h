/* accords-merge-conflict.h: one field where an imported dataset and the database disagree */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  ACCORDS_MERGE_UNRESOLVED,
  ACCORDS_MERGE_KEEP_STORED,     /* --prefer ours */
  ACCORDS_MERGE_TAKE_INCOMING,   /* --prefer theirs */
} AccordsMergeChoice;

#define ACCORDS_TYPE_MERGE_CONFLICT (accords_merge_conflict_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMergeConflict, accords_merge_conflict, ACCORDS, MERGE_CONFLICT, GObject)

/* The value of property on target is the stored one until the conflict is
 * resolved; taking the incoming one sets it there. */
AccordsMergeConflict *accords_merge_conflict_new        (const char           *slug,
                                                         const char           *field,
                                                         GObject              *target,
                                                         const char           *property,
                                                         const GValue         *incoming);
/* The agreement's id */
const char           *accords_merge_conflict_get_slug   (AccordsMergeConflict *self);
/* Where in the agreement: "title", "events[2024-07-06 signed].description" */
const char           *accords_merge_conflict_get_field  (AccordsMergeConflict *self);
const char           *accords_merge_conflict_get_stored (AccordsMergeConflict *self);
const char           *accords_merge_conflict_get_incoming (AccordsMergeConflict *self);
AccordsMergeChoice    accords_merge_conflict_get_choice (AccordsMergeConflict *self);
void                  accords_merge_conflict_set_choice (AccordsMergeConflict *self,
                                                         AccordsMergeChoice    choice);

G_END_DECLS
