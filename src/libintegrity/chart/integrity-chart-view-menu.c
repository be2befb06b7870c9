/* integrity-chart-view-menu.c — copy, save and show a chart as a table. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "integrity-chart-render-private.h"
#include "integrity-chart-view-private.h"

/* Files and the clipboard get the light theme at a size that reads in a
 * briefing pack, whatever the screen shows. */
#define EXPORT_WIDTH 1200
#define EXPORT_HEIGHT 675

GMenuModel *
_integrity_chart_view_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) save = g_menu_new ();
  g_autoptr(GMenu) table = g_menu_new ();

  g_menu_append (menu, _("_Copy Image"), "chart.copy");
  g_menu_append (save, _("Save as _PNG…"), "chart.save('png')");
  g_menu_append (save, _("Save as _SVG…"), "chart.save('svg')");
  g_menu_append (save, _("Save as P_DF…"), "chart.save('pdf')");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));
  g_menu_append (table, _("Show as _Table"), "chart.show-table");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (table));
  return G_MENU_MODEL (menu);
}

static void
export_style (IntegrityChartStyle *style)
{
  integrity_chart_style_init (style, INTEGRITY_CHART_THEME_LIGHT, 1.2);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  IntegrityChartStyle style;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (self->chart == NULL)
    return;
  export_style (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, EXPORT_WIDTH, EXPORT_HEIGHT);
  cr = cairo_create (surface);
  integrity_chart_render (self->chart, cr, EXPORT_WIDTH, EXPORT_HEIGHT, &style);
  cairo_surface_flush (surface);
  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * EXPORT_HEIGHT);
  texture = gdk_memory_texture_new (EXPORT_WIDTH, EXPORT_HEIGHT, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static char *
suggested_name (IntegrityChart *chart,
                const char     *extension)
{
  const char *title = integrity_chart_get_title (chart);
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("chart"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, ".", extension, NULL);
}

static void
show_error (GtkWidget *widget,
            GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The chart was not saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_response (GtkNativeDialog    *native,
               int                 response,
               IntegrityChartView *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      IntegrityChartStyle style;

      export_style (&style);
      if (path != NULL
          && !integrity_chart_save (self->chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, &style, &error))
        show_error (GTK_WIDGET (self), error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (self->chart == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = suggested_name (self->chart, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, g_str_equal (extension, "png") ? _("PNG image")
                                    : g_str_equal (extension, "svg") ? _("SVG image") : _("PDF document"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_table_response (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  GtkWindow *window = user_data;
  IntegrityChart *chart = g_object_get_data (G_OBJECT (window), "integrity-chart");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL
      && !integrity_chart_export_table (chart, path, &error))
    show_error (GTK_WIDGET (window), error);
  g_object_unref (chooser);
}

static void
export_table_clicked (GtkButton *button,
                      GtkWindow *window)
{
  IntegrityChart *chart = g_object_get_data (G_OBJECT (window), "integrity-chart");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (chart, "xlsx");

  chooser = gtk_file_chooser_native_new (_("Export the Numbers"), window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (xlsx, _("Spreadsheets (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_table_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IntegrityChartView *self = INTEGRITY_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window, *scrolled, *header, *export_button;
  const char *title;
  g_autofree char *window_title = NULL;

  if (self->chart == NULL)
    return;
  title = integrity_chart_get_title (self->chart);
  /* Translators: the title of the window showing a chart's numbers */
  window_title = g_strdup_printf (_("Data: %s"), title != NULL ? title : _("Chart"));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), integrity_chart_table_new (self->chart));
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  header = gtk_header_bar_new ();
  export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_tooltip_text (export_button, _("Save the numbers as a spreadsheet (.xlsx) or CSV"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), export_button);
  window = g_object_new (GTK_TYPE_WINDOW,
                         "title", window_title,
                         "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         "default-height", 480,
                         "destroy-with-parent", TRUE,
                         "titlebar", header,
                         "child", scrolled,
                         NULL);
  /* The table shows the chart as it was: export that copy. */
  g_object_set_data_full (G_OBJECT (window), "integrity-chart", g_object_ref (self->chart), g_object_unref);
  g_signal_connect (export_button, "clicked", G_CALLBACK (export_table_clicked), window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _integrity_chart_view_popup_menu (INTEGRITY_CHART_VIEW (widget),
                                    gtk_widget_get_width (widget) / 2.0,
                                    gtk_widget_get_height (widget) / 2.0);
}

void
_integrity_chart_view_popup_menu (IntegrityChartView *self,
                                  double              x,
                                  double              y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) model = _integrity_chart_view_menu_model ();

      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

void
_integrity_chart_view_install_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "chart.show-table", NULL, show_table_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, popup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chart.copy", NULL);
}
