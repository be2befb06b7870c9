/* integrity-chart-view-private.h — shared by the chart view's files. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-chart-render.h"
#include "integrity-chart-view.h"

G_BEGIN_DECLS

struct _IntegrityChartView
{
  GtkWidget               parent_instance;

  IntegrityChart         *chart;
  IntegrityChartStyle     style;
  double                  font_scale;
  IntegrityChartGeometry  geometry;

  /* The chart as drawn last, reused while only the hover marker moves,
   * and shown until a new drawing of a changed chart arrives. */
  GskRenderNode          *cache;
  int                     cache_width;
  int                     cache_height;
  int                     cache_scale;
  guint                   cache_serial;  /* == serial: drawn as it is now */
  guint                   serial;        /* counts changes of chart and style */
  GCancellable           *drawing;       /* a drawing on a worker thread */
  gboolean                out_of_view;  /* last snapshot skipped drawing */
  GtkScrolledWindow      *scroller;     /* nearest, while mapped */

  GArray                 *x_values;  /* double: the points arrow keys visit */
  int                     selected;  /* index into x_values, -1: none */

  GtkWidget              *menu_button;
  GtkWidget              *context_menu;
};

GMenuModel *_integrity_chart_view_menu_model     (void);
void        _integrity_chart_view_install_menu   (GtkWidgetClass     *widget_class);
void        _integrity_chart_view_popup_menu     (IntegrityChartView *self,
                                                  double              x,
                                                  double              y);

G_END_DECLS
