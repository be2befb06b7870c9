/* integrity-chart-render-private.h — state shared by the renderer's files. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "integrity-chart-private.h"
#include "integrity-chart-render.h"
#include "integrity-chart-scale.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_LABEL,
  FONT_LABEL_BOLD,
  FONT_SMALL,
  N_FONTS,
} RenderFont;

typedef struct
{
  IntegrityChart            *chart;
  cairo_t                   *cr;
  const IntegrityChartStyle *style;
  double                     width;
  double                     height;
  double                     pad;
  double                     line_height;  /* of FONT_LABEL */
  PangoContext              *pango;  /* one per frame: creating one per label is slow */
  PangoFontDescription      *fonts[N_FONTS];
  IntegrityChartGeometry     g;
  IntegrityChartTicks        ticks;
  guint                      hbar_label_step;  /* set by _render_hbar_label_width() */
} Render;

typedef struct
{
  double  x;
  char   *line1;
  char   *line2;  /* NULL, or the year under the first label of each year */
} XTick;

PangoLayout *_render_layout          (Render         *r,
                                      RenderFont      font,
                                      const char     *text,
                                      double          max_width);
void         _render_text            (Render         *r,
                                      PangoLayout    *layout,
                                      double          x,
                                      double          y,
                                      const GdkRGBA  *colour,
                                      gboolean        halo);
double       _render_text_width      (Render         *r,
                                      RenderFont      font,
                                      const char     *text);
void         _render_set_colour      (Render         *r,
                                      const GdkRGBA  *colour,
                                      double          alpha);
double       _render_x_px            (Render         *r,
                                      double          x);
double       _render_y_px            (Render         *r,
                                      double          y);

GArray      *_render_x_ticks         (Render         *r);
double       _render_x_axis_height   (Render         *r);
void         _render_x_axis          (Render         *r);

void         _render_series          (Render         *r);
double       _render_hbar_label_width (Render        *r,
                                      double          plot_height);
void         _render_legend_swatch   (Render         *r,
                                      guint           series,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          height);
void         _render_heat_scale      (Render         *r,
                                      double          x,
                                      double          y,
                                      double          width);
double       _render_heat_scale_width (Render        *r);
double       _render_marker_size     (Render         *r);
void         _render_marker          (Render         *r,
                                      guint           shape,
                                      double          x,
                                      double          y,
                                      double          size);

G_END_DECLS
