/* recording-rate-page.c — the recording-rate page. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "recording-rate-charts.h"
#include "recording-rate-data.h"
#include "recording-rate-page.h"

#define SMALL_MONTHLY_SAMPLE 100
#define DRILL_LIMIT 2000

/* One audited incident as a list item for the drill-down table. */
#define RECORDING_TYPE_INCIDENT_ROW (recording_incident_row_get_type ())
G_DECLARE_FINAL_TYPE (RecordingIncidentRow, recording_incident_row, RECORDING, INCIDENT_ROW, GObject)

struct _RecordingIncidentRow
{
  GObject            parent_instance;
  RecordingIncident *incident;
};

G_DEFINE_FINAL_TYPE (RecordingIncidentRow, recording_incident_row, G_TYPE_OBJECT)

static void
recording_incident_row_finalize (GObject *object)
{
  g_clear_pointer (&RECORDING_INCIDENT_ROW (object)->incident, recording_incident_free);
  G_OBJECT_CLASS (recording_incident_row_parent_class)->finalize (object);
}

/* "changed": the row holds another incident; its cells show it. */
static guint row_changed_signal;

static void
recording_incident_row_class_init (RecordingIncidentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recording_incident_row_finalize;
  row_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recording_incident_row_init (RecordingIncidentRow *self)
{
}

/* A new drill-down refills the rows on screen rather than replacing them,
 * so their row widgets stay (integrity_list_store_refill_gradually()). */
static void
recording_incident_row_refill (gpointer row,
                               gpointer from)
{
  RecordingIncidentRow *self = row;

  g_clear_pointer (&self->incident, recording_incident_free);
  self->incident = g_steal_pointer (&RECORDING_INCIDENT_ROW (from)->incident);
  g_signal_emit (self, row_changed_signal, 0);
}

struct _RecordingRatePage
{
  GtkWidget          parent_instance;

  IntegrityContext  *context;
  GCancellable      *cancellable;
  GCancellable      *drill_cancellable;
  RecordingPageData *data;
  GPtrArray         *charts;      /* IntegrityChart, in page order */
  GListStore        *incidents_store;
  GtkStringList     *drill_months;
  guint              loaded : 1;

  GtkStack          *stack;
  GtkWidget         *sections;
  GtkLabel          *headline;
  GtkBox            *tiles;
  GtkLabel          *period_hint;
  GtkToggleButton   *quarters_button;
  GtkFlowBox        *charts_box;
  GtkDropDown       *drill_month;
  GtkLabel          *drill_summary;
  GtkColumnView     *incidents;
};

G_DEFINE_FINAL_TYPE (RecordingRatePage, recording_rate_page, GTK_TYPE_WIDGET)

/* "loaded": the app's screenshot waits on it (any page may have one). */
enum { PROP_0, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show_charts (RecordingRatePage *self)
{
  gboolean quarters = gtk_toggle_button_get_active (self->quarters_button);
  GtkFlowBoxChild *child;

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  self->charts = recording_rate_build_charts (self->data, quarters, 0);
  if (integrity_chart_views_update (GTK_WIDGET (self->charts_box), self->charts))
    return;

  while ((child = gtk_flow_box_get_child_at_index (self->charts_box, 0)) != NULL)
    gtk_flow_box_remove (self->charts_box, GTK_WIDGET (child));
  for (guint i = 0; i < self->charts->len; i++)
    {
      GtkWidget *view = integrity_chart_view_new (g_ptr_array_index (self->charts, i));

      gtk_widget_set_size_request (view, 420, 340);
      gtk_widget_add_css_class (view, "card");
      gtk_flow_box_append (self->charts_box, view);
    }
}

static void
show_tiles (RecordingRatePage *self)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  GtkWidget *child;

  recording_rate_kpis_from_data (self->data, kpis);
  if (integrity_kpi_tiles_update (GTK_WIDGET (self->tiles), kpis))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_box_remove (self->tiles, child);
  for (guint i = 0; i < kpis->len; i++)
    gtk_box_append (self->tiles, integrity_kpi_tile_new (g_ptr_array_index (kpis, i)));
}

static void
show_headline (RecordingRatePage *self)
{
  const RecordingSums *all = &self->data->categories[INTEGRITY_CATEGORY_ALL_CRIME];
  IntegrityProportion rate = recording_sums_rate (all);
  double per_day = recording_unrecorded_per_day (self->data->volume_total, self->data->volume_days, rate.p);
  g_autofree char *period = integrity_filter_describe (self->data->filter);
  g_autofree char *text = NULL;
  gboolean small = FALSE;

  if (!isfinite (rate.p))
    text = g_strdup_printf (_("No audit sample in %s."), period);
  else if (isfinite (per_day))
    text = g_strdup_printf (_("%.1f%% of crimes that should have been recorded were, in %s: "
                              "about %.0f crimes a day go unrecorded."), rate.p * 100, period, per_day);
  else
    text = g_strdup_printf (_("%.1f%% of crimes that should have been recorded were, in %s."),
                            rate.p * 100, period);
  gtk_label_set_text (self->headline, text);

  for (int i = 0; i < recording_page_data_n_months (self->data); i++)
    {
      guint64 n = recording_page_data_month (self->data, i, INTEGRITY_CATEGORY_ALL_CRIME)->expected;
      if (n > 0 && n < SMALL_MONTHLY_SAMPLE)
        small = TRUE;
    }
  gtk_label_set_text (self->period_hint,
                      small ? _("Some months audited fewer than 100 crimes: quarters give steadier rates.")
                            /* xgettext:no-c-format */
                            : _("Each month’s rate comes with its 95% interval: overlapping intervals "
                                "are not a real difference."));
}

static void
on_incidents_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RecordingRatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  if (incidents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->drill_summary, error->message);
      return;
    }
  /* The rows take the incidents over. */
  g_ptr_array_set_free_func (incidents, NULL);
  for (guint i = 0; i < incidents->len; i++)
    {
      RecordingIncidentRow *row = g_object_new (RECORDING_TYPE_INCIDENT_ROW, NULL);
      row->incident = g_ptr_array_index (incidents, i);
      g_ptr_array_add (rows, row);
    }
  /* The drill-down sits below the charts: its rows are filled when it is in view. */
  integrity_list_store_refill_in_view (self->incidents_store, rows, recording_incident_row_refill,
                                       gtk_widget_get_ancestor (GTK_WIDGET (self->incidents), GTK_TYPE_SCROLLED_WINDOW));
  summary = rows->len >= DRILL_LIMIT
    ? g_strdup_printf (_("The first %u incidents, newest first."), rows->len)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u audited incident.", "%u audited incidents.",
                                    rows->len), rows->len);
  gtk_label_set_text (self->drill_summary, summary);
}

typedef struct
{
  IntegrityMonth  month;
  char           *district;
} DrillRequest;

static void
drill_request_free (gpointer data)
{
  DrillRequest *request = data;

  g_free (request->district);
  g_free (request);
}

static gpointer
query_incidents (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  DrillRequest *request = data;

  return recording_rate_query_incidents (db, request->month, request->month, request->district,
                                         DRILL_LIMIT, error);
}

static void
on_drill_month_changed (RecordingRatePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->drill_month);
  DrillRequest *request;

  if (self->data == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_cancellable_cancel (self->drill_cancellable);
  g_clear_object (&self->drill_cancellable);
  self->drill_cancellable = g_cancellable_new ();

  request = g_new0 (DrillRequest, 1);
  request->month = self->data->filter->to - (int) selected;
  request->district = g_strdup (self->data->filter->district);
  integrity_store_query_async (integrity_context_get_store (self->context), query_incidents, request,
                               drill_request_free, (GDestroyNotify) g_ptr_array_unref,
                               self->drill_cancellable, on_incidents_loaded, g_object_ref (self));
}

/* Newest month first: the drill-down opens on the latest figures. */
static void
show_drill_months (RecordingRatePage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (IntegrityMonth m = self->data->filter->to; m >= self->data->filter->from; m--)
    g_ptr_array_add (labels, integrity_month_to_label (m));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->drill_months, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->drill_months)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->drill_month, 0);
  on_drill_month_changed (self);
}

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RecordingRatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  RecordingPageData *data = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The recording-rate page could not be read: %s", error->message);
      return;
    }

  g_clear_pointer (&self->data, recording_page_data_free);
  self->data = data;
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  if (!data->has_audit && data->volume_source == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_headline (self);
  show_tiles (self);
  show_charts (self);
  show_drill_months (self);
  integrity_page_reveal_in_steps (self->sections);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static gpointer
query_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return recording_rate_query_page (db, data, error);
}

static void
reload (RecordingRatePage *self)
{
  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  integrity_store_query_async (integrity_context_get_store (self->context), query_page,
                               integrity_context_dup_filter (self->context),
                               (GDestroyNotify) integrity_filter_free,
                               (GDestroyNotify) recording_page_data_free,
                               self->cancellable, on_page_loaded, g_object_ref (self));
}

static void
reload_page (GtkWidget *page)
{
  reload (RECORDING_RATE_PAGE (page));
}

/* New figures to read (a filter change, an import): now if the page is on
 * screen, otherwise when it is next shown. */
static void
reload_when_shown (RecordingRatePage *self)
{
  integrity_page_reload_when_shown (GTK_WIDGET (self), reload_page);
}

static void
on_store_changed (IntegrityStore    *store,
                  const char        *component,
                  RecordingRatePage *self)
{
  if (g_strcmp0 (component, RECORDING_RATE_ID) == 0 || g_strcmp0 (component, "core") == 0)
    reload_when_shown (self);
}

static void
on_granularity_toggled (RecordingRatePage *self)
{
  if (self->data != NULL && self->loaded)
    show_charts (self);
}

enum { COLUMN_REF, COLUMN_DATE, COLUMN_DISTRICT, COLUMN_GROUP, COLUMN_DOMESTIC,
       COLUMN_EXPECTED, COLUMN_RECORDED, COLUMN_24H };

static char *
incident_field (const RecordingIncident *incident,
                int                      column)
{
  switch (column)
    {
    case COLUMN_REF:      return g_strdup (incident->incident_ref);
    case COLUMN_DATE:     return g_strdup (incident->reported_date);
    case COLUMN_DISTRICT: return g_strdup (incident->district);
    case COLUMN_GROUP:    return g_strdup (integrity_offence_group_label (incident->offence_group));
    case COLUMN_DOMESTIC: return g_strdup (incident->domestic_abuse ? _("Yes") : _("No"));
    case COLUMN_EXPECTED: return g_strdup_printf ("%d", incident->expected);
    case COLUMN_RECORDED: return g_strdup_printf ("%d", incident->recorded);
    case COLUMN_24H:      return g_strdup_printf ("%d", incident->within_24h);
    default:              g_return_val_if_reached (NULL);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) >= COLUMN_EXPECTED ? 1.0 : 0.0);
  gtk_list_item_set_child (item, label);
}

#define CELL_COLUMN_KEY "recording-rate-column"

static void
show_cell (GtkListItem *item)
{
  RecordingIncidentRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = incident_field (row->incident,
                                          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), CELL_COLUMN_KEY)));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  g_object_set_data (G_OBJECT (item), CELL_COLUMN_KEY, column);
  g_signal_connect_object (gtk_list_item_get_item (item), "changed", G_CALLBACK (show_cell), item,
                           G_CONNECT_SWAPPED);
  show_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), item);
}

static void
build_incident_columns (RecordingRatePage *self)
{
  const char *titles[] = {
    N_("Incident"), N_("Reported"), N_("District"), N_("Offence group"), N_("Domestic abuse"),
    N_("Should have been recorded"), N_("Recorded"), N_("Within 24 hours"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
      column = gtk_column_view_column_new (g_dgettext (GETTEXT_PACKAGE, titles[i]), factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_GROUP);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->incidents, column);
      g_object_unref (column);
    }
  self->incidents_store = g_list_store_new (RECORDING_TYPE_INCIDENT_ROW);
  gtk_column_view_set_model (self->incidents,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->incidents_store)))));
}

static void
recording_rate_page_dispose (GObject *object)
{
  RecordingRatePage *self = RECORDING_RATE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->drill_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECORDING_RATE_TYPE_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->drill_cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->incidents_store);
  g_clear_object (&self->drill_months);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->data, recording_page_data_free);

  G_OBJECT_CLASS (recording_rate_page_parent_class)->dispose (object);
}

static void
recording_rate_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, RECORDING_RATE_PAGE (object)->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recording_rate_page_class_init (RecordingRatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recording_rate_page_dispose;
  object_class->get_property = recording_rate_page_get_property;
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/crimedata/Integrity/plugins/recording-rate/recording-rate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, sections);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, headline);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, tiles);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, period_hint);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, quarters_button);
  gtk_widget_class_bind_template_child_full (widget_class, "charts", FALSE,
                                             G_STRUCT_OFFSET (RecordingRatePage, charts_box));
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, drill_month);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, drill_summary);
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, incidents);
  gtk_widget_class_bind_template_callback (widget_class, on_granularity_toggled);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
recording_rate_page_init (RecordingRatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  integrity_spinner_spin_while_mapped (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")));
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->drill_months = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->drill_month, G_LIST_MODEL (self->drill_months));
  g_signal_connect_swapped (self->drill_month, "notify::selected",
                            G_CALLBACK (on_drill_month_changed), self);
  build_incident_columns (self);
}

GtkWidget *
recording_rate_page_new (IntegrityContext *context)
{
  RecordingRatePage *self;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);

  self = g_object_new (RECORDING_RATE_TYPE_PAGE, NULL);
  self->context = g_object_ref (context);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recording rate"), -1);
  g_signal_connect_object (integrity_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (reload_when_shown), self, G_CONNECT_SWAPPED);
  reload_when_shown (self);
  return GTK_WIDGET (self);
}

/* TRUE once the figures for the current filter have arrived. */
gboolean
recording_rate_page_is_loaded (RecordingRatePage *self)
{
  g_return_val_if_fail (RECORDING_RATE_IS_PAGE (self), FALSE);
  return self->loaded;
}

guint
recording_rate_page_get_n_tiles (RecordingRatePage *self)
{
  guint n = 0;

  g_return_val_if_fail (RECORDING_RATE_IS_PAGE (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The charts on show, in page order (for tests and the briefing). */
GPtrArray *
recording_rate_page_get_charts (RecordingRatePage *self)
{
  g_return_val_if_fail (RECORDING_RATE_IS_PAGE (self), NULL);
  return self->charts;
}
