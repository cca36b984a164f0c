/* accords-backup.c: copies of the database made with SQLite's online backup API, and restoring one */
#define G_LOG_DOMAIN "accords-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accords-backup.h"
#include "accords-error.h"
#include "accords-schema.h"

/* A temporary younger than this may belong to a backup still running in
 * another process */
#define STALE_SECONDS (15 * 60)
/* How long a backup or a restore waits for a database another connection
 * holds, on top of the connection's own busy timeout */
#define BUSY_WAIT_SECONDS 10
#define BUSY_SLEEP_MS     50

#define PARTIAL_MARK ".partial-"

static const char * const companions[] = { "-wal", "-shm", "-journal" };

void
accords_backup_info_free (AccordsBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info->reason);
  g_free (info);
}

char *
accords_backup_info_format_date (const AccordsBackupInfo *info)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  local = g_date_time_to_local (info->time);
  /* TRANSLATORS: the date of a backup, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
accords_backup_get_folder (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".backups", NULL);
}

static AccordsError
error_kind (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return ACCORDS_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return ACCORDS_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ACCORDS_ERROR_BUSY;
    default:
      return ACCORDS_ERROR_SQL;
    }
}

static void
remove_with_companions (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *other = g_strconcat (path, companions[i], NULL);
      g_unlink (other);
    }
}

/* Temporaries are ".<target name>.partial-XXXXXX" (and SQLite's companions
 * of them): prefix is ".<target name>", or "." for any in the folder */
static void
remove_stale_partials (const char *dir,
                       const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strstr (name, PARTIAL_MARK) == NULL)
        continue;
      path = g_build_filename (dir, name, NULL);
      /* only the time stamp is read: the file itself is SQLite's */
      if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_SECONDS)
        {
          g_debug ("Removing %s, left by a backup that did not finish", path);
          g_unlink (path);
        }
    }
}

static int
step_to_end (sqlite3_backup *backup)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_WAIT_SECONDS * G_USEC_PER_SEC;
  int rc;

  for (;;)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || g_get_monotonic_time () > deadline)
        return rc;
      sqlite3_sleep (BUSY_SLEEP_MS);
    }
}

/* The first line integrity_check reports, "ok" for a whole database */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (sqlite3_extended_errcode (db)),
                   _("%s cannot be checked: %s"), path, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT, _("%s is damaged: %s"),
                   path, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Copies the database open on src into a new file at target: into a
 * temporary beside it first, checked, made a single file (no WAL), then
 * renamed, so target is either what it was or the whole copy. */
static gboolean
copy_into_file (sqlite3     *src,
                const char  *src_name,
                const char  *target,
                mode_t       mode,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strconcat (".", base, NULL);
  g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, PARTIAL_MARK, "XXXXXX", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  remove_stale_partials (dir, prefix);

  /* only reserves the name: SQLite opens the file after it is closed */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write a backup in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (mode != 0)
    fchmod (fd, mode);
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL, _("Cannot write a backup in %s: %s"), dir,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      goto fail;
    }
  sqlite3_extended_result_codes (dest, 1);
  /* a temporary is thrown away whole when anything fails: no journal */
  sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (sqlite3_extended_errcode (dest)),
                   _("Cannot back up %s: %s"), src_name, sqlite3_errmsg (dest));
      goto fail;
    }
  rc = step_to_end (backup);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (rc), _("Cannot back up %s: %s"), src_name,
                   sqlite3_errmsg (dest)[0] ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      goto fail;
    }

  if (!check_integrity (dest, src_name, error))
    {
      g_prefix_error (error, _("No backup was made: "));
      goto fail;
    }
  /* the pages came with the source's WAL mode, which the check has read:
   * a backup is one file */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (sqlite3_extended_errcode (dest)),
                   _("Cannot back up %s: %s"), src_name, sqlite3_errmsg (dest));
      goto fail;
    }
  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL, _("Cannot back up %s: %s"), src_name,
                   sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      dest = NULL;
      goto fail;
    }
  dest = NULL;

  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), target, g_strerror (saved));
      goto fail;
    }
  return TRUE;

fail:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  remove_with_companions (tmp);
  return FALSE;
}

static GRegex *
name_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d)(\\d\\d)(\\d\\d)\\.(\\d{3})Z(?:-([a-z0-9-]+))?\\.db$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

static AccordsBackupInfo *
parse_name (const char *dir,
            const char *name)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int f[7];
  AccordsBackupInfo *info;

  if (!g_regex_match (name_regex (), name, 0, &match))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (f); i++)
    {
      g_autofree char *text = g_match_info_fetch (match, i + 1);
      f[i] = atoi (text);
    }
  time = g_date_time_new (utc, f[0], f[1], f[2], f[3], f[4], f[5] + f[6] / 1000.0);
  if (time == NULL)
    return NULL;

  info = g_new0 (AccordsBackupInfo, 1);
  info->path = g_build_filename (dir, name, NULL);
  info->time = g_steal_pointer (&time);
  info->reason = g_match_info_fetch (match, 8);
  if (info->reason == NULL)
    info->reason = g_strdup ("");
  return info;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const AccordsBackupInfo *x = *(AccordsBackupInfo **) a;
  const AccordsBackupInfo *y = *(AccordsBackupInfo **) b;
  int by_time = g_date_time_compare (y->time, x->time);

  return by_time != 0 ? by_time : g_strcmp0 (y->path, x->path);
}

GPtrArray *
accords_backup_list (const char  *db_path,
                     GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_backup_info_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  folder = accords_backup_get_folder (db_path);
  d = g_dir_open (folder, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot list the backups in %s: %s"),
                   folder, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (d)))
    {
      AccordsBackupInfo *info = parse_name (folder, name);

      if (info != NULL)
        g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, newest_first);
  return g_steal_pointer (&list);
}

AccordsBackupInfo *
accords_backup_get_newest (const char *db_path)
{
  g_autoptr(GPtrArray) list = accords_backup_list (db_path, NULL);

  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

gboolean
accords_backup_is_due (const char *db_path,
                       GDateTime  *now)
{
  g_autoptr(AccordsBackupInfo) newest = NULL;
  GTimeSpan age;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  newest = accords_backup_get_newest (db_path);
  if (newest == NULL)
    return TRUE;
  age = g_date_time_difference (now, newest->time);
  return age >= G_TIME_SPAN_DAY || age < -G_TIME_SPAN_HOUR;
}

static void
prune (const char *db_path)
{
  g_autoptr(GPtrArray) list = accords_backup_list (db_path, NULL);

  for (guint i = ACCORDS_BACKUP_KEEP; list != NULL && i < list->len; i++)
    {
      AccordsBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) != 0)
        g_warning ("Cannot remove the old backup %s: %s", info->path, g_strerror (errno));
    }
}

/* A name in the folder for a backup made now, distinct from any there */
static char *
new_backup_path (const char *folder,
                 const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_add (now, i * 1000);
      g_autofree char *stamp = g_date_time_format (t, "%Y-%m-%dT%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s.%03dZ%s%s.db", stamp, g_date_time_get_microsecond (t) / 1000,
                                               reason && *reason ? "-" : "", reason ? reason : "");
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return NULL;
}

/* Backs up without pruning, so a restore keeps the file it restores from */
static char *
create_in_folder (AccordsStore  *store,
                  const char    *reason,
                  GError       **error)
{
  const char *db_path = accords_store_get_path (store);
  g_autofree char *folder = accords_backup_get_folder (db_path);
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the backups folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }
  remove_stale_partials (folder, ".");

  path = new_backup_path (folder, reason);
  if (path == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS, _("Cannot name a new backup in %s"), folder);
      return NULL;
    }
  if (!copy_into_file (accords_store_get_db (store), db_path, path, 0, error))
    return NULL;
  g_debug ("Backed up %s to %s", db_path, path);
  return g_steal_pointer (&path);
}

char *
accords_backup_create (AccordsStore  *store,
                       const char    *reason,
                       GError       **error)
{
  char *path;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  path = create_in_folder (store, reason, error);
  if (path != NULL)
    prune (accords_store_get_path (store));
  return path;
}

gboolean
accords_backup_create_to (AccordsStore  *store,
                          const char    *target,
                          GError       **error)
{
  g_autofree char *canonical_target = NULL;
  g_autofree char *canonical_db = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL && *target != '\0', FALSE);

  canonical_target = g_canonicalize_filename (target, NULL);
  canonical_db = g_canonicalize_filename (accords_store_get_path (store), NULL);
  if (g_str_equal (canonical_target, canonical_db))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s is the database itself: choose another file for its backup"), target);
      return FALSE;
    }
  return copy_into_file (accords_store_get_db (store), accords_store_get_path (store), target, 0, error);
}

gboolean
accords_backup_before_migration (AccordsStore  *store,
                                 guint          from,
                                 guint          to,
                                 GError       **error)
{
  g_autofree char *reason = g_strdup_printf ("before-schema-%u", to);
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);

  path = accords_backup_create (store, reason, error);
  if (path == NULL)
    {
      g_prefix_error (error, _("%s was left at schema version %u, as upgrading it needs a backup first: "),
                      accords_store_get_path (store), from);
      return FALSE;
    }
  return TRUE;
}

gboolean
accords_backup_error_is_damage (const GError *error)
{
  return g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT) ||
         g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE);
}

static sqlite3 *
open_backup_file (const char  *file,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s does not exist or is not a file"), file);
      return NULL;
    }
  rc = sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (rc), _("Cannot open %s: %s"), file,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gboolean
check_open_file (sqlite3     *db,
                 const char  *file,
                 guint       *schema_out,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc, version, tables = 0;

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_schema"
                               "  WHERE type = 'table' AND name IN ('meta', 'agreement'))",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      AccordsError kind = error_kind (sqlite3_extended_errcode (db));

      if (kind == ACCORDS_ERROR_NOT_A_DATABASE)
        g_set_error (error, ACCORDS_ERROR, kind, _("%s is not an Accords database (it is not a SQLite file)"), file);
      else
        g_set_error (error, ACCORDS_ERROR, kind, _("%s cannot be read: %s"), file, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  version = sqlite3_column_int (stmt, 0);
  tables = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);

  if (version > (int) accords_schema_get_version ())
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Accords (schema %d; this version knows up to %u)"),
                   file, version, accords_schema_get_version ());
      return FALSE;
    }
  if (version < 1 || tables != 2)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE,
                   _("%s is not an Accords database (a SQLite file without Accords' tables)"), file);
      return FALSE;
    }
  if (!check_integrity (db, file, error))
    return FALSE;
  if (schema_out != NULL)
    *schema_out = (guint) version;
  return TRUE;
}

gboolean
accords_backup_check_file (const char  *file,
                           guint       *schema_out,
                           GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (file != NULL, FALSE);

  if ((db = open_backup_file (file, error)) == NULL)
    return FALSE;
  ok = check_open_file (db, file, schema_out, error);
  sqlite3_close_v2 (db);
  return ok;
}

static int
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
is_wal (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

/* Copies src into the open database through its own connection, so every
 * other connection sees the change as one transaction */
static gboolean
copy_into_live (sqlite3      *src,
                const char   *file,
                AccordsStore *store,
                GError      **error)
{
  sqlite3 *dest = accords_store_get_db (store);
  const char *db_path = accords_store_get_path (store);
  gboolean leave_wal = FALSE;
  sqlite3_backup *backup;
  int rc;

  /* SQLite cannot change a WAL database's page size: leave WAL for the copy,
   * which only works while no other connection has the database open */
  if (query_int (src, "PRAGMA page_size") != query_int (dest, "PRAGMA page_size") && is_wal (dest))
    {
      if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK || is_wal (dest))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_BUSY,
                       _("%s has pages of another size than %s: close every program that has it open, "
                         "then restore again"), file, db_path);
          return FALSE;
        }
      leave_wal = TRUE;
    }

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (sqlite3_extended_errcode (dest)),
                   _("Cannot restore into %s: %s"), db_path, sqlite3_errmsg (dest));
      return FALSE;
    }
  rc = step_to_end (backup);
  sqlite3_backup_finish (backup);
  if (leave_wal)
    sqlite3_exec (dest, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ACCORDS_ERROR, error_kind (rc), _("Cannot restore into %s: %s"), db_path,
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static char *
damaged_path (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%SZ");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *suffix = i == 0 ? g_strdup ("") : g_strdup_printf ("-%u", i);
      char *path = g_strdup_printf ("%s.damaged-%s%s", db_path, stamp, suffix);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return NULL;
}

static gboolean
rename_with_companions (const char  *from,
                        const char  *to,
                        GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot move %s aside: %s"), from, g_strerror (saved));
      return FALSE;
    }
  /* a WAL left beside a new file would be replayed into it */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *a = g_strconcat (from, companions[i], NULL);
      g_autofree char *b = g_strconcat (to, companions[i], NULL);

      if (g_file_test (a, G_FILE_TEST_EXISTS) && g_rename (a, b) != 0)
        g_warning ("Cannot move %s aside: %s", a, g_strerror (errno));
    }
  return TRUE;
}

gboolean
accords_backup_restore (const char  *file,
                        const char  *db_path,
                        char       **saved_out,
                        GError     **error)
{
  g_autofree char *canonical_file = NULL;
  g_autofree char *canonical_db = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) open_error = NULL;
  GStatBuf st;
  sqlite3 *src;
  gboolean ok = FALSE;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  canonical_file = g_canonicalize_filename (file, NULL);
  canonical_db = g_canonicalize_filename (db_path, NULL);
  if (g_str_equal (canonical_file, canonical_db))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s is the database itself, not a backup of it"), file);
      return FALSE;
    }

  if ((src = open_backup_file (file, error)) == NULL)
    return FALSE;
  if (!check_open_file (src, file, NULL, error))
    goto out;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(AccordsStore) store = accords_store_open (db_path, &open_error);

      if (store != NULL)
        {
          saved = create_in_folder (store, ACCORDS_BACKUP_BEFORE_RESTORE, &open_error);
          if (saved != NULL)
            {
              ok = copy_into_live (src, file, store, error);
              g_clear_object (&store);
              if (ok)
                prune (db_path);
              goto out;
            }
        }
      if (!accords_backup_error_is_damage (open_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&open_error),
                                      _("Nothing was restored: "));
          goto out;
        }
      g_clear_object (&store);

      /* damaged: keep it whole beside a new file */
      saved = damaged_path (db_path);
      if (saved == NULL)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS, _("Cannot name a place for the damaged %s"),
                       db_path);
          goto out;
        }
      if (!rename_with_companions (db_path, saved, error))
        goto out;
      g_debug ("Moved the damaged %s to %s", db_path, saved);
    }

  /* the new file gets the permissions of the one it replaces */
  if (saved == NULL || g_stat (saved, &st) != 0)
    st.st_mode = 0644;
  ok = copy_into_file (src, file, db_path, st.st_mode & 0777, error);
  if (!ok && saved != NULL && !g_file_test (db_path, G_FILE_TEST_EXISTS))
    rename_with_companions (saved, db_path, NULL);

out:
  sqlite3_close_v2 (src);
  if (ok && saved_out != NULL)
    *saved_out = g_steal_pointer (&saved);
  return ok;
}

typedef struct {
  char *file;
  char *db_path;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->file);
  g_free (data->db_path);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  GError *error = NULL;
  char *saved = NULL;

  if (accords_backup_restore (data->file, data->db_path, &saved, &error))
    g_task_return_pointer (task, saved ? saved : g_strdup (""), g_free);
  else
    g_task_return_error (task, error);
}

void
accords_backup_restore_async (const char          *file,
                              const char          *db_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RestoreData *data = g_new0 (RestoreData, 1);

  g_return_if_fail (file != NULL);
  g_return_if_fail (db_path != NULL);

  data->file = g_strdup (file);
  data->db_path = g_strdup (db_path);
  g_task_set_source_tag (task, accords_backup_restore_async);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
accords_backup_restore_finish (GAsyncResult  *result,
                               char         **saved_out,
                               GError       **error)
{
  g_autofree char *saved = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  saved = g_task_propagate_pointer (G_TASK (result), error);
  if (saved == NULL)
    return FALSE;
  if (saved_out != NULL)
    *saved_out = *saved ? g_steal_pointer (&saved) : NULL;
  return TRUE;
}
