/* accords-store.c: the SQLite database: one connection, migrations, cached statements */
#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "accords-backup.h"
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
  gboolean    read_only;    /* the file or its folder cannot be written */
  gint64      data_version; /* as last seen by check_external_changes, 0 before */
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

/* Maps a SQLite result to an error that names the database and says what
 * the user can do; doing says what was being done ("Saving the note"). */
static void
set_sqlite_error (AccordsStore  *self,
                  GError       **error,
                  int            code,
                  const char    *message,
                  const char    *doing)
{
  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", doing, message);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT,
                   _("%s: the database %s is damaged (%s)"), doing, self->path, message);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_BUSY,
                   _("%s: the database %s is busy: another program kept it locked for more than %d seconds. "
                     "Nothing was changed; try again."),
                   doing, self->path, ACCORDS_STORE_BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_FULL:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_DISK_FULL,
                   _("%s: the disk that holds %s is full; nothing was saved"), doing, self->path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_READ_ONLY,
                   _("%s: the database %s can only be read (the file or its folder is read-only); nothing was saved"),
                   doing, self->path);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_IO,
                   _("%s: reading or writing %s failed (%s)"), doing, self->path, message);
      break;
    default:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL, "%s: %s", doing, message);
      break;
    }
}

void
accords_store_set_error (AccordsStore  *self,
                         GError       **error,
                         const char    *doing)
{
  set_sqlite_error (self, error, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db), doing);
}

/* The Accords application id in the database header ("Acrd") */
#define ACCORDS_APPLICATION_ID 0x41637264

/* Opening never writes: a new database is made by the first migration, and
 * a file Accords does not recognise is refused before anything touches it. */
typedef enum {
  OPEN_MAIN,     /* may create and migrate */
  OPEN_WORKER,   /* an existing database at the current schema only */
} OpenKind;

static const char *
file_kind_name (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

/* Looks at the path with stat() only: opening a descriptor of our own on the
 * file and closing it would drop the POSIX locks SQLite holds on it in this
 * process.  exists says whether there is a file at all. */
static gboolean
check_path (const char  *path,
            OpenKind     kind,
            gboolean    *exists,
            GError     **error)
{
  GStatBuf st;

  *exists = FALSE;
  if (*path == '\0')
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("No database was given: the path is empty"));
      return FALSE;
    }
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && kind == OPEN_MAIN)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  *exists = TRUE;
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                   _("%s is %s, not a database file; it was left untouched"),
                   path, file_kind_name (st.st_mode));
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);

      /* A database being created by another process is empty only until its
       * first write, which comes with a WAL file. */
      if (!g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                       _("%s is an empty file (0 bytes), not an Accords database; it was left untouched. "
                         "Remove it to start a new database there."),
                       path);
          return FALSE;
        }
    }
  return TRUE;
}

static int
open_connection (const char  *path,
                 int          flags,
                 sqlite3    **db)
{
  int rc;

  *db = NULL;
  rc = sqlite3_open_v2 (path, db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
  if (*db != NULL)
    {
      sqlite3_extended_result_codes (*db, 1);
      sqlite3_busy_timeout (*db, ACCORDS_STORE_BUSY_TIMEOUT_MS);
    }
  if (rc != SQLITE_OK && *db != NULL)
    {
      sqlite3_close (*db);
      *db = NULL;
    }
  return rc;
}

/* Reads the header fields through SQLite: the first read of the file, and
 * the one that tells a SQLite file from anything else. */
static int
read_header (sqlite3 *db,
             guint   *version,
             gint32  *application_id,
             gint64  *n_objects)
{
  static const char *sql[] = {
    "PRAGMA user_version", "PRAGMA application_id", "SELECT count(*) FROM sqlite_schema",
  };
  gint64 values[G_N_ELEMENTS (sql)] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        values[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        return sqlite3_extended_errcode (db) ? sqlite3_extended_errcode (db) : rc;
    }
  *version = (guint) values[0];
  *application_id = (gint32) values[1];
  *n_objects = values[2];
  return SQLITE_OK;
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static char *
list_tables (sqlite3 *db)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        if (n++ == 4)
          {
            g_string_append (names, ", …");
            break;
          }
        g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                                (const char *) sqlite3_column_text (stmt, 0));
      }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
migrate (AccordsStore  *self,
         guint          from,
         GError       **error)
{
  guint target = accords_schema_get_version ();

  /* an upgrade can be undone only from a copy of what it started from */
  if (from > 0 && from < target && !accords_backup_before_migration (self, from, target, error))
    return FALSE;

  for (guint v = from + 1; v <= target; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", v);
      guint now = 0;
      gint32 application_id = 0;
      gint64 n_objects = 0;

      if (!accords_store_begin (self, error))
        {
          g_prefix_error (error, _("Upgrading %s to schema version %u failed: "), self->path, v);
          return FALSE;
        }
      /* Another process may have opened the same new or old database and
       * migrated it while this one waited for the write lock. */
      if (read_header (self->db, &now, &application_id, &n_objects) != SQLITE_OK)
        {
          accords_store_set_error (self, error, _("Reading the schema version"));
          accords_store_rollback (self);
          return FALSE;
        }
      if (now >= v)
        {
          accords_store_rollback (self);
          continue;
        }
      if (!accords_store_exec (self, accords_schema_get_migration (v), error) ||
          !accords_store_exec (self, pragma, error) ||
          (v == 1 && !accords_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (ACCORDS_APPLICATION_ID), error)) ||
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

static gboolean
is_cannot_write (int code)
{
  return (code & 0xff) == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_READONLY ||
         (code & 0xff) == SQLITE_PERM || (code & 0xff) == SQLITE_AUTH;
}

/* A database in a folder Accords cannot write to (a CD, a read-only share)
 * is still read: read-only, and as immutable when not even SQLite's shared
 * memory file can be made beside it and no other writer can be there. */
static int
open_read_only (AccordsStore *self,
                guint        *version,
                gint32       *application_id,
                gint64       *n_objects)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  int rc;

  g_clear_pointer (&self->db, sqlite3_close);
  rc = open_connection (self->path, SQLITE_OPEN_READONLY, &self->db);
  if (rc == SQLITE_OK)
    rc = read_header (self->db, version, application_id, n_objects);
  if (is_cannot_write (rc) && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      g_clear_pointer (&self->db, sqlite3_close);
      rc = open_connection (immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &self->db);
      if (rc == SQLITE_OK)
        rc = read_header (self->db, version, application_id, n_objects);
    }
  self->read_only = TRUE;
  return rc;
}

static gboolean
set_open_error (AccordsStore  *self,
                int            rc,
                GError       **error)
{
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                   _("%s is not an Accords database (it is not a SQLite file); it was left untouched"),
                   self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT,
                   _("The database %s is damaged (%s); it was left untouched"), self->path, message);
      break;
    default:
      {
        g_autofree char *doing = g_strdup_printf (_("Opening %s"), self->path);
        set_sqlite_error (self, error, rc, message, doing);
      }
      break;
    }
  return FALSE;
}

static gboolean
check_is_accords (AccordsStore  *self,
                  OpenKind       kind,
                  guint          version,
                  gint32         application_id,
                  gint64         n_objects,
                  GError       **error)
{
  guint target = accords_schema_get_version ();

  if (version > target)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Accords (schema %u; this version knows up to %u); "
                     "it was left untouched"),
                   self->path, version, target);
      return FALSE;
    }
  if ((application_id != 0 && application_id != ACCORDS_APPLICATION_ID) ||
      (version == 0 && n_objects > 0) ||
      (version > 0 && (!has_table (self->db, "meta") || !has_table (self->db, "agreement"))))
    {
      g_autofree char *tables = list_tables (self->db);

      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                   _("%s is a SQLite database of another application (its tables: %s), "
                     "not an Accords database; it was left untouched"),
                   self->path, *tables ? tables : _("none"));
      return FALSE;
    }
  if (kind == OPEN_WORKER && version != target)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED,
                   _("%s is at schema version %u, not %u: it must be opened by the application first"),
                   self->path, version, target);
      return FALSE;
    }
  if (self->read_only && version < target)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_READ_ONLY,
                   version == 0
                   ? _("Cannot create the database %s: the file or its folder is read-only")
                   : _("%s was written by an older version of Accords and must be upgraded, "
                       "but the file or its folder is read-only; it was left untouched"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (AccordsStore  *self,
           guint          version,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (!accords_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !accords_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      /* A large transaction (a dataset import) whose pages outgrow the cache
       * spills them and reads them back for every index it updates: with
       * the default 2 MB, importing 4x the agreements took 6.5x the time. */
      !accords_store_exec (self, "PRAGMA cache_size = -65536", error))
    return FALSE;
  if (self->read_only)
    return TRUE;

  /* A new database gets 16 KiB pages: a large import writes a quarter of the
   * pages (and of the system calls) it would with 4 KiB ones.  It must be
   * set before WAL, which fixes the page size. */
  if (version == 0 && !accords_store_exec (self, "PRAGMA page_size = 16384", error))
    return FALSE;

  /* Asking is a read; switching writes, so it happens once per file */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal || accords_store_exec (self, "PRAGMA journal_mode = WAL", error);
}

static AccordsStore *
store_open (const char  *path,
            OpenKind     kind,
            GError     **error)
{
  g_autoptr(AccordsStore) self = NULL;
  gboolean exists = FALSE;
  guint version = 0;
  gint32 application_id = 0;
  gint64 n_objects = 0;
  int rc;

  if (!check_path (path, kind, &exists, error))
    return NULL;

  self = g_object_new (ACCORDS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = open_connection (path, SQLITE_OPEN_READWRITE | (kind == OPEN_MAIN ? SQLITE_OPEN_CREATE : 0), &self->db);
  if (rc == SQLITE_OK)
    {
      self->read_only = sqlite3_db_readonly (self->db, "main") == 1;
      rc = read_header (self->db, &version, &application_id, &n_objects);
    }
  if (is_cannot_write (rc) && exists)
    rc = open_read_only (self, &version, &application_id, &n_objects);
  if (rc != SQLITE_OK)
    return set_open_error (self, rc, error), NULL;

  if (!check_is_accords (self, kind, version, application_id, n_objects, error) ||
      !configure (self, version, error))
    return NULL;

  if (kind == OPEN_MAIN && !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

AccordsStore *
accords_store_open (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return store_open (path, OPEN_MAIN, error);
}

AccordsStore *
accords_store_open_worker (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return store_open (path, OPEN_WORKER, error);
}

gboolean
accords_store_is_read_only (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), TRUE);
  return self->read_only;
}

gboolean
accords_store_check (AccordsStore  *self,
                     GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      /* "*** in database main ***\nPage 31: …": the page is what matters */
      if (g_strcmp0 (result, "ok") != 0)
        {
          g_auto(GStrv) lines = g_strsplit (result ? result : "", "\n", -1);

          for (guint i = 0; lines[i] != NULL && problem == NULL; i++)
            if (*g_strstrip (lines[i]) != '\0' && !g_str_has_prefix (lines[i], "***"))
              problem = g_strdup (lines[i]);
          if (problem == NULL)
            problem = g_strdup (result ? result : "");
        }
    }
  else
    problem = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  if (problem == NULL)
    return TRUE;
  if (rc != SQLITE_ROW && !(((rc & 0xff) == SQLITE_CORRUPT) || ((rc & 0xff) == SQLITE_NOTADB)))
    {
      g_autofree char *doing = g_strdup_printf (_("Checking %s"), self->path);
      set_sqlite_error (self, error, rc, problem, doing);
      return FALSE;
    }
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT,
               _("The database %s is damaged (%s); it was left untouched"), self->path, problem);
  return FALSE;
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
  gint32 application_id = 0;
  gint64 n_objects = 0;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);
  read_header (self->db, &version, &application_id, &n_objects);
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
      set_sqlite_error (self, error, sqlite3_extended_errcode (self->db),
                        message ? message : sqlite3_errmsg (self->db), _("Writing to the database"));
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
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  /* Outside a transaction a statement commits as it finishes: a commit
   * that failed (a full disk) is only reported here */
  if (rc == SQLITE_DONE)
    rc = sqlite3_reset (stmt);
  if (rc == SQLITE_OK || rc == SQLITE_DONE)
    return TRUE;
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

gint64
accords_store_query_int64 (AccordsStore *self,
                           const char   *sql,
                           const char   *text)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), 0);

  stmt = accords_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  if (text != NULL)
    accords_stmt_bind_text (stmt, 1, text);
  return accords_store_step_int64 (self, stmt, 0, NULL, NULL);
}

gint64
accords_store_step_int64 (AccordsStore  *self,
                          sqlite3_stmt  *stmt,
                          gint64         fallback,
                          const char    *doing,
                          GError       **error)
{
  gint64 value = fallback;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), fallback);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    accords_store_set_error (self, error, doing);
  sqlite3_reset (stmt);
  return value;
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

/* A property named in a list, without its '?' mark */
static GParamSpec *
find_named_property (GObject     *object,
                     const char  *name,
                     const char **property,
                     gboolean    *nullable)
{
  GParamSpec *pspec;

  *nullable = name[0] == '?';
  *property = *nullable ? name + 1 : name;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), *property);
  g_assert (pspec != NULL);
  return pspec;
}

void
accords_stmt_read_properties (sqlite3_stmt       *stmt,
                              int                 first,
                              GObject            *object,
                              const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    {
      int column = first + i;
      gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;
      const char *text = (const char *) sqlite3_column_text (stmt, column);
      g_auto(GValue) value = G_VALUE_INIT;
      const char *property;
      gboolean nullable;
      GParamSpec *pspec = find_named_property (object, names[i], &property, &nullable);

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_INT64)
        {
          if (is_null)
            continue;
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, column));
        }
      else if (pspec->value_type == G_TYPE_STRV)
        g_value_take_boxed (&value, text ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1));
      else
        g_value_set_string (&value, text || nullable ? text : "");
      g_object_set_property (object, property, &value);
    }
}

void
accords_stmt_bind_properties (sqlite3_stmt       *stmt,
                              int                 first,
                              GObject            *object,
                              const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    {
      int index = first + i;
      g_auto(GValue) value = G_VALUE_INIT;
      const char *property;
      gboolean nullable;
      GParamSpec *pspec = find_named_property (object, names[i], &property, &nullable);

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, property, &value);
      if (pspec->value_type != G_TYPE_INT64 && nullable)
        accords_stmt_bind_text_or_null (stmt, index, g_value_get_string (&value));
      else if (pspec->value_type != G_TYPE_INT64)
        accords_stmt_bind_text (stmt, index, g_value_get_string (&value));
      else if (g_value_get_int64 (&value) < 0 || g_param_value_defaults (pspec, &value))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
    }
}

/* Following other processes */

gboolean
accords_store_check_external_changes (AccordsStore *self)
{
  const AccordsStoreChange everything = ACCORDS_STORE_CHANGE_AGREEMENTS | ACCORDS_STORE_CHANGE_ITEMS |
                                        ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_NOTES |
                                        ACCORDS_STORE_CHANGE_LINKS;
  sqlite3_stmt *stmt;
  gint64 version;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  /* in a transaction of our own, listeners would read rows not yet committed */
  if (!sqlite3_get_autocommit (accords_store_get_db (self)))
    return FALSE;
  /* the number moves whenever another connection commits, and only then */
  if ((stmt = accords_store_prepare (self, "PRAGMA data_version", NULL)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (self->data_version == 0)
    {
      self->data_version = version;
      return FALSE;
    }
  if (self->data_version == version)
    return FALSE;
  self->data_version = version;
  accords_store_emit_changed (self, everything);
  return TRUE;
}
