/* training-cohort-section.c — one cohort on the training page: its figures and burn-up. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-cohort-section.h"

/* Made once and shown again with each period's figures: a filter change
 * sets texts and charts, and makes and unmakes no widgets. */

/* A card in the KPI tiles' shape for a figure with no target of its own. */
typedef struct
{
  GtkWidget  *card;
  GtkWidget  *heading;
  GtkWidget  *icon;
  GtkWidget  *value;
  GtkWidget  *caption;
  const char *css_class;  /* static: training_status_to_css()'s, or "error" */
} StatCard;

struct _TrainingCohortSection
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *description;
  GtkWidget *edit;
  GtkWidget *through;
  StatCard   outstanding;
  StatCard   days;
  StatCard   status;
  GtkWidget *chart;
};

G_DEFINE_FINAL_TYPE (TrainingCohortSection, training_cohort_section, GTK_TYPE_WIDGET)

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (box != NULL)
    gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* @child in a bin that asks its width without a height: the rows below put
 * wrapped text beside an icon or a button, and a row asking a wrapped label
 * its width for a height makes it lay its text out a dozen times. */
static GtkWidget *
width_first (GtkWidget *child)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_set_layout_manager (bin, integrity_width_first_layout_new ());
  adw_bin_set_child (ADW_BIN (bin), child);
  return bin;
}

static void
stat_card_init (StatCard  *card,
                GtkWidget *grid,
                int        column)
{
  GtkWidget *value_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  card->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (card->card, "card");
  gtk_widget_set_focusable (card->card, TRUE);
  card->heading = add_label (card->card, "heading");
  gtk_box_append (GTK_BOX (card->card), value_row);
  card->icon = gtk_image_new ();
  gtk_image_set_icon_size (GTK_IMAGE (card->icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_set_visible (card->icon, FALSE);
  gtk_box_append (GTK_BOX (value_row), card->icon);
  card->value = add_label (NULL, "title-1");
  gtk_box_append (GTK_BOX (value_row), width_first (card->value));
  card->caption = add_label (card->card, "caption");
  for (GtkWidget *child = gtk_widget_get_first_child (card->card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "margin-start", 18, "margin-end", 18, NULL);
  gtk_widget_set_margin_top (card->heading, 14);
  gtk_widget_set_margin_bottom (card->caption, 14);
  gtk_grid_attach (GTK_GRID (grid), card->card, column, 0, 1, 1);
}

static void
stat_card_set (StatCard   *card,
               const char *heading,
               const char *value,
               const char *icon_name,
               const char *css_class,
               const char *caption)
{
  g_autofree char *summary = g_strdup_printf ("%s: %s. %s", heading, value, caption);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card->card), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  gtk_label_set_text (GTK_LABEL (card->heading), heading);
  gtk_label_set_text (GTK_LABEL (card->value), value);
  gtk_label_set_text (GTK_LABEL (card->caption), caption);
  gtk_image_set_from_icon_name (GTK_IMAGE (card->icon), icon_name);
  gtk_widget_set_visible (card->icon, icon_name != NULL);
  if (card->css_class != NULL)
    {
      gtk_widget_remove_css_class (card->icon, card->css_class);
      gtk_widget_remove_css_class (card->value, card->css_class);
    }
  card->css_class = css_class;
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (card->icon, css_class);
      gtk_widget_add_css_class (card->value, css_class);
    }
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

static void
training_cohort_section_dispose (GObject *object)
{
  TrainingCohortSection *self = TRAINING_COHORT_SECTION (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (training_cohort_section_parent_class)->dispose (object);
}

static void
training_cohort_section_class_init (TrainingCohortSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = training_cohort_section_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
training_cohort_section_init (TrainingCohortSection *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *tiles = gtk_grid_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), width_first (titles));
  self->name = add_label (titles, "title-2");
  self->description = add_label (titles, "dim-label");
  self->edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (self->edit, "flat");
  gtk_widget_set_valign (self->edit, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), self->edit);

  gtk_box_append (GTK_BOX (self->box), body);
  gtk_grid_set_row_spacing (GTK_GRID (tiles), 12);
  gtk_grid_set_column_spacing (GTK_GRID (tiles), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (tiles), TRUE);
  gtk_box_append (GTK_BOX (body), tiles);
  self->through = integrity_kpi_tile_new (NULL);
  gtk_grid_attach (GTK_GRID (tiles), self->through, 0, 0, 1, 1);
  stat_card_init (&self->outstanding, tiles, 1);
  stat_card_init (&self->days, tiles, 2);
  stat_card_init (&self->status, tiles, 3);

  self->chart = integrity_chart_view_new (NULL);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_size_request (self->chart, -1, 340);
  gtk_box_append (GTK_BOX (body), self->chart);
}

GtkWidget *
training_cohort_section_new (void)
{
  return g_object_new (TRAINING_TYPE_COHORT_SECTION, NULL);
}

/**
 * training_cohort_section_show:
 * @kpi: the cohort's share through, as the overview shows it
 * @chart: its burn-up (training_burn_up_chart())
 *
 * Shows the cohort's figures as at @as_at.
 */
void
training_cohort_section_show (TrainingCohortSection        *self,
                              const TrainingCohortProgress *progress,
                              TrainingDay                   as_at,
                              const IntegrityKpi           *kpi,
                              IntegrityChart               *chart)
{
  const TrainingCohort *cohort;
  g_autoptr(IntegrityKpi) through = NULL;
  g_autofree char *description = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *in_scope = NULL;
  g_autofree char *outstanding_caption = NULL;
  g_autofree char *days = NULL;
  g_autofree char *deadline_caption = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *tooltip = NULL;
  int to_deadline;

  g_return_if_fail (TRAINING_IS_COHORT_SECTION (self));
  g_return_if_fail (progress != NULL && kpi != NULL && INTEGRITY_IS_CHART (chart));

  cohort = progress->cohort;
  description = describe_cohort (cohort);
  deadline = training_day_to_label (cohort->deadline);
  outstanding = integrity_format_count (training_count_outstanding (&progress->now));
  in_scope = integrity_format_count (progress->now.in_scope);
  caption = status_caption (progress);
  tooltip = g_strdup_printf (_("Edit the %s cohort"), cohort->name);
  to_deadline = (int) cohort->deadline - (int) as_at;

  gtk_label_set_text (GTK_LABEL (self->name), cohort->name);
  gtk_label_set_text (GTK_LABEL (self->description), description);
  gtk_widget_set_tooltip_text (self->edit, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* The action once it has its target: it takes the cohort's name. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit), "s", cohort->name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit), "training.edit-cohort");

  through = integrity_kpi_copy (kpi);
  g_free (through->label);
  through->label = g_strdup (_("Through every module"));
  integrity_kpi_tile_set_kpi (INTEGRITY_KPI_TILE (self->through), through);

  /* Translators: "Not yet through every module, of 1,050 in scope." */
  outstanding_caption = g_strdup_printf (_("Not yet through every module, of %s in scope."), in_scope);
  stat_card_set (&self->outstanding, _("Outstanding"), outstanding, NULL, NULL, outstanding_caption);

  days = g_strdup_printf ("%d", ABS (to_deadline));
  deadline_caption = g_strdup_printf (to_deadline >= 0 ? _("Deadline %s.") : _("The deadline was %s."), deadline);
  stat_card_set (&self->days, to_deadline >= 0 ? _("Days to deadline") : _("Days past deadline"), days, NULL,
                 to_deadline < 0 && progress->status == TRAINING_STATUS_LATE ? "error" : NULL, deadline_caption);
  stat_card_set (&self->status, _("Status"), training_status_to_label (progress->status),
                 status_icon (progress->status), training_status_to_css (progress->status), caption);

  integrity_chart_view_set_chart (INTEGRITY_CHART_VIEW (self->chart), chart);
}
