/* accords-importer.h: news files into the store, one transaction per file */
#pragma once

#include <gio/gio.h>

#include "accords-context.h"
#include "accords-feed-mapping.h"
#include "accords-linker.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *path;          /* the file as given */
  char   *feed_title;    /* the feed's title, or NULL when rejected */
  gint64  feed_id;       /* 0 when rejected */
  guint   n_new;
  guint   n_updated;
  guint   n_unchanged;
  guint   n_feeds;       /* OPML: feeds it named (local files imported, URLs subscribed to) */
  gboolean bozo;         /* ill-formed but recovered */
  gboolean needs_mapping; /* rejected as XML of no known kind: a mapping would read it */
  GError *error;         /* set when the file was rejected: nothing of it landed */
} AccordsImportResult;

void accords_import_result_free (AccordsImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsImportResult, accords_import_result_free)

/* Called on the caller's main context: fraction of all files done (0..1) and
 * the file being imported. */
typedef void (*AccordsImportProgressFunc) (double      fraction,
                                           const char *path,
                                           gpointer    user_data);

/* Imports one file (RSS, RDF, Atom or OPML) synchronously, in one transaction:
 * it lands whole or not at all.  Returns FALSE only for failures of the
 * database itself, or when cancelled (G_IO_ERROR_CANCELLED, also set in
 * result->error; nothing of the file landed); a rejected file is TRUE with
 * result->error set.  progress gets the fraction of this file read.
 * Each item stored is linked to the countries and agreements it is about,
 * with a linker made for the store. */
gboolean   accords_importer_import_file   (AccordsStore              *store,
                                           GFile                     *file,
                                           AccordsImportResult       *result,
                                           AccordsImportProgressFunc  progress,
                                           gpointer                   progress_data,
                                           GCancellable              *cancellable,
                                           GError                   **error);

/* The same with the given linker, which may serve several imports; NULL
 * stores the items unlinked and marks the store's links out of date (for
 * measuring what linking costs). */
gboolean   accords_importer_import_file_full (AccordsStore           *store,
                                              AccordsLinker          *linker,
                                              GFile                  *file,
                                              AccordsImportResult    *result,
                                              AccordsImportProgressFunc progress,
                                              gpointer                progress_data,
                                              GCancellable           *cancellable,
                                              GError                **error);

/* The same, reading the file with mapping whatever it is (NULL: as the
 * file says, and XML of no known kind with the mapping remembered for
 * its root element).  A mapping given is remembered, in the store's meta
 * table, for the files with the same root once one of them imported. */
gboolean   accords_importer_import_file_mapped (AccordsStore              *store,
                                                AccordsLinker             *linker,
                                                GFile                     *file,
                                                const AccordsFeedMapping  *mapping,
                                                AccordsImportResult       *result,
                                                AccordsImportProgressFunc  progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                GError                   **error);
/* Imports a feed's bytes (fetched from base_uri, which relative links
 * resolve against) into the stored feed feed_id, in one transaction, as
 * accords_importer_import_file_full() imports a file. */
gboolean   accords_importer_import_bytes  (AccordsStore              *store,
                                           AccordsLinker             *linker,
                                           GBytes                    *bytes,
                                           const char                *base_uri,
                                           gint64                     feed_id,
                                           AccordsImportResult       *result,
                                           GCancellable              *cancellable,
                                           GError                   **error);

/* Imports the files in a worker thread with its own connection, one
 * transaction each; emits AccordsStore::changed on the context's store when
 * done.  Cancelling stops between items and rolls the current file back. */
void       accords_importer_import_async  (AccordsContext            *context,
                                           GFile                    **files,
                                           guint                      n_files,
                                           AccordsImportProgressFunc  progress,
                                           gpointer                   progress_data,
                                           GDestroyNotify             progress_destroy,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data);
/* The same with a mapping for every file (copied), as import_file_mapped() */
void       accords_importer_import_mapped_async (AccordsContext            *context,
                                                 GFile                    **files,
                                                 guint                      n_files,
                                                 const AccordsFeedMapping  *mapping,
                                                 AccordsImportProgressFunc  progress,
                                                 gpointer                   progress_data,
                                                 GDestroyNotify             progress_destroy,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
/* A GPtrArray of AccordsImportResult, one per file, in order.  When
 * cancelled: NULL with G_IO_ERROR_CANCELLED; the files finished before stay
 * imported (and "changed" was emitted for them), the current one was rolled
 * back. */
GPtrArray *accords_importer_import_finish (AccordsContext            *context,
                                           GAsyncResult              *result,
                                           GError                   **error);

G_END_DECLS
