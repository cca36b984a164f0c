/* accords-store-items.c: feeds and news items in the store */
#define G_LOG_DOMAIN "accords-store-items"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-search-prefix.h"
#include "accords-search-query.h"
#include "accords-store-items.h"
#include "accords-util.h"

#define ITEM_COLUMNS \
  "i.id, i.feed_id, f.title, i.guid, i.title, i.link, i.author, i.published, i.updated, " \
  "i.summary_text, i.content_text, i.html, i.categories, i.enclosure, i.read, i.starred"

/* Page loads bind this many ids at a time */
#define LOAD_BATCH 64

void
accords_feed_row_free (AccordsFeedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->url);
  g_free (row->kind);
  g_free (row->title);
  g_free (row->format);
  g_free (row->last_error);
  g_free (row);
}

GPtrArray *
accords_store_list_feeds (AccordsStore  *self,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_row_free);
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT f.id, f.url, f.kind, f.title, f.format, f.last_error,"
                                " (SELECT count(*) FROM item WHERE item.feed_id = f.id),"
                                " (SELECT count(*) FROM item WHERE item.feed_id = f.id AND item.read = 0)"
                                " FROM feed f ORDER BY f.title COLLATE NOCASE, f.url",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsFeedRow *row = g_new0 (AccordsFeedRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->url = g_strdup (accords_stmt_text (stmt, 1));
      row->kind = g_strdup (accords_stmt_text (stmt, 2));
      row->title = g_strdup (accords_stmt_text (stmt, 3));
      row->format = g_strdup (accords_stmt_text (stmt, 4));
      row->last_error = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NULL
                        : g_strdup (accords_stmt_text (stmt, 5));
      row->n_items = (guint) sqlite3_column_int64 (stmt, 6);
      row->n_unread = (guint) sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the feeds"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

static AccordsItem *
item_from_row (sqlite3_stmt *stmt)
{
  g_auto(GStrv) categories = NULL;
  const char *cats = accords_stmt_text (stmt, 12);

  categories = *cats ? g_strsplit (cats, "\n", -1) : g_new0 (char *, 1);
  return g_object_new (ACCORDS_TYPE_ITEM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "feed-id", sqlite3_column_int64 (stmt, 1),
                       "feed-title", accords_stmt_text (stmt, 2),
                       "guid", accords_stmt_text (stmt, 3),
                       "title", accords_stmt_text (stmt, 4),
                       "link", accords_stmt_text (stmt, 5),
                       "author", accords_stmt_text (stmt, 6),
                       "published", accords_stmt_text (stmt, 7),
                       "updated", accords_stmt_text (stmt, 8),
                       "summary-text", accords_stmt_text (stmt, 9),
                       "content-text", accords_stmt_text (stmt, 10),
                       "html", accords_stmt_text (stmt, 11),
                       "categories", categories,
                       "enclosure", accords_stmt_text (stmt, 13),
                       "read", sqlite3_column_int (stmt, 14) != 0,
                       "starred", sqlite3_column_int (stmt, 15) != 0,
                       NULL);
}

AccordsItem *
accords_store_load_item (AccordsStore  *self,
                         gint64         item_id,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  AccordsItem *item = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT " ITEM_COLUMNS " FROM item i JOIN feed f ON f.id = i.feed_id"
                                " WHERE i.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("There is no news item %" G_GINT64_FORMAT), item_id);
  else
    accords_store_set_error (self, error, _("Reading a news item"));
  sqlite3_reset (stmt);
  return item;
}

GPtrArray *
accords_store_load_items (AccordsStore  *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT " ITEM_COLUMNS " FROM item i JOIN feed f ON f.id = i.feed_id"
                                         " WHERE i.id IN (?");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  for (guint i = 1; i < LOAD_BATCH; i++)
    g_string_append (sql, ",?");
  g_string_append_c (sql, ')');

  for (guint start = 0; start < n_ids; start += LOAD_BATCH)
    {
      int rc;

      stmt = accords_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return NULL;
      for (guint k = 0; k < LOAD_BATCH && start + k < n_ids; k++)
        sqlite3_bind_int64 (stmt, k + 1, ids[start + k]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), item_from_row (stmt));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          accords_store_set_error (self, error, _("Reading news items"));
          return NULL;
        }
    }

  for (guint i = 0; i < n_ids; i++)
    {
      AccordsItem *item = g_hash_table_lookup (by_id, &ids[i]);
      if (item != NULL)
        g_ptr_array_add (items, g_object_ref (item));
    }
  return g_steal_pointer (&items);
}

char *
accords_store_plain_words_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL)
    return NULL;
  words = g_strsplit_set (text, " \t\r\n", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *s = words[i]; *s; s++)
        {
          if (*s == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *s);
        }
      g_string_append_c (query, '"');
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

#define ITEM_DATE "(CASE WHEN i.published <> '' THEN i.published ELSE i.updated END)"

/* The WHERE clause of filter (after "WHERE 1 "); match is ?1 and the
 * filter's values ?2, ?4.. as filter_bind() binds them */
/* How a query that does not start from the full-text index tells the
 * items that match: it does not (the query joins the index), it asks the
 * index about each item (cheap for terms, dear for a prefix, which SQLite
 * gathers anew each time), or it gathers the set of matches once */
typedef enum {
  MATCH_JOINED,
  MATCH_PROBE,
  MATCH_SET,
} MatchWay;

static void
filter_append_sql (GString                 *sql,
                   const AccordsItemFilter *filter,
                   gboolean                 match,
                   MatchWay                 match_in,
                   const char              *id)
{
  if (match && match_in == MATCH_PROBE)
    g_string_append_printf (sql, "AND EXISTS (SELECT 1 FROM item_fts WHERE item_fts MATCH ?1 AND rowid = %s) ", id);
  else if (match && match_in == MATCH_SET)
    g_string_append_printf (sql, "AND %s IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?1) ", id);
  else if (match)
    g_string_append (sql, "AND item_fts MATCH ?1 ");
  if (filter->feed_id != 0)
    g_string_append (sql, "AND i.feed_id = ?2 ");
  if (!accords_str_empty (filter->country))
    g_string_append_printf (sql, "AND %s IN (SELECT item_id FROM item_country WHERE country = ?4) ", id);
  if (!accords_str_empty (filter->agreement))
    g_string_append_printf (sql, "AND %s IN (SELECT ia.item_id FROM item_agreement ia"
                                 " WHERE ia.agreement_id = (SELECT id FROM agreement WHERE slug = ?5)"
                                 " AND ia.state <> 'rejected') ", id);
  /* a date range by prefix: until 2024-05 takes in all of May ("~" sorts
   * after every character of a date) */
  if (!accords_str_empty (filter->since))
    g_string_append (sql, "AND " ITEM_DATE " >= ?6 ");
  if (!accords_str_empty (filter->until))
    g_string_append (sql, "AND " ITEM_DATE " <> '' AND " ITEM_DATE " < ?7 || '~' ");
  switch (filter->linked)
    {
    case ACCORDS_ITEM_LINKED_YES:
      g_string_append_printf (sql, "AND %s IN (SELECT item_id FROM item_agreement WHERE state <> 'rejected') ", id);
      break;
    case ACCORDS_ITEM_LINKED_NO:
      g_string_append_printf (sql, "AND %s NOT IN (SELECT item_id FROM item_agreement WHERE state <> 'rejected') ", id);
      break;
    case ACCORDS_ITEM_LINKED_SUGGESTED:
      g_string_append_printf (sql, "AND %s IN (SELECT item_id FROM item_agreement WHERE state = 'suggested') ", id);
      break;
    case ACCORDS_ITEM_LINKED_CONFIRMED:
      g_string_append_printf (sql, "AND %s IN (SELECT item_id FROM item_agreement WHERE state = 'confirmed') ", id);
      break;
    case ACCORDS_ITEM_LINKED_ANY:
    default:
      break;
    }
  if (filter->unread)
    g_string_append (sql, "AND i.read = 0 ");
}

static void
filter_bind (sqlite3_stmt            *stmt,
             const char              *match,
             const AccordsItemFilter *filter)
{
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (filter->feed_id != 0)
    sqlite3_bind_int64 (stmt, 2, filter->feed_id);
  if (!accords_str_empty (filter->country))
    accords_stmt_bind_text (stmt, 4, filter->country);
  if (!accords_str_empty (filter->agreement))
    accords_stmt_bind_text (stmt, 5, filter->agreement);
  if (!accords_str_empty (filter->since))
    accords_stmt_bind_text (stmt, 6, filter->since);
  if (!accords_str_empty (filter->until))
    accords_stmt_bind_text (stmt, 7, filter->until);
}

/* Whether the newest items matching match are best found by walking the
 * date index from the newest and keeping those in the set of matches,
 * rather than by reading every match's row to sort them.  A row is a page
 * read (a news item's row fills most of a page), an index entry a fraction
 * of one: the walk wins unless the matches are so few that it would pass
 * over most of the index before finding limit of them. */
static gboolean
prefer_date_walk (AccordsStore *self,
                  const char   *match,
                  guint         limit)
{
  sqlite3_stmt *stmt;
  gint64 n_matches = 0, n_items = 0;

  if (limit == 0)
    return FALSE;
  if ((stmt = accords_store_prepare (self, "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?1", NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_matches = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if ((stmt = accords_store_prepare (self, "SELECT max(id) FROM item", NULL)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_items = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  /* walking reads about limit * n_items / n_matches entries at ~1/16 of a
   * row each; sorting reads n_matches rows */
  return n_matches > 0 && n_matches * n_matches * 16 >= (gint64) limit * n_items;
}

/* Whether an FTS5 query holds a prefix ("*" outside quotes) */
static gboolean
has_prefix (const char *match)
{
  gboolean quoted = FALSE;

  for (const char *s = match; *s; s++)
    if (*s == '"')
      quoted = !quoted;
    else if (*s == '*' && !quoted)
      return TRUE;
  return FALSE;
}

/* Runs the ids query with match as the FTS query (or none) */
static GArray *
run_ids_query (AccordsStore            *self,
               const char              *match,
               const AccordsItemFilter *filter,
               AccordsItemSort          sort,
               gboolean                 descending,
               guint                    limit,
               gboolean                *match_failed,
               GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT i.id FROM ");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *dir = descending ? "DESC" : "ASC";
  gboolean walk = FALSE;
  sqlite3_stmt *stmt;
  int rc, n = 0;

  *match_failed = FALSE;
  if (match != NULL && sort == ACCORDS_ITEM_SORT_DATE)
    walk = prefer_date_walk (self, match, limit);
  if (walk)
    g_string_append (sql, "item i INDEXED BY item_sort_date ");
  else if (match != NULL)
    g_string_append (sql, "item_fts JOIN item i ON i.id = item_fts.rowid ");
  else
    g_string_append (sql, "item i ");
  if (sort == ACCORDS_ITEM_SORT_FEED)
    g_string_append (sql, "JOIN feed f ON f.id = i.feed_id ");
  g_string_append (sql, "WHERE 1 ");
  filter_append_sql (sql, filter, match != NULL,
                     !walk ? MATCH_JOINED : has_prefix (match) ? MATCH_SET : MATCH_PROBE, "i.id");
  switch (sort)
    {
    case ACCORDS_ITEM_SORT_TITLE:
      g_string_append_printf (sql, "ORDER BY i.title COLLATE NOCASE %s, i.id %s", dir, dir);
      break;
    case ACCORDS_ITEM_SORT_FEED:
      g_string_append_printf (sql, "ORDER BY f.title COLLATE NOCASE %s, %s DESC, i.id DESC", dir, ITEM_DATE);
      break;
    case ACCORDS_ITEM_SORT_DATE:
    default:
      g_string_append_printf (sql, "ORDER BY %s %s, i.id %s", ITEM_DATE, dir, dir);
      break;
    }
  if (limit > 0)
    g_string_append (sql, " LIMIT ?3");

  stmt = accords_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  filter_bind (stmt, match, filter);
  if (limit > 0)
    sqlite3_bind_int64 (stmt, 3, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      /* FTS5 reports a query it cannot read when it is first stepped */
      if (match != NULL && n == 0 && (rc & 0xff) == SQLITE_ERROR)
        *match_failed = TRUE;
      accords_store_set_error (self, error, _("Searching news items"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

GArray *
accords_store_query_item_ids_filtered (AccordsStore            *self,
                                       const AccordsItemFilter *filter,
                                       AccordsItemSort          sort,
                                       gboolean                 descending,
                                       guint                    limit,
                                       GError                 **error)
{
  static const AccordsItemFilter none = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *match = NULL;
  gboolean match_failed;
  GArray *ids;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &none;
  if (is_blank (filter->query))
    return run_ids_query (self, NULL, filter, sort, descending, limit, &match_failed, error);

  /* what was typed, as FTS5 (accords-search-query.h) */
  match = accords_search_query_to_fts_full (filter->query, accords_search_item_prefix_needed_func, self);
  if (match == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  ids = run_ids_query (self, match, filter, sort, descending, limit, &match_failed, &local_error);
  if (ids != NULL || !match_failed)
    {
      if (ids == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return ids;
    }

  /* Not FTS syntax: the same text as plain words */
  plain = accords_store_plain_words_query (filter->query);
  if (plain == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return run_ids_query (self, plain, filter, sort, descending, limit, &match_failed, error);
}

/* The same narrowing as filter_append_sql(), each condition a set of ids
 * that an index gives (after "WHERE 1 "), so that counting never reads
 * the items' rows; id is what the sets narrow ("rowid", "i.id") */
static void
filter_append_count_sql (GString                 *sql,
                         const AccordsItemFilter *filter,
                         const char              *id)
{
  AccordsItemFilter rest = *filter;

  if (filter->feed_id != 0)
    g_string_append_printf (sql, "AND %s IN (SELECT id FROM item WHERE feed_id = ?2) ", id);
  if (!accords_str_empty (filter->since) || !accords_str_empty (filter->until))
    {
      g_string_append_printf (sql, "AND %s IN (SELECT i.id FROM item i INDEXED BY item_sort_date WHERE 1 ", id);
      if (!accords_str_empty (filter->since))
        g_string_append (sql, "AND " ITEM_DATE " >= ?6 ");
      if (!accords_str_empty (filter->until))
        g_string_append (sql, "AND " ITEM_DATE " <> '' AND " ITEM_DATE " < ?7 || '~' ");
      g_string_append (sql, ") ");
    }
  if (filter->unread)
    g_string_append_printf (sql, "AND %s IN (SELECT id FROM item WHERE read = 0) ", id);
  /* the rest are sets of ids already */
  rest.feed_id = 0;
  rest.since = rest.until = NULL;
  rest.unread = FALSE;
  filter_append_sql (sql, &rest, FALSE, MATCH_JOINED, id);
}

gint64
accords_store_count_items_filtered (AccordsStore            *self,
                                    const AccordsItemFilter *filter,
                                    GError                 **error)
{
  static const AccordsItemFilter none = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM ");
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), -1);

  if (filter == NULL)
    filter = &none;
  if (!is_blank (filter->query) &&
      (match = accords_search_query_to_fts_full (filter->query, accords_search_item_prefix_needed_func, self)) == NULL)
    return 0;
  if (match != NULL)
    {
      g_string_append (sql, "item_fts WHERE item_fts MATCH ?1 ");
      /* "+rowid": the index answers MATCH alone, and the narrowing sets are
       * looked up per match; FTS5 would otherwise seek each id of a set */
      filter_append_count_sql (sql, filter, "+rowid");
    }
  else
    {
      g_string_append (sql, "item i WHERE 1 ");
      filter_append_count_sql (sql, filter, "i.id");
    }
  if ((stmt = accords_store_prepare (self, sql->str, error)) == NULL)
    return -1;
  filter_bind (stmt, match, filter);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    accords_store_set_error (self, error, _("Counting news items"));
  sqlite3_reset (stmt);
  return n;
}

GArray *
accords_store_query_item_ids (AccordsStore     *self,
                              const char       *query,
                              gint64            feed_id,
                              AccordsItemSort   sort,
                              gboolean          descending,
                              guint             limit,
                              GError          **error)
{
  AccordsItemFilter filter = { query, feed_id, NULL, NULL, NULL, NULL, ACCORDS_ITEM_LINKED_ANY, FALSE };

  return accords_store_query_item_ids_filtered (self, &filter, sort, descending, limit, error);
}

GListStore *
accords_store_query_items (AccordsStore  *self,
                           const char    *query,
                           gint64         feed_id,
                           guint          limit,
                           GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  ids = accords_store_query_item_ids (self, query, feed_id, ACCORDS_ITEM_SORT_DATE, TRUE, limit, error);
  if (ids == NULL)
    return NULL;
  items = accords_store_load_items (self, (const gint64 *) ids->data, ids->len, error);
  if (items == NULL)
    return NULL;
  store = g_list_store_new (ACCORDS_TYPE_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

guint
accords_store_count_items (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);

  return (guint) accords_store_query_int64 (self, "SELECT count(*) FROM item", NULL);
}

gboolean
accords_store_ensure_feed (AccordsStore  *self,
                           const char    *url,
                           const char    *kind,
                           const char    *title,
                           gint64        *feed_id,
                           gboolean      *created,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (created)
    *created = FALSE;
  stmt = accords_store_prepare (self, "SELECT id FROM feed WHERE url = ?", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *feed_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the feeds"));
      return FALSE;
    }

  stmt = accords_store_prepare (self, "INSERT INTO feed (url, kind, title) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, url);
  accords_stmt_bind_text (stmt, 2, kind);
  accords_stmt_bind_text (stmt, 3, title);
  if (!accords_store_step_done (self, stmt, error))
    return FALSE;
  *feed_id = sqlite3_last_insert_rowid (accords_store_get_db (self));
  if (created)
    *created = TRUE;
  return TRUE;
}

gboolean
accords_store_update_feed (AccordsStore           *self,
                           gint64                  feed_id,
                           const AccordsFeedInfo  *info,
                           GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  stmt = accords_store_prepare (self,
                                "UPDATE feed SET title = CASE WHEN ?2 <> '' AND NOT EXISTS"
                                " (SELECT 1 FROM feed_state WHERE feed_id = ?1 AND renamed) THEN ?2 ELSE title END,"
                                " link = ?3, subtitle = ?4, language = ?5, format = ?6, updated = ?7,"
                                " last_fetch = strftime('%Y-%m-%dT%H:%M:%SZ','now'), last_error = ?8"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  accords_stmt_bind_text (stmt, 2, info->title);
  accords_stmt_bind_text (stmt, 3, info->link);
  accords_stmt_bind_text (stmt, 4, info->subtitle);
  accords_stmt_bind_text (stmt, 5, info->language);
  accords_stmt_bind_text (stmt, 6, info->format);
  accords_stmt_bind_text (stmt, 7, info->updated);
  accords_stmt_bind_text_or_null (stmt, 8, info->bozo ? info->bozo_message : NULL);
  return accords_store_step_done (self, stmt, error);
}

static char *
join_categories (const AccordsFeedEntry *e)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < e->categories->len; i++)
    {
      const char *c = e->categories->pdata[i];

      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* one per line: a category never holds a line break */
      for (; *c; c++)
        g_string_append_c (s, *c == '\n' || *c == '\r' ? ' ' : *c);
    }
  return g_string_free (s, FALSE);
}

/* Binds the entry's fields as ?3..?14 */
static void
bind_entry (sqlite3_stmt           *stmt,
            const AccordsFeedEntry *e,
            gint64                  content_hash,
            const char             *categories)
{
  sqlite3_bind_text (stmt, 3, e->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, e->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, e->link, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, e->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, e->published ? e->published : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, e->updated ? e->updated : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, e->summary_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, e->content_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, *e->content ? e->content : e->summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, categories, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, e->enclosure ? e->enclosure : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 14, content_hash);
}

gboolean
accords_store_insert_item (AccordsStore            *self,
                           gint64                   feed_id,
                           const char              *key,
                           gint64                   content_hash,
                           const AccordsFeedEntry  *entry,
                           gint64                  *item_id,
                           GError                 **error)
{
  g_autofree char *categories = join_categories (entry);
  sqlite3_stmt *stmt;

  stmt = accords_store_prepare (self,
                                "INSERT INTO item (feed_id, key, guid, title, link, author, published, updated,"
                                " summary_text, content_text, html, categories, enclosure, content_hash)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  bind_entry (stmt, entry, content_hash, categories);
  if (!accords_store_step_done (self, stmt, error))
    return FALSE;
  *item_id = sqlite3_last_insert_rowid (accords_store_get_db (self));
  return TRUE;
}

gboolean
accords_store_update_item (AccordsStore            *self,
                           gint64                   item_id,
                           gint64                   content_hash,
                           const AccordsFeedEntry  *entry,
                           GError                 **error)
{
  g_autofree char *categories = join_categories (entry);
  sqlite3_stmt *stmt;

  stmt = accords_store_prepare (self,
                                "UPDATE item SET guid = ?3, title = ?4, link = ?5, author = ?6, published = ?7,"
                                " updated = ?8, summary_text = ?9, content_text = ?10, html = ?11,"
                                " categories = ?12, enclosure = ?13, content_hash = ?14"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  bind_entry (stmt, entry, content_hash, categories);
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_set_item_flag (AccordsStore     *self,
                             gint64            item_id,
                             AccordsItemFlag   flag,
                             gboolean          value,
                             gboolean          wait,
                             GError          **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (flag == ACCORDS_ITEM_FLAG_READ || flag == ACCORDS_ITEM_FLAG_STARRED, FALSE);

  stmt = accords_store_prepare (self,
                                flag == ACCORDS_ITEM_FLAG_READ ? "UPDATE item SET read = ?2 WHERE id = ?1"
                                                               : "UPDATE item SET starred = ?2 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int (stmt, 2, value ? 1 : 0);
  db = accords_store_get_db (self);
  if (!wait)
    sqlite3_busy_timeout (db, 0);
  ok = accords_store_step_done (self, stmt, error);
  if (!wait)
    sqlite3_busy_timeout (db, ACCORDS_STORE_BUSY_TIMEOUT_MS);
  if (ok && sqlite3_changes (db) == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no news item %" G_GINT64_FORMAT), item_id);
      return FALSE;
    }
  return ok;
}

gint64
accords_store_get_last_item_id (AccordsStore  *self,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);

  stmt = accords_store_prepare (self, "SELECT coalesce(max(id), 0) FROM item", error);
  if (stmt == NULL)
    return -1;
  return accords_store_step_int64 (self, stmt, -1, _("Reading news items"), error);
}

gboolean
accords_store_index_new_items (AccordsStore  *self,
                               gint64         after_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  stmt = accords_store_prepare (self,
                                "INSERT INTO item_fts (rowid, title, summary_text, content_text)"
                                " SELECT id, title, summary_text, content_text FROM item WHERE id > ?"
                                " ORDER BY id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after_id);
  return accords_store_step_done (self, stmt, error);
}

GHashTable *
accords_store_get_item_fingerprints (AccordsStore  *self,
                                     gint64         feed_id,
                                     GError       **error)
{
  g_autoptr(GHashTable) table = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self, "SELECT key, id, content_hash FROM item WHERE feed_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsStoredItem *stored = g_new (AccordsStoredItem, 1);

      stored->id = sqlite3_column_int64 (stmt, 1);
      stored->fingerprint = sqlite3_column_int64 (stmt, 2);
      if (table == NULL)
        table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (table, g_strdup (accords_stmt_text (stmt, 0)), stored);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading news items"));
      return NULL;
    }
  return g_steal_pointer (&table);
}
