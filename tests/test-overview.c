/* test-overview.c — the overview's notes, presentation mode and the export dialog, as a person sees them. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-briefing-dialog.h"
#include "integrity-overview.h"
#include "integrity-presentation.h"
#include "integrity-screenshot.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "integrity-window.h"

typedef ItestSession Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  itest_session_set_up (f, (const char * const[]) { "test-addin", NULL });
  itest_session_generate_demo (f, 1, 1);
  itest_session_open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_settings_reset (f->settings, "presentation-interval");
  itest_session_tear_down (f, data);
}

static GPtrArray *
read_notes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = integrity_store_open_reader (integrity_session_get_store (f->session), &error);
  GPtrArray *notes;

  g_assert_no_error (error);
  notes = integrity_annotations_read_all (db, &error);
  g_assert_no_error (error);
  sqlite3_close (db);
  return notes;
}

static void
test_notes_add_edit_delete (Fixture       *f,
                            gconstpointer  data)
{
  IntegrityStore *store = integrity_session_get_store (f->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  GDate date;
  gint64 id;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JUNE, 2020);
  id = integrity_annotation_add (store, &date, "Support line opened", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (itest_wait_for_label (GTK_WIDGET (f->window), "Support line opened", TRUE, 5000));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "1 June 2020"));

  g_date_set_dmy (&date, 3, G_DATE_JULY, 2020);
  g_assert_true (integrity_annotation_update (store, id, &date, "Support line moved", &error));
  g_assert_no_error (error);
  g_assert_true (itest_wait_for_label (GTK_WIDGET (f->window), "Support line moved", TRUE, 5000));
  g_assert_false (itest_label_in_tree (GTK_WIDGET (f->window), "Support line opened"));

  notes = read_notes (f);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((IntegrityAnnotation *) g_ptr_array_index (notes, 0))->text, ==, "Support line moved");
  g_assert_cmpint (g_date_get_month (&((IntegrityAnnotation *) g_ptr_array_index (notes, 0))->date), ==, G_DATE_JULY);
  g_clear_pointer (&notes, g_ptr_array_unref);

  g_assert_true (integrity_annotation_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (itest_wait_for_label (GTK_WIDGET (f->window), "Support line moved", FALSE, 5000));
  g_assert_true (itest_label_in_tree (GTK_WIDGET (f->window), "No notes yet"));
  notes = read_notes (f);
  g_assert_cmpuint (notes->len, ==, 0);

  /* A note that is gone cannot be edited. */
  g_assert_false (integrity_annotation_update (store, id, &date, "x", &error));
  g_assert_nonnull (error);
}

static gboolean
presentation_loaded (gpointer data)
{
  guint position, n;
  return integrity_presentation_get_position (data, &position, &n);
}

static void
test_presentation_steps_and_leaves (Fixture       *f,
                                    gconstpointer  data)
{
  IntegrityPresentation *presentation = NULL;
  GList *toplevels;
  guint position, n;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.presentation", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (INTEGRITY_IS_PRESENTATION (l->data))
      presentation = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  g_assert_true (itest_wait_until (presentation_loaded, presentation, 5000));
  itest_spin (50);

  /* The test plugin's two charts, one at a time, with a counter. */
  g_assert_true (integrity_presentation_get_position (presentation, &position, &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (itest_label_in_tree (GTK_WIDGET (presentation), "1 / 2"));
  g_assert_cmpstr (integrity_chart_get_title (integrity_presentation_get_chart (presentation)), ==,
                   "Test events by month");

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.step", "i", 1);
  integrity_presentation_get_position (presentation, &position, &n);
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (itest_label_in_tree (GTK_WIDGET (presentation), "2 / 2"));
  g_assert_cmpstr (integrity_chart_get_title (integrity_presentation_get_chart (presentation)), ==,
                   "Test events as bars");
  /* INTEGRITY_TEST_SHOTS=DIR keeps a picture of the slide to look at. */
  if (g_getenv ("INTEGRITY_TEST_SHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("INTEGRITY_TEST_SHOTS"), "presentation.png", NULL);
      cairo_surface_t *shot;

      itest_spin (300);
      shot = integrity_screenshot_widget (GTK_WIDGET (presentation));
      cairo_surface_write_to_png (shot, png);
      cairo_surface_destroy (shot);
    }
  /* It stops at the last slide, and steps back. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.step", "i", 1);
  integrity_presentation_get_position (presentation, &position, &n);
  g_assert_cmpuint (position, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.step", "i", -1);
  integrity_presentation_get_position (presentation, &position, &n);
  g_assert_cmpuint (position, ==, 0);

  /* Escape (window.close) leaves. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "window.close", NULL);
  itest_spin (50);
  g_assert_null (presentation);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_export_dialog_writes_pdf (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  IntegrityBriefingDialog *dialog = integrity_briefing_dialog_new (f->window);

  gtk_window_present (GTK_WINDOW (dialog));
  integrity_briefing_dialog_export (dialog, file, 5);
  g_assert_true (itest_wait_until (file_written, path, 10000));
  g_assert_true (itest_wait_for_label (GTK_WIDGET (f->window), "Briefing pack written", TRUE, 10000));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/overview/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("notes-add-edit-delete", test_notes_add_edit_delete);
  ADD ("presentation-steps-and-leaves", test_presentation_steps_and_leaves);
  ADD ("export-dialog-writes-pdf", test_export_dialog_writes_pdf);
#undef ADD

  return g_test_run ();
}
