/* test-month.c — months, filters and figures as people read them. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

static void
test_parse (void)
{
  IntegrityMonth m;
  g_autofree char *text = NULL;

  g_assert_true (integrity_month_parse ("2021-03", &m));
  g_assert_cmpint (integrity_month_get_year (m), ==, 2021);
  g_assert_cmpint (integrity_month_get_month (m), ==, 3);
  text = integrity_month_to_string (m + 10);
  g_assert_cmpstr (text, ==, "2022-01");
  g_assert_cmpint (integrity_month_get_days (integrity_month_new (2020, 2)), ==, 29);

  g_assert_false (integrity_month_parse ("2021-13", &m));
  g_assert_false (integrity_month_parse ("2021-00", &m));
  g_assert_false (integrity_month_parse ("2021-3", &m));
  g_assert_false (integrity_month_parse ("21-03-01", &m));
  g_assert_false (integrity_month_parse ("", &m));
  g_assert_false (integrity_month_parse (NULL, &m));
}

static void
test_previous_period (void)
{
  g_autoptr(IntegrityFilter) year = integrity_filter_new (integrity_month_new (2020, 4),
                                                          integrity_month_new (2021, 3), "Bolton");
  g_autoptr(IntegrityFilter) before = integrity_filter_previous_period (year);
  g_autofree char *described = integrity_filter_describe (year);

  g_assert_cmpint (integrity_filter_get_n_months (year), ==, 12);
  g_assert_cmpint (before->from, ==, integrity_month_new (2019, 4));
  g_assert_cmpint (before->to, ==, integrity_month_new (2020, 3));
  g_assert_cmpstr (before->district, ==, "Bolton");
  g_assert_cmpstr (described, ==, "Apr 2020 – Mar 2021, Bolton");
}

static void
test_format (void)
{
  struct { double value; IntegrityFormat format; const char *expected; } cases[] = {
    { 80100, INTEGRITY_FORMAT_COUNT, "80,100" },
    { 279100, INTEGRITY_FORMAT_COUNT, "279,100" },
    { 1000003, INTEGRITY_FORMAT_COUNT, "1,000,003" },
    { 999, INTEGRITY_FORMAT_COUNT, "999" },
    { -1234, INTEGRITY_FORMAT_COUNT, "-1,234" },
    { 0.777, INTEGRITY_FORMAT_PERCENT, "77.7%" },
    { 1, INTEGRITY_FORMAT_PERCENT, "100.0%" },
    { 3.5, INTEGRITY_FORMAT_DAYS, "3.5 days" },
    { NAN, INTEGRITY_FORMAT_PERCENT, "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = integrity_format_value (cases[i].value, cases[i].format);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_delta_and_status (void)
{
  g_autofree char *up = integrity_format_delta (0.012, INTEGRITY_FORMAT_PERCENT);
  g_autofree char *down = integrity_format_delta (-340, INTEGRITY_FORMAT_COUNT);

  g_assert_cmpstr (up, ==, "+1.2 pts");
  g_assert_cmpstr (down, ==, "−340");

  g_assert_cmpint (integrity_kpi_status_for_target (0.91, 0.90, 0.05, TRUE), ==, INTEGRITY_KPI_STATUS_GOOD);
  g_assert_cmpint (integrity_kpi_status_for_target (0.87, 0.90, 0.05, TRUE), ==, INTEGRITY_KPI_STATUS_WARNING);
  g_assert_cmpint (integrity_kpi_status_for_target (0.777, 0.90, 0.05, TRUE), ==, INTEGRITY_KPI_STATUS_BAD);
  g_assert_cmpint (integrity_kpi_status_for_target (3, 2, 1, FALSE), ==, INTEGRITY_KPI_STATUS_WARNING);
  g_assert_cmpint (integrity_kpi_status_for_target (NAN, 0.9, 0.05, TRUE), ==, INTEGRITY_KPI_STATUS_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/month/parse", test_parse);
  g_test_add_func ("/filter/previous-period", test_previous_period);
  g_test_add_func ("/format/values", test_format);
  g_test_add_func ("/format/delta-and-status", test_delta_and_status);
  return g_test_run ();
}
