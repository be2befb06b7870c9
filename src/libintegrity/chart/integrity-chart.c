/* integrity-chart.c — what a chart shows: axes, series, reference lines, notes. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-chart-private.h"

/* A chart is a plain model: it holds copies of the values and says when
 * they change. The renderer reads it; the view redraws on "changed".
 * It belongs to one thread at a time (the renderer caches thinned data
 * in it). */

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IntegrityChart, integrity_chart, G_TYPE_OBJECT)

static void
series_drop_cache (IntegrityChartSeries *series)
{
  g_clear_pointer (&series->thin_x, g_array_unref);
  g_clear_pointer (&series->thin_y, g_array_unref);
  series->thin_columns = 0;
}

static void
series_free (gpointer data)
{
  IntegrityChartSeries *series = data;

  series_drop_cache (series);
  g_free (series->name);
  g_clear_pointer (&series->x, g_array_unref);
  g_clear_pointer (&series->y, g_array_unref);
  g_clear_pointer (&series->lo, g_array_unref);
  g_clear_pointer (&series->hi, g_array_unref);
  g_strfreev (series->rows);
  g_free (series);
}

static void
ref_clear (gpointer data)
{
  g_free (((IntegrityChartRef *) data)->label);
}

static void
note_clear (gpointer data)
{
  g_free (((IntegrityChartNote *) data)->text);
}

static GArray *
doubles_new (const double *values,
             gsize         n)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) n);

  if (values != NULL && n > 0)
    g_array_append_vals (array, values, (guint) n);
  return array;
}

static void
emit_changed (IntegrityChart *chart)
{
  chart->extents_valid = FALSE;
  g_signal_emit (chart, signals[CHANGED], 0);
}

static void
integrity_chart_finalize (GObject *object)
{
  IntegrityChart *chart = INTEGRITY_CHART (object);

  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->caption);
  g_free (chart->y_label);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->refs);
  g_array_unref (chart->notes);

  G_OBJECT_CLASS (integrity_chart_parent_class)->finalize (object);
}

static void
integrity_chart_class_init (IntegrityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = integrity_chart_finalize;

  /**
   * IntegrityChart::changed:
   *
   * Emitted after anything the chart shows has changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
integrity_chart_init (IntegrityChart *chart)
{
  chart->y_min = NAN;
  chart->y_max = NAN;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->refs = g_array_new (FALSE, TRUE, sizeof (IntegrityChartRef));
  g_array_set_clear_func (chart->refs, ref_clear);
  chart->notes = g_array_new (FALSE, TRUE, sizeof (IntegrityChartNote));
  g_array_set_clear_func (chart->notes, note_clear);
}

IntegrityChart *
integrity_chart_new (IntegrityChartXKind x_kind,
                     IntegrityFormat     y_format)
{
  IntegrityChart *chart = g_object_new (INTEGRITY_TYPE_CHART, NULL);

  chart->x_kind = x_kind;
  chart->y_format = y_format;
  return chart;
}

IntegrityChartXKind
integrity_chart_get_x_kind (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), INTEGRITY_CHART_X_MONTHS);
  return chart->x_kind;
}

IntegrityFormat
integrity_chart_get_y_format (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), INTEGRITY_FORMAT_COUNT);
  return chart->y_format;
}

static void
set_text (IntegrityChart  *chart,
          char           **field,
          const char      *text)
{
  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  emit_changed (chart);
}

void
integrity_chart_set_title (IntegrityChart *chart,
                           const char     *title)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  set_text (chart, &chart->title, title);
}

const char *
integrity_chart_get_title (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);
  return chart->title;
}

void
integrity_chart_set_subtitle (IntegrityChart *chart,
                              const char     *subtitle)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  set_text (chart, &chart->subtitle, subtitle);
}

const char *
integrity_chart_get_subtitle (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);
  return chart->subtitle;
}

/* Source and method, e.g. "Source: audit of 1,200 incidents. Band: 95% interval." */
void
integrity_chart_set_caption (IntegrityChart *chart,
                             const char     *caption)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  set_text (chart, &chart->caption, caption);
}

const char *
integrity_chart_get_caption (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);
  return chart->caption;
}

/* A word over the value axis, e.g. "crimes a day". */
void
integrity_chart_set_y_label (IntegrityChart *chart,
                             const char     *y_label)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  set_text (chart, &chart->y_label, y_label);
}

/**
 * integrity_chart_set_y_range:
 * @min: the lowest value the axis shows, or NAN to follow the data
 * @max: the highest, or NAN
 *
 * Fixes the value axis, e.g. 0–100% so that charts side by side compare.
 */
void
integrity_chart_set_y_range (IntegrityChart *chart,
                             double          min,
                             double          max)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  chart->y_min = min;
  chart->y_max = max;
  emit_changed (chart);
}

/**
 * integrity_chart_set_sort_ascending:
 * @ascending: %TRUE to list horizontal bars lowest first
 *
 * Horizontal bars are a league table, highest first; a chart about who is
 * behind (completion by district) puts the lowest at the top instead.
 * Bars with no data stay last either way.
 */
void
integrity_chart_set_sort_ascending (IntegrityChart *chart,
                                    gboolean        ascending)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  ascending = !!ascending;
  if (chart->sort_ascending == ascending)
    return;
  chart->sort_ascending = ascending;
  emit_changed (chart);
}

gboolean
integrity_chart_get_sort_ascending (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), FALSE);
  return chart->sort_ascending;
}

/* Labels for an X axis of categories (x = 0, 1, …), or for horizontal bars. */
void
integrity_chart_set_categories (IntegrityChart     *chart,
                                const char * const *categories)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));

  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_ptr_array_add (chart->categories, g_strdup (categories[i]));
  emit_changed (chart);
}

guint
integrity_chart_get_n_categories (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), 0);
  return chart->categories->len;
}

const char *
integrity_chart_get_category (IntegrityChart *chart,
                              guint           index)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);
  return index < chart->categories->len ? g_ptr_array_index (chart->categories, index) : NULL;
}

/**
 * integrity_chart_add_series:
 * @x: (array length=n): X values, ascending (see #IntegrityChartXKind)
 * @y: (array length=n): values; NAN where there is no data, drawn as a gap
 *
 * Kinds that need an interval (band, intervals) take it from
 * integrity_chart_set_series_interval(). A step series draws the values
 * as given, so give it running totals.
 *
 * Returns: the index of the new series
 */
guint
integrity_chart_add_series (IntegrityChart           *chart,
                            IntegrityChartSeriesKind  kind,
                            const char               *name,
                            const double             *x,
                            const double             *y,
                            gsize                     n)
{
  IntegrityChartSeries *series;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), 0);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), 0);
  g_return_val_if_fail (kind != INTEGRITY_CHART_SERIES_HEATMAP, 0);

  series = g_new0 (IntegrityChartSeries, 1);
  series->kind = kind;
  series->name = g_strdup (name);
  series->x = doubles_new (x, n);
  series->y = doubles_new (y, n);
  series->colour = chart->series->len;
  g_ptr_array_add (chart->series, series);
  emit_changed (chart);
  return chart->series->len - 1;
}

/* Replaces the values of a series, keeping its kind, name and colour. */
void
integrity_chart_set_series_data (IntegrityChart *chart,
                                 guint           index,
                                 const double   *x,
                                 const double   *y,
                                 gsize           n)
{
  IntegrityChartSeries *series;

  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  g_return_if_fail (index < chart->series->len);
  g_return_if_fail (n == 0 || (x != NULL && y != NULL));

  series = _integrity_chart_series (chart, index);
  series_drop_cache (series);
  g_array_unref (series->x);
  g_array_unref (series->y);
  series->x = doubles_new (x, n);
  series->y = doubles_new (y, n);
  emit_changed (chart);
}

/* The lower and upper bounds (e.g. a 95% interval) for each point. */
void
integrity_chart_set_series_interval (IntegrityChart *chart,
                                     guint           index,
                                     const double   *lo,
                                     const double   *hi,
                                     gsize           n)
{
  IntegrityChartSeries *series;

  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  g_return_if_fail (index < chart->series->len);
  g_return_if_fail (n == 0 || (lo != NULL && hi != NULL));

  series = _integrity_chart_series (chart, index);
  g_clear_pointer (&series->lo, g_array_unref);
  g_clear_pointer (&series->hi, g_array_unref);
  series->lo = doubles_new (lo, n);
  series->hi = doubles_new (hi, n);
  emit_changed (chart);
}

/**
 * integrity_chart_add_heatmap:
 * @rows: %NULL-terminated row labels (e.g. districts)
 * @x: (array length=n_x): the columns (e.g. months)
 * @values: rows × @n_x values, row by row; NAN for no data
 *
 * Returns: the index of the new series
 */
guint
integrity_chart_add_heatmap (IntegrityChart     *chart,
                             const char         *name,
                             const char * const *rows,
                             const double       *x,
                             gsize               n_x,
                             const double       *values)
{
  IntegrityChartSeries *series;
  guint n_rows;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), 0);
  g_return_val_if_fail (rows != NULL, 0);
  g_return_val_if_fail (n_x == 0 || (x != NULL && values != NULL), 0);

  n_rows = g_strv_length ((char **) rows);
  series = g_new0 (IntegrityChartSeries, 1);
  series->kind = INTEGRITY_CHART_SERIES_HEATMAP;
  series->name = g_strdup (name);
  series->rows = g_strdupv ((char **) rows);
  series->x = doubles_new (x, n_x);
  series->y = doubles_new (values, n_x * n_rows);
  series->colour = chart->series->len;
  g_ptr_array_add (chart->series, series);
  emit_changed (chart);
  return chart->series->len - 1;
}

guint
integrity_chart_get_n_series (IntegrityChart *chart)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), 0);
  return chart->series->len;
}

IntegrityChartSeriesKind
integrity_chart_get_series_kind (IntegrityChart *chart,
                                 guint           index)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), INTEGRITY_CHART_SERIES_LINE);
  g_return_val_if_fail (index < chart->series->len, INTEGRITY_CHART_SERIES_LINE);
  return _integrity_chart_series (chart, index)->kind;
}

const char *
integrity_chart_get_series_name (IntegrityChart *chart,
                                 guint           index)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);
  g_return_val_if_fail (index < chart->series->len, NULL);
  return _integrity_chart_series (chart, index)->name;
}

void
integrity_chart_clear_series (IntegrityChart *chart)
{
  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  g_ptr_array_set_size (chart->series, 0);
  emit_changed (chart);
}

/**
 * integrity_chart_add_reference:
 * @value: a Y value for a target, an X value for a deadline or today
 * @label: (nullable): e.g. "Target 90%"; %NULL for the usual words
 */
void
integrity_chart_add_reference (IntegrityChart        *chart,
                               IntegrityChartRefKind  kind,
                               double                 value,
                               const char            *label)
{
  IntegrityChartRef ref = { kind, value, NULL };

  g_return_if_fail (INTEGRITY_IS_CHART (chart));

  if (label != NULL)
    ref.label = g_strdup (label);
  else if (kind == INTEGRITY_CHART_REF_TARGET)
    {
      g_autofree char *text = integrity_format_value (value, chart->y_format);
      /* Translators: a target line's label, e.g. "Target 90.0%" */
      ref.label = g_strdup_printf (_("Target %s"), text);
    }
  else if (kind == INTEGRITY_CHART_REF_DEADLINE)
    ref.label = g_strdup (_("Deadline"));
  else
    ref.label = g_strdup (_("Today"));
  g_array_append_val (chart->refs, ref);
  emit_changed (chart);
}

/* A dated note, e.g. "Refresher training starts". */
void
integrity_chart_add_annotation (IntegrityChart *chart,
                                double          x,
                                const char     *text)
{
  IntegrityChartNote note = { x, NULL };

  g_return_if_fail (INTEGRITY_IS_CHART (chart));
  g_return_if_fail (text != NULL);

  note.text = g_strdup (text);
  g_array_append_val (chart->notes, note);
  emit_changed (chart);
}

gboolean
_integrity_chart_is_bar_kind (IntegrityChartSeriesKind kind)
{
  return kind == INTEGRITY_CHART_SERIES_BARS || kind == INTEGRITY_CHART_SERIES_STACKED_BARS
      || kind == INTEGRITY_CHART_SERIES_HBARS;
}

/* The first series of @kind, if the chart has one. */
gboolean
_integrity_chart_find_kind (IntegrityChart           *chart,
                            IntegrityChartSeriesKind  kind,
                            guint                    *index)
{
  for (guint i = 0; i < chart->series->len; i++)
    if (_integrity_chart_series (chart, i)->kind == kind)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_integrity_chart_is_horizontal (IntegrityChart *chart)
{
  return _integrity_chart_find_kind (chart, INTEGRITY_CHART_SERIES_HBARS, NULL);
}

gboolean
_integrity_chart_has_heatmap (IntegrityChart *chart)
{
  return _integrity_chart_find_kind (chart, INTEGRITY_CHART_SERIES_HEATMAP, NULL);
}

double
_integrity_chart_x_unit (IntegrityChart *chart)
{
  return chart->x_kind == INTEGRITY_CHART_X_WEEKS ? 7.0 : 1.0;
}

/* The X range the plot spans: the data, deadlines and today; half a slot
 * more each side where bars, points or cells sit on slots. */
/* Widens [*lo, *hi] to take in the finite values of @values (may be NULL). */
static void
widen_to (GArray *values,
          double *lo,
          double *hi)
{
  const double *v;
  double l = *lo, h = *hi;

  if (values == NULL)
    return;
  v = (const double *) (gpointer) values->data;
  for (guint i = 0; i < values->len; i++)
    {
      /* NAN fails both comparisons, so gaps are passed over. */
      if (v[i] < l && isfinite (v[i]))
        l = v[i];
      if (v[i] > h && isfinite (v[i]))
        h = v[i];
    }
  *lo = l;
  *hi = h;
}

/* X values ascend (as thinning needs): a long series' extent is its first
 * and last known X, without a pass over millions of points. */
static void
widen_to_ascending (GArray *values,
                    double *lo,
                    double *hi)
{
  const double *v = (const double *) (gpointer) values->data;
  guint first = 0, last = values->len;

  if (values->len <= 4096)
    {
      widen_to (values, lo, hi);
      return;
    }
  while (first < values->len && !isfinite (v[first]))
    first++;
  while (last > first && !isfinite (v[last - 1]))
    last--;
  if (first < last)
    {
      *lo = MIN (*lo, v[first]);
      *hi = MAX (*hi, v[last - 1]);
    }
}

static void
compute_x_extent (IntegrityChart *chart,
                  double         *x0,
                  double         *x1)
{
  double lo = INFINITY, hi = -INFINITY;
  double unit = _integrity_chart_x_unit (chart);
  gboolean slots = chart->x_kind == INTEGRITY_CHART_X_CATEGORIES;

  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);

      if (series->kind != INTEGRITY_CHART_SERIES_LINE && series->kind != INTEGRITY_CHART_SERIES_BAND
          && series->kind != INTEGRITY_CHART_SERIES_AREA && series->kind != INTEGRITY_CHART_SERIES_STEP)
        slots = TRUE;
      widen_to_ascending (series->x, &lo, &hi);
    }
  for (guint r = 0; r < chart->refs->len; r++)
    {
      IntegrityChartRef *ref = &g_array_index (chart->refs, IntegrityChartRef, r);
      if (ref->kind != INTEGRITY_CHART_REF_TARGET && isfinite (ref->value))
        {
          lo = MIN (lo, ref->value);
          hi = MAX (hi, ref->value);
        }
    }
  if (chart->x_kind == INTEGRITY_CHART_X_CATEGORIES && chart->categories->len > 0)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, chart->categories->len - 1);
    }
  if (!isfinite (lo))
    {
      lo = 0;
      hi = unit;
    }
  if (slots || hi <= lo)
    {
      lo -= unit / 2;
      hi += unit / 2;
    }
  *x0 = lo;
  *x1 = hi;
}

/* The sum of the stacked series before @index's series at the same X. */
void
_integrity_chart_stack_base (IntegrityChart *chart,
                             guint           index,
                             guint           point,
                             double         *base)
{
  IntegrityChartSeries *series = _integrity_chart_series (chart, index);
  double x = g_array_index (series->x, double, point);

  *base = 0;
  for (guint s = 0; s < index; s++)
    {
      IntegrityChartSeries *other = _integrity_chart_series (chart, s);

      if (other->kind != INTEGRITY_CHART_SERIES_STACKED_BARS)
        continue;
      for (guint i = 0; i < other->x->len; i++)
        if (g_array_index (other->x, double, i) == x)
          {
            double y = g_array_index (other->y, double, i);
            if (isfinite (y))
              *base += y;
            break;
          }
    }
}

/* The value range: data, intervals, stacks and targets; zero where the
 * marks are lengths (bars, areas, steps), so that lengths are honest. */
static void
compute_y_extent (IntegrityChart *chart,
                  double         *y0,
                  double         *y1)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);

      if (series->kind == INTEGRITY_CHART_SERIES_HEATMAP)
        continue;
      if (series->kind != INTEGRITY_CHART_SERIES_LINE && series->kind != INTEGRITY_CHART_SERIES_BAND
          && series->kind != INTEGRITY_CHART_SERIES_INTERVALS)
        {
          lo = MIN (lo, 0);
          hi = MAX (hi, 0);
        }
      if (series->kind != INTEGRITY_CHART_SERIES_STACKED_BARS)
        widen_to (series->y, &lo, &hi);
      else
        for (guint i = 0; i < series->y->len; i++)
          {
            double top = g_array_index (series->y, double, i), base;

            if (!isfinite (top))
              continue;
            _integrity_chart_stack_base (chart, s, i, &base);
            lo = MIN (lo, top + base);
            hi = MAX (hi, top + base);
          }
      widen_to (series->lo, &lo, &hi);
      widen_to (series->hi, &lo, &hi);
    }
  for (guint r = 0; r < chart->refs->len; r++)
    {
      IntegrityChartRef *ref = &g_array_index (chart->refs, IntegrityChartRef, r);
      if (ref->kind == INTEGRITY_CHART_REF_TARGET && isfinite (ref->value))
        {
          lo = MIN (lo, ref->value);
          hi = MAX (hi, ref->value);
        }
    }
  *y0 = isfinite (chart->y_min) ? chart->y_min : lo;
  *y1 = isfinite (chart->y_max) ? chart->y_max : hi;
}

static void
update_extents (IntegrityChart *chart)
{
  if (chart->extents_valid)
    return;
  compute_x_extent (chart, &chart->x_extent[0], &chart->x_extent[1]);
  compute_y_extent (chart, &chart->y_extent[0], &chart->y_extent[1]);
  chart->extents_valid = TRUE;
}

void
_integrity_chart_x_extent (IntegrityChart *chart,
                           double         *x0,
                           double         *x1)
{
  update_extents (chart);
  *x0 = chart->x_extent[0];
  *x1 = chart->x_extent[1];
}

void
_integrity_chart_y_extent (IntegrityChart *chart,
                           double         *y0,
                           double         *y1)
{
  update_extents (chart);
  *y0 = chart->y_extent[0];
  *y1 = chart->y_extent[1];
}

typedef struct
{
  GArray *y;
  int     sign;  /* where a lower value goes: 1 after (highest first), -1 before */
} HbarOrder;

/* By value in the chart's direction; no data last either way. */
static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const HbarOrder *order = data;
  double va = g_array_index (order->y, double, *(const guint *) a);
  double vb = g_array_index (order->y, double, *(const guint *) b);

  if (!isfinite (va) || !isfinite (vb))
    return isfinite (va) ? -1 : isfinite (vb) ? 1 : 0;
  return va < vb ? order->sign : va > vb ? -order->sign : 0;
}

/* A copy to draw on another thread: the values are shared (they are
 * replaced, never changed in place), the renderer's caches are not. */
IntegrityChart *
_integrity_chart_copy (IntegrityChart *chart)
{
  IntegrityChart *copy = integrity_chart_new (chart->x_kind, chart->y_format);

  copy->title = g_strdup (chart->title);
  copy->subtitle = g_strdup (chart->subtitle);
  copy->caption = g_strdup (chart->caption);
  copy->y_label = g_strdup (chart->y_label);
  copy->y_min = chart->y_min;
  copy->y_max = chart->y_max;
  copy->sort_ascending = chart->sort_ascending;
  for (guint i = 0; i < chart->categories->len; i++)
    g_ptr_array_add (copy->categories, g_strdup (g_ptr_array_index (chart->categories, i)));
  for (guint i = 0; i < chart->series->len; i++)
    {
      const IntegrityChartSeries *from = g_ptr_array_index (chart->series, i);
      IntegrityChartSeries *series = g_new0 (IntegrityChartSeries, 1);

      series->kind = from->kind;
      series->name = g_strdup (from->name);
      series->x = g_array_ref (from->x);
      series->y = g_array_ref (from->y);
      series->lo = from->lo != NULL ? g_array_ref (from->lo) : NULL;
      series->hi = from->hi != NULL ? g_array_ref (from->hi) : NULL;
      series->rows = g_strdupv (from->rows);
      series->colour = from->colour;
      g_ptr_array_add (copy->series, series);
    }
  for (guint i = 0; i < chart->refs->len; i++)
    {
      IntegrityChartRef ref = g_array_index (chart->refs, IntegrityChartRef, i);

      ref.label = g_strdup (ref.label);
      g_array_append_val (copy->refs, ref);
    }
  for (guint i = 0; i < chart->notes->len; i++)
    {
      IntegrityChartNote note = g_array_index (chart->notes, IntegrityChartNote, i);

      note.text = g_strdup (note.text);
      g_array_append_val (copy->notes, note);
    }
  return copy;
}

/* Point indices of a horizontal bar series, highest value first (lowest
 * first when sorted ascending), no data last. */
GArray *
_integrity_chart_hbar_order (IntegrityChart *chart,
                             guint           index)
{
  IntegrityChartSeries *series = _integrity_chart_series (chart, index);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), series->y->len);
  HbarOrder by = { series->y, chart->sort_ascending ? -1 : 1 };

  for (guint i = 0; i < series->y->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_value, &by);
  return order;
}

/* The point of @series at @x, if it has one. */
gboolean
_integrity_chart_find_x (IntegrityChartSeries *series,
               double                x,
               guint                *index)
{
  /* Binary search: the X values of a series ascend. */
  guint lo = 0, hi = series->x->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (series->x, double, mid) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < series->x->len && g_array_index (series->x, double, lo) == x)
    {
      *index = lo;
      return TRUE;
    }
  /* Not ascending after all (categories in any order): look at each. */
  for (guint i = 0; i < series->x->len; i++)
    if (g_array_index (series->x, double, i) == x)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}
