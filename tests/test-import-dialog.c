/* test-import-dialog.c — the import dialog as a person uses it. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-import-dialog.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

typedef struct
{
  ItestSession           base;
  IntegrityImportDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  itest_session_set_up (&f->base, (const char *const[]) { "test-addin", NULL });
  itest_session_open_window (&f->base);
  f->dialog = integrity_import_dialog_new (f->base.window);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  itest_session_tear_down (&f->base, data);
}

/* For looking at the dialog: INTEGRITY_TEST_HOLD_MS=3000 keeps each state up. */
static void
hold (void)
{
  const char *hold_ms = g_getenv ("INTEGRITY_TEST_HOLD_MS");

  itest_spin (hold_ms != NULL ? (guint) g_ascii_strtoull (hold_ms, NULL, 10) : 50);
}

static void
open_fixture (Fixture    *f,
              const char *name,
              const char *content)
{
  g_autofree char *path = g_build_filename (f->base.dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  integrity_import_dialog_open_file (f->dialog, file);
  hold ();
}

static gboolean
has_action (GtkWidget     *button,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action) == 0;
}

static gboolean
label_in_tree (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_in_tree (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
dialog_closed (gpointer data)
{
  return ((Fixture *) data)->dialog == NULL;
}

static gboolean
errors_shown (gpointer data)
{
  Fixture *f = data;
  GtkStack *stack = GTK_STACK (itest_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_STACK, NULL, NULL));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "errors") == 0;
}

static void
test_import_file (Fixture       *f,
                  gconstpointer  data)
{
  GtkColumnView *preview;
  IntegrityImporter *importer;

  open_fixture (f, "audit-2020.csv",
                "Reference,Recorded date,Month,District,Category\n"
                "A1,2020-01-05,2020-01,North,theft\n"
                "A2,06/01/2020,2020-01,South,violence\n"
                "A3,2020-02-01,2020-02,north,other\n");

  importer = integrity_import_dialog_get_importer (f->dialog);
  g_assert_nonnull (importer);
  g_assert_cmpstr (integrity_importer_get_kind (importer), ==, "test-events");
  preview = GTK_COLUMN_VIEW (itest_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "import.start", NULL));
  g_assert_true (itest_wait_until (dialog_closed, f, 10000));
  g_assert_true (label_in_tree (GTK_WIDGET (f->base.window), "3 rows imported from audit-2020.csv"));
  hold ();
}

static void
test_errors_listed (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  open_fixture (f, "cases.csv",
                "ref,recorded_date,closed_date,month\n"
                "C1,2021-01-01,31/02/2021,2021-01\n"
                "C2,2021-13-01,,2021-01\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "import.start", NULL));
  g_assert_true (itest_wait_until (errors_shown, f, 10000));
  view = GTK_TEXT_VIEW (itest_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (text, ==,
                   "cases.csv:2: column 'closed_date': '31/02/2021' is not a valid date\n"
                   "cases.csv:3: column 'recorded_date': '2021-13-01' is not a valid date\n");
  g_assert_true (label_in_tree (GTK_WIDGET (f->dialog), "Nothing was imported"));
  hold ();
}

static void
test_unknown_kind (Fixture       *f,
                   gconstpointer  data)
{
  open_fixture (f, "colours.csv", "colour,size\nred,3\n");
  g_assert_null (integrity_import_dialog_get_importer (f->dialog));
  g_assert_false (gtk_widget_get_sensitive (itest_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, has_action, "import.start")));
  g_assert_true (label_in_tree (GTK_WIDGET (f->dialog), "No kind of data matches"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/import-dialog/import-file", Fixture, NULL, fixture_set_up, test_import_file, fixture_tear_down);
  g_test_add ("/import-dialog/errors-listed", Fixture, NULL, fixture_set_up, test_errors_listed, fixture_tear_down);
  g_test_add ("/import-dialog/unknown-kind", Fixture, NULL, fixture_set_up, test_unknown_kind, fixture_tear_down);
  return g_test_run ();
}
