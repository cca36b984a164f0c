/* accords-dataset-release.h: the built-in dataset's releases, and bringing a database up to the newest */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "accords-command.h"
#include "accords-iso-codes.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* The meta key that records the release a database was seeded from or
 * last updated to; a database seeded before releases were recorded holds
 * the first one */
#define ACCORDS_META_DATASET_RELEASE "dataset_release"

/* "2025", "2026": the releases built in, oldest first */
const char * const *accords_dataset_release_list      (void);
const char         *accords_dataset_release_current   (void);
GBytes             *accords_dataset_release_get_bytes (const char    *release,
                                                       GError       **error);
/* The release the database holds, or NULL when it was never seeded (it
 * started empty, or is not seeded yet) */
char               *accords_dataset_release_of        (AccordsStore  *store);

/* What bringing a database to the newest release does, agreement by
 * agreement, without writing anything: agreements the user never touched
 * take the new version, new ones are added, and agreements the user edited
 * or deleted are left alone; the edited ones' new versions wait for review
 * in the merge view. */
typedef struct {
  char      *from;        /* the release the database holds */
  char      *to;
  GPtrArray *added;       /* ids */
  GPtrArray *updated;     /* ids of agreements the user never touched */
  GPtrArray *review;      /* ids of agreements the user edited */
  GPtrArray *deleted;     /* ids the user deleted: left deleted */
  JsonNode  *incoming;    /* the new release's versions of the review ones, a dataset array */
  AccordsCommand *command; /* adds and updates, as one undoable change; NULL when nothing */
} AccordsReleaseUpdate;

void                  accords_release_update_free (AccordsReleaseUpdate *update);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsReleaseUpdate, accords_release_update_free)

/* NULL without an error when the database is at the newest release or was
 * never seeded */
AccordsReleaseUpdate *accords_dataset_release_plan   (AccordsStore          *store,
                                                      AccordsIsoCodes       *iso_codes,
                                                      GError               **error);
/* Runs the plan's command and records the new release, in one transaction */
gboolean              accords_dataset_release_apply  (AccordsStore          *store,
                                                      AccordsReleaseUpdate  *update,
                                                      GError               **error);
/* "17 new agreements, 7 updated, 2 to review" */
char                 *accords_release_update_describe (AccordsReleaseUpdate *update);

G_END_DECLS
