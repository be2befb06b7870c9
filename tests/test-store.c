/* test-store.c — the store: create, reopen, migrate, back up, protect. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <integrity.h>
#include <libglib-testing/signal-logger.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/integrity-thread.h"
#include "integrity-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = itest_make_temp_dir ();
  f->path = g_build_filename (f->dir, "nested", "store.sqlite", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  itest_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
count_rows (IntegrityStore *store,
            const char     *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static const IntegrityMigration widget_v1[] = {
  { 1, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL);" },
};
static const IntegrityMigration widget_v2[] = {
  { 1, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL);" },
  { 2, "ALTER TABLE widget ADD COLUMN size INTEGER NOT NULL DEFAULT 7;" },
};
static const IntegrityMigration widget_broken_v3[] = {
  { 1, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL);" },
  { 2, "ALTER TABLE widget ADD COLUMN size INTEGER NOT NULL DEFAULT 7;" },
  { 3, "CREATE TABLE gadget (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);" },
};

static void
test_create_is_private (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *folder = g_path_get_dirname (f->path);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (integrity_store_is_read_only (store));

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The core tables of DESIGN.md exist, at core schema 1. */
  g_assert_cmpint (integrity_store_get_schema_version (store, "core"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                      "('meta','schema_version','district','import_log',"
                                      "'annotation','target')"), ==, 6);
  g_assert_false (integrity_store_has_data (store));
}

static void
test_loose_mode_is_tightened (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IntegrityStore) first = integrity_store_open (f->path, NULL);
  g_autoptr(IntegrityStore) second = NULL;
  GStatBuf st;

  g_assert_nonnull (first);
  g_clear_object (&first);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  g_test_expect_message ("integrity-store", G_LOG_LEVEL_MESSAGE, "*readable by others*");
  second = integrity_store_open (f->path, NULL);
  g_test_assert_expected_messages ();
  g_assert_nonnull (second);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (integrity_store_set_meta (store, "force", "Example Police", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  value = integrity_store_get_meta (store, "force");
  g_assert_cmpstr (value, ==, "Example Police");
}

static void
test_migrate_with_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *backup = NULL;
  g_autoptr(IntegrityStore) old_copy = NULL;

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('one'), ('two')", &error));
  g_clear_object (&store);

  /* A later version adds a column: pending steps run, after a backup. */
  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v2, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (integrity_store_get_schema_version (store, "widget"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT sum(size) FROM widget"), ==, 14);

  backup = integrity_store_get_backup_path (store);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  old_copy = integrity_store_open (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (integrity_store_get_schema_version (old_copy, "widget"), ==, 1);
  g_assert_cmpint (count_rows (old_copy, "SELECT count(*) FROM widget"), ==, 2);

  /* Registering the same steps again changes nothing. */
  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v2, 2, &error));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget"), ==, 2);
}

static void
test_failed_migration_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('one')", &error));
  g_clear_object (&store);
  before = itest_file_sha256 (f->path);

  store = integrity_store_open (f->path, &error);
  g_assert_false (integrity_store_register_migrations (store, "widget", widget_broken_v3, 3, &error));
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "schema 3"));
  g_assert_nonnull (strstr (error->message, "left as it was"));

  /* Steps 2 and 3 ran in one transaction: neither is there. */
  g_assert_cmpint (integrity_store_get_schema_version (store, "widget"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_table_info('widget') WHERE name = 'size'"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'gadget'"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget"), ==, 1);
  g_clear_object (&store);

  after = itest_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_schema_opens_read_only (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v2, 2, &error));
  g_clear_object (&store);

  /* An older Integrity knows only widget schema 1. */
  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_is_read_only (store));
  g_assert_nonnull (strstr (integrity_store_get_read_only_reason (store), "newer version"));
  g_assert_nonnull (strstr (integrity_store_get_read_only_reason (store), "read-only"));

  g_assert_false (integrity_store_set_meta (store, "x", "y", &error));
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The newer core schema: the same, at open. */
  g_clear_object (&store);
  store = integrity_store_open (f->path, &error);
  g_assert_true (integrity_store_exec (store, "UPDATE schema_version SET version = 9 WHERE component = 'core'", &error));
  g_clear_object (&store);
  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (integrity_store_is_read_only (store));
}

static void
test_savepoints (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));

  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('kept')", &error));
  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('undone')", &error));
  integrity_store_rollback (store);
  g_assert_true (integrity_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget WHERE name = 'kept'"), ==, 1);

  /* An outer rollback undoes an inner commit. */
  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('inner')", &error));
  g_assert_true (integrity_store_commit (store, &error));
  integrity_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget"), ==, 1);
}

/* A bulk transaction (an import) keeps SQLite's statement journals in
 * memory and a larger page cache while it is open, and only then: after
 * commit or rollback the connection is back to its usual memory. Nested in
 * another transaction it is a savepoint, whose undo copies stay out of
 * memory (they last as long as the savepoint: 1.2 GB on a large import). */
static void
test_bulk_transaction (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  int usual_cache = count_rows (store, "PRAGMA cache_size");

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));
  g_assert_cmpint (count_rows (store, "PRAGMA temp_store"), ==, 0);

  g_assert_true (integrity_store_begin_bulk (store, &error));
  g_assert_cmpint (count_rows (store, "PRAGMA temp_store"), ==, 2);
  g_assert_cmpint (count_rows (store, "PRAGMA cache_size"), <, usual_cache);  /* negative: KiB, and more */
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('kept')", &error));
  g_assert_true (integrity_store_commit (store, &error));
  g_assert_cmpint (count_rows (store, "PRAGMA temp_store"), ==, 0);
  g_assert_cmpint (count_rows (store, "PRAGMA cache_size"), ==, usual_cache);

  g_assert_true (integrity_store_begin_bulk (store, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('undone')", &error));
  integrity_store_rollback (store);
  g_assert_cmpint (count_rows (store, "PRAGMA temp_store"), ==, 0);
  g_assert_cmpint (count_rows (store, "PRAGMA cache_size"), ==, usual_cache);

  /* Inside an ordinary transaction: a savepoint with the larger cache, but
   * its undo copies not in memory; the outer transaction's end puts the
   * cache back. */
  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_begin_bulk (store, &error));
  g_assert_cmpint (count_rows (store, "PRAGMA temp_store"), ==, 0);
  g_assert_cmpint (count_rows (store, "PRAGMA cache_size"), <, usual_cache);
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('inner')", &error));
  integrity_store_rollback (store);
  g_assert_true (integrity_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "PRAGMA cache_size"), ==, usual_cache);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM widget WHERE name = 'kept'"), ==, 1);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *component = NULL;

  gt_signal_logger_connect (logger, store, "changed");
  integrity_store_notify_changed (store, "widget");
  integrity_store_notify_changed (store, "core");

  while (gt_signal_logger_get_n_emissions (logger) < 2)
    g_main_context_iteration (NULL, TRUE);

  gt_signal_logger_assert_emission_pop (logger, store, "changed", &component);
  g_assert_cmpstr (component, ==, "widget");
  g_clear_pointer (&component, g_free);
  gt_signal_logger_assert_emission_pop (logger, store, "changed", &component);
  g_assert_cmpstr (component, ==, "core");
  gt_signal_logger_assert_no_emissions (logger);
}

static gpointer
count_widgets (sqlite3       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
#ifdef __linux__
  /* Queries yield to the window: the worker runs at a lower priority
   * (nice values are per thread on Linux). */
  {
    int window = getpriority (PRIO_PROCESS, (id_t) getpid ());

    g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid)), ==, MIN (window + 5, 19));
  }
#endif
  /* A reader cannot write. */
  rc = sqlite3_exec (db, "INSERT INTO widget (name) VALUES ('no')", NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM widget", -1, &stmt, NULL);
  sqlite3_step (stmt);
  return GINT_TO_POINTER (sqlite3_column_int (stmt, 0) + 1000);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *answer = user_data;
  g_autoptr(GError) error = NULL;

  *answer = GPOINTER_TO_INT (integrity_store_query_finish (INTEGRITY_STORE (source), result, &error));
  g_assert_no_error (error);
}

static void
test_query_on_worker (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  int answer = 0;

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v1, 1, &error));
  g_assert_true (integrity_store_exec (store, "INSERT INTO widget (name) VALUES ('a'), ('b'), ('c')", &error));

  g_main_context_acquire (g_main_context_default ());
  integrity_store_query_async (store, count_widgets, NULL, NULL, NULL, NULL, on_counted, &answer);
  while (answer == 0)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_release (g_main_context_default ());
  g_assert_cmpint (answer, ==, 1003);
}

/* A query of a millisecond or two: far more SQLite steps than one yield's
 * worth. It notes when it ended. */
static gpointer
count_to_twenty_thousand (sqlite3       *db,
                          gpointer       data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gint64 *ended_at = data;
  sqlite3_stmt *stmt;
  int count;

  sqlite3_prepare_v2 (db, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) "
                      "SELECT count(*) FROM n", -1, &stmt, NULL);
  sqlite3_step (stmt);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  *ended_at = g_get_monotonic_time ();
  return GINT_TO_POINTER (count);
}

static int
count_while_a_frame_paints (IntegrityStore *store,
                            guint           frame_ms,
                            gint64         *frame_began,
                            gint64         *frame_ended,
                            gint64         *query_ended)
{
  int answer = 0;

  *frame_began = g_get_monotonic_time ();
  _integrity_thread_frame_begin ();
  integrity_store_query_async (store, count_to_twenty_thousand, query_ended, NULL, NULL, NULL, on_counted, &answer);
  if (frame_ms > 0)
    {
      g_usleep (frame_ms * 1000);
      *frame_ended = g_get_monotonic_time ();
      _integrity_thread_frame_end ();
    }
  while (answer == 0)
    g_main_context_iteration (NULL, TRUE);
  if (frame_ms == 0)
    {
      *frame_ended = g_get_monotonic_time ();
      _integrity_thread_frame_end ();
    }
  return answer;
}

/* While the window paints, a query waits (so the frame has the cores), and
 * goes on once the frame is painted; a frame whose end never comes holds
 * it for a frame's time only. */
static void
test_query_waits_for_frame (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  gint64 began, ended, query_ended;

  g_assert_no_error (error);
  g_main_context_acquire (g_main_context_default ());

  /* A frame of 12 ms: without the wait, the query ends inside it. A query
   * still running after the hold's 16 ms may end before the frame does,
   * on a very slow machine, and that is right too. */
  g_assert_cmpint (count_while_a_frame_paints (store, 12, &began, &ended, &query_ended), ==, 20000);
  if (query_ended < began + 16 * G_TIME_SPAN_MILLISECOND)
    g_assert_cmpint (query_ended, >=, ended);

  /* A frame that never ends: the query ends anyway. */
  g_assert_cmpint (count_while_a_frame_paints (store, 0, &began, &ended, &query_ended), ==, 20000);
  g_assert_false (_integrity_thread_frame_holds ());

  g_main_context_release (g_main_context_default ());
}

/* Whether another process would find a lock on @path: POSIX locks are
 * invisible to the process that holds them, so a child asks. */
static gboolean
another_process_sees_a_lock (const char *path)
{
  int status = 0;
  pid_t child = fork ();

  if (child == 0)
    {
      struct flock query = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
      int fd = open (path, O_RDWR | O_CLOEXEC);

      if (fd < 0 || fcntl (fd, F_GETLK, &query) != 0)
        _exit (2);
      _exit (query.l_type != F_UNLCK ? 1 : 0);
    }
  g_assert_cmpint (child, >, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);
  return WEXITSTATUS (status) == 1;
}

/* The page check at open reads the file through first, to fill the cache.
 * It must not drop the locks other connections of the process hold on the
 * file (closing any descriptor of a file drops all of a process's POSIX
 * locks on it), or another process could write under a reader. */
static void
test_check_keeps_locks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) first = integrity_store_open (f->path, &error);
  g_autoptr(IntegrityStore) second = NULL;
  g_autoptr(sqlite3_stmt) reading = NULL;
  sqlite3 *reader = NULL;

  g_assert_no_error (error);
  g_assert_true (integrity_store_register_migrations (first, "widget", widget_v1, 1, &error));
  g_assert_true (integrity_store_exec (first, "INSERT INTO widget (name) VALUES ('a')", &error));

  /* A reader in the middle of a read: it holds a lock on the file. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT name FROM widget", -1, &reading, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  g_assert_true (another_process_sees_a_lock (f->path));

  second = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_true (another_process_sees_a_lock (f->path));

  g_clear_pointer (&reading, sqlite3_finalize);
  sqlite3_close_v2 (reader);
}

static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (f->path, "this is a spreadsheet, not a store\n"
                                      "with a second line to fill a page of junk", -1, NULL));
  store = integrity_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, f->path));
}

/* A damaged store with a backup: detected at open, and the backup put back
 * with the damaged file kept aside (what the app's "Restore" does). */
static void
test_restore_backup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *backup = g_strconcat (f->path, ".backup", NULL);
  g_autofree char *damaged = g_strconcat (f->path, ".damaged", NULL);
  g_autofree char *found = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_null (integrity_store_find_backup (f->path, NULL));
  g_assert_false (integrity_store_restore_backup (f->path, &error));
  g_assert_nonnull (strstr (error->message, "no backup"));
  g_clear_error (&error);

  g_assert_true (integrity_store_set_meta (store, "force", "Example", &error));
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (backup, contents, (gssize) length, NULL));

  /* Cut short: detected at open, naming the file. */
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length / 2, NULL));
  store = integrity_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  found = integrity_store_find_backup (f->path, &modified);
  g_assert_cmpstr (found, ==, backup);
  g_assert_nonnull (modified);
  g_assert_true (integrity_store_restore_backup (f->path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  value = integrity_store_get_meta (store, "force");
  g_assert_cmpstr (value, ==, "Example");
  g_clear_object (&store);

  /* A damaged backup is never restored. */
  g_assert_true (g_file_set_contents (backup, "junk", -1, NULL));
  g_assert_false (integrity_store_restore_backup (f->path, &error));
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT);
}

static void
test_check_reports_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_true (integrity_store_register_migrations (store, "widget", widget_v2, 2, &error));
  g_assert_true (integrity_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "schema core: 1"));
  g_assert_nonnull (strstr (report->str, "schema widget: 2"));
}

static void
test_import_log_means_data (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);

  g_assert_false (integrity_store_has_data (store));
  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_log_import (store, "audit.csv", "abc", "recording-audit", 10, 0, &error));
  g_assert_true (integrity_store_commit (store, &error));
  g_assert_true (integrity_store_has_data (store));
  g_assert_false (integrity_store_is_demo (store));
}

/* Breaks the last page of the store file: a b-tree page no longer says
 * what kind it is. The schema on page 1 still reads, so only the page
 * check finds it. */
static void
break_last_page (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize page_size;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  g_assert_cmpuint (length / page_size, >, 3);
  memset (contents + length - page_size, 0x7f, 16);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
}

/* The app checks the store's pages on a thread while it starts up: the
 * open takes that verdict for the same file, and checks again if the file
 * changed since. Either way a damaged page is caught at open. */
static void
test_check_ahead (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = integrity_store_open (f->path, &error);
  g_autofree char *sound = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (integrity_store_exec (store, "CREATE TABLE filler (line TEXT);"
                                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                                       "INSERT INTO filler SELECT printf('%0100d', i) FROM n", &error));
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (f->path, &sound, &length, NULL));

  integrity_store_check_ahead (f->path);
  store = integrity_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  /* Damaged before the check: its verdict is the damage. */
  break_last_page (f->path);
  integrity_store_check_ahead (f->path);
  store = integrity_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* Sound when checked, damaged before the open: the "ok" is not taken. */
  g_assert_true (g_file_set_contents (f->path, sound, (gssize) length, NULL));
  integrity_store_check_ahead (f->path);
  g_usleep (200 * 1000);
  break_last_page (f->path);
  store = integrity_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-is-private", test_create_is_private);
  ADD ("loose-mode-is-tightened", test_loose_mode_is_tightened);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("migrate-with-backup", test_migrate_with_backup);
  ADD ("failed-migration-changes-nothing", test_failed_migration_changes_nothing);
  ADD ("newer-schema-opens-read-only", test_newer_schema_opens_read_only);
  ADD ("savepoints", test_savepoints);
  ADD ("bulk-transaction", test_bulk_transaction);
  ADD ("changed-signal", test_changed_signal);
  ADD ("query-on-worker", test_query_on_worker);
  ADD ("query-waits-for-frame", test_query_waits_for_frame);
  ADD ("check-keeps-locks", test_check_keeps_locks);
  ADD ("damaged-file", test_damaged_file);
  ADD ("check-ahead", test_check_ahead);
  ADD ("check-reports-schema", test_check_reports_schema);
  ADD ("restore-backup", test_restore_backup);
  ADD ("import-log-means-data", test_import_log_means_data);
#undef ADD

  return g_test_run ();
}
