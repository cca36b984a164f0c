/* accords-store-curation.c: what editing the dataset needs from the store beyond saving an agreement */
#define G_LOG_DOMAIN "accords-store-curation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-store-sources.h"

typedef struct {
  char           *table;
  GPtrArray      *columns;  /* char * */
  GPtrArray      *values;   /* sqlite3_value *, dup'ed */
} Row;

/* A reference ON DELETE SET NULL clears: restored with an UPDATE */
typedef struct {
  char           *table;
  char           *column;
  GPtrArray      *key_columns;
  GPtrArray      *key_values;
  sqlite3_value  *value;
} Cleared;

struct _AccordsCascade
{
  char      *slug;
  GPtrArray *rows;      /* Row, parents before children */
  GPtrArray *cleared;   /* Cleared */
};

typedef struct {
  char *child;
  char *child_column;
  char *parent;
  char *parent_column;
  char *on_delete;
} Edge;

static void
value_free (gpointer value)
{
  sqlite3_value_free (value);
}

static void
row_free (Row *row)
{
  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
cleared_free (Cleared *c)
{
  g_free (c->table);
  g_free (c->column);
  g_ptr_array_unref (c->key_columns);
  g_ptr_array_unref (c->key_values);
  sqlite3_value_free (c->value);
  g_free (c);
}

static void
edge_free (Edge *edge)
{
  g_free (edge->child);
  g_free (edge->child_column);
  g_free (edge->parent);
  g_free (edge->parent_column);
  g_free (edge->on_delete);
  g_free (edge);
}

void
accords_cascade_free (AccordsCascade *cascade)
{
  if (cascade == NULL)
    return;
  g_free (cascade->slug);
  g_ptr_array_unref (cascade->rows);
  g_ptr_array_unref (cascade->cleared);
  g_free (cascade);
}

const char *
accords_cascade_get_slug (AccordsCascade *cascade)
{
  g_return_val_if_fail (cascade != NULL, NULL);
  return cascade->slug;
}

guint
accords_cascade_count (AccordsCascade *cascade,
                       const char     *table)
{
  guint n = 0;

  g_return_val_if_fail (cascade != NULL, 0);

  for (guint i = 0; i < cascade->rows->len; i++)
    if (g_str_equal (((Row *) g_ptr_array_index (cascade->rows, i))->table, table))
      n++;
  return n;
}

static char *
quote (const char *identifier)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = identifier; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
accords_store_rename_agreement (AccordsStore  *self,
                                const char    *slug,
                                const char    *new_slug,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (slug != NULL && new_slug != NULL, FALSE);

  if (g_str_equal (slug, new_slug))
    return TRUE;
  if (!accords_store_has_agreement (self, slug))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), slug);
      return FALSE;
    }
  if (accords_store_has_agreement (self, new_slug))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS,
                   _("id: “%s” is already the id of another agreement"), new_slug);
      return FALSE;
    }
  stmt = accords_store_prepare (self,
                                "UPDATE agreement SET slug = ?2, updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE slug = ?1", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, slug);
  accords_stmt_bind_text (stmt, 2, new_slug);
  return accords_store_step_done (self, stmt, error);
}

/* The foreign keys of the schema as it is now, so tables that later
 * migrations add are followed too. */
static GPtrArray *
load_edges (AccordsStore  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accords_store_prepare (self,
                                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                " ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (accords_stmt_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the schema"));
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      stmt = accords_store_prepare (self,
                                    "SELECT f.\"table\", f.\"from\","
                                    " coalesce(f.\"to\", (SELECT name FROM pragma_table_info(f.\"table\") WHERE pk = 1)),"
                                    " f.on_delete FROM pragma_foreign_key_list(?1) f", error);
      if (stmt == NULL)
        return NULL;
      accords_stmt_bind_text (stmt, 1, g_ptr_array_index (tables, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Edge *edge = g_new0 (Edge, 1);

          edge->child = g_strdup (g_ptr_array_index (tables, i));
          edge->parent = g_strdup (accords_stmt_text (stmt, 0));
          edge->child_column = g_strdup (accords_stmt_text (stmt, 1));
          edge->parent_column = g_strdup (accords_stmt_text (stmt, 2));
          edge->on_delete = g_ascii_strup (accords_stmt_text (stmt, 3), -1);
          g_ptr_array_add (edges, edge);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          accords_store_set_error (self, error, _("Reading the schema"));
          return NULL;
        }
    }
  return g_steal_pointer (&edges);
}

static Row *
row_from_stmt (const char   *table,
               sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);
  int n = sqlite3_column_count (stmt);

  row->table = g_strdup (table);
  row->columns = g_ptr_array_new_with_free_func (g_free);
  row->values = g_ptr_array_new_with_free_func (value_free);
  for (int i = 0; i < n; i++)
    {
      g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, i)));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  return row;
}

static sqlite3_value *
row_get (Row        *row,
         const char *column)
{
  for (guint i = 0; i < row->columns->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (row->columns, i), column) == 0)
      return g_ptr_array_index (row->values, i);
  return NULL;
}

/* Identifies a row among those already taken, whatever path reached it */
static char *
row_key (Row *row)
{
  GString *key = g_string_new (row->table);

  for (guint i = 0; i < row->values->len; i++)
    {
      sqlite3_value *v = g_ptr_array_index (row->values, i);
      const unsigned char *text = sqlite3_value_text (v);

      g_string_append_printf (key, "\x1f%d:%d:", sqlite3_value_type (v), sqlite3_value_bytes (v));
      if (text)
        g_string_append_len (key, (const char *) text, sqlite3_value_bytes (v));
    }
  return g_string_free (key, FALSE);
}

/* The columns that identify a row of the table: its primary key, or rowid */
static GPtrArray *
key_columns (AccordsStore  *self,
             const char    *table,
             GError       **error)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = accords_store_prepare (self, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", error);

  if (stmt == NULL)
    {
      g_ptr_array_unref (columns);
      return NULL;
    }
  accords_stmt_bind_text (stmt, 1, table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup (accords_stmt_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (columns->len == 0)
    g_ptr_array_add (columns, g_strdup ("rowid"));
  return columns;
}

static gboolean
follow_edge (AccordsStore   *self,
             AccordsCascade *cascade,
             GHashTable     *seen,
             Edge           *edge,
             sqlite3_value  *value,
             GError        **error)
{
  g_autofree char *child = quote (edge->child);
  g_autofree char *column = quote (edge->child_column);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (g_str_equal (edge->on_delete, "CASCADE"))
    sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1", child, column);
  else if (g_str_equal (edge->on_delete, "SET NULL"))
    {
      g_autoptr(GString) select = g_string_new ("SELECT ");

      if (!(keys = key_columns (self, edge->child, error)))
        return FALSE;
      for (guint i = 0; i < keys->len; i++)
        {
          g_autofree char *q = quote (g_ptr_array_index (keys, i));
          g_string_append_printf (select, "%s, ", q);
        }
      g_string_append_printf (select, "%s FROM %s WHERE %s = ?1", column, child, column);
      sql = g_string_free (g_steal_pointer (&select), FALSE);
    }
  else
    return TRUE;   /* RESTRICT and NO ACTION refuse the delete themselves */

  if (!(stmt = accords_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_value (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (keys == NULL)
        {
          Row *row = row_from_stmt (edge->child, stmt);
          char *key = row_key (row);

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (cascade->rows, row);
          else
            row_free (row);
        }
      else
        {
          Cleared *c = g_new0 (Cleared, 1);

          c->table = g_strdup (edge->child);
          c->column = g_strdup (edge->child_column);
          c->key_columns = g_ptr_array_ref (keys);
          c->key_values = g_ptr_array_new_with_free_func (value_free);
          for (guint i = 0; i < keys->len; i++)
            g_ptr_array_add (c->key_values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
          c->value = sqlite3_value_dup (sqlite3_column_value (stmt, keys->len));
          g_ptr_array_add (cascade->cleared, c);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading what depends on the agreement"));
      return FALSE;
    }
  return TRUE;
}

AccordsCascade *
accords_store_snapshot_cascade (AccordsStore  *self,
                                const char    *slug,
                                GError       **error)
{
  g_autoptr(AccordsCascade) cascade = g_new0 (AccordsCascade, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) edges = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  cascade->slug = g_strdup (slug);
  cascade->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  cascade->cleared = g_ptr_array_new_with_free_func ((GDestroyNotify) cleared_free);

  if (!(edges = load_edges (self, error)))
    return NULL;

  if (!(stmt = accords_store_prepare (self, "SELECT * FROM agreement WHERE slug = ?1", error)))
    return NULL;
  accords_stmt_bind_text (stmt, 1, slug);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), slug);
      return NULL;
    }
  g_ptr_array_add (cascade->rows, row_from_stmt ("agreement", stmt));
  sqlite3_reset (stmt);
  g_hash_table_add (seen, row_key (g_ptr_array_index (cascade->rows, 0)));

  /* breadth first: every row comes after the rows it references */
  for (guint i = 0; i < cascade->rows->len; i++)
    {
      Row *row = g_ptr_array_index (cascade->rows, i);

      for (guint k = 0; k < edges->len; k++)
        {
          Edge *edge = g_ptr_array_index (edges, k);
          sqlite3_value *value;

          if (!g_str_equal (edge->parent, row->table))
            continue;
          value = row_get (row, edge->parent_column);
          if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
            continue;
          if (!follow_edge (self, cascade, seen, edge, value, error))
            return NULL;
        }
    }
  return g_steal_pointer (&cascade);
}

AccordsCascade *
accords_store_delete_cascade (AccordsStore  *self,
                              const char    *slug,
                              GError       **error)
{
  g_autoptr(AccordsCascade) cascade = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (!accords_store_begin (self, error))
    return NULL;
  if (!(cascade = accords_store_snapshot_cascade (self, slug, error)))
    goto fail;
  if (!(stmt = accords_store_prepare (self, "DELETE FROM agreement WHERE slug = ?1", error)))
    goto fail;
  accords_stmt_bind_text (stmt, 1, slug);
  if (!accords_store_step_done (self, stmt, error) || !accords_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&cascade);

fail:
  accords_store_rollback (self);
  g_prefix_error (error, _("Deleting “%s”: "), slug);
  return NULL;
}

static gboolean
restore_row (AccordsStore  *self,
             Row           *row,
             GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *table = quote (row->table);
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "%s (", table);
  for (guint i = 0; i < row->columns->len; i++)
    {
      g_autofree char *q = quote (g_ptr_array_index (row->columns, i));
      g_string_append_printf (sql, "%s%s", i ? ", " : "", q);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  if (!(stmt = accords_store_prepare (self, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));
  if (!accords_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Restoring a row of %s: "), row->table);
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_cleared (AccordsStore  *self,
                 Cleared       *c,
                 GError       **error)
{
  g_autofree char *table = quote (c->table);
  g_autofree char *column = quote (c->column);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "UPDATE %s SET %s = ?1 WHERE ", table, column);
  for (guint i = 0; i < c->key_columns->len; i++)
    {
      g_autofree char *q = quote (g_ptr_array_index (c->key_columns, i));
      g_string_append_printf (sql, "%s%s = ?%u", i ? " AND " : "", q, i + 2);
    }
  if (!(stmt = accords_store_prepare (self, sql->str, error)))
    return FALSE;
  sqlite3_bind_value (stmt, 1, c->value);
  for (guint i = 0; i < c->key_values->len; i++)
    sqlite3_bind_value (stmt, (int) i + 2, g_ptr_array_index (c->key_values, i));
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_restore_cascade (AccordsStore    *self,
                               AccordsCascade  *cascade,
                               GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (cascade != NULL, FALSE);

  if (accords_store_has_agreement (self, cascade->slug))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS,
                   _("Cannot bring back “%s”: another agreement has taken its id"), cascade->slug);
      return FALSE;
    }
  if (!accords_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < cascade->rows->len; i++)
    if (!restore_row (self, g_ptr_array_index (cascade->rows, i), error))
      goto fail;
  for (guint i = 0; i < cascade->cleared->len; i++)
    if (!restore_cleared (self, g_ptr_array_index (cascade->cleared, i), error))
      goto fail;
  return accords_store_commit (self, error);

fail:
  accords_store_rollback (self);
  return FALSE;
}

gpointer
accords_store_load_source_by_url (AccordsStore  *self,
                           const char    *url,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  AccordsSource *s = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT " ACCORDS_SOURCE_COLUMNS " FROM source"
                                " WHERE url = ?1", error);
  if (stmt == NULL)
    return NULL;
  accords_stmt_bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s = accords_source_new_from_row (stmt);
  else if (rc != SQLITE_DONE)
    accords_store_set_error (self, error, _("Reading sources"));
  sqlite3_reset (stmt);
  return s;
}

gboolean
accords_store_write_source (AccordsStore  *self,
                            gpointer       source,
                            GError       **error)
{
  static const char * const row[] = {
    "url", "title", "publisher", "published", "accessed", "source-type", "item-id", NULL
  };
  AccordsSource *s = source;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_SOURCE (s), FALSE);

  stmt = accords_store_prepare (self,
                                "INSERT INTO source (url, title, publisher, published, accessed, type, item_id)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                " ON CONFLICT (url) DO UPDATE SET title = ?2, publisher = ?3, published = ?4,"
                                "  accessed = ?5, type = ?6, item_id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_properties (stmt, 1, G_OBJECT (s), row);
  if (!accords_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Saving the source %s: "), accords_source_get_url (s));
      return FALSE;
    }
  return TRUE;
}

GListStore *
accords_store_load_sources (AccordsStore  *self,
                            GError       **error)
{
  g_autoptr(GListStore) sources = g_list_store_new (ACCORDS_TYPE_SOURCE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT " ACCORDS_SOURCE_COLUMNS " FROM source"
                                " ORDER BY CASE WHEN title = '' THEN url ELSE title END COLLATE NOCASE, url",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsSource) s = accords_source_new_from_row (stmt);

      g_list_store_append (sources, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading sources"));
      return NULL;
    }
  return g_steal_pointer (&sources);
}
