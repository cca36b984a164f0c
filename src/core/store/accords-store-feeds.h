/* accords-store-feeds.h: subscriptions in the store: identity, fetch state, rename, removal */
#pragma once

#include <gio/gio.h>

#include "accords-store.h"

G_BEGIN_DECLS

/* A feed as the Feeds view and `accords-cli feeds` show it.  Times are
 * ISO 8601 UTC text (NULL: never) or Unix seconds (0: none). */
typedef struct {
  gint64    id;
  char     *url;            /* file path or http(s) URL */
  char     *kind;           /* "file" or "url" */
  char     *title;
  char     *link;
  char     *format;
  char     *identity;       /* the channel's (accords-channel.h), NULL: not known */
  gboolean  subscribed;     /* fetched by refreshes */
  char     *etag;
  char     *last_modified;
  char     *last_fetch;     /* the last attempt */
  char     *last_success;
  char     *last_error;     /* of the last attempt, NULL when it worked */
  gint64    next_fetch;     /* when the schedule fetches it again */
  gint64    not_before;     /* no request before: Retry-After, backoff */
  guint     failures;       /* attempts failed in a row */
  guint     ttl;            /* minutes the feed asks to be left alone */
  guint     http_status;    /* of the last response, 0: none */
  guint     n_items;
  guint     n_unread;
} AccordsSubscription;

void                 accords_subscription_free         (AccordsSubscription *sub);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsSubscription, accords_subscription_free)

/* Every feed (subscribed_only: the subscriptions), by title: a GPtrArray
 * of AccordsSubscription */
GPtrArray           *accords_store_list_subscriptions  (AccordsStore  *self,
                                                        gboolean       subscribed_only,
                                                        GError       **error);
/* NULL with ACCORDS_ERROR_NOT_FOUND when there is no such feed */
AccordsSubscription *accords_store_load_subscription   (AccordsStore  *self,
                                                        gint64         feed_id,
                                                        GError       **error);

/* The feed of the channel identity, 0 when none (or on error, set) */
gint64               accords_store_find_feed_by_identity (AccordsStore  *self,
                                                          const char    *identity,
                                                          GError       **error);
/* The feed stored at url (a path or a URL), 0 when none */
gint64               accords_store_find_feed_by_url    (AccordsStore  *self,
                                                        const char    *url,
                                                        GError       **error);
gboolean             accords_store_set_feed_identity   (AccordsStore  *self,
                                                        gint64         feed_id,
                                                        const char    *identity,
                                                        GError       **error);

/* Makes the feed at url a live subscription, adding it when there is none
 * (title, may be "", until its channel names it) */
gboolean             accords_store_subscribe_url       (AccordsStore  *self,
                                                        const char    *url,
                                                        const char    *title,
                                                        gint64        *feed_id,
                                                        gboolean      *created,
                                                        GError       **error);
/* Makes feed_id (a file import, say) the live subscription at url.
 * ACCORDS_ERROR_EXISTS when another feed is stored at url. */
gboolean             accords_store_adopt_feed          (AccordsStore  *self,
                                                        gint64         feed_id,
                                                        const char    *url,
                                                        GError       **error);

/* What one fetch of a subscription came to */
typedef struct {
  gboolean    success;        /* stored (200) or not modified (304) */
  guint       http_status;    /* 0: no response */
  const char *error_message;  /* when not success */
  const char *etag;           /* the validators to send next time (success) */
  const char *last_modified;
  const char *new_url;        /* a permanent redirect's target, or NULL */
  gint64      next_fetch;
  gint64      not_before;
  guint       ttl;
} AccordsFetchRecord;

/* Records the fetch; a new_url already stored for another feed is left alone */
gboolean             accords_store_record_fetch        (AccordsStore             *self,
                                                        gint64                    feed_id,
                                                        const AccordsFetchRecord *record,
                                                        GError                  **error);

/* The user's name for the feed, which the channel's own title no longer
 * replaces; "" gives the channel's back at the next fetch */
gboolean             accords_store_rename_feed         (AccordsStore  *self,
                                                        gint64         feed_id,
                                                        const char    *title,
                                                        GError       **error);
/* Ends the subscription.  keep_items: the feed stays, no longer fetched,
 * with its items; otherwise the feed goes with its items and their links. */
gboolean             accords_store_remove_feed         (AccordsStore  *self,
                                                        gint64         feed_id,
                                                        gboolean       keep_items,
                                                        GError       **error);

G_END_DECLS
