/* test-window.c — the window as a person sees it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "core/integrity-thread.h"
#include "integrity-overview.h"
#include "integrity-preferences.h"
#include "integrity-screenshot.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

/* No plugin is on: a test switches on those it needs. */
typedef ItestSession Fixture;

static void
test_empty_store_shows_empty_state (Fixture       *f,
                                    gconstpointer  data)
{
  itest_session_open_window (f);
  g_assert_true (itest_wait_for_overview (f->window, 5000));

  g_assert_cmpstr (integrity_window_get_visible_page (f->window), ==, "overview");
  g_assert_true (integrity_overview_is_empty (INTEGRITY_OVERVIEW (integrity_window_get_page (f->window, "overview"))));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "No Data Yet"));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Explore Demo Data"));
}

static void
test_plugin_page_comes_and_goes (Fixture       *f,
                                 gconstpointer  data)
{
  itest_session_open_window (f);

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
  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "test-addin", NULL });
  itest_session_generate_demo (f, 1, 1);

  itest_session_open_window (f);
  g_assert_true (itest_wait_for_overview (f->window, 5000));
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
  itest_session_open_window (f);
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

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The window on a demo store with the recording-rate plugin on; FALSE (the
 * test skipped) where the plugin is not built. */
static gboolean
open_recording_rate_demo (Fixture *f)
{
  if (integrity_plugin_engine_get_plugin (integrity_session_get_engine (f->session), "recording-rate") == NULL)
    {
      g_test_skip ("The recording-rate plugin is not built");
      return FALSE;
    }
  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "recording-rate", NULL });
  itest_session_generate_demo (f, 1, 5);
  itest_session_open_window (f);
  return TRUE;
}

/* The recording-rate page on the demo store: the headline, three tiles,
 * five charts; the overview shows the same figures as tiles. */
static void
test_recording_rate_page_on_demo (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *page;

  if (!open_recording_rate_demo (f))
    return;

  g_assert_true (itest_wait_for_mapped (GTK_WIDGET (f->window), INTEGRITY_TYPE_KPI_TILE, 3, 10000));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "Crime recording rate"));

  g_assert_true (integrity_window_show_page (f->window, "recording-rate"));
  page = integrity_window_get_page (f->window, "recording-rate");
  g_assert_true (itest_wait_for_mapped (page, INTEGRITY_TYPE_CHART_VIEW, 5, 10000));
  g_assert_cmpuint (itest_count_mapped (page, INTEGRITY_TYPE_KPI_TILE), ==, 3);
  g_assert_true (itest_label_in_tree (page, "crimes that should have been recorded were"));
  /* The latest month's audit (3,600 incidents) is more than the drill-down lists. */
  g_assert_true (itest_wait_for_label (page, "incidents, newest first.", TRUE, 5000));

  /* A district filter reloads the page for that district. */
  {
    g_autoptr(IntegrityFilter) filter = integrity_filter_copy (integrity_context_get_filter (integrity_session_get_context (f->session)));
    g_free (filter->district);
    filter->district = g_strdup ("Eastfield");
    integrity_context_set_filter (integrity_session_get_context (f->session), filter);
  }
  g_assert_true (itest_wait_for_label (page, "Eastfield:", TRUE, 5000));
  g_assert_false (itest_label_in_tree (page, "all districts"));
  /* The header shows the filter it was given. */
  {
    GtkWidget *dropdown = itest_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, has_tooltip, "District");
    GtkStringObject *item = NULL;

    g_assert_nonnull (dropdown);
    item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Eastfield");
  }
}

static void
count_change (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              guint      *changes)
{
  (*changes)++;
}

static gboolean
lists_district (gpointer dropdown)
{
  GListModel *districts = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (districts), i), "Fernhill") == 0)
      return TRUE;
  return FALSE;
}

/* The store changes (an import that brings a new district, no new month):
 * the district list gains that row in one change, the months' lists are
 * left alone, and the chosen district stays chosen. A national store lists
 * hundreds of districts: rebuilding the lists row by row froze the window. */
static void
test_filter_lists_change_only_where_the_store_did (Fixture       *f,
                                                   gconstpointer  data)
{
  GtkWidget *districts, *from;
  guint district_changes = 0, month_changes = 0, n_districts, n_months;
  IntegrityContext *context;
  g_autoptr(GError) error = NULL;

  if (!open_recording_rate_demo (f))
    return;
  g_assert_true (itest_wait_for_overview (f->window, 10000));
  districts = itest_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, has_tooltip, "District");
  from = itest_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, has_tooltip, "First month of the period");
  g_assert_nonnull (districts);
  g_assert_nonnull (from);
  context = integrity_session_get_context (f->session);
  {
    g_autoptr(IntegrityFilter) filter = integrity_filter_copy (integrity_context_get_filter (context));
    g_free (filter->district);
    filter->district = g_strdup ("Westmoor");
    integrity_context_set_filter (context, filter);
  }
  n_districts = g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (districts)));
  n_months = g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (from)));
  g_signal_connect (gtk_drop_down_get_model (GTK_DROP_DOWN (districts)), "items-changed",
                    G_CALLBACK (count_change), &district_changes);
  g_signal_connect (gtk_drop_down_get_model (GTK_DROP_DOWN (from)), "items-changed",
                    G_CALLBACK (count_change), &month_changes);

  g_assert_cmpint (integrity_store_ensure_district (integrity_context_get_store (context), "Fernhill", &error), >, 0);
  g_assert_no_error (error);
  integrity_store_notify_changed (integrity_context_get_store (context), "core");
  g_assert_true (itest_wait_until (lists_district, districts, 5000));

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (districts))), ==, n_districts + 1);
  g_assert_cmpuint (district_changes, ==, 1);
  g_assert_cmpuint (month_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (from))), ==, n_months);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (districts))),
                   ==, "Westmoor");
  g_assert_cmpstr (integrity_context_get_filter (context)->district, ==, "Westmoor");
  g_signal_handlers_disconnect_by_data (gtk_drop_down_get_model (GTK_DROP_DOWN (districts)), &district_changes);
  g_signal_handlers_disconnect_by_data (gtk_drop_down_get_model (GTK_DROP_DOWN (from)), &month_changes);
}

static gboolean
has_rows (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

/* The drill-down below the charts is filled when scrolled to, not before. */
static void
test_drill_down_fills_in_view (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *page, *table, *table_scroller;
  GtkScrolledWindow *page_scroller;
  GtkAdjustment *adjustment;
  GListModel *rows;

  if (!open_recording_rate_demo (f))
    return;
  g_assert_true (integrity_window_show_page (f->window, "recording-rate"));
  page = integrity_window_get_page (f->window, "recording-rate");
  g_assert_true (itest_wait_for_label (page, "incidents, newest first.", TRUE, 10000));
  itest_spin (200);

  table = itest_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (table);
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  table_scroller = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
  page_scroller = integrity_widget_get_scroller (table_scroller);
  g_assert_nonnull (page_scroller);
  g_assert_false (integrity_widget_is_in_view (table_scroller, page_scroller));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  adjustment = gtk_scrolled_window_get_vadjustment (page_scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (itest_wait_until (has_rows, rows, 5000));
}

/* Collects the wrapped labels under @widget that a horizontal box lays out
 * without a width-first layout between them: such a row asks each label its
 * width for a height, which GtkLabel finds by laying its text out again and
 * again (see IntegrityWidthFirstLayout). */
static void
collect_wrapped_in_rows (GtkWidget *widget,
                         GtkWidget *page,
                         GString   *found)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) && gtk_widget_get_visible (widget))
    for (GtkWidget *above = gtk_widget_get_parent (widget); above != NULL && above != page;
         above = gtk_widget_get_parent (above))
      {
        if (INTEGRITY_IS_WIDTH_FIRST_LAYOUT (gtk_widget_get_layout_manager (above)))
          break;
        if (GTK_IS_BOX (above) && gtk_orientable_get_orientation (GTK_ORIENTABLE (above)) == GTK_ORIENTATION_HORIZONTAL)
          {
            g_string_append_printf (found, "\n  “%s”", gtk_label_get_text (GTK_LABEL (widget)));
            break;
          }
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_wrapped_in_rows (child, page, found);
}

static gboolean
page_settled (gpointer page)
{
  return integrity_screenshot_page_is_loaded (page);
}

/* Every page on the demo store: no wrapped text sits in a row unguarded. */
static void
test_wrapped_text_in_rows_is_width_first (Fixture       *f,
                                          gconstpointer  data)
{
  static const char *const pages[] = { "overview", "recording-rate", "victim-care", "training" };
  g_autoptr(GString) found = g_string_new (NULL);

  g_settings_set_strv (f->settings, "active-plugins",
                       (const char * const[]) { "recording-rate", "victim-care", "training", NULL });
  itest_session_generate_demo (f, 1, 5);
  itest_session_open_window (f);
  g_assert_true (itest_wait_for_overview (f->window, 5000));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = integrity_window_get_page (f->window, pages[i]);

      if (page == NULL)
        continue;  /* a plugin not built */
      g_assert_true (integrity_window_show_page (f->window, pages[i]));
      g_assert_true (itest_wait_until (page_settled, page, 20000));
      collect_wrapped_in_rows (page, page, found);
    }
  if (found->len > 0)
    g_error ("Wrapped labels in a row without a width-first layout:%s", found->str);
}

static void
count_frames_holding (GdkFrameClock *clock,
                      guint         *n_holding)
{
  if (_integrity_thread_frame_holds ())
    (*n_holding)++;
}

/* Store queries and chart drawings wait while the window paints a frame,
 * and go on once it is painted. */
static void
test_background_work_waits_while_painting (Fixture       *f,
                                           gconstpointer  data)
{
  GdkFrameClock *clock;
  guint n_holding_in_paint = 0, n_holding_after = 0;

  itest_session_open_window (f);
  itest_spin (50);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  g_signal_connect (clock, "paint", G_CALLBACK (count_frames_holding), &n_holding_in_paint);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (count_frames_holding), &n_holding_after);
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      itest_spin (30);
    }
  g_signal_handlers_disconnect_by_func (clock, count_frames_holding, &n_holding_in_paint);
  g_signal_handlers_disconnect_by_func (clock, count_frames_holding, &n_holding_after);

  /* A frame over its 16 ms stops holding them, which a slow (sanitizer)
   * build can reach: one frame of five in time is enough. */
  g_assert_cmpuint (n_holding_in_paint, >=, 1);
  g_assert_cmpuint (n_holding_after, ==, 0);
}

typedef struct
{
  gint64 last_layout;  /* monotonic µs */
} Quiet;

static void
note_layout (GdkFrameClock *clock,
             Quiet         *quiet)
{
  quiet->last_layout = g_get_monotonic_time ();
}

static gboolean
half_a_second_without_layout (gpointer data)
{
  Quiet *quiet = data;

  return g_get_monotonic_time () - quiet->last_layout >= 500 * G_TIME_SPAN_MILLISECOND;
}

/* Whether the window, left alone, comes to lay nothing out for half a
 * second, within a few seconds (more on a slow build). */
static gboolean
window_falls_quiet (IntegrityWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Quiet quiet = { g_get_monotonic_time () };
  gboolean fell_quiet;

  g_signal_connect (clock, "layout", G_CALLBACK (note_layout), &quiet);
  fell_quiet = itest_wait_until (half_a_second_without_layout, &quiet, 3000);
  g_signal_handlers_disconnect_by_func (clock, note_layout, &quiet);
  return fell_quiet;
}

/* A window left alone on any page, once it has loaded, stops asking for frames:
 * a spinner spinning on the hidden side of a page's stack made GTK lay out
 * the whole window 60 times a second, for as long as the app stayed open. */
static void
test_idle_window_asks_for_no_frames (Fixture       *f,
                                     gconstpointer  data)
{
  static const char *const pages[] = { "recording-rate", "victim-care", "training" };
  IntegrityPluginEngine *engine = integrity_session_get_engine (f->session);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (integrity_plugin_engine_get_plugin (engine, pages[i]) == NULL)
      {
        g_test_skip_printf ("The %s plugin is not built", pages[i]);
        return;
      }
  g_settings_set_strv (f->settings, "active-plugins", (const char *const *) pages);
  itest_session_generate_demo (f, 1, 5);
  itest_session_open_window (f);
  g_assert_true (itest_wait_for_overview (f->window, 10000));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_test_message ("%s page", pages[i]);
      g_assert_true (integrity_window_show_page (f->window, pages[i]));
      g_assert_true (itest_wait_until (page_settled, integrity_window_get_page (f->window, pages[i]), 10000));
      g_assert_true (window_falls_quiet (f->window));
    }
  g_test_message ("overview");
  g_assert_true (integrity_window_show_page (f->window, "overview"));
  g_assert_true (itest_wait_until (page_settled, integrity_window_get_page (f->window, "overview"), 10000));
  g_assert_true (window_falls_quiet (f->window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, itest_session_set_up, func, itest_session_tear_down)
  ADD ("empty-store-shows-empty-state", test_empty_store_shows_empty_state);
  ADD ("plugin-page-comes-and-goes", test_plugin_page_comes_and_goes);
  ADD ("demo-store-shows-figures", test_demo_store_shows_figures);
  ADD ("preferences-lists-plugins", test_preferences_lists_plugins);
  ADD ("recording-rate-page-on-demo", test_recording_rate_page_on_demo);
  ADD ("filter-lists-change-only-where-the-store-did", test_filter_lists_change_only_where_the_store_did);
  ADD ("drill-down-fills-in-view", test_drill_down_fills_in_view);
  ADD ("wrapped-text-in-rows-is-width-first", test_wrapped_text_in_rows_is_width_first);
  ADD ("background-work-waits-while-painting", test_background_work_waits_while_painting);
  ADD ("idle-window-asks-for-no-frames", test_idle_window_asks_for_no_frames);
#undef ADD

  return g_test_run ();
}
