/* training-query.c — everything the page and the overview read, for one filter. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "training-query.h"

TrainingDay
training_today (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return g_date_get_julian (&today);
}

static TrainingDay
last_day_of (IntegrityMonth month)
{
  GDate date;

  integrity_month_first_day (month + 1, &date);
  return g_date_get_julian (&date) - 1;
}

/* The period's last month sets the day the figures are as at: its last
 * day, or today while the month is still running. */
TrainingDay
training_as_at_for_filter (const IntegrityFilter *filter,
                           TrainingDay            today)
{
  return MIN (last_day_of (filter->to), today);
}

static void
cohort_progress_free (TrainingCohortProgress *progress)
{
  training_cohort_free (progress->cohort);
  g_clear_pointer (&progress->groups, g_array_unref);
  g_free (progress);
}

static void
district_progress_free (TrainingDistrictProgress *district)
{
  g_free (district->name);
  g_free (district);
}

void
training_page_data_free (TrainingPageData *data)
{
  if (data == NULL)
    return;
  integrity_filter_free (data->filter);
  g_clear_pointer (&data->cohorts, g_ptr_array_unref);
  g_clear_pointer (&data->districts, g_ptr_array_unref);
  g_clear_pointer (&data->heat_rows, g_ptr_array_unref);
  g_clear_pointer (&data->heat_modules, g_ptr_array_unref);
  g_clear_pointer (&data->heat_values, g_array_unref);
  g_clear_pointer (&data->heat_sizes, g_array_unref);
  g_free (data);
}

static gboolean
read_cohort (sqlite3                 *db,
             TrainingPageData        *data,
             gint64                   district,
             TrainingCohortProgress  *progress,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TrainingDay before = MIN (last_day_of (data->filter->from - 1), data->as_at);
  guint n;
  int rc;

  /* Already grouped in training_curve_rollup, or in index order (training_member_district). */
  rc = sqlite3_prepare_v2 (db, district < 0
                           ? "SELECT complete_on, left_on, members FROM training_curve_rollup"
                             " WHERE cohort = ?1"
                           : "SELECT complete_on, left_on, count(*) FROM training_member"
                             " WHERE cohort = ?1 AND district_id = ?2 GROUP BY complete_on, left_on",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, progress->cohort->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, district);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrainingGroup group = {
        .complete_on = (TrainingDay) sqlite3_column_int64 (stmt, 0),
        .left_on = (TrainingDay) sqlite3_column_int64 (stmt, 1),
        .n = (guint) sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (progress->groups, group);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the training progress"));

  n = progress->groups->len;
  training_count_at ((TrainingGroup *) (gpointer) progress->groups->data, n, data->as_at, &progress->now);
  training_count_at ((TrainingGroup *) (gpointer) progress->groups->data, n, before, &progress->before);
  progress->pace = training_pace ((TrainingGroup *) (gpointer) progress->groups->data, n, data->as_at);
  progress->has_finish = training_projected_finish (training_count_outstanding (&progress->now), progress->pace,
                                                    data->as_at, &progress->finish);
  progress->status = training_status_for (&progress->now, progress->cohort->start, progress->cohort->deadline,
                                          data->as_at, progress->has_finish, progress->finish);
  return TRUE;
}

static int
compare_districts (gconstpointer a,
                   gconstpointer b)
{
  const TrainingDistrictProgress *x = *(TrainingDistrictProgress * const *) a;
  const TrainingDistrictProgress *y = *(TrainingDistrictProgress * const *) b;
  double fx = training_count_fraction (&x->count), fy = training_count_fraction (&y->count);

  fx = isnan (fx) ? 2.0 : fx;
  fy = isnan (fy) ? 2.0 : fy;
  if (fx != fy)
    return fx < fy ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* Every district, for comparison, whatever the filter's district. */
static gboolean
read_districts (sqlite3           *db,
                TrainingPageData  *data,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Each district's running totals on its last day of change up to the
   * day (training-data.c, PROGRESS_FILL): a row per district. CROSS JOIN
   * keeps the districts outermost, so the progress rows are sought, never
   * scanned. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT d.name, c.members - p.left_by, p.done_by - p.done_and_left_by"
                           " FROM training_league_cell c"
                           " CROSS JOIN training_league_progress p ON p.district_id = c.district_id AND p.day ="
                           "  (SELECT max (x.day) FROM training_league_progress x"
                           "   WHERE x.district_id = c.district_id AND x.day <= ?1)"
                           " JOIN district d ON d.id = c.district_id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, data->as_at);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrainingDistrictProgress *district = g_new0 (TrainingDistrictProgress, 1);

      district->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      district->count.in_scope = (guint) sqlite3_column_int64 (stmt, 1);
      district->count.complete = (guint) sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (data->districts, district);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the training progress by district"));
  g_ptr_array_sort (data->districts, compare_districts);
  return TRUE;
}

static guint
index_of (GPtrArray  *names,
          const char *name)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
    return index;
  g_ptr_array_add (names, g_strdup (name));
  return names->len - 1;
}

/* ?1 the "as at" day (Julian), ?2 the same as YYYY-MM-DD, ?3 the district or -1. */
static int
prepare_as_at (sqlite3          *db,
               const char       *sql,
               TrainingPageData *data,
               gint64            district,
               sqlite3_stmt    **stmt)
{
  g_autofree char *as_at = training_day_to_iso (data->as_at);
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int64 (*stmt, 1, data->as_at);
  sqlite3_bind_text (*stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (*stmt, 3, district);
  return SQLITE_OK;
}

#define HEAT_SQL(district) \
  "SELECT d.name, c.module, c.officers - p.left_by, p.done_by - p.done_and_left_by" \
  " FROM training_module_cell c" \
  " CROSS JOIN training_module_progress p ON p.district_id = c.district_id AND p.module = c.module" \
  "  AND p.day = (SELECT max (x.day) FROM training_module_progress x" \
  "   WHERE x.district_id = c.district_id AND x.module = c.module AND x.day <= ?1)" \
  " JOIN district d ON d.id = c.district_id" \
  " WHERE c.officers > p.left_by" district \
  " ORDER BY d.name, c.module"

/* District × module: of the officers in scope who must do the module, the share who have. */
static gboolean
read_heat (sqlite3           *db,
           TrainingPageData  *data,
           gint64             district,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  int rc;

  /* Each cell's running totals on its last day of change up to the day
   * (training-data.c, PROGRESS_FILL). CROSS JOIN keeps the cells outermost,
   * so the progress rows are sought, never scanned. A cell nobody in scope
   * must do stays blank. */
  rc = prepare_as_at (db, district < 0 ? HEAT_SQL (" ") : HEAT_SQL (" AND c.district_id = ?3"), data, district, &stmt);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double cell[4];

      cell[0] = index_of (data->heat_rows, (const char *) sqlite3_column_text (stmt, 0));
      cell[1] = index_of (data->heat_modules, (const char *) sqlite3_column_text (stmt, 1));
      cell[2] = sqlite3_column_double (stmt, 3) / sqlite3_column_double (stmt, 2);
      cell[3] = sqlite3_column_double (stmt, 2);
      g_array_append_val (cells, cell);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the training progress by module"));

  g_array_set_size (data->heat_values, data->heat_rows->len * data->heat_modules->len);
  g_array_set_size (data->heat_sizes, data->heat_values->len);
  for (guint i = 0; i < data->heat_values->len; i++)
    g_array_index (data->heat_values, double, i) = NAN;
  for (guint i = 0; i < cells->len; i++)
    {
      const double *cell = &g_array_index (cells, double, i * 4);
      guint at = (guint) cell[0] * data->heat_modules->len + (guint) cell[1];

      g_array_index (data->heat_values, double, at) = cell[2];
      g_array_index (data->heat_sizes, double, at) = cell[3];
    }
  return TRUE;
}

/**
 * training_query_page:
 * @today: the day the figures may not go beyond (Julian)
 *
 * Reads every figure of the page for @filter. Runs on a worker thread.
 */
TrainingPageData *
training_query_page (sqlite3                *db,
                     const IntegrityFilter  *filter,
                     TrainingDay             today,
                     TrainingQueryFlags      flags,
                     GError                **error)
{
  g_autoptr(TrainingPageData) data = g_new0 (TrainingPageData, 1);
  g_autoptr(GPtrArray) cohorts = NULL;
  gint64 district;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  data->filter = integrity_filter_copy (filter);
  data->as_at = training_as_at_for_filter (filter, today);
  data->cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_progress_free);
  data->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) district_progress_free);
  data->heat_rows = g_ptr_array_new_with_free_func (g_free);
  data->heat_modules = g_ptr_array_new_with_free_func (g_free);
  data->heat_values = g_array_new (FALSE, TRUE, sizeof (double));
  data->heat_sizes = g_array_new (FALSE, TRUE, sizeof (double));

  cohorts = training_read_cohorts (db, error);
  if (cohorts == NULL)
    return NULL;
  district = training_lookup_district (db, filter->district);
  for (guint i = 0; i < cohorts->len; i++)
    {
      TrainingCohortProgress *progress = g_new0 (TrainingCohortProgress, 1);

      progress->cohort = training_cohort_copy (g_ptr_array_index (cohorts, i));
      progress->groups = g_array_new (FALSE, FALSE, sizeof (TrainingGroup));
      g_ptr_array_add (data->cohorts, progress);
      if (!read_cohort (db, data, district, progress, error))
        return NULL;
    }
  if (!(flags & TRAINING_QUERY_COHORTS_ONLY)
      && (!read_districts (db, data, error) || !read_heat (db, data, district, error)))
    return NULL;
  return g_steal_pointer (&data);
}
