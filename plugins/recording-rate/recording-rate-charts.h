/* recording-rate-charts.h — the recording-rate charts, for the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "recording-rate-data.h"

G_BEGIN_DECLS

/* A month, or a calendar quarter starting at its first month. */
typedef struct
{
  double        x;
  RecordingSums sums[INTEGRITY_N_CATEGORIES];
  double        volume;
  int           days;
} RecordingPeriod;

IntegrityProportion  recording_rate_or_gap            (const RecordingSums     *sums,
                                                       guint64                  min_sample);
GArray              *recording_rate_group_periods     (const RecordingPageData *data,
                                                       gboolean                 quarters);
IntegrityChart      *recording_rate_trend_chart       (const RecordingPageData *data,
                                                       GArray                  *periods,
                                                       gboolean                 quarters,
                                                       guint64                  min_sample);
IntegrityChart      *recording_rate_categories_chart  (const RecordingPageData *data,
                                                       guint64                  min_sample);
IntegrityChart      *recording_rate_districts_chart   (const RecordingPageData *data,
                                                       guint64                  min_sample);
IntegrityChart      *recording_rate_unrecorded_chart  (const RecordingPageData *data,
                                                       GArray                  *periods,
                                                       guint64                  min_sample);
IntegrityChart      *recording_rate_volume_chart      (const RecordingPageData *data);
GPtrArray           *recording_rate_build_charts      (const RecordingPageData *data,
                                                       gboolean                 quarters,
                                                       guint64                  min_sample);

G_END_DECLS
