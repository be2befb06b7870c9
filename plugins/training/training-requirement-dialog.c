/* training-requirement-dialog.c — add or edit a cohort's requirements. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "training-requirement-dialog.h"

/* libadwaita 1.2 has no AdwDialog: an AdwMessageDialog with a form as its
 * extra child. Saving writes one small transaction on the write connection. */
typedef struct
{
  IntegrityStore *store;
  char           *old_name;
  GtkWidget      *name;
  GtkWidget      *rank;
  GtkWidget      *frontline;
  GtkWidget      *modules;
  GtkWidget      *start;
  GtkWidget      *deadline;
  GtkWidget      *problem;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->store);
  g_free (form->old_name);
  g_free (form);
}

/* YYYY-MM-DD or DD/MM/YYYY, as the importers read dates. */
TrainingDay
training_parse_day (const char *text)
{
  int d, m, y;
  char end;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return TRAINING_NO_DAY;
  if (sscanf (text, "%2d/%2d/%4d%c", &d, &m, &y, &end) == 3)
    {
      iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return training_day_from_iso (iso);
    }
  return training_day_from_iso (text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
split_modules (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;\n", -1);
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *module = g_strstrip (parts[i]);

      if (*module != '\0' && !g_ptr_array_find_with_equal_func (modules, module, g_str_equal, NULL))
        g_ptr_array_add (modules, g_strdup (module));
    }
  g_ptr_array_sort (modules, compare_strings);
  g_ptr_array_add (modules, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&modules), FALSE);
}

/* The cohort the form describes, or %NULL with the reason in @problem. */
static TrainingCohort *
read_form (Form        *form,
           const char **problem)
{
  g_autoptr(TrainingCohort) cohort = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));
  guint rank = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->rank));
  guint frontline = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->frontline));

  *problem = NULL;
  cohort = training_cohort_new (name);
  g_strfreev (cohort->modules);
  cohort->modules = split_modules (gtk_editable_get_text (GTK_EDITABLE (form->modules)));
  cohort->rank = rank > 0 ? g_strdup (training_ranks ()[rank - 1]) : NULL;
  cohort->frontline = frontline == 0 ? TRAINING_ANY : frontline == 1 ? 1 : 0;
  cohort->start = training_parse_day (gtk_editable_get_text (GTK_EDITABLE (form->start)));
  cohort->deadline = training_parse_day (gtk_editable_get_text (GTK_EDITABLE (form->deadline)));

  if (*name == '\0')
    *problem = _("Give the cohort a name.");
  else if (cohort->modules[0] == NULL)
    *problem = _("List at least one module, separated by commas.");
  else if (cohort->start == TRAINING_NO_DAY)
    *problem = _("The start date is not a date: use YYYY-MM-DD or DD/MM/YYYY.");
  else if (cohort->deadline == TRAINING_NO_DAY)
    *problem = _("The deadline is not a date: use YYYY-MM-DD or DD/MM/YYYY.");
  else if (cohort->deadline < cohort->start)
    *problem = _("The deadline is before the start date.");
  return *problem == NULL ? g_steal_pointer (&cohort) : NULL;
}

static void
on_changed (GtkWidget *widget,
            gpointer   user_data)
{
  AdwMessageDialog *dialog = user_data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(TrainingCohort) cohort = NULL;
  const char *problem;

  cohort = read_form (form, &problem);
  gtk_label_set_text (GTK_LABEL (form->problem), problem != NULL ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, "save", cohort != NULL);
}

static void
on_selected (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  on_changed (NULL, user_data);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Save the Requirements"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(TrainingCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  if (g_str_equal (response, "save"))
    {
      cohort = read_form (form, &problem);
      if (cohort == NULL)
        return;
    }
  else if (!g_str_equal (response, "delete"))
    return;

  if (!training_store_cohort (form->store, form->old_name, cohort, &error))
    show_error (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label_text,
         GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return field;
}

static GtkWidget *
entry_with (const char *text,
            const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

/**
 * training_requirement_dialog_new:
 * @cohort: (nullable): the cohort to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
training_requirement_dialog_new (GtkWidget            *parent,
                                 IntegrityStore       *store,
                                 const TrainingCohort *cohort)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;
  GtkWidget *grid = gtk_grid_new ();
  Form *form = g_new0 (Form, 1);
  g_autoptr(GtkStringList) ranks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) frontline = gtk_string_list_new (NULL);
  g_autofree char *modules = cohort != NULL ? g_strjoinv (", ", cohort->modules) : NULL;
  g_autofree char *start = cohort != NULL ? training_day_to_iso (cohort->start) : NULL;
  g_autofree char *deadline = cohort != NULL ? training_day_to_iso (cohort->deadline) : NULL;
  GtkWidget *fields[6];

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   cohort != NULL ? _("Edit Cohort") : _("Add Cohort"),
                                   _("Who must complete which modules, from when and by when. Officers "
                                     "belong to every cohort whose rank and frontline match."));
  form->store = g_object_ref (store);
  form->old_name = cohort != NULL ? g_strdup (cohort->name) : NULL;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) form_free);

  gtk_string_list_append (ranks, training_rank_label (NULL));
  for (guint i = 0; training_ranks ()[i] != NULL; i++)
    gtk_string_list_append (ranks, training_rank_label (training_ranks ()[i]));
  gtk_string_list_append (frontline, _("Frontline or not"));
  gtk_string_list_append (frontline, _("Frontline only"));
  gtk_string_list_append (frontline, _("Not frontline"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->name = fields[0] = add_row (GTK_GRID (grid), 0, _("_Name"),
                                    entry_with (cohort != NULL ? cohort->name : NULL, _("e.g. Sergeants")));
  form->rank = fields[1] = add_row (GTK_GRID (grid), 1, _("_Rank"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (ranks)), NULL));
  form->frontline = fields[2] = add_row (GTK_GRID (grid), 2, _("_Frontline"),
                                         gtk_drop_down_new (G_LIST_MODEL (g_object_ref (frontline)), NULL));
  form->modules = fields[3] = add_row (GTK_GRID (grid), 3, _("_Modules"),
                                       entry_with (modules, _("e.g. recording-compliance, investigation, victim-care")));
  form->start = fields[4] = add_row (GTK_GRID (grid), 4, _("_Starts"), entry_with (start, _("YYYY-MM-DD")));
  form->deadline = fields[5] = add_row (GTK_GRID (grid), 5, _("_Deadline"), entry_with (deadline, _("YYYY-MM-DD")));
  form->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->problem), 0);
  gtk_widget_add_css_class (form->problem, "error");
  gtk_grid_attach (GTK_GRID (grid), form->problem, 0, 6, 2, 1);

  if (cohort != NULL)
    {
      for (guint i = 0; cohort->rank != NULL && training_ranks ()[i] != NULL; i++)
        if (g_str_equal (training_ranks ()[i], cohort->rank))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (form->rank), i + 1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (form->frontline),
                                  cohort->frontline == TRAINING_ANY ? 0 : cohort->frontline ? 1 : 2);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (cohort != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Remove Cohort"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (GTK_IS_DROP_DOWN (fields[i]))
      g_signal_connect_object (fields[i], "notify::selected", G_CALLBACK (on_selected), dialog, 0);
    else
      g_signal_connect_object (fields[i], "changed", G_CALLBACK (on_changed), dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  on_changed (NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
