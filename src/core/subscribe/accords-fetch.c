/* accords-fetch.c: one polite, careful HTTP GET of a feed (libsoup 3), blocking: for worker threads */
#define G_LOG_DOMAIN "accords-fetch"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-fetch.h"

/* Retry-After beyond this is read as this: a server cannot park a feed for good */
#define MAX_RETRY_AFTER (7 * 24 * 3600)

void
accords_fetch_response_free (AccordsFetchResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->reason);
  g_free (response->url);
  g_free (response->permanent_url);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->content_type);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response);
}

const char *
accords_fetch_user_agent (void)
{
  return "Accords/" PACKAGE_VERSION " (feed reader; +https://github.com/accords/accords)";
}

static gboolean
is_http_scheme (const char *scheme)
{
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

gboolean
accords_fetch_check_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !is_http_scheme (g_uri_get_scheme (uri)))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("“%s” is not an http or https URL: only those can be subscribed to"), url);
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("“%s” names no host"), url);
      return FALSE;
    }
  return TRUE;
}

SoupSession *
accords_fetch_new_session (const AccordsFetchOptions *options)
{
  guint timeout = options && options->timeout_seconds ? options->timeout_seconds : ACCORDS_FETCH_DEFAULT_TIMEOUT;
  SoupSession *session;

  session = soup_session_new_with_options ("timeout", timeout,
                                           "idle-timeout", timeout,
                                           "user-agent", accords_fetch_user_agent (),
                                           "max-conns-per-host", 2,
                                           NULL);
  if (options != NULL && options->tls_database != NULL)
    soup_session_set_tls_database (session, options->tls_database);
  /* libsoup 3 decodes gzip and deflate by default; make sure of it */
  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  return session;
}

static gint64
parse_retry_after (const char *value)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 seconds;

  if (value == NULL)
    return 0;
  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &seconds, NULL))
    return now + (gint64) MIN (seconds, (guint64) MAX_RETRY_AFTER);
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    gint64 t;

    if (when == NULL)
      return 0;
    t = g_date_time_to_unix (when);
    return CLAMP (t, now, now + MAX_RETRY_AFTER);
  }
}

static char *
header_copy (SoupMessageHeaders *headers,
             const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  return value && g_utf8_validate (value, -1, NULL) ? g_strdup (value) : NULL;
}

static GBytes *
read_body (GInputStream  *stream,
           gsize          max_bytes,
           const char    *url,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > max_bytes)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("%s is larger than %" G_GSIZE_FORMAT " MB: not read further"), url,
                       max_bytes / (1024 * 1024) ? max_bytes / (1024 * 1024) : 1);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

AccordsFetchResponse *
accords_fetch (SoupSession               *session,
               const char                *url,
               const char                *etag,
               const char                *last_modified,
               const AccordsFetchOptions *options,
               GCancellable              *cancellable,
               GError                   **error)
{
  gsize max_bytes = options && options->max_bytes ? options->max_bytes : ACCORDS_FETCH_DEFAULT_MAX_BYTES;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *permanent_url = NULL;
  gboolean all_permanent = TRUE;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!accords_fetch_check_url (url, error))
    return NULL;
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, error);
  if (uri == NULL)
    return NULL;

  for (guint hop = 0; ; hop++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
      g_autoptr(GInputStream) stream = NULL;
      g_autofree char *here = g_uri_to_string (uri);
      SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
      SoupMessageHeaders *headers;
      AccordsFetchResponse *response;
      guint status;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_replace (request_headers, "Accept",
                                    "application/rss+xml, application/atom+xml, application/rdf+xml, "
                                    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1");
      if (etag != NULL && *etag != '\0')
        soup_message_headers_replace (request_headers, "If-None-Match", etag);
      if (last_modified != NULL && *last_modified != '\0')
        soup_message_headers_replace (request_headers, "If-Modified-Since", last_modified);

      stream = soup_session_send (session, msg, cancellable, error);
      if (stream == NULL)
        {
          if (error != NULL && *error != NULL)
            g_prefix_error (error, "%s: ", here);
          return NULL;
        }
      status = soup_message_get_status (msg);
      headers = soup_message_get_response_headers (msg);

      if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED &&
          soup_message_headers_get_one (headers, "Location") != NULL)
        {
          const char *location = soup_message_headers_get_one (headers, "Location");
          g_autoptr(GUri) next = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);
          gboolean permanent = status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_PERMANENT_REDIRECT;

          g_input_stream_close (stream, NULL, NULL);
          if (next == NULL || !is_http_scheme (g_uri_get_scheme (next)))
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("%s redirects to “%s”, which is not an http or https URL"), here, location);
              return NULL;
            }
          if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
              g_ascii_strcasecmp (g_uri_get_scheme (next), "http") == 0)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("%s redirects from https to http: refused"), here);
              return NULL;
            }
          if (hop + 1 >= ACCORDS_FETCH_MAX_REDIRECTS)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("%s redirects too many times"), url);
              return NULL;
            }
          g_clear_pointer (&uri, g_uri_unref);
          uri = g_steal_pointer (&next);
          if (all_permanent && permanent)
            {
              g_free (permanent_url);
              permanent_url = g_uri_to_string (uri);
            }
          else
            all_permanent = FALSE;
          continue;
        }

      response = g_new0 (AccordsFetchResponse, 1);
      response->status = status;
      response->reason = g_strdup (soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
      response->url = g_steal_pointer (&here);
      response->permanent_url = g_steal_pointer (&permanent_url);
      response->etag = header_copy (headers, "ETag");
      response->last_modified = header_copy (headers, "Last-Modified");
      {
        const char *type = soup_message_headers_get_content_type (headers, NULL);
        response->content_type = type ? g_ascii_strdown (type, -1) : NULL;
      }
      if (status == ACCORDS_HTTP_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        response->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

      if (status == SOUP_STATUS_OK)
        {
          goffset declared = soup_message_headers_get_content_length (headers);
          const char *encoding = soup_message_headers_get_one (headers, "Content-Encoding");

          /* A declared length says enough unless it is of a compressed body */
          if (encoding == NULL && declared > 0 && (guint64) declared > max_bytes)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("%s is larger than %" G_GSIZE_FORMAT " MB: not read further"), response->url,
                           max_bytes / (1024 * 1024) ? max_bytes / (1024 * 1024) : 1);
              accords_fetch_response_free (response);
              return NULL;
            }
          response->body = read_body (stream, max_bytes, response->url, cancellable, error);
          if (response->body == NULL)
            {
              if (error != NULL && *error != NULL && (*error)->domain != ACCORDS_ERROR)
                g_prefix_error (error, "%s: ", response->url);
              accords_fetch_response_free (response);
              return NULL;
            }
        }
      g_input_stream_close (stream, NULL, NULL);
      return response;
    }
}
