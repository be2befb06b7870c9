/* integrity-briefing.h — the briefing pack: A4 pages drawn with Cairo. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "chart/integrity-chart.h"
#include "chart/integrity-chart-style.h"
#include "core/integrity-filter.h"
#include "core/integrity-kpi.h"

G_BEGIN_DECLS

/* A4 landscape, in points. */
#define INTEGRITY_BRIEFING_PAGE_WIDTH  841.89
#define INTEGRITY_BRIEFING_PAGE_HEIGHT 595.28

#define INTEGRITY_TYPE_BRIEFING (integrity_briefing_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityBriefing, integrity_briefing, INTEGRITY, BRIEFING, GObject)

/* Made and filled on a worker thread, then written (PDF) or printed. */
IntegrityBriefing     *integrity_briefing_new                (sqlite3                 *db,
                                                              const IntegrityFilter   *filter);
void                   integrity_briefing_set_force_name     (IntegrityBriefing       *self,
                                                              const char              *force_name);
const char            *integrity_briefing_get_force_name     (IntegrityBriefing       *self);
void                   integrity_briefing_set_marking        (IntegrityBriefing       *self,
                                                              const char              *marking);
void                   integrity_briefing_set_suppress_below (IntegrityBriefing       *self,
                                                              guint                    threshold);
void                   integrity_briefing_set_produced       (IntegrityBriefing       *self,
                                                              GDateTime               *produced);

/* What a plugin reads while it adds its pages (worker thread). */
sqlite3               *integrity_briefing_get_db             (IntegrityBriefing       *self);
const IntegrityFilter *integrity_briefing_get_filter         (IntegrityBriefing       *self);
guint                  integrity_briefing_get_suppress_below (IntegrityBriefing       *self);
gboolean               integrity_briefing_is_demo            (IntegrityBriefing       *self);
const IntegrityChartStyle *integrity_briefing_get_style      (IntegrityBriefing       *self);
gboolean               integrity_briefing_withholds          (IntegrityBriefing       *self,
                                                              guint64                  sample_size);
char                  *integrity_briefing_format_count       (IntegrityBriefing       *self,
                                                              double                   count);
char                  *integrity_briefing_format_kpi         (IntegrityBriefing       *self,
                                                              const IntegrityKpi      *kpi);

/* Drawing: a page, then charts, text and tables in its content rectangle. */
cairo_t               *integrity_briefing_begin_page         (IntegrityBriefing       *self,
                                                              const char              *title,
                                                              cairo_rectangle_t       *content);
void                   integrity_briefing_draw_chart         (IntegrityBriefing       *self,
                                                              IntegrityChart          *chart,
                                                              const cairo_rectangle_t *area);
double                 integrity_briefing_draw_text          (IntegrityBriefing       *self,
                                                              const char              *text,
                                                              double                   size,
                                                              gboolean                 bold,
                                                              const cairo_rectangle_t *area);
double                 integrity_briefing_draw_kpi_line      (IntegrityBriefing       *self,
                                                              const IntegrityKpi      *kpi,
                                                              const cairo_rectangle_t *area);
double                 integrity_briefing_draw_kpi_table     (IntegrityBriefing       *self,
                                                              GPtrArray               *kpis,
                                                              const cairo_rectangle_t *area);
void                   integrity_briefing_add_method_note    (IntegrityBriefing       *self,
                                                              const char              *note);
const GPtrArray       *integrity_briefing_get_method_notes   (IntegrityBriefing       *self);

/* Output: every page with its frame (marking, page N of M, DEMO DATA). */
guint                  integrity_briefing_get_n_pages        (IntegrityBriefing       *self);
void                   integrity_briefing_render_page        (IntegrityBriefing       *self,
                                                              guint                    index,
                                                              cairo_t                 *cr);
gboolean               integrity_briefing_write_pdf          (IntegrityBriefing       *self,
                                                              const char              *path,
                                                              GError                 **error);

G_END_DECLS
