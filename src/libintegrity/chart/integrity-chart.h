/* integrity-chart.h — what a chart shows: axes, series, reference lines, notes. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "core/integrity-format.h"
#include "core/integrity-month.h"

G_BEGIN_DECLS

/* What the X values mean. Dates are plain numbers so that periods are ranges. */
typedef enum
{
  INTEGRITY_CHART_X_MONTHS,      /* IntegrityMonth */
  INTEGRITY_CHART_X_WEEKS,       /* Julian day (GDate) of the ISO week's Monday */
  INTEGRITY_CHART_X_DAYS,        /* Julian day (GDate) */
  INTEGRITY_CHART_X_CATEGORIES,  /* index into the chart's categories */
} IntegrityChartXKind;

typedef enum
{
  INTEGRITY_CHART_SERIES_LINE,
  INTEGRITY_CHART_SERIES_BAND,          /* line with a lo–hi band (set_series_interval) */
  INTEGRITY_CHART_SERIES_AREA,          /* filled down to zero */
  INTEGRITY_CHART_SERIES_BARS,          /* side by side with the other bar series */
  INTEGRITY_CHART_SERIES_STACKED_BARS,  /* stacked on the other stacked series */
  INTEGRITY_CHART_SERIES_HBARS,         /* horizontal, sorted by value: league tables */
  INTEGRITY_CHART_SERIES_INTERVALS,     /* points with lo–hi whiskers */
  INTEGRITY_CHART_SERIES_STEP,          /* cumulative values as a step: burn-up */
  INTEGRITY_CHART_SERIES_HEATMAP,       /* rows × X, see integrity_chart_add_heatmap() */
} IntegrityChartSeriesKind;

typedef enum
{
  INTEGRITY_CHART_REF_TARGET,    /* horizontal line at a Y value */
  INTEGRITY_CHART_REF_DEADLINE,  /* vertical line at an X value */
  INTEGRITY_CHART_REF_TODAY,     /* vertical line at an X value */
} IntegrityChartRefKind;

#define INTEGRITY_TYPE_CHART (integrity_chart_get_type ())

G_DECLARE_FINAL_TYPE (IntegrityChart, integrity_chart, INTEGRITY, CHART, GObject)

IntegrityChart          *integrity_chart_new                 (IntegrityChartXKind       x_kind,
                                                              IntegrityFormat           y_format);
IntegrityChartXKind      integrity_chart_get_x_kind          (IntegrityChart           *chart);
IntegrityFormat          integrity_chart_get_y_format        (IntegrityChart           *chart);
void                     integrity_chart_set_title           (IntegrityChart           *chart,
                                                              const char               *title);
const char              *integrity_chart_get_title           (IntegrityChart           *chart);
void                     integrity_chart_set_subtitle        (IntegrityChart           *chart,
                                                              const char               *subtitle);
const char              *integrity_chart_get_subtitle        (IntegrityChart           *chart);
void                     integrity_chart_set_caption         (IntegrityChart           *chart,
                                                              const char               *caption);
const char              *integrity_chart_get_caption         (IntegrityChart           *chart);
void                     integrity_chart_set_y_label         (IntegrityChart           *chart,
                                                              const char               *y_label);
void                     integrity_chart_set_y_range         (IntegrityChart           *chart,
                                                              double                    min,
                                                              double                    max);
void                     integrity_chart_set_sort_ascending  (IntegrityChart           *chart,
                                                              gboolean                  ascending);
gboolean                 integrity_chart_get_sort_ascending  (IntegrityChart           *chart);
void                     integrity_chart_set_categories      (IntegrityChart           *chart,
                                                              const char * const       *categories);
guint                    integrity_chart_get_n_categories    (IntegrityChart           *chart);
const char              *integrity_chart_get_category        (IntegrityChart           *chart,
                                                              guint                     index);

guint                    integrity_chart_add_series          (IntegrityChart           *chart,
                                                              IntegrityChartSeriesKind  kind,
                                                              const char               *name,
                                                              const double             *x,
                                                              const double             *y,
                                                              gsize                     n);
void                     integrity_chart_set_series_data     (IntegrityChart           *chart,
                                                              guint                     series,
                                                              const double             *x,
                                                              const double             *y,
                                                              gsize                     n);
void                     integrity_chart_set_series_interval (IntegrityChart           *chart,
                                                              guint                     series,
                                                              const double             *lo,
                                                              const double             *hi,
                                                              gsize                     n);
guint                    integrity_chart_add_heatmap         (IntegrityChart           *chart,
                                                              const char               *name,
                                                              const char * const       *rows,
                                                              const double             *x,
                                                              gsize                     n_x,
                                                              const double             *values);
guint                    integrity_chart_get_n_series        (IntegrityChart           *chart);
IntegrityChartSeriesKind integrity_chart_get_series_kind     (IntegrityChart           *chart,
                                                              guint                     series);
const char              *integrity_chart_get_series_name     (IntegrityChart           *chart,
                                                              guint                     series);
void                     integrity_chart_clear_series        (IntegrityChart           *chart);

void                     integrity_chart_add_reference       (IntegrityChart           *chart,
                                                              IntegrityChartRefKind     kind,
                                                              double                    value,
                                                              const char               *label);
void                     integrity_chart_add_annotation      (IntegrityChart           *chart,
                                                              double                    x,
                                                              const char               *text);

char                    *integrity_chart_format_x            (IntegrityChart           *chart,
                                                              double                    x);
GArray                  *integrity_chart_get_x_values        (IntegrityChart           *chart);
char                    *integrity_chart_describe_x          (IntegrityChart           *chart,
                                                              double                    x);
char                    *integrity_chart_describe            (IntegrityChart           *chart);

G_END_DECLS
