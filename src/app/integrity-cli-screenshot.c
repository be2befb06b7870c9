/* integrity-cli-screenshot.c — integrity screenshot OUT.png: the window, rendered to PNG. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-cli-private.h"
#include "integrity-overview.h"
#include "integrity-screenshot.h"
#include "integrity-window.h"

#define LOAD_TIMEOUT_MS 15000

int
integrity_cli_run_screenshot (int   argc,
                              char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autofree char *page = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = NULL;
  IntegrityWindow *window;
  gboolean dark = FALSE;
  int width = 1280, height = 820;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("The page to show: overview or a plugin id"), N_("ID") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1280)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 820)"), "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark style"), NULL },
    { NULL }
  };

  if (!integrity_cli_parse_options ("screenshot", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  if (argc != 3)
    {
      g_printerr ("integrity screenshot: %s\n", _("give one OUT.png"));
      return INTEGRITY_EXIT_USAGE;
    }
  if (width < 200 || height < 200 || width > 8000 || height > 8000)
    {
      g_printerr ("integrity screenshot: %s\n", _("--width and --height must be between 200 and 8000"));
      return INTEGRITY_EXIT_USAGE;
    }
  if (store_path != NULL && !g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("integrity screenshot: %s: %s\n", store_path, _("no such store"));
      return INTEGRITY_EXIT_STORE;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("integrity screenshot: %s\n", _("needs a display; try xvfb-run"));
      return INTEGRITY_EXIT_USAGE;
    }
  adw_init ();
  /* No crossfades half way through when the picture is taken. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  integrity_window_add_style (gdk_display_get_default ());
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  session = integrity_cli_open_session ("screenshot", store_path, &status);
  if (session == NULL)
    return status;

  /* The filter the header bar would choose, so pages load once, for it. */
  filter = integrity_cli_parse_filter ("screenshot", session, NULL, NULL, NULL, &status);
  if (filter == NULL)
    return status;
  integrity_context_set_filter (integrity_session_get_context (session), filter);

  window = integrity_window_new (NULL, session);
  if (!integrity_window_show_page (window, page != NULL ? page : "overview"))
    {
      g_printerr (_("integrity screenshot: no page '%s'; pages are overview and the active plugins' ids\n"),
                  page);
      gtk_window_destroy (GTK_WINDOW (window));
      return INTEGRITY_EXIT_USAGE;
    }
  if (!integrity_screenshot_window (window, width, height, LOAD_TIMEOUT_MS, argv[2], &error))
    {
      g_printerr ("integrity screenshot: %s\n", error->message);
      status = INTEGRITY_EXIT_BAD_INPUT;
    }
  else
    g_print ("%s: %d×%d\n", argv[2], width, height);
  gtk_window_destroy (GTK_WINDOW (window));
  return status;
}
