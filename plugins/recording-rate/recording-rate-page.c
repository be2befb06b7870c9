/* recording-rate-page.c — the recording-rate page. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

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

static void
recording_incident_row_class_init (RecordingIncidentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recording_incident_row_finalize;
}

static void
recording_incident_row_init (RecordingIncidentRow *self)
{
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

typedef struct
{
  double x;
  RecordingSums sums[INTEGRITY_N_CATEGORIES];
  double volume;
  int    days;
} Period;

/* Months, or calendar quarters starting at their first month. */
static GArray *
group_periods (const RecordingPageData *data,
               gboolean                 quarters)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (Period));
  int n = recording_page_data_n_months (data);

  for (int i = 0; i < n; i++)
    {
      IntegrityMonth month = data->filter->from + i;
      IntegrityMonth start = quarters ? month - month % 3 : month;
      double volume = g_array_index (data->monthly_volume, double, i);
      Period *period;

      if (periods->len == 0 || g_array_index (periods, Period, periods->len - 1).x != start)
        {
          Period fresh = { .x = start, .volume = NAN };
          g_array_append_val (periods, fresh);
        }
      period = &g_array_index (periods, Period, periods->len - 1);
      for (int c = 0; c < INTEGRITY_N_CATEGORIES; c++)
        {
          const RecordingSums *sums = recording_page_data_month (data, i, c);
          period->sums[c].incidents += sums->incidents;
          period->sums[c].expected += sums->expected;
          period->sums[c].recorded += sums->recorded;
          period->sums[c].within_24h += sums->within_24h;
        }
      if (isfinite (volume))
        {
          period->volume = isfinite (period->volume) ? period->volume + volume : volume;
          period->days += integrity_month_get_days (month);
        }
    }
  return periods;
}

static void
add_annotations (IntegrityChart          *chart,
                 const RecordingPageData *data)
{
  for (guint i = 0; i < data->annotations->len; i++)
    {
      IntegrityAnnotation *note = g_ptr_array_index (data->annotations, i);
      integrity_chart_add_annotation (chart, integrity_month_from_date (&note->date), note->text);
    }
}

static char *
target_label (double target)
{
  /* Translators: a reference line on a chart, e.g. "Target 90%" */
  return g_strdup_printf (_("Target %.0f%%"), target * 100);
}

static IntegrityChart *
build_trend_chart (const RecordingPageData *data,
                   GArray                  *periods,
                   gboolean                 quarters)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_PERCENT);
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hi = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) domestic = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *target = target_label (data->target);
  guint series;

  for (guint i = 0; i < periods->len; i++)
    {
      Period *period = &g_array_index (periods, Period, i);
      IntegrityProportion all = recording_sums_rate (&period->sums[INTEGRITY_CATEGORY_ALL_CRIME]);
      IntegrityProportion da = recording_sums_rate (&period->sums[INTEGRITY_CATEGORY_DOMESTIC_ABUSE]);

      g_array_append_val (x, period->x);
      g_array_append_val (y, all.p);
      g_array_append_val (lo, all.lo);
      g_array_append_val (hi, all.hi);
      g_array_append_val (domestic, da.p);
    }

  integrity_chart_set_title (chart, quarters ? _("Recording rate by quarter") : _("Recording rate by month"));
  integrity_chart_set_subtitle (chart, _("Crimes that should have been recorded that were, with the 95% interval"));
  integrity_chart_set_caption (chart, _("Source: crime recording audit. Band: Wilson score interval."));
  series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_BAND, _("All crime"),
                                       (double *) x->data, (double *) y->data, x->len);
  integrity_chart_set_series_interval (chart, series, (double *) lo->data, (double *) hi->data, lo->len);
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, _("Domestic abuse"),
                              (double *) x->data, (double *) domestic->data, x->len);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, data->target, target);
  add_annotations (chart, data);
  return chart;
}

/* Points with whiskers over named categories: categories or districts. */
static IntegrityChart *
build_interval_chart (const char          *title,
                      const char          *subtitle,
                      const char * const  *names,
                      const RecordingSums *sums,
                      guint                n,
                      double               target)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_PERCENT);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree double *lo = g_new (double, MAX (n, 1));
  g_autofree double *hi = g_new (double, MAX (n, 1));
  g_autofree char *target_text = target_label (target);
  guint series;

  for (guint i = 0; i < n; i++)
    {
      IntegrityProportion rate = recording_sums_rate (&sums[i]);
      x[i] = i;
      y[i] = rate.p;
      lo[i] = rate.lo;
      hi[i] = rate.hi;
    }
  integrity_chart_set_title (chart, title);
  integrity_chart_set_subtitle (chart, subtitle);
  integrity_chart_set_caption (chart, _("Source: crime recording audit. Whiskers: 95% Wilson interval."));
  integrity_chart_set_categories (chart, names);
  series = integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_INTERVALS, _("Recording rate"), x, y, n);
  integrity_chart_set_series_interval (chart, series, lo, hi, n);
  integrity_chart_add_reference (chart, INTEGRITY_CHART_REF_TARGET, target, target_text);
  return chart;
}

static IntegrityChart *
build_categories_chart (const RecordingPageData *data)
{
  const char *names[INTEGRITY_N_CATEGORIES + 1] = { NULL };

  for (int c = 0; c < INTEGRITY_N_CATEGORIES; c++)
    names[c] = integrity_category_label (c);
  return build_interval_chart (_("Recording rate by category"),
                               _("Violence, domestic abuse and behavioural crimes against all crime"),
                               names, data->categories, INTEGRITY_N_CATEGORIES, data->target);
}

static IntegrityChart *
build_districts_chart (const RecordingPageData *data)
{
  g_autofree const char **names = g_new0 (const char *, data->districts->len + 1);
  g_autofree RecordingSums *sums = g_new0 (RecordingSums, MAX (data->districts->len, 1));
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < data->districts->len; i++)
    {
      RecordingDistrict *district = g_ptr_array_index (data->districts, i);
      names[i] = district->name;
      sums[i] = district->sums;
    }
  subtitle = data->filter->district != NULL
    ? g_strdup_printf (_("Every district, lowest first; the page shows %s"), data->filter->district)
    : g_strdup (_("Every district, lowest first"));
  return build_interval_chart (_("District league table"), subtitle, (const char * const *) names,
                               sums, data->districts->len, data->target);
}

static IntegrityChart *
build_unrecorded_chart (const RecordingPageData *data,
                        GArray                  *periods)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_DECIMAL);
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *caption = NULL;

  for (guint i = 0; i < periods->len; i++)
    {
      Period *period = &g_array_index (periods, Period, i);
      IntegrityProportion rate = recording_sums_rate (&period->sums[INTEGRITY_CATEGORY_ALL_CRIME]);
      double per_day = recording_unrecorded_per_day (period->volume, period->days, rate.p);

      g_array_append_val (x, period->x);
      g_array_append_val (y, per_day);
    }
  caption = data->volume_source != NULL
    ? g_strdup_printf (_("Recorded volume × (1 − rate) / rate, per day. Volumes: %s."), data->volume_source)
    : g_strdup (_("Needs recorded crime volumes (recorded-crime or police-uk-street)."));
  integrity_chart_set_title (chart, _("Crimes unrecorded a day (estimate)"));
  integrity_chart_set_subtitle (chart, _("Crimes that should have been recorded and were not"));
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_y_label (chart, _("crimes a day"));
  integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_LINE, _("Unrecorded a day"),
                              (double *) x->data, (double *) y->data, x->len);
  add_annotations (chart, data);
  return chart;
}

static IntegrityChart *
build_volume_chart (const RecordingPageData *data)
{
  IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_CATEGORIES, INTEGRITY_FORMAT_COUNT);
  guint n = data->volume_by_type->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *caption = NULL;

  for (guint i = 0; i < n; i++)
    {
      RecordingVolume *volume = g_ptr_array_index (data->volume_by_type, i);
      names[i] = volume->label;
      x[i] = i;
      y[i] = volume->crimes;
    }
  caption = data->volume_source != NULL
    ? g_strdup_printf (_("Source: %s."), data->volume_source)
    : g_strdup (_("No recorded volumes imported for this period."));
  integrity_chart_set_title (chart, _("Recorded crime by type"));
  integrity_chart_set_subtitle (chart, _("Crimes recorded in the period"));
  integrity_chart_set_caption (chart, caption);
  integrity_chart_set_categories (chart, names);
  if (n > 0)
    integrity_chart_add_series (chart, INTEGRITY_CHART_SERIES_HBARS, _("Recorded"), x, y, n);
  return chart;
}

static void
show_charts (RecordingRatePage *self)
{
  gboolean quarters = gtk_toggle_button_get_active (self->quarters_button);
  g_autoptr(GArray) periods = group_periods (self->data, quarters);
  IntegrityChart *charts[] = {
    build_trend_chart (self->data, periods, quarters),
    build_categories_chart (self->data),
    build_districts_chart (self->data),
    build_unrecorded_chart (self->data, periods),
    build_volume_chart (self->data),
  };
  GtkFlowBoxChild *child;

  g_ptr_array_set_size (self->charts, 0);
  while ((child = gtk_flow_box_get_child_at_index (self->charts_box, 0)) != NULL)
    gtk_flow_box_remove (self->charts_box, GTK_WIDGET (child));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      GtkWidget *view = integrity_chart_view_new (charts[i]);

      gtk_widget_set_size_request (view, 420, 340);
      gtk_widget_add_css_class (view, "card");
      gtk_flow_box_append (self->charts_box, view);
      g_ptr_array_add (self->charts, charts[i]);
    }
}

static void
show_tiles (RecordingRatePage *self)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_box_remove (self->tiles, child);
  recording_rate_kpis_from_data (self->data, kpis);
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
  g_list_store_splice (self->incidents_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->incidents_store)),
                       rows->pdata, rows->len);
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
  self->loaded = TRUE;

  if (!data->has_audit && data->volume_source == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_headline (self);
  show_tiles (self);
  show_charts (self);
  show_drill_months (self);
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
on_store_changed (IntegrityStore    *store,
                  const char        *component,
                  RecordingRatePage *self)
{
  if (g_strcmp0 (component, RECORDING_RATE_ID) == 0 || g_strcmp0 (component, "core") == 0)
    reload (self);
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

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  RecordingIncidentRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = incident_field (row->incident, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
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
recording_rate_page_class_init (RecordingRatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recording_rate_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/crimedata/Integrity/plugins/recording-rate/recording-rate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecordingRatePage, stack);
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
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

/* For tests: TRUE once the first figures arrived. */
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
