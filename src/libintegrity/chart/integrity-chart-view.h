/* integrity-chart-view.h — a chart on screen: hover, keys, menu, accessible text. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "integrity-chart.h"
#include "integrity-chart-style.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_CHART_VIEW (integrity_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (IntegrityChartView, integrity_chart_view, INTEGRITY, CHART_VIEW, GtkWidget)

GtkWidget                 *integrity_chart_view_new            (IntegrityChart     *chart);
IntegrityChart            *integrity_chart_view_get_chart      (IntegrityChartView *self);
void                       integrity_chart_view_set_chart      (IntegrityChartView *self,
                                                                IntegrityChart     *chart);
void                       integrity_chart_view_set_font_scale (IntegrityChartView *self,
                                                                double              font_scale);
const IntegrityChartStyle *integrity_chart_view_get_style      (IntegrityChartView *self);
char                      *integrity_chart_view_get_readout    (IntegrityChartView *self);

gboolean                   integrity_chart_views_are_drawing   (void);

GtkWidget                 *integrity_chart_table_new           (IntegrityChart     *chart);
gboolean                   integrity_chart_export_table        (IntegrityChart     *chart,
                                                                const char         *path,
                                                                GError            **error);

G_END_DECLS
