/* integrity-chart-render.h — draws a chart on any cairo_t: screen, PNG, SVG, PDF. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "integrity-chart.h"
#include "integrity-chart-style.h"

G_BEGIN_DECLS

/* Where the last render put the plot, to map the pointer back to data.
 * Horizontal bars run along X; their slots (best first) run down. */
typedef struct
{
  double   x;            /* the plot area, in the cairo_t's units */
  double   y;
  double   width;
  double   height;
  double   x0;           /* the X value at the left edge (horizontal: slot at the top) */
  double   x1;           /* the X value at the right edge (horizontal: slot at the bottom) */
  double   y0;           /* the value at the bottom (horizontal: left) edge */
  double   y1;           /* the value at the top (horizontal: right) edge */
  gboolean horizontal;
} IntegrityChartGeometry;

void     integrity_chart_render              (IntegrityChart               *chart,
                                              cairo_t                      *cr,
                                              double                        width,
                                              double                        height,
                                              const IntegrityChartStyle    *style);
void     integrity_chart_render_full         (IntegrityChart               *chart,
                                              cairo_t                      *cr,
                                              double                        width,
                                              double                        height,
                                              const IntegrityChartStyle    *style,
                                              IntegrityChartGeometry       *geometry);
void     integrity_chart_render_sparkline    (cairo_t                      *cr,
                                              double                        width,
                                              double                        height,
                                              const double                 *values,
                                              gsize                         n,
                                              const GdkRGBA                *colour,
                                              double                        line_width);
gboolean integrity_chart_save                (IntegrityChart               *chart,
                                              const char                   *path,
                                              int                           width,
                                              int                           height,
                                              const IntegrityChartStyle    *style,
                                              GError                      **error);

double   integrity_chart_geometry_x_to_pixel (const IntegrityChartGeometry *geometry,
                                              double                        x);
double   integrity_chart_geometry_y_to_pixel (const IntegrityChartGeometry *geometry,
                                              double                        y);
double   integrity_chart_geometry_pixel_to_x (const IntegrityChartGeometry *geometry,
                                              double                        px,
                                              double                        py);

G_END_DECLS
