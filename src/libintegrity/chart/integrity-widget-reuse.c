/* integrity-widget-reuse.c — new figures into the widgets already on screen. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-chart-view.h"
#include "integrity-frame-steps.h"
#include "integrity-kpi-tile.h"
#include "integrity-widget-reuse.h"

/* A filter change used to throw a page's charts and tiles away and make
 * new ones: every widget made, styled and laid out again in one frame.
 * When the page shows as many charts (or tiles) as before, the widgets stay
 * and only their figures change. */

/* The widgets of @type among @container's children, or their children (a
 * flow box wraps each in a GtkFlowBoxChild), in order. */
static GPtrArray *
children_of_type (GtkWidget *container,
                  GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = gtk_widget_get_first_child (child);

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else if (inner != NULL && gtk_widget_get_next_sibling (inner) == NULL
               && G_TYPE_CHECK_INSTANCE_TYPE (inner, type))
        g_ptr_array_add (found, inner);
    }
  return found;
}

typedef void (*SetFigures) (GtkWidget *widget,
                            gpointer   figures);

#define FIGURE_STEPS "integrity-widget-reuse-steps"

/* One widget's new figures, waiting for their frame. */
typedef struct
{
  GtkWidget  *widget;
  GPtrArray  *values;
  guint       index;
  SetFigures  set_figures;
} PendingFigures;

static void
pending_figures_free (gpointer data)
{
  PendingFigures *pending = data;

  g_object_unref (pending->widget);
  g_ptr_array_unref (pending->values);
  g_free (pending);
}

static void
set_pending_figures (gpointer data)
{
  PendingFigures *pending = data;

  pending->set_figures (pending->widget, g_ptr_array_index (pending->values, pending->index));
}

/* Gives each widget of @type in @container the matching entry of @values,
 * when there are as many; FALSE otherwise. With @a_frame_each, the first
 * now and each other in a frame of its own: new text in every tile at once
 * was a frame of 10 ms, half measuring labels and half painting them. */
static gboolean
update_in_place (GtkWidget  *container,
                 GType       type,
                 GPtrArray  *values,
                 SetFigures  set_figures,
                 gboolean    a_frame_each)
{
  g_autoptr(GPtrArray) widgets = children_of_type (container, type);
  g_autoptr(GPtrArray) pending = NULL;

  if (widgets->len != values->len || widgets->len == 0)
    return FALSE;
  if (!a_frame_each)
    {
      for (guint i = 0; i < widgets->len; i++)
        set_figures (g_ptr_array_index (widgets, i), g_ptr_array_index (values, i));
      return TRUE;
    }
  pending = g_ptr_array_new_full (widgets->len, pending_figures_free);
  for (guint i = 0; i < widgets->len; i++)
    {
      PendingFigures *figures = g_new0 (PendingFigures, 1);

      figures->widget = g_object_ref (g_ptr_array_index (widgets, i));
      figures->values = g_ptr_array_ref (values);
      figures->index = i;
      figures->set_figures = set_figures;
      g_ptr_array_add (pending, figures);
    }
  integrity_frame_steps_first_now (container, FIGURE_STEPS, pending, set_pending_figures);
  return TRUE;
}

static void
set_chart (GtkWidget *view,
           gpointer   chart)
{
  integrity_chart_view_set_chart (INTEGRITY_CHART_VIEW (view), chart);
}

static void
set_kpi (GtkWidget *tile,
         gpointer   kpi)
{
  integrity_kpi_tile_set_kpi (INTEGRITY_KPI_TILE (tile), kpi);
}

/**
 * integrity_chart_views_update:
 * @container: a box, grid or flow box of chart views
 * @charts: (element-type IntegrityChart): the charts to show, in order
 *
 * Gives each chart view in @container its new chart when there are as many
 * views as @charts.
 *
 * Returns: %FALSE when the numbers differ: the caller builds the views anew.
 */
gboolean
integrity_chart_views_update (GtkWidget *container,
                              GPtrArray *charts)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);
  g_return_val_if_fail (charts != NULL, FALSE);
  return update_in_place (container, INTEGRITY_TYPE_CHART_VIEW, charts, set_chart, FALSE);
}

/**
 * integrity_kpi_tiles_update:
 * @container: a box or flow box of KPI tiles
 * @kpis: (element-type IntegrityKpi): the figures to show, in order
 *
 * Like integrity_chart_views_update(), for tiles. The first tile shows its
 * figures at once, each other in the frame after the one before, so no
 * frame measures and paints every tile again; integrity_pages_are_settling()
 * says when they are all shown.
 *
 * Returns: %FALSE when the numbers differ.
 */
gboolean
integrity_kpi_tiles_update (GtkWidget *container,
                            GPtrArray *kpis)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);
  g_return_val_if_fail (kpis != NULL, FALSE);
  return update_in_place (container, INTEGRITY_TYPE_KPI_TILE, kpis, set_kpi, TRUE);
}
