/* integrity-chart-table.c — a chart's numbers as a table: the accessible alternative. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-chart-private.h"
#include "integrity-chart-view.h"

/* One row of the table: its cells as text. */
#define ROW_TYPE (integrity_chart_row_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityChartRow, integrity_chart_row, INTEGRITY, CHART_ROW, GObject)

struct _IntegrityChartRow
{
  GObject  parent_instance;
  GStrv    cells;
};

G_DEFINE_FINAL_TYPE (IntegrityChartRow, integrity_chart_row, G_TYPE_OBJECT)

static void
integrity_chart_row_finalize (GObject *object)
{
  g_strfreev (INTEGRITY_CHART_ROW (object)->cells);
  G_OBJECT_CLASS (integrity_chart_row_parent_class)->finalize (object);
}

static void
integrity_chart_row_class_init (IntegrityChartRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = integrity_chart_row_finalize;
}

static void
integrity_chart_row_init (IntegrityChartRow *row)
{
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (data) == 0 ? 0.0f : 1.0f);
  gtk_widget_add_css_class (label, GPOINTER_TO_UINT (data) == 0 ? "heading" : "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  IntegrityChartRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      column < g_strv_length (row->cells) ? row->cells[column] : "");
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static void
add_row (GListStore *store,
         GPtrArray  *cells)
{
  IntegrityChartRow *row = g_object_new (ROW_TYPE, NULL);

  g_ptr_array_add (cells, NULL);
  row->cells = (GStrv) g_ptr_array_free (cells, FALSE);
  g_list_store_append (store, row);
  g_object_unref (row);
}

static char *
value_text (IntegrityChart *chart,
            GArray         *values,
            guint           index)
{
  return integrity_format_value (_integrity_chart_value (values, index), integrity_chart_get_y_format (chart));
}

/* Rows are the X values; a column per series (and its interval). */
static void
fill_series_table (GtkColumnView  *view,
                   GListStore     *store,
                   IntegrityChart *chart)
{
  static const char *x_titles[] = { N_("Month"), N_("Week"), N_("Day"), N_("Group") };
  g_autoptr(GArray) xs = integrity_chart_get_x_values (chart);
  guint column = 0;

  add_column (view, _(x_titles[chart->x_kind]), column++);
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      add_column (view, series->name != NULL ? series->name : _("Value"), column++);
      if (series->lo != NULL)
        add_column (view, _("95% interval"), column++);
    }

  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);
      GPtrArray *cells = g_ptr_array_new ();

      g_ptr_array_add (cells, integrity_chart_format_x (chart, x));
      for (guint s = 0; s < chart->series->len; s++)
        {
          IntegrityChartSeries *series = _integrity_chart_series (chart, s);
          guint k;
          gboolean found = _integrity_chart_find_x (series, x, &k);

          g_ptr_array_add (cells, found ? value_text (chart, series->y, k) : g_strdup ("–"));
          if (series->lo != NULL)
            {
              g_autofree char *lo = found ? value_text (chart, series->lo, k) : NULL;
              g_autofree char *hi = found ? value_text (chart, series->hi, k) : NULL;
              g_ptr_array_add (cells, found ? g_strdup_printf ("%s – %s", lo, hi) : g_strdup ("–"));
            }
        }
      add_row (store, cells);
    }
}

/* A heat map: a row per row label, a column per X. */
static void
fill_heatmap_table (GtkColumnView        *view,
                    GListStore           *store,
                    IntegrityChart       *chart,
                    IntegrityChartSeries *series)
{
  guint n_x = series->x->len;

  add_column (view, series->name != NULL ? series->name : "", 0);
  for (guint c = 0; c < n_x; c++)
    {
      g_autofree char *title = integrity_chart_format_x (chart, g_array_index (series->x, double, c));
      add_column (view, title, c + 1);
    }
  for (guint r = 0; series->rows[r] != NULL; r++)
    {
      GPtrArray *cells = g_ptr_array_new ();

      g_ptr_array_add (cells, g_strdup (series->rows[r]));
      for (guint c = 0; c < n_x; c++)
        g_ptr_array_add (cells, value_text (chart, series->y, r * n_x + c));
      add_row (store, cells);
    }
}

/**
 * integrity_chart_table_new:
 *
 * Returns: (transfer floating): a #GtkColumnView of the numbers @chart
 *   draws, as they are when called
 */
GtkWidget *
integrity_chart_table_new (IntegrityChart *chart)
{
  GListStore *store;
  GtkWidget *view;

  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), NULL);

  store = g_list_store_new (ROW_TYPE);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (store))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");

  if (chart->series->len > 0 && _integrity_chart_series (chart, 0)->kind == INTEGRITY_CHART_SERIES_HEATMAP)
    fill_heatmap_table (GTK_COLUMN_VIEW (view), store, chart, _integrity_chart_series (chart, 0));
  else
    fill_series_table (GTK_COLUMN_VIEW (view), store, chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  integrity_chart_get_title (chart) != NULL ? integrity_chart_get_title (chart)
                                                                             : _("Chart data"),
                                  -1);
  return view;
}
