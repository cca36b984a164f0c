/* accords-store.c: the SQLite database: one connection, migrations, cached statements */
#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-error.h"
#include "accords-schema.h"
#include "accords-store.h"

struct _AccordsStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  guint       depth;        /* open transactions */
};

G_DEFINE_FINAL_TYPE (AccordsStore, accords_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
accords_store_finalize (GObject *object)
{
  AccordsStore *self = (AccordsStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (accords_store_parent_class)->finalize (object);
}

static void
accords_store_class_init (AccordsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_store_finalize;

  /**
   * AccordsStore::changed:
   * @what: the #AccordsStoreChange flags of what changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
accords_store_init (AccordsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
accords_store_set_error (AccordsStore  *self,
                         GError       **error,
                         const char    *doing)
{
  int code = sqlite3_extended_errcode (self->db);
  AccordsError kind = ACCORDS_ERROR_SQL;

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    kind = ACCORDS_ERROR_INVALID;
  else if ((code & 0xff) == SQLITE_NOTADB)
    kind = ACCORDS_ERROR_NOT_A_DATABASE;
  else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    kind = ACCORDS_ERROR_BUSY;

  g_set_error (error, ACCORDS_ERROR, kind, "%s: %s", doing, sqlite3_errmsg (self->db));
}

/* A file that exists and is not empty must start with SQLite's magic header;
 * checking before sqlite3_open() keeps us from ever writing to it. */
static gboolean
check_is_database (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot open %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return TRUE;
  if (n < sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                   _("%s is not an Accords database (it is not a SQLite file); it was left untouched"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (AccordsStore  *self,
                   guint         *version,
                   GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACCORDS_ERROR,
                   rc == SQLITE_NOTADB ? ACCORDS_ERROR_NOT_A_DATABASE : ACCORDS_ERROR_SQL,
                   _("%s cannot be read as a database: %s; it was left untouched"),
                   self->path, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *version = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate (AccordsStore  *self,
         guint          from,
         GError       **error)
{
  guint target = accords_schema_get_version ();

  for (guint v = from + 1; v <= target; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!accords_store_begin (self, error))
        return FALSE;
      if (!accords_store_exec (self, accords_schema_get_migration (v), error) ||
          !accords_store_exec (self, pragma, error) ||
          !accords_store_commit (self, error))
        {
          accords_store_rollback (self);
          g_prefix_error (error, _("Upgrading %s to schema version %u failed: "), self->path, v);
          return FALSE;
        }
      g_debug ("Migrated %s to schema version %u", self->path, v);
    }
  return TRUE;
}

AccordsStore *
accords_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(AccordsStore) self = NULL;
  guint version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_is_database (path, error))
    return NULL;

  self = g_object_new (ACCORDS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL,
                   _("Cannot open the database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read the version before anything that could write to the file */
  if (!read_user_version (self, &version, error))
    return NULL;
  if (version > accords_schema_get_version ())
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Accords (schema %u; this version knows up to %u); "
                     "it was left untouched"),
                   path, version, accords_schema_get_version ());
      return NULL;
    }

  /* A new database gets 16 KiB pages: a large import writes a quarter of the
   * pages (and of the system calls) it would with 4 KiB ones.  It must be
   * set before WAL, which fixes the page size. */
  if (version == 0 && !accords_store_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;

  if (!accords_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !accords_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !accords_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* A large transaction (a dataset import) whose pages outgrow the cache
       * spills them and reads them back for every index it updates: with
       * the default 2 MB, importing 4x the agreements took 6.5x the time. */
      !accords_store_exec (self, "PRAGMA cache_size = -65536", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
accords_store_get_path (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  return self->path;
}

guint
accords_store_get_schema_version (AccordsStore *self)
{
  guint version = 0;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);
  read_user_version (self, &version, NULL);
  return version;
}

sqlite3 *
accords_store_get_db (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
accords_store_prepare (AccordsStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      accords_store_set_error (self, error, _("Preparing a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
accords_store_exec (AccordsStore  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL, "%s", message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
accords_store_step_done (AccordsStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  accords_store_set_error (self, error, _("Writing to the database"));
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
accords_store_begin (AccordsStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT s%u", self->depth);
  if (!accords_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
accords_store_commit (AccordsStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE s%u", self->depth - 1);
  if (!accords_store_exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
accords_store_rollback (AccordsStore *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORDS_IS_STORE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);

  /* Statements still mid-step would keep the transaction open */
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (self->db, NULL); stmt; stmt = sqlite3_next_stmt (self->db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);

  if (!accords_store_exec (self, sql, &error) && sqlite3_get_autocommit (self->db) == 0)
    g_warning ("Rolling back %s: %s", self->path, error->message);
  self->depth--;
}

char *
accords_store_get_meta (AccordsStore *self,
                        const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  accords_stmt_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (accords_stmt_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
accords_store_set_meta (AccordsStore  *self,
                        const char    *key,
                        const char    *value,
                        GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  stmt = accords_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, key);
  accords_stmt_bind_text (stmt, 2, value);
  return accords_store_step_done (self, stmt, error);
}

void
accords_store_emit_changed (AccordsStore       *self,
                            AccordsStoreChange  what)
{
  g_return_if_fail (ACCORDS_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
}

const char *
accords_stmt_text (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

void
accords_stmt_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
accords_stmt_bind_text_or_null (sqlite3_stmt *stmt,
                                int           index,
                                const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}
