/* test-backup.c: backups with SQLite's backup API, their rotation, restoring one, the daily schedule */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <utime.h>

#include "accords-backup-schedule.h"
#include "accords-backup.h"
#include "accords-error.h"
#include "accords-schema.h"
#include "accords-store.h"

typedef struct {
  char *dir;
  char *path;
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("accords-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->folder = accords_backup_get_folder (f->path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->folder);
}

static AccordsStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordsStore *store = accords_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
exec (AccordsStore *store,
      const char   *sql)
{
  g_autoptr(GError) error = NULL;

  accords_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* One number a query gives, read through a connection of its own */
static int
query_file (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
query_store (AccordsStore *store,
             const char   *sql)
{
  sqlite3_stmt *stmt = accords_store_prepare (store, sql, NULL);
  int value = -1;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static guint
n_backups (const char *db_path)
{
  g_autoptr(GPtrArray) list = accords_backup_list (db_path, NULL);

  g_assert_nonnull (list);
  return list->len;
}

static guint
count_partials (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    if (strstr (name, ".partial-") != NULL)
      n++;
  return n;
}

/* Writes bytes over part of a file, as a failing disk would: only for files
 * no connection in this process has open */
static void
damage (const char *path,
        gsize       from_fraction_num,
        gsize       to_fraction_num)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = length * from_fraction_num / 8; i < length * to_fraction_num / 8; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* Damages the middle of a table's own pages, found by lookup (dbstat), so
 * that the schema stays readable however many pages it takes */
static void
damage_table (const char *path,
              const char *table)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page_size;
  gsize length;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 pageno = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (pages, pageno);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 8);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint p = pages->len * 3 / 8; p < pages->len * 5 / 8; p++)
    {
      gsize start = (gsize) ((g_array_index (pages, gint64, p) - 1) * page_size);

      g_assert_cmpuint (start + (gsize) page_size, <=, length);
      for (gsize i = start; i < start + (gsize) page_size; i++)
        contents[i] = (char) (i * 7919 % 251);
    }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  AccordsBackupInfo *info;
  guint schema = 0;

  exec (store, "INSERT INTO meta VALUES ('greeting', 'hello')");
  backup = accords_backup_create (store, ACCORDS_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->folder));
  g_assert_true (g_str_has_suffix (backup, "Z-manual.db"));

  list = accords_backup_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, backup);
  g_assert_cmpstr (info->reason, ==, "manual");
  /* the name holds the UTC time it was made */
  g_assert_cmpint (ABS (g_date_time_difference (now, info->time)), <, 60 * G_TIME_SPAN_SECOND);

  /* a whole, single-file Accords database with the content */
  g_assert_true (accords_backup_check_file (backup, &schema, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (schema, ==, accords_schema_get_version ());
  g_assert_cmpint (query_file (backup, "SELECT count(*) FROM meta WHERE value = 'hello'"), ==, 1);
  wal = g_strconcat (backup, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_partials (f->folder), ==, 0);

  g_assert_false (accords_backup_is_due (f->path, now));
}

static void
test_create_to (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "copy.db", NULL);

  exec (store, "INSERT INTO meta VALUES ('greeting', 'hello')");
  g_assert_true (accords_backup_create_to (store, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_file (target, "SELECT count(*) FROM meta WHERE value = 'hello'"), ==, 1);
  g_assert_cmpuint (count_partials (f->dir), ==, 0);
  /* -o is not a backup of the folder */
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  /* replaced whole */
  exec (store, "INSERT INTO meta VALUES ('second', 'again')");
  g_assert_true (accords_backup_create_to (store, target, &error));
  g_assert_cmpint (query_file (target, "SELECT count(*) FROM meta WHERE key = 'second'"), ==, 1);

  g_assert_false (accords_backup_create_to (store, f->path, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
}

typedef struct {
  char          *path;
  volatile gint  stop;
  gint           written;   /* committed rows, each its own transaction */
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(AccordsStore) store = open_store (w->path);

  while (!g_atomic_int_get (&w->stop))
    {
      g_autoptr(GError) error = NULL;

      if (accords_store_exec (store, "INSERT INTO counter (v) VALUES (randomblob(2000))", &error))
        g_atomic_int_inc (&w->written);
      else
        g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_SQL);
    }
  return NULL;
}

static void
test_while_writing (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  Writer w = { f->path, 0, 0 };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  int last = 0;

  exec (store, "CREATE TABLE counter (id INTEGER PRIMARY KEY, v BLOB)");
  thread = g_thread_new ("writer", writer_thread, &w);
  while (g_atomic_int_get (&w.written) < 50)
    g_usleep (1000);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      char *backup = accords_backup_create (store, ACCORDS_BACKUP_MANUAL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (made, backup);
      g_usleep (20000);
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (g_steal_pointer (&thread));

  /* each backup is a consistent moment: whole, holding rows 1..n with no
   * gap, and no fewer than the one before */
  for (guint i = 0; i < made->len; i++)
    {
      const char *backup = g_ptr_array_index (made, i);
      int n = query_file (backup, "SELECT count(*) FROM counter");

      g_assert_true (accords_backup_check_file (backup, NULL, NULL));
      g_assert_cmpint (query_file (backup, "SELECT max(id) FROM counter"), ==, n);
      g_assert_cmpint (n, >=, last);
      g_assert_cmpint (n, <=, g_atomic_int_get (&w.written));
      last = n;
    }
  g_assert_cmpint (query_store (store, "SELECT count(*) FROM counter"), ==, g_atomic_int_get (&w.written));
  g_test_message ("%d rows written while 5 backups were made; the last held %d", w.written, last);
}

static void
test_rotation (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < ACCORDS_BACKUP_KEEP + 3; i++)
    {
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (made, accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error));
      g_assert_no_error (error);
    }

  list = accords_backup_list (f->path, NULL);
  g_assert_cmpuint (list->len, ==, ACCORDS_BACKUP_KEEP);
  /* the newest are kept, newest first */
  for (guint i = 0; i < ACCORDS_BACKUP_KEEP; i++)
    {
      AccordsBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_cmpstr (info->path, ==, g_ptr_array_index (made, made->len - 1 - i));
    }
  for (guint i = 0; i < 3; i++)
    g_assert_false (g_file_test (g_ptr_array_index (made, i), G_FILE_TEST_EXISTS));
}

static void
test_stale_partials (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = NULL, *fresh = NULL, *backup = NULL;
  struct utimbuf old = { 0 };

  /* what a killed backup leaves: a temporary under a name no backup has */
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  stale = g_build_filename (f->folder, ".2020-01-01T000000.000Z-daily.db.partial-AbCdEf", NULL);
  fresh = g_build_filename (f->folder, ".2020-01-01T000000.000Z-daily.db.partial-GhIjKl", NULL);
  g_assert_true (g_file_set_contents (stale, "half a backup", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "a backup still being made", -1, NULL));
  old.actime = old.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (stale, &old), ==, 0);

  g_assert_cmpuint (n_backups (f->path), ==, 0);
  backup = accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_damaged_source (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  exec (store, "CREATE TABLE counter (id INTEGER PRIMARY KEY, v BLOB);"
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
               "INSERT INTO counter (v) SELECT randomblob(500) FROM n;"
               "PRAGMA wal_checkpoint(TRUNCATE)");
  backup = accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  damage_table (f->path, "counter");
  store = open_store (f->path);
  g_clear_pointer (&backup, g_free);
  backup = accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT);
  g_assert_null (backup);
  /* no damaged copy takes the place of a good one */
  g_assert_cmpuint (n_backups (f->path), ==, 1);
  g_assert_cmpuint (count_partials (f->folder), ==, 0);
}

static void
test_due (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 25);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -2);
  g_autofree char *backup = NULL;

  g_assert_true (accords_backup_is_due (f->path, now));
  backup = accords_backup_create (store, ACCORDS_BACKUP_DAILY, NULL);
  g_assert_nonnull (backup);
  g_assert_false (accords_backup_is_due (f->path, now));
  g_assert_true (accords_backup_is_due (f->path, tomorrow));
  /* a backup from the future: the clock was set back */
  g_assert_true (accords_backup_is_due (f->path, earlier));
}

static void
checked_cb (AccordsBackupSchedule  *schedule,
            const char             *path,
            char                  **out)
{
  *out = g_strdup (path ? path : "");
}

static char *
wait_checked (AccordsBackupSchedule *schedule,
              gboolean               start)
{
  char *path = NULL;
  gulong id = g_signal_connect (schedule, "checked", G_CALLBACK (checked_cb), &path);

  if (start)
    accords_backup_schedule_start (schedule);
  else
    accords_backup_schedule_check (schedule);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (schedule, id);
  return path;
}

static void
test_schedule (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(AccordsBackupSchedule) schedule = accords_backup_schedule_new (f->path);
  g_autofree char *first = NULL, *second = NULL;

  exec (store, "INSERT INTO meta VALUES ('greeting', 'hello')");

  /* started with no backup, it makes one at once, on its own connection */
  first = wait_checked (schedule, TRUE);
  g_assert_true (g_str_has_suffix (first, "-daily.db"));
  g_assert_cmpint (query_file (first, "SELECT count(*) FROM meta WHERE value = 'hello'"), ==, 1);
  /* not again the same day */
  second = wait_checked (schedule, FALSE);
  g_assert_cmpstr (second, ==, "");
  g_assert_cmpuint (n_backups (f->path), ==, 1);

  accords_backup_schedule_stop (schedule);
  accords_test_wait_for_last_ref (schedule);
  g_assert_finalize_object (g_steal_pointer (&schedule));
}

/* A database as schema version 3 left it */
static void
make_old_database (const char *path)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 1; v <= 3; v++)
    g_assert_cmpint (sqlite3_exec (db, accords_schema_get_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO meta VALUES ('greeting', 'from version 3');"
                                     "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_before_migration (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AccordsBackupInfo *info;
  g_autofree char *reason = g_strdup_printf ("before-schema-%u", accords_schema_get_version ());

  /* a new database has nothing to keep */
  store = open_store (f->path);
  g_clear_object (&store);
  g_assert_cmpuint (n_backups (f->path), ==, 0);
  /* nor has one that needs no upgrade */
  store = open_store (f->path);
  g_clear_object (&store);
  g_assert_cmpuint (n_backups (f->path), ==, 0);
  accords_test_remove_dir (f->dir);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);

  make_old_database (f->path);
  store = open_store (f->path);
  g_assert_cmpuint (accords_store_get_schema_version (store), ==, accords_schema_get_version ());

  list = accords_backup_list (f->path, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->reason, ==, reason);
  /* the backup is the database as it was before the upgrade */
  g_assert_cmpint (query_file (info->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query_file (info->path, "SELECT count(*) FROM meta WHERE value = 'from version 3'"), ==, 1);

  /* and restoring it gives a database the next open upgrades again */
  g_clear_object (&store);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *copy = g_build_filename (f->dir, "v3.db", NULL);
    g_autoptr(AccordsStore) again = NULL;

    g_assert_cmpint (g_rename (info->path, copy), ==, 0);
    g_assert_true (accords_backup_restore (copy, f->path, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_file (f->path, "PRAGMA user_version"), ==, 3);
    again = open_store (f->path);
    g_assert_cmpuint (accords_store_get_schema_version (again), ==, accords_schema_get_version ());
  }
}

static void
test_no_migration_without_backup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;

  /* a file where the folder should be: no backup can be made */
  make_old_database (f->path);
  g_assert_true (g_file_set_contents (f->folder, "in the way", -1, NULL));

  store = accords_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "needs a backup first"));
  g_assert_cmpint (query_file (f->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM meta WHERE value = 'from version 3'"), ==, 1);
}

static void
test_restore_live (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(AccordsStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL, *saved = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  exec (store, "INSERT INTO meta VALUES ('kept', 'before')");
  backup = accords_backup_create (store, ACCORDS_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  exec (store, "DELETE FROM meta WHERE key = 'kept'; INSERT INTO meta VALUES ('later', 'after')");
  g_assert_cmpint (query_store (store, "SELECT count(*) FROM meta WHERE key = 'kept'"), ==, 0);

  /* another connection holds the database open all along */
  other = open_store (f->path);
  g_assert_cmpint (query_store (other, "SELECT count(*) FROM meta WHERE key = 'later'"), ==, 1);

  g_assert_true (accords_backup_restore (backup, f->path, &saved, &error));
  g_assert_no_error (error);
  /* it sees the restored content, through the same file */
  g_assert_cmpint (query_store (other, "SELECT count(*) FROM meta WHERE key = 'kept'"), ==, 1);
  g_assert_cmpint (query_store (other, "SELECT count(*) FROM meta WHERE key = 'later'"), ==, 0);
  g_assert_cmpint (query_store (store, "SELECT count(*) FROM meta WHERE key = 'kept'"), ==, 1);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* what was there before the restore is a backup of its own */
  g_assert_nonnull (saved);
  g_assert_true (g_str_has_suffix (saved, "-before-restore.db"));
  g_assert_cmpint (query_file (saved, "SELECT count(*) FROM meta WHERE key = 'later'"), ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_backups (f->path), ==, 2);

  g_assert_false (accords_backup_restore (f->path, f->path, NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
}

static void
test_restore_oldest_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *oldest = NULL;

  exec (store, "INSERT INTO meta VALUES ('oldest', 'yes')");
  oldest = accords_backup_create (store, ACCORDS_BACKUP_DAILY, NULL);
  exec (store, "DELETE FROM meta WHERE key = 'oldest'");
  for (guint i = 1; i < ACCORDS_BACKUP_KEEP; i++)
    g_free (accords_backup_create (store, ACCORDS_BACKUP_DAILY, NULL));
  g_clear_object (&store);

  /* the backup before the restore would push out the very file restored */
  g_assert_true (accords_backup_restore (oldest, f->path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM meta WHERE key = 'oldest'"), ==, 1);
  list = accords_backup_list (f->path, NULL);
  g_assert_cmpuint (list->len, ==, ACCORDS_BACKUP_KEEP);
}

static void
test_restore_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL, *saved = NULL;
  g_autofree char *damaged = NULL, *kept = NULL, *saved_wal = NULL;
  gsize damaged_len, kept_len;

  exec (store, "INSERT INTO meta VALUES ('greeting', 'hello')");
  backup = accords_backup_create (store, ACCORDS_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* the header itself is gone */
  damage (f->path, 0, 1);
  g_assert_true (g_file_get_contents (f->path, &damaged, &damaged_len, NULL));
  store = accords_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_true (accords_backup_error_is_damage (error));
  g_clear_error (&error);

  g_assert_true (accords_backup_restore (backup, f->path, &saved, &error));
  g_assert_no_error (error);
  /* the damaged file is kept, byte for byte, beside the new one */
  g_assert_nonnull (saved);
  g_assert_true (g_str_has_prefix (saved, f->path));
  g_assert_nonnull (strstr (saved, ".damaged-"));
  g_assert_true (g_file_get_contents (saved, &kept, &kept_len, NULL));
  g_assert_cmpmem (damaged, damaged_len, kept, kept_len);
  g_assert_cmpuint (count_partials (f->dir), ==, 0);

  store = open_store (f->path);
  g_assert_cmpint (query_store (store, "SELECT count(*) FROM meta WHERE value = 'hello'"), ==, 1);
}

static void
assert_refused (Fixture      *f,
                const char   *file,
                GQuark        domain,
                int           code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  guint backups_before = n_backups (f->path);

  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  g_assert_false (accords_backup_restore (file, f->path, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (n_backups (f->path), ==, backups_before);
}

static void
test_restore_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(AccordsStore) store = open_store (f->path);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *broken = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", accords_schema_get_version () + 1);
  sqlite3 *db;

  exec (store, "CREATE TABLE counter (id INTEGER PRIMARY KEY, v BLOB);"
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
               "INSERT INTO counter (v) SELECT randomblob(500) FROM n");
  broken = accords_backup_create (store, ACCORDS_BACKUP_MANUAL, NULL);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (text, "not a database\n", -1, NULL));
  assert_refused (f, text, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id, data)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, foreign, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  for (guint v = 1; v <= accords_schema_get_version (); v++)
    g_assert_cmpint (sqlite3_exec (db, accords_schema_get_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, newer, ACCORDS_ERROR, ACCORDS_ERROR_TOO_NEW);

  assert_refused (f, missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* a backup damaged since it was made */
  damage (broken, 3, 5);
  assert_refused (f, broken, ACCORDS_ERROR, ACCORDS_ERROR_CORRUPT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/create", test_create);
  ADD ("/backup/create-to", test_create_to);
  ADD ("/backup/while-writing", test_while_writing);
  ADD ("/backup/rotation", test_rotation);
  ADD ("/backup/stale-partials", test_stale_partials);
  ADD ("/backup/damaged-source", test_damaged_source);
  ADD ("/backup/due", test_due);
  ADD ("/backup/schedule", test_schedule);
  ADD ("/backup/before-migration", test_before_migration);
  ADD ("/backup/no-migration-without-backup", test_no_migration_without_backup);
  ADD ("/backup/restore/live", test_restore_live);
  ADD ("/backup/restore/oldest-kept", test_restore_oldest_kept);
  ADD ("/backup/restore/damaged", test_restore_damaged);
  ADD ("/backup/restore/refused", test_restore_refused);
#undef ADD

  return g_test_run ();
}
