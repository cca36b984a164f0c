/* accords-fetch.h: one polite, careful HTTP GET of a feed (libsoup 3), blocking: for worker threads */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ACCORDS_FETCH_DEFAULT_TIMEOUT 30               /* seconds */
#define ACCORDS_FETCH_DEFAULT_MAX_BYTES (16 * 1024 * 1024)
#define ACCORDS_FETCH_MAX_REDIRECTS 8
#define ACCORDS_HTTP_TOO_MANY_REQUESTS 429     /* libsoup 3.2 has no name for it */

typedef struct {
  guint         timeout_seconds;   /* 0: ACCORDS_FETCH_DEFAULT_TIMEOUT */
  gsize         max_bytes;         /* of the body once decoded; 0: ACCORDS_FETCH_DEFAULT_MAX_BYTES */
  GTlsDatabase *tls_database;      /* the certificates trusted; NULL: the system's */
} AccordsFetchOptions;

typedef struct {
  guint   status;          /* the final response's HTTP status */
  char   *reason;          /* its reason phrase, may be "" */
  char   *url;             /* the URL the response came from */
  char   *permanent_url;   /* where the permanent redirects from the start led, NULL: none */
  GBytes *body;            /* the whole body of a 200, NULL otherwise */
  char   *content_type;    /* without parameters, lower case; NULL: none */
  char   *etag;
  char   *last_modified;
  gint64  retry_after;     /* Unix time a 429 or 503 asks to be left alone until, 0: none */
} AccordsFetchResponse;

void                  accords_fetch_response_free (AccordsFetchResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFetchResponse, accords_fetch_response_free)

/* The User-Agent every request sends */
const char           *accords_fetch_user_agent    (void);

/* Whether url may be fetched: absolute http or https with a host.  Any
 * other scheme (file:, data:, ftp:, javascript:) is ACCORDS_ERROR_INVALID. */
gboolean              accords_fetch_check_url     (const char                *url,
                                                   GError                   **error);

/* A session for one thread: the timeout, the User-Agent, gzip and deflate
 * decoded, TLS certificates verified against the system's (or the
 * options' database): a bad one is an error, never accepted. */
SoupSession          *accords_fetch_new_session   (const AccordsFetchOptions *options);

/* GETs url, sending If-None-Match and If-Modified-Since when given.
 * Redirects are followed (at most ACCORDS_FETCH_MAX_REDIRECTS), from http
 * to https but never from https to http, and never to another scheme.  A
 * body larger than the cap is an error, read no further.  Any HTTP status
 * is a response; NULL with an error only when there is none (no
 * connection, timeout, TLS, a refused redirect, too large). */
AccordsFetchResponse *accords_fetch               (SoupSession               *session,
                                                   const char                *url,
                                                   const char                *etag,
                                                   const char                *last_modified,
                                                   const AccordsFetchOptions *options,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

G_END_DECLS
