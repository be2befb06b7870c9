/* integrity-briefing-pack.c — the whole briefing pack, page by page. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-briefing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/integrity-store.h"
#include "integrity-briefing-pack.h"
#include "integrity-briefing-private.h"

#define MAX_IMPORT_ROWS 14

static void
draw_cover (IntegrityBriefing *self)
{
  const IntegrityFilter *filter = integrity_briefing_get_filter (self);
  const char *force = integrity_briefing_get_force_name (self);
  g_autofree char *from = integrity_month_to_label (filter->from);
  g_autofree char *to = integrity_month_to_label (filter->to);
  g_autofree char *period = NULL;
  g_autofree char *produced = NULL;
  g_autofree char *when = NULL;
  cairo_rectangle_t area;

  integrity_briefing_begin_page (self, NULL, &area);
  area.y += 90;
  area.y += integrity_briefing_draw_text (self, _("Crime data integrity briefing"), 16, FALSE, &area) + 10;
  area.y += integrity_briefing_draw_text (self, *force != '\0' ? force : _("Police force not named"),
                                          34, TRUE, &area) + 28;
  /* Translators: on the cover, e.g. "Period: Apr 2020 – Mar 2021" */
  period = g_strdup_printf (_("Period: %s – %s"), from, to);
  area.y += integrity_briefing_draw_text (self, period, 15, FALSE, &area) + 6;
  {
    /* Translators: on the cover, e.g. "District: Bolton" */
    g_autofree char *district = g_strdup_printf (_("District: %s"), filter->district != NULL
                                                 ? filter->district : _("all districts"));
    area.y += integrity_briefing_draw_text (self, district, 15, FALSE, &area) + 6;
  }
  when = g_date_time_format (_integrity_briefing_get_produced (self), "%e %B %Y %H:%M");
  /* Translators: on the cover, e.g. "Produced 3 March 2021 10:04" */
  produced = g_strdup_printf (_("Produced %s"), g_strstrip (when));
  area.y += integrity_briefing_draw_text (self, produced, 15, FALSE, &area) + 6;
  /* Translators: on the cover, e.g. "Protective marking: OFFICIAL-SENSITIVE" */
  {
    g_autofree char *marking = g_strdup_printf (_("Protective marking: %s"),
                                                _integrity_briefing_get_marking (self));
    area.y += integrity_briefing_draw_text (self, marking, 15, TRUE, &area) + 24;
  }
  if (integrity_briefing_get_suppress_below (self) > 0)
    {
      guint n = integrity_briefing_get_suppress_below (self);
      g_autofree char *note = g_strdup_printf (_("For release beyond the command team: counts below %u "
                                                 "are shown as “<%u” and rates built on fewer than %u "
                                                 "cases are withheld."), n, n, n);
      area.y += integrity_briefing_draw_text (self, note, 12, FALSE, &area) + 8;
    }
  if (integrity_briefing_is_demo (self))
    integrity_briefing_draw_text (self, _("Every figure in this pack comes from generated demo "
                                          "data. None of it is real."), 12, TRUE, &area);
}

/* Every KPI, grouped by plugin, continuing on a new page if need be. */
static void
draw_summary (IntegrityBriefing *self,
              GPtrArray         *groups,
              const char * const *names)
{
  cairo_rectangle_t area;
  gboolean any = FALSE;

  integrity_briefing_begin_page (self, _("Summary of headline figures"), &area);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *kpis = g_ptr_array_index (groups, i);
      double bottom = area.y + area.height;
      double needed = 40 + 26.0 * (kpis->len + 1);
      cairo_rectangle_t table;

      if (kpis->len == 0)
        continue;
      any = TRUE;
      if (area.y + needed > bottom)
        {
          integrity_briefing_begin_page (self, _("Summary of headline figures (continued)"), &area);
          bottom = area.y + area.height;
        }
      area.y += integrity_briefing_draw_text (self, names[i], 13, TRUE, &area) + 4;
      table = area;
      area.y += integrity_briefing_draw_kpi_table (self, kpis, &table) + 18;
      area.height = bottom - area.y;
    }
  if (!any)
    integrity_briefing_draw_text (self, _("No active plugin has figures for this period."), 12,
                                  FALSE, &area);
}

static void
draw_imports (IntegrityBriefing *self,
              cairo_rectangle_t *area)
{
  static const double widths[] = { 0.16, 0.16, 0.22, 0.08, 0.38 };
  const char *headings[] = { _("Imported"), _("Kind"), _("File"), _("Rows"), _("SHA-256") };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = integrity_briefing_get_db (self);
  gint64 total = 0;
  guint shown = 0;

  area->y += integrity_briefing_draw_text (self, _("What was imported, and when"), 13, TRUE, area) + 6;
  if (sqlite3_prepare_v2 (db, "SELECT imported_at, kind, file_name, rows_inserted + rows_updated, sha256,"
                              " (SELECT count(*) FROM import_log)"
                              " FROM import_log ORDER BY imported_at DESC, id DESC LIMIT ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int (stmt, 1, MAX_IMPORT_ROWS);
  for (int row = -1; row < 0 || sqlite3_step (stmt) == SQLITE_ROW; row++)
    {
      double x = area->x, height = 0;

      for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
        {
          cairo_rectangle_t cell = { x, area->y, widths[c] * area->width - 8, 0 };
          g_autofree char *text = NULL;

          if (row < 0)
            text = g_strdup (headings[c]);
          else if (c == 0)
            text = integrity_format_timestamp ((const char *) sqlite3_column_text (stmt, 0));
          else if (c == 3)
            text = integrity_format_count (sqlite3_column_double (stmt, 3));
          else
            text = g_strdup ((const char *) sqlite3_column_text (stmt, c == 4 ? 4 : c));
          if (c == 4 && row >= 0 && *text == '\0')
            {
              g_free (text);
              text = g_strdup (_("(generated, no file)"));
            }
          height = MAX (height, integrity_briefing_draw_text (self, g_strstrip (text),
                                                              c == 4 && row >= 0 ? 6.5 : 8.5,
                                                              row < 0, &cell));
          x += widths[c] * area->width;
        }
      area->y += height + 4;
      if (row >= 0)
        {
          total = sqlite3_column_int64 (stmt, 5);
          shown++;
        }
    }
  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %lld earlier import.",
                                                            "and %lld earlier imports.",
                                                            total - shown), (long long) (total - shown));
      area->y += integrity_briefing_draw_text (self, more, 8.5, FALSE, area);
    }
}

/**
 * integrity_briefing_get_general_method_note:
 *
 * The method that every figure shares, first on the briefing's "Method and
 * sources" page and in the Help window: both read it from here, and each
 * plugin's own notes from integrity_briefing_add_method_note().
 *
 * Returns: the translated note
 */
const char *
integrity_briefing_get_general_method_note (void)
{
  /* xgettext:no-c-format */
  return _("Each figure covers the whole period and is compared with the period of the same "
           "length before it. Rates come with a 95% Wilson score interval, honest for small "
           "samples and rates near 0 or 1; a period with no sample has no rate: a gap, never 0%.");
}

static void
draw_method (IntegrityBriefing *self)
{
  const GPtrArray *notes = integrity_briefing_get_method_notes (self);
  guint n = integrity_briefing_get_suppress_below (self);
  cairo_rectangle_t area;

  integrity_briefing_begin_page (self, _("Method and sources"), &area);
  area.y += integrity_briefing_draw_text (self, integrity_briefing_get_general_method_note (),
                                          9.5, FALSE, &area) + 5;
  for (guint i = 0; i < notes->len; i++)
    area.y += integrity_briefing_draw_text (self, g_ptr_array_index (notes, i), 9.5, FALSE, &area) + 5;
  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Suppression: counts below %u are shown as “<%u”; rates "
                                                 "built on fewer than %u cases are withheld."), n, n, n);
      area.y += integrity_briefing_draw_text (self, text, 9.5, FALSE, &area) + 5;
    }
  area.y += 8;
  draw_imports (self, &area);
}

/**
 * integrity_briefing_compose:
 * @addins: (element-type IntegrityAddin): the active plugins, in order
 * @names: each plugin's name, in the same order
 *
 * Worker thread: draws the pack — a cover, a summary of every KPI, each
 * plugin's pages, then method and sources.
 */
gboolean
integrity_briefing_compose (IntegrityBriefing   *self,
                            GPtrArray           *addins,
                            const char * const  *names,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (addins != NULL && names != NULL, FALSE);

  for (guint i = 0; i < addins->len; i++)
    {
      GPtrArray *kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

      integrity_addin_collect_kpis (g_ptr_array_index (addins, i), integrity_briefing_get_db (self),
                                    integrity_briefing_get_filter (self), kpis, cancellable);
      g_ptr_array_add (groups, kpis);
    }

  draw_cover (self);
  draw_summary (self, groups, names);
  for (guint i = 0; i < addins->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!integrity_addin_add_briefing_pages (g_ptr_array_index (addins, i), self, error))
        return FALSE;
    }
  draw_method (self);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
