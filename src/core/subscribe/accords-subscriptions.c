/* accords-subscriptions.c: subscribing to feeds by URL, refreshing them politely, OPML export */
#define G_LOG_DOMAIN "accords-subscriptions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-channel.h"
#include "accords-error.h"
#include "accords-feed-discovery.h"
#include "accords-feed-parser.h"
#include "accords-fetch.h"
#include "accords-import-linker.h"
#include "accords-importer.h"
#include "accords-store-feeds.h"
#include "accords-subscriptions.h"
#include "accords-util.h"

/* The longest a failing feed is left alone by the schedule */
#define MAX_BACKOFF (24 * 3600)

void
accords_refresh_result_free (AccordsRefreshResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_free (result->title);
  g_free (result->error_message);
  g_free (result);
}

void
accords_subscribe_result_free (AccordsSubscribeResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_free (result->title);
  g_clear_pointer (&result->candidates, g_ptr_array_unref);
  g_free (result);
}

static guint
interval_of (const AccordsRefreshOptions *options)
{
  return options && options->interval_minutes ? options->interval_minutes : ACCORDS_REFRESH_DEFAULT_INTERVAL;
}

static void
fetch_options_of (const AccordsRefreshOptions *options,
                  AccordsFetchOptions         *fetch)
{
  fetch->timeout_seconds = options ? options->timeout_seconds : 0;
  fetch->max_bytes = options ? options->max_bytes : 0;
  fetch->tls_database = options ? options->tls_database : NULL;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* After the failures-th failure in a row: the interval, doubled each time */
static gint64
backoff (guint interval_minutes,
         guint failures)
{
  gint64 delay = (gint64) interval_minutes * 60;

  for (guint i = 1; i < failures && delay < MAX_BACKOFF; i++)
    delay *= 2;
  return MIN (delay, MAX_BACKOFF);
}

static char *
http_error_message (const AccordsFetchResponse *response)
{
  const char *reason = *response->reason ? response->reason : soup_status_get_phrase (response->status);

  /* Translators: "HTTP 404 Not Found" */
  return g_strdup_printf (_("HTTP %u %s"), response->status, reason ? reason : "");
}

static gboolean
is_html (const AccordsFetchResponse *response)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *root = NULL;

  if (response->content_type != NULL &&
      (strcmp (response->content_type, "text/html") == 0 || strcmp (response->content_type, "application/xhtml+xml") == 0))
    return TRUE;
  stream = g_memory_input_stream_new_from_bytes (response->body);
  root = accords_feed_sniff_root (stream, NULL, NULL);
  return root == NULL || g_ascii_strcasecmp (root, "html") == 0;
}

static AccordsChannelHead *
head_of (GBytes     *body,
         const char *base_uri)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  return accords_channel_read_head (data, MIN (size, (gsize) 256 * 1024), base_uri);
}

/* ------------------------------------------------------------ refreshing */

typedef struct {
  AccordsStore                *store;
  AccordsLinker               *linker;
  const AccordsRefreshOptions *options;
  GPtrArray                   *subs;       /* AccordsSubscription, NULL where results has one already */
  GPtrArray                   *results;
  GMutex                       lock;       /* the store, the results and what follows */
  guint                        next;
  guint                        n_done;
  guint                        n_total;    /* the subscriptions in subs */
  AccordsRefreshProgressFunc   progress;
  gpointer                     progress_data;
  GCancellable                *cancellable;
  GError                      *error;      /* the database failed, or cancelled */
} Refresh;

static AccordsRefreshResult *
new_result (const AccordsSubscription *sub)
{
  AccordsRefreshResult *result = g_new0 (AccordsRefreshResult, 1);

  result->feed_id = sub->id;
  result->url = g_strdup (sub->url);
  result->title = g_strdup (sub->title);
  return result;
}

/* Stores one response; with the lock held */
static gboolean
store_response (Refresh                    *r,
                const AccordsSubscription  *sub,
                AccordsFetchResponse       *response,
                const GError               *fetch_error,
                AccordsRefreshResult       *result,
                GError                    **error)
{
  AccordsFetchRecord record = { 0 };
  g_autofree char *message = NULL;
  g_autoptr(AccordsChannelHead) head = NULL;
  guint interval = interval_of (r->options);
  gint64 now = now_seconds ();

  record.ttl = sub->ttl;
  if (response == NULL)
    message = g_strdup (fetch_error->message);
  else if (response->status == SOUP_STATUS_NOT_MODIFIED)
    {
      record.success = TRUE;
      record.etag = response->etag ? response->etag : sub->etag;
      record.last_modified = response->last_modified ? response->last_modified : sub->last_modified;
      result->outcome = ACCORDS_REFRESH_NOT_MODIFIED;
    }
  else if (response->status == SOUP_STATUS_OK)
    {
      g_autoptr(AccordsImportResult) imported = g_new0 (AccordsImportResult, 1);

      if (!accords_importer_import_bytes (r->store, r->linker, response->body, response->url, sub->id, imported,
                                          r->cancellable, error))
        return FALSE;
      if (imported->error != NULL)
        message = g_strdup_printf (_("%s is not a feed Accords can read: %s"), response->url, imported->error->message);
      else
        {
          g_autofree char *identity = NULL;

          head = head_of (response->body, response->url);
          identity = head ? accords_channel_identity (head) : NULL;
          if (sub->identity == NULL && identity != NULL &&
              !accords_store_set_feed_identity (r->store, sub->id, identity, error))
            return FALSE;
          record.success = TRUE;
          record.etag = response->etag;
          record.last_modified = response->last_modified;
          record.ttl = head ? head->ttl : 0;
          result->outcome = ACCORDS_REFRESH_STORED;
          result->n_new = imported->n_new;
          result->n_updated = imported->n_updated;
          if (imported->feed_title != NULL && *imported->feed_title && !*sub->title)
            accords_set_str (&result->title, imported->feed_title);
        }
    }
  else
    message = http_error_message (response);

  if (response != NULL)
    {
      record.http_status = response->status;
      record.new_url = response->permanent_url;
      result->http_status = response->status;
      if (response->permanent_url != NULL)
        accords_set_str (&result->url, response->permanent_url);
    }

  if (record.success)
    record.next_fetch = now + (gint64) MAX (interval, record.ttl) * 60;
  else
    {
      gint64 delay = backoff (interval, sub->failures + 1);

      record.error_message = message;
      record.next_fetch = now + delay;
      if (response != NULL && (response->status == ACCORDS_HTTP_TOO_MANY_REQUESTS ||
                               response->status == SOUP_STATUS_SERVICE_UNAVAILABLE))
        record.not_before = response->retry_after > 0 ? response->retry_after : now + delay;
      result->outcome = ACCORDS_REFRESH_FAILED;
      result->error_message = g_strdup (message);
      result->not_before = record.not_before;
      if (record.not_before > record.next_fetch)
        record.next_fetch = record.not_before;
    }
  return accords_store_record_fetch (r->store, sub->id, &record, error);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_time);

  return t ? g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("?");
}

static gpointer
refresh_thread (gpointer user_data)
{
  Refresh *r = user_data;
  AccordsFetchOptions fetch_options;
  g_autoptr(SoupSession) session = NULL;

  fetch_options_of (r->options, &fetch_options);
  session = accords_fetch_new_session (&fetch_options);

  for (;;)
    {
      g_autoptr(AccordsFetchResponse) response = NULL;
      g_autoptr(GError) fetch_error = NULL;
      AccordsSubscription *sub;
      AccordsRefreshResult *result;
      guint index;

      g_mutex_lock (&r->lock);
      while (r->next < r->subs->len && r->subs->pdata[r->next] == NULL)
        r->next++;
      if (r->next >= r->subs->len || r->error != NULL)
        {
          g_mutex_unlock (&r->lock);
          break;
        }
      index = r->next++;
      sub = r->subs->pdata[index];
      g_mutex_unlock (&r->lock);

      result = new_result (sub);
      if (sub->not_before > now_seconds ())
        {
          g_autofree char *until = format_time (sub->not_before);

          result->outcome = ACCORDS_REFRESH_DEFERRED;
          result->not_before = sub->not_before;
          /* Translators: %s is a date and time */
          result->error_message = g_strdup_printf (_("Not asked again before %s, as the server said"), until);
        }
      else
        response = accords_fetch (session, sub->url, sub->etag, sub->last_modified, &fetch_options,
                                  r->cancellable, &fetch_error);

      g_mutex_lock (&r->lock);
      if (g_error_matches (fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (r->error == NULL)
            r->error = g_error_copy (fetch_error);
        }
      else if (result->outcome != ACCORDS_REFRESH_DEFERRED && r->error == NULL)
        {
          GError *error = NULL;

          if (!store_response (r, sub, response, fetch_error, result, &error))
            r->error = error;
        }
      r->results->pdata[index] = result;
      r->n_done++;
      if (r->progress != NULL && r->error == NULL)
        r->progress (r->n_done, r->n_total, result->url, r->progress_data);
      g_mutex_unlock (&r->lock);
    }
  return NULL;
}

static AccordsRefreshResult *
not_subscribed_result (gint64               id,
                       AccordsSubscription *sub)
{
  AccordsRefreshResult *result = g_new0 (AccordsRefreshResult, 1);

  result->feed_id = id;
  result->outcome = ACCORDS_REFRESH_FAILED;
  result->url = g_strdup (sub ? sub->url : "");
  result->title = g_strdup (sub ? sub->title : "");
  result->error_message = sub == NULL ? g_strdup_printf (_("There is no feed %" G_GINT64_FORMAT), id)
                          : g_strcmp0 (sub->kind, "file") == 0 ? g_strdup (_("Imported from a file, not subscribed to"))
                          : g_strdup (_("Not subscribed to any more"));
  return result;
}

GPtrArray *
accords_refresh_sync (AccordsStore                *store,
                      AccordsLinker               *linker,
                      const gint64                *ids,
                      guint                        n_ids,
                      gboolean                     due_only,
                      const AccordsRefreshOptions *options,
                      AccordsRefreshProgressFunc   progress,
                      gpointer                     progress_data,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_refresh_result_free);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Refresh r = { 0 };
  guint n_threads;
  gint64 now = now_seconds ();

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (linker == NULL || ACCORDS_IS_LINKER (linker), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  subs = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_subscription_free);
  if (n_ids > 0)
    {
      for (guint i = 0; i < n_ids; i++)
        {
          g_autoptr(GError) local_error = NULL;
          AccordsSubscription *sub = accords_store_load_subscription (store, ids[i], &local_error);

          if (sub == NULL && !g_error_matches (local_error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (sub == NULL || !sub->subscribed)
            {
              g_ptr_array_add (results, not_subscribed_result (ids[i], sub));
              g_ptr_array_add (subs, NULL);
              accords_subscription_free (sub);
              continue;
            }
          g_ptr_array_add (subs, sub);
          g_ptr_array_add (results, NULL);
        }
    }
  else
    {
      g_autoptr(GPtrArray) all = accords_store_list_subscriptions (store, TRUE, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          AccordsSubscription *sub = all->pdata[i];

          if (due_only && (sub->next_fetch > now || sub->not_before > now))
            continue;
          g_ptr_array_add (subs, g_steal_pointer (&all->pdata[i]));
          g_ptr_array_add (results, NULL);
        }
    }

  r.store = store;
  r.linker = linker;
  r.options = options;
  r.subs = subs;
  r.results = results;
  r.progress = progress;
  r.progress_data = progress_data;
  r.cancellable = cancellable;
  for (guint i = 0; i < subs->len; i++)
    r.n_total += subs->pdata[i] != NULL;
  g_mutex_init (&r.lock);

  n_threads = options && options->max_parallel ? options->max_parallel : ACCORDS_REFRESH_DEFAULT_PARALLEL;
  n_threads = MIN (n_threads, subs->len);
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("accords-refresh", refresh_thread, &r));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  g_mutex_clear (&r.lock);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  /* Those never reached (cancelled between feeds) are left out */
  for (guint i = results->len; i > 0; i--)
    if (results->pdata[i - 1] == NULL)
      g_ptr_array_remove_index (results, i - 1);
  return g_steal_pointer (&results);
}

/* ----------------------------------------------------------- subscribing */

static AccordsSubscribeResult *
subscribe_feed (AccordsStore                *store,
                AccordsLinker               *linker,
                const char                  *url,
                AccordsFetchResponse        *response,
                const AccordsRefreshOptions *options,
                GCancellable                *cancellable,
                GError                     **error)
{
  g_autoptr(AccordsSubscribeResult) result = g_new0 (AccordsSubscribeResult, 1);
  g_autoptr(AccordsChannelHead) head = head_of (response->body, response->url);
  g_autofree char *identity = head ? accords_channel_identity (head) : NULL;
  g_autoptr(AccordsImportResult) imported = g_new0 (AccordsImportResult, 1);
  g_autoptr(GError) local_error = NULL;
  AccordsFetchRecord record = { 0 };
  const char *stored_url = response->permanent_url ? response->permanent_url : url;
  gint64 feed_id = 0;

  if (!accords_store_begin (store, error))
    return NULL;

  feed_id = accords_store_find_feed_by_identity (store, identity, &local_error);
  if (local_error != NULL)
    goto failed;
  if (feed_id != 0)
    {
      if (!accords_store_adopt_feed (store, feed_id, stored_url, &local_error))
        {
          if (!g_error_matches (local_error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS))
            goto failed;
          /* Stored at that URL as another feed: that one is the subscription */
          g_clear_error (&local_error);
          feed_id = 0;
        }
    }
  if (feed_id == 0)
    {
      if (!accords_store_subscribe_url (store, stored_url, "", &feed_id, &result->created, &local_error))
        goto failed;
      if (identity != NULL && !accords_store_set_feed_identity (store, feed_id, identity, &local_error))
        goto failed;
    }

  if (!accords_importer_import_bytes (store, linker, response->body, response->url, feed_id, imported,
                                      cancellable, &local_error))
    goto failed;
  if (imported->error != NULL)
    {
      g_set_error (&local_error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   _("%s is not a feed Accords can read: %s"), response->url, imported->error->message);
      goto failed;
    }

  record.success = TRUE;
  record.http_status = response->status;
  record.etag = response->etag;
  record.last_modified = response->last_modified;
  record.ttl = head ? head->ttl : 0;
  record.next_fetch = now_seconds () + (gint64) MAX (interval_of (options), record.ttl) * 60;
  if (!accords_store_record_fetch (store, feed_id, &record, &local_error) ||
      !accords_store_commit (store, &local_error))
    goto failed;

  result->feed_id = feed_id;
  result->url = g_strdup (stored_url);
  result->title = g_strdup (imported->feed_title ? imported->feed_title : "");
  result->n_new = imported->n_new;
  result->n_updated = imported->n_updated;
  return g_steal_pointer (&result);

failed:
  accords_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static AccordsFetchResponse *
fetch_ok (SoupSession               *session,
          const char                *url,
          const AccordsFetchOptions *fetch_options,
          GCancellable              *cancellable,
          GError                   **error)
{
  g_autoptr(AccordsFetchResponse) response = accords_fetch (session, url, NULL, NULL, fetch_options,
                                                            cancellable, error);

  if (response == NULL)
    return NULL;
  if (response->status != SOUP_STATUS_OK)
    {
      g_autofree char *message = http_error_message (response);

      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, "%s: %s", url, message);
      return NULL;
    }
  return g_steal_pointer (&response);
}

AccordsSubscribeResult *
accords_subscribe_sync (AccordsStore                *store,
                        AccordsLinker               *linker,
                        const char                  *url,
                        const AccordsRefreshOptions *options,
                        GCancellable                *cancellable,
                        GError                     **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(AccordsFetchResponse) response = NULL;
  g_autoptr(GPtrArray) links = NULL;
  AccordsFetchOptions fetch_options;
  gsize size;
  const char *data;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (linker == NULL || ACCORDS_IS_LINKER (linker), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!accords_fetch_check_url (url, error))
    return NULL;
  fetch_options_of (options, &fetch_options);
  session = accords_fetch_new_session (&fetch_options);
  response = fetch_ok (session, url, &fetch_options, cancellable, error);
  if (response == NULL)
    return NULL;
  if (!is_html (response))
    return subscribe_feed (store, linker, url, response, options, cancellable, error);

  /* A web page: the feeds it names */
  data = g_bytes_get_data (response->body, &size);
  links = accords_feed_discover (data, size, response->url);
  if (links->len == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   _("%s is a web page that names no feed"), response->url);
      return NULL;
    }
  if (links->len > 1)
    {
      AccordsSubscribeResult *result = g_new0 (AccordsSubscribeResult, 1);

      result->url = g_strdup (response->url);
      result->candidates = g_steal_pointer (&links);
      return result;
    }
  {
    AccordsFeedLink *link = links->pdata[0];
    g_autoptr(AccordsFetchResponse) feed = fetch_ok (session, link->url, &fetch_options, cancellable, error);

    if (feed == NULL)
      return NULL;
    if (is_html (feed))
      {
        g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                     _("%s names %s as its feed, which is another web page"), response->url, link->url);
        return NULL;
      }
    return subscribe_feed (store, linker, link->url, feed, options, cancellable, error);
  }
}

/* ------------------------------------------------------------------ OPML */

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

char *
accords_subscriptions_to_opml (AccordsStore  *store,
                               GError       **error)
{
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  GString *out;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  subs = accords_store_list_subscriptions (store, TRUE, error);
  if (subs == NULL)
    return NULL;
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
  g_string_append (out, "    <title>Accords subscriptions</title>\n");
  g_string_append_printf (out, "    <dateCreated>%s</dateCreated>\n  </head>\n  <body>\n", date);
  for (guint i = 0; i < subs->len; i++)
    {
      AccordsSubscription *sub = subs->pdata[i];
      const char *title = *sub->title ? sub->title : sub->url;

      g_string_append (out, "    <outline type=\"rss\"");
      append_attribute (out, "text", title);
      append_attribute (out, "title", title);
      append_attribute (out, "xmlUrl", sub->url);
      if (*sub->link)
        append_attribute (out, "htmlUrl", sub->link);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------- async */

typedef struct {
  gint64                     *ids;
  guint                       n_ids;
  gboolean                    due_only;
  AccordsRefreshOptions       options;
  char                       *url;          /* subscribing */
  char                       *db_path;
  AccordsIsoCodes            *iso_codes;
  GMainContext               *context;
  AccordsRefreshProgressFunc  progress;
  gpointer                    progress_data;
  GDestroyNotify              progress_destroy;
  gboolean                    finished;     /* read and written on the caller's thread only */
} AsyncData;

static void
async_data_clear (AsyncData *data)
{
  g_free (data->ids);
  g_free (data->url);
  g_free (data->db_path);
  g_clear_object (&data->iso_codes);
  g_clear_object (&data->options.tls_database);
  g_main_context_unref (data->context);
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
}

static void
async_data_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) async_data_clear);
}

static AsyncData *
async_data_new (AccordsContext *context)
{
  AsyncData *data = g_atomic_rc_box_new0 (AsyncData);

  data->db_path = g_strdup (accords_store_get_path (accords_context_get_store (context)));
  data->iso_codes = g_object_ref (accords_context_get_iso_codes (context));
  data->context = g_main_context_ref_thread_default ();
  return data;
}

typedef struct {
  AsyncData *data;
  guint      n_done;
  guint      n_total;
  char      *url;
} ProgressMessage;

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressMessage *m = user_data;

  if (!m->data->finished && m->data->progress != NULL)
    m->data->progress (m->n_done, m->n_total, m->url, m->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_message_free (gpointer user_data)
{
  ProgressMessage *m = user_data;

  async_data_release (m->data);
  g_free (m->url);
  g_free (m);
}

static void
worker_progress_cb (guint       n_done,
                    guint       n_total,
                    const char *url,
                    gpointer    user_data)
{
  AsyncData *data = user_data;
  ProgressMessage *m = g_new0 (ProgressMessage, 1);

  m->data = g_atomic_rc_box_acquire (data);
  m->n_done = n_done;
  m->n_total = n_total;
  m->url = g_strdup (url);
  accords_run_in_context (data->context, G_PRIORITY_DEFAULT, deliver_progress_cb, m, progress_message_free,
                          "[accords] refresh progress");
}

static gboolean
open_worker (AsyncData      *data,
             AccordsStore  **store,
             AccordsLinker **linker,
             GError        **error)
{
  *store = accords_store_open_worker (data->db_path, error);
  if (*store == NULL)
    return FALSE;
  *linker = accords_import_new_linker (*store, data->iso_codes, error);
  if (*linker == NULL)
    {
      g_clear_object (store);
      return FALSE;
    }
  return TRUE;
}

static void
refresh_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsLinker) linker = NULL;
  GPtrArray *results;
  GError *error = NULL;

  /* The schedule asks every minute: nothing due costs no linker */
  if (data->n_ids == 0 && data->due_only)
    {
      g_autoptr(AccordsStore) look = accords_store_open_worker (data->db_path, &error);
      g_autoptr(GPtrArray) subs = look ? accords_store_list_subscriptions (look, TRUE, &error) : NULL;
      gint64 now = now_seconds ();
      gboolean any = FALSE;

      if (subs == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint i = 0; i < subs->len && !any; i++)
        {
          AccordsSubscription *sub = subs->pdata[i];
          any = sub->next_fetch <= now && sub->not_before <= now;
        }
      if (!any)
        {
          g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) accords_refresh_result_free),
                                 (GDestroyNotify) g_ptr_array_unref);
          return;
        }
    }
  if (!open_worker (data, &store, &linker, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  results = accords_refresh_sync (store, linker, data->ids, data->n_ids, data->due_only, &data->options,
                                  data->progress ? worker_progress_cb : NULL, data, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* The worker's end is seen here first, to tell the store's listeners
 * before the caller hears of it */
static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AccordsContext *context = g_task_get_source_object (outer);
  AsyncData *data = g_task_get_task_data (G_TASK (res));
  GError *error = NULL;
  GPtrArray *results;

  /* No progress after the end; the caller's data goes now, on its thread */
  data->finished = TRUE;
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  data->progress = NULL;
  data->progress_destroy = NULL;
  results = g_task_propagate_pointer (G_TASK (res), &error);
  if (results == NULL || results->len > 0)
    accords_store_emit_changed (accords_context_get_store (context),
                              ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_LINKS);
  if (results == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, results, (GDestroyNotify) g_ptr_array_unref);
}

void
accords_refresh_async (AccordsContext              *context,
                       const gint64                *ids,
                       guint                        n_ids,
                       gboolean                     due_only,
                       const AccordsRefreshOptions *options,
                       AccordsRefreshProgressFunc   progress,
                       gpointer                     progress_data,
                       GDestroyNotify               progress_destroy,
                       GCancellable                *cancellable,
                       GAsyncReadyCallback          callback,
                       gpointer                     user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  AsyncData *data;

  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (ids != NULL || n_ids == 0);

  outer = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (outer, accords_refresh_async);

  data = async_data_new (context);
  data->ids = n_ids ? g_memdup2 (ids, n_ids * sizeof *ids) : NULL;
  data->n_ids = n_ids;
  data->due_only = due_only;
  if (options != NULL)
    data->options = *options;
  if (data->options.tls_database != NULL)
    g_object_ref (data->options.tls_database);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;

  inner = g_task_new (NULL, cancellable, refresh_done_cb, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, data, async_data_release);
  g_task_run_in_thread (inner, refresh_thread_cb);
}

GPtrArray *
accords_refresh_finish (AccordsContext  *context,
                        GAsyncResult    *result,
                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
subscribe_thread_cb (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsLinker) linker = NULL;
  AccordsSubscribeResult *result;
  GError *error = NULL;

  if (!open_worker (data, &store, &linker, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  result = accords_subscribe_sync (store, linker, data->url, &data->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) accords_subscribe_result_free);
}

static void
subscribe_done_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AccordsContext *context = g_task_get_source_object (outer);
  GError *error = NULL;
  AccordsSubscribeResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result != NULL && result->feed_id != 0)
    accords_store_emit_changed (accords_context_get_store (context),
                                ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_LINKS);
  if (result == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, result, (GDestroyNotify) accords_subscribe_result_free);
}

void
accords_subscribe_async (AccordsContext              *context,
                         const char                  *url,
                         const AccordsRefreshOptions *options,
                         GCancellable                *cancellable,
                         GAsyncReadyCallback          callback,
                         gpointer                     user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  AsyncData *data;

  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (url != NULL);

  outer = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (outer, accords_subscribe_async);

  data = async_data_new (context);
  data->url = g_strdup (url);
  if (options != NULL)
    data->options = *options;
  if (data->options.tls_database != NULL)
    g_object_ref (data->options.tls_database);

  inner = g_task_new (NULL, cancellable, subscribe_done_cb, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, data, async_data_release);
  g_task_run_in_thread (inner, subscribe_thread_cb);
}

AccordsSubscribeResult *
accords_subscribe_finish (AccordsContext  *context,
                          GAsyncResult    *result,
                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char            *db_path;
  gint64           feed_id;
  AccordsFeedEdit  edit;
  char            *title;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_free (data->db_path);
  g_free (data->title);
  g_free (data);
}

static void
edit_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EditData *data = task_data;
  g_autoptr(AccordsStore) store = NULL;
  GError *error = NULL;
  gboolean ok;

  store = accords_store_open_worker (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->edit == ACCORDS_FEED_EDIT_RENAME)
    ok = accords_store_rename_feed (store, data->feed_id, data->title, &error);
  else
    ok = accords_store_remove_feed (store, data->feed_id, data->edit == ACCORDS_FEED_EDIT_REMOVE_KEEP, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
edit_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AccordsContext *context = g_task_get_source_object (outer);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  accords_store_emit_changed (accords_context_get_store (context),
                              ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_LINKS);
  g_task_return_boolean (outer, TRUE);
}

void
accords_feed_edit_async (AccordsContext      *context,
                         gint64               feed_id,
                         AccordsFeedEdit      edit,
                         const char          *title,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  EditData *data;

  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (edit != ACCORDS_FEED_EDIT_RENAME || title != NULL);

  outer = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (outer, accords_feed_edit_async);
  data = g_new0 (EditData, 1);
  data->db_path = g_strdup (accords_store_get_path (accords_context_get_store (context)));
  data->feed_id = feed_id;
  data->edit = edit;
  data->title = g_strdup (title);
  inner = g_task_new (NULL, cancellable, edit_done_cb, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, data, (GDestroyNotify) edit_data_free);
  g_task_run_in_thread (inner, edit_thread_cb);
}

gboolean
accords_feed_edit_finish (AccordsContext  *context,
                          GAsyncResult    *result,
                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
