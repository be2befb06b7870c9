/* test-screenshot.c — integrity screenshot and export-briefing, run as a person would. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <integrity.h>

#include "integrity-test-util.h"

static char *integrity_binary;

static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (args, integrity_binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Distinct colours, counted on a grid of pixels: a blank or half-drawn
 * window has a handful; a page of charts and tiles has many. */
static guint
count_colours (const char *png,
               int        *width,
               int        *height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  guchar *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < *height; y += 2)
    for (int x = 0; x < *width; x += 2)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(guint32 *) (data + y * stride + x * 4)));
  cairo_surface_destroy (surface);
  return g_hash_table_size (colours);
}

static void
test_screenshot_every_page (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "demo.sqlite", NULL);
  const char *pages[] = { "overview", "recording-rate" };
  const char *demo[] = { "demo", "--store", store, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (demo, &out, &err), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, pages[i]);
      const char *shot[] = { "screenshot", png, "--page", pages[i], "--store", store,
                             "--width", "1100", "--height", "760", NULL };
      int width, height;
      guint colours;

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (shot, &out, &err), ==, 0);
      colours = count_colours (png, &width, &height);
      g_test_message ("%s: %u colours", pages[i], colours);
      g_assert_cmpint (width, ==, 1100);
      g_assert_cmpint (height, ==, 760);
      g_assert_cmpuint (colours, >, 64);
    }

  /* An unknown page is a usage error. */
  {
    g_autofree char *png = g_build_filename (dir, "x.png", NULL);
    const char *bad[] = { "screenshot", png, "--page", "no-such-page", "--store", store, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (bad, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "no-such-page"));
  }
  itest_remove_tree (dir);
}

static void
test_export_briefing_command (void)
{
  g_autofree char *dir = itest_make_temp_dir ();
  g_autofree char *store = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *demo[] = { "demo", "--store", store, NULL };
  const char *export[] = { "export-briefing", pdf, "--store", store, "--suppress-below", "10", NULL };
  const char *no_file[] = { "export-briefing", "--store", store, NULL };
  const char *bad_month[] = { "export-briefing", pdf, "--store", store, "--from", "March", NULL };

  g_assert_cmpint (run (demo, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (export, &out, &err), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (out, "pages"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (no_file, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_month, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "YYYY-MM"));
  itest_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  integrity_binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "app", "integrity", NULL);

  g_test_add_func ("/screenshot/every-page", test_screenshot_every_page);
  g_test_add_func ("/cli/export-briefing", test_export_briefing_command);
  return g_test_run ();
}
