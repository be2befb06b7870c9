/* test-table.c — the shared table exporter: CSV and XLSX. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-test-util.h"

static const IntegrityTableColumn columns[] = {
  { "officer_ref", INTEGRITY_TABLE_TEXT },
  { "deadline", INTEGRITY_TABLE_DATE },
  { "days_overdue", INTEGRITY_TABLE_INTEGER },
  { "rate", INTEGRITY_TABLE_NUMBER },
};

static gboolean
write_rows (const char *path,
            GError    **error)
{
  g_autoptr(IntegrityTableWriter) writer = integrity_table_writer_new (path, "Outstanding", columns,
                                                                      G_N_ELEMENTS (columns), error);

  if (writer == NULL)
    return FALSE;
  return integrity_table_writer_add_row (writer, (const char *[]) { "1001", "2021-01-31", "12", "0.777", NULL }, error)
         && integrity_table_writer_add_row (writer, (const char *[]) { "P \"7\", west", "", "-3", "n/a", NULL }, error)
         && integrity_table_writer_finish (writer, error);
}

static void
test_csv (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (integrity_table_format_for_path (path), ==, INTEGRITY_TABLE_FORMAT_CSV);
  g_assert_true (write_rows (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "officer_ref,deadline,days_overdue,rate\r\n"
                   "1001,2021-01-31,12,0.777\r\n"
                   "\"P \"\"7\"\", west\",,-3,n/a\r\n");
  itest_remove_tree (dir);
}

/* The worksheet's XML, read through Python's zipfile (python3 is a test dependency). */
static char *
sheet_xml (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
    path, NULL,
  };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.XLSX", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *workbook = NULL;

  g_assert_cmpint (integrity_table_format_for_path (path), ==, INTEGRITY_TABLE_FORMAT_XLSX);
  g_assert_true (write_rows (path, &error));
  g_assert_no_error (error);
  xml = sheet_xml (path);
  /* Headers are text; the number and the integer are numbers; the date is
   * Excel's serial day 44227 (31 January 2021) with a date format. */
  g_assert_nonnull (strstr (xml, "officer_ref"));
  g_assert_nonnull (strstr (xml, "<c r=\"C2\"><v>12</v></c>"));
  g_assert_nonnull (strstr (xml, "<c r=\"D2\"><v>0.777</v></c>"));
  g_assert_nonnull (strstr (xml, "<v>44227</v>"));
  g_assert_nonnull (strstr (xml, "<c r=\"C3\"><v>-3</v></c>"));
  /* Text that is not a number stays text; a blank cell stays blank. */
  g_assert_nonnull (strstr (xml, "n/a"));
  g_assert_null (strstr (xml, "r=\"B3\""));
  g_assert_nonnull (strstr (xml, "<pane ySplit=\"1\""));
  itest_remove_tree (dir);
}

static void
test_unfinished_leaves_nothing (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  IntegrityTableWriter *writer = integrity_table_writer_new (path, NULL, columns, G_N_ELEMENTS (columns), &error);

  g_assert_no_error (error);
  g_assert_true (integrity_table_writer_add_row (writer, (const char *[]) { "1", NULL }, &error));
  integrity_table_writer_free (writer);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  itest_remove_tree (dir);
}

/* A chart's "Show as table" numbers: months as dates, values and interval
 * bounds as numbers, CSV through the same exporter. */
static void
test_chart_table (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "rate.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "rate.csv", NULL);
  g_autoptr(IntegrityChart) chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  double x[] = { integrity_month_new (2021, 1), integrity_month_new (2021, 2) };
  double y[] = { 0.75, 0.8 }, lo[] = { 0.7, 0.76 }, hi[] = { 0.8, 0.84 };
  guint series;

  integrity_chart_set_title (chart, "Recording rate by month");
  series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, "All crime", x, y, 2);
  integrity_chart_set_series_interval (chart, series, lo, hi, 2);

  g_assert_true (integrity_chart_export_table (chart, xlsx, &error));
  g_assert_no_error (error);
  xml = sheet_xml (xlsx);
  g_assert_nonnull (strstr (xml, "<v>44197</v>"));  /* 1 January 2021 */
  g_assert_nonnull (strstr (xml, "<c r=\"B2\"><v>0.75</v></c>"));
  g_assert_nonnull (strstr (xml, "<c r=\"D3\"><v>0.84</v></c>"));

  g_assert_true (integrity_chart_export_table (chart, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Month,All crime,\"All crime, lower 95% bound\",\"All crime, upper 95% bound\"\r\n"
                                         "2021-01-01,0.75,0.7,0.8\r\n"));
  itest_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/csv", test_csv);
  g_test_add_func ("/table/xlsx-types-and-dates", test_xlsx);
  g_test_add_func ("/table/unfinished-leaves-nothing", test_unfinished_leaves_nothing);
  g_test_add_func ("/table/chart-table", test_chart_table);
  return g_test_run ();
}
