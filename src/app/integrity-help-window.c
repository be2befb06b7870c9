/* integrity-help-window.c — Help (F1): each figure and how it is computed. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-help"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-briefing-job.h"
#include "integrity-help-window.h"

/* The text is the briefing pack's "Method and sources" page, read from the
 * same places: the shared note from libintegrity, then the notes each active
 * plugin adds while it draws its pages (integrity_briefing_add_method_note),
 * gathered by drawing the pack for the current period off the main thread. */
struct _IntegrityHelpWindow
{
  AdwWindow         parent_instance;

  IntegritySession *session;
  GCancellable     *cancellable;
  GtkWidget        *notes_box;
  GtkWidget        *spinner;
  gboolean          ready;
};

G_DEFINE_FINAL_TYPE (IntegrityHelpWindow, integrity_help_window, ADW_TYPE_WINDOW)

static GtkWidget *
paragraph (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
on_composed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IntegrityHelpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityBriefing) briefing = integrity_briefing_job_finish (INTEGRITY_STORE (source), result, &error);
  const GPtrArray *notes;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_visible (self->spinner, FALSE);
  self->ready = TRUE;
  if (briefing == NULL)
    {
      gtk_box_append (GTK_BOX (self->notes_box), paragraph (error->message, "error"));
      return;
    }
  notes = integrity_briefing_get_method_notes (briefing);
  for (guint i = 0; i < notes->len; i++)
    gtk_box_append (GTK_BOX (self->notes_box), paragraph (g_ptr_array_index (notes, i), NULL));
  if (notes->len == 0)
    gtk_box_append (GTK_BOX (self->notes_box),
                    paragraph (_("Each page explains its figures here once its data is imported "
                                 "for the period chosen in the header bar."), "dim-label"));
}

static void
start_composing (IntegrityHelpWindow *self)
{
  IntegrityContext *context = integrity_session_get_context (self->session);
  IntegrityBriefingJob *job;

  job = integrity_briefing_job_new (self->session, integrity_context_get_filter (context), 0, NULL);
  integrity_briefing_job_start (job, integrity_session_get_store (self->session), self->cancellable,
                                on_composed, g_object_ref (self));
}

static void
integrity_help_window_dispose (GObject *object)
{
  IntegrityHelpWindow *self = INTEGRITY_HELP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (integrity_help_window_parent_class)->dispose (object);
}

static void
integrity_help_window_class_init (IntegrityHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = integrity_help_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
integrity_help_window_init (IntegrityHelpWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Help"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);

  heading = paragraph (_("How the Figures Are Computed"), "title-2");
  /* Not selectable: it would take the first focus, selected, on opening. */
  gtk_label_set_selectable (GTK_LABEL (heading), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box),
                  paragraph (_("Every page, figure and export follows the period and district chosen in "
                               "the header bar. This is the same text as the briefing pack’s "
                               "“Method and sources” page."), "dim-label"));
  gtk_box_append (GTK_BOX (box), paragraph (integrity_briefing_get_general_method_note (), NULL));

  self->notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->notes_box);
  self->spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading each page’s method"), -1);
  gtk_box_append (GTK_BOX (self->notes_box), self->spinner);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), scrolled);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

/**
 * integrity_help_window_new:
 * @parent: (nullable): the main window
 * @session: the open store and its context
 *
 * Returns: (transfer full): a Help window explaining each figure and how it
 *   is computed for the period and district in the header bar
 */
IntegrityHelpWindow *
integrity_help_window_new (GtkWindow        *parent,
                           IntegritySession *session)
{
  IntegrityHelpWindow *self;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (session), NULL);

  self = g_object_new (INTEGRITY_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->session = g_object_ref (session);
  start_composing (self);
  return self;
}

/* Whether each plugin's notes have arrived (or failed): for tests. */
gboolean
integrity_help_window_is_ready (IntegrityHelpWindow *self)
{
  g_return_val_if_fail (INTEGRITY_IS_HELP_WINDOW (self), FALSE);

  return self->ready;
}
