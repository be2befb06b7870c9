/* test-chart.c — charts as a reader sees them: ticks, pixels, gaps, files, words. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#include "integrity-test-util.h"

#define WIDTH 800
#define HEIGHT 420

typedef struct
{
  cairo_surface_t        *surface;
  IntegrityChartGeometry  geometry;
} Picture;

static void
picture_render (Picture             *picture,
                IntegrityChart      *chart,
                IntegrityChartTheme  theme)
{
  IntegrityChartStyle style;
  cairo_t *cr;

  integrity_chart_style_init (&style, theme, 1.0);
  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (picture->surface);
  integrity_chart_render_full (chart, cr, WIDTH, HEIGHT, &style, &picture->geometry);
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
}

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
}

static void
pixel (Picture *picture,
       int      x,
       int      y,
       double  *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (picture->surface);
  guint32 p = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (picture->surface) + x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static gboolean
pixel_is (Picture       *picture,
          int            x,
          int            y,
          const GdkRGBA *colour,
          double         tolerance)
{
  double rgb[3];

  pixel (picture, x, y, rgb);
  return fabs (rgb[0] - colour->red) <= tolerance && fabs (rgb[1] - colour->green) <= tolerance
         && fabs (rgb[2] - colour->blue) <= tolerance;
}

static IntegrityMonth
april_2020 (void)
{
  return integrity_month_new (2020, 4);
}

/* Twelve months, Apr 2020 – Mar 2021, one value each. */
static IntegrityChart *
monthly_chart (IntegrityChartSeriesKind  kind,
               const double             *y)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  double x[12];

  for (guint i = 0; i < 12; i++)
    x[i] = april_2020 () + i;
  integrity_chart_set_title (chart, "Crime recording rate");
  integrity_chart_add_series (chart, kind, "All crime", x, y, 12);
  integrity_chart_set_y_range (chart, 0, 1);
  return chart;
}

static gboolean
is_nice_step (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));
  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
assert_ticks (double           lo,
              double           hi,
              IntegrityFormat  format,
              const char      *must_label)
{
  IntegrityChartTicks ticks;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gboolean found = must_label == NULL;

  integrity_chart_ticks_compute (&ticks, lo, hi, 6, format);
  g_assert_true (is_nice_step (ticks.step));
  if (isfinite (lo))
    g_assert_cmpfloat (ticks.min, <=, lo);
  if (isfinite (hi))
    g_assert_cmpfloat (ticks.max, >=, hi);
  g_assert_cmpuint (ticks.n, >=, 2);
  g_assert_cmpuint (ticks.n, <=, 6);
  if (format == INTEGRITY_FORMAT_COUNT)
    g_assert_cmpfloat (ticks.step, >=, 1);

  for (guint i = 0; i < ticks.n; i++)
    {
      char *label = integrity_chart_ticks_format (&ticks, integrity_chart_ticks_get (&ticks, i), format);
      /* Every label differs from the one before: no "1.0 1.0 1.0" axes. */
      if (i > 0)
        g_assert_cmpstr (label, !=, g_ptr_array_index (labels, i - 1));
      found |= g_strcmp0 (label, must_label) == 0;
      g_ptr_array_add (labels, label);
    }
  if (!found)
    g_error ("no tick labelled %s for %g–%g", must_label, lo, hi);
}

static void
test_ticks (void)
{
  assert_ticks (0, 0.7, INTEGRITY_FORMAT_PERCENT, "20%");
  assert_ticks (3, 1000003, INTEGRITY_FORMAT_COUNT, "1,000,000");
  assert_ticks (5, 5, INTEGRITY_FORMAT_COUNT, "5");             /* a single value */
  assert_ticks (0.8, 0.8, INTEGRITY_FORMAT_PERCENT, "80%");     /* all equal */
  assert_ticks (0, 0, INTEGRITY_FORMAT_COUNT, "0");
  assert_ticks (-37, 12, INTEGRITY_FORMAT_DECIMAL, "0");        /* negative */
  assert_ticks (-0.05, -0.01, INTEGRITY_FORMAT_PERCENT, NULL);
  assert_ticks (0.912, 0.937, INTEGRITY_FORMAT_PERCENT, NULL);
  assert_ticks (NAN, NAN, INTEGRITY_FORMAT_COUNT, "0");         /* no data at all */
}

static void
test_target_row (void)
{
  double y[12];
  g_autoptr(IntegrityChart) chart = NULL;
  IntegrityChartStyle style;
  Picture picture = { 0 };
  int row, hits = 0, left, right;

  for (guint i = 0; i < 12; i++)
    y[i] = 0.5;
  chart = monthly_chart (INTEGRITY_CHART_SERIES_LINE, y);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.9, NULL);
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  integrity_chart_style_init (&style, INTEGRITY_CHART_THEME_LIGHT, 1.0);

  /* 0–100% fills the plot, so 90% is a tenth of the way down. */
  g_assert_cmpfloat (picture.geometry.y0, ==, 0);
  g_assert_cmpfloat (picture.geometry.y1, ==, 1);
  row = (int) floor (picture.geometry.y + 0.1 * picture.geometry.height);
  left = (int) picture.geometry.x + 2;
  right = (int) (picture.geometry.x + picture.geometry.width * 0.6);  /* clear of its label */
  for (int x = left; x < right; x++)
    if (pixel_is (&picture, x, row, &style.foreground, 0.1))
      hits++;
  /* Dashed: about two thirds of the row is ink. */
  g_assert_cmpint (hits, >, (right - left) / 2);
  for (int x = left; x < right; x++)
    {
      g_assert_false (pixel_is (&picture, x, row - 6, &style.foreground, 0.1));
      g_assert_false (pixel_is (&picture, x, row + 6, &style.foreground, 0.1));
    }
  picture_clear (&picture);
}

static void
test_band (void)
{
  double y[12], lo[12], hi[12];
  g_autoptr(IntegrityChart) chart = NULL;
  Picture picture = { 0 };
  double rgb[3];
  double px;

  for (guint i = 0; i < 12; i++)
    {
      y[i] = 0.5;
      lo[i] = 0.4;
      hi[i] = 0.6;
    }
  chart = monthly_chart (INTEGRITY_CHART_SERIES_BAND, y);
  integrity_chart_set_series_interval (chart, 0, lo, hi, 12);
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);

  /* Between two months, so no point marker is there. */
  px = integrity_chart_geometry_x_to_pixel (&picture.geometry, april_2020 () + 5.5);
  for (double v = 0.42; v <= 0.58; v += 0.02)
    {
      if (fabs (v - 0.5) < 0.03)
        continue;  /* the line itself */
      pixel (&picture, (int) px, (int) integrity_chart_geometry_y_to_pixel (&picture.geometry, v), rgb);
      /* Tinted with the series' blue, lighter than the line. */
      g_assert_cmpfloat (rgb[2] - rgb[0], >, 0.1);
      g_assert_cmpfloat (rgb[0], >, 0.5);
    }
  for (guint k = 0; k < 2; k++)
    {
      double v = k == 0 ? 0.35 : 0.65;
      pixel (&picture, (int) px, (int) integrity_chart_geometry_y_to_pixel (&picture.geometry, v), rgb);
      g_assert_cmpfloat (fabs (rgb[2] - rgb[0]), <, 0.05);  /* untinted: background */
    }
  picture_clear (&picture);
}

static guint
series_pixels_in_column (Picture       *picture,
                         int            x,
                         const GdkRGBA *colour)
{
  guint hits = 0;

  for (int y = (int) picture->geometry.y; y < picture->geometry.y + picture->geometry.height; y++)
    if (pixel_is (picture, x, y, colour, 0.15))
      hits++;
  return hits;
}

static void
test_gaps (void)
{
  double y[12];
  g_autoptr(IntegrityChart) chart = NULL;
  IntegrityChartStyle style;
  Picture picture = { 0 };
  int gap_x, data_x;

  for (guint i = 0; i < 12; i++)
    y[i] = i == 5 || i == 6 ? NAN : 0.5;
  chart = monthly_chart (INTEGRITY_CHART_SERIES_LINE, y);
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  integrity_chart_style_init (&style, INTEGRITY_CHART_THEME_LIGHT, 1.0);

  gap_x = (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, april_2020 () + 5.5);
  data_x = (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, april_2020 () + 2.5);
  /* The line is drawn either side, and nothing (not a drop to zero) in the gap. */
  g_assert_cmpuint (series_pixels_in_column (&picture, data_x, integrity_chart_style_get_colour (&style, 0)), >, 0);
  g_assert_cmpuint (series_pixels_in_column (&picture, gap_x, integrity_chart_style_get_colour (&style, 0)), ==, 0);
  picture_clear (&picture);

  /* Bars: a missing month has no bar, not a zero-height one at the axis. */
  {
    g_autoptr(IntegrityChart) bars = monthly_chart (INTEGRITY_CHART_SERIES_BARS, y);
    picture_render (&picture, bars, INTEGRITY_CHART_THEME_LIGHT);
    gap_x = (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, april_2020 () + 5);
    data_x = (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, april_2020 () + 2);
    g_assert_cmpuint (series_pixels_in_column (&picture, data_x, integrity_chart_style_get_colour (&style, 0)), >, 0);
    g_assert_cmpuint (series_pixels_in_column (&picture, gap_x, integrity_chart_style_get_colour (&style, 0)), ==, 0);
    picture_clear (&picture);
  }
}

static void
test_dark_background (void)
{
  double y[12] = { 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8 };
  g_autoptr(IntegrityChart) chart = monthly_chart (INTEGRITY_CHART_SERIES_LINE, y);
  Picture light = { 0 }, dark = { 0 };
  double a[3], b[3];

  picture_render (&light, chart, INTEGRITY_CHART_THEME_LIGHT);
  picture_render (&dark, chart, INTEGRITY_CHART_THEME_DARK);
  pixel (&light, 2, HEIGHT - 2, a);
  pixel (&dark, 2, HEIGHT - 2, b);
  g_assert_cmpfloat (a[0] + a[1] + a[2], >, 2.7);
  g_assert_cmpfloat (b[0] + b[1] + b[2], <, 0.6);
  picture_clear (&light);
  picture_clear (&dark);
}

/* M4 keeps, per pixel column, the lowest and the highest point (and the
 * first and last), so the thinned line covers the same pixels. */
static void
test_m4_million (void)
{
  const gsize n = 1000000;
  const guint columns = 1600;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *lo = g_new (double, columns);
  g_autofree double *hi = g_new (double, columns);
  g_autofree double *thin_lo = g_new (double, columns);
  g_autofree double *thin_hi = g_new (double, columns);
  g_autoptr(GArray) out_x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) out_y = g_array_new (FALSE, FALSE, sizeof (double));
  double v = 0;
  gsize kept;

  for (gsize i = 0; i < n; i++)
    {
      x[i] = (double) i;
      v += g_rand_double_range (rand, -1, 1);
      y[i] = v;
    }
  for (guint c = 0; c < columns; c++)
    {
      lo[c] = thin_lo[c] = INFINITY;
      hi[c] = thin_hi[c] = -INFINITY;
    }
  for (gsize i = 0; i < n; i++)
    {
      guint c = (guint) floor (x[i] * columns / n);
      lo[c] = MIN (lo[c], y[i]);
      hi[c] = MAX (hi[c], y[i]);
    }

  kept = integrity_chart_thin_m4 (x, y, n, 0, n, columns, out_x, out_y);
  g_assert_cmpuint (kept, ==, out_x->len);
  g_assert_cmpuint (kept, <=, 4 * columns);
  g_assert_cmpuint (kept, >=, 2 * columns);
  g_assert_cmpfloat (g_array_index (out_x, double, 0), ==, 0);
  g_assert_cmpfloat (g_array_index (out_x, double, kept - 1), ==, n - 1);
  for (guint i = 0; i < kept; i++)
    {
      double xi = g_array_index (out_x, double, i);
      guint c = (guint) floor (xi * columns / n);
      g_assert_cmpfloat (g_array_index (out_y, double, i), ==, y[(gsize) xi]);  /* real points only */
      if (i > 0)
        g_assert_cmpfloat (xi, >, g_array_index (out_x, double, i - 1));      /* in order */
      thin_lo[c] = MIN (thin_lo[c], g_array_index (out_y, double, i));
      thin_hi[c] = MAX (thin_hi[c], g_array_index (out_y, double, i));
    }
  for (guint c = 0; c < columns; c++)
    {
      g_assert_cmpfloat (thin_lo[c], ==, lo[c]);
      g_assert_cmpfloat (thin_hi[c], ==, hi[c]);
    }

  /* A gap in the data stays a gap after thinning. */
  y[500000] = NAN;
  g_array_set_size (out_x, 0);
  g_array_set_size (out_y, 0);
  integrity_chart_thin_m4 (x, y, n, 0, n, columns, out_x, out_y);
  {
    guint gaps = 0;
    for (guint i = 0; i < out_y->len; i++)
      gaps += isnan (g_array_index (out_y, double, i));
    g_assert_cmpuint (gaps, ==, 1);
  }
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_save (void)
{
  double y[12] = { 0.88, 0.87, 0.85, 0.86, 0.84, 0.83, 0.82, 0.80, 0.79, 0.79, 0.78, 0.777 };
  g_autoptr(IntegrityChart) chart = monthly_chart (INTEGRITY_CHART_SERIES_LINE, y);
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *svg_text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *back;

  g_assert_true (integrity_chart_save (chart, png, 640, 360, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_chart_save (chart, svg, 640, 360, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_chart_save (chart, pdf, 640, 360, NULL, &error));
  g_assert_no_error (error);

  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);
  assert_file_starts_with (pdf, "%PDF-", 5);
  assert_file_starts_with (svg, "<?xml", 5);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  back = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, 360);
  cairo_surface_destroy (back);

  g_assert_false (integrity_chart_save (chart, bad, 640, 360, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  itest_remove_tree (dir);
}

static void
test_describe (void)
{
  double y[12] = { 0.89, 0.87, 0.85, 0.86, NAN, 0.83, 0.82, 0.75, 0.79, 0.79, 0.78, 0.777 };
  g_autoptr(IntegrityChart) chart = monthly_chart (INTEGRITY_CHART_SERIES_LINE, y);
  g_autofree char *text = NULL;
  g_autofree char *at = NULL;

  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, 0.9, NULL);
  text = integrity_chart_describe (chart);
  g_assert_nonnull (strstr (text, "Crime recording rate."));
  g_assert_nonnull (strstr (text, "latest 77.7% (Mar 2021)"));
  g_assert_nonnull (strstr (text, "change over the period −11.3 pts since Apr 2020"));
  g_assert_nonnull (strstr (text, "lowest 75.0% (Nov 2020)"));
  g_assert_nonnull (strstr (text, "highest 89.0% (Apr 2020)"));
  g_assert_nonnull (strstr (text, "Target 90.0%"));

  at = integrity_chart_describe_x (chart, april_2020 () + 4);
  g_assert_cmpstr (at, ==, "Aug 2020\nAll crime: no data");
}

/* The right end of each bar, top to bottom, in pixels. */
static void
bar_right_ends (Picture *picture,
                int      right_end[3])
{
  IntegrityChartStyle style;

  integrity_chart_style_init (&style, INTEGRITY_CHART_THEME_LIGHT, 1.0);
  g_assert_true (picture->geometry.horizontal);
  for (guint k = 0; k < 3; k++)
    {
      int row = (int) integrity_chart_geometry_x_to_pixel (&picture->geometry, k);

      right_end[k] = 0;
      for (int px = (int) picture->geometry.x; px < WIDTH; px++)
        if (pixel_is (picture, px, row, integrity_chart_style_get_colour (&style, 0), 0.1))
          right_end[k] = px;
    }
}

static void
test_league_order (void)
{
  const char *districts[] = { "Bolton", "Bury", "Wigan", NULL };
  double x[3] = { 0, 1, 2 }, y[3] = { 0.81, 0.93, 0.70 };
  g_autoptr(IntegrityChart) chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  g_autofree char *text = NULL;
  Picture picture = { 0 };
  double top_bar, bottom_bar;
  int right_end[3] = { 0 };

  integrity_chart_set_categories (chart, districts);
  integrity_chart_set_title (chart, "Recording rate by district");
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, "Rate", x, y, 3);
  text = integrity_chart_describe (chart);
  g_assert_nonnull (strstr (text, "highest 93.0% (Bury), lowest 70.0% (Wigan)"));

  /* Sorted: the top bar is the longest, the bottom the shortest. */
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  bar_right_ends (&picture, right_end);
  top_bar = right_end[0];
  bottom_bar = right_end[2];
  g_assert_cmpfloat (top_bar, >, right_end[1]);
  g_assert_cmpfloat (right_end[1], >, bottom_bar);
  g_assert_cmpfloat (fabs (top_bar - integrity_chart_geometry_y_to_pixel (&picture.geometry, 0.93)), <=, 2);
  picture_clear (&picture);
}

/* Sorted ascending, the first (top) bar is the lowest, the last the highest. */
static void
test_league_order_ascending (void)
{
  const char *districts[] = { "Bolton", "Bury", "Wigan", NULL };
  double x[3] = { 0, 1, 2 }, y[3] = { 0.81, 0.93, 0.70 };
  g_autoptr(IntegrityChart) chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  Picture picture = { 0 };
  int right_end[3] = { 0 };

  integrity_chart_set_categories (chart, districts);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, "Completion", x, y, 3);
  g_assert_false (integrity_chart_get_sort_ascending (chart));
  integrity_chart_set_sort_ascending (chart, TRUE);
  g_assert_true (integrity_chart_get_sort_ascending (chart));

  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  bar_right_ends (&picture, right_end);
  g_assert_cmpint (right_end[0], >, 0);
  g_assert_cmpint (right_end[0], <, right_end[1]);
  g_assert_cmpint (right_end[1], <, right_end[2]);
  g_assert_cmpfloat (fabs (right_end[0] - integrity_chart_geometry_y_to_pixel (&picture.geometry, 0.70)), <=, 2);
  picture_clear (&picture);
}

/* A heat map with a fixed value range colours a small spread alike. */
static void
test_heat_fixed_range (void)
{
  const char *modules[] = { "investigation", "victim-care", NULL };
  const char *rows[] = { "Westmoor", NULL };
  double x[2] = { 0, 1 }, values[2] = { 0.517, 0.520 };
  g_autoptr(IntegrityChart) chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  Picture picture = { 0 };
  double left[3], right[3], spread_free, spread_fixed;
  int y;

  integrity_chart_set_categories (chart, modules);
  integrity_chart_add_heatmap (chart, "Done", rows, x, 2, values);
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  y = (int) (picture.geometry.y + picture.geometry.height * 0.25);
  pixel (&picture, (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, 0), y, left);
  pixel (&picture, (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, 1), y, right);
  spread_free = fabs (left[0] - right[0]) + fabs (left[1] - right[1]) + fabs (left[2] - right[2]);
  picture_clear (&picture);

  integrity_chart_set_y_range (chart, 0, 1);
  picture_render (&picture, chart, INTEGRITY_CHART_THEME_LIGHT);
  pixel (&picture, (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, 0), y, left);
  pixel (&picture, (int) integrity_chart_geometry_x_to_pixel (&picture.geometry, 1), y, right);
  spread_fixed = fabs (left[0] - right[0]) + fabs (left[1] - right[1]) + fabs (left[2] - right[2]);
  picture_clear (&picture);

  /* From the data: the ends of the scale, far apart; fixed 0–100%: alike. */
  g_assert_cmpfloat (spread_free, >, 0.5);
  g_assert_cmpfloat (spread_fixed, <, 0.05);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/ticks/awkward-ranges", test_ticks);
  g_test_add_func ("/chart/render/target-row", test_target_row);
  g_test_add_func ("/chart/render/band-between-lo-and-hi", test_band);
  g_test_add_func ("/chart/render/gaps-stay-gaps", test_gaps);
  g_test_add_func ("/chart/render/dark-background", test_dark_background);
  g_test_add_func ("/chart/render/league-table-sorted", test_league_order);
  g_test_add_func ("/chart/render/league-table-ascending", test_league_order_ascending);
  g_test_add_func ("/chart/render/heat-map-fixed-range", test_heat_fixed_range);
  g_test_add_func ("/chart/m4/million-points", test_m4_million);
  g_test_add_func ("/chart/save/png-svg-pdf", test_save);
  g_test_add_func ("/chart/describe/latest-change-min-max", test_describe);

  return g_test_run ();
}
