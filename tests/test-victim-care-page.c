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
  GtkWidget *view = itest_find_widget (wait->page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  return count_widgets (wait->page, INTEGRITY_TYPE_KPI_TILE) >= 6
         && count_widgets (wait->page, INTEGRITY_TYPE_CHART_VIEW) >= 5
         && g_list_model_get_n_items (model) > 0;
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

  /* The queue lists references, fetched a page at a time. */
  view = itest_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
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
