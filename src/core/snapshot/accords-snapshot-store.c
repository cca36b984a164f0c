/* accords-snapshot-store.c: snapshots kept in the database, per news item or source */
#define G_LOG_DOMAIN "accords-snapshot-store"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-error.h"
#include "accords-snapshot-store.h"

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
accords_snapshot_save (AccordsStore           *store,
                       gint64                  item_id,
                       gint64                  source_id,
                       const AccordsSnapshot  *snapshot,
                       GError                **error)
{
  g_autoptr(GDateTime) fetched = NULL;
  g_autofree char *fetched_text = NULL;
  const AccordsArticle *article;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->article != NULL, FALSE);
  g_return_val_if_fail (item_id > 0 || source_id > 0, FALSE);

  fetched = g_date_time_new_from_unix_utc (snapshot->fetched_at);
  if (fetched == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("The snapshot's date is out of range"));
      return FALSE;
    }
  fetched_text = g_date_time_format (fetched, "%Y-%m-%dT%H:%M:%SZ");
  article = snapshot->article;
  stmt = accords_store_prepare (store,
                                "INSERT INTO snapshot (item_id, source_id, url, final_url, fetched, hash,"
                                " title, byline, publisher, published, body, paywalled)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, item_id);
  bind_id (stmt, 2, source_id);
  accords_stmt_bind_text (stmt, 3, snapshot->url);
  accords_stmt_bind_text (stmt, 4, snapshot->final_url);
  accords_stmt_bind_text (stmt, 5, fetched_text);
  accords_stmt_bind_text (stmt, 6, snapshot->content_hash);
  accords_stmt_bind_text_or_null (stmt, 7, article->title);
  accords_stmt_bind_text_or_null (stmt, 8, article->byline);
  accords_stmt_bind_text_or_null (stmt, 9, article->publisher);
  accords_stmt_bind_text_or_null (stmt, 10, article->published);
  accords_stmt_bind_text (stmt, 11, article->text);
  sqlite3_bind_int (stmt, 12, article->paywalled ? 1 : 0);
  return accords_store_step_done (store, stmt, error);
}

static char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (accords_stmt_text (stmt, column));
}

AccordsSnapshot *
accords_snapshot_load_latest (AccordsStore  *store,
                              gint64         item_id,
                              gint64         source_id,
                              GError       **error)
{
  g_autoptr(AccordsSnapshot) snapshot = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (item_id > 0 || source_id > 0, NULL);

  stmt = accords_store_prepare (store,
                                "SELECT url, final_url, fetched, hash, title, byline, publisher, published,"
                                " body, paywalled FROM snapshot"
                                " WHERE item_id IS ? AND source_id IS ? ORDER BY fetched DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  bind_id (stmt, 1, item_id);
  bind_id (stmt, 2, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GDateTime) fetched = g_date_time_new_from_iso8601 (accords_stmt_text (stmt, 2), NULL);

      snapshot = g_new0 (AccordsSnapshot, 1);
      snapshot->url = g_strdup (accords_stmt_text (stmt, 0));
      snapshot->final_url = g_strdup (accords_stmt_text (stmt, 1));
      snapshot->fetched_at = fetched != NULL ? g_date_time_to_unix (fetched) : 0;
      snapshot->content_hash = g_strdup (accords_stmt_text (stmt, 3));
      snapshot->article = g_new0 (AccordsArticle, 1);
      snapshot->article->title = text_or_null (stmt, 4);
      snapshot->article->byline = text_or_null (stmt, 5);
      snapshot->article->publisher = text_or_null (stmt, 6);
      snapshot->article->published = text_or_null (stmt, 7);
      snapshot->article->text = g_strdup (accords_stmt_text (stmt, 8));
      snapshot->article->paywalled = sqlite3_column_int (stmt, 9) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("No snapshot of that page was kept"));
  else
    accords_store_set_error (store, error, _("Reading a snapshot"));
  sqlite3_reset (stmt);
  return g_steal_pointer (&snapshot);
}
