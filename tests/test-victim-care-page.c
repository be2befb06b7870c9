/* test-victim-care-page.c — the victim-care page on demo data, as a person sees it. SPDX-License-Identifier: GPL-3.0-or-later */
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
  itest_session_set_up (f, (const char * const[]) { "victim-care", NULL });
  itest_spin (20);
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

typedef struct
{
  GtkWidget *page;
} Wait;

static gboolean
page_settled (gpointer data)
{
  Wait *wait = data;
  gboolean loaded = FALSE;

  g_object_get (wait->page, "loaded", &loaded, NULL);
  return loaded
         && count_widgets (wait->page, INTEGRITY_TYPE_KPI_TILE) >= 6
         && count_widgets (wait->page, INTEGRITY_TYPE_CHART_VIEW) >= 5;
}

/* The work queue's own model, under the view's selection. */
static IntegrityPagedModel *
queue_of (GtkWidget *view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  return INTEGRITY_PAGED_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

static gboolean
all_rows_told (gpointer data)
{
  return !integrity_paged_model_is_resizing (data);
}

/* Asks the model afresh each time: a reload (the page follows the store and
 * the filter) replaces the rows, so an item fetched earlier may be stale. */
static gboolean
row_loaded (gpointer data)
{
  g_autoptr(GObject) item = g_list_model_get_item (data, 0);
  gboolean loaded = FALSE;

  if (item != NULL)
    g_object_get (item, "loaded", &loaded, NULL);
  return loaded;
}

static void
test_page_on_demo_data (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page, *view;
  GListModel *model;
  IntegrityPagedModel *queue;
  g_autoptr(GObject) first = NULL;
  Wait wait;

  itest_session_generate_demo (f, 1, 1);
  itest_session_open_window (f);
  g_assert_true (integrity_window_show_page (f->window, "victim-care"));
  page = integrity_window_get_page (f->window, "victim-care");
  g_assert_nonnull (page);

  wait.page = page;
  g_assert_true (itest_wait_until (page_settled, &wait, 10000));
  g_assert_cmpuint (count_widgets (page, INTEGRITY_TYPE_KPI_TILE), ==, 6);

  /* The page opens on its briefing: the queue is counted, but its hidden
   * list has no rows yet, so GTK makes no row widgets for it. */
  view = itest_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  queue = queue_of (view);
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_cmpuint (integrity_paged_model_get_n_matching (queue), >, 0);
  itest_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Shown, the queue lists references, fetched a page at a time. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (itest_find_widget (page, ADW_TYPE_VIEW_STACK, NULL, NULL)),
                                         "queue");
  g_assert_true (itest_wait_until (all_rows_told, queue, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, integrity_paged_model_get_n_matching (queue));
  /* Rows arrive from a worker: wait for them, generously (CI is shared). */
  g_assert_true (itest_wait_until (row_loaded, model, 10000));
  first = g_list_model_get_item (model, 0);
  g_assert_nonnull (first);
  {
    g_autofree char *ref = NULL;

    g_object_get (first, "case-ref", &ref, NULL);
    g_assert_true (g_str_has_prefix (ref, "VC"));
  }
  /* Columns in the order the issue asks for. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view))), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/victim-care/page-on-demo-data", Fixture, NULL, fixture_set_up, test_page_on_demo_data,
              itest_session_tear_down);
  return g_test_run ();
}
