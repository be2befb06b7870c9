/* training-figures.c — cohort membership, progress, pace, projection and status: pure functions. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "training-figures.h"

/**
 * training_cohort_includes:
 * @cohort_rank: (nullable): the rank the cohort is for; %NULL or "" for any
 * @cohort_frontline: 1 or 0, or %TRAINING_ANY
 *
 * An officer belongs to every cohort whose rank and frontline match.
 */
gboolean
training_cohort_includes (const char *cohort_rank,
                          int         cohort_frontline,
                          const char *rank,
                          gboolean    frontline)
{
  if (cohort_rank != NULL && *cohort_rank != '\0' && g_strcmp0 (cohort_rank, rank) != 0)
    return FALSE;
  return cohort_frontline == TRAINING_ANY || (cohort_frontline != 0) == (frontline != FALSE);
}

/* Leavers leave the denominators from their leaving day. */
gboolean
training_in_scope (TrainingDay left_on,
                   TrainingDay day)
{
  return left_on == TRAINING_NO_DAY || left_on > day;
}

/* An inactive officer without a leaving date was never in scope. */
TrainingDay
training_left_day (gboolean    active,
                   TrainingDay left_date)
{
  if (left_date != TRAINING_NO_DAY)
    return left_date;
  return active ? TRAINING_NO_DAY : TRAINING_ALWAYS_OUT;
}

/**
 * training_completion_day:
 * @required: the cohort's modules, %NULL-terminated
 * @done_modules: (array length=n_done): modules the officer has completed
 * @done_days: (array length=n_done): the day each was completed
 *
 * Returns: the day the last required module was done, or
 *   %TRAINING_NO_DAY while any required module is not done
 */
TrainingDay
training_completion_day (const char * const *required,
                         const char * const *done_modules,
                         const TrainingDay  *done_days,
                         guint               n_done)
{
  TrainingDay last = TRAINING_NO_DAY;

  if (required == NULL || required[0] == NULL)
    return TRAINING_NO_DAY;
  for (guint r = 0; required[r] != NULL; r++)
    {
      TrainingDay found = TRAINING_NO_DAY;

      for (guint d = 0; d < n_done && found == TRAINING_NO_DAY; d++)
        if (g_strcmp0 (required[r], done_modules[d]) == 0)
          found = done_days[d];
      if (found == TRAINING_NO_DAY)
        return TRAINING_NO_DAY;
      last = MAX (last, found);
    }
  return last;
}

/* Officers in scope on @day, and those of them through every module by then. */
void
training_count_at (const TrainingGroup *groups,
                   guint                n_groups,
                   TrainingDay          day,
                   TrainingCount       *count)
{
  count->in_scope = count->complete = 0;
  for (guint i = 0; i < n_groups; i++)
    {
      if (!training_in_scope (groups[i].left_on, day))
        continue;
      count->in_scope += groups[i].n;
      if (groups[i].complete_on != TRAINING_NO_DAY && groups[i].complete_on <= day)
        count->complete += groups[i].n;
    }
}

guint
training_count_outstanding (const TrainingCount *count)
{
  return count->in_scope - MIN (count->complete, count->in_scope);
}

/* NAN when nobody is in scope. */
double
training_count_fraction (const TrainingCount *count)
{
  return count->in_scope > 0 ? (double) count->complete / count->in_scope : NAN;
}

/* The target trajectory: a straight line from 0 at the start to 1 at the deadline. */
double
training_target_at (TrainingDay start,
                    TrainingDay deadline,
                    TrainingDay day)
{
  if (day <= start)
    return 0.0;
  if (day >= deadline || deadline <= start)
    return 1.0;
  return (double) (day - start) / (double) (deadline - start);
}

/* Officers a day who completed the cohort over the last 28 days; never below 0
 * (leavers who had completed take their completions with them). */
double
training_pace (const TrainingGroup *groups,
               guint                n_groups,
               TrainingDay          as_at)
{
  TrainingCount now, before;

  if (as_at <= TRAINING_PACE_DAYS)
    return 0.0;
  training_count_at (groups, n_groups, as_at, &now);
  training_count_at (groups, n_groups, as_at - TRAINING_PACE_DAYS, &before);
  if (now.complete <= before.complete)
    return 0.0;
  return (double) (now.complete - before.complete) / TRAINING_PACE_DAYS;
}

/**
 * training_projected_finish:
 *
 * At @pace officers a day, the day the last of @outstanding is through.
 *
 * Returns: %FALSE when there is no such day: the pace is zero
 */
gboolean
training_projected_finish (guint        outstanding,
                           double       pace,
                           TrainingDay  as_at,
                           TrainingDay *finish)
{
  double days;

  if (outstanding == 0)
    {
      *finish = as_at;
      return TRUE;
    }
  if (!(pace > 0) || !isfinite (pace))
    return FALSE;
  days = ceil (outstanding / pace - 1e-9);
  if (days > G_MAXINT32 / 2)
    return FALSE;
  *finish = as_at + (TrainingDay) days;
  return TRUE;
}

TrainingStatus
training_status_for (const TrainingCount *count,
                     TrainingDay          start,
                     TrainingDay          deadline,
                     TrainingDay          as_at,
                     gboolean             has_finish,
                     TrainingDay          finish)
{
  if (count->in_scope == 0)
    return TRAINING_STATUS_NONE;
  if (training_count_outstanding (count) == 0)
    return TRAINING_STATUS_DONE;
  if (as_at > deadline)
    return TRAINING_STATUS_LATE;
  if (as_at < start)
    return TRAINING_STATUS_NOT_STARTED;
  if (!has_finish || finish > deadline)
    return TRAINING_STATUS_AT_RISK;
  return TRAINING_STATUS_ON_TRACK;
}

const char *
training_status_to_label (TrainingStatus status)
{
  switch (status)
    {
    case TRAINING_STATUS_NOT_STARTED: return _("Not started");
    case TRAINING_STATUS_ON_TRACK:    return _("On track");
    case TRAINING_STATUS_AT_RISK:     return _("At risk");
    case TRAINING_STATUS_LATE:        return _("Late");
    case TRAINING_STATUS_DONE:        return _("Done");
    case TRAINING_STATUS_NONE:
    default:                          return _("No officers");
    }
}

/* libadwaita's style classes: colour, never colour alone. */
const char *
training_status_to_css (TrainingStatus status)
{
  switch (status)
    {
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_DONE:        return "success";
    case TRAINING_STATUS_AT_RISK:     return "warning";
    case TRAINING_STATUS_LATE:        return "error";
    case TRAINING_STATUS_NOT_STARTED:
    case TRAINING_STATUS_NONE:
    default:                          return "dim-label";
    }
}

/* "2021-01-31" → its Julian day; TRAINING_NO_DAY for NULL or anything else. */
TrainingDay
training_day_from_iso (const char *text)
{
  GDate date;
  int y, m, d;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return TRAINING_NO_DAY;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

char *
training_day_to_iso (TrainingDay day)
{
  GDate date;

  if (day <= TRAINING_ALWAYS_OUT)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* "31 Jan 2021" */
char *
training_day_to_label (TrainingDay day)
{
  char text[64];
  GDate date;

  if (day <= TRAINING_ALWAYS_OUT)
    return g_strdup ("–");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (g_date_strftime (text, sizeof text, "%-d %b %Y", &date) == 0)
    return training_day_to_iso (day);
  return g_strdup (text);
}
