/* integrity-stats.h — the statistics every plugin shares. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A proportion with its 95% interval; all NAN when n is 0. */
typedef struct
{
  double  p;
  double  lo;
  double  hi;
  guint64 successes;
  guint64 n;
} IntegrityProportion;

#define INTEGRITY_Z_95 1.959963984540054

IntegrityProportion integrity_wilson_interval      (guint64 successes,
                                                    guint64 n,
                                                    double  z);
double              integrity_estimate_unrecorded  (double  recorded_volume,
                                                    double  recording_rate);
double              integrity_median               (double *values,
                                                    gsize   n_values);

G_END_DECLS
