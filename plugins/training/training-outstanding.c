/* training-outstanding.c — who is not through: a sortable, filterable list, exportable to CSV. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "training-outstanding.h"
#include "training-outstanding-item.h"

struct _TrainingOutstandingList
{
  GtkWidget           parent_instance;

  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  TrainingDay         as_at;

  GtkWidget          *box;
  GtkWidget          *title;
  GtkWidget          *search;
  GtkWidget          *export_button;
  GtkWidget          *view;
  GtkWidget          *scroller;
  GtkWidget          *empty;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TrainingOutstandingList, training_outstanding_list, GTK_TYPE_WIDGET)

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  TrainingOutstandingList *self = user_data;
  static const char * const searched[] = { "officer-ref", "rank", "district", "cohort", "missing" };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
    {
      g_autofree char *hay = g_utf8_casefold (training_outstanding_item_get_text (item, searched[i]), -1);
      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
update_title (TrainingOutstandingList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *shown_text = integrity_format_count (shown);
  g_autofree char *all_text = integrity_format_count (all);
  g_autofree char *title = NULL;

  if (shown == all)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outstanding: %s officer", "Outstanding: %s officers",
                                          all), all_text);
  else
    /* Translators: "Outstanding: 12 of 340 officers", after filtering */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outstanding: %s of %s officer",
                                          "Outstanding: %s of %s officers", all), shown_text, all_text);
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_widget_set_visible (self->empty, all == 0);
  gtk_widget_set_visible (self->scroller, all > 0);
  gtk_widget_set_sensitive (self->export_button, shown > 0);
}

static void
on_search_changed (GtkSearchEntry          *entry,
                   TrainingOutstandingList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_items_changed (GListModel              *model,
                  guint                    position,
                  guint                    removed,
                  guint                    added,
                  TrainingOutstandingList *self)
{
  update_title (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TrainingOutstandingItem *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *property = user_data;

  if (g_str_equal (property, "days"))
    {
      int days = training_outstanding_item_get_days (row);
      g_autofree char *text = training_outstanding_days_label (days);

      gtk_label_set_text (GTK_LABEL (label), text);
      if (days < 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      return;
    }
  gtk_label_set_text (GTK_LABEL (label), training_outstanding_item_get_text (row, property));
}

static GtkColumnViewColumn *
add_column (TrainingOutstandingList *self,
            const char              *title,
            const char              *property,
            gboolean                 expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (TRAINING_TYPE_OUTSTANDING_ITEM, NULL, property);
  GtkSorter *sorter;
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) property);
  if (g_str_equal (property, "days"))
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->view), column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static void
show_export_error (TrainingOutstandingList *self,
                   const GError            *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export the List"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog         *chooser,
                     int                      response,
                     TrainingOutstandingList *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  /* The shared exporter: CSV, or XLSX for a name ending .xlsx. */
  if (!training_outstanding_export (G_LIST_MODEL (self->sorted), path, &error))
    show_export_error (self, error);
}

static void
export_csv (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrainingOutstandingList *self = TRAINING_OUTSTANDING_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *day = training_day_to_iso (self->as_at);
  g_autofree char *name = g_strdup_printf ("training-outstanding-%s.csv", day != NULL ? day : "");

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Outstanding List"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
training_outstanding_list_dispose (GObject *object)
{
  TrainingOutstandingList *self = TRAINING_OUTSTANDING_LIST (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (training_outstanding_list_parent_class)->dispose (object);
}

static void
training_outstanding_list_class_init (TrainingOutstandingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = training_outstanding_list_dispose;
  gtk_widget_class_install_action (widget_class, "outstanding.export", NULL, export_csv);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
training_outstanding_list_init (TrainingOutstandingList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *export_content = adw_button_content_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkColumnViewColumn *days;

  self->store = g_list_store_new (TRAINING_TYPE_OUTSTANDING_ITEM);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), GTK_FILTER (self->filter));
  self->view = gtk_column_view_new (NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view))));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->view), GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self, 0);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), header);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_box_append (GTK_BOX (header), self->title);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Filter by reference, district, cohort or module"), NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search), 36);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (on_search_changed), self, 0);
  gtk_box_append (GTK_BOX (header), self->search);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (export_content), "document-save-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (export_content), _("_Export…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (export_content), TRUE);
  self->export_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->export_button), export_content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "outstanding.export");
  gtk_widget_set_tooltip_text (self->export_button,
                               _("Save the list as shown, as a spreadsheet (.xlsx) or CSV, for supervisors to chase"));
  gtk_box_append (GTK_BOX (header), self->export_button);

  add_column (self, _("Reference"), "officer-ref", FALSE);
  add_column (self, _("Rank"), "rank", FALSE);
  add_column (self, _("District"), "district", FALSE);
  add_column (self, _("Cohort"), "cohort", FALSE);
  add_column (self, _("Modules missing"), "missing", TRUE);
  days = add_column (self, _("Deadline"), "days", FALSE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->view), days, GTK_SORT_ASCENDING);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_widget_add_css_class (self->view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Officers outstanding"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 360);
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_box_append (GTK_BOX (self->box), self->scroller);

  self->empty = gtk_label_new (_("Everyone in scope is through every module their cohorts require."));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty);
  update_title (self);
}

GtkWidget *
training_outstanding_list_new (void)
{
  return g_object_new (TRAINING_TYPE_OUTSTANDING_LIST, NULL);
}

/* @rows: (element-type TrainingOutstanding) */
void
training_outstanding_list_set_rows (TrainingOutstandingList *self,
                                    GPtrArray               *rows,
                                    TrainingDay              as_at)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TRAINING_IS_OUTSTANDING_LIST (self));

  self->as_at = as_at;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (items, training_outstanding_item_new (g_ptr_array_index (rows, i), as_at));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_title (self);
}

/* What the list shows: filtered and sorted. */
GListModel *
training_outstanding_list_get_model (TrainingOutstandingList *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_LIST (self), NULL);
  return G_LIST_MODEL (self->sorted);
}
