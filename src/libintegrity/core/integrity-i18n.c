/* integrity-i18n.c — binding the translations. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-i18n.h"

/**
 * integrity_i18n_init:
 *
 * Binds the `integrity` gettext domain, which the app, the library and every
 * bundled plugin share, to its locale folder, in UTF-8. The folder is
 * `$INTEGRITY_LOCALEDIR` when set (the build tree's `po/` for tests and
 * `meson devenv`), else the installed one. Safe to call more than once: the
 * app calls it from main() and each plugin's register function through
 * integrity_plugin_register(), so a plugin loaded by any host is translated.
 *
 * Returns: the folder bound
 */
const char *
integrity_i18n_init (void)
{
  static gsize bound = 0;
  static const char *dir;

  if (g_once_init_enter (&bound))
    {
      const char *env = g_getenv ("INTEGRITY_LOCALEDIR");
      const char *chosen = env != NULL && env[0] != '\0' ? g_intern_string (env) : LOCALEDIR;

      bindtextdomain (GETTEXT_PACKAGE, chosen);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      dir = chosen;
      g_once_init_leave (&bound, 1);
    }

  return dir;
}
