/* training-briefing.c — the training pages of the briefing pack and its slides. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "training-briefing.h"
#include "training-charts.h"
#include "training-outstanding-item.h"
#include "training-query.h"

#define TABLE_FONT "Cantarell, Inter, DejaVu Sans, sans-serif"
#define TABLE_SIZE 10.0
#define GAP        18.0
/* Burn-ups side by side on a page. */
#define BURN_UPS_PER_PAGE 2

typedef enum
{
  COLUMN_COHORT,
  COLUMN_IN_SCOPE,
  COLUMN_COMPLETE,
  COLUMN_OUTSTANDING,
  COLUMN_PERCENT,
  COLUMN_DEADLINE,
  COLUMN_DAYS,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* Wide enough that no heading breaks inside a word, and a status with its date fits one line. */
static const double column_widths[N_COLUMNS] = { 0.15, 0.08, 0.09, 0.105, 0.10, 0.10, 0.10, 0.275 };

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* One table cell, wrapped to @width; returns its height. */
static double
draw_cell (cairo_t        *cr,
           const char     *text,
           gboolean        bold,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (TABLE_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();
  int w, h;

  /* Unhinted, as the rest of the pack: the same layout on paper and in PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, TABLE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* "On track: done by 14 Feb 2021 at this pace" — the status and its projection. */
static char *
describe_status (IntegrityBriefing            *briefing,
                 const TrainingCohortProgress *progress)
{
  const char *status = training_status_to_label (progress->status);
  g_autofree char *finish = NULL;
  g_autofree char *start = NULL;

  switch (progress->status)
    {
    case TRAINING_STATUS_NOT_STARTED:
      start = training_day_to_label (progress->cohort->start);
      /* Translators: "Not started: starts 2 Nov 2020" */
      return g_strdup_printf (_("%s: starts %s"), status, start);
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_AT_RISK:
    case TRAINING_STATUS_LATE:
      /* A projection rests on the same officers as the share: withheld with it. */
      if (integrity_briefing_withholds (briefing, progress->now.in_scope))
        return g_strdup (status);
      if (!progress->has_finish)
        /* Translators: "At risk: no completions in the last 28 days" */
        return g_strdup_printf (_("%s: no completions in the last 28 days"), status);
      finish = training_day_to_label (progress->finish);
      /* Translators: "On track: done by 14 Feb 2021 at this pace" */
      return g_strdup_printf (_("%s: done by %s at this pace"), status, finish);
    case TRAINING_STATUS_DONE:
    case TRAINING_STATUS_NONE:
    default:
      return g_strdup (status);
    }
}

static void
fill_row (IntegrityBriefing            *briefing,
          const TrainingCohortProgress *progress,
          TrainingDay                   as_at,
          char                        **cells)
{
  const TrainingCount *now = &progress->now;

  cells[COLUMN_COHORT] = g_strdup (progress->cohort->name);
  cells[COLUMN_IN_SCOPE] = integrity_briefing_format_count (briefing, now->in_scope);
  cells[COLUMN_COMPLETE] = integrity_briefing_format_count (briefing, now->complete);
  cells[COLUMN_OUTSTANDING] = integrity_briefing_format_count (briefing, training_count_outstanding (now));
  if (now->in_scope == 0)
    cells[COLUMN_PERCENT] = g_strdup ("–");
  else if (integrity_briefing_withholds (briefing, now->in_scope))
    cells[COLUMN_PERCENT] = g_strdup (_("withheld"));
  else
    cells[COLUMN_PERCENT] = integrity_format_value (training_count_fraction (now), INTEGRITY_FORMAT_PERCENT);
  cells[COLUMN_DEADLINE] = training_day_to_label (progress->cohort->deadline);
  cells[COLUMN_DAYS] = progress->status == TRAINING_STATUS_DONE
    ? g_strdup ("–")
    : training_outstanding_days_label ((int) progress->cohort->deadline - (int) as_at);
  cells[COLUMN_STATUS] = describe_status (briefing, progress);
}

/* Every cohort a row; returns the height drawn. */
static double
draw_cohort_table (IntegrityBriefing       *briefing,
                   cairo_t                 *cr,
                   const TrainingPageData  *data,
                   const cairo_rectangle_t *area)
{
  const IntegrityChartStyle *style = integrity_briefing_get_style (briefing);
  const char *headings[N_COLUMNS] = {
    _("Cohort"), _("In scope"), _("Complete"), _("Outstanding"), _("% complete"),
    _("Deadline"), _("Days to deadline"), _("Status"),
  };
  double y = area->y;

  for (guint row = 0; row <= data->cohorts->len; row++)
    {
      /* Not g_autofree: on an array it would free cells[0] alone. */
      char *cells[N_COLUMNS] = { NULL };
      double x = area->x, height = 0;

      if (row > 0)
        fill_row (briefing, g_ptr_array_index (data->cohorts, row - 1), data->as_at, cells);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          double w = column_widths[c] * area->width;
          gboolean text_column = c == COLUMN_COHORT || c == COLUMN_STATUS;

          set_colour (cr, &style->foreground);
          height = MAX (height, draw_cell (cr, row > 0 ? cells[c] : headings[c], row == 0 || c == COLUMN_COHORT,
                                           x, y + 5, w - 10,
                                           text_column ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT));
          x += w;
        }
      for (guint c = 0; c < N_COLUMNS; c++)
        g_free (cells[c]);
      y += height + 10;
      set_colour (cr, row == 0 ? &style->axis : &style->grid);
      cairo_set_line_width (cr, row == 0 ? 1.0 : 0.5);
      cairo_move_to (cr, area->x, y);
      cairo_line_to (cr, area->x + area->width, y);
      cairo_stroke (cr);
    }
  return y - area->y;
}

/* "Figures as at 31 Mar 2021, force-wide." */
static char *
describe_as_at (const TrainingPageData *data)
{
  g_autofree char *as_at = training_day_to_label (data->as_at);

  if (data->filter->district != NULL)
    /* Translators: "Figures as at 31 Mar 2021, Westmoor district. …" */
    return g_strdup_printf (_("Figures as at %s, %s district. Complete: through every module the cohort "
                              "requires. Leavers are out of the figures from their leaving date."),
                            as_at, data->filter->district);
  return g_strdup_printf (_("Figures as at %s, force-wide. Complete: through every module the cohort "
                            "requires. Leavers are out of the figures from their leaving date."), as_at);
}

/* The burn-ups of cohorts @first.., side by side in @area. */
static void
draw_burn_ups (IntegrityBriefing       *briefing,
               const TrainingPageData  *data,
               guint                    first,
               const cairo_rectangle_t *area)
{
  guint64 min_sample = integrity_briefing_get_suppress_below (briefing);
  guint n = MIN (BURN_UPS_PER_PAGE, data->cohorts->len - first);
  double width = (area->width - GAP * (BURN_UPS_PER_PAGE - 1)) / BURN_UPS_PER_PAGE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IntegrityChart) chart = training_burn_up_chart (g_ptr_array_index (data->cohorts, first + i),
                                                                data->as_at, min_sample);
      cairo_rectangle_t slot = { area->x + i * (width + GAP), area->y, width, area->height };

      integrity_briefing_draw_chart (briefing, chart, &slot);
    }
}

static void
draw_cohort_pages (IntegrityBriefing      *briefing,
                   const TrainingPageData *data)
{
  g_autofree char *as_at = describe_as_at (data);
  cairo_rectangle_t content, area;
  cairo_t *cr;

  cr = integrity_briefing_begin_page (briefing, _("Training: progress by cohort"), &content);
  area = content;
  area.y += integrity_briefing_draw_text (briefing, as_at, 10, FALSE, &area) + 10;
  area.y += draw_cohort_table (briefing, cr, data, &area) + GAP;
  area.height = content.y + content.height - area.y;
  draw_burn_ups (briefing, data, 0, &area);

  /* More cohorts than fit beside each other: their burn-ups follow. */
  for (guint first = BURN_UPS_PER_PAGE; first < data->cohorts->len; first += BURN_UPS_PER_PAGE)
    {
      integrity_briefing_begin_page (briefing, _("Training: progress by cohort (continued)"), &content);
      draw_burn_ups (briefing, data, first, &content);
    }
}

static void
draw_district_page (IntegrityBriefing      *briefing,
                    const TrainingPageData *data)
{
  guint64 min_sample = integrity_briefing_get_suppress_below (briefing);
  g_autoptr(IntegrityChart) districts = training_district_chart (data, min_sample);
  g_autoptr(IntegrityChart) heat = training_heat_chart (data, min_sample);
  cairo_rectangle_t content, left, right;
  double half;

  integrity_briefing_begin_page (briefing, _("Training: completion by district and module"), &content);
  half = (content.width - GAP) / 2;
  left = (cairo_rectangle_t) { content.x, content.y, half, content.height };
  right = (cairo_rectangle_t) { content.x + half + GAP, content.y, half, content.height };
  integrity_briefing_draw_chart (briefing, districts, &left);
  integrity_briefing_draw_chart (briefing, heat, &right);
}

/**
 * training_add_briefing_pages:
 *
 * Worker thread: the cohorts' figures as a table above their burn-ups;
 * then completion by district, lowest first, beside the district × module
 * heat map. Aggregates only: no officer is named or referenced.
 */
gboolean
training_add_briefing_pages (IntegrityBriefing  *briefing,
                             GError            **error)
{
  g_autoptr(TrainingPageData) data = NULL;

  data = training_query_page (integrity_briefing_get_db (briefing), integrity_briefing_get_filter (briefing),
                              training_today (), TRAINING_QUERY_FIGURES, error);
  if (data == NULL)
    return FALSE;
  if (data->cohorts->len == 0)
    return TRUE;

  draw_cohort_pages (briefing, data);
  draw_district_page (briefing, data);

  integrity_briefing_add_method_note (briefing,
    _("Training: an officer belongs to every cohort whose rank and frontline status match (blank = any), "
      "and is complete when every module the cohort requires has a completion date on or before the day "
      "the figures are as at; where a module was completed twice, the earlier date counts. The target "
      "trajectory runs straight from 0% at the cohort's start to 100% at its deadline. The pace is the "
      "officers who completed in the last 28 days, divided by 28; the projected finish is the day the "
      "outstanding officers would all be through at that pace (none when nobody completed in those 28 "
      "days). Status: on track (projected by the deadline), at risk (projected after it, or no pace), "
      "late (deadline passed, some outstanding), done (everyone through). Leavers drop out of both the "
      "officers in scope and those complete from their leaving date; officers marked inactive without "
      "a leaving date are left out altogether."));
  return TRUE;
}

/* Worker thread: the page's charts, one a slide. */
void
training_collect_charts (sqlite3               *db,
                         const IntegrityFilter *filter,
                         GPtrArray             *charts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrainingPageData) data = training_query_page (db, filter, training_today (), TRAINING_QUERY_FIGURES,
                                                          &error);
  g_autoptr(GPtrArray) built = NULL;

  if (data == NULL)
    {
      g_warning ("The training charts could not be read: %s", error->message);
      return;
    }
  if (data->cohorts->len == 0)
    return;
  built = training_build_charts (data, 0);
  for (guint i = 0; i < built->len; i++)
    g_ptr_array_add (charts, g_object_ref (g_ptr_array_index (built, i)));
}
