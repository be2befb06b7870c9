/* integrity-screenshot.c — a widget, rendered to an image once its data has loaded. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-overview.h"
#include "integrity-screenshot.h"

/* Time for the last chart views to lay out and draw once data is in. */
#define SETTLE_MS 300

static gboolean
shows_results (GtkWidget *widget)
{
  if (gtk_widget_get_mapped (widget)
      && (INTEGRITY_IS_CHART_VIEW (widget) || INTEGRITY_IS_KPI_TILE (widget) || ADW_IS_STATUS_PAGE (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_results (child))
      return TRUE;
  return FALSE;
}

/**
 * integrity_screenshot_page_is_loaded:
 *
 * A page that has a boolean "loaded" property says so itself (plugins'
 * pages should have one). Otherwise it has loaded once it shows figures,
 * charts or a status page; a page with no children once it is mapped.
 * Either way, not while a first showing is still adding its sections.
 */
gboolean
integrity_screenshot_page_is_loaded (GtkWidget *page)
{
  GParamSpec *pspec;
  gboolean loaded = FALSE;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);

  if (integrity_pages_are_settling ())
    return FALSE;
  if (INTEGRITY_IS_OVERVIEW (page))
    return integrity_overview_is_loaded (INTEGRITY_OVERVIEW (page));
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (page), "loaded");
  if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
    {
      g_object_get (page, "loaded", &loaded, NULL);
      return loaded;
    }
  return shows_results (page) || (gtk_widget_get_mapped (page) && gtk_widget_get_first_child (page) == NULL);
}

/* Renders @widget as it stands, through its render nodes, with Cairo.
 * Returns: (transfer full): an ARGB32 image the widget's size */
cairo_surface_t *
integrity_screenshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  width = MAX (1, gtk_widget_get_width (widget));
  height = MAX (1, gtk_widget_get_height (widget));
  paintable = gtk_widget_paintable_new (widget);
  /* GTK draws nothing of a widget whose new allocation is still to come (a
   * list filling in a chunk at a time queues one): let that frame happen
   * and take the picture again. */
  for (gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;;)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL || !gtk_widget_get_mapped (widget) || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  return surface;
}

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  return gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height;
}

static gboolean
wait_for (GtkWidget *window,
          guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gint64 settled;

  for (;;)
    {
      IntegrityWindow *self = INTEGRITY_WINDOW (window);
      GtkWidget *page = integrity_window_get_page (self, integrity_window_get_visible_page (self));

      if (page != NULL && gtk_widget_get_mapped (window) && integrity_screenshot_page_is_loaded (page))
        break;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  settled = g_get_monotonic_time () + SETTLE_MS * 1000;
  /* Charts are drawn on workers once they are laid out. */
  while (g_get_monotonic_time () < settled
         || (integrity_chart_views_are_drawing () && g_get_monotonic_time () < deadline))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

/**
 * integrity_screenshot_window:
 *
 * Maps @window at @width × @height (on whatever display GTK has, e.g.
 * Xvfb), waits until its visible page has loaded, and writes it to a PNG.
 */
gboolean
integrity_screenshot_window (IntegrityWindow  *window,
                             int               width,
                             int               height,
                             guint             timeout_ms,
                             const char       *path,
                             GError          **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (INTEGRITY_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_for (GTK_WIDGET (window), timeout_ms))
    g_printerr (_("The page had not finished loading after %u ms; rendering it as it is\n"), timeout_ms);
  /* The default size counts the client-side frame: make up the difference,
   * then wait until the new size has been allocated (it arrives a few
   * frames later, sooner or later depending on the machine's load). */
  for (int attempt = 0; attempt < 3 && !has_size (GTK_WIDGET (window), width, height); attempt++)
    {
      gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
      int frame_w = gtk_widget_get_width (GTK_WIDGET (window)) - width;
      int frame_h = gtk_widget_get_height (GTK_WIDGET (window)) - height;
      int w, h;

      gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
      gtk_window_set_default_size (GTK_WINDOW (window), w - frame_w, h - frame_h);
      while (!has_size (GTK_WIDGET (window), width, height) && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }
      wait_for (GTK_WIDGET (window), timeout_ms);
    }

  surface = integrity_screenshot_widget (GTK_WIDGET (window));
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
