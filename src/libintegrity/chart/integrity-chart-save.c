/* integrity-chart-save.c — a chart to a PNG, SVG or PDF file. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "integrity-chart-render-private.h"

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               /* Translators: e.g. "Could not save “chart.png”: error while writing to output stream" */
               _("Could not save “%s”: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

/**
 * integrity_chart_save:
 * @path: ends in .png, .svg or .pdf (any case)
 * @width: in pixels (PNG) or points (SVG, PDF)
 * @style: (nullable): %NULL for the light theme
 *
 * Returns: %TRUE when the file was written
 */
gboolean
integrity_chart_save (IntegrityChart             *chart,
                      const char                 *path,
                      int                         width,
                      int                         height,
                      const IntegrityChartStyle  *style,
                      GError                    **error)
{
  g_autofree char *lower = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  gboolean png;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot save “%s”: the name must end in .png, .svg or .pdf"), name);
      return FALSE;
    }
  if (!check_status (cairo_surface_status (surface), path, error))
    return FALSE;

  cr = cairo_create (surface);
  integrity_chart_render (chart, cr, width, height, style);
  if (!check_status (cairo_status (cr), path, error))
    return FALSE;
  g_clear_pointer (&cr, cairo_destroy);

  if (png)
    return check_status (cairo_surface_write_to_png (surface, path), path, error);
  cairo_surface_finish (surface);
  return check_status (cairo_surface_status (surface), path, error);
}
