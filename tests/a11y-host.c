/* a11y-host.c — the window on a demo store, driven over stdin, for the AT-SPI check. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <gio/gunixinputstream.h>

#include <integrity.h>

#include "integrity-session.h"
#include "integrity-screenshot.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

/* tests/check-atspi.py starts this with a fresh store folder as its
 * argument, then writes "show PAGE" lines; each is answered "shown PAGE"
 * once the page's figures have arrived. End of input quits. */

typedef struct
{
  IntegrityWindow *window;
  const char      *page;
} Wait;

static gboolean
page_loaded (gpointer data)
{
  Wait *wait = data;
  GtkWidget *page = integrity_window_get_page (wait->window, wait->page);

  if (page == NULL || !integrity_screenshot_page_is_loaded (page))
    return FALSE;
  if (g_str_equal (wait->page, "overview"))
    return itest_count_mapped (page, INTEGRITY_TYPE_KPI_TILE) > 0;
  return itest_count_mapped (page, INTEGRITY_TYPE_CHART_VIEW) > 0;
}

/* Nothing left for the main loop to do: a page's lists fill in a chunk per
 * turn after its figures arrive, and a screen reader's questions are
 * answered in the same loop (a sanitizer build took longer than AT-SPI's
 * reply timeout when the walk began mid-fill). */
static gboolean
main_loop_idle (gpointer data)
{
  return !g_main_context_pending (NULL);
}

typedef struct
{
  IntegrityWindow  *window;
  GDataInputStream *input;
  GMainLoop        *loop;
} Host;

static void read_next (Host *host);

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Host *host = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (host->input, result, NULL, NULL);

  if (line == NULL)
    {
      g_main_loop_quit (host->loop);
      return;
    }
  g_strstrip (line);
  if (g_str_has_prefix (line, "show "))
    {
      Wait wait = { host->window, line + 5 };

      if (integrity_window_show_page (host->window, wait.page) && itest_wait_until (page_loaded, &wait, 20000)
          && itest_wait_until (main_loop_idle, NULL, 20000))
        {
          itest_spin (300);
          printf ("shown %s\n", wait.page);
        }
      else
        printf ("failed %s\n", wait.page);
      fflush (stdout);
    }
  read_next (host);
}

/* Lines are read without blocking: the main loop must keep answering the
 * screen reader's questions while the check walks the tree. */
static void
read_next (Host *host)
{
  g_data_input_stream_read_line_async (host->input, G_PRIORITY_DEFAULT, NULL, on_line, host);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *path = NULL;
  Host host = { NULL, NULL, NULL };

  if (argc != 2)
    {
      g_printerr ("usage: a11y-host STORE-FOLDER\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  path = g_build_filename (argv[1], "store.sqlite", NULL);
  session = integrity_session_new (path, &error);
  if (session == NULL || !integrity_session_generate_demo (session, 1, 1, &error))
    {
      g_printerr ("a11y-host: %s\n", error->message);
      return 1;
    }
  g_settings_set_strv (integrity_session_get_settings (session), "active-plugins",
                       (const char * const[]) { "recording-rate", "victim-care", "training", NULL });
  host.window = integrity_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (host.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (host.window));

  in = g_unix_input_stream_new (0, FALSE);
  host.input = g_data_input_stream_new (in);
  host.loop = g_main_loop_new (NULL, FALSE);
  read_next (&host);
  g_main_loop_run (host.loop);

  gtk_window_destroy (GTK_WINDOW (host.window));
  itest_spin (20);
  g_object_unref (host.input);
  g_main_loop_unref (host.loop);
  return 0;
}
