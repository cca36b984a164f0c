/* accords-saved-search.c: searches kept under a name, with their filters and unread counts */
#define G_LOG_DOMAIN "accords-saved-search"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-saved-search.h"
#include "accords-search-query.h"
#include "accords-util.h"

#define SAVED_SEARCH_COLUMNS "name, query, feed_id, country, agreement, since, until, linked"

static const char * const linked_names[] = {
  [ACCORDS_ITEM_LINKED_ANY] = "any",
  [ACCORDS_ITEM_LINKED_YES] = "linked",
  [ACCORDS_ITEM_LINKED_NO] = "unlinked",
  [ACCORDS_ITEM_LINKED_SUGGESTED] = "suggested",
  [ACCORDS_ITEM_LINKED_CONFIRMED] = "confirmed",
};

const char *
accords_item_linked_to_string (AccordsItemLinked linked)
{
  g_return_val_if_fail ((guint) linked < G_N_ELEMENTS (linked_names), "any");
  return linked_names[linked];
}

gboolean
accords_item_linked_from_string (const char        *name,
                                 AccordsItemLinked *linked)
{
  for (guint i = 0; i < G_N_ELEMENTS (linked_names); i++)
    if (g_strcmp0 (name, linked_names[i]) == 0)
      {
        *linked = (AccordsItemLinked) i;
        return TRUE;
      }
  return FALSE;
}

void
accords_saved_search_free (AccordsSavedSearch *search)
{
  if (search == NULL)
    return;
  g_free (search->name);
  g_free (search->query);
  g_free (search->country);
  g_free (search->agreement);
  g_free (search->since);
  g_free (search->until);
  g_free (search);
}

void
accords_saved_search_get_filter (const AccordsSavedSearch *search,
                                 AccordsItemFilter        *filter)
{
  g_return_if_fail (search != NULL && filter != NULL);

  *filter = (AccordsItemFilter) {
    .query = search->query,
    .feed_id = search->feed_id,
    .country = search->country,
    .agreement = search->agreement,
    .since = search->since,
    .until = search->until,
    .linked = search->linked,
  };
}

static gboolean
count (AccordsStore       *store,
       AccordsSavedSearch *search,
       GError            **error)
{
  AccordsItemFilter filter;

  accords_saved_search_get_filter (search, &filter);
  if ((search->n_items = accords_store_count_items_filtered (store, &filter, error)) < 0)
    return FALSE;
  filter.unread = TRUE;
  if ((search->n_unread = accords_store_count_items_filtered (store, &filter, error)) < 0)
    return FALSE;
  return TRUE;
}

static AccordsSavedSearch *
from_row (sqlite3_stmt *stmt)
{
  AccordsSavedSearch *search = g_new0 (AccordsSavedSearch, 1);

  search->name = g_strdup (accords_stmt_text (stmt, 0));
  search->query = g_strdup (accords_stmt_text (stmt, 1));
  search->feed_id = sqlite3_column_int64 (stmt, 2);
  search->country = g_strdup (accords_stmt_text (stmt, 3));
  search->agreement = g_strdup (accords_stmt_text (stmt, 4));
  search->since = g_strdup (accords_stmt_text (stmt, 5));
  search->until = g_strdup (accords_stmt_text (stmt, 6));
  if (!accords_item_linked_from_string (accords_stmt_text (stmt, 7), &search->linked))
    search->linked = ACCORDS_ITEM_LINKED_ANY;
  search->n_items = search->n_unread = -1;
  return search;
}

GPtrArray *
accords_saved_search_list (AccordsStore  *store,
                           gboolean       with_counts,
                           GError       **error)
{
  g_autoptr(GPtrArray) searches = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_saved_search_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  stmt = accords_store_prepare (store, "SELECT " SAVED_SEARCH_COLUMNS " FROM saved_search"
                                       " ORDER BY name COLLATE NOCASE, name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (searches, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (store, error, _("Reading the saved searches"));
      return NULL;
    }
  if (with_counts)
    for (guint i = 0; i < searches->len; i++)
      if (!count (store, searches->pdata[i], error))
        return NULL;
  return g_steal_pointer (&searches);
}

AccordsSavedSearch *
accords_saved_search_lookup (AccordsStore  *store,
                             const char    *name,
                             gboolean       with_counts,
                             GError       **error)
{
  g_autoptr(AccordsSavedSearch) search = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = accords_store_prepare (store, "SELECT " SAVED_SEARCH_COLUMNS " FROM saved_search WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  accords_stmt_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    search = from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("There is no saved search named “%s”"), name);
  else
    accords_store_set_error (store, error, _("Reading the saved searches"));
  sqlite3_reset (stmt);
  if (search == NULL || (with_counts && !count (store, search, error)))
    return NULL;
  return g_steal_pointer (&search);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("A saved search needs a name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *date,
            const char  *which,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (accords_str_empty (date) || accords_date_parse (date, NULL, NULL, NULL, NULL, &local_error))
    return TRUE;
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", which, local_error->message);
  return FALSE;
}

static gboolean
name_taken (AccordsStore  *store,
            const char    *name,
            GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (store, "SELECT 1 FROM saved_search WHERE name = ?", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, name);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS, _("There is already a saved search named “%s”"), name);
  return taken;
}

gboolean
accords_saved_search_add (AccordsStore             *store,
                          const char               *name,
                          const char               *query,
                          const AccordsItemFilter  *filter,
                          GError                  **error)
{
  static const AccordsItemFilter none = { 0 };
  g_autofree char *fts = NULL;
  g_autofree char *country = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);

  if (filter == NULL)
    filter = &none;
  if (!check_name (name, error) ||
      !check_date (filter->since, "since", error) || !check_date (filter->until, "until", error))
    return FALSE;
  fts = accords_str_empty (query) ? NULL : accords_search_query_to_fts (query);
  if (fts == NULL && filter->feed_id == 0 && accords_str_empty (filter->country) &&
      accords_str_empty (filter->agreement) && accords_str_empty (filter->since) &&
      accords_str_empty (filter->until) && filter->linked == ACCORDS_ITEM_LINKED_ANY)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The saved search “%s” would find every item: give it a word to look for or a filter"), name);
      return FALSE;
    }
  if (name_taken (store, name, error))
    return FALSE;

  country = filter->country ? g_ascii_strup (filter->country, -1) : NULL;
  stmt = accords_store_prepare (store,
                                "INSERT INTO saved_search (name, query, feed_id, country, agreement, since, until, linked)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, name);
  accords_stmt_bind_text (stmt, 2, query);
  sqlite3_bind_int64 (stmt, 3, filter->feed_id);
  accords_stmt_bind_text (stmt, 4, country);
  accords_stmt_bind_text (stmt, 5, filter->agreement);
  accords_stmt_bind_text (stmt, 6, filter->since);
  accords_stmt_bind_text (stmt, 7, filter->until);
  accords_stmt_bind_text (stmt, 8, accords_item_linked_to_string (filter->linked));
  return accords_store_step_done (store, stmt, error);
}

/* Runs stmt, bound, and fails with NOT_FOUND when it changed no row */
static gboolean
change_one (AccordsStore  *store,
            sqlite3_stmt  *stmt,
            const char    *name,
            GError       **error)
{
  if (!accords_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (accords_store_get_db (store)) == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("There is no saved search named “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
accords_saved_search_rename (AccordsStore  *store,
                             const char    *name,
                             const char    *new_name,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_name (new_name, error))
    return FALSE;
  if (g_strcmp0 (name, new_name) != 0 && name_taken (store, new_name, error))
    return FALSE;
  if ((stmt = accords_store_prepare (store, "UPDATE saved_search SET name = ?2 WHERE name = ?1", error)) == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, name);
  accords_stmt_bind_text (stmt, 2, new_name);
  return change_one (store, stmt, name, error);
}

gboolean
accords_saved_search_remove (AccordsStore  *store,
                             const char    *name,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((stmt = accords_store_prepare (store, "DELETE FROM saved_search WHERE name = ?", error)) == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, name);
  return change_one (store, stmt, name, error);
}
