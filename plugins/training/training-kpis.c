/* training-kpis.c — the training figures as headline KPIs, and the store's data range. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "training-query.h"

static IntegrityKpiStatus
kpi_status (TrainingStatus status)
{
  switch (status)
    {
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_DONE:     return INTEGRITY_KPI_STATUS_GOOD;
    case TRAINING_STATUS_AT_RISK:  return INTEGRITY_KPI_STATUS_WARNING;
    case TRAINING_STATUS_LATE:     return INTEGRITY_KPI_STATUS_BAD;
    case TRAINING_STATUS_NOT_STARTED:
    case TRAINING_STATUS_NONE:
    default:                       return INTEGRITY_KPI_STATUS_NONE;
    }
}

/* "complete-frontline-officers": ids stay ASCII whatever the cohort is called. */
char *
training_kpi_id (const TrainingCohort *cohort)
{
  g_autofree char *ascii = g_str_to_ascii (cohort->name, "C");
  GString *id = g_string_new ("complete-");

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, g_ascii_tolower (*p));
    else if (id->len > 0 && id->str[id->len - 1] != '-')
      g_string_append_c (id, '-');
  while (id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  return g_string_free (id, FALSE);
}

/* One sentence: where the cohort stands and when it will finish. */
static char *
explain (const TrainingCohortProgress *progress,
         TrainingDay                   as_at)
{
  g_autofree char *complete = integrity_format_count (progress->now.complete);
  g_autofree char *in_scope = integrity_format_count (progress->now.in_scope);
  g_autofree char *deadline = training_day_to_label (progress->cohort->deadline);
  g_autofree char *finish = training_day_to_label (progress->finish);
  guint outstanding = training_count_outstanding (&progress->now);

  switch (progress->status)
    {
    case TRAINING_STATUS_NONE:
      return g_strdup (_("Nobody in this cohort: check its rank and frontline, and the officers file."));
    case TRAINING_STATUS_DONE:
      /* Translators: "1,050 of 1,050 through every module by the deadline of 31 Jan 2021." */
      return g_strdup_printf (_("%s of %s through every module; deadline %s."), complete, in_scope, deadline);
    case TRAINING_STATUS_NOT_STARTED:
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_AT_RISK:
    case TRAINING_STATUS_LATE:
    default:
      if (!progress->has_finish)
        return g_strdup_printf (_("%s of %s through; %u outstanding, none completed in the last 28 days."),
                                complete, in_scope, outstanding);
      /* Translators: "1,008 of 1,021 through; 13 outstanding, done by 14 Feb 2021 at this pace." */
      return g_strdup_printf (_("%s of %s through; %u outstanding, done by %s at this pace."),
                              complete, in_scope, outstanding, finish);
    }
}

/* Per cohort, the share through every module; then everyone outstanding. */
void
training_kpis_from_data (const TrainingPageData *data,
                         GPtrArray              *kpis)
{
  guint outstanding = 0, outstanding_before = 0;
  guint64 members = 0;
  IntegrityKpi *kpi;

  for (guint i = 0; i < data->cohorts->len; i++)
    {
      const TrainingCohortProgress *progress = g_ptr_array_index (data->cohorts, i);
      g_autofree char *id = training_kpi_id (progress->cohort);
      g_autofree char *label = g_strdup_printf (_("%s trained"), progress->cohort->name);

      kpi = integrity_kpi_new (TRAINING_ID, id, label, INTEGRITY_FORMAT_PERCENT);
      kpi->value = training_count_fraction (&progress->now);
      kpi->previous = training_count_fraction (&progress->before);
      kpi->target = training_target_at (progress->cohort->start, progress->cohort->deadline, data->as_at);
      kpi->status = kpi_status (progress->status);
      kpi->sample_size = progress->now.in_scope;
      kpi->explanation = explain (progress, data->as_at);
      /* The last twelve weeks, week by week. */
      for (int week = 11; week >= 0; week--)
        {
          TrainingCount count;

          training_count_at ((const TrainingGroup *) (gpointer) progress->groups->data, progress->groups->len,
                             data->as_at - MIN (data->as_at, (TrainingDay) week * 7), &count);
          integrity_kpi_add_spark (kpi, training_count_fraction (&count));
        }
      g_ptr_array_add (kpis, kpi);

      if (data->as_at >= progress->cohort->start)
        {
          outstanding += training_count_outstanding (&progress->now);
          outstanding_before += training_count_outstanding (&progress->before);
          members += progress->now.in_scope;
        }
    }

  kpi = integrity_kpi_new (TRAINING_ID, "outstanding", _("Officers outstanding"), INTEGRITY_FORMAT_COUNT);
  kpi->higher_is_better = FALSE;
  kpi->value = members > 0 ? outstanding : NAN;
  kpi->previous = members > 0 ? outstanding_before : NAN;
  kpi->target = 0;
  kpi->sample_size = members;
  kpi->status = members == 0 ? INTEGRITY_KPI_STATUS_NONE
              : outstanding == 0 ? INTEGRITY_KPI_STATUS_GOOD : INTEGRITY_KPI_STATUS_WARNING;
  kpi->explanation = members > 0
    ? g_strdup (_("Officers in a cohort under way who are not yet through every module it requires."))
    : g_strdup (_("No training cohort under way in this period."));
  g_ptr_array_add (kpis, kpi);
}

void
training_collect_kpis (sqlite3               *db,
                       const IntegrityFilter *filter,
                       GPtrArray             *kpis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrainingPageData) data = training_query_page (db, filter, training_today (), TRAINING_QUERY_COHORTS_ONLY,
                                                          &error);

  if (data == NULL)
    {
      g_warning ("Training figures could not be read: %s", error->message);
      return;
    }
  if (data->cohorts->len > 0)
    training_kpis_from_data (data, kpis);
}

static IntegrityMonth
month_of (sqlite3_stmt *stmt,
          int           column)
{
  GDate date;
  TrainingDay day = training_day_from_iso ((const char *) sqlite3_column_text (stmt, column));

  if (day == TRAINING_NO_DAY)
    return INTEGRITY_MONTH_NONE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return integrity_month_from_date (&date);
}

/* From the first cohort's start to the last completion (or the start). */
gboolean
training_data_range (sqlite3        *db,
                     IntegrityMonth *first,
                     IntegrityMonth *last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  IntegrityMonth start, end;

  /* min() of an unindexed small table; max() of training_completion_date: one lookup. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT (SELECT min(start_date) FROM training_cohort),"
                          " (SELECT max(completed_date) FROM training_completion)",
                          -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  start = month_of (stmt, 0);
  end = month_of (stmt, 1);
  if (start == INTEGRITY_MONTH_NONE)
    start = end;
  if (start == INTEGRITY_MONTH_NONE)
    return FALSE;
  *first = start;
  *last = end == INTEGRITY_MONTH_NONE ? start : MAX (start, end);
  return TRUE;
}
