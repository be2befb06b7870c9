/* test-chart-view.c — the chart view and KPI tile as people and screen readers meet them. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <libglib-testing/signal-logger.h>
#include <math.h>

#include "integrity-test-util.h"

static IntegrityChart *
rate_chart (void)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  double x[12], y[12], lo[12], hi[12];
  guint s;

  for (guint i = 0; i < 12; i++)
    {
      x[i] = integrity_month_new (2020, 4) + i;
      y[i] = 0.89 - 0.01 * i;
      lo[i] = y[i] - 0.02;
      hi[i] = y[i] + 0.02;
    }
  y[11] = 0.777;
  integrity_chart_set_title (chart, "Crime recording rate");
  s = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BAND, "All crime", x, y, 12);
  integrity_chart_set_series_interval (chart, s, lo, hi, 12);
  return chart;
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 420);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (itest_wait_until (has_size, child, 5000));
  return window;
}

static void
test_accessible_description (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = integrity_chart_view_new (chart);
  g_autofree char *described = NULL;
  g_autofree char *updated = NULL;
  double x[1] = { integrity_month_new (2021, 4) }, y[1] = { 0.801 };

  g_object_ref_sink (view);
  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Crime recording rate");
  described = integrity_chart_describe (chart);
  g_assert_nonnull (strstr (described, "latest 77.7% (Mar 2021)"));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described);

  /* New data: the description follows. */
  integrity_chart_set_series_data (chart, 0, x, y, 1);
  updated = integrity_chart_describe (chart);
  g_assert_nonnull (strstr (updated, "latest 80.1% (Apr 2021)"));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, updated);
  g_object_unref (view);
}

static void
test_keyboard_steps (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = integrity_chart_view_new (chart);
  GtkWidget *window = show_in_window (view);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  g_autofree char *none = NULL;

  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_null (integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view)));

  gtk_widget_activate_action (view, "chart.next-point", NULL);
  first = integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view));
  g_assert_cmpstr (first, ==, "Apr 2020\nAll crime: 89.0% (87.0%–91.0%)");
  gtk_widget_activate_action (view, "chart.next-point", NULL);
  second = integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view));
  g_assert_true (g_str_has_prefix (second, "May 2020\n"));
  gtk_widget_activate_action (view, "chart.last-point", NULL);
  last = integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view));
  g_assert_true (g_str_has_prefix (last, "Mar 2021\nAll crime: 77.7%"));
  gtk_widget_activate_action (view, "chart.next-point", NULL);  /* stays on the last */
  g_clear_pointer (&last, g_free);
  last = integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view));
  g_assert_true (g_str_has_prefix (last, "Mar 2021\n"));
  gtk_widget_activate_action (view, "chart.clear-point", NULL);
  none = integrity_chart_view_get_readout (INTEGRITY_CHART_VIEW (view));
  g_assert_null (none);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follows_dark_style (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = g_object_ref_sink (integrity_chart_view_new (chart));
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (integrity_chart_style_is_dark (integrity_chart_view_get_style (INTEGRITY_CHART_VIEW (view))));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (integrity_chart_style_is_dark (integrity_chart_view_get_style (INTEGRITY_CHART_VIEW (view))));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_object_unref (view);
}

static void
test_table (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *table = g_object_ref_sink (integrity_chart_table_new (chart));
  GListModel *columns;

  g_assert_true (GTK_IS_COLUMN_VIEW (table));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))),
                    ==, 12);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (table));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);  /* month, value, interval */
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 2);
    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "95% interval");
  }
  g_object_unref (table);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_kpi_tile (void)
{
  g_autoptr(IntegrityKpi) kpi = integrity_kpi_new ("recording-rate", "rate", "Recording rate",
                                                   INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GtSignalLogger) logger = NULL;
  GtkWidget *tile;
  GtkWidget *status;
  const char *spoken;

  kpi->value = 0.777;
  kpi->previous = 0.89;
  kpi->target = 0.9;
  kpi->lo = 0.751;
  kpi->hi = 0.802;
  kpi->status = INTEGRITY_KPI_STATUS_BAD;
  kpi->explanation = g_strdup ("About 220 crimes a day go unrecorded.");
  for (guint i = 0; i < 12; i++)
    integrity_kpi_add_spark (kpi, 0.89 - 0.01 * i);

  tile = g_object_ref_sink (integrity_kpi_tile_new (kpi));
  g_assert_nonnull (find_label (tile, "77.7%"));
  g_assert_nonnull (find_label (tile, "95% interval 75.1% – 80.2%"));
  g_assert_nonnull (find_label (tile, "−11.3 pts on the previous period"));
  g_assert_nonnull (find_label (tile, "About 220 crimes a day go unrecorded."));
  /* Status in words, with its colour class, never colour alone. */
  status = find_label (tile, "Off target");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  gtk_test_accessible_assert_role (tile, GTK_ACCESSIBLE_ROLE_BUTTON);
  spoken = "Recording rate: 77.7%. Off target. −11.3 pts on the previous period.";
  gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

  /* A new figure replaces the old. */
  kpi->value = 0.91;
  kpi->status = INTEGRITY_KPI_STATUS_GOOD;
  integrity_kpi_tile_set_kpi (INTEGRITY_KPI_TILE (tile), kpi);
  g_assert_nonnull (find_label (tile, "On target"));
  g_assert_null (find_label (tile, "Off target"));
  g_assert_cmpfloat (integrity_kpi_tile_get_kpi (INTEGRITY_KPI_TILE (tile))->value, ==, 0.91);

  logger = gt_signal_logger_new ();
  gt_signal_logger_connect (logger, tile, "activated");
  g_assert_true (gtk_widget_activate (tile));
  gt_signal_logger_assert_emission_pop (logger, tile, "activated", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  g_object_unref (tile);
}

/* A filter change gives the charts and tiles already on screen their new
 * figures; a page with a different number of them is built anew. */
static void
test_views_take_new_figures (void)
{
  GtkWidget *charts_box = g_object_ref_sink (gtk_flow_box_new ());
  GtkWidget *tiles_box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  GtkWidget *first_view;
  GtkWidget *tile;

  g_assert_false (integrity_chart_views_update (charts_box, charts));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IntegrityChart) shown = rate_chart ();
      gtk_flow_box_append (GTK_FLOW_BOX (charts_box), integrity_chart_view_new (shown));
    }
  first_view = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (charts_box), 0));

  g_ptr_array_add (charts, rate_chart ());
  g_assert_false (integrity_chart_views_update (charts_box, charts));
  g_ptr_array_add (charts, rate_chart ());
  integrity_chart_set_title (g_ptr_array_index (charts, 0), "Recording rate, Westmoor");
  g_assert_true (integrity_chart_views_update (charts_box, charts));
  g_assert_true (gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (charts_box), 0))
                 == first_view);
  g_assert_true (integrity_chart_view_get_chart (INTEGRITY_CHART_VIEW (first_view)) == g_ptr_array_index (charts, 0));
  gtk_test_accessible_assert_property (first_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Recording rate, Westmoor");

  g_ptr_array_add (kpis, integrity_kpi_new ("recording-rate", "rate", "Recording rate", INTEGRITY_FORMAT_PERCENT));
  ((IntegrityKpi *) g_ptr_array_index (kpis, 0))->value = 0.5;
  tile = integrity_kpi_tile_new (g_ptr_array_index (kpis, 0));
  gtk_box_append (GTK_BOX (tiles_box), tile);
  ((IntegrityKpi *) g_ptr_array_index (kpis, 0))->value = 0.777;
  g_assert_true (integrity_kpi_tiles_update (tiles_box, kpis));
  g_assert_true (gtk_widget_get_first_child (tiles_box) == tile);
  g_assert_nonnull (find_label (tile, "77.7%"));
  g_assert_null (find_label (tile, "50.0%"));

  g_object_unref (charts_box);
  g_object_unref (tiles_box);
}

typedef struct
{
  GtkWidget *tiles[3];
  GArray    *new_per_frame;  /* (element-type guint) tiles showing the new figure at each layout */
} TileFrames;

static void
count_new_tiles (GdkFrameClock *clock,
                 TileFrames    *frames)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (frames->tiles); i++)
    n += find_label (frames->tiles[i], "77.7%") != NULL;
  g_array_append_val (frames->new_per_frame, n);
}

static gboolean
tiles_settled (gpointer data)
{
  return !integrity_pages_are_settling ();
}

/* New figures go into one tile a frame on screen, so no frame measures and
 * paints every tile again; off screen, all at once. */
static void
test_tiles_take_new_figures_a_frame_each (void)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  TileFrames frames = { { NULL }, g_array_new (FALSE, FALSE, sizeof (guint)) };
  GdkFrameClock *clock;

  for (guint i = 0; i < G_N_ELEMENTS (frames.tiles); i++)
    {
      IntegrityKpi *kpi = integrity_kpi_new ("recording-rate", "rate", "Recording rate", INTEGRITY_FORMAT_PERCENT);

      kpi->value = 0.5;
      frames.tiles[i] = integrity_kpi_tile_new (kpi);
      gtk_box_append (GTK_BOX (box), frames.tiles[i]);
      kpi->value = 0.777;
      g_ptr_array_add (kpis, kpi);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (itest_wait_for_mapped (window, INTEGRITY_TYPE_KPI_TILE, 3, 5000));
  itest_spin (50);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect_after (clock, "layout", G_CALLBACK (count_new_tiles), &frames);

  g_assert_true (integrity_kpi_tiles_update (box, kpis));
  g_assert_nonnull (find_label (frames.tiles[0], "77.7%"));
  g_assert_nonnull (find_label (frames.tiles[2], "50.0%"));
  g_assert_true (integrity_pages_are_settling ());
  g_assert_true (itest_wait_until (tiles_settled, NULL, 5000));
  g_assert_cmpuint (frames.new_per_frame->len, >=, 3);
  for (guint frame = 0; frame < 3; frame++)
    g_assert_cmpuint (g_array_index (frames.new_per_frame, guint, frame), ==, frame + 1);

  /* Figures that come before the last ones are all shown go in first. */
  ((IntegrityKpi *) g_ptr_array_index (kpis, 2))->value = 0.5;
  g_assert_true (integrity_kpi_tiles_update (box, kpis));
  ((IntegrityKpi *) g_ptr_array_index (kpis, 2))->value = 0.9;
  g_assert_true (integrity_kpi_tiles_update (box, kpis));
  g_assert_true (itest_wait_until (tiles_settled, NULL, 5000));
  g_assert_nonnull (find_label (frames.tiles[2], "90.0%"));

  /* Hidden: nothing to paint, so no waiting. */
  gtk_widget_set_visible (box, FALSE);
  ((IntegrityKpi *) g_ptr_array_index (kpis, 2))->value = 0.8;
  g_assert_true (integrity_kpi_tiles_update (box, kpis));
  g_assert_false (integrity_pages_are_settling ());
  g_assert_nonnull (find_label (frames.tiles[2], "80.0%"));

  /* Figures still waiting when the box is hidden and newer ones come: the
   * newer ones stand, the older never come back over them. */
  gtk_widget_set_visible (box, TRUE);
  g_assert_true (itest_wait_for_mapped (window, INTEGRITY_TYPE_KPI_TILE, 3, 5000));
  {
    g_autoptr(GPtrArray) older = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

    for (guint i = 0; i < kpis->len; i++)
      g_ptr_array_add (older, integrity_kpi_copy (g_ptr_array_index (kpis, i)));
    ((IntegrityKpi *) g_ptr_array_index (older, 2))->value = 0.6;
    g_assert_true (integrity_kpi_tiles_update (box, older));
    g_assert_true (integrity_pages_are_settling ());
  }
  gtk_widget_set_visible (box, FALSE);
  ((IntegrityKpi *) g_ptr_array_index (kpis, 2))->value = 0.7;
  g_assert_true (integrity_kpi_tiles_update (box, kpis));
  g_assert_nonnull (find_label (frames.tiles[2], "70.0%"));
  g_assert_false (integrity_pages_are_settling ());

  g_signal_handlers_disconnect_by_data (clock, &frames);
  g_array_unref (frames.new_per_frame);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The chart's menu button opens Copy, Save and Show as table (the menu is
 * made on first opening). */
static void
test_menu_opens (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = integrity_chart_view_new (chart);
  GtkWidget *window = show_in_window (view);
  GtkWidget *button = gtk_widget_get_first_child (view);
  GMenuModel *menu;
  guint items = 0;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (itest_wait_until (popover_shown, button, 5000));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      items += section != NULL ? (guint) g_menu_model_get_n_items (section) : 1;
    }
  g_assert_cmpuint (items, >=, 3);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* @widget's pixels as last drawn on screen: premultiplied BGRA. */
static GBytes *
drawn_pixels (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guchar *pixels = g_malloc0 ((gsize) width * height * 4);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    {
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      gdk_texture_download (texture, pixels, (gsize) width * 4);
    }
  return g_bytes_new_take (pixels, (gsize) width * height * 4);
}

/* How many of @bytes' pixels (from drawn_pixels()) are painted. */
static guint
count_painted (GBytes *bytes)
{
  gsize size;
  const guchar *pixels = g_bytes_get_data (bytes, &size);
  guint painted = 0;

  for (gsize i = 3; i < size; i += 4)
    painted += pixels[i] != 0;  /* alpha */
  return painted;
}

/* How many of @widget's pixels, as last drawn on screen, are painted. */
static guint
painted_pixels (GtkWidget *widget)
{
  g_autoptr(GBytes) bytes = drawn_pixels (widget);

  return count_painted (bytes);
}

static gboolean
drawn (gpointer data)
{
  GtkWidget *view = data;

  return !integrity_chart_views_are_drawing ()
         && painted_pixels (view) > (guint) (gtk_widget_get_width (view) * gtk_widget_get_height (view)) / 2;
}

static void
count_frame (guint *frames)
{
  (*frames)++;
}

/* New figures are drawn on a worker thread: until they arrive the old
 * drawing stays on screen, never an empty chart; then it is replaced. */
static void
test_new_figures_replace_old_drawing (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = integrity_chart_view_new (chart);
  GtkWidget *window = show_in_window (view);
  g_autoptr(GBytes) before = NULL;
  double x[12], y[12];
  guint area;
  gint64 deadline;
  gboolean replaced = FALSE;
  guint frames = 0, checked = 0;

  g_assert_true (itest_wait_until (drawn, view, 5000));
  area = (guint) (gtk_widget_get_width (view) * gtk_widget_get_height (view));
  before = drawn_pixels (view);

  for (guint i = 0; i < 12; i++)
    {
      x[i] = integrity_month_new (2020, 4) + i;
      y[i] = 0.40 + 0.04 * i;
    }
  g_signal_connect_swapped (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (count_frame), &frames);
  integrity_chart_set_series_data (chart, 0, x, y, 12);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!replaced && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GBytes) now = NULL;
      guint seen = frames;

      g_main_context_iteration (NULL, FALSE);
      if (frames == seen)
        continue;
      /* What the frame just painted shows. */
      now = drawn_pixels (view);
      g_assert_cmpuint (count_painted (now), >, area / 2);
      replaced = !integrity_chart_views_are_drawing () && !g_bytes_equal (now, before);
      checked++;
    }
  g_assert_true (replaced);
  g_assert_cmpuint (checked, >, 0);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (view), &frames);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chart below the fold is drawn when scrolled to, not before. */
static void
test_drawn_when_scrolled_into_view (void)
{
  g_autoptr(IntegrityChart) chart = rate_chart ();
  GtkWidget *view = integrity_chart_view_new (chart);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spacer = gtk_label_new ("Above the chart");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *window;
  guint area;

  gtk_widget_set_size_request (spacer, -1, 1500);
  gtk_widget_set_size_request (view, -1, 300);
  gtk_box_append (GTK_BOX (column), spacer);
  gtk_box_append (GTK_BOX (column), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  window = show_in_window (scroller);
  g_assert_true (itest_wait_until (has_size, view, 5000));
  itest_spin (200);
  area = (guint) (gtk_widget_get_width (view) * gtk_widget_get_height (view));
  g_assert_cmpuint (painted_pixels (view), <, area / 10);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  itest_spin (200);
  g_assert_cmpuint (painted_pixels (view), >, area / 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static int
min_width_for_height (GtkWidget *widget,
                      int        height)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, height, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* A row of tiles, or a heading beside buttons, asks a column of wrapped
 * labels its width for a height: each label then lays its text out at a
 * dozen widths to find it. The width-first layout asks without a height,
 * and still gives a narrower column more height. */
static void
test_width_first_layout (void)
{
  const char *text = "Of 50,787 crimes that should have been recorded in the audit sample, 43,854 were, "
                     "which is well short of the target set for the force.";
  g_autoptr(IntegrityKpi) kpi = integrity_kpi_new ("recording-rate", "rate", "Recording rate",
                                                   INTEGRITY_FORMAT_PERCENT);
  GtkWidget *plain = g_object_ref_sink (adw_bin_new ());
  GtkWidget *first = g_object_ref_sink (adw_bin_new ());
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *tile;
  int narrow_height = 0;
  int wide_height = 0;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  adw_bin_set_child (ADW_BIN (plain), label);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_layout_manager (first, integrity_width_first_layout_new ());
  adw_bin_set_child (ADW_BIN (first), label);

  /* Given one line's height, a wrapped label asks for the width of one line. */
  g_assert_cmpint (min_width_for_height (plain, 20), >, min_width_for_height (plain, -1));
  g_assert_cmpint (min_width_for_height (first, 20), ==, min_width_for_height (first, -1));
  g_assert_cmpint (gtk_widget_get_request_mode (first), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, 150, &narrow_height, NULL, NULL, NULL);
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, 1500, &wide_height, NULL, NULL, NULL);
  g_assert_cmpint (narrow_height, >, wide_height);
  gtk_widget_allocate (first, 400, 200, -1, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), ==, 400);
  g_assert_cmpint (gtk_widget_get_height (label), ==, 200);

  kpi->value = 0.86;
  kpi->explanation = g_strdup (text);
  tile = g_object_ref_sink (integrity_kpi_tile_new (kpi));
  g_assert_cmpint (min_width_for_height (tile, 40), ==, min_width_for_height (tile, -1));

  g_object_unref (tile);
  g_object_unref (first);
  g_object_unref (plain);
}

static gboolean
is_spinning (gpointer spinner)
{
  return gtk_spinner_get_spinning (spinner);
}

/* A loading spinner spins while its side of a stack is shown, once shown
 * for half a second, and only then. */
static void
test_spinner_spins_while_shown (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *window;
  gint64 shown;

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Figures"), "figures");
  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  integrity_spinner_spin_while_mapped (GTK_SPINNER (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  window = show_in_window (stack);
  g_assert_false (gtk_widget_get_mapped (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* Shown: not at once (a quick load never flashes it), but within a second. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
  shown = g_get_monotonic_time ();
  g_assert_true (gtk_widget_get_mapped (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (itest_wait_until (is_spinning, spinner, 2000));
  g_assert_cmpint (g_get_monotonic_time () - shown, >=, 400 * G_TIME_SPAN_MILLISECOND);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "figures");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* Shown and hidden again before the delay: it never starts. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
  itest_spin (100);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "figures");
  itest_spin (700);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* Shown long enough it spins; hidden with its window, it stops. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
  g_assert_true (itest_wait_until (is_spinning, spinner, 2000));
  gtk_widget_set_visible (window, FALSE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-view/accessible-description", test_accessible_description);
  g_test_add_func ("/chart-view/keyboard-steps", test_keyboard_steps);
  g_test_add_func ("/chart-view/follows-dark-style", test_follows_dark_style);
  g_test_add_func ("/chart-view/table", test_table);
  g_test_add_func ("/chart-view/menu-opens", test_menu_opens);
  g_test_add_func ("/kpi-tile/status-words", test_kpi_tile);
  g_test_add_func ("/chart-view/take-new-figures", test_views_take_new_figures);
  g_test_add_func ("/kpi-tile/new-figures-a-frame-each", test_tiles_take_new_figures_a_frame_each);
  g_test_add_func ("/width-first-layout/width-without-height", test_width_first_layout);
  g_test_add_func ("/chart-view/drawn-when-scrolled-into-view", test_drawn_when_scrolled_into_view);
  g_test_add_func ("/chart-view/new-figures-replace-old-drawing", test_new_figures_replace_old_drawing);
  g_test_add_func ("/in-view/spinner-spins-while-shown", test_spinner_spins_while_shown);

  return g_test_run ();
}
