/* test-page-reload.c — a hidden page reads the store when shown, once. SPDX-License-Identifier: GPL-3.0-or-later */
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-reload/hidden-page-waits", test_hidden_page_waits);
  return g_test_run ();
}
