/* training-page.c — the training page: cohorts, burn-ups, districts, modules, who is outstanding. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-charts.h"
#include "training-cohort-section.h"
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
  GPtrArray        *cohort_kpis;    /* IntegrityKpi: each cohort's, as data->cohorts */
  GPtrArray        *cohort_charts;  /* IntegrityChart: each cohort's burn-up first */
  gboolean          figures_loaded;
  gboolean          loaded;

  GtkStack         *stack;
  GtkWidget        *sections;
  AdwStatusPage    *empty_page;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkBox           *cohorts_box;
  GtkBox           *charts_box;
  TrainingOutstandingList *outstanding;
};

G_DEFINE_FINAL_TYPE (TrainingPage, training_page, ADW_TYPE_BIN)

/* "loaded": the figures are shown and the outstanding list counted; its
 * rows come when it is scrolled to. The app's screenshot and the window
 * benchmark wait on it. */
enum { PROP_0, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (TrainingPage *self);

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The district league and the heat map: made once, their charts replaced. */
static void
show_comparisons (TrainingPage   *self,
                  IntegrityChart *districts,
                  IntegrityChart *heat)
{
  IntegrityChart *charts[] = { districts, heat };
  GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      if (view != NULL)
        {
          integrity_chart_view_set_chart (INTEGRITY_CHART_VIEW (view), charts[i]);
          view = gtk_widget_get_next_sibling (view);
          continue;
        }
      view = integrity_chart_view_new (charts[i]);
      gtk_widget_set_size_request (view, -1, 400);
      gtk_widget_set_hexpand (view, TRUE);
      gtk_box_append (self->charts_box, view);
      view = NULL;
    }
}

static void
update_loaded (TrainingPage *self)
{
  gboolean loaded = self->figures_loaded && !training_outstanding_list_is_loading (self->outstanding);

  if (loaded != self->loaded)
    {
      self->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

/* What the page reads on a worker: the figures, and how many officers the
 * list holds, so that both are shown in one step. */
typedef struct
{
  IntegrityFilter          *filter;
  TrainingOutstandingQuery *list_query;
} PageRequest;

typedef struct
{
  TrainingPageData         *data;
  GPtrArray                *charts;      /* IntegrityChart: each cohort's burn-up, districts, heat map */
  GPtrArray                *kpis;        /* IntegrityKpi: each cohort's, then everyone outstanding */
  TrainingOutstandingQuery *list_query;  /* its "as at" day the figures' */
  guint                     n_outstanding;
  guint                     n_matching;
} PageResult;

static void
page_request_free (PageRequest *request)
{
  integrity_filter_free (request->filter);
  training_outstanding_query_free (request->list_query);
  g_free (request);
}

static void
page_result_free (PageResult *result)
{
  training_page_data_free (result->data);
  g_clear_pointer (&result->charts, g_ptr_array_unref);
  g_clear_pointer (&result->kpis, g_ptr_array_unref);
  training_outstanding_query_free (result->list_query);
  g_free (result);
}

#define COHORT_STEPS "training-cohort-steps"

typedef struct
{
  TrainingPage *page;     /* not a reference: the steps die with its widgets */
  GtkWidget    *section;
  guint         index;
} CohortStep;

/* The figures the page has now, even if newer than when the step was made. */
static void
show_cohort (gpointer item)
{
  CohortStep *step = item;
  TrainingPage *self = step->page;

  if (self->data == NULL || step->index >= self->data->cohorts->len ||
      gtk_widget_get_parent (step->section) != GTK_WIDGET (self->cohorts_box))
    return;
  training_cohort_section_show (TRAINING_COHORT_SECTION (step->section),
                                g_ptr_array_index (self->data->cohorts, step->index), self->data->as_at,
                                g_ptr_array_index (self->cohort_kpis, step->index),
                                g_ptr_array_index (self->cohort_charts, step->index));
}

/* A section per cohort, made again only when there are more or fewer.
 * Sections already on screen take new figures one a frame, as KPI tiles
 * do: each holds a dozen labels, and shaping all their new text in one
 * frame took 4-7 ms. */
static void
show_cohorts (TrainingPage *self)
{
  GPtrArray *cohorts = self->data->cohorts;
  g_autoptr(GPtrArray) steps = NULL;
  GtkWidget *section;
  guint n = 0;

  for (section = gtk_widget_get_first_child (GTK_WIDGET (self->cohorts_box)); section != NULL;
       section = gtk_widget_get_next_sibling (section))
    n++;
  if (n != cohorts->len)
    {
      /* New sections take their figures at once: the reveal shows them. */
      integrity_frame_steps_finish (GTK_WIDGET (self->cohorts_box), COHORT_STEPS);
      remove_children (self->cohorts_box);
      for (guint i = 0; i < cohorts->len; i++)
        {
          CohortStep step = { self, training_cohort_section_new (), i };

          gtk_box_append (self->cohorts_box, step.section);
          show_cohort (&step);
        }
      return;
    }

  steps = g_ptr_array_new_full (n, g_free);
  section = gtk_widget_get_first_child (GTK_WIDGET (self->cohorts_box));
  for (guint i = 0; i < n; i++, section = gtk_widget_get_next_sibling (section))
    {
      CohortStep step = { self, section, i };

      g_ptr_array_add (steps, g_memdup2 (&step, sizeof step));
    }
  integrity_frame_steps_first_now (GTK_WIDGET (self->cohorts_box), COHORT_STEPS, steps, show_cohort);
}

static void
show_data (TrainingPage     *self,
           const PageResult *result)
{
  TrainingPageData *data = self->data;
  guint n_cohorts = data->cohorts->len;
  g_autofree char *as_at = training_day_to_label (data->as_at);
  g_autofree char *title = g_strdup_printf (_("Refresher training as at %s"), as_at);
  g_autofree char *period = integrity_filter_describe (data->filter);
  g_autofree char *subtitle = g_strdup_printf (_("%s. Figures are as at the end of the period, or today."), period);

  training_outstanding_list_show_counted (self->outstanding, result->list_query, result->n_outstanding,
                                          result->n_matching);
  if (n_cohorts == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  g_clear_pointer (&self->cohort_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_charts, g_ptr_array_unref);
  self->cohort_kpis = g_ptr_array_ref (result->kpis);
  self->cohort_charts = g_ptr_array_ref (result->charts);
  show_cohorts (self);
  show_comparisons (self, g_ptr_array_index (result->charts, n_cohorts),
                    g_ptr_array_index (result->charts, n_cohorts + 1));
  integrity_page_reveal_in_steps (self->sections);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static gpointer
query_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PageRequest *request = data;
  PageResult *result = g_new0 (PageResult, 1);

  result->data = training_query_page (db, request->filter, training_today (), TRAINING_QUERY_FIGURES, error);
  result->list_query = training_outstanding_query_copy (request->list_query);
  if (result->data != NULL)
    {
      /* The charts' models too: only widgets are left for the main thread. */
      result->charts = training_build_charts (result->data, 0);
      result->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
      training_kpis_from_data (result->data, result->kpis);
      result->list_query->as_at = result->data->as_at;
      if (training_outstanding_count (db, result->list_query, &result->n_outstanding, &result->n_matching, error))
        return result;
    }
  page_result_free (result);
  return NULL;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TrainingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PageResult *loaded = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    {
      g_clear_pointer (&loaded, page_result_free);
      return;
    }
  self->figures_loaded = TRUE;
  if (loaded == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Training Figures"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_loaded (self);
      return;
    }
  g_clear_pointer (&self->data, training_page_data_free);
  self->data = g_steal_pointer (&loaded->data);
  show_data (self, loaded);
  page_result_free (loaded);
  update_loaded (self);
}

static void
reload (TrainingPage *self)
{
  PageRequest *request = g_new0 (PageRequest, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->figures_loaded = FALSE;
  update_loaded (self);
  request->filter = integrity_context_dup_filter (self->context);
  /* The "as at" day is the worker's to work out, with the figures. */
  request->list_query = training_outstanding_list_dup_query (self->outstanding,
                                                             request->filter != NULL ? request->filter->district : NULL,
                                                             0);
  integrity_store_query_async (integrity_context_get_store (self->context), query_page, request,
                               (GDestroyNotify) page_request_free, (GDestroyNotify) page_result_free,
                               self->cancellable, on_loaded, g_object_ref (self));
}

static void
reload_page (GtkWidget *page)
{
  reload (TRAINING_PAGE (page));
}

/* New figures to read (a filter change, an import): now if the page is on
 * screen, otherwise when it is next shown. */
static void
reload_when_shown (TrainingPage *self)
{
  integrity_page_reload_when_shown (GTK_WIDGET (self), reload_page);
}

static void
on_store_changed (IntegrityStore *store,
                  const char     *component,
                  TrainingPage   *self)
{
  if (g_strcmp0 (component, TRAINING_ID) == 0 || g_strcmp0 (component, "core") == 0)
    reload_when_shown (self);
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
  g_clear_pointer (&self->cohort_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_charts, g_ptr_array_unref);
  G_OBJECT_CLASS (training_page_parent_class)->dispose (object);
}

static void
training_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, TRAINING_PAGE (object)->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
training_page_class_init (TrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = training_page_dispose;
  object_class->get_property = training_page_get_property;
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (TRAINING_TYPE_OUTSTANDING_LIST);
  g_type_ensure (INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/crimedata/Integrity/plugins/training/training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrainingPage, sections);
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
  integrity_spinner_spin_while_mapped (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")));
}

GtkWidget *
training_page_new (IntegrityContext *context)
{
  TrainingPage *self;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);

  self = g_object_new (TRAINING_TYPE_PAGE, NULL);
  self->context = g_object_ref (context);
  training_outstanding_list_set_store (self->outstanding, integrity_context_get_store (context));
  /* A search in the list is counted on a worker, and its rows go in a few
   * at a time: not loaded until they are. */
  g_signal_connect_object (self->outstanding, "notify::loading", G_CALLBACK (update_loaded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (reload_when_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (integrity_context_get_store (context), "changed", G_CALLBACK (on_store_changed), self, 0);
  reload_when_shown (self);
  return GTK_WIDGET (self);
}

gboolean
training_page_is_loaded (TrainingPage *self)
{
  g_return_val_if_fail (TRAINING_IS_PAGE (self), FALSE);
  return self->loaded;
}
