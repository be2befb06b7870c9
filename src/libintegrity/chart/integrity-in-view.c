/* integrity-in-view.c — whether a widget is where a person can see it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-in-view.h"

/* GTK 4.8 lays out and draws every child of a scrolled page, seen or not.
 * Work that only matters on screen (drawing a chart, filling a long list)
 * can wait until the widget is scrolled into view. */

/**
 * integrity_widget_get_scroller:
 *
 * Returns: (nullable) (transfer none): the nearest scrolled window that
 *   holds @widget (not @widget itself), or NULL
 */
GtkScrolledWindow *
integrity_widget_get_scroller (GtkWidget *widget)
{
  GtkWidget *parent;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  parent = gtk_widget_get_parent (widget);
  return parent != NULL ? (GtkScrolledWindow *) gtk_widget_get_ancestor (parent, GTK_TYPE_SCROLLED_WINDOW) : NULL;
}

/**
 * integrity_widget_is_in_view:
 * @scroller: (nullable): from integrity_widget_get_scroller()
 *
 * Whether any of @widget is inside what @scroller shows, as last laid out.
 * A scroller's adjustments change before its child is laid out again, so
 * after "value-changed" ask again on the next frame, not at once.
 * Without a scroller, or outside one's tree, a widget counts as in view.
 */
gboolean
integrity_widget_is_in_view (GtkWidget         *widget,
                             GtkScrolledWindow *scroller)
{
  graphene_rect_t bounds;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);
  if (scroller == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (scroller), &bounds))
    return TRUE;
  return graphene_rect_intersection (&bounds,
                                     &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (scroller)),
                                                          gtk_widget_get_height (GTK_WIDGET (scroller))),
                                     NULL);
}

/**
 * integrity_scroller_follow:
 * @moved: called (swapped: @data first) when @scroller scrolls or its view
 *   grows ("changed": the page size, when the window grows)
 */
void
integrity_scroller_follow (GtkScrolledWindow *scroller,
                           GCallback          moved,
                           gpointer           data)
{
  GtkAdjustment *adjustments[] = {
    gtk_scrolled_window_get_vadjustment (scroller), gtk_scrolled_window_get_hadjustment (scroller),
  };

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      g_signal_connect_swapped (adjustments[i], "value-changed", moved, data);
      g_signal_connect_swapped (adjustments[i], "changed", moved, data);
    }
}

/* Undoes every integrity_scroller_follow() of @scroller for @data. */
void
integrity_scroller_unfollow (GtkScrolledWindow *scroller,
                             gpointer           data)
{
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (scroller), data);
  g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_hadjustment (scroller), data);
}

/* GTK 4.8 runs a spinner's animation wherever the spinner is visible, mapped
 * or not: one on the hidden side of a stack restyled and laid out the whole
 * window on every frame (60 times a second, each with a dozen round trips
 * to the X server), for as long as the window stayed open.
 *
 * A spinner also starts only once it has been shown for half a second: a
 * page that loads sooner (most do, in 0.2-0.35 s) never flashes one, and
 * its first frame does not load the spinner's icon, an SVG that took 4 ms
 * of that frame's 13 ms the first time a page was shown. */

#define SPINNER_DELAY_MS 500
#define SPINNER_DELAY_KEY "integrity-spinner-delay"

static gboolean
spin_after_delay (gpointer data)
{
  GtkSpinner *spinner = data;

  g_object_set_data (G_OBJECT (spinner), SPINNER_DELAY_KEY, NULL);
  gtk_spinner_start (spinner);
  return G_SOURCE_REMOVE;
}

static void
spin_on_map (GtkWidget *spinner)
{
  guint delay_id;

  if (g_object_get_data (G_OBJECT (spinner), SPINNER_DELAY_KEY) != NULL)
    return;
  delay_id = g_timeout_add_full (G_PRIORITY_DEFAULT, SPINNER_DELAY_MS, spin_after_delay,
                                 g_object_ref (spinner), g_object_unref);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, delay_id), "[integrity] spinner delay");
  g_object_set_data (G_OBJECT (spinner), SPINNER_DELAY_KEY, GUINT_TO_POINTER (delay_id));
}

static void
stop_on_unmap (GtkWidget *spinner)
{
  guint delay_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spinner), SPINNER_DELAY_KEY));

  if (delay_id != 0)
    {
      g_object_set_data (G_OBJECT (spinner), SPINNER_DELAY_KEY, NULL);
      g_source_remove (delay_id);
    }
  gtk_spinner_stop (GTK_SPINNER (spinner));
}

/**
 * integrity_spinner_spin_while_mapped:
 *
 * Makes @spinner spin only while it is mapped, and only once it has been
 * mapped for half a second: shown (as the visible page of a stack, say)
 * for less, it never appears. It stops when hidden again.
 */
void
integrity_spinner_spin_while_mapped (GtkSpinner *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));
  g_signal_connect (spinner, "map", G_CALLBACK (spin_on_map), NULL);
  g_signal_connect (spinner, "unmap", G_CALLBACK (stop_on_unmap), NULL);
  gtk_spinner_stop (spinner);
  if (gtk_widget_get_mapped (GTK_WIDGET (spinner)))
    spin_on_map (GTK_WIDGET (spinner));
}
