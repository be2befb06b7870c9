/* training-figures.h — cohort membership, progress, pace, projection and status: pure functions. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are Julian day numbers (GDate), so spans are subtractions. */
typedef guint32 TrainingDay;

#define TRAINING_NO_DAY     ((TrainingDay) 0)
/* An officer marked inactive without a leaving date: out of every denominator. */
#define TRAINING_ALWAYS_OUT ((TrainingDay) 1)
#define TRAINING_PACE_DAYS  28
#define TRAINING_ANY        (-1)   /* a cohort's frontline: any */

typedef enum
{
  TRAINING_STATUS_NONE,         /* nobody in the cohort */
  TRAINING_STATUS_NOT_STARTED,  /* before the start date */
  TRAINING_STATUS_ON_TRACK,     /* projected to finish by the deadline */
  TRAINING_STATUS_AT_RISK,      /* projected after the deadline, or no pace at all */
  TRAINING_STATUS_LATE,         /* the deadline has passed and some are outstanding */
  TRAINING_STATUS_DONE,         /* everyone in scope is through every module */
} TrainingStatus;

/* Officers who completed a cohort on the same day and left it on the same
 * day (TRAINING_NO_DAY: not complete, or not left): the rows the store
 * groups its members into, so a national cohort is a few thousand groups. */
typedef struct
{
  TrainingDay complete_on;
  TrainingDay left_on;
  guint       n;
} TrainingGroup;

typedef struct
{
  guint in_scope;
  guint complete;
} TrainingCount;

gboolean       training_cohort_includes      (const char          *cohort_rank,
                                              int                  cohort_frontline,
                                              const char          *rank,
                                              gboolean             frontline);
gboolean       training_in_scope             (TrainingDay          left_on,
                                              TrainingDay          day);
TrainingDay    training_completion_day       (const char * const  *required,
                                              const char * const  *done_modules,
                                              const TrainingDay   *done_days,
                                              guint                n_done);
TrainingDay    training_left_day             (gboolean             active,
                                              TrainingDay          left_date);

void           training_count_at             (const TrainingGroup *groups,
                                              guint                n_groups,
                                              TrainingDay          day,
                                              TrainingCount       *count);
guint          training_count_outstanding    (const TrainingCount *count);
double         training_count_fraction       (const TrainingCount *count);
double         training_target_at            (TrainingDay          start,
                                              TrainingDay          deadline,
                                              TrainingDay          day);
double         training_pace                 (const TrainingGroup *groups,
                                              guint                n_groups,
                                              TrainingDay          as_at);
gboolean       training_projected_finish     (guint                outstanding,
                                              double               pace,
                                              TrainingDay          as_at,
                                              TrainingDay         *finish);
TrainingStatus training_status_for           (const TrainingCount *count,
                                              TrainingDay          start,
                                              TrainingDay          deadline,
                                              TrainingDay          as_at,
                                              gboolean             has_finish,
                                              TrainingDay          finish);
const char    *training_status_to_label      (TrainingStatus       status);
const char    *training_status_to_css        (TrainingStatus       status);

TrainingDay    training_day_from_iso         (const char          *text);
char          *training_day_to_iso           (TrainingDay          day);
char          *training_day_to_label         (TrainingDay          day);

G_END_DECLS
