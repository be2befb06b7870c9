/* bench-list.c — what a column view costs per turn while its rows are replaced. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "bench-util.h"

/* Run under a display (tools/bench runs it under Xvfb). A column view of
 * eight columns holds 300 rows; their contents are then replaced 25 rows per
 * turn, as integrity_list_store_replace_gradually() does, each turn followed
 * by the frame that shows it. Prints the main thread's CPU per turn (the
 * change, then the frame's layout and paint) three ways, side by side in one
 * run: new row objects with a GtkLabel per cell, the same with a
 * GtkInscription per cell, and the same row objects given new text. */

#define N_COLUMNS 8
#define N_ROWS    300
#define CHUNK     25
#define ROUNDS    3

typedef enum { NEW_ROWS_LABELS, NEW_ROWS_INSCRIPTIONS, SAME_ROWS_NEW_TEXT, N_MODES } Mode;

static const char *const mode_names[N_MODES] = {
  "new rows, a GtkLabel per cell",
  "new rows, a GtkInscription per cell",
  "the same rows given new text",
};

/* A row of text that can change in place ("changed"). */
#define BENCH_TYPE_ROW (bench_row_get_type ())
G_DECLARE_FINAL_TYPE (BenchRow, bench_row, BENCH, ROW, GObject)

struct _BenchRow
{
  GObject  parent_instance;
  char    *text;
};

G_DEFINE_FINAL_TYPE (BenchRow, bench_row, G_TYPE_OBJECT)

static guint row_changed;

static void
bench_row_finalize (GObject *object)
{
  g_free (BENCH_ROW (object)->text);
  G_OBJECT_CLASS (bench_row_parent_class)->finalize (object);
}

static void
bench_row_class_init (BenchRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_row_finalize;
  row_changed = g_signal_new ("changed", BENCH_TYPE_ROW, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bench_row_init (BenchRow *row)
{
}

static BenchRow *
bench_row_new (guint round,
               guint index)
{
  BenchRow *row = g_object_new (BENCH_TYPE_ROW, NULL);

  row->text = g_strdup_printf ("incident %u-%u", round, index * 7919 % 100000);
  return row;
}

static guint frames;

static void
on_paint (GdkFrameClock *clock,
          gpointer       data)
{
  frames++;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  mode)
{
  GtkWidget *cell;

  if (GPOINTER_TO_INT (mode) == NEW_ROWS_INSCRIPTIONS)
    {
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 14);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
    }
  gtk_list_item_set_child (item, cell);
}

static void
show_text (GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  BenchRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%s · %d", row->text,
                                           GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column")));

  if (GTK_IS_INSCRIPTION (cell))
    gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  else
    gtk_label_set_text (GTK_LABEL (cell), text);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  g_object_set_data (G_OBJECT (item), "column", column);
  g_signal_connect_object (gtk_list_item_get_item (item), "changed", G_CALLBACK (show_text), item,
                           G_CONNECT_SWAPPED);
  show_text (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), item);
}

/* Rows without widgets change nothing on screen: the queued draw makes
 * sure a frame comes (and costs next to nothing when nothing changed). */
static void
wait_frame (GtkWidget *window)
{
  guint before = frames;

  gtk_widget_queue_draw (window);
  while (frames == before)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Rows @at … @at + CHUNK take round @round's contents. */
static void
replace_chunk (GListStore *store,
               Mode        mode,
               guint       round,
               guint       at)
{
  BenchRow *rows[CHUNK];

  if (mode == SAME_ROWS_NEW_TEXT)
    {
      for (guint i = at; i < at + CHUNK; i++)
        {
          g_autoptr(BenchRow) row = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_free (row->text);
          row->text = g_strdup_printf ("incident %u-%u", round, i * 7919 % 100000);
          g_signal_emit (row, row_changed, 0);
        }
      return;
    }
  for (guint i = 0; i < CHUNK; i++)
    rows[i] = bench_row_new (round, at + i);
  g_list_store_splice (store, at, CHUNK, (gpointer *) rows, CHUNK);
  for (guint i = 0; i < CHUNK; i++)
    g_object_unref (rows[i]);
}

static void
run (Mode mode)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GListStore *store = g_list_store_new (BENCH_TYPE_ROW);
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (store))));
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      g_autofree char *title = g_strdup_printf ("Column %d", c);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (mode));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, c == 3);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (on_paint), NULL);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(BenchRow) row = bench_row_new (0, i);
      g_list_store_append (store, row);
    }
  wait_frame (window);

  for (guint round = 1; round <= ROUNDS; round++)
    for (guint at = 0; at < N_ROWS; at += CHUNK)
      {
        gint64 start = bench_thread_cpu_us ();
        gint64 spent;

        replace_chunk (store, mode, round, at);
        wait_frame (window);
        spent = bench_thread_cpu_us () - start;
        g_array_append_val (turns, spent);
      }

  g_array_sort (turns, compare_gint64);
  g_print ("column view, %d columns, %d rows, %d replaced a turn, %s:\tmedian %.1f ms, worst %.1f ms CPU a turn (%u turns)\n",
           N_COLUMNS, N_ROWS, CHUNK, mode_names[mode], g_array_index (turns, gint64, turns->len / 2) / 1000.0,
           g_array_index (turns, gint64, turns->len - 1) / 1000.0, turns->len);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  for (guint i = 0; i < 2; i++)
    for (Mode mode = 0; mode < N_MODES; mode++)
      run (mode);
  return 0;
}
