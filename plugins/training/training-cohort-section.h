/* training-cohort-section.h — one cohort on the training page: its figures and burn-up. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_COHORT_SECTION (training_cohort_section_get_type ())
G_DECLARE_FINAL_TYPE (TrainingCohortSection, training_cohort_section, TRAINING, COHORT_SECTION, GtkWidget)

GtkWidget *training_cohort_section_new  (void);
void       training_cohort_section_show (TrainingCohortSection        *self,
                                         const TrainingCohortProgress *progress,
                                         TrainingDay                   as_at,
                                         const IntegrityKpi           *kpi,
                                         IntegrityChart               *chart);

G_END_DECLS
