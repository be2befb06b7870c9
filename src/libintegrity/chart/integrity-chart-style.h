/* integrity-chart-style.h — colours, dashes and type sizes for drawing charts. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

typedef enum
{
  INTEGRITY_CHART_THEME_LIGHT,
  INTEGRITY_CHART_THEME_DARK,
  INTEGRITY_CHART_THEME_HIGH_CONTRAST,
  INTEGRITY_CHART_THEME_HIGH_CONTRAST_DARK,
} IntegrityChartTheme;

#define INTEGRITY_CHART_N_COLOURS 8

/* A plain value: fill it with integrity_chart_style_init() when the theme
 * changes, then change what you like (e.g. the background for print). */
typedef struct
{
  IntegrityChartTheme theme;
  double              font_scale;   /* 1 on screen; ~1.6 on a projector */
  double              line_width;   /* series lines, in pixels at scale 1 */
  const char         *font_family;
  GdkRGBA             background;
  GdkRGBA             foreground;   /* titles, tick labels, target lines */
  GdkRGBA             muted;        /* subtitle, caption, notes */
  GdkRGBA             grid;
  GdkRGBA             axis;
  GdkRGBA             reference;    /* deadline and today */
  GdkRGBA             palette[INTEGRITY_CHART_N_COLOURS];
} IntegrityChartStyle;

void     integrity_chart_style_init        (IntegrityChartStyle       *style,
                                            IntegrityChartTheme        theme,
                                            double                     font_scale);
gboolean integrity_chart_style_is_dark     (const IntegrityChartStyle *style);
const GdkRGBA *integrity_chart_style_get_colour (const IntegrityChartStyle *style,
                                                 guint                      index);
guint    integrity_chart_style_get_dashes  (const IntegrityChartStyle *style,
                                            guint                      index,
                                            double                    *dashes);

G_END_DECLS
