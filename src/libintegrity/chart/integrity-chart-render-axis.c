/* integrity-chart-render-axis.c — the X axis: months, weeks, days and categories, thinned to fit. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include "integrity-chart-render-private.h"

static const int month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240 };
static const int day_steps[] = { 1, 2, 7, 14 };

static void
x_tick_clear (gpointer data)
{
  XTick *tick = data;

  g_free (tick->line1);
  g_free (tick->line2);
}

static void
add_tick (GArray *ticks,
          double  x,
          char   *line1,
          char   *line2)
{
  XTick tick = { x, line1, line2 };
  g_array_append_val (ticks, tick);
}

static double
label_room (Render     *r,
            const char *sample)
{
  /* The widest of a sample label and a year, and a gap. */
  return MAX (_render_text_width (r, FONT_LABEL, sample), _render_text_width (r, FONT_LABEL, "2000"))
         + 16 * r->style->font_scale;
}

static char *
date_text (GDate      *date,
           const char *format)
{
  char text[64];

  g_date_strftime (text, sizeof text, format, date);
  return g_strdup (text[0] == '0' ? text + 1 : text);
}

/* Ticks on the first of months; on a day axis (@julian) at that day. The
 * step grows from one month to decades as the plot narrows; the year is
 * written under January and under the first label. */
static void
month_ticks (Render   *r,
             GArray   *ticks,
             gboolean  julian)
{
  double x0 = r->g.x0, x1 = r->g.x1;
  IntegrityMonth first, last;
  double months, per_month, room;
  int step = month_steps[G_N_ELEMENTS (month_steps) - 1];
  gboolean first_label = TRUE;
  GDate date;

  g_date_clear (&date, 1);
  if (julian)
    {
      if (x0 < 1 || x1 > G_MAXUINT32)
        return;
      g_date_set_julian (&date, (guint32) ceil (x0));
      first = integrity_month_from_date (&date);
      g_date_set_julian (&date, (guint32) floor (x1));
      last = integrity_month_from_date (&date);
      months = (x1 - x0) / 30.44;
    }
  else
    {
      first = (IntegrityMonth) ceil (x0);
      last = (IntegrityMonth) floor (x1);
      months = x1 - x0;
    }

  per_month = r->g.width / MAX (months, 1e-9);
  room = label_room (r, "Sep");
  for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
    if (month_steps[i] * per_month >= room)
      {
        step = month_steps[i];
        break;
      }

  for (IntegrityMonth m = first; m <= last; m++)
    {
      int month0 = integrity_month_get_month (m) - 1;
      int year = integrity_month_get_year (m);
      double x;

      integrity_month_first_day (m, &date);
      x = julian ? (double) g_date_get_julian (&date) : (double) m;
      if (x < x0 || x > x1)
        continue;
      if (step >= 12)
        {
          if (month0 == 0 && year % (step / 12) == 0)
            add_tick (ticks, x, g_strdup_printf ("%d", year), NULL);
          continue;
        }
      if (month0 % step != 0)
        continue;
      add_tick (ticks, x, date_text (&date, "%b"),
                first_label || month0 == 0 ? g_strdup_printf ("%d", year) : NULL);
      first_label = FALSE;
    }
}

/* Day or week ticks ("3 Mar") where they fit; else month ticks. */
static void
day_ticks (Render *r,
           GArray *ticks,
           guint   min_step)
{
  double per_day = r->g.width / MAX (r->g.x1 - r->g.x0, 1e-9);
  double room = label_room (r, "30 Sep");
  int step = 0;
  int last_year = 0;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
    if (day_steps[i] >= (int) min_step && day_steps[i] * per_day >= room)
      {
        step = day_steps[i];
        break;
      }
  if (step == 0 || r->g.x0 < 1 || r->g.x1 > G_MAXUINT32)
    {
      month_ticks (r, ticks, TRUE);
      return;
    }

  g_date_clear (&date, 1);
  for (double x = ceil (r->g.x0); x <= r->g.x1; x++)
    {
      /* Julian day 1 is a Monday: weekly labels fall on Mondays. */
      guint32 day = (guint32) x;
      if ((step >= 7 && (day - 1) % 7 != 0) || (step < 7 && day % step != 0))
        continue;
      if (step == 14 && ((day - 1) / 7) % 2 != 0)
        continue;
      g_date_set_julian (&date, day);
      add_tick (ticks, x, date_text (&date, "%d %b"),
                g_date_get_year (&date) != last_year ? g_strdup_printf ("%d", g_date_get_year (&date)) : NULL);
      last_year = g_date_get_year (&date);
    }
}

GArray *
_render_x_ticks (Render *r)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (XTick));

  g_array_set_clear_func (ticks, x_tick_clear);
  switch (r->chart->x_kind)
    {
    case INTEGRITY_CHART_X_MONTHS:
      month_ticks (r, ticks, FALSE);
      break;
    case INTEGRITY_CHART_X_WEEKS:
      day_ticks (r, ticks, 7);
      break;
    case INTEGRITY_CHART_X_DAYS:
      day_ticks (r, ticks, 1);
      break;
    case INTEGRITY_CHART_X_CATEGORIES:
    default:
      for (guint i = 0; i < r->chart->categories->len; i++)
        add_tick (ticks, i, g_strdup (g_ptr_array_index (r->chart->categories, i)), NULL);
      break;
    }
  return ticks;
}

double
_render_x_axis_height (Render *r)
{
  return 2 * r->line_height + 10;
}

static void
draw_category_labels (Render *r,
                      GArray *ticks)
{
  double slot = r->g.width / MAX (r->g.x1 - r->g.x0, 1e-9);
  guint every = (guint) MAX (1, ceil (56 * r->style->font_scale / slot));

  for (guint i = 0; i < ticks->len; i += every)
    {
      XTick *tick = &g_array_index (ticks, XTick, i);
      g_autoptr(PangoLayout) layout = _render_layout (r, FONT_LABEL, tick->line1, slot * every - 6);
      double px = _render_x_px (r, tick->x);

      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _render_text (r, layout, px - (slot * every - 6) / 2, r->g.y + r->g.height + 6,
                    &r->style->foreground, FALSE);
    }
}

void
_render_x_axis (Render *r)
{
  cairo_t *cr = r->cr;
  g_autoptr(GArray) ticks = _render_x_ticks (r);
  double bottom = round (r->g.y + r->g.height) + 0.5;
  double last_right = -G_MAXDOUBLE;

  _render_set_colour (r, &r->style->axis, 1);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, r->g.x, bottom);
  cairo_line_to (cr, r->g.x + r->g.width, bottom);
  cairo_stroke (cr);

  if (r->chart->x_kind == INTEGRITY_CHART_X_CATEGORIES)
    {
      draw_category_labels (r, ticks);
      return;
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      XTick *tick = &g_array_index (ticks, XTick, i);
      g_autoptr(PangoLayout) line1 = _render_layout (r, FONT_LABEL, tick->line1, -1);
      double px = round (_render_x_px (r, tick->x)) + 0.5;
      double left;
      int w, h;

      pango_layout_get_pixel_size (line1, &w, &h);
      left = CLAMP (px - w / 2.0, 0, r->width - w);
      if (left < last_right + 4)
        continue;
      last_right = left + w;

      _render_set_colour (r, &r->style->axis, 1);
      cairo_move_to (cr, px, bottom);
      cairo_line_to (cr, px, bottom + 5);
      cairo_stroke (cr);
      _render_text (r, line1, left, bottom + 6, &r->style->foreground, FALSE);
      if (tick->line2 != NULL)
        {
          g_autoptr(PangoLayout) line2 = _render_layout (r, FONT_LABEL, tick->line2, -1);
          int w2, h2;

          pango_layout_get_pixel_size (line2, &w2, &h2);
          _render_text (r, line2, CLAMP (px - w2 / 2.0, 0, r->width - w2), bottom + 6 + h,
                        &r->style->muted, FALSE);
        }
    }
}
