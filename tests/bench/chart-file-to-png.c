/* chart-file-to-png.c — draws a two-column text file (x y) as a line chart PNG. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <stdio.h>
#include <stdlib.h>

/* For timing the whole process against gnuplot's pngcairo terminal:
 *   chart-file-to-png points.txt out.png [WIDTH HEIGHT]
 * Lines that do not start with two numbers (comments, blanks) are skipped. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(IntegrityChart) chart = NULL;
  g_autofree char *title = NULL;
  const char *p, *end;
  int width = 1600, height = 400;

  if (argc != 3 && argc != 5)
    {
      fprintf (stderr, "usage: %s POINTS.txt OUT.png [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  if (argc == 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }

  file = g_mapped_file_new (argv[1], FALSE, &error);
  if (file == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  p = g_mapped_file_get_contents (file);
  end = p + g_mapped_file_get_length (file);
  while (p != NULL && p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      char *after_x, *after_y;
      double x, y;

      if (line_end == NULL)
        line_end = end;
      /* strtod stops at the newline; a file without one ends in the mapping's NUL page. */
      x = g_ascii_strtod (p, &after_x);
      if (after_x != p && after_x < line_end)
        {
          y = g_ascii_strtod (after_x, &after_y);
          if (after_y != after_x && after_y <= line_end)
            {
              g_array_append_val (xs, x);
              g_array_append_val (ys, y);
            }
        }
      p = line_end + 1;
    }

  chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_DECIMAL);
  title = g_path_get_basename (argv[1]);
  integrity_chart_set_title (chart, title);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, NULL,
                              (const double *) (gpointer) xs->data, (const double *) (gpointer) ys->data, xs->len);
  if (!integrity_chart_save (chart, argv[2], width, height, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
