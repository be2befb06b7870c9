/* integrity-chart-view.c — a chart on screen: hover, keys, accessible text. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "core/integrity-thread.h"
#include "integrity-chart-private.h"
#include "integrity-chart-view-private.h"
#include "integrity-in-view.h"

/* The view draws through the renderer, so what is on screen is what is
 * saved and printed. Built in code rather than from a template: it has one
 * child (the menu button) and draws everything else itself. */

enum { PROP_0, PROP_CHART, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IntegrityChartView, integrity_chart_view, GTK_TYPE_WIDGET)

/* Main-thread count of drawings on workers, for screenshots to wait on. */
static guint drawings_in_flight;
static GThreadPool *drawing_thread;

/* The pixels shown so far stay until the new drawing arrives. */
static void
outdate_drawing (IntegrityChartView *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_style (IntegrityChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  IntegrityChartTheme theme;

  if (adw_style_manager_get_high_contrast (manager))
    theme = dark ? INTEGRITY_CHART_THEME_HIGH_CONTRAST_DARK : INTEGRITY_CHART_THEME_HIGH_CONTRAST;
  else
    theme = dark ? INTEGRITY_CHART_THEME_DARK : INTEGRITY_CHART_THEME_LIGHT;
  integrity_chart_style_init (&self->style, theme, self->font_scale);
  outdate_drawing (self);
}

static void
update_accessible (IntegrityChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->chart != NULL)
    {
      description = integrity_chart_describe (self->chart);
      title = integrity_chart_get_title (self->chart);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
chart_changed (IntegrityChartView *self)
{
  g_clear_pointer (&self->x_values, g_array_unref);
  if (self->chart != NULL)
    self->x_values = integrity_chart_get_x_values (self->chart);
  if (self->x_values == NULL || self->selected >= (int) self->x_values->len)
    self->selected = -1;
  update_accessible (self);
  outdate_drawing (self);
}

/* Drawing -------------------------------------------------------------- */

static void
draw_readout (IntegrityChartView *self,
              cairo_t            *cr,
              int                 width,
              int                 height)
{
  const IntegrityChartGeometry *g = &self->geometry;
  double x = g_array_index (self->x_values, double, self->selected);
  g_autofree char *text = integrity_chart_describe_x (self->chart, x);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const GdkRGBA *ink = &self->style.foreground;
  const GdkRGBA *paper = &self->style.background;
  double p = integrity_chart_geometry_x_to_pixel (g, x);
  double box_x, box_y;
  guint series;
  int w, h;

  /* Horizontal bars: the row of this category. The geometry is that of the
   * last drawing, which a chart changed since may no longer match. */
  if (g->horizontal && _integrity_chart_find_kind (self->chart, INTEGRITY_CHART_SERIES_HBARS, &series))
    {
      g_autoptr(GArray) order = _integrity_chart_hbar_order (self->chart, series);

      for (guint k = 0; k < order->len; k++)
        if (g_array_index (_integrity_chart_series (self->chart, series)->x, double,
                           g_array_index (order, guint, k)) == x)
          p = integrity_chart_geometry_x_to_pixel (g, k);
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.12);
      cairo_rectangle (cr, g->x, p - g->height / (g->x1 - g->x0) / 2, g->width, g->height / (g->x1 - g->x0));
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (p) + 0.5, g->y);
      cairo_line_to (cr, round (p) + 0.5, g->y + g->height);
      cairo_stroke (cr);
    }

  pango_layout_get_pixel_size (layout, &w, &h);
  box_x = g->horizontal ? g->x + g->width - w - 24 : p + 12;
  if (box_x + w + 16 > width)
    box_x = p - w - 28;
  box_x = MAX (box_x, 2);
  box_y = g->horizontal ? (p + 12 + h + 16 < height ? p + 12 : p - h - 28) : g->y + 8;

  cairo_set_source_rgba (cr, paper->red, paper->green, paper->blue, 0.95);
  cairo_rectangle (cr, box_x, box_y, w + 16, h + 12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 1);
  cairo_move_to (cr, box_x + 8, box_y + 6);
  pango_cairo_show_layout (cr, layout);
}

/* The chart is drawn on a worker thread into pixels at the screen's scale,
 * so a page with several charts shows, or takes new figures, without a
 * frame waiting on them (a 600×340 chart takes 2–10 ms to draw). The
 * pixels are kept as a node that only copies them: a node of the drawing
 * commands would play them all again on every frame that paints the chart
 * (0.9 ms of CPU per chart against 0.13 ms with GTK 4.8's Cairo renderer,
 * where a texture node is slower still, 1.7 ms, as it converts its pixels
 * on every draw). */
typedef struct
{
  IntegrityChart         *chart;  /* a copy: the worker's alone */
  IntegrityChartStyle     style;
  int                     width;
  int                     height;
  int                     scale;
  guint                   serial;
  IntegrityChartGeometry  geometry;
  cairo_surface_t        *pixels;
} Drawing;

static void
drawing_free (gpointer data)
{
  Drawing *drawing = data;

  g_clear_object (&drawing->chart);
  g_clear_pointer (&drawing->pixels, cairo_surface_destroy);
  g_free (drawing);
}

/* Charts are drawn one at a time on one thread of their own, at a lower
 * priority where the system allows, each begun between frames: on a
 * two-core machine, drawings on both cores took the main thread's core
 * away in the middle of a frame. */
static void
draw_in_thread (gpointer data,
                gpointer pool_data)
{
  g_autoptr(GTask) task = data;
  Drawing *drawing = g_task_get_task_data (task);
  cairo_t *cr;

  _integrity_thread_lower_priority (10, "Chart drawings");
  _integrity_thread_yield_to_frame ();
  if (g_task_return_error_if_cancelled (task))
    return;
  drawing->pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, drawing->width * drawing->scale,
                                                drawing->height * drawing->scale);
  cairo_surface_set_device_scale (drawing->pixels, drawing->scale, drawing->scale);
  cr = cairo_create (drawing->pixels);
  integrity_chart_render_full (drawing->chart, cr, drawing->width, drawing->height, &drawing->style,
                               &drawing->geometry);
  cairo_destroy (cr);
  g_clear_object (&drawing->chart);
  g_task_return_boolean (task, TRUE);
}

static GskRenderNode *
node_of_pixels (cairo_surface_t *pixels,
                int              width,
                int              height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_source_surface (cr, pixels, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
drawing_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (source);
  Drawing *drawing = g_task_get_task_data (G_TASK (result));

  drawings_in_flight--;
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;  /* the view was disposed */
  g_clear_object (&self->drawing);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  self->cache = node_of_pixels (drawing->pixels, drawing->width, drawing->height);
  self->cache_width = drawing->width;
  self->cache_height = drawing->height;
  self->cache_scale = drawing->scale;
  self->cache_serial = drawing->serial;
  self->geometry = drawing->geometry;
  /* Drawn again from here if the chart or the size changed meanwhile. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* One drawing at a time per view: a change while it is drawn is drawn next. */
static void
start_drawing (IntegrityChartView *self,
               int                 width,
               int                 height,
               int                 scale)
{
  g_autoptr(GTask) task = NULL;
  Drawing *drawing;

  if (self->drawing != NULL)
    return;
  drawing = g_new0 (Drawing, 1);
  drawing->chart = _integrity_chart_copy (self->chart);
  drawing->style = self->style;
  drawing->width = width;
  drawing->height = height;
  drawing->scale = scale;
  drawing->serial = self->serial;
  self->drawing = g_cancellable_new ();
  task = g_task_new (self, self->drawing, drawing_done, NULL);
  g_task_set_source_tag (task, start_drawing);
  g_task_set_name (task, "[integrity] chart drawing");
  g_task_set_task_data (task, drawing, drawing_free);
  drawings_in_flight++;
  if (g_once_init_enter (&drawing_thread))
    g_once_init_leave (&drawing_thread, g_thread_pool_new (draw_in_thread, NULL, 1, TRUE, NULL));
  g_thread_pool_push (drawing_thread, g_steal_pointer (&task), NULL);
}

/**
 * integrity_chart_views_are_drawing:
 *
 * Whether any chart view is drawing its chart on a worker thread (what a
 * screenshot waits for).
 */
gboolean
integrity_chart_views_are_drawing (void)
{
  return drawings_in_flight > 0;
}

/* The scroller has moved but not yet laid out its child, so whether the
 * chart comes into view is only known when it is snapshotted again. */
static void
view_moved (IntegrityChartView *self)
{
  if (self->out_of_view)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
integrity_chart_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean cache_fits;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cache_fits = self->cache != NULL && self->cache_serial == self->serial && self->cache_width == width
               && self->cache_height == height && self->cache_scale == scale;
  /* A chart scrolled out of sight is not drawn: GTK snapshots every child of
   * a scrolled page, and drawing the training page's dozen charts for the one
   * or two in view was most of the CPU of its first frame. It is drawn once
   * scrolling, or a larger window, brings it into view. */
  self->out_of_view = !cache_fits && !integrity_widget_is_in_view (widget, self->scroller);
  if (self->out_of_view)
    {
      gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
      return;
    }
  if (!cache_fits)
    start_drawing (self, width, height, scale);
  if (self->cache != NULL && self->cache_width == width && self->cache_height == height)
    gtk_snapshot_append_node (snapshot, self->cache);
  else if (self->cache != NULL)
    {
      /* Resized: the old pixels stretched until the new ones come. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_scale (snapshot, width / (float) self->cache_width, height / (float) self->cache_height);
      gtk_snapshot_append_node (snapshot, self->cache);
      gtk_snapshot_restore (snapshot);
    }

  /* The hover marker is drawn apart from the cached chart. */
  if (self->selected >= 0 && self->x_values != NULL)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw_readout (self, cr, width, height);
      cairo_destroy (cr);
    }
  if (gtk_widget_has_focus (widget))
    {
      const GdkRGBA *ink = &self->style.palette[0];
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { *ink, *ink, *ink, *ink });
    }

  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

/* Pointer and keys ----------------------------------------------------- */

static int
nearest_index (IntegrityChartView *self,
               double              x)
{
  guint lo = 0, hi;

  if (self->x_values == NULL || self->x_values->len == 0)
    return -1;
  hi = self->x_values->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->x_values, double, mid) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && x - g_array_index (self->x_values, double, lo - 1) < g_array_index (self->x_values, double, lo) - x)
    lo--;
  return (int) lo;
}

static void
select_index (IntegrityChartView *self,
              int                 index)
{
  if (self->x_values == NULL || self->x_values->len == 0)
    index = -1;
  else if (index >= 0)
    index = CLAMP (index, 0, (int) self->x_values->len - 1);
  if (index == self->selected)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pointer_moved (GtkEventControllerMotion *motion,
               double                    px,
               double                    py,
               IntegrityChartView       *self)
{
  const IntegrityChartGeometry *g = &self->geometry;
  double x;

  if (self->chart == NULL || px < g->x || px > g->x + g->width || py < g->y || py > g->y + g->height)
    {
      select_index (self, -1);
      return;
    }
  x = integrity_chart_geometry_pixel_to_x (g, px, py);
  if (g->horizontal)
    {
      /* Slots are ranks, best first: find the category at that rank. */
      guint series;
      g_autoptr(GArray) order = NULL;
      int rank = (int) lround (x);

      if (!_integrity_chart_find_kind (self->chart, INTEGRITY_CHART_SERIES_HBARS, &series))
        return;
      order = _integrity_chart_hbar_order (self->chart, series);
      if (rank < 0 || rank >= (int) order->len)
        return;
      x = g_array_index (_integrity_chart_series (self->chart, series)->x, double,
                         g_array_index (order, guint, rank));
    }
  select_index (self, nearest_index (self, x));
}

static void
pointer_left (GtkEventControllerMotion *motion,
              IntegrityChartView       *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    select_index (self, -1);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  int last = self->x_values != NULL ? (int) self->x_values->len - 1 : -1;

  if (g_str_equal (action_name, "chart.next-point"))
    select_index (self, self->selected < 0 ? 0 : self->selected + 1);
  else if (g_str_equal (action_name, "chart.previous-point"))
    select_index (self, self->selected < 0 ? last : self->selected - 1);
  else if (g_str_equal (action_name, "chart.first-point"))
    select_index (self, 0);
  else if (g_str_equal (action_name, "chart.last-point"))
    select_index (self, last);
  else
    select_index (self, -1);
}

static void
focus_changed (GtkEventControllerFocus *focus,
               IntegrityChartView      *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
context_pressed (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 IntegrityChartView *self)
{
  _integrity_chart_view_popup_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
primary_pressed (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 IntegrityChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* GObject and GtkWidget ----------------------------------------------- */

static void
integrity_chart_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  int child_min = 0, child_nat = 0;

  gtk_widget_measure (self->menu_button, orientation, -1, &child_min, &child_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (240, child_min);
      *natural = (int) (640 * self->font_scale);
    }
  else
    {
      *minimum = MAX (180, child_min);
      *natural = (int) (360 * self->font_scale);
    }
}

static void
integrity_chart_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  GtkRequisition size;

  gtk_widget_get_preferred_size (self->menu_button, NULL, &size);
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { width - size.width - 6, 6, size.width, size.height }, -1);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
integrity_chart_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_chart_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      integrity_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A chart on a page not shown keeps its pixels (a few hundred kilobytes):
 * drawn again on each page switch, it would come into view empty. */
static void
integrity_chart_view_unmap (GtkWidget *widget)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);

  if (self->scroller != NULL)
    integrity_scroller_unfollow (self->scroller, self);
  self->scroller = NULL;
  GTK_WIDGET_CLASS (integrity_chart_view_parent_class)->unmap (widget);
}

static void
integrity_chart_view_map (GtkWidget *widget)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (integrity_chart_view_parent_class)->map (widget);
  self->scroller = integrity_widget_get_scroller (widget);
  if (self->scroller != NULL)
    integrity_scroller_follow (self->scroller, G_CALLBACK (view_moved), self);
}

static void
integrity_chart_view_dispose (GObject *object)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->x_values, g_array_unref);
  g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);

  G_OBJECT_CLASS (integrity_chart_view_parent_class)->dispose (object);
}

static void
integrity_chart_view_class_init (IntegrityChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *action; } steps[] = {
    { GDK_KEY_Right, "chart.next-point" }, { GDK_KEY_KP_Right, "chart.next-point" },
    { GDK_KEY_Left, "chart.previous-point" }, { GDK_KEY_KP_Left, "chart.previous-point" },
    { GDK_KEY_Home, "chart.first-point" }, { GDK_KEY_End, "chart.last-point" },
    { GDK_KEY_Escape, "chart.clear-point" },
  };

  object_class->dispose = integrity_chart_view_dispose;
  object_class->get_property = integrity_chart_view_get_property;
  object_class->set_property = integrity_chart_view_set_property;
  widget_class->snapshot = integrity_chart_view_snapshot;
  widget_class->map = integrity_chart_view_map;
  widget_class->unmap = integrity_chart_view_unmap;
  widget_class->measure = integrity_chart_view_measure;
  widget_class->size_allocate = integrity_chart_view_size_allocate;

  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, INTEGRITY_TYPE_CHART,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (i % 2 == 0 || i >= 4)
        gtk_widget_class_install_action (widget_class, steps[i].action, NULL, step_action);
      gtk_widget_class_add_binding_action (widget_class, steps[i].key, 0, steps[i].action, NULL);
    }
  _integrity_chart_view_install_menu (widget_class);

  gtk_widget_class_set_css_name (widget_class, "integrity-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The menu is made when first opened: a popover menu made with each chart
 * was a fifth of the CPU of building a page. */
static void
make_menu (GtkMenuButton *button,
           gpointer       data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      g_autoptr(GMenuModel) menu = _integrity_chart_view_menu_model ();

      gtk_menu_button_set_menu_model (button, menu);
    }
}

static void
integrity_chart_view_init (IntegrityChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *context = gtk_gesture_click_new ();
  GtkGesture *primary = gtk_gesture_click_new ();

  self->selected = -1;
  self->font_scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  g_signal_connect (motion, "leave", G_CALLBACK (pointer_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect (context, "pressed", G_CALLBACK (context_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context));
  g_signal_connect (primary, "pressed", G_CALLBACK (primary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));

  self->menu_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                    "icon-name", "view-more-symbolic",
                                    "tooltip-text", _("Copy, save or show as a table"),
                                    "has-frame", FALSE,
                                    NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), make_menu, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart menu"), -1);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);
  update_accessible (self);
}

/**
 * integrity_chart_view_new:
 * @chart: (nullable): the chart to show; the view follows its changes
 */
GtkWidget *
integrity_chart_view_new (IntegrityChart *chart)
{
  g_return_val_if_fail (chart == NULL || INTEGRITY_IS_CHART (chart), NULL);
  return g_object_new (INTEGRITY_TYPE_CHART_VIEW, "chart", chart, NULL);
}

IntegrityChart *
integrity_chart_view_get_chart (IntegrityChartView *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
integrity_chart_view_set_chart (IntegrityChartView *self,
                                IntegrityChart     *chart)
{
  g_return_if_fail (INTEGRITY_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || INTEGRITY_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed), self);
  self->selected = -1;
  chart_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* Larger type for presentation mode and projectors. */
void
integrity_chart_view_set_font_scale (IntegrityChartView *self,
                                     double              font_scale)
{
  g_return_if_fail (INTEGRITY_IS_CHART_VIEW (self));
  g_return_if_fail (font_scale > 0);

  self->font_scale = font_scale;
  update_style (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const IntegrityChartStyle *
integrity_chart_view_get_style (IntegrityChartView *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART_VIEW (self), NULL);
  return &self->style;
}

/**
 * integrity_chart_view_get_readout:
 *
 * Returns: (transfer full) (nullable): the values shown at the hovered or
 *   keyboard-selected point, or %NULL when none is
 */
char *
integrity_chart_view_get_readout (IntegrityChartView *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || self->selected < 0 || self->x_values == NULL)
    return NULL;
  return integrity_chart_describe_x (self->chart, g_array_index (self->x_values, double, self->selected));
}
