/* test-calendar.c — bank holidays, working days and Victims' Code deadlines. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <integrity.h>
#include <unistd.h>

static GDate
ymd (int year,
     int month,
     int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

#define assert_date(date, y, m, d) G_STMT_START {                          \
    g_assert_true (g_date_valid (date));                                   \
    g_assert_cmpint (g_date_get_year (date), ==, (y));                     \
    g_assert_cmpint (g_date_get_month (date), ==, (m));                    \
    g_assert_cmpint (g_date_get_day (date), ==, (d));                      \
  } G_STMT_END

/* As gov.uk/bank-holidays publishes them for England and Wales. */
static const struct { int year; int n; int days[12][2]; } published[] = {
  { 2011, 9, { { 1, 3 }, { 4, 22 }, { 4, 25 }, { 4, 29 }, { 5, 2 }, { 5, 30 }, { 8, 29 },
               { 12, 26 }, { 12, 27 } } },
  { 2012, 9, { { 1, 2 }, { 4, 6 }, { 4, 9 }, { 5, 7 }, { 6, 4 }, { 6, 5 }, { 8, 27 },
               { 12, 25 }, { 12, 26 } } },
  { 2019, 8, { { 1, 1 }, { 4, 19 }, { 4, 22 }, { 5, 6 }, { 5, 27 }, { 8, 26 },
               { 12, 25 }, { 12, 26 } } },
  /* Early May moved to Friday 8 May (VE Day 75); Boxing Day on a Saturday. */
  { 2020, 8, { { 1, 1 }, { 4, 10 }, { 4, 13 }, { 5, 8 }, { 5, 25 }, { 8, 31 },
               { 12, 25 }, { 12, 28 } } },
  /* Christmas on a Saturday: Monday 27 and Tuesday 28. */
  { 2021, 8, { { 1, 1 }, { 4, 2 }, { 4, 5 }, { 5, 3 }, { 5, 31 }, { 8, 30 },
               { 12, 27 }, { 12, 28 } } },
  /* New Year on a Saturday; spring moved to 2 June and the Platinum Jubilee;
   * the State Funeral; Christmas on a Sunday: Monday 26 and Tuesday 27. */
  { 2022, 10, { { 1, 3 }, { 4, 15 }, { 4, 18 }, { 5, 2 }, { 6, 2 }, { 6, 3 }, { 8, 29 },
                { 9, 19 }, { 12, 26 }, { 12, 27 } } },
  /* New Year on a Sunday; the Coronation. */
  { 2023, 9, { { 1, 2 }, { 4, 7 }, { 4, 10 }, { 5, 1 }, { 5, 8 }, { 5, 29 }, { 8, 28 },
               { 12, 25 }, { 12, 26 } } },
  { 2024, 8, { { 1, 1 }, { 3, 29 }, { 4, 1 }, { 5, 6 }, { 5, 27 }, { 8, 26 },
               { 12, 25 }, { 12, 26 } } },
  { 2025, 8, { { 1, 1 }, { 4, 18 }, { 4, 21 }, { 5, 5 }, { 5, 26 }, { 8, 25 },
               { 12, 25 }, { 12, 26 } } },
  { 2026, 8, { { 1, 1 }, { 4, 3 }, { 4, 6 }, { 5, 4 }, { 5, 25 }, { 8, 31 },
               { 12, 25 }, { 12, 28 } } },
};

static void
test_published_bank_holidays (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      GDate listed[16];
      guint n = integrity_calendar_list_bank_holidays (published[i].year, listed,
                                                       G_N_ELEMENTS (listed));

      g_test_message ("%d", published[i].year);
      g_assert_cmpuint (n, ==, published[i].n);
      for (int k = 0; k < published[i].n; k++)
        {
          GDate day = ymd (published[i].year, published[i].days[k][0], published[i].days[k][1]);

          assert_date (&listed[k], published[i].year, published[i].days[k][0],
                       published[i].days[k][1]);
          g_assert_true (integrity_calendar_is_bank_holiday (&day));
          g_assert_false (integrity_calendar_is_working_day (&day));
        }
    }
}

static void
test_not_bank_holidays (void)
{
  struct { int y, m, d; gboolean working; } cases[] = {
    { 2020, 5, 4, TRUE },     /* the early May bank holiday that moved */
    { 2022, 5, 30, TRUE },    /* the spring bank holiday that moved */
    { 2021, 12, 25, FALSE },  /* Christmas Day on a Saturday: the holiday is the 27th */
    { 2022, 12, 25, FALSE },  /* Christmas Day on a Sunday */
    { 2022, 1, 1, FALSE },    /* New Year's Day on a Saturday */
    { 2021, 12, 24, TRUE },
    { 2021, 12, 29, TRUE },
    { 2021, 4, 1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day = ymd (cases[i].y, cases[i].m, cases[i].d);

      g_assert_false (integrity_calendar_is_bank_holiday (&day));
      g_assert_cmpint (integrity_calendar_is_working_day (&day), ==, cases[i].working);
    }
}

static void
test_one_off_days (void)
{
  struct { int y, m, d; } days[] = {
    { 1995, 5, 8 }, { 1999, 12, 31 }, { 2000, 1, 3 }, { 2002, 6, 3 }, { 2002, 6, 4 },
    { 2011, 4, 29 }, { 2012, 6, 4 }, { 2012, 6, 5 }, { 2020, 5, 8 }, { 2022, 6, 2 },
    { 2022, 6, 3 }, { 2022, 9, 19 }, { 2023, 5, 8 },
  };
  GDate moved_1995 = ymd (1995, 5, 1), moved_2002 = ymd (2002, 5, 27);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate day = ymd (days[i].y, days[i].m, days[i].d);
      g_assert_true (integrity_calendar_is_bank_holiday (&day));
    }
  g_assert_false (integrity_calendar_is_bank_holiday (&moved_1995));
  g_assert_false (integrity_calendar_is_bank_holiday (&moved_2002));

  /* Far outside the years kept in the cache, the rules still apply. */
  g_assert_cmpuint (integrity_calendar_list_bank_holidays (2250, NULL, 0), ==, 8);
}

static void
test_add_working_days (void)
{
  struct { int y, m, d; guint n; int ey, em, ed; } cases[] = {
    /* Over Christmas 2021: Friday 24, then the substitute days 27 and 28. */
    { 2021, 12, 23, 2, 2021, 12, 29 },
    { 2021, 12, 24, 1, 2021, 12, 29 },
    { 2021, 12, 23, 5, 2022, 1, 4 },   /* 24, 29, 30, 31, then Tuesday 4 after the New Year substitute */
    { 2021, 12, 30, 2, 2022, 1, 4 },
    /* Over Easter 2021: Good Friday 2 April and Easter Monday 5 April. */
    { 2021, 4, 1, 2, 2021, 4, 7 },
    { 2021, 4, 1, 1, 2021, 4, 6 },
    /* A weekend start counts from the next working day. */
    { 2023, 6, 3, 1, 2023, 6, 5 },
    { 2023, 6, 2, 1, 2023, 6, 5 },
    /* The Platinum Jubilee. */
    { 2022, 6, 1, 1, 2022, 6, 6 },
    /* n = 0 is the start itself, working day or not. */
    { 2021, 12, 25, 0, 2021, 12, 25 },
    { 2021, 12, 23, 0, 2021, 12, 23 },
    /* A whole year of working days. */
    { 2020, 12, 31, 253, 2021, 12, 31 },
    { 2020, 12, 31, 254, 2022, 1, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = ymd (cases[i].y, cases[i].m, cases[i].d);
      GDate result;

      integrity_calendar_add_working_days (&start, cases[i].n, &result);
      assert_date (&result, cases[i].ey, cases[i].em, cases[i].ed);
      g_assert_cmpint (integrity_calendar_working_days_between (&start, &result), ==, cases[i].n);

      /* In place. */
      integrity_calendar_add_working_days (&start, cases[i].n, &start);
      assert_date (&start, cases[i].ey, cases[i].em, cases[i].ed);
    }
}

static void
test_working_days_between (void)
{
  GDate fri = ymd (2021, 12, 24), mon = ymd (2021, 12, 27), wed = ymd (2021, 12, 29);
  GDate thu = ymd (2021, 12, 23), sat = ymd (2021, 12, 25);
  GDate new_year = ymd (2020, 12, 31), year_end = ymd (2021, 12, 31);
  GDate first = ymd (2018, 11, 3);
  int naive = 0;

  g_assert_cmpint (integrity_calendar_working_days_between (&thu, &wed), ==, 2);
  g_assert_cmpint (integrity_calendar_working_days_between (&wed, &thu), ==, -2);
  g_assert_cmpint (integrity_calendar_working_days_between (&fri, &mon), ==, 0);
  g_assert_cmpint (integrity_calendar_working_days_between (&fri, &wed), ==, 1);
  g_assert_cmpint (integrity_calendar_working_days_between (&fri, &fri), ==, 0);
  g_assert_cmpint (integrity_calendar_working_days_between (&thu, &sat), ==, 1);
  g_assert_cmpint (integrity_calendar_working_days_between (&new_year, &year_end), ==, 253);

  /* Against counting day by day, across several years and every start. */
  for (GDate day = first; g_date_get_year (&day) < 2025; g_date_add_days (&day, 1))
    {
      GDate next;

      g_assert_cmpint (integrity_calendar_working_days_between (&first, &day), ==, naive);
      g_assert_cmpint (integrity_calendar_working_days_between (&day, &first), ==, -naive);
      if (g_date_get_day (&day) % 7 == 0)
        {
          integrity_calendar_add_working_days (&first, (guint) naive + 1, &next);
          g_assert_true (integrity_calendar_is_working_day (&next));
          g_assert_cmpint (integrity_calendar_working_days_between (&first, &next), ==, naive + 1);
        }

      g_date_add_days (&day, 1);
      if (integrity_calendar_is_working_day (&day))
        naive++;
      g_date_subtract_days (&day, 1);
    }
}

static void
test_deadline_status (void)
{
  GDate recorded = ymd (2021, 12, 23), deadline, on_time = ymd (2021, 12, 29);
  GDate late = ymd (2022, 1, 4), today_before = ymd (2021, 12, 24);
  GDate today_after = ymd (2022, 1, 5), day_after = ymd (2021, 12, 30);
  GDate unset;
  int days = 99;

  g_date_clear (&unset, 1);
  integrity_victims_code_referral_deadline (&recorded, &deadline);
  assert_date (&deadline, 2021, 12, 29);

  g_assert_cmpint (integrity_deadline_get_status (&deadline, &on_time, &today_after, &days),
                   ==, INTEGRITY_DEADLINE_MET);
  g_assert_cmpint (days, ==, 0);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, &today_before, &today_after, &days),
                   ==, INTEGRITY_DEADLINE_MET);
  g_assert_cmpint (days, ==, -1);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, &late, &today_after, &days),
                   ==, INTEGRITY_DEADLINE_MISSED);
  g_assert_cmpint (days, ==, 3);   /* 30, 31 December and 4 January */

  g_assert_cmpint (integrity_deadline_get_status (&deadline, NULL, &today_before, &days),
                   ==, INTEGRITY_DEADLINE_DUE);
  g_assert_cmpint (days, ==, -1);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, &unset, &on_time, &days),
                   ==, INTEGRITY_DEADLINE_DUE);
  g_assert_cmpint (days, ==, 0);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, NULL, &day_after, &days),
                   ==, INTEGRITY_DEADLINE_OVERDUE);
  g_assert_cmpint (days, ==, 1);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, &unset, &today_after, NULL),
                   ==, INTEGRITY_DEADLINE_OVERDUE);
  g_assert_cmpint (integrity_deadline_get_status (&deadline, NULL, &today_after, &days),
                   ==, INTEGRITY_DEADLINE_OVERDUE);
  g_assert_cmpint (days, ==, 4);
}

static void
test_victims_code (void)
{
  GDate decided = ymd (2021, 12, 24), deadline;
  GDate recorded = ymd (2021, 4, 1);

  g_assert_cmpuint (integrity_victims_code_days_to_inform (FALSE, FALSE), ==, 5);
  g_assert_cmpuint (integrity_victims_code_days_to_inform (TRUE, FALSE), ==, 1);
  g_assert_cmpuint (integrity_victims_code_days_to_inform (FALSE, TRUE), ==, 1);
  g_assert_cmpuint (integrity_victims_code_days_to_inform (TRUE, TRUE), ==, 1);

  integrity_victims_code_inform_deadline (&decided, FALSE, FALSE, &deadline);
  assert_date (&deadline, 2022, 1, 5);
  integrity_victims_code_inform_deadline (&decided, FALSE, TRUE, &deadline);
  assert_date (&deadline, 2021, 12, 29);
  integrity_victims_code_inform_deadline (&decided, TRUE, FALSE, &deadline);
  assert_date (&deadline, 2021, 12, 29);

  integrity_victims_code_referral_deadline (&recorded, &deadline);
  assert_date (&deadline, 2021, 4, 7);
}

static void
test_load_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate extra = ymd (2031, 6, 2), before = ymd (2031, 5, 30), removed = ymd (2031, 5, 26);
  GDate result;
  int fd;

  /* A bad file changes nothing, and says which lines are wrong. */
  g_assert_false (integrity_calendar_load_changes_from_data ("# ok\n2031-06-02 add\n"
                                                             "2031-02-30 add\n"
                                                             "2031-06-03 moved Jubilee\n",
                                                             -1, "force.txt", &error));
  g_assert_error (error, INTEGRITY_CALENDAR_ERROR, INTEGRITY_CALENDAR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "force.txt:3: “2031-02-30” is not a date (YYYY-MM-DD)\n"
                   "force.txt:4: expected “add” or “remove” after the date");
  g_clear_error (&error);
  g_assert_false (integrity_calendar_is_bank_holiday (&extra));

  fd = g_file_open_tmp ("integrity-calendar-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, "2031-06-02\tadd\tA force's extra day\r\n"
                                      "2031-05-26 remove\n", -1, &error));
  g_assert_no_error (error);

  /* Cached years are worked out again once the changes are loaded. */
  integrity_calendar_add_working_days (&before, 1, &result);
  assert_date (&result, 2031, 6, 2);
  g_assert_true (integrity_calendar_load_changes (path, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_calendar_is_bank_holiday (&extra));
  g_assert_false (integrity_calendar_is_bank_holiday (&removed));
  integrity_calendar_add_working_days (&before, 1, &result);
  assert_date (&result, 2031, 6, 3);

  integrity_calendar_forget_loaded_changes ();
  g_assert_false (integrity_calendar_is_bank_holiday (&extra));
  g_assert_true (integrity_calendar_is_bank_holiday (&removed));
  g_assert_cmpuint (integrity_calendar_list_bank_holidays (2022, NULL, 0), ==, 10);

  g_assert_false (integrity_calendar_load_changes ("/nonexistent/changes.txt", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_unlink (path);
}

static gpointer
count_years (gpointer data)
{
  GDate from = ymd (1980, 1, 1), to = ymd (2120, 12, 31);
  return GINT_TO_POINTER (integrity_calendar_working_days_between (&from, &to));
}

static void
test_threads (void)
{
  GThread *threads[8];
  int expected;

  integrity_calendar_forget_loaded_changes ();   /* start with an empty cache */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("calendar", count_years, NULL);
  expected = GPOINTER_TO_INT (count_years (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (threads[i])), ==, expected);
  g_assert_cmpint (expected, >, 141 * 250);
  g_assert_cmpint (expected, <, 141 * 255);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/published", test_published_bank_holidays);
  g_test_add_func ("/calendar/not-bank-holidays", test_not_bank_holidays);
  g_test_add_func ("/calendar/one-off-days", test_one_off_days);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/working-days-between", test_working_days_between);
  g_test_add_func ("/calendar/deadline-status", test_deadline_status);
  g_test_add_func ("/calendar/victims-code", test_victims_code);
  g_test_add_func ("/calendar/load-changes", test_load_changes);
  g_test_add_func ("/calendar/threads", test_threads);

  return g_test_run ();
}
