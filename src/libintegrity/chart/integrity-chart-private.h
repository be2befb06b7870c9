/* integrity-chart-private.h — the chart model as the renderer and views read it. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "integrity-chart.h"

G_BEGIN_DECLS

typedef struct
{
  IntegrityChartSeriesKind kind;
  char                    *name;
  GArray                  *x;       /* double */
  GArray                  *y;       /* double; heat map: rows × x, row-major */
  GArray                  *lo;      /* double or NULL */
  GArray                  *hi;
  GStrv                    rows;    /* heat map row labels */
  guint                    colour;  /* palette index */

  /* Thinned copy for one plot width and X range, kept until the data change. */
  GArray                  *thin_x;
  GArray                  *thin_y;
  guint                    thin_columns;
  double                   thin_x0;
  double                   thin_x1;
} IntegrityChartSeries;

typedef struct
{
  IntegrityChartRefKind kind;
  double                value;
  char                 *label;
} IntegrityChartRef;

typedef struct
{
  double  x;
  char   *text;
} IntegrityChartNote;

struct _IntegrityChart
{
  GObject              parent_instance;

  IntegrityChartXKind  x_kind;
  IntegrityFormat      y_format;
  char                *title;
  char                *subtitle;
  char                *caption;
  char                *y_label;
  double               y_min;       /* NAN: from the data */
  double               y_max;
  GPtrArray           *categories;  /* char * */
  GPtrArray           *series;      /* IntegrityChartSeries * */
  GArray              *refs;        /* IntegrityChartRef */
  GArray              *notes;       /* IntegrityChartNote */
  gboolean             sort_ascending;  /* horizontal bars: lowest first */

  /* The data's X and Y extents, found once after each change. */
  gboolean             extents_valid;
  double               x_extent[2];
  double               y_extent[2];
};

static inline IntegrityChartSeries *
_integrity_chart_series (IntegrityChart *chart,
                         guint           index)
{
  g_assert (index < chart->series->len);
  return g_ptr_array_index (chart->series, index);
}

static inline double
_integrity_chart_value (GArray *array,
                        guint   index)
{
  return array != NULL && index < array->len ? g_array_index (array, double, index) : NAN;
}

gboolean _integrity_chart_find_kind     (IntegrityChart           *chart,
                                         IntegrityChartSeriesKind  kind,
                                         guint                    *index);
gboolean _integrity_chart_is_horizontal (IntegrityChart *chart);
gboolean _integrity_chart_has_heatmap   (IntegrityChart *chart);
gboolean _integrity_chart_is_bar_kind   (IntegrityChartSeriesKind kind);
double   _integrity_chart_x_unit        (IntegrityChart *chart);
void     _integrity_chart_x_extent      (IntegrityChart *chart,
                                         double         *x0,
                                         double         *x1);
void     _integrity_chart_y_extent      (IntegrityChart *chart,
                                         double         *y0,
                                         double         *y1);
void     _integrity_chart_stack_base    (IntegrityChart *chart,
                                         guint           series,
                                         guint           index,
                                         double         *base);
gboolean _integrity_chart_find_x        (IntegrityChartSeries *series,
                                         double                x,
                                         guint                *index);
IntegrityChart *_integrity_chart_copy (IntegrityChart *chart);
GArray  *_integrity_chart_hbar_order    (IntegrityChart *chart,
                                         guint           series);

G_END_DECLS
