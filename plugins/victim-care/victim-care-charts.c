/* victim-care-charts.c — the victim-care charts, for the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "victim-care-charts.h"

static void
add_annotations (IntegrityChart       *chart,
                 const VictimPageData *data)
{
  for (guint i = 0; data->annotations != NULL && i < data->annotations->len; i++)
    {
      IntegrityAnnotation *note = g_ptr_array_index (data->annotations, i);
      integrity_chart_add_annotation (chart, integrity_month_from_date (&note->date), note->text);
    }
}

/* The share in time, or a gap when it rests on fewer than @min_sample cases. */
double
victim_rate_or_gap (const VictimCount *count,
                    guint64            min_sample)
{
  if (min_sample > 0 && count->due < min_sample)
    return NAN;
  return victim_count_rate (count);
}

/* A count, or a gap when it is below @min_sample. */
static double
count_or_gap (guint64 count,
              guint64 min_sample)
{
  if (min_sample > 0 && count < min_sample)
    return NAN;
  return (double) count;
}

/* @caption, and what the gaps mean when some points may be withheld. */
static char *
caption_with_gaps (const char *caption,
                   guint64     min_sample,
                   const char *unit)
{
  g_autofree char *threshold = NULL;

  if (min_sample == 0)
    return g_strdup (caption);
  threshold = integrity_format_count ((double) min_sample);
  /* Translators: appended to a chart's caption, e.g. "… Gaps: fewer than 10 cases." */
  return g_strdup_printf (_("%s Gaps: fewer than %s %s."), caption, threshold, unit);
}

static IntegrityChart *
rates_chart (const VictimPageData *data,
             const char           *title,
             const char           *caption,
             const VictimRate     *rates,
             guint                 n_rates,
             guint64               min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  int n = victim_page_data_n_months (data);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  double last_target = NAN;
  g_autofree char *full_caption = caption_with_gaps (caption, min_sample, _("cases due"));

  integrity_chart_set_title (chart, title);
  integrity_chart_set_caption (chart, full_caption);
  integrity_chart_set_y_range (chart, NAN, 1.0);
  for (int i = 0; i < n; i++)
    x[i] = data->filter->from + i;
  for (guint r = 0; r < n_rates; r++)
    {
      for (int i = 0; i < n; i++)
        y[i] = victim_rate_or_gap (victim_page_data_month (data, i, rates[r]), min_sample);
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, victim_rate_label (rates[r]), x, y, n);
      if (data->targets[rates[r]] != last_target)
        {
          g_autofree char *label = g_strdup_printf (_("Target %.0f%%"), data->targets[rates[r]] * 100);
          integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, data->targets[rates[r]], label);
          last_target = data->targets[rates[r]];
        }
    }
  add_annotations (chart, data);
  return chart;
}

IntegrityChart *
victim_care_caseload_chart (const VictimPageData *data,
                            guint64               min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_COUNT);
  guint n = data->caseload->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  char day[64] = "";
  g_autofree char *subtitle = NULL;
  g_autofree char *caption = NULL;

  if (g_date_valid (&data->as_at))
    g_date_strftime (day, sizeof day, "%-d %B %Y", &data->as_at);
  /* Translators: %s is a date, e.g. "31 December 2021" */
  subtitle = g_strdup_printf (_("Open cases by days since recording, as at %s"), day);
  caption = caption_with_gaps (_("Source: victim-care case records. Age in calendar days from the day the "
                                 "crime was recorded."), min_sample, _("cases"));
  integrity_chart_set_title (chart, _("Open caseload by age"));
  integrity_chart_set_subtitle (chart, subtitle);
  integrity_chart_set_caption (chart, caption);
  for (guint i = 0; i < n; i++)
    {
      names[i] = ((VictimCaseload *) g_ptr_array_index (data->caseload, i))->name;
      x[i] = i;
    }
  integrity_chart_set_categories (chart, names);
  for (guint b = 0; b < VICTIM_N_AGE_BANDS; b++)
    {
      for (guint i = 0; i < n; i++)
        y[i] = count_or_gap (((VictimCaseload *) g_ptr_array_index (data->caseload, i))->bands[b], min_sample);
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_age_band_label (b), x, y, n);
    }
  return chart;
}

IntegrityChart *
victim_care_outcomes_chart (const VictimPageData *data,
                            guint64               min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  int n = victim_page_data_n_months (data);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *totals = g_new0 (double, n);
  g_autofree char *caption = NULL;

  caption = caption_with_gaps (_("Source: victim-care case records, Home Office outcome codes, by month of "
                                 "closure."), min_sample, _("closures in the month"));
  integrity_chart_set_title (chart, _("Outcomes of closed cases"));
  integrity_chart_set_subtitle (chart, _("Share of closures a month; victim does not support (14, 16) "
                                         "for domestic abuse shown apart"));
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_y_range (chart, 0.0, 1.0);
  for (int i = 0; i < n; i++)
    {
      x[i] = data->filter->from + i;
      for (int b = 0; b < VICTIM_N_OUTCOMES; b++)
        totals[i] += g_array_index (data->outcomes, guint64, i * VICTIM_N_OUTCOMES + b);
    }
  for (int b = 0; b < VICTIM_N_OUTCOMES; b++)
    {
      for (int i = 0; i < n; i++)
        y[i] = totals[i] > 0 && (min_sample == 0 || totals[i] >= min_sample)
          ? g_array_index (data->outcomes, guint64, i * VICTIM_N_OUTCOMES + b) / totals[i] : NAN;
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_outcome_band_label (b), x, y, n);
    }
  return chart;
}

IntegrityChart *
victim_care_support_chart (const VictimPageData *data,
                           guint64               min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_WEEKS, INTEGRITY_FORMAT_COUNT);
  guint n = data->weeks->len;
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *caption = NULL;

  caption = caption_with_gaps (_("Source: crime support line referrals, by week received."), min_sample,
                               _("referrals"));
  integrity_chart_set_title (chart, _("Crime support line referrals a week"));
  integrity_chart_set_subtitle (chart, _("Victims whose report was not recorded, by what became of it"));
  integrity_chart_set_caption (chart, caption);
  for (guint o = 0; o < VICTIM_N_SUPPORT_OUTCOMES; o++)
    {
      for (guint i = 0; i < n; i++)
        y[i] = count_or_gap (g_array_index (data->week_counts, guint64, i * VICTIM_N_SUPPORT_OUTCOMES + o),
                             min_sample);
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_support_outcome_label (o),
                                  (const double *) (gpointer) data->weeks->data, y, n);
    }
  return chart;
}

IntegrityChart *
victim_care_code_chart (const VictimPageData *data,
                        guint64               min_sample)
{
  static const VictimRate rates[] = { VICTIM_RATE_REFERRAL, VICTIM_RATE_DECISIONS_ENHANCED,
                                      VICTIM_RATE_DECISIONS_STANDARD };

  return rates_chart (data, _("Victims’ Code time limits met"),
                      _("Source: victim-care case and decision records. Referral within 2 working days of "
                        "recording; decisions told within 1 working day (enhanced rights) or 5. Working days "
                        "skip weekends and bank holidays."),
                      rates, G_N_ELEMENTS (rates), min_sample);
}

IntegrityChart *
victim_care_closures_chart (const VictimPageData *data,
                            guint64               min_sample)
{
  static const VictimRate rates[] = { VICTIM_RATE_CLOSURE_INFORMED, VICTIM_RATE_CLOSURE_REVIEWED };

  return rates_chart (data, _("Closures done properly"),
                      _("Source: victim-care case records, by month of closure."),
                      rates, G_N_ELEMENTS (rates), min_sample);
}

/**
 * victim_care_build_charts:
 * @min_sample: points on fewer cases are gaps; 0 for none
 *
 * Returns: (transfer full) (element-type IntegrityChart): the page's five
 *   charts, in reading order
 */
GPtrArray *
victim_care_build_charts (const VictimPageData *data,
                          guint64               min_sample)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (charts, victim_care_code_chart (data, min_sample));
  g_ptr_array_add (charts, victim_care_closures_chart (data, min_sample));
  g_ptr_array_add (charts, victim_care_caseload_chart (data, min_sample));
  g_ptr_array_add (charts, victim_care_outcomes_chart (data, min_sample));
  g_ptr_array_add (charts, victim_care_support_chart (data, min_sample));
  return charts;
}
