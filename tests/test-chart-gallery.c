/* test-chart-gallery.c — every series kind drawn in light and dark, saved for people to look at. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#define N_MONTHS 24

static IntegrityMonth
first_month (void)
{
  return integrity_month_new (2019, 4);
}

static void
months (double *x,
        guint   n)
{
  for (guint i = 0; i < n; i++)
    x[i] = first_month () + i;
}

static IntegrityChart *
recording_rate_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  double x[N_MONTHS], y[N_MONTHS], lo[N_MONTHS], hi[N_MONTHS];
  guint s;

  months (x, N_MONTHS);
  for (guint i = 0; i < N_MONTHS; i++)
    {
      y[i] = 0.89 - 0.113 * i / (N_MONTHS - 1) + 0.012 * sin (i * 1.3);
      lo[i] = y[i] - 0.03 - 0.01 * (i % 3);
      hi[i] = y[i] + 0.028 + 0.01 * (i % 3);
    }
  y[N_MONTHS - 1] = 0.777;
  y[9] = lo[9] = hi[9] = NAN;  /* a month with no audit */

  integrity_chart_set_title (chart, "Crime recording rate, all crime");
  integrity_chart_set_subtitle (chart, "Crimes recorded of those that should have been, by month");
  integrity_chart_set_caption (chart, "Source: monthly audit of incident records. Shaded: 95% Wilson interval. Demo data.");
  s = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BAND, "All crime", x, y, N_MONTHS);
  integrity_chart_set_series_interval (chart, s, lo, hi, N_MONTHS);
  for (guint i = 0; i < N_MONTHS; i++)
    y[i] = isfinite (y[i]) ? y[i] - 0.06 - 0.02 * cos (i) : NAN;
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, "Violence against the person", x, y, N_MONTHS);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.90, NULL);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TODAY, first_month () + 22, NULL);
  integrity_chart_add_annotation (chart, first_month () + 14, "Inspection report published");
  integrity_chart_add_annotation (chart, first_month () + 16, "Refresher training starts");
  integrity_chart_add_annotation (chart, first_month () + 17, "Crime support line opens");
  return chart;
}

static IntegrityChart *
area_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_COUNT);
  double x[N_MONTHS], y[N_MONTHS];

  months (x, N_MONTHS);
  for (guint i = 0; i < N_MONTHS; i++)
    y[i] = 180 + 40 * sin (i / 3.0) + 2.5 * i;
  integrity_chart_set_title (chart, "Estimated crimes not recorded, a day");
  integrity_chart_set_y_label (chart, "crimes a day");
  integrity_chart_set_caption (chart, "Recorded volume × (1 − rate) / rate, per day in the month.");
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_AREA, "Unrecorded a day", x, y, N_MONTHS);
  return chart;
}

static IntegrityChart *
grouped_bars_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  double x[12], a[12], b[12], c[12];

  months (x, 12);
  for (guint i = 0; i < 12; i++)
    {
      a[i] = 0.82 + 0.01 * (i % 4);
      b[i] = 0.71 + 0.015 * (i % 5);
      c[i] = 0.64 + 0.02 * (i % 3);
    }
  c[4] = NAN;
  integrity_chart_set_title (chart, "Victims contacted within the Victims' Code time limit");
  integrity_chart_set_y_range (chart, 0, 1);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BARS, "Referral (2 working days)", x, a, 12);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BARS, "Key decisions (5 days)", x, b, 12);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BARS, "Enhanced rights (1 day)", x, c, 12);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.95, NULL);
  return chart;
}

static IntegrityChart *
stacked_bars_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_COUNT);
  const char *names[] = { "Violence", "Stalking and harassment", "Sexual offences", "Other" };
  double x[12], y[12];

  months (x, 12);
  integrity_chart_set_title (chart, "Crimes recorded, by offence group");
  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      for (guint i = 0; i < 12; i++)
        y[i] = (4 - s) * 1800 + 300 * sin (i + s);
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, names[s], x, y, 12);
    }
  return chart;
}

static const char * const districts[] = {
  "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan", NULL,
};

static IntegrityChart *
league_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  double x[10], y[10], lo[10], hi[10];
  guint s;

  for (guint i = 0; i < 10; i++)
    {
      x[i] = i;
      y[i] = 0.68 + 0.025 * ((i * 7) % 10);
      lo[i] = y[i] - 0.035;
      hi[i] = y[i] + 0.033;
    }
  y[3] = lo[3] = hi[3] = NAN;
  integrity_chart_set_categories (chart, districts);
  integrity_chart_set_title (chart, "Recording rate by district, last 12 months");
  integrity_chart_set_caption (chart, "Lines: 95% interval. Oldham: too few audited incidents to show.");
  s = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, "Recording rate", x, y, 10);
  integrity_chart_set_series_interval (chart, s, lo, hi, 10);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.90, NULL);
  return chart;
}

static IntegrityChart *
intervals_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  const char *groups[] = { "All crime", "Violence against the person", "Sexual offences", "Domestic abuse",
                           "Behavioural crimes", NULL };
  double x[5] = { 0, 1, 2, 3, 4 };
  double y[5] = { 0.777, 0.71, 0.82, 0.69, 0.58 };
  double lo[5], hi[5], y2[5], lo2[5], hi2[5];
  guint s;

  for (guint i = 0; i < 5; i++)
    {
      lo[i] = y[i] - 0.02 - 0.01 * i;
      hi[i] = y[i] + 0.02 + 0.01 * i;
      y2[i] = y[i] + 0.06;
      lo2[i] = lo[i] + 0.05;
      hi2[i] = hi[i] + 0.07;
    }
  integrity_chart_set_categories (chart, groups);
  integrity_chart_set_title (chart, "Recording rate by reporting category");
  integrity_chart_set_caption (chart, "Points: estimate; lines: 95% interval.");
  s = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_INTERVALS, "2023/24", x, y, 5);
  integrity_chart_set_series_interval (chart, s, lo, hi, 5);
  s = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_INTERVALS, "2024/25", x, y2, 5);
  integrity_chart_set_series_interval (chart, s, lo2, hi2, 5);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.90, NULL);
  return chart;
}

static IntegrityChart *
burn_up_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_WEEKS, INTEGRITY_FORMAT_COUNT);
  GDate start;
  double x[20], done[20], plan[20];

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 4, G_DATE_NOVEMBER, 2024);  /* a Monday */
  for (guint i = 0; i < 20; i++)
    {
      x[i] = g_date_get_julian (&start) + 7 * i;
      done[i] = i < 14 ? round (420 * (1 - exp (-(double) i / 6.0))) : NAN;
      plan[i] = MIN (400, 400.0 * i / 12);
    }
  integrity_chart_set_title (chart, "Sergeants through the refresher training");
  integrity_chart_set_subtitle (chart, "Officers who have completed every module, by week");
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STEP, "Completed", x, done, 20);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, "Needed to finish on time", x, plan, 20);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 400, "All 400 sergeants");
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_DEADLINE, x[12] + 3, "Deadline: end of January");
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TODAY, x[13] + 2, NULL);
  return chart;
}

static IntegrityChart *
heatmap_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  double x[12], values[10 * 12];

  months (x, 12);
  for (guint r = 0; r < 10; r++)
    for (guint c = 0; c < 12; c++)
      values[r * 12 + c] = 0.65 + 0.03 * ((r * 3 + c) % 9) + 0.004 * c;
  values[3 * 12 + 5] = NAN;
  integrity_chart_set_title (chart, "Recording rate by district and month");
  integrity_chart_add_heatmap (chart, "Recording rate", districts, x, 12, values);
  return chart;
}

static IntegrityChart *
dense_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_DAYS, INTEGRITY_FORMAT_COUNT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n = 200000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  double v = 200;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, 2022);
  for (guint i = 0; i < n; i++)
    {
      x[i] = g_date_get_julian (&start) + i * (730.0 / n);
      v += g_rand_double_range (rand, -1, 1);
      y[i] = v;
    }
  integrity_chart_set_title (chart, "Calls to the crime support line (200,000 readings)");
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, "Calls", x, y, n);
  return chart;
}

typedef IntegrityChart *(*ChartBuilder) (void);

static const struct { const char *name; ChartBuilder build; } gallery[] = {
  { "band-line", recording_rate_chart },
  { "area", area_chart },
  { "grouped-bars", grouped_bars_chart },
  { "stacked-bars", stacked_bars_chart },
  { "league-table", league_chart },
  { "intervals", intervals_chart },
  { "burn-up", burn_up_chart },
  { "heatmap", heatmap_chart },
  { "dense", dense_chart },
};

/* Share of pixels unlike the background: a blank chart has almost none. */
static double
ink_share (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  int w, h, stride;
  const guint8 *data;
  guint32 background;
  guint64 inked = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  background = *(const guint32 *) (gconstpointer) data;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(const guint32 *) (gconstpointer) (data + y * stride + x * 4) != background)
        inked++;
  cairo_surface_destroy (surface);
  return inked / (double) (w * h);
}

static void
test_gallery (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "gallery", NULL);
  static const struct { const char *name; IntegrityChartTheme theme; double scale; } themes[] = {
    { "light", INTEGRITY_CHART_THEME_LIGHT, 1.0 },
    { "dark", INTEGRITY_CHART_THEME_DARK, 1.0 },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (gallery); i++)
    {
      g_autoptr(IntegrityChart) chart = gallery[i].build ();

      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          IntegrityChartStyle style;
          g_autoptr(GError) error = NULL;
          g_autofree char *file = g_strdup_printf ("%s-%s.png", gallery[i].name, themes[t].name);
          g_autofree char *path = g_build_filename (dir, file, NULL);

          integrity_chart_style_init (&style, themes[t].theme, themes[t].scale);
          g_assert_true (integrity_chart_save (chart, path, 960, 540, &style, &error));
          g_assert_no_error (error);
          g_test_message ("%s", path);
          g_assert_cmpfloat (ink_share (path), >, 0.03);
        }
    }

  /* Presentation mode: large type on a projector. */
  {
    g_autoptr(IntegrityChart) chart = recording_rate_chart ();
    g_autofree char *path = g_build_filename (dir, "band-line-projector.png", NULL);
    IntegrityChartStyle style;

    integrity_chart_style_init (&style, INTEGRITY_CHART_THEME_HIGH_CONTRAST, 1.6);
    g_assert_true (integrity_chart_save (chart, path, 1600, 900, &style, NULL));
    g_assert_cmpfloat (ink_share (path), >, 0.03);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/gallery", test_gallery);
  return g_test_run ();
}
