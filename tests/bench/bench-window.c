/* bench-window.c — the window on a store: time to a filled overview, main-loop stalls. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-util.h"
#include "integrity-import-dialog.h"
#include "integrity-screenshot.h"
#include "integrity-session.h"
#include "integrity-window.h"

/* Prints tab-separated lines (LABEL WHAT DETAIL VALUE UNIT) for tools/bench.
 * Run under a display (xvfb-run). A high-priority timer ticks every
 * millisecond; the longest gap between ticks is the longest stall, printed
 * with the main thread's own CPU time in it ("running"): the rest it spent
 * waiting, for a core or for the X server.
 * INTEGRITY_BENCH_TRACE=1 also prints, on stderr, each step's start, each
 * frame's update (tick callbacks), layout and paint CPU, the whole frame's
 * CPU and wall time with the thread's waits and preemptions in it, and
 * each gap over 8 ms, with the monotonic
 * clock in ms: to match against `perf record -k CLOCK_MONOTONIC`. The
 * "worst layout/paint" figures leave the update phase out. */

#define TICK_MS 1
#define SETTLE_MS 300
#define LOAD_TIMEOUT_MS 30000
#define IMPORT_TIMEOUT_MS 600000
#define AFTER_IMPORT_MS 1000
#define FRAME_BUDGET_MS 16    /* the goal: no stall over it */

static gboolean tracing;

static void G_GNUC_PRINTF (1, 2)
trace (const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (!tracing)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s at %.1f\n", message, g_get_monotonic_time () / 1000.0);
}

/* The longest gap, and the main thread's CPU time in it ("running"): the
 * rest of the gap it spent waiting, for a core (other threads, other
 * processes, the X server) or for the X server's reply. */
static gint64 tick_last, tick_last_cpu;
static gint64 tick_max, tick_max_cpu;
static guint  n_steps_running_over_budget;
static guint  n_steps;
static guint  n_steps_over_budget;
static guint tick_count;

static gboolean
on_tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 now_cpu = bench_thread_cpu_us ();

  if (tick_last != 0 && now - tick_last > tick_max)
    {
      tick_max = now - tick_last;
      tick_max_cpu = now_cpu - tick_last_cpu;
    }
  if (tick_last != 0 && now - tick_last > 8000)
    trace ("gap %.1f ms (%.1f ms running) ending", (now - tick_last) / 1000.0, (now_cpu - tick_last_cpu) / 1000.0);
  tick_last = now;
  tick_last_cpu = now_cpu;
  tick_count++;
  return G_SOURCE_CONTINUE;
}

/* Frames painted: at rest there should be none; a widget that queues a
 * resize or redraw from its own allocation or drawing keeps the loop busy. */
static guint paint_count;

static void
on_paint (GdkFrameClock *clock,
          gpointer       data)
{
  paint_count++;
}

/* Where a frame's time goes: layout (measure and allocate) and paint (snapshot
 * and render), the worst of each since stall_reset(), in CPU time of the main
 * thread (the machine may be shared: wall time would count other work). GTK's
 * own handlers run first, so each phase is timed from the end of the one
 * before. */
static gint64 phase_mark;
static gint64 layout_max, paint_max;

static void
on_frame_begin (GdkFrameClock *clock,
                gpointer       data)
{
  phase_mark = bench_thread_cpu_us ();
}

static void
on_phase_done (GdkFrameClock *clock,
               gint64        *worst)
{
  gint64 now = bench_thread_cpu_us ();

  *worst = MAX (*worst, now - phase_mark);
  trace ("frame %s %.1f ms CPU, ending", worst == &layout_max ? "layout" : "paint", (now - phase_mark) / 1000.0);
  phase_mark = now;
}

/* For the trace: a whole frame, from its first phase to its last. */
static gint64 frame_start_cpu, frame_start_wall;
static long frame_start_waits, frame_start_preemptions;

/* The calling thread's voluntary (waits: X replies, locks) and involuntary
 * (preemptions) context switches so far. */
static void
thread_switches (long *waits,
                 long *preemptions)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  *waits = usage.ru_nvcsw;
  *preemptions = usage.ru_nivcsw;
}

static void
on_frame_start (GdkFrameClock *clock,
                gpointer       data)
{
  if (frame_start_wall != 0)
    return;  /* an earlier phase began it */
  frame_start_cpu = bench_thread_cpu_us ();
  frame_start_wall = g_get_monotonic_time ();
  thread_switches (&frame_start_waits, &frame_start_preemptions);
}

static gint64 update_start_cpu;

static void
on_update_start (GdkFrameClock *clock,
                 gpointer       data)
{
  update_start_cpu = bench_thread_cpu_us ();
}

static void
on_update_end (GdkFrameClock *clock,
               gpointer       data)
{
  trace ("frame update %.1f ms CPU, ending", (bench_thread_cpu_us () - update_start_cpu) / 1000.0);
}

static void
on_frame_end (GdkFrameClock *clock,
              gpointer       data)
{
  long waits, preemptions;

  thread_switches (&waits, &preemptions);
  trace ("frame whole %.1f ms CPU, %.1f ms wall, %ld waits, %ld preemptions, ending",
         (bench_thread_cpu_us () - frame_start_cpu) / 1000.0, (g_get_monotonic_time () - frame_start_wall) / 1000.0,
         waits - frame_start_waits, preemptions - frame_start_preemptions);
  frame_start_wall = 0;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (tracing)
    {
      g_signal_connect (clock, "flush-events", G_CALLBACK (on_frame_start), NULL);
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_start), NULL);
      g_signal_connect (clock, "update", G_CALLBACK (on_frame_start), NULL);
      g_signal_connect (clock, "update", G_CALLBACK (on_update_start), NULL);
      g_signal_connect_after (clock, "update", G_CALLBACK (on_update_end), NULL);
      g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_frame_end), NULL);
    }

  g_signal_connect_after (clock, "update", G_CALLBACK (on_frame_begin), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_phase_done), &layout_max);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_phase_done), &paint_max);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint), NULL);
}

static void
stall_reset (void)
{
  tick_last = g_get_monotonic_time ();
  tick_last_cpu = bench_thread_cpu_us ();
  tick_max = tick_max_cpu = 0;
  tick_count = 0;
  layout_max = paint_max = 0;
}

/* A printed step is done: its stall counts towards the run's figures. */
static double
step_done (double worst)
{
  n_steps++;
  if (tick_max > FRAME_BUDGET_MS * 1000)
    n_steps_over_budget++;
  if (tick_max_cpu > FRAME_BUDGET_MS * 1000)
    n_steps_running_over_budget++;
  return MAX (worst, tick_max / 1000.0);
}

static void
spin_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins until @page says it has loaded; returns the time taken in ms, or -1. */
static double
wait_loaded (GtkWidget *page,
             gboolean   must_reload)
{
  gint64 start = g_get_monotonic_time ();
  gboolean seen_unloaded = !must_reload;

  while (g_get_monotonic_time () - start < LOAD_TIMEOUT_MS * 1000)
    {
      gboolean loaded = integrity_screenshot_page_is_loaded (page);

      if (!loaded)
        seen_unloaded = TRUE;
      else if (seen_unloaded)
        return (g_get_monotonic_time () - start) / 1000.0;
      g_main_context_iteration (NULL, TRUE);
    }
  return -1;
}

static gboolean
has_loaded_property (GtkWidget *page)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (page), "loaded") != NULL;
}

/* The first start of the day: the store's file is not in the page cache
 * (only pages not waiting to be written can be dropped, which is all of
 * them for a store nothing is writing). */
static void
drop_from_page_cache (const char *store)
{
  const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store, suffixes[i], NULL);
      int fd = open (path, O_RDONLY | O_CLOEXEC);

      if (fd < 0)
        continue;
      if (posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED) != 0)
        g_printerr ("bench-window: could not drop %s from the page cache\n", path);
      close (fd);
    }
}

/* A crime recording audit of @rows incidents over 2022, the year after the
 * demo's last month, in the demo's first six districts: what a force sends
 * for a year. */
static void
write_audit_csv (const char *path,
                 guint       rows)
{
  static const char *const districts[] = { "Northgate", "Riverside", "Eastfield", "Westmoor", "Southbank", "Central" };
  static const char *const groups[] = { "violence_with_injury", "theft", "burglary", "public_order", "other" };
  FILE *out = fopen (path, "w");

  if (out == NULL)
    g_error ("cannot write %s", path);
  fputs ("incident_ref,reported_date,district,offence_group,domestic_abuse,crimes_expected,crimes_recorded,"
         "recorded_within_24h\n", out);
  for (guint i = 0; i < rows; i++)
    {
      guint expected = i % 4, recorded = expected - (i % 7 == 0 && expected > 0);

      fprintf (out, "BENCH-2022-%07u,2022-%02u-%02u,%s,%s,%s,%u,%u,%u\n", i, i % 12 + 1, i % 28 + 1,
               districts[i % G_N_ELEMENTS (districts)], groups[i % G_N_ELEMENTS (groups)],
               i % 5 == 0 ? "yes" : "no", expected, recorded, recorded - (i % 3 == 0 && recorded > 0));
    }
  if (fclose (out) != 0)
    g_error ("cannot write %s", path);
}

/* Copies @store (and its write-ahead log, if any) into @dir. */
static char *
copy_store (const char *store,
            const char *dir)
{
  char *copy = g_build_filename (dir, "store.sqlite", NULL);
  const char *const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from_path = g_strconcat (store, suffixes[i], NULL);
      g_autofree char *to_path = g_strconcat (copy, suffixes[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);
      g_autoptr(GError) error = NULL;

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error)
          && !(i > 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)))
        g_error ("cannot copy %s: %s", from_path, error->message);
    }
  return copy;
}

static void
remove_import_dir (const char *dir)
{
  const char *const files[] = { "store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "audit.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* An import of @csv through the app's dialog, with the window shown on the
 * overview: the longest stall from the start of the import until a second
 * after the dialog closed (the figures and the filter's lists reload then). */
static void
measure_import (IntegrityWindow *window,
                const char      *label,
                const char      *csv,
                guint            rows)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  IntegrityImportDialog *dialog = NULL;
  gint64 start;
  double imported;

  integrity_window_show_page (window, "overview");
  spin_ms (SETTLE_MS);
  g_set_weak_pointer (&dialog, integrity_import_dialog_new (window));
  gtk_window_present (GTK_WINDOW (dialog));
  integrity_import_dialog_open_file (dialog, file);
  spin_ms (SETTLE_MS);
  if (integrity_import_dialog_get_importer (dialog) == NULL)
    g_error ("no importer takes %s", csv);
  stall_reset ();
  trace ("import");
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  while (dialog != NULL && g_get_monotonic_time () - start < IMPORT_TIMEOUT_MS * 1000)
    g_main_context_iteration (NULL, TRUE);
  if (dialog != NULL)
    g_error ("the import of %s did not finish", csv);
  imported = (g_get_monotonic_time () - start) / 1000.0;
  spin_ms (AFTER_IMPORT_MS);
  step_done (0);
  g_print ("%s\timport\t%u audit rows\t%.1f\tms stall (%.1f ms of it running; imported in %.0f ms; "
           "worst layout %.1f, paint %.1f ms CPU)\n",
           label, rows, tick_max / 1000.0, tick_max_cpu / 1000.0, imported, layout_max / 1000.0, paint_max / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const pages[] = { "recording-rate", "victim-care", "training", "overview" };
  gint64 start;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(IntegrityFilter) changed = NULL;
  g_autoptr(IntegrityFilter) back = NULL;
  IntegrityContext *context;
  IntegrityWindow *window;
  const char *label;
  double worst_switch = 0;
  struct rusage usage;
  gboolean cold;
  guint import_rows;
  const char *store;
  g_autofree char *import_dir = NULL;
  g_autofree char *import_csv = NULL;
  g_autofree char *store_copy = NULL;

  cold = argc == 4 && g_strcmp0 (argv[3], "--cold-store") == 0;
  import_rows = argc == 5 && g_strcmp0 (argv[3], "--import") == 0 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 0;
  if (argc != 3 && !cold && import_rows == 0)
    {
      g_printerr ("usage: bench-window STORE LABEL [--cold-store | --import ROWS]\n"
                  "  --cold-store: only the start, with the store's file out of the page cache\n"
                  "  --import ROWS: only an import of ROWS audit rows through the app's dialog,\n"
                  "                 into a copy of STORE\n");
      return 2;
    }
  store = argv[1];
  if (import_rows > 0)
    {
      import_dir = g_dir_make_tmp ("bench-window-XXXXXX", &error);
      if (import_dir == NULL)
        g_error ("%s", error->message);
      import_csv = g_build_filename (import_dir, "audit.csv", NULL);
      write_audit_csv (import_csv, import_rows);
      store = store_copy = copy_store (argv[1], import_dir);
    }
  label = argv[2];
  if (cold)
    drop_from_page_cache (store);
  start = g_get_monotonic_time ();
  tracing = g_strcmp0 (g_getenv ("INTEGRITY_BENCH_TRACE"), "1") == 0;
  /* As the app does before GTK starts. */
  integrity_store_check_ahead (store);
  adw_init ();
  integrity_window_add_style (gdk_display_get_default ());
  session = integrity_session_new (store, &error);
  if (session == NULL)
    g_error ("%s", error->message);
  if (integrity_session_get_settings (session) != NULL)
    g_settings_set_string (integrity_session_get_settings (session), "last-page", "overview");
  window = integrity_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  integrity_window_show_page (window, "overview");

  /* Start to the overview's figures on screen. */
  if (wait_loaded (integrity_window_get_page (window, "overview"), FALSE) < 0)
    g_error ("the overview did not load");
  g_print ("%s\twindow\toverview-filled%s\t%.0f\tms\n", label, cold ? "-cold-store" : "",
           (g_get_monotonic_time () - start) / 1000.0);
  if (cold)
    return 0;

  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, on_tick, NULL, NULL);
  spin_ms (SETTLE_MS);
  watch_frames (GTK_WIDGET (window));
  stall_reset ();
  paint_count = 0;
  spin_ms (SETTLE_MS);
  g_print ("%s\tstall\tidle\t%.1f\tms (%u ticks, %u frames painted in %u ms)\n", label, tick_max / 1000.0,
           tick_count, paint_count, SETTLE_MS);
  if (import_rows > 0)
    {
      measure_import (window, label, import_csv, import_rows);
      gtk_window_destroy (GTK_WINDOW (window));
      g_clear_object (&session);
      remove_import_dir (import_dir);
      return 0;
    }

  /* Every page in turn: the switch, its queries, its charts. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GtkWidget *page = integrity_window_get_page (window, pages[i]);
        double ready;

        if (page == NULL)
          continue;
        stall_reset ();
        trace ("show %s", pages[i]);
        integrity_window_show_page (window, pages[i]);
        ready = wait_loaded (page, FALSE);
        trace ("loaded");
        spin_ms (SETTLE_MS);
        worst_switch = step_done (worst_switch);
        g_print ("%s\tswitch%s\t%s\t%.1f\tms stall (%.1f ms of it running; ready %.0f ms; worst layout %.1f, paint %.1f ms CPU)\n",
                 label, round ? "-again" : "", pages[i], tick_max / 1000.0, tick_max_cpu / 1000.0, ready,
                 layout_max / 1000.0, paint_max / 1000.0);
      }

  /* A filter change (district and period) on each plugin page, to its data shown. */
  context = integrity_session_get_context (session);
  {
    const IntegrityFilter *filter = integrity_context_get_filter (context);

    changed = integrity_filter_new (filter->from - 6, filter->to - 6, "Westmoor");
  }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = integrity_window_get_page (window, pages[i]);
      double ready;

      if (page == NULL || !has_loaded_property (page))
        {
          if (page != NULL)
            g_print ("%s\tfilter-change\t%s\t-\tno \"loaded\" property\n", label, pages[i]);
          continue;
        }
      /* Shown after the filter changed on another page: it reloads. */
      stall_reset ();
      integrity_window_show_page (window, pages[i]);
      ready = wait_loaded (page, FALSE);
      spin_ms (SETTLE_MS);
      if (back == NULL)  /* the first page, shown again before any change: not a step */
        worst_switch = MAX (worst_switch, tick_max / 1000.0);
      else  /* the filter was changed, and back, on the page before */
        {
          worst_switch = step_done (worst_switch);
          g_print ("%s\tswitch-after-change\t%s\t%.1f\tms stall (%.1f ms of it running; ready %.0f ms; worst layout %.1f, paint %.1f ms CPU)\n",
                   label, pages[i], tick_max / 1000.0, tick_max_cpu / 1000.0, ready, layout_max / 1000.0, paint_max / 1000.0);
        }
      g_clear_pointer (&back, integrity_filter_free);
      back = integrity_context_dup_filter (context);
      for (guint change = 0; change < 2; change++)
        {
          stall_reset ();
          trace ("filter change%s on %s", change == 0 ? "" : " back", pages[i]);
          integrity_context_set_filter (context, change == 0 ? changed : back);
          ready = wait_loaded (page, TRUE);
          spin_ms (SETTLE_MS);
          worst_switch = step_done (worst_switch);
          g_print ("%s\tfilter-change%s\t%s\t%.0f\tms to data shown (stall %.1f ms, %.1f ms of it running; worst layout %.1f, paint %.1f ms CPU)\n",
                   label, change == 0 ? "" : "-back", pages[i], ready, tick_max / 1000.0, tick_max_cpu / 1000.0,
                   layout_max / 1000.0,
                   paint_max / 1000.0);
        }
    }

  g_print ("%s\tstall\tworst\t%.1f\tms\n", label, worst_switch);
  g_print ("%s\tstall\tsteps-over-%d-ms\t%u\tof %u steps\n", label, FRAME_BUDGET_MS, n_steps_over_budget, n_steps);
  g_print ("%s\tstall\tsteps-running-over-%d-ms\t%u\tof %u steps (the main thread's own CPU time in a step's stall)\n",
           label, FRAME_BUDGET_MS, n_steps_running_over_budget, n_steps);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s\tpeak-rss\tbrowsing\t%.1f\tMB\n", label, usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
