/* integrity-page-reload.c — a page reads the store again only when it is on screen. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-page-reload.h"

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
