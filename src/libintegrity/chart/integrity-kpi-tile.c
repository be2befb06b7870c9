/* integrity-kpi-tile.c — one headline figure on the overview. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "integrity-chart-render.h"
#include "integrity-kpi-tile.h"
#include "integrity-width-first-layout.h"

/* Label, big value and unit, interval, status (icon, words and colour:
 * never colour alone), change on the previous period, sparkline and one
 * line of explanation. Activating it (click, Enter, Space) emits
 * "activated"; the page that owns the figure opens from there. */

struct _IntegrityKpiTile
{
  GtkWidget     parent_instance;

  IntegrityKpi *kpi;

  GtkWidget    *label;
  GtkWidget    *value;
  GtkWidget    *unit;
  GtkWidget    *interval;
  GtkWidget    *status_icon;
  GtkWidget    *status;
  GtkWidget    *delta;
  GtkWidget    *sparkline;
  GtkWidget    *explanation;
};

enum { ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IntegrityKpiTile, integrity_kpi_tile, GTK_TYPE_WIDGET)

static const char * const status_classes[] = { "dim-label", "success", "warning", "error" };
static const char * const status_icons[] = { NULL, "emblem-ok-symbolic", "dialog-warning-symbolic",
                                             "dialog-error-symbolic" };

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  IntegrityKpiTile *self = data;
  GdkRGBA colour;

  if (self->kpi == NULL || self->kpi->sparkline == NULL || self->kpi->sparkline->len == 0)
    return;
  /* GTK 4.8 has no gtk_widget_get_color (); the style context is how. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  integrity_chart_render_sparkline (cr, width, height, (const double *) (gpointer) self->kpi->sparkline->data,
                                    self->kpi->sparkline->len, &colour, 2.0);
}

static char *
value_text (const IntegrityKpi *kpi,
            const char        **unit)
{
  *unit = NULL;
  if (kpi->format == INTEGRITY_FORMAT_DAYS && isfinite (kpi->value))
    {
      *unit = _("days");
      return g_strdup_printf ("%.1f", kpi->value);
    }
  return integrity_format_value (kpi->value, kpi->format);
}

static void
update (IntegrityKpiTile *self)
{
  const IntegrityKpi *kpi = self->kpi;
  const char *unit = NULL;
  g_autofree char *value = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *delta = NULL;
  g_autofree char *summary = NULL;
  guint status;

  if (kpi == NULL)
    return;

  status = MIN ((guint) kpi->status, G_N_ELEMENTS (status_classes) - 1);
  value = value_text (kpi, &unit);
  gtk_label_set_text (GTK_LABEL (self->label), kpi->label);
  gtk_label_set_text (GTK_LABEL (self->value), value);
  gtk_label_set_text (GTK_LABEL (self->unit), unit != NULL ? unit : "");
  gtk_widget_set_visible (self->unit, unit != NULL);

  if (isfinite (kpi->value) && isfinite (kpi->lo) && isfinite (kpi->hi))
    {
      g_autofree char *lo = integrity_format_value (kpi->lo, kpi->format);
      g_autofree char *hi = integrity_format_value (kpi->hi, kpi->format);
      /* Translators: a confidence interval, e.g. "95% interval 75.1% – 80.2%" */
      interval = g_strdup_printf (_("95%% interval %s – %s"), lo, hi);
    }
  gtk_label_set_text (GTK_LABEL (self->interval), interval != NULL ? interval : "");
  gtk_widget_set_visible (self->interval, interval != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (self->status, status_classes[i]);
  gtk_widget_add_css_class (self->status, status_classes[status]);
  gtk_label_set_text (GTK_LABEL (self->status), integrity_kpi_status_to_label (kpi->status));
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), status_icons[status]);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (self->status_icon, status_classes[i]);
  gtk_widget_add_css_class (self->status_icon, status_classes[status]);
  gtk_widget_set_visible (self->status_icon, status_icons[status] != NULL);

  if (isfinite (kpi->value) && isfinite (kpi->previous))
    {
      g_autofree char *change = integrity_format_delta (kpi->value - kpi->previous, kpi->format);
      /* Translators: e.g. "−1.2 pts on the previous period" */
      delta = g_strdup_printf (_("%s on the previous period"), change);
    }
  gtk_label_set_text (GTK_LABEL (self->delta), delta != NULL ? delta : "");
  gtk_widget_set_visible (self->delta, delta != NULL);

  gtk_label_set_text (GTK_LABEL (self->explanation), kpi->explanation != NULL ? kpi->explanation : "");
  gtk_widget_set_visible (self->explanation, kpi->explanation != NULL);
  gtk_widget_set_visible (self->sparkline, kpi->sparkline != NULL && kpi->sparkline->len > 1);
  gtk_widget_queue_draw (self->sparkline);

  /* Read aloud, e.g. "Recording rate: 77.7%. Off target. −11.3 pts on the previous period." */
  summary = g_strdup_printf ("%s: %s%s%s. %s.%s%s%s", kpi->label != NULL ? kpi->label : "", value,
                             unit != NULL ? " " : "", unit != NULL ? unit : "",
                             integrity_kpi_status_to_label (kpi->status),
                             delta != NULL ? " " : "", delta != NULL ? delta : "", delta != NULL ? "." : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  kpi->explanation != NULL ? kpi->explanation : "",
                                  -1);
}

static void
clicked (GtkGestureClick  *gesture,
         int               n_press,
         double            x,
         double            y,
         IntegrityKpiTile *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
integrity_kpi_tile_dispose (GObject *object)
{
  IntegrityKpiTile *self = INTEGRITY_KPI_TILE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->kpi, integrity_kpi_free);

  G_OBJECT_CLASS (integrity_kpi_tile_parent_class)->dispose (object);
}

static void
integrity_kpi_tile_class_init (IntegrityKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };

  object_class->dispose = integrity_kpi_tile_dispose;

  /**
   * IntegrityKpiTile::activated:
   *
   * The tile was clicked, or Enter or Space pressed on it: open its page.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATED]);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, keys[i], 0, "activated", NULL);

  /* Tiles sit in rows: their wrapped labels must not search widths for a height. */
  gtk_widget_class_set_layout_manager_type (widget_class, INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "integrity-kpi-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
integrity_kpi_tile_init (IntegrityKpiTile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 14, "margin-bottom", 14, NULL);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->label = add_label (box, "heading", TRUE);
  gtk_box_append (GTK_BOX (box), value_row);
  self->value = add_label (value_row, "title-1", FALSE);
  self->unit = add_label (value_row, "dim-label", FALSE);
  gtk_widget_set_valign (self->unit, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (self->value, GTK_ALIGN_BASELINE);
  self->interval = add_label (box, "caption", TRUE);
  gtk_widget_add_css_class (self->interval, "dim-label");

  gtk_box_append (GTK_BOX (box), status_row);
  self->status_icon = gtk_image_new ();
  gtk_box_append (GTK_BOX (status_row), self->status_icon);
  self->status = add_label (status_row, "heading", FALSE);
  self->delta = add_label (box, NULL, TRUE);

  self->sparkline = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->sparkline), 36);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->sparkline), 160);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->sparkline), draw_sparkline, self, NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sparkline), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), self->sparkline);

  self->explanation = add_label (box, "caption", TRUE);
  gtk_label_set_lines (GTK_LABEL (self->explanation), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->explanation), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->explanation), 40);
}

/**
 * integrity_kpi_tile_new:
 * @kpi: (nullable): copied
 */
GtkWidget *
integrity_kpi_tile_new (const IntegrityKpi *kpi)
{
  IntegrityKpiTile *self = g_object_new (INTEGRITY_TYPE_KPI_TILE, NULL);

  if (kpi != NULL)
    integrity_kpi_tile_set_kpi (self, kpi);
  return GTK_WIDGET (self);
}

void
integrity_kpi_tile_set_kpi (IntegrityKpiTile   *self,
                            const IntegrityKpi *kpi)
{
  g_return_if_fail (INTEGRITY_IS_KPI_TILE (self));
  g_return_if_fail (kpi != NULL);

  g_clear_pointer (&self->kpi, integrity_kpi_free);
  self->kpi = integrity_kpi_copy (kpi);
  update (self);
}

const IntegrityKpi *
integrity_kpi_tile_get_kpi (IntegrityKpiTile *self)
{
  g_return_val_if_fail (INTEGRITY_IS_KPI_TILE (self), NULL);
  return self->kpi;
}
