/* integrity-chart-scale.h — axis ticks and per-pixel thinning. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "core/integrity-format.h"

G_BEGIN_DECLS

/* Ticks at min, min + step, … max: min and max are multiples of step,
 * and step is 1, 2 or 5 times a power of ten. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n;
} IntegrityChartTicks;

void   integrity_chart_ticks_compute (IntegrityChartTicks       *ticks,
                                      double                     lo,
                                      double                     hi,
                                      guint                      max_ticks,
                                      IntegrityFormat            format);
double integrity_chart_ticks_get     (const IntegrityChartTicks *ticks,
                                      guint                      index);
char  *integrity_chart_ticks_format  (const IntegrityChartTicks *ticks,
                                      double                     value,
                                      IntegrityFormat            format);

gsize  integrity_chart_thin_m4       (const double              *x,
                                      const double              *y,
                                      gsize                      n,
                                      double                     x0,
                                      double                     x1,
                                      guint                      columns,
                                      GArray                    *out_x,
                                      GArray                    *out_y);

G_END_DECLS
