/* accords-search.c: one search over the news, the notes and the agreements */
#define G_LOG_DOMAIN "accords-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-search-prefix.h"
#include "accords-search-schema.h"
#include "accords-search.h"
#include "accords-util.h"

/* Words of context a snippet shows around the matches */
#define SNIPPET_TOKENS "24"

#define MARKS "'" ACCORDS_SEARCH_MARK_START "', '" ACCORDS_SEARCH_MARK_END "'"

const char *
accords_search_group_to_string (AccordsSearchGroup group)
{
  switch (group)
    {
    case ACCORDS_SEARCH_GROUP_ITEMS:
      return "items";
    case ACCORDS_SEARCH_GROUP_NOTES:
      return "notes";
    case ACCORDS_SEARCH_GROUP_AGREEMENTS:
      return "agreements";
    case ACCORDS_SEARCH_N_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
accords_search_hit_free (AccordsSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->slug);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit->date);
  g_free (hit);
}

void
accords_search_results_free (AccordsSearchResults *results)
{
  if (results == NULL)
    return;
  g_free (results->query);
  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    g_clear_pointer (&results->hits[g], g_ptr_array_unref);
  g_free (results);
}

static gboolean
has_mark (const char *text)
{
  return text != NULL && strstr (text, ACCORDS_SEARCH_MARK_START) != NULL;
}

/* The first of the texts with a match, else the first that is not empty */
static const char *
pick_snippet (const char * const *texts,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    if (has_mark (texts[i]))
      return texts[i];
  for (guint i = 0; i < n; i++)
    if (!accords_str_empty (texts[i]))
      return texts[i];
  return "";
}

static AccordsSearchHit *
hit_new (AccordsSearchGroup group,
         gint64             id)
{
  AccordsSearchHit *hit = g_new0 (AccordsSearchHit, 1);

  hit->group = group;
  hit->id = id;
  return hit;
}

/* The hits of the items ids, in their order, marked for match.  FTS5
 * marks matches from the positions of every document a prefix matches,
 * gathered before the first row (a second for "deport*" on 100,000
 * items): the hits are marked in a small index of their own instead, in
 * the connection's temporary schema, which even a read-only store can
 * write. */
static gboolean
load_item_hits (AccordsStore *store,
                const char   *match,
                GArray       *ids,
                GPtrArray    *hits,
                GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) accords_search_hit_free);
  sqlite3_stmt *stmt;
  int rc;

  if (ids->len == 0)
    return TRUE;
  if (!accords_store_exec (store,
                           "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_hits USING fts5"
                           " (title, summary_text, content_text, published, read UNINDEXED,"
                           " " ACCORDS_SEARCH_TOKENIZE ");"
                           "DELETE FROM temp.search_hits",
                           error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      stmt = accords_store_prepare (store,
                                    "INSERT INTO temp.search_hits (rowid, title, summary_text, content_text, published, read)"
                                    " SELECT id, title, summary_text, content_text,"
                                    " CASE WHEN published <> '' THEN published ELSE updated END, read"
                                    " FROM item WHERE id = ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!accords_store_step_done (store, stmt, error))
        return FALSE;
    }

  /* the column filter names the same columns as in item_fts; published is
   * never searched: it is not a column of item_fts */
  stmt = accords_store_prepare (store,
                                "SELECT rowid, highlight (search_hits, 0, " MARKS "),"
                                " snippet (search_hits, 1, " MARKS ", '…', " SNIPPET_TOKENS "),"
                                " snippet (search_hits, 2, " MARKS ", '…', " SNIPPET_TOKENS "), published, read"
                                " FROM temp.search_hits WHERE search_hits MATCH ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsSearchHit *hit = hit_new (ACCORDS_SEARCH_GROUP_ITEMS, sqlite3_column_int64 (stmt, 0));
      const char *texts[] = { accords_stmt_text (stmt, 2), accords_stmt_text (stmt, 3) };

      hit->title = g_strdup (accords_stmt_text (stmt, 1));
      hit->snippet = g_strdup (pick_snippet (texts, G_N_ELEMENTS (texts)));
      hit->date = g_strdup (accords_stmt_text (stmt, 4));
      hit->read = sqlite3_column_int (stmt, 5) != 0;
      g_hash_table_replace (by_id, &hit->id, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (store, error, _("Searching news items"));
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gpointer key, hit;

      if (g_hash_table_steal_extended (by_id, &id, &key, &hit))
        g_ptr_array_add (hits, hit);
    }
  return TRUE;
}

static gboolean
search_items (AccordsStore            *store,
              const char              *query,
              const char              *match,
              const AccordsItemFilter *filter,
              guint                    limit,
              AccordsSearchResults    *results,
              GError                 **error)
{
  AccordsItemFilter narrowed = { 0 };
  g_autoptr(GArray) ids = NULL;
  gint64 total;

  if (filter != NULL)
    narrowed = *filter;
  narrowed.query = query;
  ids = accords_store_query_item_ids_filtered (store, &narrowed, ACCORDS_ITEM_SORT_DATE, TRUE, limit, error);
  if (ids == NULL)
    return FALSE;
  /* fewer than the limit: they are all there is */
  if (limit == 0 || ids->len < limit)
    total = ids->len;
  else if ((total = accords_store_count_items_filtered (store, &narrowed, error)) < 0)
    return FALSE;
  results->totals[ACCORDS_SEARCH_GROUP_ITEMS] = total;
  return load_item_hits (store, match, ids, results->hits[ACCORDS_SEARCH_GROUP_ITEMS], error);
}

/* Binds ?1 match, ?2 the limit (-1: none), ?3 the agreement, ?4 the country */
static void
bind_group (sqlite3_stmt            *stmt,
            const char              *match,
            guint                    limit,
            const AccordsItemFilter *filter)
{
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  if (filter != NULL && !accords_str_empty (filter->agreement))
    accords_stmt_bind_text (stmt, 3, filter->agreement);
  if (filter != NULL && !accords_str_empty (filter->country))
    accords_stmt_bind_text (stmt, 4, filter->country);
}

static gint64
count_group (AccordsStore            *store,
             const char              *from_where,
             const char              *match,
             const AccordsItemFilter *filter,
             const char              *doing,
             GError                 **error)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) ", from_where, NULL);
  sqlite3_stmt *stmt = accords_store_prepare (store, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  bind_group (stmt, match, 0, filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    accords_store_set_error (store, error, doing);
  sqlite3_reset (stmt);
  return n;
}

static char *
notes_from_where (const AccordsItemFilter *filter)
{
  GString *sql = g_string_new ("FROM note_fts JOIN note n ON n.id = note_fts.rowid"
                               " LEFT JOIN agreement a ON a.id = n.agreement_id"
                               " WHERE note_fts MATCH ?1 ");

  if (filter != NULL && !accords_str_empty (filter->agreement))
    g_string_append (sql, "AND a.slug = ?3 ");
  if (filter != NULL && !accords_str_empty (filter->country))
    g_string_append (sql, "AND (n.country = ?4 OR n.agreement_id IN"
                          " (SELECT agreement_id FROM party WHERE country = ?4)) ");
  return g_string_free (sql, FALSE);
}

static gboolean
search_notes (AccordsStore            *store,
              const char              *match,
              const AccordsItemFilter *filter,
              guint                    limit,
              AccordsSearchResults    *results,
              GError                 **error)
{
  g_autofree char *from_where = notes_from_where (filter);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *hits = results->hits[ACCORDS_SEARCH_GROUP_NOTES];
  int rc;

  sql = g_strconcat ("SELECT n.id, highlight (note_fts, 0, " MARKS "),"
                     " snippet (note_fts, 1, " MARKS ", '…', " SNIPPET_TOKENS "), n.updated, a.slug ",
                     from_where, "ORDER BY bm25 (note_fts), n.id LIMIT ?2", NULL);
  if ((stmt = accords_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  bind_group (stmt, match, limit, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsSearchHit *hit = hit_new (ACCORDS_SEARCH_GROUP_NOTES, sqlite3_column_int64 (stmt, 0));

      hit->title = g_strdup (accords_stmt_text (stmt, 1));
      hit->snippet = g_strdup (accords_stmt_text (stmt, 2));
      hit->date = g_strdup (accords_stmt_text (stmt, 3));
      hit->slug = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL : g_strdup (accords_stmt_text (stmt, 4));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (store, error, _("Searching notes"));
      return FALSE;
    }
  if (limit == 0 || hits->len < limit)
    results->totals[ACCORDS_SEARCH_GROUP_NOTES] = hits->len;
  else if ((results->totals[ACCORDS_SEARCH_GROUP_NOTES] =
              count_group (store, from_where, match, filter, _("Searching notes"), error)) < 0)
    return FALSE;
  return TRUE;
}

static char *
agreements_from_where (const AccordsItemFilter *filter)
{
  GString *sql = g_string_new ("FROM agreement_fts JOIN agreement a ON a.id = agreement_fts.rowid"
                               " WHERE agreement_fts MATCH ?1 ");

  if (filter != NULL && !accords_str_empty (filter->agreement))
    g_string_append (sql, "AND a.slug = ?3 ");
  if (filter != NULL && !accords_str_empty (filter->country))
    g_string_append (sql, "AND a.id IN (SELECT agreement_id FROM party WHERE country = ?4) ");
  return g_string_free (sql, FALSE);
}

static gboolean
search_agreements (AccordsStore            *store,
                   const char              *match,
                   const AccordsItemFilter *filter,
                   guint                    limit,
                   AccordsSearchResults    *results,
                   GError                 **error)
{
  g_autofree char *from_where = agreements_from_where (filter);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *hits = results->hits[ACCORDS_SEARCH_GROUP_AGREEMENTS];
  int rc;

  sql = g_strconcat ("SELECT a.id, a.slug, highlight (agreement_fts, 0, " MARKS "),"
                     " highlight (agreement_fts, 1, " MARKS "), highlight (agreement_fts, 2, " MARKS "),"
                     " snippet (agreement_fts, 3, " MARKS ", '…', " SNIPPET_TOKENS "), a.status_as_of ",
                     from_where, "ORDER BY bm25 (agreement_fts), a.slug LIMIT ?2", NULL);
  if ((stmt = accords_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  bind_group (stmt, match, limit, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsSearchHit *hit = hit_new (ACCORDS_SEARCH_GROUP_AGREEMENTS, sqlite3_column_int64 (stmt, 0));
      /* the summary says most; the aliases or the short title when only they match */
      const char *texts[] = {
        accords_stmt_text (stmt, 5), accords_stmt_text (stmt, 4), accords_stmt_text (stmt, 3),
      };

      hit->slug = g_strdup (accords_stmt_text (stmt, 1));
      hit->title = g_strdup (accords_stmt_text (stmt, 2));
      hit->snippet = g_strdup (pick_snippet (texts, G_N_ELEMENTS (texts)));
      hit->date = g_strdup (accords_stmt_text (stmt, 6));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (store, error, _("Searching agreements"));
      return FALSE;
    }
  if (limit == 0 || hits->len < limit)
    results->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS] = hits->len;
  else if ((results->totals[ACCORDS_SEARCH_GROUP_AGREEMENTS] =
              count_group (store, from_where, match, filter, _("Searching agreements"), error)) < 0)
    return FALSE;
  return TRUE;
}

/* Filters that only news items have */
static gboolean
narrows_to_items (const AccordsItemFilter *filter)
{
  return filter != NULL &&
         (filter->feed_id != 0 || !accords_str_empty (filter->since) || !accords_str_empty (filter->until) ||
          filter->linked != ACCORDS_ITEM_LINKED_ANY || filter->unread);
}

AccordsSearchResults *
accords_search_run (AccordsStore            *store,
                    const char              *query,
                    const AccordsItemFilter *filter,
                    guint                    limit,
                    GError                 **error)
{
  g_autoptr(AccordsSearchResults) results = g_new0 (AccordsSearchResults, 1);

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    results->hits[g] = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_search_hit_free);
  results->query = query != NULL ? accords_search_query_to_fts_full (query, accords_search_prefix_needed_func, store) : NULL;
  if (results->query == NULL)
    return g_steal_pointer (&results);

  if (!search_items (store, query, results->query, filter, limit, results, error))
    return NULL;
  if (narrows_to_items (filter))
    return g_steal_pointer (&results);
  if (!search_notes (store, results->query, filter, limit, results, error) ||
      !search_agreements (store, results->query, filter, limit, results, error))
    return NULL;
  return g_steal_pointer (&results);
}
