/* training-charts.c — the charts of the page, the briefing and presentation. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "training-charts.h"

/* A share, or a gap when it rests on fewer than @min_sample officers (0: none). */
static double
share_or_gap (const TrainingCount *count,
              guint64              min_sample)
{
  if (min_sample > 0 && count->in_scope < min_sample)
    return NAN;
  return training_count_fraction (count);
}

static void
add_withheld_caption (IntegrityChart *chart,
                      const char     *caption,
                      guint64         min_sample)
{
  g_autofree char *text = NULL;

  if (min_sample == 0)
    {
      integrity_chart_set_caption (chart, caption);
      return;
    }
  /* Translators: appended to a chart's caption in a briefing pack that suppresses small numbers. */
  text = g_strdup_printf (_("%s Shares of fewer than %" G_GUINT64_FORMAT " officers are withheld."),
                          caption, min_sample);
  integrity_chart_set_caption (chart, text);
}

/* Series order sets the line style: 0 solid (done), 1 dashed (projection),
 * 2 dotted (target trajectory). @min_sample withholds the days with fewer
 * officers in scope (0: none). */
IntegrityChart *
training_burn_up_chart (const TrainingCohortProgress *progress,
                        TrainingDay                   as_at,
                        guint64                       min_sample)
{
  const TrainingCohort *cohort = progress->cohort;
  const TrainingGroup *groups = (const TrainingGroup *) (gpointer) progress->groups->data;
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_DAYS, INTEGRITY_FORMAT_PERCENT);
  TrainingDay first = cohort->start - MIN (cohort->start, 7);
  TrainingDay end = MAX (cohort->deadline, as_at) + 14;
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *deadline = training_day_to_label (cohort->deadline);
  g_autofree char *deadline_label = g_strdup_printf (_("Deadline %s"), deadline);
  g_autofree char *title = g_strdup_printf (_("%s: through every module"), cohort->name);
  double now = share_or_gap (&progress->now, min_sample);
  double px[2] = { as_at, as_at }, py[2] = { now, now };
  double tx[3] = { cohort->start, cohort->deadline, end }, ty[3] = { 0, 1, 1 };
  gsize n_projection = 0;

  /* Complete, day by day, up to the "as at" day: leavers leave both sides. */
  for (TrainingDay day = first; day <= as_at; day++)
    {
      TrainingCount count;
      double dx = day, dy;

      training_count_at (groups, progress->groups->len, day, &count);
      dy = share_or_gap (&count, min_sample);
      g_array_append_val (x, dx);
      g_array_append_val (y, dy);
    }

  /* At the last 28 days' pace, to the deadline (or, once late, to the finish). */
  if (progress->now.in_scope > 0 && progress->has_finish && isfinite (now) && now < 1)
    {
      TrainingDay stop = as_at < cohort->deadline ? MIN (progress->finish, cohort->deadline)
                                                  : MIN (progress->finish, as_at + 180);
      double per_day = progress->pace / progress->now.in_scope;

      px[1] = stop;
      py[1] = MIN (1.0, now + per_day * (stop - as_at));
      n_projection = stop > as_at ? 2 : 0;
      end = MAX (end, stop + 7);
      tx[2] = end;
    }

  integrity_chart_set_title (chart, title);
  integrity_chart_set_subtitle (chart, _("Share of the cohort through every module it requires"));
  add_withheld_caption (chart, _("Leavers leave the count from their leaving date. Projection: "
                                 "the last 28 days’ pace, carried forward."), min_sample);
  integrity_chart_set_y_range (chart, 0, 1);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_STEP, _("Through every module"),
                              (double *) (gpointer) x->data, (double *) (gpointer) y->data, x->len);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE,
                              n_projection > 0 ? _("Projection at the current pace")
                              : !isfinite (now) && progress->now.in_scope > 0 ? _("Projection withheld")
                              : _("No projection: no recent completions"),
                              px, py, n_projection);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, _("Needed to finish on time"), tx, ty, 3);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_DEADLINE, cohort->deadline, deadline_label);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TODAY, as_at, _("As at"));
  return chart;
}

/* Every district's share through, lowest first, against the force's:
 * horizontal bars, so that long district names stay on one line. */
IntegrityChart *
training_district_chart (const TrainingPageData *data,
                         guint64                 min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree double *x = g_new0 (double, data->districts->len + 1);
  g_autofree double *y = g_new0 (double, data->districts->len + 1);
  TrainingCount force = { 0, 0 };
  g_autofree char *force_text = NULL;
  g_autofree char *force_label = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < data->districts->len; i++)
    {
      const TrainingDistrictProgress *district = g_ptr_array_index (data->districts, i);

      g_ptr_array_add (names, district->name);
      x[i] = i;
      y[i] = share_or_gap (&district->count, min_sample);
      force.in_scope += district->count.in_scope;
      force.complete += district->count.complete;
    }
  g_ptr_array_add (names, NULL);
  integrity_chart_set_categories (chart, (const char * const *) names->pdata);
  integrity_chart_set_title (chart, _("Completion by district"));
  subtitle = data->filter->district != NULL
    /* Translators: the other charts follow the header's district; this one compares them all. */
    ? g_strdup_printf (_("Every cohort’s members together, lowest first; the rest shows %s"), data->filter->district)
    : g_strdup (_("Every cohort’s members together, lowest first"));
  integrity_chart_set_subtitle (chart, subtitle);
  add_withheld_caption (chart, _("Officers in scope through every module their cohorts require."), min_sample);
  integrity_chart_set_y_range (chart, 0, 1);
  integrity_chart_set_sort_ascending (chart, TRUE);
  if (data->districts->len > 0)
    integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, _("Through every module"), x, y,
                                data->districts->len);
  if (force.in_scope > 0)
    {
      force_text = integrity_format_value (training_count_fraction (&force), INTEGRITY_FORMAT_PERCENT);
      force_label = g_strdup_printf (_("Force %s"), force_text);
      integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, training_count_fraction (&force), force_label);
    }
  return chart;
}

IntegrityChart *
training_heat_chart (const TrainingPageData *data,
                     guint64                 min_sample)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree double *x = g_new0 (double, data->heat_modules->len + 1);
  g_autoptr(GArray) values = g_array_copy (data->heat_values);
  double lowest = 1.0;

  for (guint i = 0; i < data->heat_modules->len; i++)
    {
      g_ptr_array_add (modules, g_ptr_array_index (data->heat_modules, i));
      x[i] = i;
    }
  g_ptr_array_add (modules, NULL);
  for (guint i = 0; i < data->heat_rows->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (data->heat_rows, i));
  g_ptr_array_add (rows, NULL);
  for (guint i = 0; i < values->len; i++)
    {
      if (min_sample > 0 && g_array_index (data->heat_sizes, double, i) < min_sample)
        g_array_index (values, double, i) = NAN;
      if (isfinite (g_array_index (values, double, i)))
        lowest = MIN (lowest, g_array_index (values, double, i));
    }

  integrity_chart_set_categories (chart, (const char * const *) modules->pdata);
  integrity_chart_set_title (chart, _("Modules done, by district"));
  integrity_chart_set_subtitle (chart, _("Of the officers who must do each module"));
  add_withheld_caption (chart, _("Blank: nobody in the district must do the module."), min_sample);
  /* Colours from the lowest share, rounded down to a tenth (90% at most), to
   * 100%: a spread of a point or two does not span the whole scale. */
  integrity_chart_set_y_range (chart, MIN (floor (lowest * 10) / 10, 0.9), 1);
  if (data->heat_rows->len > 0 && data->heat_modules->len > 0)
    integrity_chart_add_heatmap (chart, _("Done"), (const char * const *) rows->pdata, x,
                                 data->heat_modules->len, (const double *) (gpointer) values->data);
  return chart;
}

/* Every chart of the page, in page order: each cohort's burn-up, then the
 * districts and the heat map. @min_sample withholds shares of fewer
 * officers (0: none). */
GPtrArray *
training_build_charts (const TrainingPageData *data,
                       guint64                 min_sample)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < data->cohorts->len; i++)
    g_ptr_array_add (charts, training_burn_up_chart (g_ptr_array_index (data->cohorts, i), data->as_at, min_sample));
  g_ptr_array_add (charts, training_district_chart (data, min_sample));
  g_ptr_array_add (charts, training_heat_chart (data, min_sample));
  return charts;
}
