/* integrity-chart-render-series.c — draws the marks of each series kind. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-chart-render-private.h"

/* Long paths are stroked a piece at a time: cairo's stroker slows down
 * badly on paths of many thousand segments. */
#define SEGMENTS_PER_STROKE 64
#define N_MARKER_SHAPES 5

static const GdkRGBA *
series_colour (Render               *r,
               IntegrityChartSeries *series)
{
  return integrity_chart_style_get_colour (r->style, series->colour);
}

double
_render_marker_size (Render *r)
{
  return 4.5 * r->style->font_scale;
}

/* Filled shapes, so that series differ by shape as well as colour:
 * circle, square, triangle up, triangle down, diamond. */
void
_render_marker (Render *r,
                guint   shape,
                double  x,
                double  y,
                double  size)
{
  cairo_t *cr = r->cr;

  switch (shape % N_MARKER_SHAPES)
    {
    case 1:
      cairo_rectangle (cr, x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - size * 1.2);
      cairo_line_to (cr, x + size * 1.1, y + size * 0.8);
      cairo_line_to (cr, x - size * 1.1, y + size * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y + size * 1.2);
      cairo_line_to (cr, x + size * 1.1, y - size * 0.8);
      cairo_line_to (cr, x - size * 1.1, y - size * 0.8);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x, y - size * 1.3);
      cairo_line_to (cr, x + size * 1.1, y);
      cairo_line_to (cr, x, y + size * 1.3);
      cairo_line_to (cr, x - size * 1.1, y);
      cairo_close_path (cr);
      break;
    case 0:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}

static void
ringed_marker (Render               *r,
               IntegrityChartSeries *series,
               double                x,
               double                y,
               double                size)
{
  _render_set_colour (r, &r->style->background, 1);
  _render_marker (r, series->colour, x, y, size + 1.5);
  _render_set_colour (r, series_colour (r, series), 1);
  _render_marker (r, series->colour, x, y, size);
}

static void
set_line_style (Render               *r,
                IntegrityChartSeries *series)
{
  double dashes[6];
  guint n = integrity_chart_style_get_dashes (r->style, series->colour, dashes);

  cairo_set_line_width (r->cr, r->style->line_width);
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (r->cr, n > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (r->cr, dashes, (int) n, 0);
  _render_set_colour (r, series_colour (r, series), 1);
}

/* The points to draw: the data, or its M4 thinning when there are more
 * points than pixel columns, kept until the data or the plot change. */
static void
points_to_draw (Render                *r,
                IntegrityChartSeries  *series,
                const double         **xs,
                const double         **ys,
                gsize                 *n)
{
  guint columns = (guint) MAX (1, ceil (r->g.width));

  if (series->x->len <= 2 * columns)
    {
      *xs = (const double *) (gpointer) series->x->data;
      *ys = (const double *) (gpointer) series->y->data;
      *n = series->x->len;
      return;
    }
  if (series->thin_x == NULL || series->thin_columns != columns
      || series->thin_x0 != r->g.x0 || series->thin_x1 != r->g.x1)
    {
      g_clear_pointer (&series->thin_x, g_array_unref);
      g_clear_pointer (&series->thin_y, g_array_unref);
      series->thin_x = g_array_sized_new (FALSE, FALSE, sizeof (double), columns * 4);
      series->thin_y = g_array_sized_new (FALSE, FALSE, sizeof (double), columns * 4);
      integrity_chart_thin_m4 ((const double *) (gpointer) series->x->data,
                               (const double *) (gpointer) series->y->data, series->x->len,
                               r->g.x0, r->g.x1, columns, series->thin_x, series->thin_y);
      series->thin_columns = columns;
      series->thin_x0 = r->g.x0;
      series->thin_x1 = r->g.x1;
    }
  *xs = (const double *) (gpointer) series->thin_x->data;
  *ys = (const double *) (gpointer) series->thin_y->data;
  *n = series->thin_x->len;
}

/* A polyline with gaps at NAN, stroked in pieces; @step draws a step that
 * holds each value until the next X. A point alone between gaps is a dot. */
static void
stroke_polyline (Render               *r,
                 IntegrityChartSeries *series,
                 const double         *xs,
                 const double         *ys,
                 gsize                 n,
                 gboolean              step)
{
  cairo_t *cr = r->cr;
  guint segments = 0;
  gboolean pen_down = FALSE;
  double last_x = 0, last_y = 0;

  for (gsize i = 0; i < n; i++)
    {
      double px, py;

      if (!isfinite (ys[i]))
        {
          pen_down = FALSE;
          continue;
        }
      px = _render_x_px (r, xs[i]);
      py = _render_y_px (r, ys[i]);
      if (!pen_down)
        {
          gboolean alone = i + 1 >= n || !isfinite (ys[i + 1]);
          if (alone && !step)
            {
              cairo_stroke (cr);
              _render_marker (r, 0, px, py, r->style->line_width * 1.2);
              set_line_style (r, series);
            }
          cairo_move_to (cr, px, py);
          pen_down = TRUE;
        }
      else
        {
          if (step)
            cairo_line_to (cr, px, last_y);
          cairo_line_to (cr, px, py);
          if (++segments % SEGMENTS_PER_STROKE == 0)
            {
              cairo_stroke (cr);
              cairo_move_to (cr, px, py);
            }
        }
      last_x = px;
      last_y = py;
    }
  (void) last_x;
  cairo_stroke (cr);
}

static void
draw_line (Render               *r,
           IntegrityChartSeries *series,
           gboolean              step)
{
  const double *xs, *ys;
  gsize n;

  points_to_draw (r, series, &xs, &ys, &n);
  cairo_save (r->cr);
  set_line_style (r, series);
  if (n < series->x->len)
    {
      /* Dense: a finer line; bevel joins, as round ones cost much and show nothing. */
      cairo_set_line_width (r->cr, MAX (1.25, r->style->line_width * 0.6));
      cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_BEVEL);
    }
  stroke_polyline (r, series, xs, ys, n, step);
  cairo_restore (r->cr);

  /* Few points far apart: mark each, with the series' own shape. */
  if (n > 0 && n == series->x->len && r->g.width / MAX (n, 1) >= 14 * r->style->font_scale
      && series->kind != INTEGRITY_CHART_SERIES_STEP)
    for (gsize i = 0; i < n; i++)
      if (isfinite (ys[i]))
        ringed_marker (r, series, _render_x_px (r, xs[i]), _render_y_px (r, ys[i]), _render_marker_size (r));
}

/* Fills between @upper and @lower (or the baseline) over each run of points
 * where both are known. */
static void
fill_between (Render               *r,
              IntegrityChartSeries *series,
              GArray               *upper,
              GArray               *lower,
              double                baseline,
              gboolean              step,
              double                alpha)
{
  cairo_t *cr = r->cr;
  guint n = series->x->len;
  guint i = 0;

  _render_set_colour (r, series_colour (r, series), alpha);
  while (i < n)
    {
      guint start, end;

      while (i < n && (!isfinite (_integrity_chart_value (upper, i))
                       || (lower != NULL && !isfinite (_integrity_chart_value (lower, i)))))
        i++;
      start = i;
      while (i < n && isfinite (_integrity_chart_value (upper, i))
             && (lower == NULL || isfinite (_integrity_chart_value (lower, i))))
        i++;
      end = i;
      if (end <= start)
        continue;

      for (guint k = start; k < end; k++)
        {
          double px = _render_x_px (r, g_array_index (series->x, double, k));
          double py = _render_y_px (r, g_array_index (upper, double, k));
          if (k == start)
            cairo_move_to (cr, px, py);
          else
            {
              if (step)
                cairo_line_to (cr, px, _render_y_px (r, g_array_index (upper, double, k - 1)));
              cairo_line_to (cr, px, py);
            }
        }
      for (guint k = end; k-- > start;)
        {
          double px = _render_x_px (r, g_array_index (series->x, double, k));
          double value = lower != NULL ? g_array_index (lower, double, k) : baseline;
          cairo_line_to (cr, px, _render_y_px (r, value));
        }
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* Bars: a solid fill with a hatch per series, so bars differ by pattern too. */
static void
fill_bar (Render        *r,
          const GdkRGBA *colour,
          guint          pattern,
          double         x,
          double         y,
          double         w,
          double         h)
{
  cairo_t *cr = r->cr;
  double spacing = 7 * r->style->font_scale;

  if (w < 0)
    {
      x += w;
      w = -w;
    }
  if (h < 0)
    {
      y += h;
      h = -h;
    }
  cairo_rectangle (cr, x, y, w, h);
  _render_set_colour (r, colour, 1);
  cairo_fill (cr);
  if (pattern % 4 == 0 || w < 4 || h < 4)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  _render_set_colour (r, &r->style->background, 0.6);
  cairo_set_line_width (cr, 1.5);
  for (double d = -h; d < w + h; d += spacing)
    {
      switch (pattern % 4)
        {
        case 1:
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
          break;
        case 2:
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + h, y + h);
          break;
        case 3:
        default:
          if (d >= 0 && d <= h)
            {
              cairo_move_to (cr, x, y + d);
              cairo_line_to (cr, x + w, y + d);
            }
          break;
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_bars (Render *r)
{
  IntegrityChart *chart = r->chart;
  double slot = r->g.width / MAX (r->g.x1 - r->g.x0, 1e-9) * _integrity_chart_x_unit (chart);
  double baseline = _render_y_px (r, CLAMP (0, MIN (r->g.y0, r->g.y1), MAX (r->g.y0, r->g.y1)));
  guint grouped = 0, group_index = 0;

  for (guint s = 0; s < chart->series->len; s++)
    if (_integrity_chart_series (chart, s)->kind == INTEGRITY_CHART_SERIES_BARS)
      grouped++;

  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      gboolean stacked = series->kind == INTEGRITY_CHART_SERIES_STACKED_BARS;
      double width = stacked ? slot * 0.7 : slot * 0.8 / MAX (grouped, 1);
      double offset = stacked ? -width / 2 : -slot * 0.4 + group_index * width;

      if (series->kind != INTEGRITY_CHART_SERIES_BARS && !stacked)
        continue;
      for (guint i = 0; i < series->x->len; i++)
        {
          double y = g_array_index (series->y, double, i);
          double base = 0, px, top, bottom;

          if (!isfinite (y))
            continue;
          if (stacked)
            _integrity_chart_stack_base (chart, s, i, &base);
          px = _render_x_px (r, g_array_index (series->x, double, i));
          top = _render_y_px (r, base + y);
          bottom = stacked ? _render_y_px (r, base) : baseline;
          fill_bar (r, series_colour (r, series), series->colour, px + offset + 0.5, top,
                    width - 1, bottom - top);
        }
      if (!stacked)
        group_index++;
    }
}

static void
whisker (Render *r,
         double  px,
         double  lo,
         double  hi,
         double  cap)
{
  cairo_t *cr = r->cr;

  if (r->g.horizontal)
    {
      cairo_move_to (cr, lo, px);
      cairo_line_to (cr, hi, px);
      cairo_move_to (cr, lo, px - cap);
      cairo_line_to (cr, lo, px + cap);
      cairo_move_to (cr, hi, px - cap);
      cairo_line_to (cr, hi, px + cap);
    }
  else
    {
      cairo_move_to (cr, px, lo);
      cairo_line_to (cr, px, hi);
      cairo_move_to (cr, px - cap, lo);
      cairo_line_to (cr, px + cap, lo);
      cairo_move_to (cr, px - cap, hi);
      cairo_line_to (cr, px + cap, hi);
    }
  cairo_stroke (cr);
}

static void
draw_intervals (Render *r)
{
  IntegrityChart *chart = r->chart;
  guint count = 0, index = 0;
  double spread = 16 * r->style->font_scale;

  for (guint s = 0; s < chart->series->len; s++)
    if (_integrity_chart_series (chart, s)->kind == INTEGRITY_CHART_SERIES_INTERVALS)
      count++;

  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      double offset = (index - (count - 1) / 2.0) * spread;

      if (series->kind != INTEGRITY_CHART_SERIES_INTERVALS)
        continue;
      index++;
      for (guint i = 0; i < series->x->len; i++)
        {
          double px = _render_x_px (r, g_array_index (series->x, double, i)) + offset;
          double y = g_array_index (series->y, double, i);
          double lo = _integrity_chart_value (series->lo, i), hi = _integrity_chart_value (series->hi, i);

          if (!isfinite (y))
            continue;
          if (isfinite (lo) && isfinite (hi))
            {
              cairo_set_line_width (r->cr, MAX (2, r->style->line_width * 0.8));
              _render_set_colour (r, series_colour (r, series), 1);
              whisker (r, px, _render_y_px (r, lo), _render_y_px (r, hi), 6 * r->style->font_scale);
            }
          ringed_marker (r, series, px, _render_y_px (r, y), _render_marker_size (r) * 1.3);
        }
    }
}

/* More bars than lines of text (a national table of 300 districts): every
 * bar is drawn, but only every so many is named and valued, as a month axis
 * thins its labels. Writing all of them over each other was unreadable and
 * took 77 ms of the 600x400 chart's drawing. */
static guint
hbar_step_for (Render *r,
               double  slot)
{
  return (guint) MAX (1, ceil (r->line_height / MAX (slot, 1e-9)));
}

static char *
hbar_name (Render               *r,
           IntegrityChartSeries *series,
           guint                 i)
{
  return integrity_chart_format_x (r->chart, g_array_index (series->x, double, i));
}

/* The widest name the league table will write, for its left margin; only
 * the bars that will be named are measured (at most @plot_height, the plot
 * can only come out shorter, so named bars only thin further, by a multiple
 * of the step chosen here). Measuring all 300 names cost more than drawing. */
double
_render_hbar_label_width (Render *r,
                          double  plot_height)
{
  guint index = 0;
  IntegrityChartSeries *series;
  g_autoptr(GArray) order = NULL;
  double widest = 0;

  if (!_integrity_chart_find_kind (r->chart, INTEGRITY_CHART_SERIES_HBARS, &index))
    g_return_val_if_reached (0);
  series = _integrity_chart_series (r->chart, index);
  order = _integrity_chart_hbar_order (r->chart, index);

  r->hbar_label_step = hbar_step_for (r, plot_height / MAX (order->len, 1));
  for (guint k = 0; k < order->len; k += r->hbar_label_step)
    {
      g_autofree char *name = hbar_name (r, series, g_array_index (order, guint, k));

      widest = MAX (widest, _render_text_width (r, FONT_LABEL, name));
    }
  return widest;
}

/* League table: highest first (lowest when sorted ascending), the value at the end of each bar. */
static void
draw_hbars (Render               *r,
            IntegrityChartSeries *series,
            guint                 index)
{
  g_autoptr(GArray) order = _integrity_chart_hbar_order (r->chart, index);
  double slot = r->g.height / MAX (order->len, 1);
  double zero = _render_y_px (r, CLAMP (0, r->g.y0, r->g.y1));
  guint measured = MAX (r->hbar_label_step, 1);
  guint every = measured * ((hbar_step_for (r, slot) + measured - 1) / measured);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      double y = g_array_index (series->y, double, i);
      double lo = _integrity_chart_value (series->lo, i), hi = _integrity_chart_value (series->hi, i);
      double centre = r->g.y + (k + 0.5) * slot;
      double end = isfinite (y) ? _render_y_px (r, y) : zero;
      gboolean labelled = k % every == 0;
      g_autofree char *value = NULL;
      g_autoptr(PangoLayout) value_layout = NULL;
      int w, h;

      if (labelled)
        {
          g_autofree char *name = hbar_name (r, series, i);
          g_autoptr(PangoLayout) name_layout = _render_layout (r, FONT_LABEL, name, r->g.x - r->pad - 12);

          pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (name_layout, PANGO_ALIGN_RIGHT);
          pango_layout_get_pixel_size (name_layout, &w, &h);
          _render_text (r, name_layout, r->pad, centre - h / 2.0, &r->style->foreground, FALSE);
        }

      if (isfinite (y))
        fill_bar (r, series_colour (r, series), series->colour, zero, centre - slot * 0.34,
                  end - zero, slot * 0.68);
      if (isfinite (y) && isfinite (lo) && isfinite (hi))
        {
          cairo_set_line_width (r->cr, 2);
          _render_set_colour (r, &r->style->foreground, 1);
          whisker (r, centre, _render_y_px (r, lo), _render_y_px (r, hi), slot * 0.2);
          end = MAX (end, _render_y_px (r, hi));
        }
      if (!labelled)
        continue;
      value = isfinite (y) ? integrity_format_value (y, r->chart->y_format) : g_strdup (_("no data"));
      value_layout = _render_layout (r, FONT_LABEL_BOLD, value, -1);
      pango_layout_get_pixel_size (value_layout, &w, &h);
      _render_text (r, value_layout, end + 6, centre - h / 2.0,
                    isfinite (y) ? &r->style->foreground : &r->style->muted, TRUE);
    }
}

/* Viridis, sampled: a colour-blind-safe sequential scale that reads in grey. */
static void
heat_colour (double   t,
             GdkRGBA *colour)
{
  static const double stops[][3] = {
    { 0.267, 0.005, 0.329 }, { 0.231, 0.322, 0.545 }, { 0.129, 0.565, 0.553 },
    { 0.369, 0.788, 0.384 }, { 0.992, 0.906, 0.145 },
  };
  double p = CLAMP (t, 0, 1) * (G_N_ELEMENTS (stops) - 1);
  guint k = MIN ((guint) p, G_N_ELEMENTS (stops) - 2);
  double f = p - k;

  colour->red = stops[k][0] + f * (stops[k + 1][0] - stops[k][0]);
  colour->green = stops[k][1] + f * (stops[k + 1][1] - stops[k][1]);
  colour->blue = stops[k][2] + f * (stops[k + 1][2] - stops[k][2]);
  colour->alpha = 1;
}

static IntegrityChartSeries *
find_heatmap (Render *r)
{
  for (guint s = 0; s < r->chart->series->len; s++)
    if (_integrity_chart_series (r->chart, s)->kind == INTEGRITY_CHART_SERIES_HEATMAP)
      return _integrity_chart_series (r->chart, s);
  return NULL;
}

/* The values at the ends of the colour scale: the chart's value range when
 * fixed (integrity_chart_set_y_range()), so that a small spread does not
 * span every colour; else the data's. */
static void
heat_range (Render               *r,
            IntegrityChartSeries *series,
            double               *lo,
            double               *hi)
{
  if (isfinite (r->chart->y_min) && isfinite (r->chart->y_max) && r->chart->y_max > r->chart->y_min)
    {
      *lo = r->chart->y_min;
      *hi = r->chart->y_max;
      return;
    }
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < series->y->len; i++)
    {
      double v = g_array_index (series->y, double, i);
      if (isfinite (v))
        {
          *lo = MIN (*lo, v);
          *hi = MAX (*hi, v);
        }
    }
  if (*hi <= *lo)
    *hi = *lo + 1;
}

static void
draw_heatmap (Render               *r,
              IntegrityChartSeries *series)
{
  guint n_x = series->x->len;
  guint n_rows = g_strv_length (series->rows);
  double cell_w = r->g.width / MAX (r->g.x1 - r->g.x0, 1e-9) * _integrity_chart_x_unit (r->chart);
  double cell_h = r->g.height / MAX (n_rows, 1);
  double lo, hi;

  heat_range (r, series, &lo, &hi);
  for (guint row = 0; row < n_rows; row++)
    {
      double top = r->g.y + row * cell_h;
      g_autoptr(PangoLayout) label = _render_layout (r, FONT_LABEL, series->rows[row], r->g.x - r->pad - 12);
      int w, h;

      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (label, &w, &h);
      _render_text (r, label, r->pad, top + cell_h / 2 - h / 2.0, &r->style->foreground, FALSE);

      for (guint c = 0; c < n_x; c++)
        {
          double v = g_array_index (series->y, double, row * n_x + c);
          double left = _render_x_px (r, g_array_index (series->x, double, c)) - cell_w / 2;
          GdkRGBA colour;

          if (!isfinite (v))
            {
              /* No data is not a colour on the scale. */
              fill_bar (r, &r->style->grid, 2, left + 1, top + 1, cell_w - 2, cell_h - 2);
              continue;
            }
          heat_colour ((v - lo) / (hi - lo), &colour);
          fill_bar (r, &colour, 0, left + 1, top + 1, cell_w - 2, cell_h - 2);
          if (cell_h >= r->line_height + 2)
            {
              g_autofree char *text = integrity_format_value (v, r->chart->y_format);
              g_autoptr(PangoLayout) layout = _render_layout (r, FONT_SMALL, text, -1);
              GdkRGBA ink = { 0, 0, 0, 1 };

              pango_layout_get_pixel_size (layout, &w, &h);
              if (w + 4 > cell_w)
                continue;
              if (0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue < 0.45)
                ink = (GdkRGBA) { 1, 1, 1, 1 };
              _render_text (r, layout, left + (cell_w - w) / 2, top + (cell_h - h) / 2, &ink, FALSE);
            }
        }
    }
}

double
_render_heat_scale_width (Render *r)
{
  return 330 * r->style->font_scale;
}

/* The colour scale of a heat map: low … high, and the no-data swatch. */
void
_render_heat_scale (Render *r,
                    double  x,
                    double  y,
                    double  width)
{
  IntegrityChartSeries *series = find_heatmap (r);
  double bar_w = width * 0.45, bar_h = r->line_height - 4;
  g_autofree char *low = NULL, *high = NULL;
  g_autoptr(PangoLayout) low_layout = NULL, high_layout = NULL, none_layout = NULL;
  double lo, hi;
  int w, h;

  if (series == NULL)
    return;
  heat_range (r, series, &lo, &hi);
  low = integrity_format_value (lo, r->chart->y_format);
  high = integrity_format_value (hi, r->chart->y_format);
  low_layout = _render_layout (r, FONT_SMALL, low, -1);
  high_layout = _render_layout (r, FONT_SMALL, high, -1);
  none_layout = _render_layout (r, FONT_SMALL, _("no data"), -1);

  pango_layout_get_pixel_size (low_layout, &w, &h);
  _render_text (r, low_layout, x, y + 1, &r->style->foreground, FALSE);
  x += w + 6;
  for (double i = 0; i < bar_w; i++)
    {
      GdkRGBA colour;
      heat_colour (i / bar_w, &colour);
      fill_bar (r, &colour, 0, x + i, y + 2, 1.5, bar_h);
    }
  x += bar_w + 6;
  pango_layout_get_pixel_size (high_layout, &w, &h);
  _render_text (r, high_layout, x, y + 1, &r->style->foreground, FALSE);
  x += w + 18;
  fill_bar (r, &r->style->grid, 2, x, y + 2, bar_h * 1.5, bar_h);
  _render_text (r, none_layout, x + bar_h * 1.5 + 6, y + 1, &r->style->muted, FALSE);
}

void
_render_legend_swatch (Render *r,
                       guint   index,
                       double  x,
                       double  y,
                       double  width,
                       double  height)
{
  IntegrityChartSeries *series = _integrity_chart_series (r->chart, index);
  const GdkRGBA *colour = series_colour (r, series);
  double mid = y + height / 2;

  cairo_save (r->cr);
  switch (series->kind)
    {
    case INTEGRITY_CHART_SERIES_BARS:
    case INTEGRITY_CHART_SERIES_STACKED_BARS:
    case INTEGRITY_CHART_SERIES_HBARS:
      fill_bar (r, colour, series->colour, x + width * 0.2, y, width * 0.6, height);
      break;
    case INTEGRITY_CHART_SERIES_INTERVALS:
      cairo_set_line_width (r->cr, 2);
      _render_set_colour (r, colour, 1);
      whisker (r, x + width / 2, y, y + height, 5);
      ringed_marker (r, series, x + width / 2, mid, _render_marker_size (r));
      break;
    case INTEGRITY_CHART_SERIES_BAND:
    case INTEGRITY_CHART_SERIES_AREA:
      _render_set_colour (r, colour, 0.25);
      cairo_rectangle (r->cr, x, y, width, height);
      cairo_fill (r->cr);
      G_GNUC_FALLTHROUGH;
    case INTEGRITY_CHART_SERIES_LINE:
    case INTEGRITY_CHART_SERIES_STEP:
    case INTEGRITY_CHART_SERIES_HEATMAP:
    default:
      set_line_style (r, series);
      cairo_move_to (r->cr, x, mid);
      cairo_line_to (r->cr, x + width, mid);
      cairo_stroke (r->cr);
      if (series->kind != INTEGRITY_CHART_SERIES_STEP)
        ringed_marker (r, series, x + width / 2, mid, _render_marker_size (r) * 0.9);
      break;
    }
  cairo_restore (r->cr);
}

void
_render_series (Render *r)
{
  IntegrityChart *chart = r->chart;
  double zero = CLAMP (0, MIN (r->g.y0, r->g.y1), MAX (r->g.y0, r->g.y1));

  /* Areas first, then bars, then lines and points on top. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);

      switch (series->kind)
        {
        case INTEGRITY_CHART_SERIES_HEATMAP:
          if (!r->g.horizontal)
            draw_heatmap (r, series);
          break;
        case INTEGRITY_CHART_SERIES_BAND:
          fill_between (r, series, series->hi, series->lo, zero, FALSE, 0.22);
          break;
        case INTEGRITY_CHART_SERIES_AREA:
          fill_between (r, series, series->y, NULL, zero, FALSE, 0.28);
          break;
        case INTEGRITY_CHART_SERIES_STEP:
          fill_between (r, series, series->y, NULL, zero, TRUE, 0.12);
          break;
        case INTEGRITY_CHART_SERIES_HBARS:
          draw_hbars (r, series, s);
          break;
        case INTEGRITY_CHART_SERIES_LINE:
        case INTEGRITY_CHART_SERIES_BARS:
        case INTEGRITY_CHART_SERIES_STACKED_BARS:
        case INTEGRITY_CHART_SERIES_INTERVALS:
        default:
          break;
        }
    }
  if (!r->g.horizontal)
    draw_bars (r);
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);

      if (series->kind == INTEGRITY_CHART_SERIES_LINE || series->kind == INTEGRITY_CHART_SERIES_BAND
          || series->kind == INTEGRITY_CHART_SERIES_AREA || series->kind == INTEGRITY_CHART_SERIES_STEP)
        draw_line (r, series, series->kind == INTEGRITY_CHART_SERIES_STEP);
    }
  if (!r->g.horizontal)
    draw_intervals (r);
}

/**
 * integrity_chart_render_sparkline:
 * @values: (array length=n): NAN for gaps
 *
 * A small line with no axes, its last value marked: for KPI tiles.
 */
void
integrity_chart_render_sparkline (cairo_t       *cr,
                                  double         width,
                                  double         height,
                                  const double  *values,
                                  gsize          n,
                                  const GdkRGBA *colour,
                                  double         line_width)
{
  double lo = INFINITY, hi = -INFINITY, pad = line_width + 2;
  gboolean pen_down = FALSE;
  double px = 0, py = 0;

  g_return_if_fail (cr != NULL && colour != NULL);
  g_return_if_fail (n == 0 || values != NULL);

  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }
  if (!isfinite (lo))
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        {
          pen_down = FALSE;
          continue;
        }
      px = n > 1 ? pad + i * (width - 2 * pad) / (n - 1) : width / 2;
      py = hi > lo ? height - pad - (values[i] - lo) / (hi - lo) * (height - 2 * pad) : height / 2;
      if (pen_down)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      pen_down = TRUE;
    }
  cairo_stroke (cr);
  cairo_arc (cr, px, py, line_width * 1.6, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}
