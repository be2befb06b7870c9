/* integrity-chart-render.c — lays a chart out and draws its frame: titles, legend, axes, reference lines, notes. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-chart-render-private.h"

#define MAX_NOTE_LEVELS 4

typedef struct
{
  PangoLayout *layout;
  double       px;       /* where the note or line is */
  double       left;     /* where its label starts */
  guint        level;    /* the row of labels above the plot; G_MAXUINT: no room */
  gboolean     is_ref;
  IntegrityChartRefKind kind;
} PlacedNote;

static void
placed_note_clear (gpointer data)
{
  g_clear_object (&((PlacedNote *) data)->layout);
}

/* Text ----------------------------------------------------------------- */

static void
fonts_init (Render *r)
{
  static const struct { double px; PangoWeight weight; } sizes[N_FONTS] = {
    [FONT_TITLE] = { 20, PANGO_WEIGHT_BOLD },
    [FONT_SUBTITLE] = { 15, PANGO_WEIGHT_NORMAL },
    [FONT_LABEL] = { 14, PANGO_WEIGHT_NORMAL },
    [FONT_LABEL_BOLD] = { 14, PANGO_WEIGHT_BOLD },
    [FONT_SMALL] = { 12.5, PANGO_WEIGHT_NORMAL },
  };

  for (guint i = 0; i < N_FONTS; i++)
    {
      r->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (r->fonts[i], r->style->font_family);
      pango_font_description_set_weight (r->fonts[i], sizes[i].weight);
      pango_font_description_set_absolute_size (r->fonts[i],
                                                sizes[i].px * r->style->font_scale * PANGO_SCALE);
    }
}

PangoLayout *
_render_layout (Render     *r,
                RenderFont  font,
                const char *text,
                double      max_width)
{
  PangoLayout *layout = pango_layout_new (r->pango);

  pango_layout_set_font_description (layout, r->fonts[font]);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

double
_render_text_width (Render     *r,
                    RenderFont  font,
                    const char *text)
{
  g_autoptr(PangoLayout) layout = _render_layout (r, font, text, -1);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

void
_render_set_colour (Render        *r,
                    const GdkRGBA *colour,
                    double         alpha)
{
  cairo_set_source_rgba (r->cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

/* @halo: outline the glyphs in the background colour, so a label stays
 * readable where it crosses a line. */
void
_render_text (Render        *r,
              PangoLayout   *layout,
              double         x,
              double         y,
              const GdkRGBA *colour,
              gboolean       halo)
{
  cairo_save (r->cr);
  cairo_move_to (r->cr, x, y);
  if (halo)
    {
      pango_cairo_layout_path (r->cr, layout);
      _render_set_colour (r, &r->style->background, 0.9);
      cairo_set_line_width (r->cr, 4 * r->style->font_scale);
      cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (r->cr);
      cairo_move_to (r->cr, x, y);
    }
  _render_set_colour (r, colour, 1);
  pango_cairo_show_layout (r->cr, layout);
  cairo_restore (r->cr);
}

static double
draw_wrapped (Render        *r,
              RenderFont     font,
              const char    *text,
              double         y,
              const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = _render_layout (r, font, text, r->width - 2 * r->pad);
  pango_layout_get_pixel_size (layout, &w, &h);
  _render_text (r, layout, r->pad, y, colour, FALSE);
  return h;
}

/* Mapping -------------------------------------------------------------- */

double
integrity_chart_geometry_x_to_pixel (const IntegrityChartGeometry *g,
                                     double                        x)
{
  g_return_val_if_fail (g != NULL, NAN);
  if (g->horizontal)
    return g->y + (x - g->x0) / (g->x1 - g->x0) * g->height;
  return g->x + (x - g->x0) / (g->x1 - g->x0) * g->width;
}

double
integrity_chart_geometry_y_to_pixel (const IntegrityChartGeometry *g,
                                     double                        y)
{
  g_return_val_if_fail (g != NULL, NAN);
  if (g->horizontal)
    return g->x + (y - g->y0) / (g->y1 - g->y0) * g->width;
  return g->y + g->height - (y - g->y0) / (g->y1 - g->y0) * g->height;
}

/* The X value under a point of the plot (horizontal bars: the slot). */
double
integrity_chart_geometry_pixel_to_x (const IntegrityChartGeometry *g,
                                     double                        px,
                                     double                        py)
{
  g_return_val_if_fail (g != NULL, NAN);
  if (g->horizontal)
    return g->x0 + (py - g->y) / g->height * (g->x1 - g->x0);
  return g->x0 + (px - g->x) / g->width * (g->x1 - g->x0);
}

double
_render_x_px (Render *r,
              double  x)
{
  return integrity_chart_geometry_x_to_pixel (&r->g, x);
}

double
_render_y_px (Render *r,
              double  y)
{
  return integrity_chart_geometry_y_to_pixel (&r->g, y);
}

/* Legend --------------------------------------------------------------- */

static double
layout_legend (Render   *r,
               double    top,
               gboolean  draw)
{
  IntegrityChart *chart = r->chart;
  double swatch = 30 * r->style->font_scale;
  double x = r->pad, y = top;
  double row_h = r->line_height + 4;
  guint shown = 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      if (series->kind != INTEGRITY_CHART_SERIES_HEATMAP && series->name != NULL)
        shown++;
    }

  if (shown >= 2)
    for (guint s = 0; s < chart->series->len; s++)
      {
        IntegrityChartSeries *series = _integrity_chart_series (chart, s);
        g_autoptr(PangoLayout) layout = NULL;
        int w, h;

        if (series->kind == INTEGRITY_CHART_SERIES_HEATMAP || series->name == NULL)
          continue;
        layout = _render_layout (r, FONT_LABEL, series->name, -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        if (x > r->pad && x + swatch + 6 + w > r->width - r->pad)
          {
            x = r->pad;
            y += row_h;
          }
        if (draw)
          {
            _render_legend_swatch (r, s, x, y + 2, swatch, r->line_height - 4);
            _render_text (r, layout, x + swatch + 6, y, &r->style->foreground, FALSE);
          }
        x += swatch + 6 + w + 20 * r->style->font_scale;
      }

  if (_integrity_chart_has_heatmap (chart))
    {
      double scale_w = _render_heat_scale_width (r);

      if (x > r->pad && x + scale_w > r->width - r->pad)
        {
          x = r->pad;
          y += row_h;
        }
      if (draw)
        _render_heat_scale (r, x, y, scale_w);
      x += scale_w;
    }

  return x > r->pad ? y + row_h + 6 - top : 0;
}

/* Notes and reference lines ------------------------------------------- */

static void
add_note (Render     *r,
          GArray     *placed,
          double      x,
          const char *text,
          gboolean    is_ref,
          IntegrityChartRefKind kind)
{
  PlacedNote note = { 0 };
  double right_edge = r->g.x + r->g.width;
  int w, h;

  if (r->g.horizontal || !isfinite (x) || x < r->g.x0 || x > r->g.x1)
    return;
  note.layout = _render_layout (r, is_ref ? FONT_LABEL_BOLD : FONT_SMALL, text, -1);
  pango_layout_set_width (note.layout, (int) (r->g.width * 0.45 * PANGO_SCALE));
  pango_layout_set_ellipsize (note.layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (note.layout, &w, &h);
  note.px = _render_x_px (r, x);
  note.left = note.px + w + 4 > right_edge ? note.px - w - 4 : note.px + 4;
  note.is_ref = is_ref;
  note.kind = kind;
  g_array_append_val (placed, note);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const PlacedNote *na = a, *nb = b;
  return na->left < nb->left ? -1 : na->left > nb->left ? 1 : 0;
}

/* Labels left to right, each in the first row where it does not touch the
 * one before: dated notes never overlap. Returns the rows used. */
static guint
place_notes (Render *r,
             GArray *placed)
{
  double ends[MAX_NOTE_LEVELS];
  guint levels = 0;

  for (guint i = 0; i < r->chart->refs->len; i++)
    {
      IntegrityChartRef *ref = &g_array_index (r->chart->refs, IntegrityChartRef, i);
      if (ref->kind != INTEGRITY_CHART_REF_TARGET)
        add_note (r, placed, ref->value, ref->label, TRUE, ref->kind);
    }
  for (guint i = 0; i < r->chart->notes->len; i++)
    {
      IntegrityChartNote *note = &g_array_index (r->chart->notes, IntegrityChartNote, i);
      add_note (r, placed, note->x, note->text, FALSE, INTEGRITY_CHART_REF_TARGET);
    }
  g_array_sort (placed, compare_notes);

  for (guint i = 0; i < placed->len; i++)
    {
      PlacedNote *note = &g_array_index (placed, PlacedNote, i);
      int w, h;

      pango_layout_get_pixel_size (note->layout, &w, &h);
      note->level = G_MAXUINT;
      for (guint l = 0; l < MAX_NOTE_LEVELS; l++)
        if (l == levels || note->left > ends[l] + 10)
          {
            note->level = l;
            ends[l] = note->left + w;
            levels = MAX (levels, l + 1);
            break;
          }
    }
  return levels;
}

static void
draw_notes (Render *r,
            GArray *placed,
            double  top)
{
  cairo_t *cr = r->cr;
  double level_h = r->line_height + 2;
  double bottom = r->g.y + r->g.height;

  for (guint i = 0; i < placed->len; i++)
    {
      PlacedNote *note = &g_array_index (placed, PlacedNote, i);
      const GdkRGBA *colour = note->is_ref ? &r->style->reference : &r->style->muted;
      double label_y = top + (note->level == G_MAXUINT ? 0 : note->level * level_h);
      double dashes[2] = { 2, 3 };
      double px = round (note->px) + 0.5;

      cairo_save (cr);
      _render_set_colour (r, colour, note->is_ref ? 1 : 0.7);
      if (note->is_ref && note->kind == INTEGRITY_CHART_REF_DEADLINE)
        {
          dashes[0] = 8;
          dashes[1] = 4;
        }
      cairo_set_line_width (cr, note->is_ref ? 2 : 1);
      if (!(note->is_ref && note->kind == INTEGRITY_CHART_REF_TODAY))
        cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, px, note->level == G_MAXUINT ? r->g.y : label_y + 2);
      cairo_line_to (cr, px, bottom);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (!note->is_ref)
        {
          _render_set_colour (r, colour, 1);
          _render_marker (r, 3, note->px, r->g.y, 5 * r->style->font_scale);
        }
      if (note->level != G_MAXUINT)
        _render_text (r, note->layout, note->left, label_y, colour, TRUE);
    }
}

static void
draw_targets (Render *r)
{
  cairo_t *cr = r->cr;
  double dashes[2] = { 10, 5 };

  for (guint i = 0; i < r->chart->refs->len; i++)
    {
      IntegrityChartRef *ref = &g_array_index (r->chart->refs, IntegrityChartRef, i);
      g_autoptr(PangoLayout) layout = NULL;
      double p;
      int w, h;

      if (ref->kind != INTEGRITY_CHART_REF_TARGET || !isfinite (ref->value)
          || ref->value < MIN (r->g.y0, r->g.y1) || ref->value > MAX (r->g.y0, r->g.y1))
        continue;
      p = round (_render_y_px (r, ref->value));
      layout = _render_layout (r, FONT_LABEL_BOLD, ref->label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);

      cairo_save (cr);
      _render_set_colour (r, &r->style->foreground, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, 2, 0);
      if (r->g.horizontal)
        {
          cairo_move_to (cr, p, r->g.y);
          cairo_line_to (cr, p, r->g.y + r->g.height);
        }
      else
        {
          cairo_move_to (cr, r->g.x, p);
          cairo_line_to (cr, r->g.x + r->g.width, p);
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      if (r->g.horizontal)
        _render_text (r, layout, MIN (p + 4, r->g.x + r->g.width - w), r->g.y - h - 2,
                      &r->style->foreground, TRUE);
      else
        _render_text (r, layout, r->g.x + r->g.width - w - 2, p - h - 2, &r->style->foreground, TRUE);
    }
}

/* Value axis ----------------------------------------------------------- */

static double
max_tick_label_width (Render *r)
{
  double widest = 0;

  for (guint i = 0; i < r->ticks.n; i++)
    {
      g_autofree char *text = integrity_chart_ticks_format (&r->ticks, integrity_chart_ticks_get (&r->ticks, i),
                                                            r->chart->y_format);
      widest = MAX (widest, _render_text_width (r, FONT_LABEL, text));
    }
  return widest;
}

static void
compute_ticks (Render *r,
               double  length)
{
  double y0, y1;
  double spacing = r->g.horizontal ? 7 * r->line_height : 2.4 * r->line_height;

  _integrity_chart_y_extent (r->chart, &y0, &y1);
  integrity_chart_ticks_compute (&r->ticks, y0, y1, (guint) CLAMP (length / spacing, 2, 11),
                                 r->chart->y_format);
  /* A range fixed by the caller is kept as given. */
  if (isfinite (r->chart->y_min) && isfinite (r->chart->y_max) && r->chart->y_max > r->chart->y_min)
    {
      r->g.y0 = r->chart->y_min;
      r->g.y1 = r->chart->y_max;
    }
  else
    {
      r->g.y0 = r->ticks.min;
      r->g.y1 = r->ticks.max;
    }
}

static void
draw_value_axis (Render *r)
{
  cairo_t *cr = r->cr;

  for (guint i = 0; i < r->ticks.n; i++)
    {
      double v = integrity_chart_ticks_get (&r->ticks, i);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double p;
      int w, h;

      if (v < MIN (r->g.y0, r->g.y1) - 1e-9 || v > MAX (r->g.y0, r->g.y1) + 1e-9)
        continue;
      text = integrity_chart_ticks_format (&r->ticks, v, r->chart->y_format);
      layout = _render_layout (r, FONT_LABEL, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      p = round (_render_y_px (r, v)) + 0.5;

      _render_set_colour (r, v == 0 ? &r->style->axis : &r->style->grid, 1);
      cairo_set_line_width (cr, 1);
      if (r->g.horizontal)
        {
          cairo_move_to (cr, p, r->g.y);
          cairo_line_to (cr, p, r->g.y + r->g.height);
          cairo_stroke (cr);
          _render_text (r, layout, p - w / 2.0, r->g.y + r->g.height + 6, &r->style->muted, FALSE);
        }
      else
        {
          cairo_move_to (cr, r->g.x, p);
          cairo_line_to (cr, r->g.x + r->g.width, p);
          cairo_stroke (cr);
          _render_text (r, layout, r->g.x - w - 8, p - h / 2.0, &r->style->muted, FALSE);
        }
    }
}

/* Layout --------------------------------------------------------------- */

static double
widest_of (Render             *r,
           const char * const *texts,
           guint               n)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, _render_text_width (r, FONT_LABEL, texts[i]));
  return widest;
}

static guint
slot_count (IntegrityChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      if (series->kind == INTEGRITY_CHART_SERIES_HBARS)
        return series->y->len;
      if (series->kind == INTEGRITY_CHART_SERIES_HEATMAP)
        return g_strv_length (series->rows);
    }
  return 0;
}

static const char * const *
slot_labels (IntegrityChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (_integrity_chart_series (chart, s)->kind == INTEGRITY_CHART_SERIES_HEATMAP)
      return (const char * const *) _integrity_chart_series (chart, s)->rows;
  return (const char * const *) chart->categories->pdata;
}

static guint
layout_plot (Render *r,
             double  top,
             double  bottom,
             GArray *placed)
{
  IntegrityChart *chart = r->chart;
  gboolean heat = _integrity_chart_has_heatmap (chart) && !r->g.horizontal;
  double axis_h, left, right_extra = 0, notes_h, y_label_h;
  guint levels;

  axis_h = r->g.horizontal ? r->line_height + 8 : _render_x_axis_height (r);
  y_label_h = chart->y_label != NULL && !heat ? r->line_height + 4 : 0;

  if (r->g.horizontal)
    {
      guint n = slot_count (chart);
      compute_ticks (r, r->width * 0.6);
      left = MIN (_render_hbar_label_width (r, bottom - top - axis_h - y_label_h - r->line_height - 4),
                  r->width * 0.4) + 12;
      right_extra = max_tick_label_width (r) + 8;
      r->g.x0 = -0.5;
      r->g.x1 = MAX (n, 1) - 0.5;
    }
  else if (heat)
    {
      guint n = slot_count (chart);
      left = MIN (widest_of (r, slot_labels (chart), n), r->width * 0.35) + 12;
      r->g.y0 = n - 0.5;  /* first row at the top */
      r->g.y1 = -0.5;
      _integrity_chart_x_extent (chart, &r->g.x0, &r->g.x1);
    }
  else
    {
      compute_ticks (r, bottom - top - axis_h - y_label_h);
      left = max_tick_label_width (r) + 14;
      _integrity_chart_x_extent (chart, &r->g.x0, &r->g.x1);
    }

  r->g.x = r->pad + left;
  r->g.width = MAX (r->width - r->pad - right_extra - r->g.x, 20);
  levels = place_notes (r, placed);
  notes_h = levels > 0 ? levels * (r->line_height + 2) + 6 : 0;

  r->g.y = top + y_label_h + notes_h + (r->g.horizontal ? r->line_height + 4 : r->line_height / 2);
  r->g.height = MAX (bottom - axis_h - r->g.y, 20);
  if (!r->g.horizontal && !heat)
    compute_ticks (r, r->g.height);
  return levels;
}

void
integrity_chart_render_full (IntegrityChart            *chart,
                             cairo_t                   *cr,
                             double                     width,
                             double                     height,
                             const IntegrityChartStyle *style,
                             IntegrityChartGeometry    *geometry)
{
  IntegrityChartStyle fallback;
  Render r = { 0 };
  g_autoptr(GArray) placed = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double top, bottom, notes_top;
  int cw = 0, ch = 0;

  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      integrity_chart_style_init (&fallback, INTEGRITY_CHART_THEME_LIGHT, 1.0);
      style = &fallback;
    }
  r.chart = chart;
  r.cr = cr;
  r.style = style;
  r.width = width;
  r.height = height;
  r.pad = 16 * style->font_scale;
  r.pango = pango_cairo_create_context (cr);
  fonts_init (&r);
  r.line_height = pango_font_description_get_size (r.fonts[FONT_LABEL]) / (double) PANGO_SCALE * 1.3;
  r.g.horizontal = _integrity_chart_is_horizontal (chart);
  placed = g_array_new (FALSE, TRUE, sizeof (PlacedNote));
  g_array_set_clear_func (placed, placed_note_clear);

  cairo_save (cr);
  _render_set_colour (&r, &style->background, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  top = r.pad;
  top += draw_wrapped (&r, FONT_TITLE, chart->title, top, &style->foreground);
  top += draw_wrapped (&r, FONT_SUBTITLE, chart->subtitle, top, &style->muted);
  top += 8;
  top += layout_legend (&r, top, TRUE);

  bottom = height - r.pad;
  if (chart->caption != NULL && *chart->caption != '\0')
    {
      caption = _render_layout (&r, FONT_SMALL, chart->caption, width - 2 * r.pad);
      pango_layout_get_pixel_size (caption, &cw, &ch);
      bottom -= ch + 8;
      _render_text (&r, caption, r.pad, height - r.pad - ch, &style->muted, FALSE);
    }

  layout_plot (&r, top, bottom, placed);
  notes_top = top + (chart->y_label != NULL ? r.line_height + 4 : 0);

  if (chart->y_label != NULL && !(_integrity_chart_has_heatmap (chart) && !r.g.horizontal))
    {
      g_autoptr(PangoLayout) y_label = _render_layout (&r, FONT_LABEL, chart->y_label, -1);
      _render_text (&r, y_label, r.pad, top, &style->muted, FALSE);
    }

  if (!(_integrity_chart_has_heatmap (chart) && !r.g.horizontal))
    draw_value_axis (&r);
  if (!r.g.horizontal)
    _render_x_axis (&r);

  /* Marks stay in the plot; bar and row labels go to its left. */
  cairo_save (cr);
  if (r.g.horizontal || _integrity_chart_has_heatmap (chart))
    cairo_rectangle (cr, 0, r.g.y - style->line_width * 3,
                     width, r.g.height + style->line_width * 6);
  else
    cairo_rectangle (cr, r.g.x - style->line_width * 3, r.g.y - style->line_width * 3,
                     r.g.width + style->line_width * 6, r.g.height + style->line_width * 6);
  cairo_clip (cr);
  _render_series (&r);
  cairo_restore (cr);

  draw_targets (&r);
  draw_notes (&r, placed, notes_top);
  cairo_restore (cr);

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (r.fonts[i]);
  g_object_unref (r.pango);
  if (geometry != NULL)
    *geometry = r.g;
}

/**
 * integrity_chart_render:
 * @style: (nullable): colours and sizes; %NULL for the light theme
 *
 * Draws @chart filling 0,0 – @width,@height of @cr, background included.
 */
void
integrity_chart_render (IntegrityChart            *chart,
                        cairo_t                   *cr,
                        double                     width,
                        double                     height,
                        const IntegrityChartStyle *style)
{
  integrity_chart_render_full (chart, cr, width, height, style, NULL);
}
