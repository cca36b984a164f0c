/* accords-store-notes.c: research notes in the store, their search and what they cite */
#define G_LOG_DOMAIN "accords-store-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-search-query.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-notes.h"
#include "accords-util.h"

#define NOTE_COLUMNS "n.id, n.body, n.created, n.updated, a.slug, n.country"
#define NOTE_FROM    " FROM note n LEFT JOIN agreement a ON a.id = n.agreement_id"

static AccordsNote *
note_from_row (sqlite3_stmt *stmt)
{
  static const char * const columns[] = {
    "id", "body", "created", "updated", "?agreement", "?country", NULL
  };
  AccordsNote *note = accords_note_new ();

  accords_stmt_read_properties (stmt, 0, G_OBJECT (note), columns);
  return note;
}

static gboolean
check_body (const char  *body,
            GError     **error)
{
  if (body != NULL && !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_attachment (AccordsStore  *self,
                  const char    *agreement,
                  const char    *country,
                  GError       **error)
{
  if (!accords_str_empty (agreement) && !accords_str_empty (country))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("A note belongs to an agreement or to a country, not to both"));
      return FALSE;
    }
  if (!accords_str_empty (agreement) && !accords_store_has_agreement (self, agreement))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), agreement);
      return FALSE;
    }
  if (!accords_str_empty (country) && !accords_store_has_country (self, country))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("“%s” is not a known country code"), country);
      return FALSE;
    }
  return TRUE;
}

/* Ends the transaction of a note's write: commits it and tells the listeners
 * when written, else rolls it back */
static gboolean
end_write (AccordsStore  *self,
           gboolean       written,
           GError       **error)
{
  if (written && accords_store_commit (self, error))
    {
      accords_store_emit_changed (self, ACCORDS_STORE_CHANGE_NOTES);
      return TRUE;
    }
  accords_store_rollback (self);
  return FALSE;
}

static gboolean
insert_note (AccordsStore  *self,
             AccordsNote   *note,
             GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (self,
                                              "INSERT INTO note (title, body, agreement_id, country)"
                                              " VALUES (?1, ?2, (SELECT id FROM agreement WHERE slug = ?3), ?4)"
                                              " RETURNING id, created, updated",
                                              error);

  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, accords_note_get_title (note));
  accords_stmt_bind_text (stmt, 2, accords_note_get_body (note));
  accords_stmt_bind_text_or_null (stmt, 3, accords_note_get_agreement (note));
  accords_stmt_bind_text_or_null (stmt, 4, accords_note_get_country (note));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      accords_store_set_error (self, error, _("Saving the note"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  accords_note_set_id (note, sqlite3_column_int64 (stmt, 0));
  accords_note_set_created (note, accords_stmt_text (stmt, 1));
  accords_note_set_updated (note, accords_stmt_text (stmt, 2));
  return accords_store_step_done (self, stmt, error);
}

AccordsNote *
accords_store_create_note (AccordsStore  *self,
                           const char    *agreement,
                           const char    *country,
                           const char    *body,
                           GError       **error)
{
  g_autoptr(AccordsNote) note = accords_note_new ();

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (!check_body (body, error) || !check_attachment (self, agreement, country, error))
    return NULL;

  accords_note_set_body (note, body);
  accords_note_set_agreement (note, agreement);
  accords_note_set_country (note, country);

  /* In a transaction of its own, so that the commit's result is seen: an
   * INSERT … RETURNING in autocommit commits only when it is reset */
  if (!accords_store_begin (self, error) ||
      !end_write (self, insert_note (self, note, error), error))
    return NULL;
  return g_steal_pointer (&note);
}

AccordsNote *
accords_store_load_note (AccordsStore  *self,
                         gint64         id,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  AccordsNote *note = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self, "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    note = note_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                 _("There is no note with the id %" G_GINT64_FORMAT), id);
  else
    accords_store_set_error (self, error, _("Reading a note"));
  sqlite3_reset (stmt);
  return note;
}

gboolean
accords_store_save_note_body (AccordsStore  *self,
                              gint64         id,
                              const char    *body,
                              char         **updated_out,
                              GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *updated = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (!check_body (body, error))
    return FALSE;
  title = accords_note_title_from_body (body);

  if (!accords_store_begin (self, error))
    return FALSE;
  stmt = accords_store_prepare (self,
                                "UPDATE note SET body = ?1, title = ?2,"
                                " updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?3 RETURNING updated",
                                error);
  if (stmt == NULL)
    goto fail;
  accords_stmt_bind_text (stmt, 1, body);
  accords_stmt_bind_text (stmt, 2, title);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    updated = g_strdup (accords_stmt_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                 _("There is no note with the id %" G_GINT64_FORMAT), id);
  else
    accords_store_set_error (self, error, _("Saving the note"));
  /* stepping to the end lets the statement release the transaction */
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (updated == NULL || rc != SQLITE_DONE)
    goto fail;
  if (!accords_store_commit (self, error))
    goto fail;

  if (updated_out != NULL)
    *updated_out = g_steal_pointer (&updated);
  return TRUE;

fail:
  if (error != NULL && *error == NULL)
    accords_store_set_error (self, error, _("Saving the note"));
  accords_store_rollback (self);
  return FALSE;
}

gboolean
accords_store_rename_note (AccordsStore  *self,
                           gint64         id,
                           const char    *title,
                           GError       **error)
{
  g_autoptr(AccordsNote) note = NULL;
  g_autofree char *body = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (*clean == '\0')
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("A note’s title cannot be empty"));
      return FALSE;
    }
  if (!g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("The title is not valid UTF-8 text"));
      return FALSE;
    }

  if (!accords_store_begin (self, error))
    return FALSE;
  note = accords_store_load_note (self, id, error);
  if (note != NULL)
    body = accords_note_body_with_title (accords_note_get_body (note), clean);
  return end_write (self, note != NULL && accords_store_save_note_body (self, id, body, NULL, error), error);
}

static gboolean
delete_note_row (AccordsStore  *self,
                 gint64         id,
                 GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (self, "DELETE FROM note WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return accords_store_step_done (self, stmt, error);
}

AccordsNote *
accords_store_delete_note (AccordsStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(AccordsNote) note = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (!accords_store_begin (self, error))
    return NULL;
  note = accords_store_load_note (self, id, error);
  if (!end_write (self, note != NULL && delete_note_row (self, id, error), error))
    return NULL;
  return g_steal_pointer (&note);
}

gboolean
accords_store_restore_note (AccordsStore  *self,
                            AccordsNote   *note,
                            GError       **error)
{
  static const char * const columns[] = {
    "title", "body", "created", "updated", "?agreement", "?country", NULL
  };
  const char *agreement;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_NOTE (note), FALSE);

  agreement = accords_note_get_agreement (note);
  if (!accords_str_empty (agreement) && !accords_store_has_agreement (self, agreement))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("The note cannot come back: its agreement “%s” was deleted"), agreement);
      return FALSE;
    }

  stmt = accords_store_prepare (self,
                                "INSERT INTO note (id, title, body, created, updated, agreement_id, country)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM agreement WHERE slug = ?6), ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accords_note_get_id (note));
  accords_stmt_bind_properties (stmt, 2, G_OBJECT (note), columns);
  if (!accords_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Restoring the note: "));
      return FALSE;
    }

  accords_store_emit_changed (self, ACCORDS_STORE_CHANGE_NOTES);
  return TRUE;
}

/* The notes of the rows of stmt.  A search passes syntax_error: a query FTS5
 * cannot parse, which it reports as a plain SQLITE_ERROR, sets it instead of
 * an error. */
static GListStore *
collect_notes (AccordsStore  *self,
               sqlite3_stmt  *stmt,
               gboolean      *syntax_error,
               GError       **error)
{
  g_autoptr(GListStore) notes = g_list_store_new (ACCORDS_TYPE_NOTE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsNote) note = note_from_row (stmt);
      g_list_store_append (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      if (syntax_error == NULL)
        accords_store_set_error (self, error, _("Reading notes"));
      else if ((sqlite3_extended_errcode (accords_store_get_db (self)) & 0xff) == SQLITE_ERROR)
        *syntax_error = TRUE;
      else
        accords_store_set_error (self, error, _("Searching notes"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&notes);
}

GListStore *
accords_store_list_notes (AccordsStore      *self,
                          AccordsNoteScope   scope,
                          const char        *key,
                          GError           **error)
{
  const char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  switch (scope)
    {
    case ACCORDS_NOTE_SCOPE_ALL:
      sql = "SELECT " NOTE_COLUMNS NOTE_FROM " ORDER BY n.updated DESC, n.id DESC";
      break;
    case ACCORDS_NOTE_SCOPE_AGREEMENT:
      sql = "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE a.slug = ?1 ORDER BY n.updated DESC, n.id DESC";
      break;
    case ACCORDS_NOTE_SCOPE_COUNTRY:
      sql = "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.country = ?1 ORDER BY n.updated DESC, n.id DESC";
      break;
    case ACCORDS_NOTE_SCOPE_FREE:
      sql = "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.agreement_id IS NULL AND n.country IS NULL"
            " ORDER BY n.updated DESC, n.id DESC";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  stmt = accords_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (scope == ACCORDS_NOTE_SCOPE_AGREEMENT || scope == ACCORDS_NOTE_SCOPE_COUNTRY)
    accords_stmt_bind_text (stmt, 1, key);
  return collect_notes (self, stmt, NULL, error);
}

static GListStore *
run_search (AccordsStore  *self,
            const char    *match,
            guint          limit,
            gboolean      *syntax_error,
            GError       **error)
{
  sqlite3_stmt *stmt;

  *syntax_error = FALSE;
  stmt = accords_store_prepare (self,
                                "SELECT " NOTE_COLUMNS " FROM note_fts f JOIN note n ON n.id = f.rowid"
                                " LEFT JOIN agreement a ON a.id = n.agreement_id"
                                " WHERE note_fts MATCH ?1 ORDER BY bm25(note_fts), n.id LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  accords_stmt_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_notes (self, stmt, syntax_error, error);
}

GListStore *
accords_store_search_notes (AccordsStore  *self,
                            const char    *query,
                            guint          limit,
                            GError       **error)
{
  g_autofree char *plain = NULL;
  g_autofree char *match = NULL;
  GListStore *notes;
  gboolean syntax_error;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  plain = accords_store_plain_words_query (query);
  if (plain == NULL)
    return g_list_store_new (ACCORDS_TYPE_NOTE);
  /* what was typed, as FTS5 (accords-search-query.h) */
  match = accords_search_query_to_fts (query);
  if (match == NULL)
    return g_list_store_new (ACCORDS_TYPE_NOTE);

  notes = run_search (self, match, limit, &syntax_error, error);
  if (notes != NULL || !syntax_error)
    return notes;

  notes = run_search (self, plain, limit, &syntax_error, error);
  if (notes == NULL && syntax_error)
    accords_store_set_error (self, error, _("Searching notes"));
  return notes;
}

guint
accords_store_count_notes (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);

  return (guint) accords_store_query_int64 (self, "SELECT count(*) FROM note", NULL);
}

AccordsReference *
accords_store_load_reference (AccordsStore         *self,
                              AccordsCitationKind   kind,
                              gint64                id,
                              GError              **error)
{
  sqlite3_stmt *stmt;
  AccordsReference *reference = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (kind == ACCORDS_CITATION_SOURCE)
    stmt = accords_store_prepare (self,
                                  "SELECT s.title, s.publisher, s.published, s.url, s.accessed"
                                  " FROM source s WHERE s.id = ?",
                                  error);
  else
    stmt = accords_store_prepare (self,
                                  "SELECT i.title, f.title, CASE WHEN i.published <> '' THEN i.published ELSE i.updated END,"
                                  " i.link, COALESCE(f.last_fetch, '')"
                                  " FROM item i JOIN feed f ON f.id = i.feed_id WHERE i.id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    reference = accords_reference_new (kind, id,
                                       accords_stmt_text (stmt, 0),
                                       accords_stmt_text (stmt, 1),
                                       accords_stmt_text (stmt, 2),
                                       accords_stmt_text (stmt, 3),
                                       accords_stmt_text (stmt, 4));
  else if (rc == SQLITE_DONE)
    reference = accords_reference_new_missing (kind, id);
  else
    accords_store_set_error (self, error, _("Reading what a note cites"));
  sqlite3_reset (stmt);
  return reference;
}

GListStore *
accords_store_load_note_references (AccordsStore  *self,
                                    const char    *body,
                                    GError       **error)
{
  g_autoptr(AccordsCitationNumbering) numbering = accords_citation_numbering_new ();
  g_autoptr(GListStore) references = g_list_store_new (ACCORDS_TYPE_REFERENCE);

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  accords_citation_numbering_add_text (numbering, body);
  for (guint i = 0; i < accords_citation_numbering_get_n (numbering); i++)
    {
      g_autoptr(AccordsReference) reference = NULL;
      AccordsCitationKind kind;
      gint64 id;

      accords_citation_numbering_get (numbering, i, &kind, &id);
      reference = accords_store_load_reference (self, kind, id, error);
      if (reference == NULL)
        return NULL;
      g_list_store_append (references, reference);
    }
  return g_steal_pointer (&references);
}

GListStore *
accords_store_list_citable (AccordsStore  *self,
                            const char    *agreement,
                            GError       **error)
{
  g_autoptr(GListStore) citable = g_list_store_new (ACCORDS_TYPE_REFERENCE);
  static const struct {
    AccordsCitationKind kind;
    const char *sql;
  } queries[] = {
    { ACCORDS_CITATION_SOURCE,
      "SELECT s.id, s.title, s.publisher, s.published, s.url, s.accessed FROM agreement_source x"
      " JOIN source s ON s.id = x.source_id JOIN agreement a ON a.id = x.agreement_id"
      " WHERE a.slug = ? ORDER BY x.position, s.id" },
    { ACCORDS_CITATION_ITEM,
      "SELECT i.id, i.title, f.title, CASE WHEN i.published <> '' THEN i.published ELSE i.updated END,"
      " i.link, COALESCE(f.last_fetch, '') FROM item_agreement ia"
      " JOIN agreement a ON a.id = ia.agreement_id JOIN item i ON i.id = ia.item_id JOIN feed f ON f.id = i.feed_id"
      " WHERE a.slug = ? AND ia.state <> 'rejected' ORDER BY i.published DESC, i.id DESC LIMIT 500" },
  };

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = accords_store_prepare (self, queries[q].sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      accords_stmt_bind_text (stmt, 1, agreement);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(AccordsReference) reference =
            accords_reference_new (queries[q].kind, sqlite3_column_int64 (stmt, 0),
                                   accords_stmt_text (stmt, 1), accords_stmt_text (stmt, 2),
                                   accords_stmt_text (stmt, 3), accords_stmt_text (stmt, 4),
                                   accords_stmt_text (stmt, 5));
          g_list_store_append (citable, reference);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          accords_store_set_error (self, error, _("Reading what a note can cite"));
          return NULL;
        }
    }
  return g_steal_pointer (&citable);
}

gboolean
accords_store_check_citations (AccordsStore  *self,
                               const char    *body,
                               const char    *where,
                               GError       **error)
{
  g_autoptr(GArray) marks = accords_citations_parse (body);

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      g_autoptr(AccordsReference) reference = accords_store_load_reference (self, m->kind, m->id, error);
      g_autofree char *marker = NULL;
      guint line = 1;

      if (reference == NULL)
        return FALSE;
      if (!accords_reference_get_missing (reference))
        continue;

      for (gsize k = 0; k < m->start; k++)
        if (body[k] == '\n')
          line++;
      marker = g_strndup (body + m->start, m->end - m->start);
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   m->kind == ACCORDS_CITATION_ITEM
                     ? _("%s, line %u: %s cites news item %" G_GINT64_FORMAT ", which is not in the database")
                     : _("%s, line %u: %s cites source %" G_GINT64_FORMAT ", which is not in the database"),
                   where ? where : _("the note"), line, marker, m->id);
      return FALSE;
    }
  return TRUE;
}
