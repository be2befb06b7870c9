/* integrity-frame-steps.c — work spread over frames, one step a frame. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-frame-steps.h"
#include "core/integrity-thread.h"

/* With GTK's Cairo renderer a frame that lays out and paints a whole page
 * takes longer than the 16 ms a frame has. Work that changes many widgets
 * at once (a page's first showing, new figures in every tile) is done a
 * widget a frame instead, so each frame lays out and repaints one. */

static guint n_running;

typedef struct
{
  GPtrArray          *items;
  IntegrityFrameStep  step;
  guint               next;
  guint               tick_id;
  gboolean            first_frame_done;
} FrameSteps;

static void
frame_steps_stop (FrameSteps *steps)
{
  if (steps->tick_id == 0)
    return;
  steps->tick_id = 0;
  n_running--;
}

static void
frame_steps_free (gpointer data)
{
  FrameSteps *steps = data;

  frame_steps_stop (steps);
  g_ptr_array_unref (steps->items);
  g_free (steps);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameSteps *steps = user_data;

  /* Ticks run before a frame's layout: the frame already due shows what
   * the caller did itself, and the steps begin in the one after. */
  if (!steps->first_frame_done)
    steps->first_frame_done = TRUE;
  else
    steps->step (g_ptr_array_index (steps->items, steps->next++));
  if (steps->next < steps->items->len)
    return G_SOURCE_CONTINUE;
  frame_steps_stop (steps);
  return G_SOURCE_REMOVE;
}

/* Steps for @items from @first on, one a frame, after those of @name left
 * waiting are run. */
static void
start_from (GtkWidget          *widget,
            const char         *name,
            GPtrArray          *items,
            IntegrityFrameStep  step,
            guint               first)
{
  FrameSteps *steps;

  integrity_frame_steps_finish (widget, name);
  if (first >= items->len)
    return;
  steps = g_new0 (FrameSteps, 1);
  steps->items = g_ptr_array_ref (items);
  steps->step = step;
  steps->next = first;
  g_object_set_data_full (G_OBJECT (widget), name, steps, frame_steps_free);
  steps->tick_id = gtk_widget_add_tick_callback (widget, on_tick, steps, NULL);
  n_running++;
}

/**
 * integrity_frame_steps_start:
 * @widget: whose frame clock paces the steps; they stop if it is destroyed
 * @name: which of @widget's step lists this is
 * @items: (transfer none): what to pass to @step, in order (kept by reference)
 * @step: called with each item, one per frame, from the frame after next
 *
 * Steps of the same name still waiting are run at once first, so none is
 * ever lost.
 */
void
integrity_frame_steps_start (GtkWidget          *widget,
                             const char         *name,
                             GPtrArray          *items,
                             IntegrityFrameStep  step)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && items != NULL && step != NULL);

  start_from (widget, name, items, step, 0);
}

/**
 * integrity_frame_steps_first_now:
 * @widget: whose frame clock paces the steps, and whose showing decides
 * @name: which of @widget's step lists this is
 * @items: (transfer none): what to pass to @step, in order (kept by reference)
 * @step: called with each item
 *
 * For new figures in widgets already shown: runs the steps of @name still
 * waiting, then @step on the first item now and on each other one a frame
 * after the one before. When @widget is not on screen nothing is painted,
 * so every step runs now.
 */
void
integrity_frame_steps_first_now (GtkWidget          *widget,
                                 const char         *name,
                                 GPtrArray          *items,
                                 IntegrityFrameStep  step)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && items != NULL && step != NULL);

  /* Older steps first, so they never come back over these. */
  integrity_frame_steps_finish (widget, name);
  if (!gtk_widget_get_mapped (widget))
    {
      for (guint i = 0; i < items->len; i++)
        step (g_ptr_array_index (items, i));
      return;
    }
  if (items->len > 0)
    step (g_ptr_array_index (items, 0));
  start_from (widget, name, items, step, 1);
}

/**
 * integrity_frame_steps_finish:
 *
 * Runs at once the steps @name of @widget still has.
 *
 * Returns: whether there were any
 */
gboolean
integrity_frame_steps_finish (GtkWidget  *widget,
                              const char *name)
{
  FrameSteps *steps;
  gboolean any;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  steps = g_object_get_data (G_OBJECT (widget), name);
  if (steps == NULL)
    return FALSE;
  any = steps->tick_id != 0;
  if (any)
    {
      gtk_widget_remove_tick_callback (widget, steps->tick_id);
      frame_steps_stop (steps);
    }
  while (steps->next < steps->items->len)
    steps->step (g_ptr_array_index (steps->items, steps->next++));
  g_object_set_data (G_OBJECT (widget), name, NULL);
  return any;
}

/**
 * integrity_frame_steps_pending:
 *
 * Returns: whether any widget has steps still to run
 */
gboolean
integrity_frame_steps_pending (void)
{
  return n_running > 0;
}

static void
on_before_paint (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  _integrity_thread_frame_begin ();
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  _integrity_thread_frame_end ();
}

static void
hold_workers_from (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_return_if_fail (clock != NULL);
  g_signal_connect_object (clock, "before-paint", G_CALLBACK (on_before_paint), window, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static void
hold_workers_until (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_before_paint, window);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
    }
  _integrity_thread_frame_end ();
}

/**
 * integrity_frame_steps_hold_workers:
 * @window: the app's window
 *
 * While @window paints a frame, the library's background work (store
 * queries, chart drawings) waits, for at most a frame's time: on a
 * two-core machine the frame and the display server then have both
 * cores. Call once, on the main window.
 */
void
integrity_frame_steps_hold_workers (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  g_signal_connect_after (window, "realize", G_CALLBACK (hold_workers_from), NULL);
  g_signal_connect (window, "unrealize", G_CALLBACK (hold_workers_until), NULL);
  if (gtk_widget_get_realized (window))
    hold_workers_from (window);
}
