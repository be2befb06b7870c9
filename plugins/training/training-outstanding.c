/* training-outstanding.c — who is not through: a sortable, filterable list, exportable to CSV. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "training-outstanding.h"
#include "training-outstanding-item.h"
#include "training-outstanding-model.h"

struct _TrainingOutstandingList
{
  GtkWidget                 parent_instance;

  TrainingOutstandingModel *model;
  TrainingOutstandingItem  *probe[2];
  int                       probe_column;

  GtkWidget                *box;
  GtkWidget                *title;
  GtkWidget                *search;
  GtkWidget                *export_button;
  GtkWidget                *view;
  GtkWidget                *scroller;
  GtkWidget                *empty;
  GtkFileChooserNative     *chooser;
};

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TrainingOutstandingList, training_outstanding_list, GTK_TYPE_WIDGET)

static void
update_title (TrainingOutstandingList *self)
{
  guint shown = self->model != NULL ? training_outstanding_model_get_n_matching (self->model) : 0;
  guint all = self->model != NULL ? training_outstanding_model_get_n_all (self->model) : 0;
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

/* GTK 4.8 cannot say which column the view sorts by: ask its sorter to
 * compare two items, and see which column's sorter it asks first. */
static int
probe_sort (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  TrainingOutstandingList *self = g_object_get_data (G_OBJECT (column), "training-list");

  if (self != NULL && self->probe_column < 0)
    self->probe_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "training-sort"));
  return GTK_ORDERING_SMALLER;
}

/* The model's district and day, with the search and order the widgets show. */
static TrainingOutstandingQuery *
query_from_widgets (TrainingOutstandingList        *self,
                    const TrainingOutstandingQuery *base)
{
  TrainingOutstandingQuery *query = training_outstanding_query_copy (base);
  GtkSorter *sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view));

  g_free (query->search);
  query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  query->sort = TRAINING_OUTSTANDING_SORT_DEADLINE;
  query->descending = FALSE;
  self->probe_column = -1;
  if (sorter != NULL)
    {
      GtkOrdering order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);

      if (self->probe_column >= 0)
        {
          query->sort = self->probe_column;
          query->descending = order == GTK_ORDERING_LARGER;
        }
    }
  return query;
}

static gboolean
same_search (const TrainingOutstandingQuery *a,
             const TrainingOutstandingQuery *b)
{
  return g_strcmp0 (a->search != NULL ? a->search : "", b->search != NULL ? b->search : "") == 0;
}

/* Another search is counted on a worker; another order of the same rows
 * needs no count. */
static void
requery (TrainingOutstandingList *self)
{
  const TrainingOutstandingQuery *shown;
  g_autoptr(TrainingOutstandingQuery) query = NULL;

  if (self->model == NULL || (shown = training_outstanding_model_get_query (self->model)) == NULL)
    return;
  query = query_from_widgets (self, shown);
  if (training_outstanding_query_equal (query, shown) && !training_outstanding_model_is_counting (self->model))
    return;
  if (same_search (query, shown) && !training_outstanding_model_is_counting (self->model))
    training_outstanding_model_set_counted (self->model, query, training_outstanding_model_get_n_all (self->model),
                                            training_outstanding_model_get_n_matching (self->model));
  else
    training_outstanding_model_set_query (self->model, query);
}

static void
on_loading_changed (TrainingOutstandingList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Bound (@pspec NULL), a cell shows its item, or nothing while it is read;
 * an item reset for a new query keeps its old text until the new arrives. */
static void
update_cell (TrainingOutstandingItem *row,
             GParamSpec              *pspec,
             GtkListItem             *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *property = g_object_get_data (G_OBJECT (label), "training-property");
  gboolean loaded = training_outstanding_item_is_loaded (row);

  if (!loaded && pspec != NULL)
    return;
  if (g_str_equal (property, "days"))
    {
      int days = training_outstanding_item_get_days (row);
      g_autofree char *text = loaded ? training_outstanding_days_label (days) : NULL;

      gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
      if (loaded && days < 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      return;
    }
  if (!loaded && g_str_equal (property, "officer-ref"))
    gtk_label_set_text (GTK_LABEL (label), "…");
  else
    gtk_label_set_text (GTK_LABEL (label), training_outstanding_item_get_text (row, property));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "training-property", user_data);
  gtk_list_item_set_child (item, label);
}

/* The model reads again the pages of the items shown, when the query changes. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TrainingOutstandingItem *row = gtk_list_item_get_item (item);

  training_outstanding_item_set_shown (row, TRUE);
  update_cell (row, NULL, item);
  g_signal_connect_object (row, "notify::loaded", G_CALLBACK (update_cell), item, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  TrainingOutstandingItem *row = gtk_list_item_get_item (item);

  if (row == NULL)
    return;
  g_signal_handlers_disconnect_by_func (row, update_cell, item);
  training_outstanding_item_set_shown (row, FALSE);
}

static GtkColumnViewColumn *
add_column (TrainingOutstandingList *self,
            const char              *title,
            const char              *property,
            TrainingOutstandingSort  sort,
            gboolean                 expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort, column, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) property);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  g_object_set_data (G_OBJECT (column), "training-list", self);
  g_object_set_data (G_OBJECT (column), "training-sort", GINT_TO_POINTER (sort));
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

typedef struct
{
  TrainingOutstandingQuery *query;
  char                     *path;
} ExportRequest;

static void
export_request_free (gpointer data)
{
  ExportRequest *request = data;

  training_outstanding_query_free (request->query);
  g_free (request->path);
  g_free (request);
}

static gpointer
export_rows (sqlite3       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportRequest *request = data;

  /* The shared exporter: CSV, or XLSX for a name ending .xlsx. */
  if (!training_outstanding_write (db, request->query, request->path, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TrainingOutstandingList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (integrity_store_query_finish (INTEGRITY_STORE (source), result, &error) == NULL
      && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    show_export_error (self, error);
}

static void
on_chooser_response (GtkNativeDialog         *chooser,
                     int                      response,
                     TrainingOutstandingList *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  training_outstanding_list_export (self, path);
}

static void
export_csv (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrainingOutstandingList *self = TRAINING_OUTSTANDING_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const TrainingOutstandingQuery *query = self->model != NULL ? training_outstanding_model_get_query (self->model)
                                                              : NULL;
  g_autofree char *day = query != NULL ? training_day_to_iso (query->as_at) : NULL;
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
  /* The view drops its columns as it goes, and its sorter changes: nothing
   * may then ask for a query of widgets being disposed. */
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view)), self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->view = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  G_OBJECT_CLASS (training_outstanding_list_parent_class)->dispose (object);
}

static void
training_outstanding_list_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrainingOutstandingList *self = TRAINING_OUTSTANDING_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, training_outstanding_list_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
training_outstanding_list_class_init (TrainingOutstandingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = training_outstanding_list_dispose;
  object_class->get_property = training_outstanding_list_get_property;
  /* TRUE while a search is counted (the title and rows are the old ones),
   * and while the rows go in or out a few at a time. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_action (widget_class, "outstanding.export", NULL, export_csv);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
training_outstanding_list_init (TrainingOutstandingList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *export_content = adw_button_content_new ();
  GtkColumnViewColumn *days;

  self->probe[0] = training_outstanding_item_new_pending ();
  self->probe[1] = training_outstanding_item_new_pending ();
  self->view = gtk_column_view_new (NULL);

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
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (requery), self, G_CONNECT_SWAPPED);
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

  add_column (self, _("Reference"), "officer-ref", TRAINING_OUTSTANDING_SORT_REFERENCE, FALSE);
  add_column (self, _("Rank"), "rank", TRAINING_OUTSTANDING_SORT_RANK, FALSE);
  add_column (self, _("District"), "district", TRAINING_OUTSTANDING_SORT_DISTRICT, FALSE);
  add_column (self, _("Cohort"), "cohort", TRAINING_OUTSTANDING_SORT_COHORT, FALSE);
  add_column (self, _("Modules missing"), "missing", TRAINING_OUTSTANDING_SORT_MISSING, TRUE);
  days = add_column (self, _("Deadline"), "days", TRAINING_OUTSTANDING_SORT_DEADLINE, FALSE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->view), days, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view)), "changed",
                           G_CALLBACK (requery), self, G_CONNECT_SWAPPED);
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

/* Where the rows come from; once, before the first query. */
void
training_outstanding_list_set_store (TrainingOutstandingList *self,
                                     IntegrityStore          *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (TRAINING_IS_OUTSTANDING_LIST (self));
  g_return_if_fail (INTEGRITY_IS_STORE (store));
  g_return_if_fail (self->model == NULL);

  self->model = training_outstanding_model_new (store);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->view), GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-all", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::counting", G_CALLBACK (on_loading_changed), self,
                           G_CONNECT_SWAPPED);
  /* Below the fold until scrolled to: its rows, and so their widgets, come then. */
  integrity_paged_model_set_view (INTEGRITY_PAGED_MODEL (self->model), self->scroller);
}

/**
 * training_outstanding_list_dup_query:
 *
 * The search and order the list shows, for @district on @as_at: what the
 * page counts with its figures.
 */
TrainingOutstandingQuery *
training_outstanding_list_dup_query (TrainingOutstandingList *self,
                                     const char              *district,
                                     TrainingDay              as_at)
{
  g_autoptr(TrainingOutstandingQuery) base = training_outstanding_query_new (district, as_at);

  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_LIST (self), NULL);
  return query_from_widgets (self, base);
}

/**
 * training_outstanding_list_show_counted:
 *
 * Shows @query's rows, counted with the page's figures, at once; if the
 * person has changed the search or order since, those are counted afresh.
 */
void
training_outstanding_list_show_counted (TrainingOutstandingList        *self,
                                        const TrainingOutstandingQuery *query,
                                        guint                           n_all,
                                        guint                           n_matching)
{
  g_autoptr(TrainingOutstandingQuery) now = NULL;

  g_return_if_fail (TRAINING_IS_OUTSTANDING_LIST (self));
  g_return_if_fail (self->model != NULL && query != NULL);

  now = query_from_widgets (self, query);
  if (training_outstanding_query_equal (now, query))
    training_outstanding_model_set_counted (self->model, query, n_all, n_matching);
  else
    training_outstanding_model_set_query (self->model, now);
}

gboolean
training_outstanding_list_is_loading (TrainingOutstandingList *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_LIST (self), FALSE);
  /* Counted is enough: the rows wait for the list to be scrolled to. */
  return self->model != NULL && training_outstanding_model_is_counting (self->model);
}

/* Every row the list shows, in its order, to @path, on a worker: the list
 * may hold more rows than it has read. */
void
training_outstanding_list_export (TrainingOutstandingList *self,
                                  const char              *path)
{
  const TrainingOutstandingQuery *query;
  ExportRequest *request;

  g_return_if_fail (TRAINING_IS_OUTSTANDING_LIST (self));
  g_return_if_fail (path != NULL);

  if (self->model == NULL || (query = training_outstanding_model_get_query (self->model)) == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  request->query = training_outstanding_query_copy (query);
  request->path = g_strdup (path);
  integrity_store_query_async (training_outstanding_model_get_store (self->model), export_rows, request,
                               export_request_free, NULL, NULL, exported, g_object_ref (self));
}

/* What the list shows: the rows of its search, in its order, read on demand. */
GListModel *
training_outstanding_list_get_model (TrainingOutstandingList *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_LIST (self), NULL);
  return G_LIST_MODEL (self->model);
}
