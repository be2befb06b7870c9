/* test-i18n.c — the app in Welsh, and Help (F1) with the briefing's method text. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <integrity.h>

#include "integrity-help-window.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

/* No plugin is on: a test switches on those it needs. */
typedef ItestSession Fixture;

static void
open_window (Fixture *f)
{
  itest_session_open_window (f);
  g_assert_true (itest_wait_for_overview (f->window, 10000));
  itest_spin (50);
}

/* The catalogue itself: built, found and Welsh. */
static void
test_catalogue_is_welsh (void)
{
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "No Data Yet"), ==, "Dim Data Eto");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Overview"), ==, "Trosolwg");
  /* Plural forms: Welsh has four; 2 is its own form. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", 2), ==, "%d diwrnod");
}

static void
test_window_starts_in_welsh (Fixture       *f,
                             gconstpointer  data)
{
  open_window (f);
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Dim Data Eto"));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Archwilio Data Demo"));
  g_assert_false (itest_label_in_tree (GTK_WIDGET (f->window), "No Data Yet"));
}

/* ITEST_SCREENSHOT_DIR=…: keep a PNG of the (virtual) screen as it is
 * now, to look at; ImageMagick's import reads the X display. */
static void
maybe_save_screen (const char *name)
{
  const char *dir = g_getenv ("ITEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  itest_spin (300);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static IntegrityHelpWindow *
find_help_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (INTEGRITY_IS_HELP_WINDOW (window))
        return INTEGRITY_HELP_WINDOW (window);
    }
  return NULL;
}

static gboolean
help_ready (gpointer data)
{
  return integrity_help_window_is_ready (data);
}

/* F1's action opens Help; it shows the briefing's method text, the shared
 * note and each active plugin's notes, in Welsh. */
static void
test_help_shows_method_in_welsh (Fixture       *f,
                                 gconstpointer  data)
{
  IntegrityHelpWindow *help;

  g_settings_set_strv (f->settings, "active-plugins",
                       (const char * const[]) { "recording-rate", "victim-care", NULL });
  itest_session_generate_demo (f, 1, 1);
  open_window (f);
  /* Plugin names come from the merged .plugin files (Name[cy]=…). */
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Gofal Dioddefwyr"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.help", NULL));
  help = find_help_window ();
  g_assert_nonnull (help);
  g_assert_true (itest_wait_until (help_ready, help, 30000));
  itest_spin (50);

  g_assert_true (itest_label_in_tree (GTK_WIDGET (help), "Sut Mae’r Ffigurau’n Cael eu Cyfrifo"));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (help), integrity_briefing_get_general_method_note ()));
  g_assert_true (g_str_has_prefix (integrity_briefing_get_general_method_note (), "Mae pob ffigur"));
  /* The recording-rate and victim-care plugins' own notes, as on the method page. */
  g_assert_true (itest_label_in_tree (GTK_WIDGET (help), "Cyfradd cofnodi = troseddau a gofnodwyd"));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (help), "Cod y Dioddefwyr"));
  maybe_save_screen ("help-cy.png");
  gtk_window_destroy (GTK_WINDOW (help));
}

int
main (int   argc,
      char *argv[])
{
  /* The test environment sets LC_ALL=C.UTF-8; with glibc ≥ 2.35 LANGUAGE
   * then chooses the catalogue (in plain "C" it would be ignored). */
  g_setenv ("LANGUAGE", "cy", TRUE);
  /* As main() does, first: g_dgettext() translates in C.UTF-8 only when the
   * program has chosen its default domain (it decides once, at first use). */
  setlocale (LC_ALL, "");
  integrity_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/i18n/catalogue-is-welsh", test_catalogue_is_welsh);
#define ADD(name, func) g_test_add ("/i18n/" name, Fixture, NULL, itest_session_set_up, func, itest_session_tear_down)
  ADD ("window-starts-in-welsh", test_window_starts_in_welsh);
  ADD ("help-shows-method-in-welsh", test_help_shows_method_in_welsh);
#undef ADD

  return g_test_run ();
}
