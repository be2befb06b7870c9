/* victim-care-charts.h — the victim-care charts, for the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-data.h"

G_BEGIN_DECLS

/* Each builder takes @min_sample: points resting on fewer cases are
 * gaps (0: draw everything), for packs that leave the command team. */
double          victim_rate_or_gap          (const VictimCount    *count,
                                             guint64               min_sample);
IntegrityChart *victim_care_code_chart      (const VictimPageData *data,
                                             guint64               min_sample);
IntegrityChart *victim_care_closures_chart  (const VictimPageData *data,
                                             guint64               min_sample);
IntegrityChart *victim_care_caseload_chart  (const VictimPageData *data,
                                             guint64               min_sample);
IntegrityChart *victim_care_outcomes_chart  (const VictimPageData *data,
                                             guint64               min_sample);
IntegrityChart *victim_care_support_chart   (const VictimPageData *data,
                                             guint64               min_sample);
GPtrArray      *victim_care_build_charts    (const VictimPageData *data,
                                             guint64               min_sample);

G_END_DECLS
