/* integrity-chart-scale.c — axis ticks and per-pixel thinning. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <math.h>

#include "integrity-chart-scale.h"

/* The smallest of 1, 2, 5 × 10^k that is at least @raw. */
static double
nice_step_at_least (double raw)
{
  double magnitude = pow (10.0, floor (log10 (raw)));
  double norm = raw / magnitude;

  if (norm <= 1.0 + 1e-9)
    return magnitude;
  if (norm <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (norm <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/**
 * integrity_chart_ticks_compute:
 * @lo: the smallest value to show (NAN: none)
 * @hi: the largest value to show
 * @max_ticks: how many ticks fit, at least 2
 *
 * Picks a 1-2-5 step so that [@lo, @hi] is covered by at most @max_ticks
 * ticks. Counts never get fractional steps; percentages (fractions) stay
 * within 0..100% when the data do; one value, or all equal, gets a small
 * range around it.
 */
void
integrity_chart_ticks_compute (IntegrityChartTicks *ticks,
                               double               lo,
                               double               hi,
                               guint                max_ticks,
                               IntegrityFormat      format)
{
  double step;
  double pad;

  g_return_if_fail (ticks != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) && !isfinite (hi))
    {
      lo = 0;
      hi = 1;
    }
  else if (!isfinite (lo))
    lo = hi;
  else if (!isfinite (hi))
    hi = lo;
  if (lo > hi)
    {
      double swap = lo;
      lo = hi;
      hi = swap;
    }

  if (hi - lo <= fabs (hi) * 1e-12)
    {
      pad = lo == 0 ? (format == INTEGRITY_FORMAT_PERCENT ? 0.1 : 1.0) : fabs (lo) * 0.1;
      if (format == INTEGRITY_FORMAT_COUNT)
        pad = MAX (pad, 1.0);
      pad = nice_step_at_least (pad);
      if (lo >= 0 && lo - pad < 0)
        lo = 0;
      else
        lo -= pad;
      hi += pad;
    }

  step = nice_step_at_least ((hi - lo) / (max_ticks - 1));
  if (format == INTEGRITY_FORMAT_COUNT)
    step = MAX (step, 1.0);

  for (;;)
    {
      ticks->step = step;
      ticks->min = floor (lo / step + 1e-9) * step;
      ticks->max = ceil (hi / step - 1e-9) * step;
      if (ticks->max <= ticks->min)
        ticks->max = ticks->min + step;
      if (format == INTEGRITY_FORMAT_PERCENT && hi <= 1.0 && ticks->max > 1.0)
        ticks->max = 1.0;
      ticks->n = (guint) llround ((ticks->max - ticks->min) / step) + 1;
      if (ticks->n <= max_ticks)
        break;
      step = nice_step_at_least (step * 1.5);
    }
}

double
integrity_chart_ticks_get (const IntegrityChartTicks *ticks,
                           guint                      index)
{
  double value;

  g_return_val_if_fail (ticks != NULL, NAN);

  value = ticks->min + index * ticks->step;
  /* 0.30000000000000004 is 0.3 */
  return round (value / ticks->step) * ticks->step;
}

static int
decimals_for_step (double step)
{
  if (step >= 1.0 - 1e-9)
    return 0;
  return (int) ceil (-log10 (step) - 1e-9);
}

/* A tick label: as few decimals as the step needs ("20%", "2.5%", "1,000,000"). */
char *
integrity_chart_ticks_format (const IntegrityChartTicks *ticks,
                              double                     value,
                              IntegrityFormat            format)
{
  int decimals;

  g_return_val_if_fail (ticks != NULL, NULL);

  if (fabs (value) < ticks->step * 1e-9)
    value = 0;

  switch (format)
    {
    case INTEGRITY_FORMAT_PERCENT:
      return g_strdup_printf ("%.*f%%", decimals_for_step (ticks->step * 100.0), value * 100.0);
    case INTEGRITY_FORMAT_COUNT:
    case INTEGRITY_FORMAT_DAYS:
    case INTEGRITY_FORMAT_DECIMAL:
    default:
      decimals = decimals_for_step (ticks->step);
      if (decimals == 0)
        return integrity_format_count (value);
      return g_strdup_printf ("%.*f", decimals, value);
    }
}

static inline gint64
pixel_column (double x,
              double x0,
              double scale)
{
  double c = (x - x0) * scale;
  /* Truncation is floor for the usual case, and much cheaper. */
  return c >= 0 ? (gint64) c : (gint64) floor (c);
}

/**
 * integrity_chart_thin_m4:
 * @x: X values, ascending
 * @y: Y values; NAN is a gap
 * @x0: the X at the left edge of the plot
 * @x1: the X at the right edge
 * @columns: pixel columns between @x0 and @x1
 * @out_x: (element-type double): appended to
 * @out_y: (element-type double): appended to; a NAN pair marks a gap
 *
 * M4 thinning: of each run of points that falls in one pixel column keeps
 * the first, the lowest, the highest and the last, in their order, so a
 * line through what is kept covers exactly the pixels the full line would.
 *
 * Returns: the number of points appended
 */
gsize
integrity_chart_thin_m4 (const double *x,
                         const double *y,
                         gsize         n,
                         double        x0,
                         double        x1,
                         guint         columns,
                         GArray       *out_x,
                         GArray       *out_y)
{
  double scale;
  gsize start_len;
  gsize i = 0;
  gboolean in_gap = TRUE;

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), 0);
  g_return_val_if_fail (out_x != NULL && out_y != NULL, 0);
  g_return_val_if_fail (x1 > x0 && columns > 0, 0);

  start_len = out_x->len;
  scale = columns / (x1 - x0);

  while (i < n)
    {
      gsize keep[4];
      gsize first, lowest, highest, last;
      gint64 column;

      if (!isfinite (y[i]) || !isfinite (x[i]))
        {
          if (!in_gap)
            {
              double gap = NAN;
              g_array_append_val (out_x, gap);
              g_array_append_val (out_y, gap);
            }
          in_gap = TRUE;
          i++;
          continue;
        }

      in_gap = FALSE;
      column = pixel_column (x[i], x0, scale);
      first = lowest = highest = last = i;
      for (i = i + 1; i < n; i++)
        {
          if (!isfinite (y[i]) || pixel_column (x[i], x0, scale) != column)
            break;
          if (y[i] < y[lowest])
            lowest = i;
          if (y[i] > y[highest])
            highest = i;
          last = i;
        }

      keep[0] = first;
      keep[1] = MIN (lowest, highest);
      keep[2] = MAX (lowest, highest);
      keep[3] = last;
      for (guint k = 0; k < 4; k++)
        {
          if (k > 0 && keep[k] == keep[k - 1])
            continue;
          g_array_append_val (out_x, x[keep[k]]);
          g_array_append_val (out_y, y[keep[k]]);
        }
    }

  return out_x->len - start_len;
}
