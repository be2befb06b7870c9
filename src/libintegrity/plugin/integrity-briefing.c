/* integrity-briefing.c — the briefing pack: A4 pages drawn with Cairo. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "chart/integrity-chart-render.h"
#include "core/integrity-store.h"
#include "integrity-briefing-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

#define W INTEGRITY_BRIEFING_PAGE_WIDTH
#define H INTEGRITY_BRIEFING_PAGE_HEIGHT
#define MARGIN 36.0
#define CONTENT_TOP 78.0
#define CONTENT_BOTTOM (H - 54.0)
#define PRINT_FONT_SCALE 0.72

typedef struct
{
  char            *title;
  cairo_surface_t *recording;
} Page;

struct _IntegrityBriefing
{
  GObject              parent_instance;

  sqlite3             *db;
  IntegrityFilter     *filter;
  char                *force_name;
  char                *marking;
  GDateTime           *produced;
  guint                suppress_below;
  gboolean             demo;
  IntegrityChartStyle  style;
  GPtrArray           *pages;         /* Page */
  GPtrArray           *method_notes;  /* char * */
  cairo_t             *cr;            /* the page being drawn */
};

G_DEFINE_FINAL_TYPE (IntegrityBriefing, integrity_briefing, G_TYPE_OBJECT)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->title);
  cairo_surface_destroy (page->recording);
  g_free (page);
}

static void
integrity_briefing_finalize (GObject *object)
{
  IntegrityBriefing *self = INTEGRITY_BRIEFING (object);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->method_notes, g_ptr_array_unref);
  g_clear_pointer (&self->filter, integrity_filter_free);
  g_clear_pointer (&self->produced, g_date_time_unref);
  g_free (self->force_name);
  g_free (self->marking);

  G_OBJECT_CLASS (integrity_briefing_parent_class)->finalize (object);
}

static void
integrity_briefing_class_init (IntegrityBriefingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = integrity_briefing_finalize;
}

static void
integrity_briefing_init (IntegrityBriefing *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->method_notes = g_ptr_array_new_with_free_func (g_free);
  self->marking = g_strdup ("OFFICIAL-SENSITIVE");
  self->force_name = g_strdup ("");
  self->produced = g_date_time_new_now_local ();
  integrity_chart_style_init (&self->style, INTEGRITY_CHART_THEME_LIGHT, PRINT_FONT_SCALE);
}

static gboolean
read_demo_flag (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *value;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'demo'", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  value = (const char *) sqlite3_column_text (stmt, 0);
  return value != NULL && g_strcmp0 (value, "0") != 0;
}

/**
 * integrity_briefing_new:
 * @db: a read-only connection, valid while pages are added
 *
 * A demo store (meta `demo`) is marked DEMO DATA on every page.
 */
IntegrityBriefing *
integrity_briefing_new (sqlite3               *db,
                        const IntegrityFilter *filter)
{
  IntegrityBriefing *self;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  self = g_object_new (INTEGRITY_TYPE_BRIEFING, NULL);
  self->db = db;
  self->filter = integrity_filter_copy (filter);
  self->demo = read_demo_flag (db);
  return self;
}

void
integrity_briefing_set_force_name (IntegrityBriefing *self,
                                   const char        *force_name)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_free (self->force_name);
  self->force_name = g_strdup (force_name != NULL ? force_name : "");
}

const char *
integrity_briefing_get_force_name (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  return self->force_name;
}

void
integrity_briefing_set_marking (IntegrityBriefing *self,
                                const char        *marking)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_free (self->marking);
  self->marking = g_strdup (marking != NULL ? marking : "");
}

/* Counts below @threshold print as "<threshold"; rates on fewer cases are
 * withheld. 0: nothing is suppressed. */
void
integrity_briefing_set_suppress_below (IntegrityBriefing *self,
                                       guint              threshold)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  self->suppress_below = threshold;
}

void
integrity_briefing_set_produced (IntegrityBriefing *self,
                                 GDateTime         *produced)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_return_if_fail (produced != NULL);
  g_clear_pointer (&self->produced, g_date_time_unref);
  self->produced = g_date_time_ref (produced);
}

sqlite3 *
integrity_briefing_get_db (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  return self->db;
}

const IntegrityFilter *
integrity_briefing_get_filter (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  return self->filter;
}

guint
integrity_briefing_get_suppress_below (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), 0);
  return self->suppress_below;
}

gboolean
integrity_briefing_is_demo (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), FALSE);
  return self->demo;
}

/* The print style: light, with type sized for points rather than pixels. */
const IntegrityChartStyle *
integrity_briefing_get_style (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  return &self->style;
}

GDateTime *
_integrity_briefing_get_produced (IntegrityBriefing *self)
{
  return self->produced;
}

const char *
_integrity_briefing_get_marking (IntegrityBriefing *self)
{
  return self->marking;
}

/* TRUE when a rate built on @sample_size cases must be withheld. A rate
 * whose plugin did not say how many cases it rests on is withheld too. */
gboolean
integrity_briefing_withholds (IntegrityBriefing *self,
                              guint64            sample_size)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), TRUE);
  return self->suppress_below > 0 && sample_size < self->suppress_below;
}

/* "80,100", or "<10" when suppressing counts below 10. */
char *
integrity_briefing_format_count (IntegrityBriefing *self,
                                 double             count)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);

  if (self->suppress_below > 0 && isfinite (count) && count < self->suppress_below)
    return g_strdup_printf ("<%u", self->suppress_below);
  return integrity_format_count (count);
}

/* A KPI's value as the pack prints it, suppression applied. */
char *
integrity_briefing_format_kpi (IntegrityBriefing  *self,
                               const IntegrityKpi *kpi)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (kpi != NULL, NULL);

  if (kpi->format == INTEGRITY_FORMAT_COUNT)
    return integrity_briefing_format_count (self, kpi->value);
  if (isfinite (kpi->value) && integrity_briefing_withholds (self, kpi->sample_size))
    return g_strdup (_("withheld"));
  return integrity_format_value (kpi->value, kpi->format);
}

/* Text ------------------------------------------------------------------ */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Inter, DejaVu Sans, sans-serif");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same layout on screen, on paper and in PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Draws @text with its top left at @x, @y; returns its height. */
double
_integrity_briefing_text_at (cairo_t        *cr,
                             const char     *text,
                             double          size,
                             gboolean        bold,
                             double          x,
                             double          y,
                             double          width,
                             PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);
  int w, h;

  pango_layout_set_alignment (layout, align);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* Pages ----------------------------------------------------------------- */

/**
 * integrity_briefing_begin_page:
 * @title: (nullable): the page's heading; %NULL for the cover
 * @content: (out): where the page's own drawing goes, in points
 *
 * Starts a new A4 landscape page. The briefing draws its frame (marking,
 * title, page number, DEMO DATA) around what is drawn on the returned
 * cairo_t, which belongs to the briefing and lasts until the next page.
 */
cairo_t *
integrity_briefing_begin_page (IntegrityBriefing *self,
                               const char        *title,
                               cairo_rectangle_t *content)
{
  cairo_rectangle_t extents = { 0, 0, W, H };
  Page *page;

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  g_clear_pointer (&self->cr, cairo_destroy);
  page = g_new0 (Page, 1);
  page->title = g_strdup (title);
  page->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (self->pages, page);

  self->cr = cairo_create (page->recording);
  set_colour (self->cr, &self->style.foreground);
  content->x = MARGIN;
  content->y = title != NULL ? CONTENT_TOP : 44.0;
  content->width = W - 2 * MARGIN;
  content->height = CONTENT_BOTTOM - content->y;
  return self->cr;
}

static cairo_t *
current_cr (IntegrityBriefing *self)
{
  if (self->cr == NULL)
    {
      cairo_rectangle_t ignored;
      integrity_briefing_begin_page (self, NULL, &ignored);
    }
  return self->cr;
}

/* Draws @chart as vectors in @area of the current page. */
void
integrity_briefing_draw_chart (IntegrityBriefing       *self,
                               IntegrityChart          *chart,
                               const cairo_rectangle_t *area)
{
  cairo_t *cr;

  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_return_if_fail (INTEGRITY_IS_CHART (chart) && area != NULL);

  cr = current_cr (self);
  cairo_save (cr);
  cairo_translate (cr, area->x, area->y);
  cairo_rectangle (cr, 0, 0, area->width, area->height);
  cairo_clip (cr);
  integrity_chart_render (chart, cr, area->width, area->height, &self->style);
  cairo_restore (cr);
}

/* A paragraph of @size points wrapped to @area's width; returns its height. */
double
integrity_briefing_draw_text (IntegrityBriefing       *self,
                              const char              *text,
                              double                   size,
                              gboolean                 bold,
                              const cairo_rectangle_t *area)
{
  cairo_t *cr;

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), 0);
  g_return_val_if_fail (area != NULL, 0);

  cr = current_cr (self);
  set_colour (cr, &self->style.foreground);
  return _integrity_briefing_text_at (cr, text, size, bold, area->x, area->y, area->width,
                                      PANGO_ALIGN_LEFT);
}

static char *
describe_interval (IntegrityBriefing  *self,
                   const IntegrityKpi *kpi)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (kpi->lo) || !isfinite (kpi->hi)
      || (kpi->format != INTEGRITY_FORMAT_COUNT && integrity_briefing_withholds (self, kpi->sample_size)))
    return g_strdup ("");
  lo = integrity_format_value (kpi->lo, kpi->format);
  hi = integrity_format_value (kpi->hi, kpi->format);
  return g_strdup_printf ("%s – %s", lo, hi);
}

static char *
describe_previous (IntegrityBriefing  *self,
                   const IntegrityKpi *kpi)
{
  if (!isfinite (kpi->previous))
    return g_strdup ("–");
  if (kpi->format == INTEGRITY_FORMAT_COUNT)
    return integrity_briefing_format_count (self, kpi->previous);
  /* The earlier period's sample is not known: withhold it with this one. */
  if (integrity_briefing_withholds (self, kpi->sample_size))
    return g_strdup (_("withheld"));
  return integrity_format_value (kpi->previous, kpi->format);
}

/* One KPI as a sentence: "Crime recording rate: 77.7% (95% interval …)". */
double
integrity_briefing_draw_kpi_line (IntegrityBriefing       *self,
                                  const IntegrityKpi      *kpi,
                                  const cairo_rectangle_t *area)
{
  g_autofree char *value = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), 0);
  g_return_val_if_fail (kpi != NULL && area != NULL, 0);

  value = integrity_briefing_format_kpi (self, kpi);
  interval = describe_interval (self, kpi);
  previous = describe_previous (self, kpi);
  g_string_append_printf (line, "%s: %s", kpi->label, value);
  if (*interval != '\0')
    /* Translators: after a figure, e.g. "(95% interval 76.9% – 78.5%)" */
    g_string_append_printf (line, _(" (95%% interval %s)"), interval);
  /* Translators: e.g. "; previous period 89.0%" */
  g_string_append_printf (line, _("; previous period %s"), previous);
  if (isfinite (kpi->target))
    {
      g_autofree char *target = integrity_format_value (kpi->target, kpi->format);
      /* Translators: e.g. "; target 90.0% — below target" */
      g_string_append_printf (line, _("; target %s — %s"), target,
                              integrity_kpi_status_to_label (kpi->status));
    }
  g_string_append_c (line, '.');
  return integrity_briefing_draw_text (self, line->str, 11, FALSE, area);
}

/* The KPIs as a table: figure, value, interval, previous, target, status,
 * cases. Returns the height drawn. */
double
integrity_briefing_draw_kpi_table (IntegrityBriefing       *self,
                                   GPtrArray               *kpis,
                                   const cairo_rectangle_t *area)
{
  static const double widths[] = { 0.30, 0.11, 0.16, 0.11, 0.09, 0.13, 0.10 };
  const char *headings[] = {
    _("Figure"), _("Value"),
    /* xgettext:no-c-format */
    _("95% interval"),
    _("Previous"), _("Target"), _("Status"), _("Cases"),
  };
  cairo_t *cr;
  double y;

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), 0);
  g_return_val_if_fail (kpis != NULL && area != NULL, 0);

  cr = current_cr (self);
  y = area->y;
  for (guint row = 0; row <= kpis->len; row++)
    {
      const IntegrityKpi *kpi = row > 0 ? g_ptr_array_index (kpis, row - 1) : NULL;
      /* Not g_autofree: on an array it would free cells[0] alone. */
      char *cells[G_N_ELEMENTS (widths)] = { NULL };
      double x = area->x, height = 0;

      if (kpi != NULL)
        {
          cells[0] = g_strdup (kpi->label);
          cells[1] = integrity_briefing_format_kpi (self, kpi);
          cells[2] = describe_interval (self, kpi);
          cells[3] = describe_previous (self, kpi);
          cells[4] = isfinite (kpi->target) ? integrity_format_value (kpi->target, kpi->format) : g_strdup ("–");
          cells[5] = g_strdup (integrity_kpi_status_to_label (kpi->status));
          cells[6] = kpi->sample_size > 0 ? integrity_briefing_format_count (self, kpi->sample_size)
                                          : g_strdup ("–");
        }
      for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
        {
          double w = widths[c] * area->width;
          double h;

          set_colour (cr, &self->style.foreground);
          h = _integrity_briefing_text_at (cr, kpi != NULL ? cells[c] : headings[c], 10,
                                           kpi == NULL || c == 0 || c == 1, x, y + 4, w - 8,
                                           c == 0 || c == 5 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          height = MAX (height, h);
          x += w;
        }
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      y += height + 8;
      set_colour (cr, row == 0 ? &self->style.axis : &self->style.grid);
      cairo_set_line_width (cr, row == 0 ? 1.0 : 0.5);
      cairo_move_to (cr, area->x, y);
      cairo_line_to (cr, area->x + area->width, y);
      cairo_stroke (cr);
    }
  return y - area->y;
}

/* A paragraph for the last page, "Method and sources". */
void
integrity_briefing_add_method_note (IntegrityBriefing *self,
                                    const char        *note)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_return_if_fail (note != NULL);
  g_ptr_array_add (self->method_notes, g_strdup (note));
}

const GPtrArray *
integrity_briefing_get_method_notes (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), NULL);
  return self->method_notes;
}

/* Output ---------------------------------------------------------------- */

guint
integrity_briefing_get_n_pages (IntegrityBriefing *self)
{
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), 0);
  return self->pages->len;
}

static void
draw_frame (IntegrityBriefing *self,
            cairo_t           *cr,
            guint              index)
{
  Page *page = g_ptr_array_index (self->pages, index);
  g_autofree char *number = NULL;
  g_autofree char *period = integrity_filter_describe (self->filter);
  g_autofree char *footer = NULL;

  set_colour (cr, &self->style.foreground);
  _integrity_briefing_text_at (cr, self->marking, 10, TRUE, 0, 14, W, PANGO_ALIGN_CENTER);
  _integrity_briefing_text_at (cr, self->marking, 10, TRUE, 0, H - 24, W, PANGO_ALIGN_CENTER);

  if (page->title != NULL)
    {
      _integrity_briefing_text_at (cr, page->title, 18, TRUE, MARGIN, 36, W - 2 * MARGIN,
                                   PANGO_ALIGN_LEFT);
      set_colour (cr, &self->style.axis);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN, 66);
      cairo_line_to (cr, W - MARGIN, 66);
      cairo_stroke (cr);
    }

  set_colour (cr, &self->style.grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, H - 46);
  cairo_line_to (cr, W - MARGIN, H - 46);
  cairo_stroke (cr);

  set_colour (cr, &self->style.muted);
  footer = *self->force_name != '\0' ? g_strdup_printf ("%s · %s", self->force_name, period)
                                     : g_strdup (period);
  _integrity_briefing_text_at (cr, footer, 8.5, FALSE, MARGIN, H - 40, W / 2, PANGO_ALIGN_LEFT);
  /* Translators: the footer of every page of the briefing pack */
  number = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  _integrity_briefing_text_at (cr, number, 8.5, FALSE, W / 2, H - 40, W / 2 - MARGIN,
                               PANGO_ALIGN_RIGHT);
}

static void
draw_demo_mark (cairo_t *cr)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, _("DEMO DATA"), 110, TRUE, -1);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, W / 2, H / 2);
  cairo_rotate (cr, -atan2 (H, W));
  cairo_move_to (cr, -w / 2.0, -h / 2.0);
  cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.16);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * integrity_briefing_render_page:
 * @cr: in points, A4 landscape (scale it to fit a printer's page)
 *
 * Draws page @index with its frame: the marking at top and bottom, its
 * title, "Page N of M", and DEMO DATA across it for a demo store.
 */
void
integrity_briefing_render_page (IntegrityBriefing *self,
                                guint              index,
                                cairo_t           *cr)
{
  Page *page;

  g_return_if_fail (INTEGRITY_IS_BRIEFING (self));
  g_return_if_fail (index < self->pages->len);

  g_clear_pointer (&self->cr, cairo_destroy);
  page = g_ptr_array_index (self->pages, index);
  cairo_save (cr);
  set_colour (cr, &self->style.background);
  cairo_paint (cr);
  cairo_set_source_surface (cr, page->recording, 0, 0);
  cairo_paint (cr);
  draw_frame (self, cr, index);
  if (self->demo)
    draw_demo_mark (cr);
  cairo_restore (cr);
}

/* Every page to an A4 landscape PDF: text as text, charts as vectors. */
gboolean
integrity_briefing_write_pdf (IntegrityBriefing  *self,
                              const char         *path,
                              GError            **error)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autofree char *title = NULL;
  cairo_status_t status;

  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, W, H);
  title = *self->force_name != '\0'
    /* Translators: the PDF's title, e.g. "Example Constabulary — crime data integrity briefing" */
    ? g_strdup_printf (_("%s — crime data integrity briefing"), self->force_name)
    : g_strdup (_("Crime data integrity briefing"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Integrity " VERSION);
  for (guint i = 0; i < self->pages->len && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS; i++)
    {
      g_autoptr(cairo_t) cr = cairo_create (surface);

      integrity_briefing_render_page (self, i, cr);
      cairo_show_page (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: e.g. "Could not write “pack.pdf”: error while writing to output stream" */
                   _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
