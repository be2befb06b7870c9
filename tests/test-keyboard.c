/* test-keyboard.c — every page usable from the keyboard alone: Tab reaches each control. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

typedef ItestSession Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  itest_session_set_up (f, (const char * const[]) { "recording-rate", "victim-care", "training", NULL });
  itest_session_generate_demo (f, 1, 1);
  f->window = integrity_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static gboolean
is_ancestor_or_self (GtkWidget *widget,
                     GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

/* Presses Tab (integrity_window_move_focus(), what the window's Tab does)
 * until focus comes back to a control it has been on; returns the stops. */
static GPtrArray *
tab_round (IntegrityWindow *window)
{
  GPtrArray *stops = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 500; i++)
    {
      GtkWidget *focus;

      g_assert_true (integrity_window_move_focus (window, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (g_getenv ("ITEST_DEBUG_FOCUS") != NULL)
        g_printerr ("%u %s %p\n", i, G_OBJECT_TYPE_NAME (focus), (gpointer) focus);
      if (!g_hash_table_add (seen, focus))
        break;  /* round again */
      g_ptr_array_add (stops, focus);
    }
  /* A person gets round the page in a reasonable number of presses: no list
   * or trap swallows Tab. */
  g_assert_cmpuint (stops->len, <, 500);
  return stops;
}

static void
test_tab_through_page (Fixture       *f,
                       gconstpointer  data)
{
  const char *page_id = data;
  GtkWidget *page;
  g_autoptr(GPtrArray) stops = NULL;
  gboolean reached_page = FALSE, reached_chart = FALSE, reached_tile = FALSE;
  gboolean reached_sidebar = FALSE, reached_header = FALSE;
  GtkWidget *sidebar_list = NULL;
  /* Loaded: the overview's tiles, a plugin page's charts. */
  GType loaded = g_str_equal (page_id, "overview") ? INTEGRITY_TYPE_KPI_TILE : INTEGRITY_TYPE_CHART_VIEW;

  g_assert_true (integrity_window_show_page (f->window, page_id));
  page = integrity_window_get_page (f->window, page_id);
  g_assert_true (itest_wait_for_mapped (page, loaded, 1, 20000));
  itest_spin (200);

  stops = tab_round (f->window);
  g_test_message ("%s: %u focus stops", page_id, stops->len);
  g_assert_cmpuint (stops->len, >=, 5);

  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);
      GtkWidget *list = gtk_widget_get_ancestor (stop, GTK_TYPE_LIST_BOX);

      /* Focus only ever lands where a person can see it. */
      g_assert_true (gtk_widget_is_drawable (stop));
      reached_page |= is_ancestor_or_self (stop, page);
      reached_chart |= INTEGRITY_IS_CHART_VIEW (stop);
      reached_tile |= INTEGRITY_IS_KPI_TILE (stop);
      reached_header |= GTK_IS_DROP_DOWN (stop) || gtk_widget_get_ancestor (stop, GTK_TYPE_DROP_DOWN) != NULL;
      if (list != NULL && !is_ancestor_or_self (list, page))
        {
          reached_sidebar = TRUE;
          sidebar_list = list;
        }
    }
  g_assert_true (reached_page);
  g_assert_true (reached_sidebar);
  g_assert_true (reached_header);  /* the period and district */
  if (g_str_equal (page_id, "overview"))
    g_assert_true (reached_tile);
  else
    g_assert_true (reached_chart);

  /* Shift+Tab goes back the same way. */
  gtk_window_set_focus (GTK_WINDOW (f->window), g_ptr_array_index (stops, 2));
  g_assert_true (integrity_window_move_focus (f->window, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == g_ptr_array_index (stops, 1));
  g_assert_nonnull (sidebar_list);
}

/* Every page is reached from the keyboard: the sidebar's rows, Ctrl+Page Down
 * (win.next-page) and Alt+1 (win.show-overview). */
static void
test_pages_by_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  static const char *order[] = { "overview", "recording-rate", "victim-care", "training" };

  g_assert_true (integrity_window_show_page (f->window, "overview"));
  itest_spin (50);
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-page", NULL));
      itest_spin (20);
      g_assert_cmpstr (integrity_window_get_visible_page (f->window), ==, order[i]);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL));
  itest_spin (20);
  g_assert_cmpstr (integrity_window_get_visible_page (f->window), ==, "overview");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func, data) g_test_add ("/keyboard/" name, Fixture, data, fixture_set_up, func, itest_session_tear_down)
  ADD ("tab/overview", test_tab_through_page, "overview");
  ADD ("tab/recording-rate", test_tab_through_page, "recording-rate");
  ADD ("tab/victim-care", test_tab_through_page, "victim-care");
  ADD ("tab/training", test_tab_through_page, "training");
  ADD ("pages", test_pages_by_keyboard, NULL);
#undef ADD

  return g_test_run ();
}
