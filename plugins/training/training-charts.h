/* training-charts.h — the page's and the briefing's chart models. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-query.h"

G_BEGIN_DECLS

IntegrityChart *training_burn_up_chart  (const TrainingCohortProgress *progress,
                                         TrainingDay                   as_at);
IntegrityChart *training_district_chart (const TrainingPageData       *data);
IntegrityChart *training_heat_chart     (const TrainingPageData       *data);

G_END_DECLS
