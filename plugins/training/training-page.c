/* training-page.c — the training page: cohorts, burn-ups, districts, modules, who is outstanding. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "training-charts.h"
#include "training-outstanding.h"
#include "training-page.h"
#include "training-query.h"
#include "training-requirement-dialog.h"

struct _TrainingPage
{
  AdwBin            parent_instance;

  IntegrityContext *context;
  GCancellable     *cancellable;
  TrainingPageData *data;
  gboolean          loading;

  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkBox           *cohorts_box;
  GtkBox           *charts_box;
  TrainingOutstandingList *outstanding;
};

G_DEFINE_FINAL_TYPE (TrainingPage, training_page, ADW_TYPE_BIN)

static void reload (TrainingPage *self);

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A card in the KPI tiles' shape for a figure with no target of its own. */
static GtkWidget *
stat_card (const char *heading,
           const char *value,
           const char *icon_name,
           const char *css_class,
           const char *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *value_label;
  g_autofree char *summary = g_strdup_printf ("%s: %s. %s", heading, value, caption);

  gtk_widget_add_css_class (card, "card");
  g_object_set (card, "margin-start", 0, NULL);
  gtk_widget_set_focusable (card, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  add_label (card, heading, "heading");
  gtk_box_append (GTK_BOX (card), value_row);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
      gtk_widget_add_css_class (icon, css_class);
      gtk_box_append (GTK_BOX (value_row), icon);
    }
  value_label = add_label (value_row, value, "title-1");
  if (css_class != NULL)
    gtk_widget_add_css_class (value_label, css_class);
  add_label (card, caption, "caption");
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL; child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "margin-start", 18, "margin-end", 18, NULL);
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 14);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 14);
  return card;
}

static const char *
status_icon (TrainingStatus status)
{
  switch (status)
    {
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_DONE:    return "emblem-ok-symbolic";
    case TRAINING_STATUS_AT_RISK: return "dialog-warning-symbolic";
    case TRAINING_STATUS_LATE:    return "dialog-error-symbolic";
    case TRAINING_STATUS_NOT_STARTED:
    case TRAINING_STATUS_NONE:
    default:                      return NULL;
    }
}

static char *
status_caption (const TrainingCohortProgress *progress)
{
  g_autofree char *finish = training_day_to_label (progress->finish);
  g_autofree char *start = training_day_to_label (progress->cohort->start);

  switch (progress->status)
    {
    case TRAINING_STATUS_NONE:
      return g_strdup (_("No officer matches this cohort’s rank and frontline."));
    case TRAINING_STATUS_NOT_STARTED:
      return g_strdup_printf (_("Starts %s."), start);
    case TRAINING_STATUS_DONE:
      return g_strdup (_("Everyone in scope is through every module."));
    case TRAINING_STATUS_ON_TRACK:
    case TRAINING_STATUS_AT_RISK:
    case TRAINING_STATUS_LATE:
    default:
      if (!progress->has_finish)
        return g_strdup (_("Nobody completed in the last 28 days: no finish in sight at this pace."));
      /* Translators: "Projected finish 14 Feb 2021, at 12.3 officers a day (last 28 days)." */
      return g_strdup_printf (_("Projected finish %s, at %.1f officers a day (last 28 days)."),
                              finish, progress->pace);
    }
}

static char *
describe_cohort (const TrainingCohort *cohort)
{
  g_autofree char *modules = g_strjoinv (", ", cohort->modules);
  g_autofree char *start = training_day_to_label (cohort->start);
  g_autofree char *deadline = training_day_to_label (cohort->deadline);
  const char *frontline = cohort->frontline == TRAINING_ANY ? _("frontline or not")
                        : cohort->frontline ? _("frontline only") : _("not frontline");

  /* Translators: "Sergeant, frontline or not · investigation, victim-care · 2 Nov 2020 to 31 Jan 2021" */
  return g_strdup_printf (_("%s, %s · %s · %s to %s"), training_rank_label (cohort->rank), frontline,
                          modules, start, deadline);
}

static GtkWidget *
build_cohort (TrainingPage                 *self,
              const TrainingCohortProgress *progress,
              const IntegrityKpi           *kpi)
{
  const TrainingCohort *cohort = progress->cohort;
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *tiles = gtk_grid_new ();
  GtkWidget *tile, *chart_view;
  g_autoptr(IntegrityKpi) through = integrity_kpi_copy (kpi);
  g_autoptr(IntegrityChart) chart = training_burn_up_chart (progress, self->data->as_at, 0);
  g_autofree char *description = describe_cohort (cohort);
  g_autofree char *deadline = training_day_to_label (cohort->deadline);
  g_autofree char *outstanding = integrity_format_count (training_count_outstanding (&progress->now));
  g_autofree char *outstanding_caption = NULL;
  g_autofree char *days = NULL;
  g_autofree char *deadline_caption = NULL;
  g_autofree char *caption = status_caption (progress);
  g_autofree char *tooltip = g_strdup_printf (_("Edit the %s cohort"), cohort->name);
  g_autofree char *in_scope = integrity_format_count (progress->now.in_scope);
  int to_deadline = (int) cohort->deadline - (int) self->data->as_at;

  gtk_box_append (GTK_BOX (section), header);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  add_label (titles, cohort->name, "title-2");
  add_label (titles, description, "dim-label");
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "training.edit-cohort");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", cohort->name);
  gtk_box_append (GTK_BOX (header), edit);

  gtk_box_append (GTK_BOX (section), body);
  gtk_grid_set_row_spacing (GTK_GRID (tiles), 12);
  gtk_grid_set_column_spacing (GTK_GRID (tiles), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (tiles), TRUE);
  gtk_box_append (GTK_BOX (body), tiles);

  g_free (through->label);
  through->label = g_strdup (_("Through every module"));
  tile = integrity_kpi_tile_new (through);
  gtk_grid_attach (GTK_GRID (tiles), tile, 0, 0, 1, 1);

  /* Translators: "of 1,050 in scope" */
  outstanding_caption = g_strdup_printf (_("Not yet through every module, of %s in scope."), in_scope);
  gtk_grid_attach (GTK_GRID (tiles), stat_card (_("Outstanding"), outstanding, NULL, NULL, outstanding_caption),
                   1, 0, 1, 1);

  days = g_strdup_printf ("%d", ABS (to_deadline));
  deadline_caption = g_strdup_printf (to_deadline >= 0 ? _("Deadline %s.") : _("The deadline was %s."), deadline);
  gtk_grid_attach (GTK_GRID (tiles), stat_card (to_deadline >= 0 ? _("Days to deadline") : _("Days past deadline"),
                                                days, NULL, to_deadline < 0 && progress->status == TRAINING_STATUS_LATE
                                                ? "error" : NULL, deadline_caption),
                   2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (tiles), stat_card (_("Status"), training_status_to_label (progress->status),
                                                status_icon (progress->status),
                                                training_status_to_css (progress->status), caption),
                   3, 0, 1, 1);

  chart_view = integrity_chart_view_new (chart);
  gtk_widget_set_hexpand (chart_view, TRUE);
  gtk_widget_set_size_request (chart_view, -1, 340);
  gtk_box_append (GTK_BOX (body), chart_view);
  return section;
}

static GtkWidget *
chart_card (IntegrityChart *chart)
{
  GtkWidget *view = integrity_chart_view_new (chart);

  gtk_widget_set_size_request (view, -1, 400);
  gtk_widget_set_hexpand (view, TRUE);
  return view;
}

static void
show_data (TrainingPage *self)
{
  TrainingPageData *data = self->data;
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autoptr(IntegrityChart) districts = NULL;
  g_autoptr(IntegrityChart) heat = NULL;
  g_autofree char *as_at = training_day_to_label (data->as_at);
  g_autofree char *title = g_strdup_printf (_("Refresher training as at %s"), as_at);
  g_autofree char *period = integrity_filter_describe (data->filter);
  g_autofree char *subtitle = g_strdup_printf (_("%s. Figures are as at the end of the period, or today."), period);

  remove_children (self->cohorts_box);
  remove_children (self->charts_box);
  if (data->cohorts->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      training_outstanding_list_set_rows (self->outstanding, NULL, data->as_at);
      return;
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  training_kpis_from_data (data, kpis);
  for (guint i = 0; i < data->cohorts->len; i++)
    gtk_box_append (self->cohorts_box, build_cohort (self, g_ptr_array_index (data->cohorts, i),
                                                     g_ptr_array_index (kpis, i)));
  districts = training_district_chart (data, 0);
  heat = training_heat_chart (data, 0);
  gtk_box_append (self->charts_box, chart_card (districts));
  gtk_box_append (self->charts_box, chart_card (heat));
  training_outstanding_list_set_rows (self->outstanding, data->outstanding, data->as_at);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static gpointer
query_page (sqlite3       *db,
            gpointer       filter,
            GCancellable  *cancellable,
            GError       **error)
{
  return training_query_page (db, filter, training_today (), TRAINING_QUERY_OUTSTANDING, error);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TrainingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  TrainingPageData *data = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    {
      training_page_data_free (data);
      return;
    }
  self->loading = FALSE;
  if (data == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Training Figures"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_clear_pointer (&self->data, training_page_data_free);
  self->data = data;
  show_data (self);
}

static void
reload (TrainingPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  integrity_store_query_async (integrity_context_get_store (self->context), query_page,
                               integrity_context_dup_filter (self->context),
                               (GDestroyNotify) integrity_filter_free,
                               (GDestroyNotify) training_page_data_free,
                               self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_store_changed (IntegrityStore *store,
                  const char     *component,
                  TrainingPage   *self)
{
  if (g_strcmp0 (component, TRAINING_ID) == 0 || g_strcmp0 (component, "core") == 0)
    reload (self);
}

static void
on_filter_changed (IntegrityContext *context,
                   GParamSpec       *pspec,
                   TrainingPage     *self)
{
  reload (self);
}

static void
add_cohort (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrainingPage *self = TRAINING_PAGE (widget);

  training_requirement_dialog_new (widget, integrity_context_get_store (self->context), NULL);
}

static void
edit_cohort (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrainingPage *self = TRAINING_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->data != NULL && i < self->data->cohorts->len; i++)
    {
      const TrainingCohortProgress *progress = g_ptr_array_index (self->data->cohorts, i);

      if (g_str_equal (progress->cohort->name, name))
        training_requirement_dialog_new (widget, integrity_context_get_store (self->context), progress->cohort);
    }
}

static void
training_page_dispose (GObject *object)
{
  TrainingPage *self = TRAINING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->data, training_page_data_free);
  G_OBJECT_CLASS (training_page_parent_class)->dispose (object);
}

static void
training_page_class_init (TrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = training_page_dispose;
  g_type_ensure (TRAINING_TYPE_OUTSTANDING_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/crimedata/Integrity/plugins/training/training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, cohorts_box);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, outstanding);
  gtk_widget_class_install_action (widget_class, "training.add-cohort", NULL, add_cohort);
  gtk_widget_class_install_action (widget_class, "training.edit-cohort", "s", edit_cohort);
}

static void
training_page_init (TrainingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
training_page_new (IntegrityContext *context)
{
  TrainingPage *self;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);

  self = g_object_new (TRAINING_TYPE_PAGE, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (on_filter_changed), self, 0);
  g_signal_connect_object (integrity_context_get_store (context), "changed", G_CALLBACK (on_store_changed), self, 0);
  reload (self);
  return GTK_WIDGET (self);
}

gboolean
training_page_is_loading (TrainingPage *self)
{
  g_return_val_if_fail (TRAINING_IS_PAGE (self), FALSE);
  return self->loading;
}
