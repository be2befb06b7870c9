/* victim-care-briefing.c — the victim-care pages of the briefing pack and its slides. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "victim-care-briefing.h"
#include "victim-care-charts.h"
#include "victim-care-data.h"

#define GAP 18.0

/* The pack shows aggregates only: counts and rates, never a case reference. */

/* "… 78% of 1,234 …", or that the share is withheld, suppression applied. */
static char *
describe_share (IntegrityBriefing *briefing,
                guint64            done,
                guint64            due,
                const char        *what)
{
  g_autofree char *cases = integrity_briefing_format_count (briefing, (double) due);
  g_autofree char *share = NULL;

  if (due == 0)
    /* Translators: %s says what is counted, e.g. "outcome 14 or 16 closures" */
    return g_strdup_printf (_("There were no %s in the period."), what);
  if (integrity_briefing_withholds (briefing, due))
    /* Translators: e.g. "<10 outcome 14 or 16 closures: too few to publish a share." */
    return g_strdup_printf (_("%s %s: too few to publish a share."), cases, what);
  share = integrity_format_value ((double) done / (double) due, INTEGRITY_FORMAT_PERCENT);
  /* Translators: e.g. "78% of 1,234 outcome 14 or 16 closures" */
  return g_strdup_printf (_("%s of %s %s"), share, cases, what);
}

static char *
describe_queue (IntegrityBriefing    *briefing,
                const VictimPageData *data)
{
  g_autofree char *overdue = integrity_briefing_format_count (briefing, (double) data->queue_overdue);
  g_autofree char *today = integrity_briefing_format_count (briefing, (double) data->queue_due_today);
  char day[64] = "";

  if (!g_date_valid (&data->as_at))
    return g_strdup ("");
  g_date_strftime (day, sizeof day, "%-d %B %Y", &data->as_at);
  /* Translators: "As at 31 December 2021, 1,234 Victims' Code deadlines were overdue and 56 fell due that day." */
  return g_strdup_printf (_("As at %s, %s Victims’ Code deadlines were overdue and %s fell due that day."),
                          day, overdue, today);
}

static void
draw_compliance_page (IntegrityBriefing    *briefing,
                      const VictimPageData *data,
                      guint64               min_sample)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autoptr(IntegrityChart) code = victim_care_code_chart (data, min_sample);
  g_autoptr(IntegrityChart) closures = victim_care_closures_chart (data, min_sample);
  g_autofree char *queue = describe_queue (briefing, data);
  cairo_rectangle_t content, area;
  double half;

  integrity_briefing_begin_page (briefing, _("Victim care: the Victims’ Code and closures"), &content);
  area = content;
  victim_care_kpis_from_data (data, kpis);
  for (guint i = 0; i < kpis->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (kpis, i);

      /* A status says which side of the target a withheld figure fell. */
      if (integrity_briefing_withholds (briefing, kpi->sample_size))
        {
          kpi->status = INTEGRITY_KPI_STATUS_NONE;
          kpi->target = NAN;
        }
    }
  area.y += integrity_briefing_draw_kpi_table (briefing, kpis, &area) + 8;
  if (*queue != '\0')
    area.y += integrity_briefing_draw_text (briefing, queue, 10, FALSE, &area) + 10;
  area.height = content.y + content.height - area.y;

  half = (content.width - GAP) / 2;
  integrity_briefing_draw_chart (briefing, code,
                                 &(cairo_rectangle_t) { area.x, area.y, half, area.height });
  integrity_briefing_draw_chart (briefing, closures,
                                 &(cairo_rectangle_t) { area.x + half + GAP, area.y, half, area.height });
}

static void
draw_casework_page (IntegrityBriefing    *briefing,
                    const VictimPageData *data,
                    guint64               min_sample)
{
  g_autoptr(IntegrityChart) caseload = victim_care_caseload_chart (data, min_sample);
  g_autoptr(IntegrityChart) outcomes = victim_care_outcomes_chart (data, min_sample);
  g_autoptr(IntegrityChart) support = victim_care_support_chart (data, min_sample);
  g_autofree char *view = describe_share (briefing, data->view_recorded, data->view_outcomes,
                                          _("outcome 14 or 16 closures"));
  g_autofree char *view_text = NULL;
  g_autofree char *referrals = integrity_briefing_format_count (briefing, (double) data->support_total);
  g_autofree char *support_text = NULL;
  cairo_rectangle_t content, side;
  double left, right, row;

  /* Left: the caseload over the support line, wide enough for district
   * names and weeks. Right: the outcomes, whose legend is long, over
   * what the charts cannot say. */
  integrity_briefing_begin_page (briefing, _("Victim care: caseload, outcomes and the support line"), &content);
  left = (content.width - GAP) * 0.57;
  right = content.width - GAP - left;
  row = (content.height - GAP) / 2;
  integrity_briefing_draw_chart (briefing, caseload,
                                 &(cairo_rectangle_t) { content.x, content.y, left, row });
  integrity_briefing_draw_chart (briefing, support,
                                 &(cairo_rectangle_t) { content.x, content.y + row + GAP, left, row });
  side = (cairo_rectangle_t) { content.x + left + GAP, content.y, right, content.height * 0.64 };
  integrity_briefing_draw_chart (briefing, outcomes, &side);

  side.y += side.height + GAP;
  side.height = content.y + content.height - side.y;
  side.y += integrity_briefing_draw_text (briefing, _("Victims’ wishes before closing"), 12, TRUE, &side) + 6;
  /* Translators: %s is e.g. "78% of 1,234 outcome 14 or 16 closures" */
  view_text = data->view_outcomes > 0 && !integrity_briefing_withholds (briefing, data->view_outcomes)
    ? g_strdup_printf (_("%s had the victim’s view recorded before the case was closed because the victim "
                         "did not support (or withdrew support for) action."), view)
    : g_steal_pointer (&view);
  side.y += integrity_briefing_draw_text (briefing, view_text, 10, FALSE, &side) + 14;
  side.y += integrity_briefing_draw_text (briefing, _("Crime support line"), 12, TRUE, &side) + 6;
  /* Translators: %s is a number of referrals */
  support_text = g_strdup_printf (_("%s referrals from the crime support line in the period: victims whose "
                                    "report had not been recorded as a crime."), referrals);
  integrity_briefing_draw_text (briefing, support_text, 10, FALSE, &side);
}

/**
 * victim_care_add_briefing_pages:
 *
 * Worker thread: two pages of aggregates — the headline figures with
 * compliance by month against target; then the open caseload, outcomes
 * and the support line. Never a case reference.
 */
gboolean
victim_care_add_briefing_pages (IntegrityBriefing  *briefing,
                                GError            **error)
{
  g_autoptr(VictimPageData) data = NULL;
  guint64 min_sample = integrity_briefing_get_suppress_below (briefing);

  data = victim_care_query_page (integrity_briefing_get_db (briefing),
                                 integrity_briefing_get_filter (briefing), error);
  if (data == NULL)
    return FALSE;
  if (!g_date_valid (&data->as_at))
    return TRUE;

  draw_compliance_page (briefing, data, min_sample);
  draw_casework_page (briefing, data, min_sample);

  integrity_briefing_add_method_note (briefing,
    _("Victim care follows the Code of Practice for Victims of Crime (the Victims’ Code). A victim is "
      "referred to support services, or declines them, within 2 working days of the crime being recorded; "
      "each key decision (arrest, interview, charge, no further action, bail, release under investigation, "
      "not investigating, closure) is told to the victim within 5 working days, or 1 working day for "
      "victims with enhanced rights — domestic abuse victims always have them. Working days skip Saturdays, "
      "Sundays and the bank holidays of England and Wales, substitute days and one-off changes included."));
  integrity_briefing_add_method_note (briefing,
    _("In time means done on or before the last working day allowed. A rate counts deadlines that were "
      "met or have passed: a deadline not yet reached and not yet done is left out, one passed and not "
      "done counts as missed. Rates fall in the month the crime was recorded, the decision taken or the "
      "case closed. Closures reviewed by a supervisor are a share of all cases closed in the period, and "
      "the victim’s view recorded a share of those closed with outcome 14 or 16. Days to first contact is the median of working "
      "days from recording to first contact. Open cases are aged in calendar days from recording."));
  return TRUE;
}

/* Worker thread: the page's charts, one a slide. */
void
victim_care_collect_charts (sqlite3               *db,
                            const IntegrityFilter *filter,
                            GPtrArray             *charts,
                            GCancellable          *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VictimPageData) data = NULL;
  g_autoptr(GPtrArray) built = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    return;
  data = victim_care_query_page (db, filter, &error);
  if (data == NULL)
    {
      g_warning ("The victim-care charts could not be read: %s", error->message);
      return;
    }
  if (!g_date_valid (&data->as_at))
    return;
  built = victim_care_build_charts (data, 0);
  for (guint i = 0; i < built->len; i++)
    g_ptr_array_add (charts, g_object_ref (g_ptr_array_index (built, i)));
}
