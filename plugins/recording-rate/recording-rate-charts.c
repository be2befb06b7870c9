/* recording-rate-charts.c — the recording-rate charts, for the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "recording-rate-charts.h"

/* The rate, or a gap when it rests on fewer than @min_sample crimes. */
IntegrityProportion
recording_rate_or_gap (const RecordingSums *sums,
             guint64              min_sample)
{
  IntegrityProportion rate = recording_sums_rate (sums);

  if (min_sample > 0 && sums->expected < min_sample)
    rate.p = rate.lo = rate.hi = NAN;
  return rate;
}

/* Months, or calendar quarters starting at their first month. */
GArray *
recording_rate_group_periods (const RecordingPageData *data,
               gboolean                 quarters)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (RecordingPeriod));
  int n = recording_page_data_n_months (data);

  for (int i = 0; i < n; i++)
    {
      IntegrityMonth month = data->filter->from + i;
      IntegrityMonth start = quarters ? month - month % 3 : month;
      double volume = g_array_index (data->monthly_volume, double, i);
      RecordingPeriod *period;

      if (periods->len == 0 || g_array_index (periods, RecordingPeriod, periods->len - 1).x != start)
        {
          RecordingPeriod fresh = { .x = start, .volume = NAN };
          g_array_append_val (periods, fresh);
        }
      period = &g_array_index (periods, RecordingPeriod, periods->len - 1);
      for (int c = 0; c < INTEGRITY_N_CATEGORIES; c++)
        {
          const RecordingSums *sums = recording_page_data_month (data, i, c);
          period->sums[c].incidents += sums->incidents;
          period->sums[c].expected += sums->expected;
          period->sums[c].recorded += sums->recorded;
          period->sums[c].within_24h += sums->within_24h;
        }
      if (isfinite (volume))
        {
          period->volume = isfinite (period->volume) ? period->volume + volume : volume;
          period->days += integrity_month_get_days (month);
        }
    }
  return periods;
}

static void
add_annotations (IntegrityChart          *chart,
                 const RecordingPageData *data)
{
  for (guint i = 0; i < data->annotations->len; i++)
    {
      IntegrityAnnotation *note = g_ptr_array_index (data->annotations, i);
      integrity_chart_add_annotation (chart, integrity_month_from_date (&note->date), note->text);
    }
}

static char *
target_label (double target)
{
  /* Translators: a reference line on a chart, e.g. "Target 90%" */
  return g_strdup_printf (_("Target %.0f%%"), target * 100);
}

IntegrityChart *
recording_rate_trend_chart (const RecordingPageData *data,
                            GArray                  *periods,
                            gboolean                 quarters,
                            guint64                  min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hi = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) domestic = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *target = target_label (data->target);
  guint series;

  for (guint i = 0; i < periods->len; i++)
    {
      RecordingPeriod *period = &g_array_index (periods, RecordingPeriod, i);
      IntegrityProportion all = recording_rate_or_gap (&period->sums[INTEGRITY_CATEGORY_ALL_CRIME], min_sample);
      IntegrityProportion da = recording_rate_or_gap (&period->sums[INTEGRITY_CATEGORY_DOMESTIC_ABUSE], min_sample);

      g_array_append_val (x, period->x);
      g_array_append_val (y, all.p);
      g_array_append_val (lo, all.lo);
      g_array_append_val (hi, all.hi);
      g_array_append_val (domestic, da.p);
    }

  integrity_chart_set_title (chart, quarters ? _("Recording rate by quarter") : _("Recording rate by month"));
  /* xgettext:no-c-format */
  integrity_chart_set_subtitle (chart, _("Crimes that should have been recorded that were, with the 95% interval"));
  integrity_chart_set_caption (chart, _("Source: crime recording audit. Band: Wilson score interval."));
  series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BAND, _("All crime"),
                                       (double *) x->data, (double *) y->data, x->len);
  integrity_chart_set_series_interval (chart, series, (double *) lo->data, (double *) hi->data, lo->len);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, _("Domestic abuse"),
                              (double *) x->data, (double *) domestic->data, x->len);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, data->target, target);
  add_annotations (chart, data);
  return chart;
}

/* Points with whiskers over named categories: categories or districts. */
static IntegrityChart *
build_interval_chart (const char          *title,
                      const char          *subtitle,
                      const char * const  *names,
                      const RecordingSums *sums,
                      guint                n,
                      double               target,
                      guint64              min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree double *lo = g_new (double, MAX (n, 1));
  g_autofree double *hi = g_new (double, MAX (n, 1));
  g_autofree char *target_text = target_label (target);
  guint series;

  for (guint i = 0; i < n; i++)
    {
      IntegrityProportion rate = recording_rate_or_gap (&sums[i], min_sample);
      x[i] = i;
      y[i] = rate.p;
      lo[i] = rate.lo;
      hi[i] = rate.hi;
    }
  integrity_chart_set_title (chart, title);
  integrity_chart_set_subtitle (chart, subtitle);
  integrity_chart_set_caption (chart, _("Source: crime recording audit. Whiskers: 95% Wilson interval."));
  integrity_chart_set_categories (chart, names);
  series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_INTERVALS, _("Recording rate"), x, y, n);
  integrity_chart_set_series_interval (chart, series, lo, hi, n);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, target, target_text);
  return chart;
}

IntegrityChart *
recording_rate_categories_chart (const RecordingPageData *data,
                                 guint64                  min_sample)
{
  const char *names[INTEGRITY_N_CATEGORIES + 1] = { NULL };

  for (int c = 0; c < INTEGRITY_N_CATEGORIES; c++)
    names[c] = integrity_category_label (c);
  return build_interval_chart (_("Recording rate by category"),
                               _("Violence, domestic abuse and behavioural crimes against all crime"),
                               names, data->categories, INTEGRITY_N_CATEGORIES, data->target,
                               min_sample);
}

IntegrityChart *
recording_rate_districts_chart (const RecordingPageData *data,
                                guint64                  min_sample)
{
  g_autofree const char **names = g_new0 (const char *, data->districts->len + 1);
  g_autofree RecordingSums *sums = g_new0 (RecordingSums, MAX (data->districts->len, 1));
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < data->districts->len; i++)
    {
      RecordingDistrict *district = g_ptr_array_index (data->districts, i);
      names[i] = district->name;
      sums[i] = district->sums;
    }
  subtitle = data->filter->district != NULL
    ? g_strdup_printf (_("Every district, lowest first; the page shows %s"), data->filter->district)
    : g_strdup (_("Every district, lowest first"));
  return build_interval_chart (_("District league table"), subtitle, (const char * const *) names,
                               sums, data->districts->len, data->target, min_sample);
}

IntegrityChart *
recording_rate_unrecorded_chart (const RecordingPageData *data,
                                 GArray                  *periods,
                                 guint64                  min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_DECIMAL);
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *caption = NULL;

  for (guint i = 0; i < periods->len; i++)
    {
      RecordingPeriod *period = &g_array_index (periods, RecordingPeriod, i);
      IntegrityProportion rate = recording_rate_or_gap (&period->sums[INTEGRITY_CATEGORY_ALL_CRIME], min_sample);
      double per_day = recording_unrecorded_per_day (period->volume, period->days, rate.p);

      g_array_append_val (x, period->x);
      g_array_append_val (y, per_day);
    }
  caption = data->volume_source != NULL
    ? g_strdup_printf (_("Recorded volume × (1 − rate) / rate, per day. Volumes: %s."), data->volume_source)
    : g_strdup (_("Needs recorded crime volumes (recorded-crime or police-uk-street)."));
  integrity_chart_set_title (chart, _("Crimes unrecorded a day (estimate)"));
  integrity_chart_set_subtitle (chart, _("Crimes that should have been recorded and were not"));
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_y_label (chart, _("crimes a day"));
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, _("Unrecorded a day"),
                              (double *) x->data, (double *) y->data, x->len);
  add_annotations (chart, data);
  return chart;
}

IntegrityChart *
recording_rate_volume_chart (const RecordingPageData *data)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_COUNT);
  guint n = data->volume_by_type->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *caption = NULL;

  for (guint i = 0; i < n; i++)
    {
      RecordingVolume *volume = g_ptr_array_index (data->volume_by_type, i);
      names[i] = volume->label;
      x[i] = i;
      y[i] = volume->crimes;
    }
  caption = data->volume_source != NULL
    ? g_strdup_printf (_("Source: %s."), data->volume_source)
    : g_strdup (_("No recorded volumes imported for this period."));
  integrity_chart_set_title (chart, _("Recorded crime by type"));
  integrity_chart_set_subtitle (chart, _("Crimes recorded in the period"));
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_categories (chart, names);
  if (n > 0)
    integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, _("Recorded"), x, y, n);
  return chart;
}

/* Every chart of the page, in page order; @min_sample withholds rates on
 * fewer crimes (0: none). */
GPtrArray *
recording_rate_build_charts (const RecordingPageData *data,
                             gboolean                 quarters,
                             guint64                  min_sample)
{
  g_autoptr(GArray) periods = recording_rate_group_periods (data, quarters);
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (charts, recording_rate_trend_chart (data, periods, quarters, min_sample));
  g_ptr_array_add (charts, recording_rate_categories_chart (data, min_sample));
  g_ptr_array_add (charts, recording_rate_districts_chart (data, min_sample));
  g_ptr_array_add (charts, recording_rate_unrecorded_chart (data, periods, min_sample));
  g_ptr_array_add (charts, recording_rate_volume_chart (data));
  return charts;
}
