/* integrity-screenshot.h — a widget, rendered to an image once its data has loaded. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-window.h"

G_BEGIN_DECLS

gboolean         integrity_screenshot_page_is_loaded (GtkWidget        *page);
cairo_surface_t *integrity_screenshot_widget         (GtkWidget        *widget);
gboolean         integrity_screenshot_window         (IntegrityWindow  *window,
                                                      int               width,
                                                      int               height,
                                                      guint             timeout_ms,
                                                      const char       *path,
                                                      GError          **error);

G_END_DECLS
