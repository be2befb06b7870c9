/* integrity-import-dialog.c — choose a CSV file, check it, import it. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-import-dialog.h"

#define PREVIEW_ROWS 20

struct _IntegrityImportDialog
{
  AdwWindow              parent_instance;

  IntegrityWindow       *window;
  IntegrityContext      *context;
  GFile                 *file;
  IntegrityImportJob    *job;
  GCancellable          *cancellable;
  GtkFileChooserNative  *chooser;
  char                  *errors_text;
  char                 **header;
  gboolean               close_when_done;

  GtkStack              *stack;
  GtkButton             *cancel_button;
  AdwActionRow          *file_row;
  AdwComboRow           *kind_row;
  GtkLabel              *hint_label;
  GtkColumnView         *preview;
  GtkLabel              *progress_label;
  GtkProgressBar        *progress_bar;
  GtkLabel              *errors_label;
  GtkTextView           *errors_view;
};

G_DEFINE_FINAL_TYPE (IntegrityImportDialog, integrity_import_dialog, ADW_TYPE_WINDOW)

static void
update_actions (IntegrityImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean previewing = g_strcmp0 (page, "preview") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 previewing && self->job == NULL
                                 && adw_combo_row_get_selected_item (self->kind_row) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", self->job == NULL);
  gtk_button_set_label (self->cancel_button, g_strcmp0 (page, "errors") == 0 ? _("_Close") : _("_Cancel"));
}

/* Tells which required columns the chosen kind misses in this file. */
static void
update_hint (IntegrityImportDialog *self)
{
  IntegrityImporter *importer = adw_combo_row_get_selected_item (self->kind_row);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (importer == NULL || self->header == NULL)
    {
      gtk_label_set_text (self->hint_label,
                          _("No kind of data matches the columns of this file."));
      update_actions (self);
      return;
    }
  for (guint c = 0; c < integrity_importer_get_n_columns (importer); c++)
    {
      const IntegrityImportColumn *column = integrity_importer_get_column (importer, c);
      gboolean found = FALSE;

      for (guint i = 0; self->header[i] != NULL && !found; i++)
        found = integrity_importer_find_column (importer, self->header[i]) == (int) c;
      if ((column->flags & INTEGRITY_COLUMN_REQUIRED) && !found)
        g_string_append_printf (missing, "%s'%s'", missing->len > 0 ? ", " : "", column->name);
    }
  if (missing->len > 0)
    /* Translators: "The file lacks the columns this kind requires: 'ref', 'month'" */
    text = g_strdup_printf (_("The file lacks the columns this kind requires: %s"), missing->str);
  else
    text = g_strdup (integrity_importer_get_description (importer));
  gtk_label_set_text (self->hint_label, text);
  update_actions (self);
}

static void
on_kind_selected (IntegrityImportDialog *self)
{
  update_hint (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
fill_preview (IntegrityImportDialog *self,
              GPtrArray             *records)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview);
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr(GtkNoSelection) selection = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->preview, column);
    }
  for (guint i = 0; self->header != NULL && self->header[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (self->header[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview, column);
    }
  for (guint r = 1; records != NULL && r < records->len; r++)
    {
      g_autoptr(GtkStringList) row =
        gtk_string_list_new ((const char *const *) g_ptr_array_index (records, r));
      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (selection));
}

static void
show_errors (IntegrityImportDialog *self,
             const char            *heading,
             const char            *text)
{
  g_free (self->errors_text);
  self->errors_text = g_strdup (text);
  gtk_label_set_text (self->errors_label, heading);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->errors_view), text, -1);
  gtk_stack_set_visible_child_name (self->stack, "errors");
  update_actions (self);
}

/**
 * integrity_import_dialog_open_file:
 *
 * Shows the first rows of @file and guesses its kind from the header.
 */
void
integrity_import_dialog_open_file (IntegrityImportDialog *self,
                                   GFile                 *file)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityImporter) guessed = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GListModel *importers;

  g_return_if_fail (INTEGRITY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->job != NULL)
    return;
  g_set_object (&self->file, file);
  g_clear_pointer (&self->header, g_strfreev);
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);

  records = path != NULL ? integrity_csv_read_head (path, PREVIEW_ROWS + 1, &error) : NULL;
  if (records == NULL || records->len == 0)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), name);
      show_errors (self, heading, error != NULL ? error->message : _("The file is empty."));
      return;
    }

  self->header = g_strdupv (g_ptr_array_index (records, 0));
  fill_preview (self, records);
  importers = integrity_context_get_importers (self->context);
  guessed = integrity_importer_guess (importers, (const char *const *) self->header);
  for (guint i = 0; guessed != NULL && i < g_list_model_get_n_items (importers); i++)
    {
      g_autoptr(IntegrityImporter) importer = g_list_model_get_item (importers, i);
      if (importer == guessed)
        adw_combo_row_set_selected (self->kind_row, i);
    }
  if (guessed == NULL)
    adw_combo_row_set_selected (self->kind_row, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_hint (self);
}

static void
on_chooser_response (GtkNativeDialog       *chooser,
                     int                    response,
                     IntegrityImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      integrity_import_dialog_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

/* Asks for a file with the portal-friendly native chooser. */
void
integrity_import_dialog_choose_file (IntegrityImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (INTEGRITY_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_progress (IntegrityImportJob    *job,
             guint64                done,
             guint64                total,
             IntegrityImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / (double) total : 1.0);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Hides now and frees later: taking the preview's table apart takes some
 * 10 ms, which would fall in the same frame as the toast and the reload. */
static void
close_soon (IntegrityImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_LOW, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
on_import_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(IntegrityImportDialog) self = data;
  g_autoptr(IntegrityImportJob) job = g_steal_pointer (&self->job);
  g_autoptr(GError) error = NULL;
  const char *name = integrity_import_job_get_file_name (job);

  g_clear_object (&self->cancellable);
  if (integrity_import_job_run_finish (job, result, &error))
    {
      g_autofree char *summary = integrity_import_job_describe (job);
      g_autofree char *details = integrity_import_job_describe_details (job);
      g_autofree char *toast = integrity_import_job_get_duplicates (job) > 0
        ? g_strdup_printf ("%s (%s)", summary, details) : g_strdup (summary);

      if (self->window != NULL)
        integrity_window_add_toast (self->window, toast);
      close_soon (self);
      return;
    }
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "preview");
      gtk_label_set_text (self->hint_label, _("Import cancelled: nothing was imported."));
      update_actions (self);
    }
  else if (g_error_matches (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID))
    {
      GPtrArray *errors = integrity_import_job_get_errors (job);
      guint n = integrity_import_job_get_n_errors (job);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < errors->len; i++)
        g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (errors, i));
      if (n > errors->len || n >= INTEGRITY_IMPORT_MAX_ERRORS)
        g_string_append_printf (text, _("%s: stopped after %u errors\n"), name, errors->len);
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Nothing was imported: “%s” has an error to correct",
                                              "Nothing was imported: “%s” has errors to correct", n),
                                 name);
      show_errors (self, heading, text->str);
    }
  else
    show_errors (self, _("Nothing was imported: the store could not be written"), error->message);
}

static void
start_import (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  IntegrityImportDialog *self = INTEGRITY_IMPORT_DIALOG (widget);
  IntegrityImporter *importer = adw_combo_row_get_selected_item (self->kind_row);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (importer == NULL || self->file == NULL || self->job != NULL)
    return;
  path = g_file_get_path (self->file);
  name = g_file_get_basename (self->file);
  self->job = integrity_import_job_new (integrity_context_get_store (self->context), importer, path);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->job, "progress", G_CALLBACK (on_progress), self, 0);

  /* Translators: "Importing audit-2020.csv…" */
  label = g_strdup_printf (_("Importing %s…"), name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  update_actions (self);
  integrity_import_job_run_async (self->job, self->cancellable, on_import_finished,
                                  g_object_ref (self));
}

/* Cancels a running import (the store is left as it was), else closes. */
static void
cancel (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  IntegrityImportDialog *self = INTEGRITY_IMPORT_DIALOG (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  integrity_import_dialog_choose_file (INTEGRITY_IMPORT_DIALOG (widget));
}

static void
copy_errors (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  IntegrityImportDialog *self = INTEGRITY_IMPORT_DIALOG (widget);

  if (self->errors_text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->errors_text);
}

static gboolean
integrity_import_dialog_close_request (GtkWindow *window)
{
  IntegrityImportDialog *self = INTEGRITY_IMPORT_DIALOG (window);

  if (self->job == NULL)
    return GTK_WINDOW_CLASS (integrity_import_dialog_parent_class)->close_request (window);
  /* Roll back first: the store must not be left mid-import. */
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

static char *
importer_title (IntegrityImporter *importer)
{
  return importer != NULL ? g_strdup (integrity_importer_get_title (importer)) : NULL;
}

static void
integrity_import_dialog_dispose (GObject *object)
{
  IntegrityImportDialog *self = INTEGRITY_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), INTEGRITY_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->errors_text, g_free);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (integrity_import_dialog_parent_class)->dispose (object);
}

static void
integrity_import_dialog_class_init (IntegrityImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = integrity_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = integrity_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/integrity-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, IntegrityImportDialog, errors_view);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_import);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose);
  gtk_widget_class_install_action (widget_class, "import.copy-errors", NULL, copy_errors);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
integrity_import_dialog_init (IntegrityImportDialog *self)
{
  /* The combo row takes its own reference (transfer none). */
  g_autoptr(GtkExpression) title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                G_CALLBACK (importer_title),
                                                                NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_expression (self->kind_row, title);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

/**
 * integrity_import_dialog_new:
 * @window: the window that shows the result as a toast
 *
 * Returns: (transfer floating): the dialog, transient for @window
 */
IntegrityImportDialog *
integrity_import_dialog_new (IntegrityWindow *window)
{
  IntegrityImportDialog *self;
  IntegrityContext *context;

  g_return_val_if_fail (INTEGRITY_IS_WINDOW (window), NULL);

  context = integrity_session_get_context (integrity_window_get_session (window));
  self = g_object_new (INTEGRITY_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->window, window);
  adw_combo_row_set_model (self->kind_row, integrity_context_get_importers (context));
  update_actions (self);
  return self;
}

/* The kind chosen (guessed from the header, or picked), if any. */
IntegrityImporter *
integrity_import_dialog_get_importer (IntegrityImportDialog *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_DIALOG (self), NULL);
  return adw_combo_row_get_selected_item (self->kind_row);
}
