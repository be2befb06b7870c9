/* training-query.h — everything the page and the overview read, for one filter. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-data.h"

G_BEGIN_DECLS

typedef struct
{
  TrainingCohort *cohort;
  GArray         *groups;      /* TrainingGroup, the filter's district */
  TrainingCount   now;         /* at the "as at" day */
  TrainingCount   before;      /* at the end of the period before the filter's */
  double          pace;        /* officers a day over the last 28 days */
  gboolean        has_finish;
  TrainingDay     finish;      /* at that pace */
  TrainingStatus  status;
} TrainingCohortProgress;

typedef struct
{
  char          *name;
  TrainingCount  count;        /* every cohort's members together */
} TrainingDistrictProgress;

/* Who is outstanding is not here: the list counts and reads its own rows
 * (training-outstanding-query.h). */
typedef enum
{
  TRAINING_QUERY_FIGURES      = 0,
  TRAINING_QUERY_COHORTS_ONLY = 1 << 1, /* no district league or heat map (the overview's KPIs) */
} TrainingQueryFlags;

typedef struct
{
  IntegrityFilter *filter;
  TrainingDay      as_at;
  GPtrArray       *cohorts;       /* TrainingCohortProgress, soonest deadline first */
  GPtrArray       *districts;     /* TrainingDistrictProgress, lowest first */
  GPtrArray       *heat_rows;     /* char *, district names */
  GPtrArray       *heat_modules;  /* char * */
  GArray          *heat_values;   /* double, rows × modules; NAN where nobody needs it */
  GArray          *heat_sizes;    /* double, rows × modules: the officers who must do it */
} TrainingPageData;

TrainingDay       training_as_at_for_filter   (const IntegrityFilter  *filter,
                                               TrainingDay             today);
TrainingPageData *training_query_page         (sqlite3                *db,
                                               const IntegrityFilter  *filter,
                                               TrainingDay             today,
                                               TrainingQueryFlags      flags,
                                               GError                **error);
void              training_page_data_free     (TrainingPageData       *data);
TrainingDay       training_today              (void);

void              training_kpis_from_data     (const TrainingPageData *data,
                                               GPtrArray              *kpis);
void              training_collect_kpis       (sqlite3                *db,
                                               const IntegrityFilter  *filter,
                                               GPtrArray              *kpis);
gboolean          training_data_range         (sqlite3                *db,
                                               IntegrityMonth         *first,
                                               IntegrityMonth         *last);
char             *training_kpi_id             (const TrainingCohort   *cohort);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrainingPageData, training_page_data_free)

G_END_DECLS
