/* recording-rate-briefing.c — the recording-rate pages of the briefing pack and its slides. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "recording-rate-briefing.h"
#include "recording-rate-charts.h"
#include "recording-rate-data.h"

#define SMALL_MONTHLY_SAMPLE 100

/* Quarters when some month audited too few crimes for a steady rate. */
static gboolean
wants_quarters (const RecordingPageData *data)
{
  for (int i = 0; i < recording_page_data_n_months (data); i++)
    {
      guint64 n = recording_page_data_month (data, i, INTEGRITY_CATEGORY_ALL_CRIME)->expected;
      if (n > 0 && n < SMALL_MONTHLY_SAMPLE)
        return TRUE;
    }
  return FALSE;
}

static char *
describe_headline (IntegrityBriefing       *briefing,
                   const RecordingPageData *data)
{
  const RecordingSums *all = &data->categories[INTEGRITY_CATEGORY_ALL_CRIME];
  IntegrityProportion rate = recording_sums_rate (all);
  double per_day = recording_unrecorded_per_day (data->volume_total, data->volume_days, rate.p);
  g_autofree char *expected = integrity_briefing_format_count (briefing, all->expected);
  g_autofree char *recorded = integrity_briefing_format_count (briefing, all->recorded);

  if (!isfinite (rate.p))
    return g_strdup (_("There is no audit sample for this period."));
  if (integrity_briefing_withholds (briefing, all->expected))
    return g_strdup_printf (_("The audit sample holds %s crimes that should have been recorded: "
                              "too few to publish a rate."), expected);
  if (isfinite (per_day))
    return g_strdup_printf (_("Of %s crimes that should have been recorded in the audit sample, %s "
                              "were: %.1f%%. At that rate about %.0f crimes a day go unrecorded."),
                            expected, recorded, rate.p * 100, per_day);
  return g_strdup_printf (_("Of %s crimes that should have been recorded in the audit sample, %s "
                            "were: %.1f%%."), expected, recorded, rate.p * 100);
}

static void
draw_trend_page (IntegrityBriefing       *briefing,
                 const RecordingPageData *data,
                 guint64                  min_sample)
{
  gboolean quarters = wants_quarters (data);
  g_autoptr(GArray) periods = recording_rate_group_periods (data, quarters);
  g_autoptr(IntegrityChart) trend = recording_rate_trend_chart (data, periods, quarters, min_sample);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autofree char *headline = describe_headline (briefing, data);
  cairo_rectangle_t content, chart_area, side;

  integrity_briefing_begin_page (briefing, _("Recording rate: trend and headline figures"), &content);
  chart_area = (cairo_rectangle_t) { content.x, content.y, content.width * 0.62, content.height };
  side = (cairo_rectangle_t) { content.x + chart_area.width + 18, content.y,
                               content.width - chart_area.width - 18, content.height };
  integrity_briefing_draw_chart (briefing, trend, &chart_area);

  side.y += integrity_briefing_draw_text (briefing, _("Headline figures"), 13, TRUE, &side) + 8;
  side.y += integrity_briefing_draw_text (briefing, headline, 11, FALSE, &side) + 10;
  recording_rate_kpis_from_data (data, kpis);
  for (guint i = 0; i < kpis->len; i++)
    side.y += integrity_briefing_draw_kpi_line (briefing, g_ptr_array_index (kpis, i), &side) + 8;
  if (quarters)
    integrity_briefing_draw_text (briefing, _("Some months audited fewer than 100 crimes, so the trend "
                                              "is drawn by quarter."), 9, FALSE, &side);
}

static void
draw_breakdown_page (IntegrityBriefing       *briefing,
                     const RecordingPageData *data,
                     guint64                  min_sample)
{
  g_autoptr(IntegrityChart) categories = recording_rate_categories_chart (data, min_sample);
  g_autoptr(IntegrityChart) districts = recording_rate_districts_chart (data, min_sample);
  cairo_rectangle_t content, left, right;
  double half;

  integrity_briefing_begin_page (briefing, _("Recording rate by category and district"), &content);
  half = (content.width - 18) / 2;
  left = (cairo_rectangle_t) { content.x, content.y, half, content.height };
  right = (cairo_rectangle_t) { content.x + half + 18, content.y, half, content.height };
  integrity_briefing_draw_chart (briefing, categories, &left);
  integrity_briefing_draw_chart (briefing, districts, &right);
}

/**
 * recording_rate_add_briefing_pages:
 *
 * Worker thread: two pages — the trend with its band and target beside
 * the headline figures; then categories and districts with intervals.
 */
gboolean
recording_rate_add_briefing_pages (IntegrityBriefing  *briefing,
                                   GError            **error)
{
  g_autoptr(RecordingPageData) data = NULL;
  guint64 min_sample = integrity_briefing_get_suppress_below (briefing);

  data = recording_rate_query_page (integrity_briefing_get_db (briefing),
                                    integrity_briefing_get_filter (briefing), error);
  if (data == NULL)
    return FALSE;
  if (!data->has_audit)
    return TRUE;

  draw_trend_page (briefing, data, min_sample);
  draw_breakdown_page (briefing, data, min_sample);

  integrity_briefing_add_method_note (briefing,
    _("Recording rate = crimes recorded ÷ crimes that should have been recorded, in the audit "
      "sample, with a 95% Wilson score interval. Crimes unrecorded = recorded volume × (1 − r) ÷ r; "
      "a day = that ÷ days in the period. Recorded within 24 hours = crimes recorded within 24 "
      "hours ÷ crimes recorded."));
  integrity_briefing_add_method_note (briefing,
    _("Reporting categories: all crime; violence against the person (violence with and without "
      "injury, stalking and harassment); sexual offences; domestic abuse (a flag on the record); "
      "behavioural crimes (stalking and harassment)."));
  return TRUE;
}

/* Worker thread: the page's charts, one a slide. */
void
recording_rate_collect_charts (sqlite3               *db,
                               const IntegrityFilter *filter,
                               GPtrArray             *charts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecordingPageData) data = recording_rate_query_page (db, filter, &error);
  g_autoptr(GPtrArray) built = NULL;

  if (data == NULL)
    {
      g_warning ("The recording-rate charts could not be read: %s", error->message);
      return;
    }
  if (!data->has_audit && data->volume_source == NULL)
    return;
  built = recording_rate_build_charts (data, wants_quarters (data), 0);
  for (guint i = 0; i < built->len; i++)
    g_ptr_array_add (charts, g_object_ref (g_ptr_array_index (built, i)));
}
