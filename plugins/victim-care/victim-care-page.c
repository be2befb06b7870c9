/* victim-care-page.c — the victim-care page: briefing and work queue. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "victim-care-charts.h"
#include "victim-care-data.h"
#include "victim-care-page.h"
#include "victim-care-queue.h"
#include "victim-care-timeline.h"

enum { COLUMN_REFERENCE, COLUMN_DISTRICT, COLUMN_DUE, COLUMN_DEADLINE, COLUMN_OVERDUE, N_COLUMNS };

struct _VictimCarePage
{
  GtkWidget            parent_instance;

  IntegrityContext    *context;
  GCancellable        *cancellable;           /* the figures */
  GCancellable        *timeline_cancellable;
  VictimQueueModel    *queue;
  GtkSingleSelection  *selection;
  VictimQueueItem     *probe[2];
  int                  probe_column;
  GDate                as_at;
  gboolean             loaded;
  guint                n_tiles;

  GtkWidget           *subtitle_label;
  GtkWidget           *view_stack;
  GtkWidget           *sections;
  AdwViewStackPage    *queue_page;
  GtkWidget           *headline_label;
  GtkWidget           *tiles_box;
  GtkWidget           *view_label;
  GtkWidget           *charts_grid;
  GtkWidget           *search_entry;
  GtkWidget           *kind_dropdown;
  GtkWidget           *when_dropdown;
  GtkWidget           *count_label;
  GtkWidget           *queue_view;
  GtkWidget           *timeline_title;
  GtkWidget           *timeline_hint;
  GtkWidget           *timeline_list;
};

G_DEFINE_FINAL_TYPE (VictimCarePage, victim_care_page, GTK_TYPE_WIDGET)

/* "loaded": the figures are shown and the queue counted, its rows shown or
 * not (screenshots, tests). */
enum { PROP_0, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- the figures ------------------------------------------------------------ */

static gpointer
query_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return victim_care_query_page (db, data, error);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_grid_remove (GTK_GRID (parent), child);
    }
}

static char *
format_rate (const VictimPageData *data,
             VictimRate            rate)
{
  return integrity_format_value (victim_count_rate (&data->totals[rate]), INTEGRITY_FORMAT_PERCENT);
}

/* The sentence a chief officer reads first. */
static char *
describe_headline (const VictimPageData *data)
{
  g_autofree char *period = integrity_filter_describe (data->filter);
  g_autofree char *referral = format_rate (data, VICTIM_RATE_REFERRAL);
  g_autofree char *enhanced = format_rate (data, VICTIM_RATE_DECISIONS_ENHANCED);
  g_autofree char *reviewed = format_rate (data, VICTIM_RATE_CLOSURE_REVIEWED);
  g_autofree char *overdue = integrity_format_count ((double) data->queue_overdue);

  if (!g_date_valid (&data->as_at))
    return g_strdup (_("No victim-care data yet: import victim-cases, victim-decisions or support-line "
                       "files, or explore the demo data."));
  /* Translators: e.g. "Jan–Dec 2021: 86% of victims referred to support in time, …" */
  return g_strdup_printf (_("%s: %s of victims referred to support in time, %s of key decisions told "
                            "in time to victims with enhanced rights, %s of closures reviewed by a "
                            "supervisor. %s deadlines are overdue now."),
                          period, referral, enhanced, reviewed, overdue);
}

/* Outcomes 14 and 16 close a case because the victim does not support
 * action: was what the victim wanted written down first? */
static char *
describe_view_recorded (const VictimPageData *data)
{
  g_autofree char *share = NULL;
  g_autofree char *closures = NULL;

  if (data->view_outcomes == 0)
    return NULL;
  share = integrity_format_value ((double) data->view_recorded / (double) data->view_outcomes,
                                  INTEGRITY_FORMAT_PERCENT);
  closures = integrity_format_count ((double) data->view_outcomes);
  /* Translators: "Victim’s view recorded before closing: 78% of 1,234 cases closed with outcome 14 or 16 …" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Victim’s view recorded before closing: %s of %s case closed with "
                                       "outcome 14 or 16 (the victim does not support action).",
                                       "Victim’s view recorded before closing: %s of %s cases closed with "
                                       "outcome 14 or 16 (the victim does not support action).",
                                       (gulong) MIN (data->view_outcomes, G_MAXULONG)),
                          share, closures);
}

/* Two charts a row; an odd last one spans the row. */
static void
build_chart_views (VictimCarePage *self,
                   GPtrArray      *charts)
{
  remove_children (self->charts_grid);
  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *view = integrity_chart_view_new (g_ptr_array_index (charts, i));
      gboolean wide = i == charts->len - 1 && charts->len % 2 == 1;

      gtk_widget_set_size_request (view, 320, 420);
      gtk_widget_set_hexpand (view, TRUE);
      gtk_grid_attach (GTK_GRID (self->charts_grid), view, wide ? 0 : (int) i % 2, (int) i / 2, wide ? 2 : 1, 1);
    }
}

static void
show_figures (VictimCarePage *self,
              VictimPageData *data)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *headline = describe_headline (data);
  g_autofree char *view_text = describe_view_recorded (data);
  g_autofree char *subtitle = NULL;
  g_autofree char *period = integrity_filter_describe (data->filter);
  char day[64] = "";

  self->as_at = data->as_at;
  if (g_date_valid (&data->as_at))
    g_date_strftime (day, sizeof day, "%-d %B %Y", &data->as_at);
  /* Translators: "Jan–Dec 2021 · Work queue as at 31 December 2021" */
  subtitle = g_date_valid (&data->as_at) ? g_strdup_printf (_("%s · Work queue as at %s"), period, day)
                                         : g_strdup (period);
  gtk_label_set_label (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_label_set_label (GTK_LABEL (self->headline_label), headline);

  victim_care_kpis_from_data (data, kpis);
  if (!integrity_kpi_tiles_update (self->tiles_box, kpis))
    {
      remove_children (self->tiles_box);
      for (guint i = 0; i < kpis->len; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (self->tiles_box), integrity_kpi_tile_new (g_ptr_array_index (kpis, i)));
    }
  self->n_tiles = kpis->len;

  charts = victim_care_build_charts (data, 0);
  if (!integrity_chart_views_update (self->charts_grid, charts))
    build_chart_views (self, charts);

  integrity_page_reveal_in_steps (self->sections);
  gtk_label_set_label (GTK_LABEL (self->view_label), view_text != NULL ? view_text : "");
  gtk_widget_set_visible (self->view_label, view_text != NULL);

  /* The count goes in the title, not a badge: libadwaita 1.2 draws badges
   * with a GL shader, which the Cairo renderer (no GPU, screenshots, the
   * briefing machine) paints as a pink square. */
  {
    guint64 due = data->queue_overdue + data->queue_due_today;
    g_autofree char *title = due > 0
      ? g_strdup_printf (_("Work Queue (%llu)"), (unsigned long long) due)
      : g_strdup (_("Work Queue"));

    adw_view_stack_page_set_title (self->queue_page, title);
  }
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
page_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VictimCarePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VictimPageData) data = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (GTK_LABEL (self->headline_label), error->message);
      return;
    }
  show_figures (self, data);
}

/* ---- the work queue ----------------------------------------------------------- */

static void
update_count (VictimCarePage *self)
{
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->count_label == NULL || self->queue == NULL)
    return;
  /* What the queue holds, though the hidden list may not have its rows yet. */
  n = integrity_paged_model_get_n_matching (INTEGRITY_PAGED_MODEL (self->queue));
  count = integrity_format_count (n);
  if (victim_queue_model_is_loading (self->queue))
    text = g_strdup (_("Counting…"));
  else
    /* Translators: %s is a number of deadlines */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deadline", "%s deadlines", n), count);
  gtk_label_set_label (GTK_LABEL (self->count_label), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
reload_queue (VictimCarePage *self)
{
  const IntegrityFilter *filter = integrity_context_get_filter (self->context);
  VictimQueueQuery query = { 0 };
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));
  guint when = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->when_dropdown));
  GtkSorter *sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->queue_view));

  query.district = filter != NULL ? filter->district : NULL;
  query.kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1;
  query.when = when == 1 ? VICTIM_WHEN_OVERDUE : when == 2 ? VICTIM_WHEN_DUE_TODAY : VICTIM_WHEN_ALL;
  query.search = (char *) gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_date_clear (&query.as_at, 1);

  /* GTK 4.8 cannot say which column the view sorts by: ask its sorter to
   * compare two items and see which column's sorter it asks first. */
  self->probe_column = -1;
  query.sort = VICTIM_SORT_DEADLINE;
  if (sorter != NULL)
    {
      GtkOrdering order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);

      if (self->probe_column >= 0)
        {
          static const VictimQueueSort sorts[] = { VICTIM_SORT_REFERENCE, VICTIM_SORT_DISTRICT, VICTIM_SORT_DUE,
                                                   VICTIM_SORT_DEADLINE, VICTIM_SORT_DEADLINE };
          query.sort = sorts[self->probe_column];
          query.descending = order == GTK_ORDERING_LARGER;
          /* More days overdue is an earlier deadline. */
          if (self->probe_column == COLUMN_OVERDUE)
            query.descending = !query.descending;
        }
    }
  victim_queue_model_set_query (self->queue, &query);
}

static void
filters_changed (VictimCarePage *self)
{
  if (self->queue != NULL)
    reload_queue (self);
}

static int
probe_sort (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  VictimCarePage *self = g_object_get_data (G_OBJECT (column), "victim-care-page");
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "victim-care-column"));

  if (self != NULL && self->probe_column < 0)
    self->probe_column = index;
  return -1;
}

/* Cells are labels bound to one property of the row's item, so a row read
 * later (or read again for a new filter) updates its cells in place. A
 * signal factory, not a builder one: a builder template is parsed anew for
 * every cell, a cost paid for each of the rows the view makes at once. */
#define CELL_BINDING_KEY "victim-care-cell-binding"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric != NULL ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric != NULL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const char               *property)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), property,
                                              gtk_list_item_get_child (item), "label", G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), CELL_BINDING_KEY, binding);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), CELL_BINDING_KEY);

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
add_column (VictimCarePage *self,
            int             index,
            const char     *title,
            const char     *property,
            gboolean        numeric,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), numeric ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) property);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (title, factory);

  g_object_set_data (G_OBJECT (column), "victim-care-page", self);
  g_object_set_data (G_OBJECT (column), "victim-care-column", GINT_TO_POINTER (index));
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort, column, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->queue_view), column);
  if (index == COLUMN_OVERDUE)
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->queue_view), column, GTK_SORT_DESCENDING);
  g_object_unref (sorter);
  g_object_unref (column);
}

/* ---- the timeline ------------------------------------------------------------- */

typedef struct
{
  char  *case_ref;
  GDate  as_at;
} TimelineRequest;

static void
timeline_request_free (gpointer data)
{
  TimelineRequest *request = data;

  g_free (request->case_ref);
  g_free (request);
}

static gpointer
query_timeline (sqlite3       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  TimelineRequest *request = data;

  return victim_case_timeline (db, request->case_ref, &request->as_at, error);
}

static void
timeline_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VictimCarePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  if (entries == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    gtk_label_set_label (GTK_LABEL (self->timeline_hint), error->message);
  victim_care_timeline_fill (GTK_LIST_BOX (self->timeline_list), entries);
}

static void
show_timeline (VictimCarePage  *self,
               VictimQueueItem *item)
{
  TimelineRequest *request;
  g_autofree char *title = NULL;

  g_cancellable_cancel (self->timeline_cancellable);
  g_clear_object (&self->timeline_cancellable);
  if (item == NULL || !victim_queue_item_is_loaded (item))
    return;
  /* Translators: %s is a case reference */
  title = g_strdup_printf (_("Case %s"), victim_queue_item_get_case_ref (item));
  gtk_label_set_label (GTK_LABEL (self->timeline_title), title);
  gtk_label_set_label (GTK_LABEL (self->timeline_hint), _("Each deadline met, missed or pending, in date order."));

  self->timeline_cancellable = g_cancellable_new ();
  request = g_new0 (TimelineRequest, 1);
  request->case_ref = g_strdup (victim_queue_item_get_case_ref (item));
  request->as_at = self->as_at;
  if (!g_date_valid (&request->as_at))
    g_date_set_time_t (&request->as_at, time (NULL));
  integrity_store_query_async (integrity_context_get_store (self->context), query_timeline, request,
                               timeline_request_free, (GDestroyNotify) g_ptr_array_unref,
                               self->timeline_cancellable, timeline_loaded, g_object_ref (self));
}

static void
selection_changed (VictimCarePage *self)
{
  show_timeline (self, gtk_single_selection_get_selected_item (self->selection));
}

/* ---- export ------------------------------------------------------------------- */

typedef struct
{
  VictimQueueQuery *query;
  GFile            *file;
} ExportRequest;

static void
export_request_free (gpointer data)
{
  ExportRequest *request = data;

  victim_queue_query_free (request->query);
  g_object_unref (request->file);
  g_free (request);
}

static gpointer
export_queue (sqlite3       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ExportRequest *request = data;
  g_autofree char *path = g_file_get_path (request->file);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer"));
      return NULL;
    }
  /* The shared exporter: CSV, or XLSX for a name ending .xlsx. */
  if (!victim_queue_export (db, request->query, path, cancellable, error))
    return NULL;
  return g_file_get_basename (request->file);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VictimCarePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  g_autofree char *text = NULL;

  /* Translators: %s is a file name */
  text = name != NULL ? g_strdup_printf (_("Saved %s"), name) : g_strdup (error->message);
  gtk_label_set_label (GTK_LABEL (self->count_label), text);
}

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(VictimCarePage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && victim_queue_model_get_query (self->queue) != NULL)
    {
      ExportRequest *request = g_new0 (ExportRequest, 1);

      request->query = victim_queue_query_copy (victim_queue_model_get_query (self->queue));
      request->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      integrity_store_query_async (integrity_context_get_store (self->context), export_queue, request,
                                   export_request_free, g_free, NULL, exported, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
export_clicked (VictimCarePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Work Queue"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "victim-care-work-queue.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- refresh -------------------------------------------------------------------- */

static void
refresh (VictimCarePage *self)
{
  IntegrityFilter *filter = integrity_context_dup_filter (self->context);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  reload_queue (self);
  if (filter == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  integrity_store_query_async (integrity_context_get_store (self->context), query_page, filter,
                               (GDestroyNotify) integrity_filter_free, (GDestroyNotify) victim_page_data_free,
                               self->cancellable, page_loaded, g_object_ref (self));
}

static void
refresh_page (GtkWidget *page)
{
  refresh (VICTIM_CARE_PAGE (page));
}

/* New figures to read (a filter change, an import): now if the page is on
 * screen, otherwise when it is next shown. */
static void
refresh_when_shown (VictimCarePage *self)
{
  integrity_page_reload_when_shown (GTK_WIDGET (self), refresh_page);
}

static void
victim_care_page_dispose (GObject *object)
{
  VictimCarePage *self = VICTIM_CARE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->timeline_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->timeline_cancellable);
  /* The queue first: nothing it says may reach widgets being disposed. */
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->queue);
  gtk_widget_dispose_template (GTK_WIDGET (self), VICTIM_CARE_TYPE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (victim_care_page_parent_class)->dispose (object);
}

static void
victim_care_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, victim_care_page_is_loaded (VICTIM_CARE_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
victim_care_page_class_init (VictimCarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = victim_care_page_dispose;
  object_class->get_property = victim_care_page_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VICTIM_TYPE_QUEUE_ITEM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/crimedata/Integrity/plugins/victim-care/victim-care-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, sections);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, queue_page);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, view_label);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, charts_grid);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, when_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, timeline_title);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, timeline_hint);
  gtk_widget_class_bind_template_child (widget_class, VictimCarePage, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked);
}

static void
victim_care_page_init (VictimCarePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->probe[0] = g_object_new (VICTIM_TYPE_QUEUE_ITEM, NULL);
  self->probe[1] = g_object_new (VICTIM_TYPE_QUEUE_ITEM, NULL);
  g_date_clear (&self->as_at, 1);
}

GtkWidget *
victim_care_page_new (IntegrityContext *context)
{
  VictimCarePage *self;
  GtkSorter *sorter;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);

  self = g_object_new (VICTIM_CARE_TYPE_PAGE, NULL);
  self->context = g_object_ref (context);
  self->queue = victim_queue_model_new (integrity_context_get_store (context));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->queue_view), GTK_SELECTION_MODEL (self->selection));
  /* The queue is the hidden side of the stack until chosen: its rows, and
   * so their widgets, come when it is shown. */
  integrity_paged_model_set_view (INTEGRITY_PAGED_MODEL (self->queue),
                                  gtk_widget_get_ancestor (self->queue_view, GTK_TYPE_SCROLLED_WINDOW));

  add_column (self, COLUMN_REFERENCE, _("Reference"), "case-ref", FALSE, FALSE);
  add_column (self, COLUMN_DISTRICT, _("District"), "district", FALSE, FALSE);
  add_column (self, COLUMN_DUE, _("What Is Due"), "due", FALSE, TRUE);
  add_column (self, COLUMN_DEADLINE, _("Deadline"), "deadline", FALSE, FALSE);
  add_column (self, COLUMN_OVERDUE, _("Working Days Overdue"), "overdue", TRUE, FALSE);

  sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->queue_view));
  g_signal_connect_object (sorter, "changed", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "notify::loading", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (refresh_when_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (integrity_context_get_store (context), "changed::" VICTIM_CARE_ID,
                           G_CALLBACK (refresh_when_shown), self, G_CONNECT_SWAPPED);
  refresh_when_shown (self);
  return GTK_WIDGET (self);
}

gboolean
victim_care_page_is_loaded (VictimCarePage *self)
{
  g_return_val_if_fail (VICTIM_CARE_IS_PAGE (self), FALSE);
  return self->loaded && self->queue != NULL && !victim_queue_model_is_loading (self->queue);
}

guint
victim_care_page_get_n_tiles (VictimCarePage *self)
{
  g_return_val_if_fail (VICTIM_CARE_IS_PAGE (self), 0);
  return self->n_tiles;
}

GListModel *
victim_care_page_get_queue (VictimCarePage *self)
{
  g_return_val_if_fail (VICTIM_CARE_IS_PAGE (self), NULL);
  return G_LIST_MODEL (self->queue);
}

void
victim_care_page_show_queue (VictimCarePage *self)
{
  g_return_if_fail (VICTIM_CARE_IS_PAGE (self));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), "queue");
}
