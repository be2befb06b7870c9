/* integrity-briefing-dialog.c — Export Briefing… and Print…: the pack, to PDF or to a printer. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-briefing-dialog.h"
#include "integrity-briefing-job.h"

struct _IntegrityBriefingDialog
{
  AdwWindow             parent_instance;

  IntegrityWindow      *window;
  GCancellable         *cancellable;
  GFile                *file;
  GtkFileChooserNative *chooser;

  GtkWidget            *file_row;
  GtkWidget            *suppress;
  GtkWidget            *progress;
  GtkWidget            *export_button;
  guint                 pulse_id;
};

G_DEFINE_FINAL_TYPE (IntegrityBriefingDialog, integrity_briefing_dialog, ADW_TYPE_WINDOW)

static void
set_file (IntegrityBriefingDialog *self,
          GFile                   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_object (&self->file, file);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), name);
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
on_chooser_response (GtkNativeDialog         *chooser,
                     int                      response,
                     IntegrityBriefingDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (IntegrityBriefingDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Save Briefing Pack"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("briefing.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (IntegrityBriefingDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IntegrityBriefingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityBriefing) briefing = integrity_briefing_job_finish (INTEGRITY_STORE (source), result, &error);
  g_autofree char *message = NULL;

  stop_pulse (self);
  if (briefing == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), error->message);
      gtk_widget_set_sensitive (self->export_button, TRUE);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Briefing pack written: %u page",
                                          "Briefing pack written: %u pages",
                                          integrity_briefing_get_n_pages (briefing)),
                             integrity_briefing_get_n_pages (briefing));
  integrity_window_add_toast (self->window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (IntegrityBriefingDialog *self)
{
  IntegritySession *session = integrity_window_get_session (self->window);
  g_autofree char *path = g_file_get_path (self->file);
  guint suppress = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->suppress));
  IntegrityBriefingJob *job;

  if (path == NULL)
    return;
  job = integrity_briefing_job_new (session, integrity_context_get_filter (integrity_session_get_context (session)),
                                    suppress, path);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_set_visible (self->progress, TRUE);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), _("Writing the briefing pack…"));
  self->pulse_id = g_timeout_add (100, pulse, self->progress);
  integrity_briefing_job_start (job, integrity_session_get_store (session), self->cancellable,
                                on_written, g_object_ref (self));
}

static void
integrity_briefing_dialog_dispose (GObject *object)
{
  IntegrityBriefingDialog *self = INTEGRITY_BRIEFING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  stop_pulse (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (integrity_briefing_dialog_parent_class)->dispose (object);
}

static void
integrity_briefing_dialog_class_init (IntegrityBriefingDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = integrity_briefing_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
integrity_briefing_dialog_init (IntegrityBriefingDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *suppress_row = adw_action_row_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Export Briefing"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->file_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("PDF file"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), _("None chosen"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_file), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->file_row), choose);
  gtk_list_box_append (GTK_LIST_BOX (list), self->file_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (suppress_row), _("Suppress small numbers"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (suppress_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (suppress_row),
                               _("Counts below this show as “<N” and rates on fewer cases are withheld, "
                                 "for packs that leave the command team. 0: off."));
  self->suppress = gtk_spin_button_new_with_range (0, 1000, 1);
  gtk_widget_set_valign (self->suppress, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suppress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suppress small numbers"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (suppress_row), self->suppress);
  gtk_list_box_append (GTK_LIST_BOX (list), suppress_row);
  gtk_box_append (GTK_BOX (body), list);

  self->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress), TRUE);
  gtk_widget_set_visible (self->progress, FALSE);
  gtk_box_append (GTK_BOX (body), self->progress);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
}

IntegrityBriefingDialog *
integrity_briefing_dialog_new (IntegrityWindow *window)
{
  IntegrityBriefingDialog *self;

  g_return_val_if_fail (INTEGRITY_IS_WINDOW (window), NULL);

  self = g_object_new (INTEGRITY_TYPE_BRIEFING_DIALOG, "transient-for", window, NULL);
  self->window = window;
  return self;
}

/* For tests: export to @file at @suppress_below without the file chooser. */
void
integrity_briefing_dialog_export (IntegrityBriefingDialog *self,
                                  GFile                   *file,
                                  guint                    suppress_below)
{
  g_return_if_fail (INTEGRITY_IS_BRIEFING_DIALOG (self));
  set_file (self, file);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->suppress), suppress_below);
  on_export_clicked (self);
}

/* Print… ---------------------------------------------------------------- */

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           IntegrityBriefing *briefing)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / INTEGRITY_BRIEFING_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / INTEGRITY_BRIEFING_PAGE_HEIGHT);

  cairo_scale (cr, scale, scale);
  integrity_briefing_render_page (briefing, (guint) page, cr);
}

static void
on_drawn_for_print (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IntegrityWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityBriefing) briefing = integrity_briefing_job_finish (INTEGRITY_STORE (source), result, &error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  if (briefing == NULL)
    {
      integrity_window_add_toast (window, error->message);
      return;
    }
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) integrity_briefing_get_n_pages (briefing));
  gtk_print_operation_set_job_name (operation, _("Briefing pack"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), briefing);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (window),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    integrity_window_add_toast (window, error->message);
}

/* Print…: the same pages as the PDF, drawn off the main thread first. */
void
integrity_briefing_print (IntegrityWindow *window)
{
  IntegritySession *session;
  IntegrityBriefingJob *job;

  g_return_if_fail (INTEGRITY_IS_WINDOW (window));

  session = integrity_window_get_session (window);
  job = integrity_briefing_job_new (session, integrity_context_get_filter (integrity_session_get_context (session)),
                                    0, NULL);
  integrity_briefing_job_start (job, integrity_session_get_store (session), NULL,
                                on_drawn_for_print, g_object_ref (window));
}
