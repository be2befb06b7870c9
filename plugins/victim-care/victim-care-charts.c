/* victim-care-charts.c — the page's charts, built from its figures. SPDX-License-Identifier: GPL-3.0-or-later */
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

static IntegrityChart *
rates_chart (const VictimPageData *data,
             const char           *title,
             const char           *caption,
             const VictimRate     *rates,
             guint                 n_rates)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  int n = victim_page_data_n_months (data);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  double last_target = NAN;

  integrity_chart_set_title (chart, title);
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_y_range (chart, NAN, 1.0);
  for (int i = 0; i < n; i++)
    x[i] = data->filter->from + i;
  for (guint r = 0; r < n_rates; r++)
    {
      for (int i = 0; i < n; i++)
        y[i] = victim_count_rate (victim_page_data_month (data, i, rates[r]));
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

static IntegrityChart *
caseload_chart (const VictimPageData *data)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_COUNT);
  guint n = data->caseload->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  char day[64] = "";
  g_autofree char *subtitle = NULL;

  if (g_date_valid (&data->as_at))
    g_date_strftime (day, sizeof day, "%-d %B %Y", &data->as_at);
  /* Translators: %s is a date, e.g. "31 December 2021" */
  subtitle = g_strdup_printf (_("Open cases by days since recording, as at %s"), day);
  integrity_chart_set_title (chart, _("Open caseload by age"));
  integrity_chart_set_subtitle (chart, subtitle);
  integrity_chart_set_caption (chart, _("Source: victim-care case records. Age in calendar days from the "
                                        "day the crime was recorded."));
  for (guint i = 0; i < n; i++)
    {
      names[i] = ((VictimCaseload *) g_ptr_array_index (data->caseload, i))->name;
      x[i] = i;
    }
  integrity_chart_set_categories (chart, names);
  for (guint b = 0; b < VICTIM_N_AGE_BANDS; b++)
    {
      for (guint i = 0; i < n; i++)
        y[i] = ((VictimCaseload *) g_ptr_array_index (data->caseload, i))->bands[b];
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_age_band_label (b), x, y, n);
    }
  return chart;
}

static IntegrityChart *
outcomes_chart (const VictimPageData *data)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  int n = victim_page_data_n_months (data);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *totals = g_new0 (double, n);

  integrity_chart_set_title (chart, _("Outcomes of closed cases"));
  integrity_chart_set_subtitle (chart, _("Share of closures a month; victim does not support (14, 16) "
                                         "for domestic abuse shown apart"));
  integrity_chart_set_caption (chart, _("Source: victim-care case records, Home Office outcome codes, by "
                                        "month of closure."));
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
        y[i] = totals[i] > 0 ? g_array_index (data->outcomes, guint64, i * VICTIM_N_OUTCOMES + b) / totals[i] : NAN;
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_outcome_band_label (b), x, y, n);
    }
  return chart;
}

static IntegrityChart *
support_chart (const VictimPageData *data)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_WEEKS, INTEGRITY_FORMAT_COUNT);
  guint n = data->weeks->len;
  g_autofree double *y = g_new (double, MAX (n, 1));

  integrity_chart_set_title (chart, _("Crime support line referrals a week"));
  integrity_chart_set_subtitle (chart, _("Victims whose report was not recorded, by what became of it"));
  integrity_chart_set_caption (chart, _("Source: crime support line referrals, by week received."));
  for (guint o = 0; o < VICTIM_N_SUPPORT_OUTCOMES; o++)
    {
      for (guint i = 0; i < n; i++)
        y[i] = g_array_index (data->week_counts, guint64, i * VICTIM_N_SUPPORT_OUTCOMES + o);
      integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STACKED_BARS, victim_support_outcome_label (o),
                                  (const double *) (gpointer) data->weeks->data, y, n);
    }
  return chart;
}

/**
 * victim_care_build_charts:
 *
 * Returns: (transfer full) (element-type IntegrityChart): the page's five
 *   charts, in reading order
 */
GPtrArray *
victim_care_build_charts (const VictimPageData *data)
{
  static const VictimRate code[] = { VICTIM_RATE_REFERRAL, VICTIM_RATE_DECISIONS_ENHANCED,
                                     VICTIM_RATE_DECISIONS_STANDARD };
  static const VictimRate closures[] = { VICTIM_RATE_CLOSURE_INFORMED, VICTIM_RATE_CLOSURE_REVIEWED };
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (charts, rates_chart (data, _("Victims’ Code time limits met"),
                                        _("Source: victim-care case and decision records. Referral within 2 "
                                          "working days of recording; decisions told within 1 working day "
                                          "(enhanced rights) or 5. Working days skip weekends and bank holidays."),
                                        code, G_N_ELEMENTS (code)));
  g_ptr_array_add (charts, rates_chart (data, _("Closures done properly"),
                                        _("Source: victim-care case records, by month of closure."),
                                        closures, G_N_ELEMENTS (closures)));
  g_ptr_array_add (charts, caseload_chart (data));
  g_ptr_array_add (charts, outcomes_chart (data));
  g_ptr_array_add (charts, support_chart (data));
  return charts;
}
