/* integrity-chart-describe.c — a chart's numbers in words, for tooltips and screen readers. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "integrity-chart-private.h"

/**
 * integrity_chart_format_x:
 * @x: an X value of @chart
 *
 * Returns: (transfer full): the X value as a person reads it:
 *   "Mar 2021", "Week 9, 2024", "3 Mar 2024" or the category
 */
char *
integrity_chart_format_x (IntegrityChart *chart,
                          double          x)
{
  GDate date;
  char text[64];
  const char *category;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);

  if (!isfinite (x))
    return g_strdup ("–");

  switch (chart->x_kind)
    {
    case INTEGRITY_CHART_X_MONTHS:
      return integrity_month_to_label ((IntegrityMonth) lround (x));
    case INTEGRITY_CHART_X_WEEKS:
      if (x < 1 || x > G_MAXUINT32)
        return g_strdup ("–");
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) lround (x));
      /* Translators: an ISO week, e.g. "Week 9, 2024" */
      return g_strdup_printf (_("Week %u, %d"), g_date_get_iso8601_week_of_year (&date),
                              g_date_get_year (&date) + (g_date_get_month (&date) == 12
                                                         && g_date_get_iso8601_week_of_year (&date) == 1));
    case INTEGRITY_CHART_X_DAYS:
      if (x < 1 || x > G_MAXUINT32)
        return g_strdup ("–");
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) lround (x));
      g_date_strftime (text, sizeof text, "%d %b %Y", &date);
      return g_strdup (text[0] == '0' ? text + 1 : text);
    case INTEGRITY_CHART_X_CATEGORIES:
    default:
      category = x >= 0 ? integrity_chart_get_category (chart, (guint) lround (x)) : NULL;
      return category != NULL ? g_strdup (category) : g_strdup_printf ("%.0f", x);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db ? 1 : 0;
}

/**
 * integrity_chart_get_x_values:
 *
 * Returns: (transfer full) (element-type double): every X that some series
 *   has, ascending, once each: the points keyboard stepping visits
 */
GArray *
integrity_chart_get_x_values (IntegrityChart *chart)
{
  GArray *all;
  guint kept = 0;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);

  all = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      g_array_append_vals (all, series->x->data, series->x->len);
    }
  g_array_sort (all, compare_doubles);
  for (guint i = 0; i < all->len; i++)
    {
      double x = g_array_index (all, double, i);
      if (isfinite (x) && (kept == 0 || g_array_index (all, double, kept - 1) != x))
        g_array_index (all, double, kept++) = x;
    }
  g_array_set_size (all, kept);
  return all;
}

static void
append_value_line (GString        *out,
                   IntegrityChart *chart,
                   const char     *name,
                   double          y,
                   double          lo,
                   double          hi)
{
  g_autofree char *value = integrity_format_value (y, chart->y_format);

  g_string_append_c (out, '\n');
  if (name != NULL)
    g_string_append_printf (out, "%s: ", name);
  if (!isfinite (y))
    g_string_append (out, _("no data"));
  else
    g_string_append (out, value);
  if (isfinite (y) && isfinite (lo) && isfinite (hi))
    {
      g_autofree char *lo_text = integrity_format_value (lo, chart->y_format);
      g_autofree char *hi_text = integrity_format_value (hi, chart->y_format);
      g_string_append_printf (out, " (%s–%s)", lo_text, hi_text);
    }
}

/**
 * integrity_chart_describe_x:
 *
 * Returns: (transfer full): the X on the first line, then one line per
 *   series with its value (and interval) there: the hover tooltip
 */
char *
integrity_chart_describe_x (IntegrityChart *chart,
                            double          x)
{
  GString *out;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);

  heading = integrity_chart_format_x (chart, x);
  out = g_string_new (heading);
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      guint i;

      if (!_integrity_chart_find_x (series, x, &i))
        continue;
      if (series->kind == INTEGRITY_CHART_SERIES_HEATMAP)
        {
          for (guint r = 0; series->rows[r] != NULL; r++)
            append_value_line (out, chart, series->rows[r],
                               _integrity_chart_value (series->y, r * series->x->len + i), NAN, NAN);
          continue;
        }
      append_value_line (out, chart, series->name, g_array_index (series->y, double, i),
                         _integrity_chart_value (series->lo, i), _integrity_chart_value (series->hi, i));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint  n;
  guint  first, last, lowest, highest;  /* indices of finite values */
} Summary;

static gboolean
summarise (GArray  *y,
           Summary *summary)
{
  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < y->len; i++)
    {
      double v = g_array_index (y, double, i);

      if (!isfinite (v))
        continue;
      if (summary->n == 0)
        summary->first = summary->lowest = summary->highest = i;
      if (v < g_array_index (y, double, summary->lowest))
        summary->lowest = i;
      if (v > g_array_index (y, double, summary->highest))
        summary->highest = i;
      summary->last = i;
      summary->n++;
    }
  return summary->n > 0;
}

static void
describe_series (GString              *out,
                 IntegrityChart       *chart,
                 IntegrityChartSeries *series)
{
  Summary sum;
  double first, last;
  g_autofree char *latest = NULL, *latest_x = NULL, *change = NULL, *since = NULL;
  g_autofree char *low = NULL, *low_x = NULL, *high = NULL, *high_x = NULL;
  const char *name = series->name != NULL ? series->name : _("Values");

  if (!summarise (series->y, &sum))
    {
      /* Translators: a series with no values, e.g. "Recorded: no data." */
      g_string_append_printf (out, _(" %s: no data."), name);
      return;
    }

  first = g_array_index (series->y, double, sum.first);
  last = g_array_index (series->y, double, sum.last);
  low = integrity_format_value (g_array_index (series->y, double, sum.lowest), chart->y_format);
  high = integrity_format_value (g_array_index (series->y, double, sum.highest), chart->y_format);
  low_x = integrity_chart_format_x (chart, g_array_index (series->x, double, sum.lowest));
  high_x = integrity_chart_format_x (chart, g_array_index (series->x, double, sum.highest));

  if (chart->x_kind == INTEGRITY_CHART_X_CATEGORIES)
    {
      /* Translators: e.g. " Recorded: highest 91.0% (Bolton), lowest 70.2% (Wigan)." */
      g_string_append_printf (out, _(" %s: highest %s (%s), lowest %s (%s)."),
                              name, high, high_x, low, low_x);
      return;
    }

  latest = integrity_format_value (last, chart->y_format);
  latest_x = integrity_chart_format_x (chart, g_array_index (series->x, double, sum.last));
  change = integrity_format_delta (last - first, chart->y_format);
  since = integrity_chart_format_x (chart, g_array_index (series->x, double, sum.first));
  /* Translators: e.g. " Recorded: latest 77.7% (Mar 2021), change over the period
   * −11.3 pts since Apr 2020, lowest 75.0% (Jan 2021), highest 89.0% (Apr 2020)." */
  g_string_append_printf (out, _(" %s: latest %s (%s), change over the period %s since %s, lowest %s (%s), highest %s (%s)."),
                          name, latest, latest_x, change, since, low, low_x, high, high_x);
}

/**
 * integrity_chart_describe:
 *
 * Returns: (transfer full): a few sentences that say what the chart shows:
 *   per series the latest value, the change over the period, the lowest and
 *   highest; the accessible description of a chart view
 */
char *
integrity_chart_describe (IntegrityChart *chart)
{
  GString *out;
  guint described = 0;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);

  out = g_string_new (chart->title != NULL ? chart->title : _("Chart"));
  g_string_append_c (out, '.');
  if (chart->series->len == 0)
    g_string_append (out, _(" No data."));

  for (guint s = 0; s < chart->series->len && described < 4; s++, described++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);

      if (series->kind == INTEGRITY_CHART_SERIES_HEATMAP)
        {
          Summary sum;
          guint n_x = MAX (series->x->len, 1);
          g_autofree char *low = NULL, *high = NULL, *low_x = NULL, *high_x = NULL;

          if (!summarise (series->y, &sum))
            continue;
          low = integrity_format_value (g_array_index (series->y, double, sum.lowest), chart->y_format);
          high = integrity_format_value (g_array_index (series->y, double, sum.highest), chart->y_format);
          low_x = integrity_chart_format_x (chart, _integrity_chart_value (series->x, sum.lowest % n_x));
          high_x = integrity_chart_format_x (chart, _integrity_chart_value (series->x, sum.highest % n_x));
          /* Translators: e.g. " Lowest 61.0% (Wigan, Jan 2021), highest 93.5% (Bolton, Jun 2020)." */
          g_string_append_printf (out, _(" Lowest %s (%s, %s), highest %s (%s, %s)."),
                                  low, series->rows[sum.lowest / n_x], low_x,
                                  high, series->rows[sum.highest / n_x], high_x);
          continue;
        }
      describe_series (out, chart, series);
    }
  for (guint r = 0; r < chart->refs->len; r++)
    {
      IntegrityChartRef *ref = &g_array_index (chart->refs, IntegrityChartRef, r);
      if (ref->kind == INTEGRITY_CHART_REF_TARGET)
        g_string_append_printf (out, " %s.", ref->label);
    }
  return g_string_free (out, FALSE);
}
