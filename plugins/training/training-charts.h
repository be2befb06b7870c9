/* training-charts.h — the charts of the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-query.h"

G_BEGIN_DECLS

IntegrityChart *training_burn_up_chart  (const TrainingCohortProgress *progress,
                                         TrainingDay                   as_at,
                                         guint64                       min_sample);
IntegrityChart *training_district_chart (const TrainingPageData       *data,
                                         guint64                       min_sample);
IntegrityChart *training_heat_chart     (const TrainingPageData       *data,
                                         guint64                       min_sample);
GPtrArray      *training_build_charts   (const TrainingPageData       *data,
                                         guint64                       min_sample);

G_END_DECLS
