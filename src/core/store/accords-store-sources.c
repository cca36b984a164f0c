/* accords-store-sources.c: sources a researcher adds to cite them */
#define G_LOG_DOMAIN "accords-store-sources"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-status.h"
#include "accords-store-agreements.h"
#include "accords-store-sources.h"
#include "accords-util.h"

static gboolean
validate_source (AccordsSource  *source,
                 GError        **error)
{
  const char *url = accords_source_get_url (source);
  const char *fields[] = { "published", "accessed" };
  const char *values[] = { accords_source_get_published (source), accords_source_get_accessed (source) };
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (accords_str_empty (url))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("A source needs a URL"));
      return FALSE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      !(g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
        g_ascii_strcasecmp (scheme, "file") == 0) ||
      (g_ascii_strcasecmp (scheme, "file") != 0 && accords_str_empty (g_uri_get_host (uri))))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("url: “%s” is not an http, https or file address"), url);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GError) date_error = NULL;
      int y, m, d;
      AccordsDatePrecision p;

      if (accords_str_empty (values[i]))
        continue;
      if (!accords_date_parse (values[i], &y, &m, &d, &p, &date_error))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       "%s: %s", fields[i], date_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

AccordsSource *
accords_source_new_from_row (sqlite3_stmt *stmt)
{
  static const char * const columns[] = {
    "id", "url", "title", "publisher", "published", "accessed", "source-type", "item-id", NULL
  };
  AccordsSource *source = accords_source_new ();

  accords_stmt_read_properties (stmt, 0, G_OBJECT (source), columns);
  return source;
}

gint64
accords_store_add_source (AccordsStore   *self,
                          AccordsSource  *source,
                          const char     *agreement,
                          GError        **error)
{
  static const char * const source_parameters[] = {
    "url", "title", "publisher", "published", "accessed", "source-type", NULL
  };
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);
  g_return_val_if_fail (ACCORDS_IS_SOURCE (source), 0);

  if (!validate_source (source, error))
    return 0;
  if (!accords_str_empty (agreement) && !accords_store_has_agreement (self, agreement))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), agreement);
      return 0;
    }
  if (accords_str_empty (accords_source_get_accessed (source)))
    {
      today = accords_date_today ();
      accords_source_set_accessed (source, today);
    }

  if (!accords_store_begin (self, error))
    return 0;
  stmt = accords_store_prepare (self,
                                "INSERT INTO source (url, title, publisher, published, accessed, type)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, coalesce(nullif(?6, ''), 'web'))"
                                " ON CONFLICT (url) DO UPDATE SET title = ?2, publisher = ?3, published = ?4,"
                                "  accessed = ?5, type = coalesce(nullif(?6, ''), 'web')"
                                " RETURNING id",
                                error);
  if (stmt == NULL)
    goto fail;
  accords_stmt_bind_properties (stmt, 1, G_OBJECT (source), source_parameters);
  id = accords_store_step_int64 (self, stmt, 0, _("Saving the source"), error);
  if (id == 0)
    goto fail;

  if (!accords_str_empty (agreement))
    {
      stmt = accords_store_prepare (self,
                                    "INSERT OR IGNORE INTO agreement_source (agreement_id, source_id, position)"
                                    " SELECT a.id, ?2, (SELECT COALESCE(max(position) + 1, 0) FROM agreement_source"
                                    "  WHERE agreement_id = a.id) FROM agreement a WHERE a.slug = ?1",
                                    error);
      if (stmt == NULL)
        goto fail;
      accords_stmt_bind_text (stmt, 1, agreement);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!accords_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!accords_store_commit (self, error))
    goto fail;

  accords_source_set_id (source, id);
  accords_store_emit_changed (self, ACCORDS_STORE_CHANGE_AGREEMENTS);
  return id;

fail:
  accords_store_rollback (self);
  return 0;
}

AccordsSource *
accords_store_load_source (AccordsStore  *self,
                           gint64         id,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  AccordsSource *source = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT " ACCORDS_SOURCE_COLUMNS " FROM source WHERE id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    source = accords_source_new_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                 _("There is no source with the id %" G_GINT64_FORMAT), id);
  else
    accords_store_set_error (self, error, _("Reading a source"));
  sqlite3_reset (stmt);
  return source;
}
