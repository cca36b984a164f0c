/* accords-snapshot.c: a kept copy of a news page: fetched, extracted, dated, hashed */
#define G_LOG_DOMAIN "accords-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-snapshot.h"

void
accords_snapshot_free (AccordsSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->url);
  g_free (snapshot->final_url);
  g_free (snapshot->content_hash);
  accords_article_free (snapshot->article);
  g_free (snapshot);
}

static gboolean
is_html_type (const char *content_type)
{
  /* No type at all: let the parser judge what came */
  return content_type == NULL ||
         strcmp (content_type, "text/html") == 0 ||
         strcmp (content_type, "application/xhtml+xml") == 0;
}

AccordsSnapshot *
accords_snapshot_fetch (SoupSession               *session,
                        const char                *url,
                        const AccordsFetchOptions *options,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(AccordsFetchResponse) response = NULL;
  g_autoptr(AccordsSnapshot) snapshot = NULL;
  g_autoptr(AccordsArticle) article = NULL;
  gconstpointer data;
  gsize length = 0;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  response = accords_fetch (session, url, NULL, NULL, options, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status != SOUP_STATUS_OK || response->body == NULL)
    {
      gboolean gone = response->status == SOUP_STATUS_NOT_FOUND || response->status == SOUP_STATUS_GONE;

      g_set_error (error, ACCORDS_ERROR, gone ? ACCORDS_ERROR_NOT_FOUND : ACCORDS_ERROR_FAILED,
                   _("%s answered %u %s"), response->url, response->status, response->reason);
      return NULL;
    }
  if (!is_html_type (response->content_type))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s is not a web page but %s"), response->url, response->content_type);
      return NULL;
    }

  data = g_bytes_get_data (response->body, &length);
  article = accords_article_extract (data, length, response->url, error);
  if (article == NULL)
    return NULL;

  snapshot = g_new0 (AccordsSnapshot, 1);
  snapshot->url = g_strdup (url);
  snapshot->final_url = g_strdup (response->url);
  snapshot->fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  snapshot->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, response->body);
  snapshot->article = g_steal_pointer (&article);
  return g_steal_pointer (&snapshot);
}

typedef struct {
  char               *url;
  AccordsFetchOptions options;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->url);
  g_clear_object (&data->options.tls_database);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  g_autoptr(SoupSession) session = accords_fetch_new_session (&data->options);
  GError *error = NULL;
  AccordsSnapshot *snapshot = accords_snapshot_fetch (session, data->url, &data->options, cancellable, &error);

  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) accords_snapshot_free);
}

void
accords_snapshot_fetch_async (const char                *url,
                              const AccordsFetchOptions *options,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (url != NULL);

  data = g_new0 (FetchData, 1);
  data->url = g_strdup (url);
  if (options != NULL)
    {
      data->options = *options;
      if (options->tls_database != NULL)
        g_object_ref (options->tls_database);
    }
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_snapshot_fetch_async);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

AccordsSnapshot *
accords_snapshot_fetch_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
