/* integrity-widget-reuse.h — new figures into the widgets already on screen. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean integrity_chart_views_update (GtkWidget *container,
                                       GPtrArray *charts);
gboolean integrity_kpi_tiles_update   (GtkWidget *container,
                                       GPtrArray *kpis);

G_END_DECLS
