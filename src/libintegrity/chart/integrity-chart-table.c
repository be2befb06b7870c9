/* integrity-chart-table.c — a chart's numbers as a table: the accessible alternative. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "core/integrity-table.h"
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
        /* xgettext:no-c-format */
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

/* An X value as a table cell: months, weeks and days as dates (a month as
 * its first day), categories by name. */
static char *
x_cell (IntegrityChart *chart,
        double          x)
{
  switch (chart->x_kind)
    {
    case INTEGRITY_CHART_X_MONTHS:
      {
        IntegrityMonth month = (IntegrityMonth) x;

        return g_strdup_printf ("%04d-%02d-01", integrity_month_get_year (month), integrity_month_get_month (month));
      }
    case INTEGRITY_CHART_X_WEEKS:
    case INTEGRITY_CHART_X_DAYS:
      if (g_date_valid_julian ((guint32) x))
        {
          g_autoptr(GDate) date = g_date_new_julian ((guint32) x);

          return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date));
        }
      break;
    case INTEGRITY_CHART_X_CATEGORIES:
    default:
      break;
    }
  return integrity_chart_format_x (chart, x);
}

static char *
number_cell (GArray *values,
             guint   index)
{
  double value = _integrity_chart_value (values, index);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  /* 15 significant digits: what a spreadsheet keeps, without 0.69999999999999996. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static gboolean
export_series (IntegrityChart        *chart,
               const char            *path,
               GError               **error)
{
  static const char *x_titles[] = { N_("Month"), N_("Week"), N_("Day"), N_("Group") };
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (IntegrityTableColumn));
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) xs = integrity_chart_get_x_values (chart);
  g_autoptr(IntegrityTableWriter) writer = NULL;
  IntegrityTableColumn column;

  column.heading = _(x_titles[chart->x_kind]);
  column.type = chart->x_kind == INTEGRITY_CHART_X_CATEGORIES ? INTEGRITY_TABLE_TEXT : INTEGRITY_TABLE_DATE;
  g_array_append_val (columns, column);
  for (guint s = 0; s < chart->series->len; s++)
    {
      IntegrityChartSeries *series = _integrity_chart_series (chart, s);
      const char *name = series->name != NULL ? series->name : _("Value");

      column.heading = name;
      column.type = INTEGRITY_TABLE_NUMBER;
      g_array_append_val (columns, column);
      if (series->lo != NULL)
        {
          /* Translators: a column of the lower (then upper) bounds of a series' 95% interval */
          g_ptr_array_add (headings, g_strdup_printf (_("%s, lower 95%% bound"), name));
          column.heading = g_ptr_array_index (headings, headings->len - 1);
          g_array_append_val (columns, column);
          g_ptr_array_add (headings, g_strdup_printf (_("%s, upper 95%% bound"), name));
          column.heading = g_ptr_array_index (headings, headings->len - 1);
          g_array_append_val (columns, column);
        }
    }

  writer = integrity_table_writer_new (path, integrity_chart_get_title (chart),
                                       (IntegrityTableColumn *) (gpointer) columns->data, columns->len, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, x_cell (chart, x));
      for (guint s = 0; s < chart->series->len; s++)
        {
          IntegrityChartSeries *series = _integrity_chart_series (chart, s);
          guint k;
          gboolean found = _integrity_chart_find_x (series, x, &k);

          g_ptr_array_add (cells, found ? number_cell (series->y, k) : g_strdup (""));
          if (series->lo != NULL)
            {
              g_ptr_array_add (cells, found ? number_cell (series->lo, k) : g_strdup (""));
              g_ptr_array_add (cells, found ? number_cell (series->hi, k) : g_strdup (""));
            }
        }
      g_ptr_array_add (cells, NULL);
      if (!integrity_table_writer_add_row (writer, (const char * const *) cells->pdata, error))
        return FALSE;
    }
  return integrity_table_writer_finish (writer, error);
}

static gboolean
export_heatmap (IntegrityChart        *chart,
                IntegrityChartSeries  *series,
                const char            *path,
                GError               **error)
{
  guint n_x = series->x->len;
  g_autofree IntegrityTableColumn *columns = g_new0 (IntegrityTableColumn, n_x + 1);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(IntegrityTableWriter) writer = NULL;

  columns[0].heading = series->name != NULL ? series->name : "";
  columns[0].type = INTEGRITY_TABLE_TEXT;
  for (guint c = 0; c < n_x; c++)
    {
      g_ptr_array_add (headings, integrity_chart_format_x (chart, g_array_index (series->x, double, c)));
      columns[c + 1].heading = g_ptr_array_index (headings, c);
      columns[c + 1].type = INTEGRITY_TABLE_NUMBER;
    }
  writer = integrity_table_writer_new (path, integrity_chart_get_title (chart), columns, n_x + 1, error);
  if (writer == NULL)
    return FALSE;
  for (guint r = 0; series->rows[r] != NULL; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (series->rows[r]));
      for (guint c = 0; c < n_x; c++)
        g_ptr_array_add (cells, number_cell (series->y, r * n_x + c));
      g_ptr_array_add (cells, NULL);
      if (!integrity_table_writer_add_row (writer, (const char * const *) cells->pdata, error))
        return FALSE;
    }
  return integrity_table_writer_finish (writer, error);
}

/**
 * integrity_chart_export_table:
 * @path: the file: `.xlsx` writes a spreadsheet, anything else CSV
 *
 * The numbers @chart draws, through the shared table exporter: a row per X
 * (months, weeks and days as dates), a column per series with the bounds of
 * its interval, values as numbers, as the chart holds them.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
integrity_chart_export_table (IntegrityChart  *chart,
                              const char      *path,
                              GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (chart->series->len > 0 && _integrity_chart_series (chart, 0)->kind == INTEGRITY_CHART_SERIES_HEATMAP)
    return export_heatmap (chart, _integrity_chart_series (chart, 0), path, error);
  return export_series (chart, path, error);
}
