/* main.c — the window or a command, from the same binary. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <integrity.h>

#include "integrity-application.h"
#include "integrity-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IntegrityApplication) app = NULL;

  setlocale (LC_ALL, "");
  integrity_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  /* `integrity demo …`, `integrity check …`: no window, no display needed. */
  if (argc > 1 && integrity_cli_is_command (argv[1]))
    return integrity_cli_run (argc, argv);

  app = integrity_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
