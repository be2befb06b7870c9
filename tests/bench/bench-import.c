/* bench-import.c — the import pipeline against the sqlite3 shell's .import. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <integrity.h>
#include <stdio.h>
#include <sys/resource.h>

/* 8 typed columns; `id` is the natural key. */
#define SCHEMA "CREATE TABLE bench_case (id TEXT PRIMARY KEY, recorded TEXT NOT NULL," \
               " month TEXT NOT NULL, district_id INTEGER, category TEXT, victims INTEGER," \
               " score REAL, supervised INTEGER);"

static const IntegrityMigration migrations[] = { { 1, SCHEMA } };

static const IntegrityImportColumn columns[] = {
  { "id", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  { "recorded", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
  { "month", INTEGRITY_COLUMN_MONTH, INTEGRITY_COLUMN_REQUIRED },
  { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_OPTIONAL },
  { "category", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_OPTIONAL,
    .values = (const char *const[]) { "violence", "theft", "burglary", "other", NULL } },
  { "victims", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_OPTIONAL, .min = 0, .max = 1000 },
  { "score", INTEGRITY_COLUMN_DECIMAL, INTEGRITY_COLUMN_OPTIONAL },
  { "supervised", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
};

static gpointer
bench_begin (IntegrityImporter  *importer,
             sqlite3            *db,
             GError            **error)
{
  return integrity_import_upsert_new (db,
    "INSERT INTO bench_case VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
    "UPDATE bench_case SET recorded = ?2, month = ?3, district_id = ?4, category = ?5,"
    " victims = ?6, score = ?7, supervised = ?8 WHERE id = ?1 AND (recorded, month,"
    " district_id, category, victims, score, supervised) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
}

static IntegrityImportOutcome
bench_row (const IntegrityImportRow  *row,
           gpointer                   data,
           GError                   **error)
{
  return integrity_import_upsert_row (data, row, error);
}

static const IntegrityImporterInfo info = {
  .kind = "bench-cases", .component = "bench", .title = "Benchmark cases",
  .columns = columns, .n_columns = G_N_ELEMENTS (columns),
  .begin = bench_begin, .row = bench_row, .free_job_data = integrity_import_upsert_free,
};

static void
generate (const char *path,
          guint       rows)
{
  static const char *const categories[] = { "violence", "theft", "burglary", "other" };
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("id,recorded,month,district,category,victims,score,supervised\n", out);
  for (guint i = 0; i < rows; i++)
    {
      /* A spread of keys, so the B-tree is not filled in order. */
      guint key = (guint) (((guint64) i * 2654435761u) % 4294967291u);
      guint month = i % 12 + 1;

      fprintf (out, "C%010u,2021-%02u-%02u,2021-%02u,District %u,%s,%u,%u.%02u,%s\n",
               key, month, i % 28 + 1, month, i % 20, categories[i % 4], i % 1000,
               i % 100, i % 100, (i & 1) ? "Y" : "N");
    }
  fclose (out);
}

static long
peak_rss_kib (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss;
}

static double
run_pipeline (const char *dir,
              const char *csv,
              guint       rows)
{
  g_autofree char *store_path = g_build_filename (dir, "store.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = NULL;
  g_autoptr(IntegrityImporter) importer = NULL;
  g_autoptr(IntegrityImportJob) job = NULL;
  gint64 start;
  double seconds;

  g_unlink (store_path);
  store = integrity_store_open (store_path, &error);
  g_assert_no_error (error);
  integrity_store_register_migrations (store, "bench", migrations, 1, &error);
  g_assert_no_error (error);
  importer = integrity_importer_new (&info, NULL);
  job = integrity_import_job_new (store, importer, csv);

  start = g_get_monotonic_time ();
  if (!integrity_import_job_run (job, NULL, &error))
    g_error ("import failed: %s", error->message);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_cmpint (integrity_import_job_get_rows_inserted (job), ==, rows);
  return seconds;
}

static double
run_shell (const char *dir,
           const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "shell.sqlite", NULL);
  g_autofree char *script = g_strdup_printf ("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                                             SCHEMA "\n.mode csv\n.import --skip 1 '%s' bench_case\n",
                                             csv);
  g_autofree char *script_path = g_build_filename (dir, "import.sql", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start;

  g_unlink (db);
  g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  command = g_strdup_printf ("sh -c 'sqlite3 \"%s\" < \"%s\" > /dev/null'", db, script_path);
  start = g_get_monotonic_time ();
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  guint sizes[] = { 250000, 1000000 };
  guint rows = 0;
  double ours = 0, shell;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *csv = g_build_filename (dir, "cases.csv", NULL);
      GStatBuf st;

      rows = sizes[s];
      generate (csv, rows);
      g_stat (csv, &st);
      ours = run_pipeline (dir, csv, rows);
      g_print ("integrity import: %u rows x 8 columns (%.1f MB): %.2f s, %.0f rows/s; "
               "peak RSS so far %ld KiB\n", rows, st.st_size / 1e6, ours, rows / ours,
               peak_rss_kib (RUSAGE_SELF));
    }

  {
    g_autofree char *csv = g_build_filename (dir, "cases.csv", NULL);
    shell = run_shell (dir, csv);
  }
  g_print ("sqlite3 .import:  %u rows: %.2f s, %.0f rows/s; peak RSS %ld KiB\n",
           rows, shell, rows / shell, peak_rss_kib (RUSAGE_CHILDREN));
  g_print ("ratio (integrity / sqlite3 rows per second): %.2f\n", shell / ours);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return 0;
}
