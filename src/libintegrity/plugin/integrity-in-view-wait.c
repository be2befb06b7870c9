/* integrity-in-view-wait.c — work that waits until a widget is where a person can see it. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-in-view"

#include "config.h"

#include "integrity-in-view-wait.h"

#include "chart/integrity-in-view.h"

/* GTK 4.8 makes, lays out and draws the rows of a list nobody can see: on
 * the hidden side of a stack, or below the fold of a scrolled page. Work
 * for such a widget waits until it is mapped and scrolled into view. */

struct _IntegrityInViewWait
{
  GtkWidget           *widget;    /* weak */
  GtkScrolledWindow   *scroller;  /* weak */
  IntegrityInViewFunc  seen;
  gpointer             data;
  guint                tick_id;
  guint                check_id;
};

/**
 * integrity_widget_is_seen:
 *
 * Whether @widget is mapped and, in a scrolled window, scrolled into view
 * as last laid out.
 */
gboolean
integrity_widget_is_seen (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);
  return gtk_widget_get_mapped (widget) && integrity_widget_is_in_view (widget, integrity_widget_get_scroller (widget));
}

static gboolean
on_check (gpointer data)
{
  IntegrityInViewWait *wait = data;

  wait->check_id = 0;
  /* A widget gone waits for nothing. */
  if (wait->widget == NULL || integrity_widget_is_seen (wait->widget))
    wait->seen (wait->data);
  return G_SOURCE_REMOVE;
}

static void
check_soon (IntegrityInViewWait *wait)
{
  if (wait->check_id != 0)
    return;
  wait->check_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_check, wait, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, wait->check_id), "[integrity] in-view check");
}

/* The frame's layout and drawing follow its tick in the same turn. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  IntegrityInViewWait *wait = data;

  wait->tick_id = 0;
  check_soon (wait);
  return G_SOURCE_REMOVE;
}

/* Scrolled or shown: the layout that says whether the widget is in view
 * comes with the next frame (an idle may run before it), so look after. */
static void
on_moved (IntegrityInViewWait *wait)
{
  if (wait->widget == NULL)
    check_soon (wait);
  else if (wait->tick_id == 0)
    wait->tick_id = gtk_widget_add_tick_callback (wait->widget, on_tick, wait, NULL);
}

/**
 * integrity_in_view_wait_new:
 * @widget: a widget not seen now (see integrity_widget_is_seen())
 * @seen: called once @widget has been shown or scrolled into view
 *
 * Returns: (transfer full): the wait, to be freed by the caller, in @seen
 *   or before; freeing it calls nothing
 */
IntegrityInViewWait *
integrity_in_view_wait_new (GtkWidget           *widget,
                            IntegrityInViewFunc  seen,
                            gpointer             data)
{
  IntegrityInViewWait *wait;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (seen != NULL, NULL);

  wait = g_new0 (IntegrityInViewWait, 1);
  wait->seen = seen;
  wait->data = data;
  wait->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &wait->widget);
  g_signal_connect_swapped (widget, "map", G_CALLBACK (on_moved), wait);
  wait->scroller = integrity_widget_get_scroller (widget);
  if (wait->scroller != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (wait->scroller), (gpointer *) &wait->scroller);
      integrity_scroller_follow (wait->scroller, G_CALLBACK (on_moved), wait);
    }
  /* A scroll made before the wait but not yet laid out moves nothing later. */
  on_moved (wait);
  return wait;
}

void
integrity_in_view_wait_free (IntegrityInViewWait *wait)
{
  g_return_if_fail (wait != NULL);

  g_clear_handle_id (&wait->check_id, g_source_remove);
  if (wait->scroller != NULL)
    {
      integrity_scroller_unfollow (wait->scroller, wait);
      g_object_remove_weak_pointer (G_OBJECT (wait->scroller), (gpointer *) &wait->scroller);
    }
  if (wait->widget != NULL)
    {
      if (wait->tick_id != 0)
        gtk_widget_remove_tick_callback (wait->widget, wait->tick_id);
      g_signal_handlers_disconnect_by_data (wait->widget, wait);
      g_object_remove_weak_pointer (G_OBJECT (wait->widget), (gpointer *) &wait->widget);
    }
  g_free (wait);
}
