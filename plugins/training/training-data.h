/* training-data.h — the training tables, cohorts and their members. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-figures.h"

G_BEGIN_DECLS

#define TRAINING_ID "training"

/* A cohort: who is in it (rank, frontline) and what they must do by when. */
typedef struct
{
  char        *name;
  char        *rank;       /* NULL: any rank */
  int          frontline;  /* 1, 0 or TRAINING_ANY */
  TrainingDay  start;
  TrainingDay  deadline;
  GStrv        modules;    /* sorted */
} TrainingCohort;

const char * const       *training_ranks              (void);
const char               *training_rank_label         (const char            *rank);

const IntegrityMigration *training_migrations         (gsize                 *n_migrations);

TrainingCohort           *training_cohort_new         (const char            *name);
TrainingCohort           *training_cohort_copy        (const TrainingCohort  *cohort);
void                      training_cohort_free        (TrainingCohort        *cohort);
GPtrArray                *training_read_cohorts       (sqlite3               *db,
                                                       GError               **error);
gboolean                  training_save_cohort        (sqlite3               *db,
                                                       const char            *old_name,
                                                       const TrainingCohort  *cohort,
                                                       GError               **error);
gboolean                  training_delete_cohort      (sqlite3               *db,
                                                       const char            *name,
                                                       GError               **error);
gboolean                  training_store_cohort       (IntegrityStore        *store,
                                                       const char            *old_name,
                                                       const TrainingCohort  *cohort,
                                                       GError               **error);
gboolean                  training_refresh_members    (sqlite3               *db,
                                                       const char            *cohort,
                                                       GError               **error);
gint64                    training_lookup_district    (sqlite3               *db,
                                                       const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrainingCohort, training_cohort_free)

G_END_DECLS
