/* accords-store.h: the SQLite database: one connection, migrations, cached statements */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What a "changed" signal says was touched */
typedef enum {
  ACCORDS_STORE_CHANGE_AGREEMENTS = 1 << 0,
  ACCORDS_STORE_CHANGE_ITEMS      = 1 << 1,
  ACCORDS_STORE_CHANGE_FEEDS      = 1 << 2,
  ACCORDS_STORE_CHANGE_NOTES      = 1 << 3,
  ACCORDS_STORE_CHANGE_LINKS      = 1 << 4,
  ACCORDS_STORE_CHANGE_SEARCHES   = 1 << 5,  /* saved searches added, renamed or removed */
} AccordsStoreChange;

#define ACCORDS_TYPE_STORE (accords_store_get_type ())

G_DECLARE_FINAL_TYPE (AccordsStore, accords_store, ACCORDS, STORE, GObject)

/* How long a connection waits for another's write lock before it gives up */
#define ACCORDS_STORE_BUSY_TIMEOUT_MS 10000

/* Opens (creating if needed) and migrates the database at path.  Only SQLite
 * ever opens the file.  Opening writes nothing to an existing database at
 * the current schema.  Anything that is not an Accords database (not a
 * regular file, empty, not SQLite, another application's SQLite file, one
 * written by a newer Accords) is refused and left untouched.  A database
 * whose file or folder cannot be written is opened read-only. */
AccordsStore  *accords_store_open               (const char    *path,
                                                 GError       **error);
/* The connection a worker thread opens to a database the application has
 * already opened (and so migrated): no creation, no migration.  Every
 * thread other than the main one uses this, each its own connection. */
AccordsStore  *accords_store_open_worker        (const char    *path,
                                                 GError       **error);
gboolean       accords_store_is_read_only       (AccordsStore  *self);
/* Reads every page (PRAGMA quick_check): ACCORDS_ERROR_CORRUPT naming the
 * file and the first problem when the file is damaged */
gboolean       accords_store_check              (AccordsStore  *self,
                                                 GError       **error);
const char    *accords_store_get_path           (AccordsStore  *self);
guint          accords_store_get_schema_version (AccordsStore  *self);
sqlite3       *accords_store_get_db             (AccordsStore  *self);

/* A prepared statement, cached for the life of the store, reset and with its
 * bindings cleared.  Do not finalize it. */
sqlite3_stmt  *accords_store_prepare            (AccordsStore  *self,
                                                 const char    *sql,
                                                 GError       **error);
gboolean       accords_store_exec               (AccordsStore  *self,
                                                 const char    *sql,
                                                 GError       **error);
/* Steps a statement that returns no rows; FALSE with an error on failure */
gboolean       accords_store_step_done          (AccordsStore  *self,
                                                 sqlite3_stmt  *stmt,
                                                 GError       **error);
/* Steps a statement for one row and resets it: the row's first column, or
 * fallback with an error (about doing) when there is no row */
gint64         accords_store_step_int64         (AccordsStore  *self,
                                                 sqlite3_stmt  *stmt,
                                                 gint64         fallback,
                                                 const char    *doing,
                                                 GError       **error);
void           accords_store_set_error          (AccordsStore  *self,
                                                 GError       **error,
                                                 const char    *doing);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones savepoints. */
gboolean       accords_store_begin              (AccordsStore  *self,
                                                 GError       **error);
gboolean       accords_store_commit             (AccordsStore  *self,
                                                 GError       **error);
void           accords_store_rollback           (AccordsStore  *self);

char          *accords_store_get_meta           (AccordsStore  *self,
                                                 const char    *key);
gboolean       accords_store_set_meta           (AccordsStore  *self,
                                                 const char    *key,
                                                 const char    *value,
                                                 GError       **error);

/* Tells every listener (list models, the map) that data changed */
void           accords_store_emit_changed       (AccordsStore      *self,
                                                 AccordsStoreChange what);

/* The first column of the query's first row, with text (unless NULL) bound to
 * its one parameter; 0 when there is no row or the query fails */
gint64         accords_store_query_int64        (AccordsStore  *self,
                                                 const char    *sql,
                                                 const char    *text);

/* Column helpers */
const char    *accords_stmt_text                (sqlite3_stmt  *stmt,
                                                 int            column);
void           accords_stmt_bind_text           (sqlite3_stmt  *stmt,
                                                 int            index,
                                                 const char    *text);
void           accords_stmt_bind_text_or_null   (sqlite3_stmt  *stmt,
                                                 int            index,
                                                 const char    *text);

/* Between SQL columns or parameters and the properties of a GObject, named in
 * a NULL-terminated list, from the column or parameter first on.  An int64
 * property keeps its default for a NULL column, and binds NULL when it is
 * negative or at its default.  A string reads NULL as "", but a name marked
 * '?' ("?country") stands for a string that may be NULL: it reads NULL as
 * NULL and binds NULL when empty.  A list of strings reads from a column
 * joined by newlines. */
void           accords_stmt_read_properties     (sqlite3_stmt       *stmt,
                                                 int                 first,
                                                 GObject            *object,
                                                 const char * const *names);
void           accords_stmt_bind_properties     (sqlite3_stmt       *stmt,
                                                 int                 first,
                                                 GObject            *object,
                                                 const char * const *names);

/* Emits "changed" for everything when another connection (another process,
 * or a worker thread of this one) committed since the last check; the
 * first call only notes where the database is.  Cheap: meant for a timer. */
gboolean       accords_store_check_external_changes (AccordsStore *self);

G_END_DECLS
