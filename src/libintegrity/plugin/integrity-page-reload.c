/* integrity-page-reload.c — a page reads the store again only when it is on screen. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-page-reload.h"
#include "chart/integrity-frame-steps.h"

/* A filter change or an import reached every page at once, and each hidden
 * page ran its queries and rebuilt its charts alongside the one a person
 * is looking at: four pages' work on two cores and one main loop. A hidden
 * page now only notes that it is out of date, and reads the store when it
 * is next shown. */

#define RELOAD_KEY "integrity-page-reload"

typedef struct
{
  IntegrityPageReload reload;
  gulong              map_handler;
} PendingReload;

static void
on_page_mapped (GtkWidget *page,
                gpointer   user_data)
{
  PendingReload *pending = g_object_get_data (G_OBJECT (page), RELOAD_KEY);
  IntegrityPageReload reload;

  if (pending == NULL)
    return;
  reload = pending->reload;
  g_signal_handler_disconnect (page, pending->map_handler);
  g_object_set_data (G_OBJECT (page), RELOAD_KEY, NULL);
  reload (page);
}

/**
 * integrity_page_reload_when_shown:
 * @page: a plugin's page (or the overview)
 * @reload: reads the store and shows the figures for the current filter
 *
 * Calls @reload now if @page is on screen; otherwise once, when @page is
 * next mapped, however many times this was called meanwhile.
 */
void
integrity_page_reload_when_shown (GtkWidget           *page,
                                  IntegrityPageReload  reload)
{
  PendingReload *pending;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (reload != NULL);

  pending = g_object_get_data (G_OBJECT (page), RELOAD_KEY);
  if (gtk_widget_get_mapped (page))
    {
      if (pending != NULL)
        {
          g_signal_handler_disconnect (page, pending->map_handler);
          g_object_set_data (G_OBJECT (page), RELOAD_KEY, NULL);
        }
      reload (page);
      return;
    }
  if (pending == NULL)
    {
      pending = g_new0 (PendingReload, 1);
      pending->map_handler = g_signal_connect (page, "map", G_CALLBACK (on_page_mapped), NULL);
      g_object_set_data_full (G_OBJECT (page), RELOAD_KEY, pending, g_free);
    }
  pending->reload = reload;
}

/* TRUE when @page is hidden and out of date: it reloads when next shown. */
gboolean
integrity_page_has_reload_due (GtkWidget *page)
{
  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);
  return g_object_get_data (G_OBJECT (page), RELOAD_KEY) != NULL;
}

/* A page's first showing measured, laid out and painted all of its
 * sections in one frame: 20–40 ms of the main thread with GTK's Cairo
 * renderer, where a frame has 16. Shown a piece per frame, no frame holds
 * more than one tile or chart of new layout. Later showings reuse what
 * those frames worked out, so only the first is spread out. */

#define REVEALED_KEY "integrity-page-revealed"
#define REVEAL_STEPS "integrity-page-reveal-steps"

static void
show_widget (gpointer widget)
{
  gtk_widget_set_visible (widget, TRUE);
}

/* The plain box @widget wraps, when that is its only child and @widget is
 * not a card (a card appears whole); NULL otherwise. */
static GtkWidget *
wrapped_box (GtkWidget *widget)
{
  GtkWidget *inner = gtk_widget_get_first_child (widget);

  if (inner == NULL || gtk_widget_get_next_sibling (inner) != NULL || G_OBJECT_TYPE (inner) != GTK_TYPE_BOX
      || gtk_widget_has_css_class (widget, "card"))
    return NULL;
  return inner;
}

/* Hides @container's visible children after the first, adding them to
 * @hidden top to bottom, each followed by its own parts:
 * - depth 0, the sections: a box, flow box or grid shows its items a step
 *   each (tiles and charts are the costly part);
 * - depth 1, an item: one that wraps a box (a training cohort section)
 *   shows that box's parts a step each;
 * - depth 2, such a part: a plain box shows its parts a step each.
 * A cohort section revealed whole was a frame of 10-20 ms at scale 50. */
static void
hide_after_first (GtkWidget *container,
                  GPtrArray *hidden,
                  guint      depth)
{
  gboolean first = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *parts = NULL;

      if (!gtk_widget_get_visible (child))
        continue;
      if (!first)
        {
          gtk_widget_set_visible (child, FALSE);
          g_ptr_array_add (hidden, g_object_ref (child));
        }
      first = FALSE;
      if (depth == 1)
        parts = wrapped_box (child);
      else if ((depth == 0 && (GTK_IS_BOX (child) || GTK_IS_FLOW_BOX (child) || GTK_IS_GRID (child)))
               || (depth == 2 && G_OBJECT_TYPE (child) == GTK_TYPE_BOX))
        parts = child;
      if (parts != NULL)
        hide_after_first (parts, hidden, depth + 1);
    }
}

/**
 * integrity_page_reveal_in_steps:
 * @sections: the box holding a page's sections, top to bottom
 *
 * Call it each time the page has new figures, before it shows or hides
 * any of @sections' items itself. The first time, it shows only the first
 * of @sections' visible children, then one more per frame: each section,
 * each item of a section that is a box, flow box or grid, and the parts of
 * an item that wraps a box (not a card). So no single frame lays out and
 * paints the whole page. A later call shows at once
 * what is still waiting; the page's own showing and hiding after it stand.
 */
void
integrity_page_reveal_in_steps (GtkWidget *sections)
{
  g_autoptr(GPtrArray) hidden = NULL;

  g_return_if_fail (GTK_IS_WIDGET (sections));

  if (g_object_get_data (G_OBJECT (sections), REVEALED_KEY) != NULL)
    {
      integrity_frame_steps_finish (sections, REVEAL_STEPS);
      return;
    }
  g_object_set_data (G_OBJECT (sections), REVEALED_KEY, GINT_TO_POINTER (TRUE));
  hidden = g_ptr_array_new_with_free_func (g_object_unref);
  hide_after_first (sections, hidden, 0);
  integrity_frame_steps_start (sections, REVEAL_STEPS, hidden, show_widget);
}

/**
 * integrity_pages_are_settling:
 *
 * Returns: %TRUE while a page is still putting its sections, or new
 * figures into its tiles, on screen a frame at a time (screenshots wait).
 */
gboolean
integrity_pages_are_settling (void)
{
  return integrity_frame_steps_pending ();
}
