/* bench-chart.c — a line of N points drawn thinned (M4) and naively. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints, per N, the median time to draw a 1600×400 line chart of N
 * random-walk points with the library (thinning each time: the data are
 * set again before every run, so nothing is cached), the median time to
 * stroke the same points as one cairo path, and their ratio. Figures,
 * not a test: nothing here asserts a time. */

#define WIDTH 1600
#define HEIGHT 400

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
draw_naive (const double                 *x,
            const double                 *y,
            gsize                         n,
            const IntegrityChartGeometry *g,
            cairo_t                      *cr)
{
  double start = now_ms ();

  cairo_set_source_rgb (cr, 0, 0.447, 0.698);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, integrity_chart_geometry_x_to_pixel (g, x[0]), integrity_chart_geometry_y_to_pixel (g, y[0]));
  for (gsize i = 1; i < n; i++)
    cairo_line_to (cr, integrity_chart_geometry_x_to_pixel (g, x[i]), integrity_chart_geometry_y_to_pixel (g, y[i]));
  cairo_stroke (cr);
  cairo_surface_flush (cairo_get_target (cr));
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  static const gsize sizes[] = { 10000, 100000, 1000000, 10000000 };
  /* The naive stroke of 10^7 points takes minutes: past this many
   * milliseconds for one size, the larger sizes are skipped. */
  const double naive_budget_ms = 20000;
  gboolean naive_skip = FALSE;
  double cached[G_N_ELEMENTS (sizes)];
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  printf ("%-10s %12s %12s %10s\n", "N", "thinned_ms", "naive_ms", "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      guint runs = n >= 10000000 ? 5 : 9;
      guint naive_runs = n >= 1000000 ? 1 : 3;
      g_autofree double *x = g_new (double, n);
      g_autofree double *y = g_new (double, n);
      g_autofree double *times = g_new (double, runs);
      g_autofree double *naive_times = g_new (double, naive_runs);
      g_autoptr(IntegrityChart) chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_DECIMAL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      IntegrityChartStyle style;
      IntegrityChartGeometry geometry;
      double v = 0, thinned_ms, naive_ms = NAN;
      guint series;

      for (gsize i = 0; i < n; i++)
        {
          x[i] = (double) i;
          v += g_rand_double_range (rand, -1, 1);
          y[i] = v;
        }
      integrity_chart_style_init (&style, INTEGRITY_CHART_THEME_LIGHT, 1.0);
      integrity_chart_set_title (chart, "Random walk");
      series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, "Walk", x, y, n);

      integrity_chart_render_full (chart, cr, WIDTH, HEIGHT, &style, &geometry);  /* warm up fonts */
      for (guint r = 0; r < runs; r++)
        {
          double start;

          integrity_chart_set_series_data (chart, series, x, y, n);  /* drops the thinned copy */
          start = now_ms ();
          integrity_chart_render_full (chart, cr, WIDTH, HEIGHT, &style, &geometry);
          cairo_surface_flush (surface);
          times[r] = now_ms () - start;
        }
      thinned_ms = median (times, runs);
      for (guint r = 0; r < runs; r++)
        {
          double start = now_ms ();
          integrity_chart_render (chart, cr, WIDTH, HEIGHT, &style);
          cairo_surface_flush (surface);
          times[r] = now_ms () - start;
        }
      cached[s] = median (times, runs);

      if (!naive_skip)
        {
          for (guint r = 0; r < naive_runs; r++)
            naive_times[r] = draw_naive (x, y, n, &geometry, cr);
          naive_ms = median (naive_times, naive_runs);
          naive_skip = naive_ms > naive_budget_ms / 10;
        }

      if (isfinite (naive_ms))
        printf ("%-10zu %12.2f %12.1f %9.0f×\n", n, thinned_ms, naive_ms, naive_ms / thinned_ms);
      else
        printf ("%-10zu %12.2f %12s %10s\n", n, thinned_ms, "skipped", "–");
      fflush (stdout);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  printf ("\nRedrawn with the thinned points cached (data unchanged):\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    printf ("%-10zu %12.2f\n", sizes[s], cached[s]);
  if (naive_skip)
    printf ("\nNaive stroke skipped past the first size that took over %.0f ms: it grows faster than N.\n",
            naive_budget_ms / 10);
  return 0;
}
