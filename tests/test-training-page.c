/* test-training-page.c — the training page on demo data, as a person sees it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

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
  g_settings_set_strv (f->settings, "active-plugins", (const char * const[]) { "training", NULL });
  itest_spin (20);
  g_assert_true (integrity_session_generate_demo (f->session, 1, 2018, &error));
  g_assert_no_error (error);
  f->window = integrity_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (integrity_window_show_page (f->window, "training"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
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
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (Fixture *f,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (integrity_window_get_page (f->window, "training"), type, found);
  return found;
}

static gboolean
label_shown (Fixture    *f,
             const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (f, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
figures_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *page = integrity_window_get_page (f->window, "training");
  GtkWidget *stack = gtk_widget_get_first_child (page);

  return GTK_IS_STACK (stack) && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "figures") == 0;
}

static gboolean
page_loaded (gpointer data)
{
  Fixture *f = data;
  gboolean loaded = FALSE;

  g_object_get (integrity_window_get_page (f->window, "training"), "loaded", &loaded, NULL);
  /* A first showing adds the page's sections a frame at a time. */
  return loaded && !integrity_pages_are_settling ();
}

static gboolean
label_appears (gpointer data)
{
  gpointer *args = data;
  return label_shown (args[0], args[1]);
}

/* The outstanding list's own model, under the view's selection. */
static IntegrityPagedModel *
outstanding_model (GListModel *rows)
{
  return INTEGRITY_PAGED_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (rows)));
}

/* The list has every row its count says, now that it can be seen. */
static gboolean
all_rows_told (gpointer rows)
{
  return !integrity_paged_model_is_resizing (outstanding_model (rows));
}

/* Scrolls the page to its foot, as far as it is laid out so far; TRUE once
 * the outstanding list is in view. */
static gboolean
scrolled_to_list (gpointer data)
{
  g_autoptr(GPtrArray) scrollers = find_all (data, GTK_TYPE_SCROLLED_WINDOW);
  GtkScrolledWindow *page = g_ptr_array_index (scrollers, 0);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (page);
  g_autoptr(GPtrArray) lists = find_all (data, GTK_TYPE_COLUMN_VIEW);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return integrity_widget_is_in_view (g_ptr_array_index (lists, 0), page);
}

/* Scrolls the page down to the outstanding list, below the fold. */
static void
scroll_to_list (Fixture *f)
{
  g_assert_true (itest_wait_until (scrolled_to_list, f, 10000));
}

/* TRAINING_SCREENSHOTS=DIR saves what the test saw, to look at. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("TRAINING_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window = GTK_WIDGET (f->window);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  /* The paintable is empty until the page has been drawn since it changed. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      itest_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_demo_page (Fixture       *f,
                gconstpointer  data)
{
  IntegrityContext *context = integrity_session_get_context (f->session);
  g_autoptr(IntegrityFilter) january = integrity_filter_new (integrity_month_new (2020, 2),
                                                             integrity_month_new (2021, 1), NULL);
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  GListModel *rows;
  gpointer args[] = { f, "Refresher training as at 31 Jan 2021" };

  g_assert_true (itest_wait_until (figures_shown, f, 10000));
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  itest_spin (100);

  /* A tile per cohort, the burn-ups, districts and modules, and who is outstanding. */
  tiles = find_all (f, INTEGRITY_TYPE_KPI_TILE);
  g_assert_cmpuint (tiles->len, ==, 2);
  g_assert_cmpstr (integrity_kpi_tile_get_kpi (g_ptr_array_index (tiles, 0))->id, ==, "complete-sergeants");
  charts = find_all (f, INTEGRITY_TYPE_CHART_VIEW);
  g_assert_cmpuint (charts->len, ==, 4);
  g_assert_true (label_shown (f, "Sergeants"));
  g_assert_true (label_shown (f, "Days past deadline"));
  g_assert_true (label_shown (f, "Late"));
  lists = find_all (f, GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (lists->len, ==, 1);
  rows = G_LIST_MODEL (gtk_column_view_get_model (g_ptr_array_index (lists, 0)));
  /* Below the fold the list is counted, but has no rows (so GTK makes no
   * row widgets) until scrolled to. */
  g_assert_cmpuint (integrity_paged_model_get_n_matching (outstanding_model (rows)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  save_screenshot (f, "training-december.png");
  scroll_to_list (f);
  g_assert_true (itest_wait_until (all_rows_told, rows, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, integrity_paged_model_get_n_matching (outstanding_model (rows)));

  /* The header's period sets the "as at" day: the sergeants' deadline. */
  integrity_context_set_filter (context, january);
  g_assert_true (itest_wait_until (label_appears, args, 10000));
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  itest_spin (100);
  g_assert_true (label_shown (f, "Days to deadline"));
  g_assert_true (label_shown (f, "At risk"));
  g_assert_true (label_shown (f, "On track"));
  g_assert_true (itest_wait_until (all_rows_told, rows, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 100);
  save_screenshot (f, "training-january.png");

  if (g_getenv ("TRAINING_SCREENSHOTS") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      itest_spin (300);
      save_screenshot (f, "training-january-dark.png");
      {
        g_autoptr(GPtrArray) scrollers = find_all (f, GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        itest_spin (300);
        save_screenshot (f, "training-january-dark-bottom.png");
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
        itest_spin (300);
        save_screenshot (f, "training-january-bottom.png");
      }
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }
}

static void
record_loaded (GObject    *page,
               GParamSpec *pspec,
               GArray     *seen)
{
  gboolean loaded;

  g_object_get (page, "loaded", &loaded, NULL);
  g_array_append_val (seen, loaded);
}

/* The sum of the cohort cards' "Outstanding" figures: heading, then value. */
static guint
cards_outstanding (Fixture *f)
{
  g_autoptr(GPtrArray) labels = find_all (f, GTK_TYPE_LABEL);
  guint sum = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *value;
      g_autofree char *digits = NULL;

      if (!g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "Outstanding")
          || !gtk_widget_has_css_class (label, "heading"))
        continue;
      value = gtk_widget_get_last_child (gtk_widget_get_next_sibling (label));
      /* The value label, inside whatever holds it in its row. */
      while (value != NULL && !GTK_IS_LABEL (value))
        value = gtk_widget_get_first_child (value);
      g_assert_nonnull (value);
      digits = g_strdup (gtk_label_get_text (GTK_LABEL (value)));
      g_strdelimit (digits, ",", ' ');
      for (char *from = digits, *to = digits; ; from++)
        if (*from != ' ' && (*to++ = *from) == '\0')
          break;
      sum += (guint) g_ascii_strtoull (digits, NULL, 10);
    }
  return sum;
}

/* The list's title, "Outstanding: 1,234 officers" (the cards' headings have no colon). */
static const char *
list_title (Fixture *f)
{
  g_autoptr(GPtrArray) labels = find_all (f, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "Outstanding: "))
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return "";
}

static gboolean
title_narrowed (gpointer data)
{
  return strstr (list_title (data), " of ") != NULL;
}

typedef struct
{
  GListModel *rows;
  guint       n;
} RowsWait;

/* The first @n rows have been read from the store. */
static gboolean
rows_read (gpointer data)
{
  RowsWait *wait = data;

  for (guint i = 0; i < wait->n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (wait->rows, i);
      gboolean loaded = FALSE;

      if (row == NULL)
        return FALSE;
      g_object_get (row, "loaded", &loaded, NULL);
      if (!loaded)
        return FALSE;
    }
  return TRUE;
}

static char *
row_text (GListModel *rows,
          guint       i,
          const char *property)
{
  g_autoptr(GObject) row = g_list_model_get_item (rows, i);
  char *text = NULL;

  g_object_get (row, property, &text, NULL);
  return text;
}

/* Who is outstanding: as many as the cohort cards say, searched and sorted
 * by the store, the page "loaded" only once the list is counted. */
static void
test_outstanding_list (Fixture       *f,
                       gconstpointer  data)
{
  IntegrityContext *context = integrity_session_get_context (f->session);
  GtkWidget *page = integrity_window_get_page (f->window, "training");
  g_autoptr(IntegrityFilter) january = integrity_filter_new (integrity_month_new (2020, 2),
                                                             integrity_month_new (2021, 1), NULL);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *all_title = NULL;
  g_autofree char *count = NULL;
  GtkColumnView *view;
  GListModel *rows;
  GListModel *columns;
  RowsWait wait;
  guint n_all, n_east;

  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  itest_spin (100);
  lists = find_all (f, GTK_TYPE_COLUMN_VIEW);
  view = g_ptr_array_index (lists, 0);
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  entries = find_all (f, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  scroll_to_list (f);

  /* A filter change: "loaded" drops, then comes back with the new figures. */
  g_signal_connect (page, "notify::loaded", G_CALLBACK (record_loaded), seen);
  integrity_context_set_filter (context, january);
  g_assert_false (page_loaded (f));
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  g_signal_handlers_disconnect_by_func (page, record_loaded, seen);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_false (g_array_index (seen, gboolean, 0));
  g_assert_true (g_array_index (seen, gboolean, 1));
  itest_spin (100);

  /* The list holds everyone the cards count, and its title says how many. */
  g_assert_true (itest_wait_until (all_rows_told, rows, 10000));
  n_all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_all, >, 100);
  g_assert_cmpuint (n_all, ==, cards_outstanding (f));
  count = integrity_format_count (n_all);
  all_title = g_strdup_printf ("Outstanding: %s officers", count);
  g_assert_cmpstr (list_title (f), ==, all_title);
  wait.rows = rows;
  wait.n = 5;
  g_assert_true (itest_wait_until (rows_read, &wait, 10000));

  /* A search narrows it to one district; the title says of how many. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Eastfield");
  g_assert_true (itest_wait_until (title_narrowed, f, 10000));
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  g_assert_true (itest_wait_until (all_rows_told, rows, 10000));
  n_east = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_east, >, 0);
  g_assert_cmpuint (n_east, <, n_all);
  wait.n = MIN (n_east, 20);
  g_assert_true (itest_wait_until (rows_read, &wait, 10000));
  for (guint i = 0; i < wait.n; i++)
    {
      g_autofree char *district = row_text (rows, i, "district");
      g_assert_cmpstr (district, ==, "Eastfield");
    }

  /* Sorted by reference, newest first, by the store. */
  columns = gtk_column_view_get_columns (view);
  {
    g_autoptr(GtkColumnViewColumn) reference = g_list_model_get_item (columns, 0);

    gtk_column_view_sort_by_column (view, reference, GTK_SORT_DESCENDING);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_east);
  g_assert_true (itest_wait_until (rows_read, &wait, 10000));
  for (guint i = 1; i < wait.n; i++)
    {
      g_autofree char *before = row_text (rows, i - 1, "officer-ref");
      g_autofree char *after = row_text (rows, i, "officer-ref");

      g_assert_cmpint (strcmp (before, after), >=, 0);
    }

  /* Cleared, everyone again. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "");
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  g_assert_true (itest_wait_until (label_appears, (gpointer[]) { f, all_title }, 10000));
  g_assert_cmpstr (list_title (f), ==, all_title);
  g_assert_true (itest_wait_until (all_rows_told, rows, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
}

/* Mapped "Days to deadline" cards, one per cohort once it shows January. */
static void
count_to_deadline (GdkFrameClock *clock,
                   gpointer       data)
{
  gpointer *args = data;
  g_autoptr(GPtrArray) labels = find_all (args[0], GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    n += g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Days to deadline");
  g_array_append_val ((GArray *) args[1], n);
}

/* Cohorts already on screen take new figures one a frame: each holds a
 * dozen labels whose new text, shaped all in one frame, made it too long. */
static void
test_cohorts_a_frame_each (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IntegrityFilter) january = integrity_filter_new (integrity_month_new (2020, 2),
                                                             integrity_month_new (2021, 1), NULL);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  gpointer args[] = { f, seen };
  GdkFrameClock *clock;
  gulong handler;
  guint most = 0;

  g_assert_true (itest_wait_until (figures_shown, f, 10000));
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  itest_spin (100);
  g_assert_false (label_shown (f, "Days to deadline"));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  handler = g_signal_connect_after (clock, "layout", G_CALLBACK (count_to_deadline), args);
  integrity_context_set_filter (integrity_session_get_context (f->session), january);
  g_assert_true (itest_wait_until (page_loaded, f, 10000));
  itest_spin (100);
  g_signal_handler_disconnect (clock, handler);

  /* Never both at once: one, then the other a frame later. */
  for (guint i = 0; i < seen->len; i++)
    {
      guint n = g_array_index (seen, guint, i);

      g_assert_cmpuint (n, <=, most + 1);
      most = MAX (most, n);
    }
  g_assert_cmpuint (most, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/training-page/demo", Fixture, NULL, fixture_set_up, test_demo_page, fixture_tear_down);
  g_test_add ("/training-page/outstanding-list", Fixture, NULL, fixture_set_up, test_outstanding_list,
              fixture_tear_down);
  g_test_add ("/training-page/cohorts-a-frame-each", Fixture, NULL, fixture_set_up, test_cohorts_a_frame_each,
              fixture_tear_down);
  return g_test_run ();
}
