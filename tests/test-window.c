/* test-window.c — the window as a person sees it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-overview.h"
#include "integrity-preferences.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

typedef struct
{
  char             *dir;
  IntegritySession *session;
  GSettings        *settings;
  IntegrityWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = itest_make_temp_dir ();
  path = g_build_filename (f->dir, "store.sqlite", NULL);
  f->session = integrity_session_new (path, &error);
  g_assert_no_error (error);
  f->settings = g_object_ref (integrity_session_get_settings (f->session));
  g_settings_set_strv (f->settings, "active-plugins", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  itest_spin (10);
  g_settings_reset (f->settings, "active-plugins");
  g_settings_reset (f->settings, "last-page");
  g_clear_object (&f->session);
  g_clear_object (&f->settings);
  itest_remove_tree (f->dir);
  g_free (f->dir);
}

static void
open_window (Fixture *f)
{
  f->window = integrity_window_new (NULL, f->session);
  gtk_window_present (GTK_WINDOW (f->window));
}

static gboolean
overview_settled (gpointer data)
{
  Fixture *f = data;
  GtkWidget *overview = integrity_window_get_page (f->window, "overview");
  GtkWidget *stack = gtk_widget_get_first_child (overview);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "loading") != 0;
}

static void
test_empty_store_shows_empty_state (Fixture       *f,
                                    gconstpointer  data)
{
  open_window (f);
  g_assert_true (itest_wait_until (overview_settled, f, 5000));

  g_assert_cmpstr (integrity_window_get_visible_page (f->window), ==, "overview");
  g_assert_true (integrity_overview_is_empty (INTEGRITY_OVERVIEW (integrity_window_get_page (f->window, "overview"))));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "No Data Yet"));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Explore Demo Data"));
}

static void
test_plugin_page_comes_and_goes (Fixture       *f,
                                 gconstpointer  data)
{
  open_window (f);

  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "test-addin", NULL });
  itest_spin (20);
  g_assert_nonnull (integrity_window_get_page (f->window, "test-addin"));
  g_assert_true (integrity_window_show_page (f->window, "test-addin"));
  itest_spin (20);
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Test add-in page"));

  /* Switched off while showing: the page goes and the overview returns. */
  g_settings_set_strv (f->settings, "active-plugins", NULL);
  itest_spin (20);
  g_assert_null (integrity_window_get_page (f->window, "test-addin"));
  g_assert_cmpstr (integrity_window_get_visible_page (f->window), ==, "overview");
  g_assert_false (integrity_window_show_page (f->window, "test-addin"));
}

static void
test_demo_store_shows_figures (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "test-addin", NULL });
  g_assert_true (integrity_session_generate_demo (f->session, 1, 1, &error));
  g_assert_no_error (error);

  open_window (f);
  g_assert_true (itest_wait_until (overview_settled, f, 5000));
  itest_spin (50);
  g_assert_false (integrity_overview_is_empty (INTEGRITY_OVERVIEW (integrity_window_get_page (f->window, "overview"))));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Test events"));
  /* The demo store is marked as such in the title. */
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "DEMO DATA"));
}

static void
test_preferences_lists_plugins (Fixture       *f,
                                gconstpointer  data)
{
  IntegrityPreferences *preferences;
  GtkWidget *row;

  g_settings_set_strv (f->settings, "active-plugins",
                       (const char * const[]) { "test-addin", "wrong-abi", NULL });
  itest_spin (20);
  open_window (f);
  preferences = integrity_preferences_new (GTK_WINDOW (f->window), f->session);
  gtk_window_present (GTK_WINDOW (preferences));
  itest_spin (20);

  row = integrity_preferences_get_plugin_row (preferences, "wrong-abi");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "plugin interface 99"));

  /* Switching the test plugin off in Preferences removes its page live. */
  row = integrity_preferences_get_plugin_row (preferences, "test-addin");
  g_assert_nonnull (integrity_window_get_page (f->window, "test-addin"));
  gtk_switch_set_active (GTK_SWITCH (g_object_get_data (G_OBJECT (row), "toggle")), FALSE);
  itest_spin (20);
  g_assert_null (integrity_window_get_page (f->window, "test-addin"));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

typedef struct
{
  GtkWidget *root;
  GType      type;
  guint      n;
} CountWait;

static gboolean
enough_widgets (gpointer data)
{
  CountWait *wait = data;
  return count_widgets (wait->root, wait->type) >= wait->n;
}

static GtkWidget *
find_dropdown (GtkWidget  *widget,
               const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dropdown (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_appears (gpointer data)
{
  LabelWait *wait = data;
  return itest_label_in_tree (wait->root, wait->text);
}

/* The recording-rate page on the demo store: the headline, three tiles,
 * five charts; the overview shows the same figures as tiles. */
static void
test_recording_rate_page_on_demo (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CountWait charts = { NULL, INTEGRITY_TYPE_CHART_VIEW, 5 };
  CountWait tiles = { NULL, INTEGRITY_TYPE_KPI_TILE, 3 };

  if (integrity_plugin_engine_get_plugin (integrity_session_get_engine (f->session), "recording-rate") == NULL)
    {
      g_test_skip ("The recording-rate plugin is not built");
      return;
    }
  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "recording-rate", NULL });
  g_assert_true (integrity_session_generate_demo (f->session, 1, 5, &error));
  g_assert_no_error (error);
  open_window (f);

  tiles.root = GTK_WIDGET (f->window);
  g_assert_true (itest_wait_until (enough_widgets, &tiles, 10000));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Crime recording rate"));

  g_assert_true (integrity_window_show_page (f->window, "recording-rate"));
  charts.root = integrity_window_get_page (f->window, "recording-rate");
  g_assert_true (itest_wait_until (enough_widgets, &charts, 10000));
  tiles.root = charts.root;
  g_assert_cmpuint (count_widgets (tiles.root, INTEGRITY_TYPE_KPI_TILE), ==, 3);
  g_assert_true (itest_label_in_tree (charts.root, "crimes that should have been recorded were"));
  {
    LabelWait drill = { charts.root, "audited incidents." };
    g_assert_true (itest_wait_until (label_appears, &drill, 5000));
  }

  /* A district filter reloads the page for that district. */
  {
    g_autoptr(IntegrityFilter) filter = integrity_filter_copy (integrity_context_get_filter (integrity_session_get_context (f->session)));
    g_free (filter->district);
    filter->district = g_strdup ("Eastfield");
    integrity_context_set_filter (integrity_session_get_context (f->session), filter);
  }
  {
    LabelWait district = { charts.root, "all districts" };
    LabelWait eastfield = { charts.root, "Eastfield:" };
    g_assert_true (itest_wait_until (label_appears, &eastfield, 5000));
    g_assert_false (label_appears (&district));
  }
  /* The header shows the filter it was given. */
  {
    GtkWidget *dropdown = find_dropdown (GTK_WIDGET (f->window), "District");
    GtkStringObject *item = NULL;

    g_assert_nonnull (dropdown);
    item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Eastfield");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty-store-shows-empty-state", test_empty_store_shows_empty_state);
  ADD ("plugin-page-comes-and-goes", test_plugin_page_comes_and_goes);
  ADD ("demo-store-shows-figures", test_demo_store_shows_figures);
  ADD ("preferences-lists-plugins", test_preferences_lists_plugins);
  ADD ("recording-rate-page-on-demo", test_recording_rate_page_on_demo);
#undef ADD

  return g_test_run ();
}
