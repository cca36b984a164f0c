/* accords-snapshot.h: a kept copy of a news page: fetched, extracted, dated, hashed */
#pragma once

#include <gio/gio.h>

#include "accords-article-extract.h"
#include "accords-fetch.h"

G_BEGIN_DECLS

typedef struct {
  char           *url;            /* the URL asked for */
  char           *final_url;      /* where the page came from after redirects */
  gint64          fetched_at;     /* Unix time */
  char           *content_hash;   /* SHA-256 of the body as received, lower-case hex */
  AccordsArticle *article;
} AccordsSnapshot;

void             accords_snapshot_free         (AccordsSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSnapshot, accords_snapshot_free)

/* Fetches url with the subscriptions' rules (schemes, redirects, timeout,
 * size cap, TLS, User-Agent: accords_fetch) and extracts its article.
 * Blocking: for worker threads.  A status other than 200 is an error
 * (ACCORDS_ERROR_NOT_FOUND for 404 and 410), as is a body that is not
 * HTML (ACCORDS_ERROR_INVALID). */
AccordsSnapshot *accords_snapshot_fetch        (SoupSession               *session,
                                                const char                *url,
                                                const AccordsFetchOptions *options,
                                                GCancellable              *cancellable,
                                                GError                   **error);

/* The same on a worker thread with a session of its own; options are copied */
void             accords_snapshot_fetch_async  (const char                *url,
                                                const AccordsFetchOptions *options,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
AccordsSnapshot *accords_snapshot_fetch_finish (GAsyncResult              *result,
                                                GError                   **error);

G_END_DECLS
