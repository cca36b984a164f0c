/* accords-store-feeds.c: subscriptions in the store: identity, fetch state, rename, removal */
#define G_LOG_DOMAIN "accords-store-feeds"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-error.h"
#include "accords-store-feeds.h"

void
accords_subscription_free (AccordsSubscription *sub)
{
  if (sub == NULL)
    return;
  g_free (sub->url);
  g_free (sub->kind);
  g_free (sub->title);
  g_free (sub->link);
  g_free (sub->format);
  g_free (sub->identity);
  g_free (sub->etag);
  g_free (sub->last_modified);
  g_free (sub->last_fetch);
  g_free (sub->last_success);
  g_free (sub->last_error);
  g_free (sub);
}

#define SUBSCRIPTION_FROM "feed f LEFT JOIN feed_state s ON s.feed_id = f.id"
#define SUBSCRIPTION_COLUMNS \
  "f.id, f.url, f.kind, f.title, f.link, f.format, s.identity, f.subscribed, f.etag, f.last_modified," \
  " f.last_fetch, s.last_success, f.last_error, coalesce(s.next_fetch, 0), coalesce(s.not_before, 0)," \
  " coalesce(s.failures, 0), coalesce(s.ttl, 0), coalesce(s.http_status, 0)," \
  " (SELECT count(*) FROM item WHERE item.feed_id = f.id)," \
  " (SELECT count(*) FROM item WHERE item.feed_id = f.id AND item.read = 0)"

static char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (accords_stmt_text (stmt, column));
}

static AccordsSubscription *
subscription_from_row (sqlite3_stmt *stmt)
{
  AccordsSubscription *sub = g_new0 (AccordsSubscription, 1);

  sub->id = sqlite3_column_int64 (stmt, 0);
  sub->url = g_strdup (accords_stmt_text (stmt, 1));
  sub->kind = g_strdup (accords_stmt_text (stmt, 2));
  sub->title = g_strdup (accords_stmt_text (stmt, 3));
  sub->link = g_strdup (accords_stmt_text (stmt, 4));
  sub->format = g_strdup (accords_stmt_text (stmt, 5));
  sub->identity = text_or_null (stmt, 6);
  sub->subscribed = sqlite3_column_int (stmt, 7) != 0;
  sub->etag = text_or_null (stmt, 8);
  sub->last_modified = text_or_null (stmt, 9);
  sub->last_fetch = text_or_null (stmt, 10);
  sub->last_success = text_or_null (stmt, 11);
  sub->last_error = text_or_null (stmt, 12);
  sub->next_fetch = sqlite3_column_int64 (stmt, 13);
  sub->not_before = sqlite3_column_int64 (stmt, 14);
  sub->failures = (guint) sqlite3_column_int64 (stmt, 15);
  sub->ttl = (guint) sqlite3_column_int64 (stmt, 16);
  sub->http_status = (guint) sqlite3_column_int64 (stmt, 17);
  sub->n_items = (guint) sqlite3_column_int64 (stmt, 18);
  sub->n_unread = (guint) sqlite3_column_int64 (stmt, 19);
  return sub;
}

GPtrArray *
accords_store_list_subscriptions (AccordsStore  *self,
                                  gboolean       subscribed_only,
                                  GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_subscription_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT " SUBSCRIPTION_COLUMNS " FROM " SUBSCRIPTION_FROM " WHERE f.subscribed >= ?"
                                " ORDER BY f.title COLLATE NOCASE, f.url",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, subscribed_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, subscription_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the feeds"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

AccordsSubscription *
accords_store_load_subscription (AccordsStore  *self,
                                 gint64         feed_id,
                                 GError       **error)
{
  AccordsSubscription *sub = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self, "SELECT " SUBSCRIPTION_COLUMNS " FROM " SUBSCRIPTION_FROM " WHERE f.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sub = subscription_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                 _("There is no feed %" G_GINT64_FORMAT), feed_id);
  else
    accords_store_set_error (self, error, _("Reading the feeds"));
  sqlite3_reset (stmt);
  return sub;
}

static gint64
find_feed (AccordsStore  *self,
           const char    *sql,
           const char    *text,
           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = accords_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  accords_stmt_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    accords_store_set_error (self, error, _("Reading the feeds"));
  sqlite3_reset (stmt);
  return id;
}

gint64
accords_store_find_feed_by_identity (AccordsStore  *self,
                                     const char    *identity,
                                     GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);

  if (identity == NULL || *identity == '\0')
    return 0;
  /* A subscription first: a channel also imported from files is the one fetched */
  return find_feed (self, "SELECT f.id FROM feed_state s JOIN feed f ON f.id = s.feed_id WHERE s.identity = ?"
                    " ORDER BY f.subscribed DESC, f.id LIMIT 1",
                    identity, error);
}

gint64
accords_store_find_feed_by_url (AccordsStore  *self,
                                const char    *url,
                                GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);
  return find_feed (self, "SELECT id FROM feed WHERE url = ?", url, error);
}

gboolean
accords_store_set_feed_identity (AccordsStore  *self,
                                 gint64         feed_id,
                                 const char    *identity,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  stmt = accords_store_prepare (self, "INSERT INTO feed_state (feed_id, identity) VALUES (?1, ?2)"
                                " ON CONFLICT (feed_id) DO UPDATE SET identity = excluded.identity", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  accords_stmt_bind_text_or_null (stmt, 2, identity);
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_subscribe_url (AccordsStore  *self,
                             const char    *url,
                             const char    *title,
                             gint64        *feed_id,
                             gboolean      *created,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL && feed_id != NULL, FALSE);

  if (created != NULL)
    *created = FALSE;
  id = accords_store_find_feed_by_url (self, url, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id != 0)
    {
      stmt = accords_store_prepare (self, "UPDATE feed SET kind = 'url', subscribed = 1 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!accords_store_step_done (self, stmt, error))
        return FALSE;
      *feed_id = id;
      return TRUE;
    }

  stmt = accords_store_prepare (self, "INSERT INTO feed (url, kind, title, subscribed) VALUES (?, 'url', ?, 1)", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, url);
  accords_stmt_bind_text (stmt, 2, title ? title : "");
  if (!accords_store_step_done (self, stmt, error))
    return FALSE;
  *feed_id = sqlite3_last_insert_rowid (accords_store_get_db (self));
  if (created != NULL)
    *created = TRUE;
  return TRUE;
}

gboolean
accords_store_adopt_feed (AccordsStore  *self,
                          gint64         feed_id,
                          const char    *url,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  other = accords_store_find_feed_by_url (self, url, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (other != 0 && other != feed_id)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS, _("Another feed is stored at %s"), url);
      return FALSE;
    }
  stmt = accords_store_prepare (self, "UPDATE feed SET url = ?2, kind = 'url', subscribed = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  accords_stmt_bind_text (stmt, 2, url);
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_record_fetch (AccordsStore             *self,
                            gint64                    feed_id,
                            const AccordsFetchRecord *record,
                            GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!accords_store_begin (self, error))
    return FALSE;

  if (record->new_url != NULL)
    {
      gint64 other = accords_store_find_feed_by_url (self, record->new_url, &local_error);

      if (local_error != NULL)
        goto failed;
      if (other == 0)
        {
          stmt = accords_store_prepare (self, "UPDATE feed SET url = ?2 WHERE id = ?1", &local_error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, feed_id);
          accords_stmt_bind_text (stmt, 2, record->new_url);
          if (!accords_store_step_done (self, stmt, &local_error))
            goto failed;
        }
    }

  stmt = accords_store_prepare (self,
                                "UPDATE feed SET last_fetch = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
                                " last_error = CASE WHEN ?2 THEN NULL ELSE ?3 END,"
                                " etag = CASE WHEN ?2 THEN ?4 ELSE etag END,"
                                " last_modified = CASE WHEN ?2 THEN ?5 ELSE last_modified END"
                                " WHERE id = ?1",
                                &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  sqlite3_bind_int (stmt, 2, record->success ? 1 : 0);
  accords_stmt_bind_text (stmt, 3, record->error_message ? record->error_message : "");
  accords_stmt_bind_text_or_null (stmt, 4, record->etag);
  accords_stmt_bind_text_or_null (stmt, 5, record->last_modified);
  if (!accords_store_step_done (self, stmt, &local_error))
    goto failed;

  stmt = accords_store_prepare (self,
                                "INSERT INTO feed_state (feed_id, http_status, next_fetch, not_before, failures,"
                                "                        last_success, ttl)"
                                " VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 THEN 0 ELSE 1 END,"
                                "         CASE WHEN ?5 THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') END, ?6)"
                                " ON CONFLICT (feed_id) DO UPDATE SET http_status = ?2, next_fetch = ?3,"
                                " not_before = ?4,"
                                " failures = CASE WHEN ?5 THEN 0 ELSE coalesce(failures, 0) + 1 END,"
                                " last_success = CASE WHEN ?5 THEN strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                "                ELSE last_success END,"
                                " ttl = CASE WHEN ?5 THEN ?6 ELSE coalesce(ttl, 0) END",
                                &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  sqlite3_bind_int (stmt, 2, (int) record->http_status);
  sqlite3_bind_int64 (stmt, 3, record->next_fetch);
  sqlite3_bind_int64 (stmt, 4, record->not_before);
  sqlite3_bind_int (stmt, 5, record->success ? 1 : 0);
  sqlite3_bind_int (stmt, 6, (int) record->ttl);
  if (!accords_store_step_done (self, stmt, &local_error))
    goto failed;
  return accords_store_commit (self, error);

failed:
  accords_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
expect_one_change (AccordsStore  *self,
                   gint64         feed_id,
                   GError       **error)
{
  if (sqlite3_changes (accords_store_get_db (self)) > 0)
    return TRUE;
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("There is no feed %" G_GINT64_FORMAT), feed_id);
  return FALSE;
}

gboolean
accords_store_rename_feed (AccordsStore  *self,
                           gint64         feed_id,
                           const char    *title,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  stmt = accords_store_prepare (self, "UPDATE feed SET title = CASE WHEN ?2 <> '' THEN ?2 ELSE title END WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  accords_stmt_bind_text (stmt, 2, title);
  if (!accords_store_step_done (self, stmt, error) || !expect_one_change (self, feed_id, error))
    return FALSE;
  stmt = accords_store_prepare (self,
                                "INSERT INTO feed_state (feed_id, renamed) VALUES (?1, ?2 <> '')"
                                " ON CONFLICT (feed_id) DO UPDATE SET renamed = excluded.renamed",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  accords_stmt_bind_text (stmt, 2, title);
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_remove_feed (AccordsStore  *self,
                           gint64         feed_id,
                           gboolean       keep_items,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (keep_items)
    {
      stmt = accords_store_prepare (self, "UPDATE feed SET subscribed = 0 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, feed_id);
      return accords_store_step_done (self, stmt, error) && expect_one_change (self, feed_id, error);
    }

  /* The items and their links go by their foreign keys, the state here */
  if (!accords_store_begin (self, error))
    return FALSE;
  if (!(stmt = accords_store_prepare (self, "DELETE FROM feed WHERE id = ?", &local_error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  if (!accords_store_step_done (self, stmt, &local_error) || !expect_one_change (self, feed_id, &local_error))
    goto failed;
  if (!(stmt = accords_store_prepare (self, "DELETE FROM feed_state WHERE feed_id = ?", &local_error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  if (!accords_store_step_done (self, stmt, &local_error))
    goto failed;
  return accords_store_commit (self, error);

failed:
  accords_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
