/* test-page-reload.c — a hidden page reads the store when shown, once; a first showing comes in steps. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-test-util.h"

static guint reloads_of_a, reloads_of_b;

static void
reload_a (GtkWidget *page)
{
  reloads_of_a++;
}

static void
reload_b (GtkWidget *page)
{
  reloads_of_b++;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_hidden_page_waits (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *shown = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *hidden = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_stack_add_named (GTK_STACK (stack), shown, "a");
  gtk_stack_add_named (GTK_STACK (stack), hidden, "b");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (itest_wait_until (is_mapped, shown, 5000));
  reloads_of_a = reloads_of_b = 0;

  /* The page on screen reads at once. */
  integrity_page_reload_when_shown (shown, reload_a);
  g_assert_cmpuint (reloads_of_a, ==, 1);
  g_assert_false (integrity_page_has_reload_due (shown));

  /* A hidden page only notes it, however many changes come. */
  integrity_page_reload_when_shown (hidden, reload_b);
  integrity_page_reload_when_shown (hidden, reload_b);
  integrity_page_reload_when_shown (hidden, reload_b);
  g_assert_cmpuint (reloads_of_b, ==, 0);
  g_assert_true (integrity_page_has_reload_due (hidden));

  /* Shown: one read, and no more on later showings. */
  gtk_stack_set_visible_child (GTK_STACK (stack), hidden);
  g_assert_true (itest_wait_until (is_mapped, hidden, 5000));
  g_assert_cmpuint (reloads_of_b, ==, 1);
  g_assert_false (integrity_page_has_reload_due (hidden));
  gtk_stack_set_visible_child (GTK_STACK (stack), shown);
  itest_spin (20);
  gtk_stack_set_visible_child (GTK_STACK (stack), hidden);
  itest_spin (20);
  g_assert_cmpuint (reloads_of_b, ==, 1);
  g_assert_cmpuint (reloads_of_a, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A page's sections, as a page lays them out: a headline, a row of tiles,
 * a line the page keeps hidden, a flow box of charts, cohort sections and
 * a list. */
typedef struct
{
  GtkWidget *window;
  GtkWidget *sections;
  GtkWidget *order[12];    /* every widget the reveal shows, top to bottom */
  GtkWidget *kept_hidden;
  guint      n_order;
  GArray    *shown_per_frame;  /* (element-type guint) at each frame's layout */
} Page;

static GtkWidget *
add_label (Page      *page,
           GtkWidget *parent,
           gboolean   revealed)
{
  GtkWidget *label = gtk_label_new ("figure");

  if (GTK_IS_FLOW_BOX (parent))
    gtk_flow_box_append (GTK_FLOW_BOX (parent), label);
  else
    gtk_box_append (GTK_BOX (parent), label);
  if (revealed)
    page->order[page->n_order++] = GTK_IS_FLOW_BOX (parent) ? gtk_widget_get_parent (label) : label;
  return label;
}

static guint
count_shown (Page *page)
{
  guint shown = 0;

  for (guint i = 0; i < page->n_order; i++)
    shown += gtk_widget_get_visible (page->order[i]);
  return shown;
}

static void
on_layout (GdkFrameClock *clock,
           Page          *page)
{
  guint shown = count_shown (page);

  g_array_append_val (page->shown_per_frame, shown);
}

static void
page_init (Page *page)
{
  GtkWidget *tiles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *charts = gtk_flow_box_new ();
  GtkWidget *cohorts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cohort = adw_bin_new ();
  GtkWidget *cohort_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  memset (page, 0, sizeof *page);
  page->window = gtk_window_new ();
  page->sections = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_window_set_child (GTK_WINDOW (page->window), page->sections);
  gtk_window_present (GTK_WINDOW (page->window));
  g_assert_true (itest_wait_until (is_mapped, page->sections, 5000));

  add_label (page, page->sections, FALSE);               /* the headline: shown at once */
  gtk_box_append (GTK_BOX (page->sections), tiles);       /* shown with its first tile */
  page->order[page->n_order++] = tiles;
  add_label (page, tiles, FALSE);
  add_label (page, tiles, TRUE);
  add_label (page, tiles, TRUE);
  page->kept_hidden = add_label (page, page->sections, FALSE);
  gtk_widget_set_visible (page->kept_hidden, FALSE);
  gtk_box_append (GTK_BOX (page->sections), charts);
  page->order[page->n_order++] = charts;
  add_label (page, charts, FALSE);
  add_label (page, charts, TRUE);
  /* Cohorts: each wraps a box (header, then a body of two parts), as a
   * training cohort section does; its parts come a step each too. */
  gtk_box_append (GTK_BOX (page->sections), cohorts);
  page->order[page->n_order++] = cohorts;
  add_label (page, cohorts, FALSE);
  adw_bin_set_child (ADW_BIN (cohort), cohort_box);
  gtk_box_append (GTK_BOX (cohorts), cohort);
  page->order[page->n_order++] = cohort;
  add_label (page, cohort_box, FALSE);                   /* its header */
  gtk_box_append (GTK_BOX (cohort_box), body);
  page->order[page->n_order++] = body;
  add_label (page, body, FALSE);
  add_label (page, body, TRUE);
  add_label (page, page->sections, TRUE);                /* the list */

  page->shown_per_frame = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect_after (gtk_widget_get_frame_clock (page->window), "layout", G_CALLBACK (on_layout), page);
}

static void
page_clear (Page *page)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (page->window), page);
  g_array_unref (page->shown_per_frame);
  gtk_window_destroy (GTK_WINDOW (page->window));
}

static gboolean
is_not_revealing (gpointer data)
{
  return !integrity_pages_are_settling ();
}

static void
test_reveal_one_step_a_frame (void)
{
  Page page;

  page_init (&page);
  g_assert_cmpuint (page.n_order, ==, 10);
  itest_spin (50);
  g_array_set_size (page.shown_per_frame, 0);

  integrity_page_reveal_in_steps (page.sections);
  g_assert_true (integrity_pages_are_settling ());
  g_assert_cmpuint (count_shown (&page), ==, 0);
  g_assert_true (itest_wait_until (is_not_revealing, NULL, 5000));

  /* The first frame lays out the headline alone; each frame after adds one
   * more widget, top to bottom, tiles and charts one by one. */
  g_assert_cmpuint (page.shown_per_frame->len, >=, page.n_order + 1);
  for (guint frame = 0; frame <= page.n_order; frame++)
    g_assert_cmpuint (g_array_index (page.shown_per_frame, guint, frame), ==, frame);
  for (guint i = 0; i < page.n_order; i++)
    g_assert_true (gtk_widget_get_visible (page.order[i]));
  g_assert_false (gtk_widget_get_visible (page.kept_hidden));

  /* Only the first showing is spread out. */
  gtk_widget_set_visible (page.order[page.n_order - 1], FALSE);
  gtk_widget_set_visible (page.order[page.n_order - 1], TRUE);
  integrity_page_reveal_in_steps (page.sections);
  g_assert_false (integrity_pages_are_settling ());
  g_assert_cmpuint (count_shown (&page), ==, page.n_order);

  page_clear (&page);
}

static void
test_reveal_new_figures_meanwhile (void)
{
  Page page;
  GtkWidget *last = NULL;

  page_init (&page);
  integrity_page_reveal_in_steps (page.sections);
  itest_spin (20);
  g_assert_true (integrity_pages_are_settling ());

  /* New figures before the reveal ends: what is waiting shows at once, and
   * the page's own choices after that stand. */
  integrity_page_reveal_in_steps (page.sections);
  g_assert_false (integrity_pages_are_settling ());
  g_assert_cmpuint (count_shown (&page), ==, page.n_order);
  last = page.order[page.n_order - 1];
  gtk_widget_set_visible (last, FALSE);
  gtk_widget_set_visible (page.kept_hidden, TRUE);
  itest_spin (50);
  g_assert_false (gtk_widget_get_visible (last));
  g_assert_true (gtk_widget_get_visible (page.kept_hidden));

  page_clear (&page);
}

static void
test_reveal_page_destroyed (void)
{
  Page page;

  page_init (&page);
  integrity_page_reveal_in_steps (page.sections);
  g_assert_true (integrity_pages_are_settling ());
  page_clear (&page);
  g_assert_false (integrity_pages_are_settling ());
  itest_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-reload/hidden-page-waits", test_hidden_page_waits);
  g_test_add_func ("/page-reload/reveal-one-step-a-frame", test_reveal_one_step_a_frame);
  g_test_add_func ("/page-reload/reveal-new-figures-meanwhile", test_reveal_new_figures_meanwhile);
  g_test_add_func ("/page-reload/reveal-page-destroyed", test_reveal_page_destroyed);
  return g_test_run ();
}
