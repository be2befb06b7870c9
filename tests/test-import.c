/* test-import.c — CSV files into the store, as a person importing them sees it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <integrity.h>

#include "integrity-session.h"
#include "integrity-test-util.h"

#define HEADER "ref,recorded_date,closed_date,month,district,category,victims,score,supervised\n"

typedef struct
{
  char              *dir;
  IntegritySession  *session;
  IntegrityStore    *store;
  IntegrityImporter *importer;
  IntegrityImportJob *job;
  GError            *error;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IntegrityContext *context;

  f->dir = itest_make_temp_dir ();
  path = g_build_filename (f->dir, "store.sqlite", NULL);
  f->session = integrity_session_new (path, &error);
  g_assert_no_error (error);
  g_settings_set_strv (integrity_session_get_settings (f->session), "active-plugins",
                       (const char *const[]) { "test-addin", NULL });
  f->store = integrity_session_get_store (f->session);
  context = integrity_session_get_context (f->session);
  f->importer = integrity_context_lookup_importer (context, "test-events");
  g_assert_nonnull (f->importer);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->job);
  g_clear_error (&f->error);
  g_settings_reset (integrity_session_get_settings (f->session), "active-plugins");
  itest_spin (10);
  g_clear_object (&f->session);
  itest_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *content,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, length, NULL));
  return path;
}

/* Imports @content as @name; the job stays in f->job, the error in f->error. */
static gboolean
import_text (Fixture    *f,
             const char *name,
             const char *content)
{
  g_autofree char *path = write_file (f, name, content, -1);

  g_clear_object (&f->job);
  g_clear_error (&f->error);
  f->job = integrity_import_job_new (f->store, f->importer, path);
  return integrity_import_job_run (f->job, NULL, &f->error);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (f->store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (f->store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Every row of every table the import writes, as text. */
static char *
dump_content (Fixture *f)
{
  static const char *const tables[] = {
    "SELECT * FROM test_addin_record ORDER BY ref",
    "SELECT * FROM district ORDER BY id",
    "SELECT * FROM import_log ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (f->store), tables[t],
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_error (Fixture    *f,
              const char *expected)
{
  GPtrArray *errors = integrity_import_job_get_errors (f->job);

  g_assert_error (f->error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID);
  for (guint i = 0; i < errors->len; i++)
    if (g_strcmp0 (g_ptr_array_index (errors, i), expected) == 0)
      return;
  for (guint i = 0; i < errors->len; i++)
    g_printerr ("  got: %s\n", (const char *) g_ptr_array_index (errors, i));
  g_error ("expected the error “%s”", expected);
}

static void
test_rfc4180 (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *quoted = NULL;
  g_autofree char *newline = NULL;
  g_autofree char *date = NULL;

  /* A BOM, CRLF, a quoted comma, doubled quotes, a line break in a field;
   * the bad value on the last record is reported on its physical line (6). */
  g_assert_true (import_text (f, "tricky.csv",
                              "\xEF\xBB\xBF" "ref,recorded_date,month\r\n"
                              "\"A,1\",2021-01-05,2021-01\r\n"
                              "\"say \"\"hi\"\"\",05/01/2021,2021-01\r\n"
                              "\"two\r\nlines\",2021-01-06,2021-01\r\n"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 3);
  quoted = query_text (f, "SELECT ref FROM test_addin_record WHERE ref LIKE 'say%'");
  g_assert_cmpstr (quoted, ==, "say \"hi\"");
  newline = query_text (f, "SELECT ref FROM test_addin_record WHERE ref LIKE 'two%'");
  g_assert_cmpstr (newline, ==, "two\r\nlines");
  date = query_text (f, "SELECT recorded_date FROM test_addin_record WHERE ref = 'A,1'");
  g_assert_cmpstr (date, ==, "2021-01-05");

  g_assert_false (import_text (f, "lines.csv",
                               "ref,recorded_date,month\n"
                               "\"a\nb\nc\",2021-01-05,2021-01\n"
                               "\n"
                               "B,2021-02-30,2021-01\n"));
  assert_error (f, "lines.csv:6: column 'recorded_date': '2021-02-30' is not a valid date");
}

static void
test_invalid_values (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_false (import_text (f, "cases.csv",
                               HEADER
                               "A1,31/02/2021,,2021-01,,,,,\n"
                               "A2,2021-13-01,,2021-01,,,,,\n"
                               "A3,2021-01-01,,2021-1,,,,,\n"
                               "A4,2021-01-01,,2021-01,,stolen,101,1e,maybe\n"
                               "A5,2021-01-05,2021-01-04,2021-01,,,,,\n"
                               ",2021-01-05,,2021-01,,,,,\n"
                               "A7,2021-01-05,,2021-01\n"));
  assert_error (f, "cases.csv:2: column 'recorded_date': '31/02/2021' is not a valid date");
  assert_error (f, "cases.csv:3: column 'recorded_date': '2021-13-01' is not a valid date");
  assert_error (f, "cases.csv:4: column 'month': '2021-1' is not a valid month (YYYY-MM)");
  assert_error (f, "cases.csv:5: column 'category': 'stolen' is not one of: violence, theft, other");
  assert_error (f, "cases.csv:5: column 'victims': '101' is outside the range 0 to 100");
  assert_error (f, "cases.csv:5: column 'score': '1e' is not a number");
  assert_error (f, "cases.csv:5: column 'supervised': 'maybe' is not yes or no (Y/N, yes/no, true/false, 1/0)");
  assert_error (f, "cases.csv:6: column 'closed_date': '2021-01-04' is before recorded_date");
  assert_error (f, "cases.csv:7: column 'ref': a value is required");
  assert_error (f, "cases.csv:8: the row has 4 fields; the header has 9");
  g_assert_cmpuint (integrity_import_job_get_n_errors (f->job), ==, 10);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_log"), ==, 0);
}

static void
test_typed_values (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *row = NULL;

  g_assert_true (import_text (f, "typed.csv",
                              HEADER
                              "T1, 1/2/2021 ,03/02/2021,2021-02,  North   Yard ,THEFT,+7,-2.5,yes\n"
                              "T2,2021-02-01,,2021-02,north yard,,,,N\n"));
  row = query_text (f, "SELECT ref || '|' || recorded_date || '|' || closed_date || '|' || month"
                       " || '|' || d.name || '|' || category || '|' || victims || '|' || score"
                       " || '|' || supervised FROM test_addin_record JOIN district d"
                       " ON d.id = district_id WHERE ref = 'T1'");
  g_assert_cmpstr (row, ==, "T1|2021-02-01|2021-02-03|2021-02|North Yard|theft|7|-2.5|1");
  /* Case and spacing do not make a new district. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM district"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record WHERE closed_date IS NULL"
                                 " AND victims IS NULL AND supervised = 0"), ==, 1);
}

static void
test_non_utf8 (Fixture       *f,
               gconstpointer  data)
{
  g_assert_false (import_text (f, "latin1.csv",
                               "ref,recorded_date,month\n"
                               "caf\xe9,2021-01-05,2021-01\n"));
  assert_error (f, "latin1.csv:2: column 'ref': the text is not valid UTF-8 (save the file as UTF-8)");
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  GPtrArray *warnings;

  g_assert_false (import_text (f, "missing.csv", "ref,month,notes\nA,2021-01,x\n"));
  assert_error (f, "missing.csv:1: missing required column 'recorded_date'; the file has: ref, month, notes");

  /* Columns in any order, matched by name or alias, extra ones ignored. */
  g_assert_true (import_text (f, "extra.csv", "Month,Notes,Crime ID,Recorded Date,Colour\n"
                                              "2021-01,x,A,2021-01-05,red\n"));
  warnings = integrity_import_job_get_warnings (f->job);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "extra.csv: ignored unknown columns: 'Notes', 'Colour'");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record WHERE ref = 'A'"), ==, 1);
}

/* Every row is accepted with a warning, as a plugin does for a date it set aside. */
static IntegrityImportOutcome
warn_every_row (const IntegrityImportRow  *row,
                gpointer                   job_data,
                GError                   **error)
{
  integrity_import_row_add_warning (row, "'%s' noted", integrity_import_row_get_text (row, 0));
  return INTEGRITY_IMPORT_ROW_INSERTED;
}

static void
test_row_warnings (Fixture       *f,
                   gconstpointer  data)
{
  static const IntegrityImportColumn columns[] = { { "ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY } };
  static const IntegrityImporterInfo info = {
    .kind = "test-warnings", .component = "test-addin", .title = "Warnings",
    .columns = columns, .n_columns = G_N_ELEMENTS (columns), .row = warn_every_row,
  };
  g_autoptr(IntegrityImporter) importer = integrity_importer_new (&info, NULL);
  g_autoptr(GString) content = g_string_new ("ref\n");
  g_autofree char *path = NULL;
  GPtrArray *warnings;

  for (guint i = 1; i <= INTEGRITY_IMPORT_MAX_WARNINGS + 50; i++)
    g_string_append_printf (content, "R%u\n", i);
  path = write_file (f, "notes.csv", content->str, -1);
  f->job = integrity_import_job_new (f->store, importer, path);
  g_assert_true (integrity_import_job_run (f->job, NULL, &f->error));
  g_assert_no_error (f->error);

  /* The first hundred with file and line, then one line counting the rest. */
  warnings = integrity_import_job_get_warnings (f->job);
  g_assert_cmpuint (warnings->len, ==, INTEGRITY_IMPORT_MAX_WARNINGS + 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "notes.csv:2: 'R1' noted");
  g_assert_cmpstr (g_ptr_array_index (warnings, INTEGRITY_IMPORT_MAX_WARNINGS - 1), ==, "notes.csv:101: 'R100' noted");
  g_assert_cmpstr (g_ptr_array_index (warnings, INTEGRITY_IMPORT_MAX_WARNINGS), ==,
                   "notes.csv: 50 more warnings not listed");
  g_assert_cmpint (integrity_import_job_get_rows_inserted (f->job), ==, INTEGRITY_IMPORT_MAX_WARNINGS + 50);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_false (import_text (f, "empty.csv", ""));
  assert_error (f, "empty.csv: the file is empty");
  g_assert_false (import_text (f, "header.csv", "ref,recorded_date,month\r\n"));
  assert_error (f, "header.csv: the file has a header row but no rows of data");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_log"), ==, 0);
}

static void
test_long_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) content = g_string_new ("ref,recorded_date,month\nA,2021-01-01,2021-01\n\"");

  for (guint i = 0; i < INTEGRITY_CSV_DEFAULT_MAX_FIELD_SIZE + 10; i++)
    g_string_append_c (content, 'x');
  g_string_append (content, "\",2021-01-05,2021-01\n");
  g_assert_false (import_text (f, "long.csv", content->str));
  assert_error (f, "long.csv:3: column 'ref': the value is longer than the limit of 65536 bytes "
                   "(is a closing quote missing?)");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 0);

  g_assert_false (import_text (f, "unclosed.csv", "ref,recorded_date,month\n\"A,2021-01-01,2021-01\n"));
  assert_error (f, "unclosed.csv:2: the file ends inside a quoted field (is a closing quote missing?)");
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *details = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *month = NULL;

  g_assert_true (import_text (f, "dup.csv", "ref,recorded_date,month\n"
                                            "A,2021-01-05,2021-01\n"
                                            "B,2021-01-05,2021-01\n"
                                            "A,2021-02-05,2021-02\n"));
  g_assert_cmpint (integrity_import_job_get_duplicates (f->job), ==, 1);
  month = query_text (f, "SELECT month FROM test_addin_record WHERE ref = 'A'");
  g_assert_cmpstr (month, ==, "2021-02");
  summary = integrity_import_job_describe (f->job);
  g_assert_cmpstr (summary, ==, "3 rows imported from dup.csv");
  details = integrity_import_job_describe_details (f->job);
  g_assert_cmpstr (details, ==, "2 new, 0 updated, 0 unchanged; 1 row repeated the key of an "
                                "earlier row: the last one was kept");
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  const char *content = HEADER "A,2021-01-05,,2021-01,North,theft,1,0.5,Y\n"
                               "B,2021-01-06,,2021-01,South,,,,\n";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  g_assert_true (import_text (f, "twice.csv", content));
  g_assert_cmpint (integrity_import_job_get_rows_inserted (f->job), ==, 2);
  before = query_text (f, "SELECT group_concat(ref || recorded_date || district_id || category, ';')"
                          " FROM test_addin_record");

  g_assert_true (import_text (f, "twice.csv", content));
  g_assert_cmpint (integrity_import_job_get_rows_inserted (f->job), ==, 0);
  g_assert_cmpint (integrity_import_job_get_rows_updated (f->job), ==, 0);
  g_assert_cmpint (integrity_import_job_get_rows_unchanged (f->job), ==, 2);
  after = query_text (f, "SELECT group_concat(ref || recorded_date || district_id || category, ';')"
                         " FROM test_addin_record");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM district"), ==, 2);

  /* Each import is logged with the base name and the file's SHA-256. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_log WHERE file_name = 'twice.csv'"
                                 " AND kind = 'test-events'"), ==, 2);
  sha = query_text (f, "SELECT sha256 FROM import_log LIMIT 1");
  g_assert_cmpstr (sha, ==, expected_sha);

  g_assert_true (import_text (f, "changed.csv", "ref,recorded_date,month\nA,2021-01-07,2021-01\n"));
  g_assert_cmpint (integrity_import_job_get_rows_updated (f->job), ==, 1);
}

static char *
large_file (guint       rows,
            const char *last_row)
{
  GString *content = g_string_new (HEADER);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (content, "R%07u,2021-%02u-%02u,,2021-%02u,District %u,other,%u,%u.5,N\n",
                            i, i % 12 + 1, i % 28 + 1, i % 12 + 1, i % 7, i % 100, i);
  if (last_row != NULL)
    g_string_append (content, last_row);
  return g_string_free (content, FALSE);
}

static void
test_fail_at_end (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = large_file (100, NULL);
  g_autofree char *big = large_file (100000, "Z,2021-01-01,,2021-01,North,other,1,1,perhaps\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (import_text (f, "first.csv", first));
  before = dump_content (f);
  g_assert_false (import_text (f, "big.csv", big));
  assert_error (f, "big.csv:100002: column 'supervised': 'perhaps' is not yes or no (Y/N, yes/no, true/false, 1/0)");
  g_assert_cmpuint (integrity_import_job_get_n_errors (f->job), ==, 1);
  after = dump_content (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 100);
}

static void
test_many_errors (Fixture       *f,
                  gconstpointer  data)
{
  GString *content = g_string_new ("ref,recorded_date,month\n");

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (content, "R%u,someday,2021-01\n", i);
  g_assert_false (import_text (f, "many.csv", content->str));
  g_assert_cmpuint (integrity_import_job_get_errors (f->job)->len, ==, INTEGRITY_IMPORT_MAX_ERRORS);
  g_assert_cmpstr (f->error->message, ==, "many.csv: 100 errors; nothing was imported");
  g_string_free (content, TRUE);
}

typedef struct
{
  Fixture      *f;
  GCancellable *cancellable;
  guint64       last_done;
  guint64       total;
  guint         n_progress;
  gboolean      finished;
  gboolean      ok;
} AsyncRun;

static void
on_progress (IntegrityImportJob *job,
             guint64             done,
             guint64             total,
             AsyncRun           *run)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (done, >=, run->last_done);
  run->last_done = done;
  run->total = total;
  run->n_progress++;
  if (run->cancellable != NULL && done < total)
    g_cancellable_cancel (run->cancellable);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncRun *run = data;

  run->ok = integrity_import_job_run_finish (INTEGRITY_IMPORT_JOB (source), result, &run->f->error);
  run->finished = TRUE;
}

static gboolean
run_finished (gpointer data)
{
  return ((AsyncRun *) data)->finished;
}

static void
run_async (Fixture    *f,
           const char *content,
           AsyncRun   *run)
{
  g_autofree char *path = write_file (f, "async.csv", content, -1);

  run->f = f;
  f->job = integrity_import_job_new (f->store, f->importer, path);
  g_signal_connect (f->job, "progress", G_CALLBACK (on_progress), run);
  integrity_import_job_run_async (f->job, run->cancellable, on_finished, run);
  g_assert_true (itest_wait_until (run_finished, run, 60000));
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *content = large_file (50000, NULL);
  AsyncRun run = { 0 };

  run_async (f, content, &run);
  g_assert_no_error (f->error);
  g_assert_true (run.ok);
  itest_spin (50);
  g_assert_cmpuint (run.n_progress, >, 1);
  g_assert_cmpuint (run.total, ==, strlen (content));
  g_assert_cmpuint (run.last_done, ==, run.total);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 50000);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *content = large_file (300000, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncRun run = { 0 };

  run.cancellable = cancellable;
  run_async (f, content, &run);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (run.ok);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM test_addin_record"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM district"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM import_log"), ==, 0);
}

static void
test_guess (Fixture       *f,
            gconstpointer  data)
{
  GListModel *importers = integrity_context_get_importers (integrity_session_get_context (f->session));
  g_autoptr(IntegrityImporter) guessed = NULL;
  g_autoptr(IntegrityImporter) nothing = NULL;

  guessed = integrity_importer_guess (importers, (const char *const[]) { "Reference", "Month", "Recorded date", NULL });
  g_assert_true (guessed == f->importer);
  nothing = integrity_importer_guess (importers, (const char *const[]) { "colour", "size", NULL });
  g_assert_null (nothing);
}

static void
test_rename_district (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 north, south;

  g_assert_true (integrity_store_begin (f->store, &error));
  north = integrity_store_ensure_district (f->store, "North", &error);
  south = integrity_store_ensure_district (f->store, "South", &error);
  g_assert_true (integrity_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (integrity_store_rename_district (f->store, north, "North  Gate", &error));
  g_assert_no_error (error);
  name = query_text (f, "SELECT name FROM district WHERE key = 'north gate'");
  g_assert_cmpstr (name, ==, "North Gate");
  g_assert_false (integrity_store_rename_district (f->store, south, "north gate", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_real_sample (void)
{
  g_autofree char *path = itest_shared_data_path ("police-uk/2016-01-city-of-london-street.csv");
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GError) error = NULL;
  char **header;

  if (path == NULL)
    {
      g_test_skip ("The police.uk sample files (../shared/data) are not beside this clone");
      return;
    }
  head = integrity_csv_read_head (path, 1000000, &error);
  g_assert_no_error (error);
  header = g_ptr_array_index (head, 0);
  g_assert_cmpstr (header[0], ==, "Crime ID");
  g_assert_cmpuint (g_strv_length (header), ==, 12);
  for (guint i = 1; i < head->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (head, i)), ==, 12);
  g_assert_cmpuint (head->len, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/rfc4180", test_rfc4180);
  ADD ("/import/invalid-values", test_invalid_values);
  ADD ("/import/typed-values", test_typed_values);
  ADD ("/import/non-utf8", test_non_utf8);
  ADD ("/import/columns", test_columns);
  ADD ("/import/row-warnings", test_row_warnings);
  ADD ("/import/empty", test_empty);
  ADD ("/import/long-field", test_long_field);
  ADD ("/import/duplicates", test_duplicates);
  ADD ("/import/reimport", test_reimport);
  ADD ("/import/fail-at-end", test_fail_at_end);
  ADD ("/import/many-errors", test_many_errors);
  ADD ("/import/progress", test_progress);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/guess", test_guess);
  ADD ("/import/rename-district", test_rename_district);
#undef ADD
  g_test_add_func ("/import/real-sample", test_real_sample);
  return g_test_run ();
}
