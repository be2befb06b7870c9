/* test-cli.c — the commands, run as a person would run them. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <integrity.h>

#include "integrity-test-util.h"

static char *integrity_binary;

static int
run_in (char        **envp,
        const char  *const *argv,
        char       **out,
        char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (args, integrity_binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
run (const char  *const *argv,
     char       **out,
     char       **err)
{
  return run_in (NULL, argv, out, err);
}

static char *
journal_mode (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mode = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

static void
test_demo_then_check (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *mode = NULL;
  const char *demo[] = { "demo", "--store", store, "--seed", "3", NULL };
  const char *again[] = { "demo", "--store", store, NULL };
  const char *check[] = { "check", "--store", store, NULL };

  g_assert_cmpint (run (demo, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, store));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Never overwrite an existing store. */
  g_assert_cmpint (run (again, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The demo is written through a rollback journal and without key checks:
   * the keys hold, and the store is left in WAL mode. */
  g_assert_cmpint (run (check, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, ": ok"));
  g_assert_nonnull (strstr (out, "schema core: 1"));
  mode = journal_mode (store);
  g_assert_cmpstr (mode, ==, "wal");
  itest_remove_tree (dir);
}

static void
test_check_damaged_store (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "broken.sqlite", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *check[] = { "check", "--store", store, NULL };

  g_assert_true (g_file_set_contents (store, "not a database, a note to self", -1, NULL));
  g_assert_cmpint (run (check, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "damaged"));
  itest_remove_tree (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bad_option[] = { "check", "--no-such-option", NULL };
  const char *bad_scale[] = { "demo", "--scale", "0", NULL };

  g_assert_cmpint (run (bad_option, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no-such-option"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_scale, &out, &err), ==, 2);
}

static void
test_plugins_lists_failures (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "s.sqlite", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *plugins[] = { "plugins", "--store", store, NULL };
  /* Without the settings schema every plugin found is tried, so the test
   * plugins' failures show. */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GSETTINGS_SCHEMA_DIR", dir, TRUE);

  g_assert_cmpint (run_in (env, plugins, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "test-addin\tTest Add-in\t"));
  g_assert_nonnull (strstr (out, "wrong-abi\tWrong ABI\tfailed\t"));
  itest_remove_tree (dir);
}

static gint64
count_rows (const char *store,
            const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (store, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_import (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "s.sqlite", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.sqlite", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* Without the settings schema every plugin found loads, the test one too. */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GSETTINGS_SCHEMA_DIR", dir, TRUE);
  const char *list[] = { "import", "--list", "--store", store, NULL };
  const char *both[] = { "import", "test-events", good, bad, "--store", store, NULL };
  const char *one[] = { "import", "test-events", good, "--store", store, NULL };
  const char *one_bad[] = { "import", "test-events", bad, "--store", store, NULL };
  const char *unknown[] = { "import", "no-such-kind", good, "--store", store, NULL };
  const char *no_file[] = { "import", "test-events", "--store", store, NULL };
  const char *bad_store[] = { "import", "test-events", good, "--store", broken, NULL };

  g_assert_true (g_file_set_contents (good, "ref,recorded_date,month\nA,2021-01-05,2021-01\n"
                                            "B,05/01/2021,2021-01\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "ref,recorded_date,month\nC,31/02/2021,2021-01\n"
                                           "D,2021-01-05,2021-13\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "not a database", -1, NULL));

  g_assert_cmpint (run_in (env, list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "test-events — Test events"));
  g_assert_nonnull (strstr (out, "recorded_date            date      required"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One bad file: every error, compiler style, and nothing imported. */
  g_assert_cmpint (run_in (env, both, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, "bad.csv:2: column 'recorded_date': '31/02/2021' is not a valid date\n"
                            "bad.csv:3: column 'month': '2021-13' is not a valid month (YYYY-MM)\n"
                            "integrity import: nothing was imported\n");
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM test_addin_record"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_in (env, one, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "2 rows imported from good.csv (2 new, 0 updated, 0 unchanged)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_in (env, one, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "2 rows imported from good.csv (0 new, 0 updated, 2 unchanged)\n");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM test_addin_record"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bad file alone (its own transaction, no outer one): the same. */
  g_assert_cmpint (run_in (env, one_bad, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "bad.csv:2: column 'recorded_date'"));
  g_assert_true (g_str_has_suffix (err, "integrity import: nothing was imported\n"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM test_addin_record"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_in (env, unknown, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown KIND 'no-such-kind'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_in (env, no_file, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_in (env, bad_store, &out, &err), ==, 3);
  itest_remove_tree (dir);
}

static void
test_version_and_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *version[] = { "--version", NULL };
  const char *help[] = { "--help", NULL };

  g_assert_cmpint (run (version, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "integrity " VERSION));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "integrity demo"));
  g_assert_nonnull (strstr (out, "integrity check"));
  g_assert_nonnull (strstr (out, "Exit status"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  integrity_binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "app", "integrity", NULL);

  g_test_add_func ("/cli/demo-then-check", test_demo_then_check);
  g_test_add_func ("/cli/check-damaged-store", test_check_damaged_store);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/plugins-lists-failures", test_plugins_lists_failures);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/import", test_import);
  return g_test_run ();
}
