/* accords-subscriptions.h: subscribing to feeds by URL, refreshing them politely, OPML export */
#pragma once

#include <gio/gio.h>

#include "accords-context.h"
#include "accords-linker.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_REFRESH_DEFAULT_INTERVAL 60   /* minutes */
#define ACCORDS_REFRESH_DEFAULT_PARALLEL 4

typedef struct {
  guint interval_minutes;   /* between scheduled fetches; 0: the default */
  guint timeout_seconds;    /* of each request; 0: ACCORDS_FETCH_DEFAULT_TIMEOUT */
  gsize max_bytes;          /* of each body; 0: ACCORDS_FETCH_DEFAULT_MAX_BYTES */
  guint max_parallel;       /* feeds fetched at a time; 0: the default */
  GTlsDatabase *tls_database; /* the certificates trusted; NULL: the system's */
} AccordsRefreshOptions;

typedef enum {
  ACCORDS_REFRESH_STORED,        /* fetched and stored */
  ACCORDS_REFRESH_NOT_MODIFIED,  /* 304: nothing new */
  ACCORDS_REFRESH_FAILED,        /* error_message says why; the items stay */
  ACCORDS_REFRESH_DEFERRED,      /* not asked: the server said to wait until not_before */
} AccordsRefreshOutcome;

typedef struct {
  gint64                 feed_id;
  char                  *url;            /* as stored after this refresh */
  char                  *title;
  AccordsRefreshOutcome  outcome;
  guint                  http_status;    /* 0: no response */
  guint                  n_new;
  guint                  n_updated;
  char                  *error_message;  /* FAILED and DEFERRED */
  gint64                 not_before;     /* Unix time no request is made before, 0: none */
} AccordsRefreshResult;

void accords_refresh_result_free (AccordsRefreshResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsRefreshResult, accords_refresh_result_free)

/* How far a refresh is: feeds done of n_total, and the one just done */
typedef void (*AccordsRefreshProgressFunc) (guint       n_done,
                                            guint       n_total,
                                            const char *url,
                                            gpointer    user_data);

/* Fetches and stores the subscriptions ids (NULL: every subscription; with
 * due_only, those whose time has come), a few at a time.  Conditional
 * requests; a permanent redirect updates the stored URL; 429 and 503 are
 * left alone for their Retry-After (else a growing backoff), as is any feed
 * for its ttl on the schedule.  A feed that fails keeps its items and
 * records the error, its last success stays.  A GPtrArray of
 * AccordsRefreshResult in the order of ids (or of the subscriptions' titles);
 * NULL only when the database fails or when cancelled.  progress, if not
 * NULL, is called from the fetching threads, one at a time. */
GPtrArray *accords_refresh_sync   (AccordsStore                *store,
                                   AccordsLinker               *linker,
                                   const gint64                *ids,
                                   guint                        n_ids,
                                   gboolean                     due_only,
                                   const AccordsRefreshOptions *options,
                                   AccordsRefreshProgressFunc   progress,
                                   gpointer                     progress_data,
                                   GCancellable                *cancellable,
                                   GError                     **error);

/* The same in a worker thread with its own connection; progress comes on
 * the caller's main context; AccordsStore::changed is emitted on the
 * context's store before callback runs. */
void       accords_refresh_async  (AccordsContext              *context,
                                   const gint64                *ids,
                                   guint                        n_ids,
                                   gboolean                     due_only,
                                   const AccordsRefreshOptions *options,
                                   AccordsRefreshProgressFunc   progress,
                                   gpointer                     progress_data,
                                   GDestroyNotify               progress_destroy,
                                   GCancellable                *cancellable,
                                   GAsyncReadyCallback          callback,
                                   gpointer                     user_data);
GPtrArray *accords_refresh_finish (AccordsContext              *context,
                                   GAsyncResult                *result,
                                   GError                     **error);

typedef struct {
  gint64     feed_id;      /* 0: the page names several feeds, see candidates */
  char      *url;          /* the feed's URL as stored */
  char      *title;
  gboolean   created;      /* FALSE: a feed stored already (the same channel) became the subscription */
  guint      n_new;
  guint      n_updated;
  GPtrArray *candidates;   /* AccordsFeedLink: the feeds the page names, to choose from; NULL when feed_id is set */
} AccordsSubscribeResult;

void accords_subscribe_result_free (AccordsSubscribeResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSubscribeResult, accords_subscribe_result_free)

/* Subscribes to url: a feed, or a web page whose <link rel="alternate">
 * names feeds (one: that one; several: none is subscribed to, they are the
 * result's candidates).  The feed is fetched and stored at once.  A channel
 * stored already (imported from a file) becomes the subscription, its items
 * kept.  Only http and https URLs (ACCORDS_ERROR_INVALID otherwise);
 * ACCORDS_ERROR_NOT_A_FEED when url is neither a feed nor a page naming one. */
AccordsSubscribeResult *accords_subscribe_sync   (AccordsStore                *store,
                                                  AccordsLinker               *linker,
                                                  const char                  *url,
                                                  const AccordsRefreshOptions *options,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
void                    accords_subscribe_async  (AccordsContext              *context,
                                                  const char                  *url,
                                                  const AccordsRefreshOptions *options,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
AccordsSubscribeResult *accords_subscribe_finish (AccordsContext              *context,
                                                  GAsyncResult                *result,
                                                  GError                     **error);

/* A change the user makes to a feed, written in a worker thread; the
 * context's store emits "changed" before callback runs */
typedef enum {
  ACCORDS_FEED_EDIT_RENAME,        /* title: the new name, "" for the channel's own */
  ACCORDS_FEED_EDIT_REMOVE_KEEP,   /* no longer fetched; its items stay */
  ACCORDS_FEED_EDIT_REMOVE_DROP,   /* the feed goes, with its items and their links */
} AccordsFeedEdit;

void       accords_feed_edit_async  (AccordsContext      *context,
                                     gint64               feed_id,
                                     AccordsFeedEdit      edit,
                                     const char          *title,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean   accords_feed_edit_finish (AccordsContext      *context,
                                     GAsyncResult        *result,
                                     GError             **error);

/* The subscriptions as an OPML 2.0 document */
char      *accords_subscriptions_to_opml (AccordsStore  *store,
                                          GError       **error);

G_END_DECLS
