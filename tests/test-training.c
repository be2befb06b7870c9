/* test-training.c — training cohorts, progress, projection and imports, worked by hand. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>
#include <string.h>

#include "integrity-test-util.h"
#include "training-briefing.h"
#include "training-charts.h"
#include "training-data.h"
#include "training-demo.h"
#include "training-figures.h"
#include "training-importers.h"
#include "training-outstanding-item.h"
#include "training-outstanding-model.h"
#include "training-outstanding-query.h"
#include "training-query.h"

/* The training tables in a store of their own, with two districts. */
typedef struct
{
  ItestStore base;
  gint64     north;
  gint64     south;
} Fixture;

static TrainingDay
day (const char *iso)
{
  TrainingDay d = training_day_from_iso (iso);

  g_assert_cmpuint (d, !=, TRAINING_NO_DAY);
  return d;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  itest_store_set_up (&f->base, TRAINING_ID, training_migrations, training_create_importers);
  f->north = integrity_store_ensure_district (f->base.store, "North", &error);
  f->south = integrity_store_ensure_district (f->base.store, "South", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  itest_store_tear_down (&f->base, data);
}

static sqlite3 *
db_of (Fixture *f)
{
  return integrity_store_get_connection (f->base.store);
}

static void
add_officer (Fixture    *f,
             const char *ref,
             const char *rank,
             gint64      district,
             gboolean    frontline,
             gboolean    active,
             const char *left_date)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), "INSERT INTO training_officer VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rank, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, district);
  sqlite3_bind_int (stmt, 4, frontline);
  sqlite3_bind_int (stmt, 5, active);
  sqlite3_bind_text (stmt, 6, left_date, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
add_completion (Fixture    *f,
                const char *ref,
                const char *module,
                const char *date)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), "INSERT INTO training_completion VALUES (?1, ?2, ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, module, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
add_cohort (Fixture    *f,
            const char *name,
            const char *rank,
            int         frontline,
            const char *start,
            const char *deadline)
{
  g_autoptr(TrainingCohort) cohort = training_cohort_new (name);
  g_autoptr(GError) error = NULL;
  const char *modules[] = { "investigation", "recording-compliance", "victim-care", NULL };

  g_strfreev (cohort->modules);
  cohort->modules = g_strdupv ((char **) modules);
  cohort->rank = g_strdup (rank);
  cohort->frontline = frontline;
  cohort->start = day (start);
  cohort->deadline = day (deadline);
  g_assert_true (training_save_cohort (db_of (f), NULL, cohort, &error));
  g_assert_no_error (error);
}

static void
refresh (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (training_refresh_members (db_of (f), NULL, &error));
  g_assert_no_error (error);
}

static TrainingPageData *
page_at (Fixture    *f,
         int         year,
         int         month,
         const char *district)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (year, month),
                                                            integrity_month_new (year, month), district);
  g_autoptr(GError) error = NULL;
  TrainingPageData *data = training_query_page (db_of (f), filter, training_today (), TRAINING_QUERY_FIGURES, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static const TrainingCohortProgress *
cohort_of (const TrainingPageData *data,
           const char             *name)
{
  for (guint i = 0; i < data->cohorts->len; i++)
    {
      const TrainingCohortProgress *progress = g_ptr_array_index (data->cohorts, i);
      if (g_str_equal (progress->cohort->name, name))
        return progress;
    }
  g_assert_not_reached ();
}

/* Who the list shows for @data's district and day, with @search, in @sort's order. */
static GPtrArray *
outstanding_of (Fixture                 *f,
                const TrainingPageData  *data,
                const char              *search,
                TrainingOutstandingSort  sort,
                gboolean                 descending,
                guint                   *n_all)
{
  g_autoptr(TrainingOutstandingQuery) query = training_outstanding_query_new (data->filter->district, data->as_at);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  guint all = 0, matching = 0;

  query->search = g_strdup (search);
  query->sort = sort;
  query->descending = descending;
  g_assert_true (training_outstanding_count (db_of (f), query, &all, &matching, &error));
  g_assert_no_error (error);
  rows = training_outstanding_fetch (db_of (f), query, 0, 1000, &error);
  g_assert_no_error (error);
  /* The count and the rows agree, whatever the search. */
  g_assert_cmpuint (rows->len, ==, matching);
  if (n_all != NULL)
    *n_all = all;
  return rows;
}

static const char *
ref_at (GPtrArray *rows,
        guint      i)
{
  return ((TrainingOutstanding *) g_ptr_array_index (rows, i))->officer_ref;
}

/* ---- pure figures ---------------------------------------------------------- */

static void
test_cohort_membership (void)
{
  /* Sergeants: any frontline. */
  g_assert_true (training_cohort_includes ("sergeant", TRAINING_ANY, "sergeant", TRUE));
  g_assert_true (training_cohort_includes ("sergeant", TRAINING_ANY, "sergeant", FALSE));
  g_assert_false (training_cohort_includes ("sergeant", TRAINING_ANY, "constable", TRUE));
  /* Frontline officers: any rank, frontline only. */
  g_assert_true (training_cohort_includes (NULL, 1, "constable", TRUE));
  g_assert_true (training_cohort_includes ("", 1, "sergeant", TRUE));
  g_assert_false (training_cohort_includes (NULL, 1, "inspector", FALSE));
  /* Office-based staff: not frontline. */
  g_assert_true (training_cohort_includes (NULL, 0, "inspector", FALSE));
  g_assert_false (training_cohort_includes (NULL, 0, "constable", TRUE));
}

static void
test_two_of_three_is_not_complete (void)
{
  const char *required[] = { "investigation", "recording-compliance", "victim-care", NULL };
  const char *done[] = { "victim-care", "investigation", "recording-compliance", "first-aid" };
  TrainingDay days[] = { day ("2021-01-20"), day ("2020-12-01"), day ("2021-01-05"), day ("2021-03-01") };

  g_assert_cmpuint (training_completion_day (required, done, days, 2), ==, TRAINING_NO_DAY);
  /* All three: complete on the day of the last; other modules do not count. */
  g_assert_cmpuint (training_completion_day (required, done, days, 4), ==, day ("2021-01-20"));
  g_assert_cmpuint (training_completion_day (required, done, days, 0), ==, TRAINING_NO_DAY);
}

static void
test_leavers_leave_denominators (void)
{
  TrainingGroup groups[] = {
    { day ("2021-01-10"), TRAINING_NO_DAY, 6 },          /* complete, serving */
    { TRAINING_NO_DAY, TRAINING_NO_DAY, 2 },             /* outstanding, serving */
    { day ("2021-01-05"), day ("2021-02-01"), 1 },       /* complete, then left */
    { TRAINING_NO_DAY, day ("2021-01-15"), 1 },          /* left without finishing */
    { day ("2021-01-02"), training_left_day (FALSE, TRAINING_NO_DAY), 3 },  /* inactive, no date */
  };
  TrainingCount count;

  training_count_at (groups, G_N_ELEMENTS (groups), day ("2021-01-14"), &count);
  g_assert_cmpuint (count.in_scope, ==, 10);
  g_assert_cmpuint (count.complete, ==, 7);
  /* From the leaving day, neither side counts them. */
  training_count_at (groups, G_N_ELEMENTS (groups), day ("2021-01-15"), &count);
  g_assert_cmpuint (count.in_scope, ==, 9);
  g_assert_cmpuint (count.complete, ==, 7);
  training_count_at (groups, G_N_ELEMENTS (groups), day ("2021-02-01"), &count);
  g_assert_cmpuint (count.in_scope, ==, 8);
  g_assert_cmpuint (count.complete, ==, 6);
  g_assert_cmpuint (training_count_outstanding (&count), ==, 2);
  g_assert_cmpfloat_with_epsilon (training_count_fraction (&count), 0.75, 1e-12);
}

static void
test_target_trajectory (void)
{
  TrainingDay start = day ("2020-11-01"), deadline = day ("2021-01-30");

  g_assert_cmpfloat (training_target_at (start, deadline, start - 5), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (training_target_at (start, deadline, start + 45), 0.5, 1e-12);
  g_assert_cmpfloat (training_target_at (start, deadline, deadline), ==, 1.0);
  g_assert_cmpfloat (training_target_at (start, deadline, deadline + 9), ==, 1.0);
}

/* 100 officers: 40 done before the last 28 days, 2 a day within them (56),
 * 4 outstanding → 2 days more at 2 a day. */
static void
test_projection_by_hand (void)
{
  TrainingDay as_at = day ("2021-01-10");
  TrainingGroup groups[30];
  TrainingDay finish = 0;
  TrainingCount count;
  double pace;
  guint n = 0;

  groups[n++] = (TrainingGroup) { as_at - 40, TRAINING_NO_DAY, 40 };
  for (TrainingDay d = as_at - 27; d <= as_at; d++)
    groups[n++] = (TrainingGroup) { d, TRAINING_NO_DAY, 2 };
  groups[n++] = (TrainingGroup) { TRAINING_NO_DAY, TRAINING_NO_DAY, 4 };
  g_assert_cmpuint (n, ==, 30);

  training_count_at (groups, n, as_at, &count);
  g_assert_cmpuint (count.complete, ==, 96);
  pace = training_pace (groups, n, as_at);
  g_assert_cmpfloat_with_epsilon (pace, 2.0, 1e-12);
  g_assert_true (training_projected_finish (training_count_outstanding (&count), pace, as_at, &finish));
  g_assert_cmpuint (finish, ==, as_at + 2);
  /* 5 outstanding at 2 a day: the third day. */
  g_assert_true (training_projected_finish (5, pace, as_at, &finish));
  g_assert_cmpuint (finish, ==, as_at + 3);

  /* Nobody in the last 28 days: no pace, no date. */
  g_assert_cmpfloat (training_pace (groups, 1, as_at), ==, 0.0);
  g_assert_false (training_projected_finish (4, 0.0, as_at, &finish));
  /* Nothing outstanding: finished already. */
  g_assert_true (training_projected_finish (0, 0.0, as_at, &finish));
  g_assert_cmpuint (finish, ==, as_at);
}

static void
test_status_around_the_deadline (void)
{
  TrainingDay start = day ("2020-11-02"), deadline = day ("2021-01-31");
  TrainingCount some = { 100, 90 }, all = { 100, 100 }, nobody = { 0, 0 };

  /* Before the deadline: on track when the projection is in time. */
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline - 10, TRUE, deadline - 1), ==,
                   TRAINING_STATUS_ON_TRACK);
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline - 10, TRUE, deadline), ==,
                   TRAINING_STATUS_ON_TRACK);
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline - 10, TRUE, deadline + 1), ==,
                   TRAINING_STATUS_AT_RISK);
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline - 10, FALSE, 0), ==,
                   TRAINING_STATUS_AT_RISK);
  g_assert_cmpint (training_status_for (&some, start, deadline, start - 1, FALSE, 0), ==,
                   TRAINING_STATUS_NOT_STARTED);
  /* On the deadline day it is not yet late. */
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline, TRUE, deadline + 5), ==,
                   TRAINING_STATUS_AT_RISK);
  /* After it: late, whatever the pace; done is done. */
  g_assert_cmpint (training_status_for (&some, start, deadline, deadline + 1, TRUE, deadline + 3), ==,
                   TRAINING_STATUS_LATE);
  g_assert_cmpint (training_status_for (&all, start, deadline, deadline + 1, TRUE, deadline), ==,
                   TRAINING_STATUS_DONE);
  g_assert_cmpint (training_status_for (&all, start, deadline, deadline - 3, TRUE, deadline), ==,
                   TRAINING_STATUS_DONE);
  g_assert_cmpint (training_status_for (&nobody, start, deadline, deadline, FALSE, 0), ==, TRAINING_STATUS_NONE);
  g_assert_cmpstr (training_status_to_label (TRAINING_STATUS_AT_RISK), ==, "At risk");
}

/* ---- the store --------------------------------------------------------------- */

/* Two cohorts, six officers, worked by hand:
 *  N1 sergeant, frontline, North: all three by 20 Jan   → Sergeants and Frontline, complete
 *  N2 sergeant, office, North: two of three              → Sergeants only, outstanding
 *  N3 constable, frontline, North: all three by 10 Mar   → Frontline, complete in March
 *  S1 constable, frontline, South: all three by 5 Jan, left 1 Feb → out from February
 *  S2 constable, frontline, South: none                  → Frontline, outstanding
 *  S3 inspector, office, South: none                     → in no cohort */
static void
build_force (Fixture *f)
{
  const char *modules[] = { "investigation", "recording-compliance", "victim-care" };

  add_cohort (f, "Sergeants", "sergeant", TRAINING_ANY, "2020-11-02", "2021-01-31");
  add_cohort (f, "Frontline officers", NULL, 1, "2020-11-02", "2021-03-31");
  add_officer (f, "N1", "sergeant", f->north, TRUE, TRUE, NULL);
  add_officer (f, "N2", "sergeant", f->north, FALSE, TRUE, NULL);
  add_officer (f, "N3", "constable", f->north, TRUE, TRUE, NULL);
  add_officer (f, "S1", "constable", f->south, TRUE, FALSE, "2021-02-01");
  add_officer (f, "S2", "constable", f->south, TRUE, TRUE, NULL);
  add_officer (f, "S3", "inspector", f->south, FALSE, TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    {
      add_completion (f, "N1", modules[i], i == 2 ? "2021-01-20" : "2020-12-01");
      add_completion (f, "N3", modules[i], i == 0 ? "2021-03-10" : "2021-02-01");
      add_completion (f, "S1", modules[i], "2021-01-05");
      if (i < 2)
        add_completion (f, "N2", modules[i], "2020-12-15");
    }
  refresh (f);
}

static void
test_page_figures_by_hand (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TrainingPageData) january = NULL;
  g_autoptr(TrainingPageData) march = NULL;
  g_autoptr(TrainingPageData) south = NULL;
  g_autoptr(GPtrArray) outstanding = NULL;
  g_autoptr(GPtrArray) south_outstanding = NULL;
  const TrainingCohortProgress *sergeants, *frontline;
  const TrainingOutstanding *row;

  build_force (f);
  january = page_at (f, 2021, 1, NULL);
  g_assert_cmpuint (january->as_at, ==, day ("2021-01-31"));
  /* Soonest deadline first. */
  sergeants = g_ptr_array_index (january->cohorts, 0);
  g_assert_cmpstr (sergeants->cohort->name, ==, "Sergeants");
  g_assert_cmpuint (sergeants->now.in_scope, ==, 2);
  g_assert_cmpuint (sergeants->now.complete, ==, 1);
  /* N1 finished on 20 Jan, within 28 days: 1/28 a day; N2 will take 28 more days. */
  g_assert_cmpfloat_with_epsilon (sergeants->pace, 1.0 / 28, 1e-12);
  g_assert_true (sergeants->has_finish);
  g_assert_cmpuint (sergeants->finish, ==, day ("2021-01-31") + 28);
  g_assert_cmpint (sergeants->status, ==, TRAINING_STATUS_AT_RISK);

  /* Frontline at 31 Jan: N1, N3, S1, S2 in scope; N1 and S1 complete. */
  frontline = cohort_of (january, "Frontline officers");
  g_assert_cmpuint (frontline->now.in_scope, ==, 4);
  g_assert_cmpuint (frontline->now.complete, ==, 2);

  /* At 31 March: S1 has left (out of both sides), N3 is through. */
  march = page_at (f, 2021, 3, NULL);
  frontline = cohort_of (march, "Frontline officers");
  g_assert_cmpuint (frontline->now.in_scope, ==, 3);
  g_assert_cmpuint (frontline->now.complete, ==, 2);
  g_assert_cmpint (cohort_of (march, "Sergeants")->status, ==, TRAINING_STATUS_LATE);

  /* Who is outstanding in March: N2 (sergeant, victim-care) and S2 (all three). */
  outstanding = outstanding_of (f, march, NULL, TRAINING_OUTSTANDING_SORT_DEADLINE, FALSE, NULL);
  g_assert_cmpuint (outstanding->len, ==, 2);
  row = g_ptr_array_index (outstanding, 0);
  g_assert_cmpstr (row->officer_ref, ==, "N2");
  g_assert_cmpstr (row->cohort, ==, "Sergeants");
  g_assert_cmpstr (row->missing, ==, "victim-care");
  row = g_ptr_array_index (outstanding, 1);
  g_assert_cmpstr (row->officer_ref, ==, "S2");
  g_assert_cmpstr (row->missing, ==, "investigation, recording-compliance, victim-care");

  /* Districts, lowest first: South 0 of 1, North 4 of 5 memberships. */
  g_assert_cmpuint (march->districts->len, ==, 2);
  g_assert_cmpstr (((TrainingDistrictProgress *) g_ptr_array_index (march->districts, 0))->name, ==, "South");
  g_assert_cmpuint (((TrainingDistrictProgress *) g_ptr_array_index (march->districts, 1))->count.in_scope, ==, 4);
  g_assert_cmpuint (((TrainingDistrictProgress *) g_ptr_array_index (march->districts, 1))->count.complete, ==, 3);

  /* Heat map: North × victim-care: N1 and N3 done, N2 not → 2 of 3. */
  g_assert_cmpuint (march->heat_rows->len, ==, 2);
  g_assert_cmpuint (march->heat_modules->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (march->heat_rows, 0), ==, "North");
  g_assert_cmpstr (g_ptr_array_index (march->heat_modules, 2), ==, "victim-care");
  g_assert_cmpfloat_with_epsilon (g_array_index (march->heat_values, double, 2), 2.0 / 3.0, 1e-12);

  /* The district filter: South only. */
  south = page_at (f, 2021, 3, "south");
  g_assert_cmpuint (cohort_of (south, "Frontline officers")->now.in_scope, ==, 1);
  g_assert_cmpuint (cohort_of (south, "Sergeants")->now.in_scope, ==, 0);
  g_assert_cmpint (cohort_of (south, "Sergeants")->status, ==, TRAINING_STATUS_NONE);
  south_outstanding = outstanding_of (f, south, NULL, TRAINING_OUTSTANDING_SORT_DEADLINE, FALSE, NULL);
  g_assert_cmpuint (south_outstanding->len, ==, 1);
  g_assert_cmpstr (ref_at (south_outstanding, 0), ==, "S2");
}

/* The list's search matches what each column shows, the rank by its label;
 * its count says how many of everyone outstanding it matches. */
static void
test_outstanding_search (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { const char *search; const char *refs; } cases[] = {
    { NULL, "N2 S2" },
    { "", "N2 S2" },
    { "n2", "N2" },               /* reference, in any case */
    { "Constable", "S2" },        /* rank, as shown */
    { "SOUTH", "S2" },            /* district */
    { "sergeants", "N2" },        /* cohort */
    { "victim", "N2 S2" },        /* a module missing */
    { "recording", "S2" },        /* N2 has done recording-compliance */
    { "50%", "" },                /* LIKE's wildcards are text */
    { "nobody", "" },
  };
  g_autoptr(TrainingPageData) march = NULL;

  build_force (f);
  march = page_at (f, 2021, 3, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GString) refs = g_string_new (NULL);
      guint n_all = 0;

      rows = outstanding_of (f, march, cases[i].search, TRAINING_OUTSTANDING_SORT_DEADLINE, FALSE, &n_all);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (refs, "%s%s", r > 0 ? " " : "", ref_at (rows, r));
      g_test_message ("search '%s': %s", cases[i].search, refs->str);
      g_assert_cmpstr (refs->str, ==, cases[i].refs);
      g_assert_cmpuint (n_all, ==, 2);
    }
}

/* Each column sorts both ways, in SQL; ties keep the deadline order; pages do not overlap. */
static void
test_outstanding_sort_and_pages (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(TrainingPageData) january = NULL;
  g_autoptr(TrainingOutstandingQuery) query = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  build_force (f);
  /* 31 Jan: N2 (Sergeants), N3 and S2 (Frontline officers, N3 not done until 10 Mar). */
  january = page_at (f, 2021, 1, NULL);
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_DEADLINE, FALSE, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (ref_at (rows, 0), ==, "N2");
  g_assert_cmpstr (ref_at (rows, 1), ==, "N3");
  g_assert_cmpstr (ref_at (rows, 2), ==, "S2");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_DEADLINE, TRUE, NULL);
  g_assert_cmpstr (ref_at (rows, 0), ==, "N3");  /* latest deadline first, then by reference */
  g_assert_cmpstr (ref_at (rows, 2), ==, "N2");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_REFERENCE, TRUE, NULL);
  g_assert_cmpstr (ref_at (rows, 0), ==, "S2");
  g_assert_cmpstr (ref_at (rows, 2), ==, "N2");
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* Ranks by label: Constable before Sergeant. */
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_RANK, FALSE, NULL);
  g_assert_cmpstr (ref_at (rows, 0), ==, "N3");
  g_assert_cmpstr (ref_at (rows, 1), ==, "S2");
  g_assert_cmpstr (ref_at (rows, 2), ==, "N2");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_DISTRICT, TRUE, NULL);
  g_assert_cmpstr (ref_at (rows, 0), ==, "S2");
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* N3 and S2 miss all three ("investigation, …"), N2 only victim-care. */
  rows = outstanding_of (f, january, NULL, TRAINING_OUTSTANDING_SORT_MISSING, FALSE, NULL);
  g_assert_cmpstr (ref_at (rows, 0), ==, "N3");
  g_assert_cmpstr (ref_at (rows, 1), ==, "S2");
  g_assert_cmpstr (ref_at (rows, 2), ==, "N2");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A page from the middle. */
  query = training_outstanding_query_new (NULL, january->as_at);
  rows = training_outstanding_fetch (db_of (f), query, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (ref_at (rows, 0), ==, "N3");
}

/* Export writes every row the list matches, not only those it has read. */
static void
test_outstanding_export (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TrainingPageData) march = NULL;
  g_autoptr(TrainingOutstandingQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->base.dir, "outstanding.csv", NULL);
  g_autofree char *csv = NULL;

  build_force (f);
  march = page_at (f, 2021, 3, NULL);
  query = training_outstanding_query_new (NULL, march->as_at);
  g_assert_true (training_outstanding_write (db_of (f), query, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_cmpstr (csv, ==,
                   "officer_ref,rank,district,cohort,modules_missing,deadline,days_to_deadline\r\n"
                   "N2,Sergeant,North,Sergeants,victim-care,2021-01-31,-59\r\n"
                   "S2,Constable,South,Frontline officers,\"investigation, recording-compliance, victim-care\","
                   "2021-03-31,0\r\n");

  /* With a search, the rows it matches. */
  g_clear_pointer (&csv, g_free);
  query->search = g_strdup ("south");
  g_assert_true (training_outstanding_write (db_of (f), query, path, NULL, &error));
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_null (strstr (csv, "N2,"));
  g_assert_nonnull (strstr (csv, "S2,"));
}

static gboolean
model_counted (gpointer data)
{
  return !training_outstanding_model_is_counting (data);
}

static gboolean
item_loaded (gpointer data)
{
  return training_outstanding_item_is_loaded (data);
}

/* The list's model counts on a worker and reads a row's page when asked for it. */
static void
test_outstanding_model (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TrainingPageData) march = NULL;
  g_autoptr(TrainingOutstandingModel) model = training_outstanding_model_new (f->base.store);
  g_autoptr(TrainingOutstandingQuery) query = NULL;
  g_autoptr(TrainingOutstandingItem) item = NULL;

  build_force (f);
  march = page_at (f, 2021, 3, NULL);
  query = training_outstanding_query_new (NULL, march->as_at);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  training_outstanding_model_set_query (model, query);
  g_assert_true (training_outstanding_model_is_counting (model));
  g_assert_true (itest_wait_until (model_counted, model, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (training_outstanding_model_get_n_all (model), ==, 2);

  item = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (itest_wait_until (item_loaded, item, 10000));
  g_assert_cmpstr (training_outstanding_item_get_text (item, "officer-ref"), ==, "S2");
  g_assert_cmpstr (training_outstanding_item_get_text (item, "district"), ==, "South");
  g_clear_object (&item);

  /* A search narrows the rows; everyone is still counted. */
  query->search = g_strdup ("north");
  training_outstanding_model_set_query (model, query);
  g_assert_true (itest_wait_until (model_counted, model, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (training_outstanding_model_get_n_all (model), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (itest_wait_until (item_loaded, item, 10000));
  g_assert_cmpstr (training_outstanding_item_get_text (item, "officer-ref"), ==, "N2");
}

static void
test_kpis_and_range (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 1),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  IntegrityMonth first, last;
  IntegrityKpi *kpi;

  g_assert_false (training_data_range (db_of (f), &first, &last));
  build_force (f);
  training_collect_kpis (db_of (f), filter, kpis);
  g_assert_cmpuint (kpis->len, ==, 3);
  kpi = g_ptr_array_index (kpis, 0);
  g_assert_cmpstr (kpi->id, ==, "complete-sergeants");
  g_assert_cmpfloat_with_epsilon (kpi->value, 0.5, 1e-12);
  g_assert_cmpint (kpi->status, ==, INTEGRITY_KPI_STATUS_BAD);
  g_assert_cmpstr (((IntegrityKpi *) g_ptr_array_index (kpis, 1))->id, ==, "complete-frontline-officers");
  kpi = g_ptr_array_index (kpis, 2);
  g_assert_cmpstr (kpi->id, ==, "outstanding");
  g_assert_cmpfloat (kpi->value, ==, 2);

  g_assert_true (training_data_range (db_of (f), &first, &last));
  g_assert_cmpint (first, ==, integrity_month_new (2020, 11));
  g_assert_cmpint (last, ==, integrity_month_new (2021, 3));
}

/* The dashboard's queries read the rollup through its indexes. */
static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  struct { const char *sql; const char *expect; } plans[] = {
    { "EXPLAIN QUERY PLAN SELECT complete_on, left_on, count(*) FROM training_member"
      " WHERE cohort = 'x' GROUP BY complete_on, left_on", "COVERING INDEX training_member_curve" },
    { "EXPLAIN QUERY PLAN SELECT complete_on, left_on, count(*) FROM training_member"
      " WHERE cohort = 'x' AND district_id = 1 GROUP BY complete_on, left_on", "COVERING INDEX training_member_district" },
    { "EXPLAIN QUERY PLAN SELECT district_id, sum(left_on = 0) FROM training_member GROUP BY district_id",
      "COVERING INDEX training_member_league" },
    { "EXPLAIN QUERY PLAN SELECT max(completed_date) FROM training_completion", "training_completion_date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GString) plan = g_string_new (NULL);

      g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), plans[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s; ", sqlite3_column_text (stmt, 3));
      g_test_message ("%s", plan->str);
      g_assert_nonnull (strstr (plan->str, plans[i].expect));
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
    }
}

static void
test_edit_cohort (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(TrainingCohort) renamed = NULL;
  g_autoptr(TrainingPageData) page = NULL;
  g_autoptr(GError) error = NULL;

  build_force (f);
  cohorts = training_read_cohorts (db_of (f), &error);
  renamed = training_cohort_copy (g_ptr_array_index (cohorts, 0));
  g_free (renamed->name);
  renamed->name = g_strdup ("Custody sergeants");
  g_strfreev (renamed->modules);
  renamed->modules = g_strdupv ((char *[]) { "investigation", NULL });
  g_assert_true (training_save_cohort (db_of (f), "Sergeants", renamed, &error));
  g_assert_no_error (error);

  /* N2 has investigation: now through. */
  page = page_at (f, 2021, 1, NULL);
  g_assert_cmpuint (page->cohorts->len, ==, 2);
  g_assert_cmpuint (cohort_of (page, "Custody sergeants")->now.complete, ==, 2);
  g_assert_true (training_delete_cohort (db_of (f), "Custody sergeants", &error));
  g_clear_pointer (&page, training_page_data_free);
  page = page_at (f, 2021, 1, NULL);
  g_assert_cmpuint (page->cohorts->len, ==, 1);
}

static void
count_changes (IntegrityStore *store,
               const char     *component,
               guint          *n_changes)
{
  (*n_changes)++;
}

static gboolean
cohort_named (GPtrArray  *cohorts,
              const char *name)
{
  for (guint i = 0; i < cohorts->len; i++)
    if (g_str_equal (((TrainingCohort *) g_ptr_array_index (cohorts, i))->name, name))
      return TRUE;
  return FALSE;
}

/* What the Edit Cohort dialog's Save and Remove do: all or nothing, in a
 * transaction of its own, and the store's listeners told only of a change. */
static void
test_store_cohort_all_or_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(TrainingCohort) renamed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  build_force (f);
  g_signal_connect (f->base.store, "changed", G_CALLBACK (count_changes), &n_changes);
  cohorts = training_read_cohorts (db_of (f), &error);
  renamed = training_cohort_copy (g_ptr_array_index (cohorts, 0));
  g_free (renamed->name);
  renamed->name = g_strdup ("Custody sergeants");
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* A save the store refuses midway (the old cohort already deleted)
   * leaves every cohort as it was, no transaction open, and says why. */
  g_assert_cmpint (sqlite3_exec (db_of (f), "CREATE TEMP TRIGGER refuse BEFORE INSERT ON training_cohort"
                                            " BEGIN SELECT RAISE(ABORT, 'the disk said no'); END", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (training_store_cohort (f->base.store, "Sergeants", renamed, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the disk said no"));
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (db_of (f)));
  cohorts = training_read_cohorts (db_of (f), &error);
  g_assert_true (cohort_named (cohorts, "Sergeants"));
  g_assert_false (cohort_named (cohorts, "Custody sergeants"));
  g_clear_pointer (&cohorts, g_ptr_array_unref);
  itest_spin (20);
  g_assert_cmpuint (n_changes, ==, 0);

  /* Once it is allowed, the rename goes through, and is announced. */
  g_assert_cmpint (sqlite3_exec (db_of (f), "DROP TRIGGER temp.refuse", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (training_store_cohort (f->base.store, "Sergeants", renamed, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db_of (f)));
  cohorts = training_read_cohorts (db_of (f), &error);
  g_assert_true (cohort_named (cohorts, "Custody sergeants"));
  g_assert_false (cohort_named (cohorts, "Sergeants"));
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* Remove. */
  g_assert_true (training_store_cohort (f->base.store, "Custody sergeants", NULL, &error));
  g_assert_no_error (error);
  cohorts = training_read_cohorts (db_of (f), &error);
  g_assert_false (cohort_named (cohorts, "Custody sergeants"));
  itest_spin (20);
  g_assert_cmpuint (n_changes, >=, 1);
  g_signal_handlers_disconnect_by_func (f->base.store, count_changes, &n_changes);
}

static void
test_burn_up_chart (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TrainingPageData) page = NULL;
  g_autoptr(IntegrityChart) chart = NULL;

  build_force (f);
  page = page_at (f, 2021, 1, NULL);
  chart = training_burn_up_chart (cohort_of (page, "Sergeants"), page->as_at, 0);
  g_assert_cmpuint (integrity_chart_get_n_series (chart), ==, 3);
  g_assert_cmpint (integrity_chart_get_series_kind (chart, 0), ==, INTEGRITY_CHART_SERIES_STEP);
  g_assert_cmpstr (integrity_chart_get_series_name (chart, 1), ==, "Projection at the current pace");
  g_clear_object (&chart);
  chart = training_heat_chart (page, 0);
  g_assert_cmpuint (integrity_chart_get_n_categories (chart), ==, 3);
}

/* Presentation mode: every cohort's burn-up, then districts and modules. */
static void
test_collect_charts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 1),
                                                            integrity_month_new (2021, 1), NULL);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  IntegrityChart *districts;

  training_collect_charts (db_of (f), filter, charts);
  g_assert_cmpuint (charts->len, ==, 0);  /* no cohorts, no slides */

  build_force (f);
  training_collect_charts (db_of (f), filter, charts);
  g_assert_cmpuint (charts->len, ==, 4);
  g_assert_cmpstr (integrity_chart_get_title (g_ptr_array_index (charts, 0)), ==, "Sergeants: through every module");
  g_assert_cmpstr (integrity_chart_get_title (g_ptr_array_index (charts, 1)), ==,
                   "Frontline officers: through every module");
  districts = g_ptr_array_index (charts, 2);
  g_assert_cmpstr (integrity_chart_get_title (districts), ==, "Completion by district");
  g_assert_cmpint (integrity_chart_get_series_kind (districts, 0), ==, INTEGRITY_CHART_SERIES_HBARS);
  g_assert_true (integrity_chart_get_sort_ascending (districts));
  g_assert_cmpstr (integrity_chart_get_title (g_ptr_array_index (charts, 3)), ==, "Modules done, by district");
}

/* The pack's training pages as text (pdftotext), or NULL when poppler-utils is missing. */
static char *
briefing_text (Fixture    *f,
               guint       suppress_below,
               int         from_year,
               int         from_month,
               guint      *n_pages)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (from_year, from_month),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(IntegrityBriefing) briefing = integrity_briefing_new (db_of (f), filter);
  g_autofree char *pdf = g_build_filename (f->base.dir, "briefing.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  const GPtrArray *notes;

  integrity_briefing_set_suppress_below (briefing, suppress_below);
  g_assert_true (training_add_briefing_pages (briefing, &error));
  g_assert_no_error (error);
  *n_pages = integrity_briefing_get_n_pages (briefing);
  notes = integrity_briefing_get_method_notes (briefing);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "last 28 days"));
  g_assert_true (integrity_briefing_write_pdf (briefing, pdf, &error));
  g_assert_no_error (error);
  pages = itest_pdf_pages (pdf);
  /* Pages joined again by the form feed that ends each. */
  return pages != NULL ? g_strjoinv ("\f", pages) : NULL;
}

/* No officer's reference anywhere in the pack: aggregates only. */
static void
assert_no_officer_refs (Fixture    *f,
                        const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) split = g_regex_split_simple ("[^A-Za-z0-9_-]+", text, 0, 0);
  guint n = 0;

  for (guint i = 0; split[i] != NULL; i++)
    g_hash_table_add (words, split[i]);
  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), "SELECT officer_ref FROM training_officer", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *ref = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_contains (words, ref))
        g_error ("officer %s is named in the briefing pack", ref);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_briefing_demo (Fixture       *f,
                    gconstpointer  data)
{
  const char *expected[] = {
    "Training: progress by cohort", "Training: completion by district and module",
    "Figures as at 31 Mar 2021, force-wide.", "Days to deadline", "Late: done by",
    "Completion by district", "Westmoor", "Modules done, by district",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_true (integrity_store_begin (f->base.store, &error));
  g_assert_true (training_generate_demo (f->base.store, rand, 1, &error));
  g_assert_true (integrity_store_commit (f->base.store, &error));
  g_assert_no_error (error);

  text = briefing_text (f, 0, 2020, 10, &n_pages);
  g_assert_cmpuint (n_pages, ==, 2);
  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the training pages lack “%s”", expected[i]);
  assert_no_officer_refs (f, text);
}

/* Suppressed: counts below the threshold read "<10", shares on fewer are withheld. */
static void
test_briefing_suppressed (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint n_pages = 0;

  build_force (f);
  text = briefing_text (f, 10, 2021, 1, &n_pages);
  g_assert_cmpuint (n_pages, ==, 2);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "<10"));
  g_assert_nonnull (strstr (text, "withheld"));
  assert_no_officer_refs (f, text);
}

/* ---- imports ----------------------------------------------------------------- */

/* @contents NULL: the file @name of tests/fixtures/training. */
static IntegrityImportJob *
run_import (Fixture    *f,
            const char *kind,
            const char *name,
            const char *contents,
            gboolean    expect_ok)
{
  g_autofree char *fixture = contents == NULL
    ? g_test_build_filename (G_TEST_DIST, "fixtures", "training", name, NULL) : NULL;

  return itest_store_import (&f->base, kind, fixture != NULL ? fixture : name, contents, expect_ok);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static const char *
error_at (IntegrityImportJob *job,
          guint               index)
{
  return g_ptr_array_index (integrity_import_job_get_errors (job), index);
}

#define OFFICERS "officer_ref,rank,district,frontline,active,left_date\n" \
                 "1001,sergeant,North,Y,Y,\n" \
                 "1002,constable,South,yes,no,15/01/2021\n"

static void
test_import_officers_rules (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) bad = NULL;
  g_autoptr(IntegrityImportJob) good = NULL;

  bad = run_import (f, "officers", "officers.csv",
                    "officer_ref,rank,district,frontline,active\n"
                    "1001,sergeant,North,Y,Y\n"
                    "John Smith,constable,North,Y,Y\n"
                    "1003,sargeant,North,Y,Y\n", FALSE);
  g_assert_cmpuint (integrity_import_job_get_n_errors (bad), ==, 2);
  g_assert_cmpstr (error_at (bad, 0), ==,
                   "officers.csv:3: column 'officer_ref': 'John Smith' has no digits: use the payroll or "
                   "collar number, never a name");
  g_assert_true (g_str_has_prefix (error_at (bad, 1), "officers.csv:4: column 'rank': 'sargeant'"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_officer"), ==, 0);

  good = run_import (f, "officers", "officers.csv", OFFICERS, TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_inserted (good), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_officer WHERE left_date = '2021-01-15'"), ==, 1);
}

static void
test_import_completions_rules (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) officers = run_import (f, "officers", "officers.csv", OFFICERS, TRUE);
  g_autoptr(IntegrityImportJob) bad = NULL;

  bad = run_import (f, "training-completions", "completions.csv",
                    "officer_ref,module,completed_date\n"
                    "1001,investigation,2021-01-10\n"
                    "X999,investigation,2021-01-10\n"
                    "1002,victim-care,2999-01-01\n", FALSE);
  g_assert_cmpuint (integrity_import_job_get_n_errors (bad), ==, 2);
  g_assert_cmpstr (error_at (bad, 0), ==,
                   "completions.csv:3: column 'officer_ref': 'X999' is not a known officer: import the officers file first");
  g_assert_cmpstr (error_at (bad, 1), ==, "completions.csv:4: column 'completed_date': '2999-01-01' is in the future");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_completion"), ==, 0);
}

static void
test_earliest_completion_kept (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) officers = run_import (f, "officers", "officers.csv", OFFICERS, TRUE);
  g_autoptr(IntegrityImportJob) first = NULL;
  g_autoptr(IntegrityImportJob) later = NULL;
  g_autoptr(IntegrityImportJob) earlier = NULL;

  add_cohort (f, "Sergeants", "sergeant", TRAINING_ANY, "2020-11-02", "2021-01-31");
  /* The same module twice in one file: the earlier date stays, whichever comes first. */
  first = run_import (f, "training-completions", "completions.csv",
                      "officer_ref,module,completed_date\n"
                      "1001,investigation,2021-01-10\n"
                      "1001,investigation,2021-01-03\n"
                      "1001,victim-care,2021-01-12\n"
                      "1001,victim-care,2021-01-20\n"
                      "1001,recording-compliance,2021-01-05\n", TRUE);
  /* The summary says which dates gave way, row by row. */
  g_assert_cmpuint (integrity_import_job_get_warnings (first)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (integrity_import_job_get_warnings (first), 0), ==,
                   "completions.csv:3: 1001 'investigation' completed 2021-01-03 and 2021-01-10: the earlier date is kept");
  g_assert_cmpstr (g_ptr_array_index (integrity_import_job_get_warnings (first), 1), ==,
                   "completions.csv:5: 1001 'victim-care' completed 2021-01-12 and 2021-01-20: the earlier date is kept");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_completion WHERE officer_ref = '1001' AND"
                                  " ((module = 'investigation' AND completed_date = '2021-01-03')"
                                  " OR (module = 'victim-care' AND completed_date = '2021-01-12'))"), ==, 2);
  /* The member rollup follows: complete on the last module's earliest date. */
  g_assert_cmpint (count_rows (f, "SELECT complete_on FROM training_member WHERE officer_ref = '1001'"), ==,
                   (int) day ("2021-01-12"));

  /* A later file with a later date changes nothing. */
  later = run_import (f, "training-completions", "later.csv",
                      "officer_ref,module,completed_date\n1001,victim-care,2021-02-01\n", TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_unchanged (later), ==, 1);
  g_assert_cmpuint (integrity_import_job_get_warnings (later)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (integrity_import_job_get_warnings (later), 0), ==,
                   "later.csv:2: 1001 'victim-care' completed 2021-01-12 and 2021-02-01: the earlier date is kept");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_completion WHERE module = 'victim-care'"
                                  " AND completed_date = '2021-01-12'"), ==, 1);
  /* An earlier date replaces it. */
  earlier = run_import (f, "training-completions", "earlier.csv",
                        "officer_ref,module,completed_date\n1001,victim-care,04/01/2021\n", TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_updated (earlier), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT complete_on FROM training_member WHERE officer_ref = '1001'"), ==,
                   (int) day ("2021-01-05"));
}

static void
test_import_requirements_rules (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) officers = run_import (f, "officers", "officers.csv", OFFICERS, TRUE);
  g_autoptr(IntegrityImportJob) bad = NULL;
  g_autoptr(IntegrityImportJob) good = NULL;
  g_autoptr(IntegrityImportJob) again = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  const TrainingCohort *frontline;

  bad = run_import (f, "training-requirements", "requirements.csv",
                    "cohort,rank,frontline,module,start_date,deadline\n"
                    "Sergeants,sergeant,,investigation,2021-02-01,2021-01-01\n"
                    "Sergeants,sergeant,,victim-care,2020-11-02,2021-01-31\n"
                    "Sergeants,sergeant,,recording-compliance,2020-11-02,2021-03-31\n", FALSE);
  g_assert_cmpuint (integrity_import_job_get_n_errors (bad), ==, 2);
  g_assert_cmpstr (error_at (bad, 0), ==, "requirements.csv:2: column 'deadline': 2021-01-01 is before start_date (2021-02-01)");
  g_assert_cmpstr (error_at (bad, 1), ==, "requirements.csv:4: column 'deadline': '2021-03-31' differs from "
                                           "'2021-01-31' on an earlier row of cohort 'Sergeants'");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_cohort"), ==, 0);

  good = run_import (f, "training-requirements", "requirements.csv",
                     "cohort,rank,frontline,module,start_date,deadline\n"
                     "Frontline officers,,Y,investigation,2020-11-02,2021-03-31\n"
                     "Frontline officers,,Y,victim-care,2020-11-02,2021-03-31\n", TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_inserted (good), ==, 2);
  again = run_import (f, "training-requirements", "requirements.csv", "cohort,rank,frontline,module,start_date,deadline\n"
                      "Frontline officers,,Y,investigation,2020-11-02,2021-03-31\n"
                      "Frontline officers,,Y,victim-care,2020-11-02,2021-03-31\n", TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_unchanged (again), ==, 2);
  cohorts = training_read_cohorts (db_of (f), NULL);
  frontline = g_ptr_array_index (cohorts, 0);
  g_assert_null (frontline->rank);
  g_assert_cmpint (frontline->frontline, ==, 1);
  g_assert_cmpuint (g_strv_length (frontline->modules), ==, 2);
  /* Both officers are frontline: both are members (1002 has left). */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_member"), ==, 2);
}

/* The sample files an analyst would import, in order. */
static void
test_import_fixtures (Fixture       *f,
                      gconstpointer  data)
{
  const char *files[][2] = {
    { "officers", "officers.csv" },
    { "training-requirements", "training-requirements.csv" },
    { "training-completions", "training-completions.csv" },
  };
  g_autoptr(TrainingPageData) page = NULL;
  const TrainingCohortProgress *sergeants;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (run_import (f, files[i][0], files[i][1], NULL, TRUE));
  page = page_at (f, 2021, 1, NULL);
  g_assert_cmpuint (page->cohorts->len, ==, 2);
  sergeants = cohort_of (page, "Sergeants");
  g_assert_cmpuint (sergeants->now.in_scope, ==, 3);
  g_assert_cmpuint (sergeants->now.complete, ==, 2);
  g_assert_cmpuint (training_count_outstanding (&sergeants->now), >, 0);
}

/* The district league and the heat map read running totals by day: the same
 * figures as summing the members and the module rollup at each month's end,
 * leavers and late completions included. */
static void
test_comparisons_match_members (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) league = NULL;
  g_autoptr(sqlite3_stmt) heat = NULL;

  g_assert_true (integrity_store_begin (f->base.store, &error));
  g_assert_true (training_generate_demo (f->base.store, rand, 1, &error));
  g_assert_true (integrity_store_commit (f->base.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM training_member WHERE left_on <> 0"), >, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f),
                                       "SELECT sum (left_on = 0 OR left_on > ?1),"
                                       " sum ((left_on = 0 OR left_on > ?1) AND complete_on <> 0 AND complete_on <= ?1)"
                                       " FROM training_member m JOIN district d ON d.id = m.district_id WHERE d.name = ?2",
                                       -1, &league, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f),
                                       "SELECT sum (officers),"
                                       " sum (CASE WHEN done_on <> 0 AND done_on <= ?1 THEN officers ELSE 0 END)"
                                       " FROM training_module_rollup r JOIN district d ON d.id = r.district_id"
                                       " WHERE (left_on = 0 OR left_on > ?1) AND d.name = ?2 AND r.module = ?3",
                                       -1, &heat, NULL), ==, SQLITE_OK);

  for (IntegrityMonth month = integrity_month_new (2020, 10); month <= integrity_month_new (2022, 1); month++)
    for (guint by_district = 0; by_district < 2; by_district++)
      {
        g_autoptr(IntegrityFilter) filter = integrity_filter_new (month, month, by_district ? "Eastfield" : NULL);
        g_autoptr(TrainingPageData) page = training_query_page (db_of (f), filter, training_today (),
                                                                TRAINING_QUERY_FIGURES, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (page->districts->len, >, 1);
        for (guint i = 0; i < page->districts->len; i++)
          {
            const TrainingDistrictProgress *district = g_ptr_array_index (page->districts, i);

            sqlite3_reset (league);
            sqlite3_bind_int64 (league, 1, page->as_at);
            sqlite3_bind_text (league, 2, district->name, -1, SQLITE_TRANSIENT);
            g_assert_cmpint (sqlite3_step (league), ==, SQLITE_ROW);
            g_assert_cmpuint (district->count.in_scope, ==, (guint) sqlite3_column_int64 (league, 0));
            g_assert_cmpuint (district->count.complete, ==, (guint) sqlite3_column_int64 (league, 1));
          }
        g_assert_cmpuint (page->heat_rows->len, ==, by_district ? 1 : page->districts->len);
        for (guint row = 0; row < page->heat_rows->len; row++)
          for (guint column = 0; column < page->heat_modules->len; column++)
            {
              guint at = row * page->heat_modules->len + column;
              double officers, done;

              sqlite3_reset (heat);
              sqlite3_bind_int64 (heat, 1, page->as_at);
              sqlite3_bind_text (heat, 2, g_ptr_array_index (page->heat_rows, row), -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (heat, 3, g_ptr_array_index (page->heat_modules, column), -1, SQLITE_TRANSIENT);
              g_assert_cmpint (sqlite3_step (heat), ==, SQLITE_ROW);
              officers = sqlite3_column_double (heat, 0);
              done = sqlite3_column_double (heat, 1);
              g_assert_cmpfloat (g_array_index (page->heat_sizes, double, at), ==, officers);
              if (officers > 0)
                g_assert_cmpfloat_with_epsilon (g_array_index (page->heat_values, double, at), done / officers, 1e-12);
              else
                g_assert_true (isnan (g_array_index (page->heat_values, double, at)));
            }
      }
}

static void
test_demo_story (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrainingPageData) january = NULL;
  g_autoptr(TrainingPageData) december = NULL;
  const TrainingCohortProgress *sergeants, *frontline;

  g_assert_true (integrity_store_begin (f->base.store, &error));
  g_assert_true (training_generate_demo (f->base.store, rand, 1, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_commit (f->base.store, &error));

  january = page_at (f, 2021, 1, NULL);
  sergeants = cohort_of (january, "Sergeants");
  /* About 1,050 sergeants, less the few who have left. */
  g_assert_cmpuint (sergeants->now.in_scope, >, 1000);
  g_assert_cmpuint (sergeants->now.in_scope, <=, 1050);
  g_assert_cmpfloat (training_count_fraction (&sergeants->now), >, 0.80);
  g_assert_cmpfloat (training_count_fraction (&sergeants->now), <, 0.97);
  frontline = cohort_of (january, "Frontline officers");
  g_assert_cmpuint (frontline->now.in_scope, >, 4800);
  g_assert_cmpint (frontline->status, ==, TRAINING_STATUS_ON_TRACK);
  /* The two lagging districts are at the bottom. */
  for (guint i = 0; i < 2; i++)
    {
      const char *name = ((TrainingDistrictProgress *) g_ptr_array_index (january->districts, i))->name;
      g_assert_true (g_str_equal (name, "Eastfield") || g_str_equal (name, "Westmoor"));
    }

  december = page_at (f, 2021, 12, NULL);
  sergeants = cohort_of (december, "Sergeants");
  g_assert_cmpfloat (training_count_fraction (&sergeants->now), >, 0.97);
  /* Everyone outstanding is in the list, and in its export. */
  {
    g_autoptr(TrainingOutstandingQuery) query = training_outstanding_query_new (NULL, december->as_at);
    g_autofree char *path = g_build_filename (f->base.dir, "outstanding.csv", NULL);
    g_autofree char *csv = NULL;
    g_auto(GStrv) lines = NULL;
    guint n_all = 0, n_matching = 0, expected = 0;

    for (guint i = 0; i < december->cohorts->len; i++)
      expected += training_count_outstanding (&((TrainingCohortProgress *) g_ptr_array_index (december->cohorts, i))->now);
    g_assert_true (training_outstanding_count (db_of (f), query, &n_all, &n_matching, &error));
    g_assert_cmpuint (n_all, >, 0);
    g_assert_cmpuint (n_all, ==, expected);
    g_assert_true (training_outstanding_write (db_of (f), query, path, NULL, &error));
    g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
    g_assert_no_error (error);
    lines = g_strsplit (csv, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, n_all + 2);  /* the header, and nothing after the last */
  }
}

static void
test_outstanding_csv (void)
{
  TrainingOutstanding rows[] = {
    { "1001", "sergeant", "North", "Sergeants", "investigation, victim-care", 0 },
    { "1002", "constable", "South \"B\"", "Frontline officers", "victim-care", 0 },
  };
  g_autoptr(GListStore) store = g_list_store_new (TRAINING_TYPE_OUTSTANDING_ITEM);
  g_autofree char *csv = NULL;
  g_autofree char *late = training_outstanding_days_label (-10);

  rows[0].deadline = rows[1].deadline = day ("2021-01-31");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(TrainingOutstandingItem) item = training_outstanding_item_new (&rows[i], day ("2021-02-10"));
      g_list_store_append (store, item);
    }
  csv = training_outstanding_to_csv (G_LIST_MODEL (store));
  g_assert_cmpstr (csv, ==,
                   "officer_ref,rank,district,cohort,modules_missing,deadline,days_to_deadline\r\n"
                   "1001,Sergeant,North,Sergeants,\"investigation, victim-care\",2021-01-31,-10\r\n"
                   "1002,Constable,\"South \"\"B\"\"\",Frontline officers,victim-care,2021-01-31,-10\r\n");
  g_assert_cmpstr (late, ==, "10 days late");
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/training/cohort-membership", test_cohort_membership);
  g_test_add_func ("/training/two-of-three-is-not-complete", test_two_of_three_is_not_complete);
  g_test_add_func ("/training/leavers-leave-denominators", test_leavers_leave_denominators);
  g_test_add_func ("/training/target-trajectory", test_target_trajectory);
  g_test_add_func ("/training/projection-by-hand", test_projection_by_hand);
  g_test_add_func ("/training/status-around-the-deadline", test_status_around_the_deadline);
  g_test_add_func ("/training/outstanding-csv", test_outstanding_csv);
#define ADD(name, func) g_test_add ("/training/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page-figures-by-hand", test_page_figures_by_hand);
  ADD ("outstanding-search", test_outstanding_search);
  ADD ("outstanding-sort-and-pages", test_outstanding_sort_and_pages);
  ADD ("outstanding-export", test_outstanding_export);
  ADD ("outstanding-model", test_outstanding_model);
  ADD ("kpis-and-range", test_kpis_and_range);
  ADD ("query-plans", test_query_plans);
  ADD ("edit-cohort", test_edit_cohort);
  ADD ("store-cohort-all-or-nothing", test_store_cohort_all_or_nothing);
  ADD ("burn-up-chart", test_burn_up_chart);
  ADD ("collect-charts", test_collect_charts);
  ADD ("briefing-demo", test_briefing_demo);
  ADD ("briefing-suppressed", test_briefing_suppressed);
  ADD ("import-officers-rules", test_import_officers_rules);
  ADD ("import-completions-rules", test_import_completions_rules);
  ADD ("earliest-completion-kept", test_earliest_completion_kept);
  ADD ("import-requirements-rules", test_import_requirements_rules);
  ADD ("import-fixtures-end-to-end", test_import_fixtures);
  ADD ("demo-story", test_demo_story);
  ADD ("comparisons-match-members", test_comparisons_match_members);
#undef ADD

  return g_test_run ();
}
