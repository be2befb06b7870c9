/* integrity-overview-notes.c — the overview's list of dated notes: add, edit, delete. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-overview-private.h"

#define NOTE_ID_KEY "integrity-note-id"

typedef struct
{
  IntegrityOverview *overview;
  gint64             id;        /* 0: a new note */
  GtkWidget         *date;
  GtkWidget         *text;
} NoteEdit;

static void
note_edit_free (gpointer  data,
                GClosure *closure)
{
  NoteEdit *edit = data;

  g_object_unref (edit->overview);
  g_free (edit);
}

static void
show_error (IntegrityOverview *self,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Note Was Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  NoteEdit         *edit)
{
  IntegrityStore *store = integrity_context_get_store (_integrity_overview_get_context (edit->overview));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (edit->date));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (edit->text))));
  g_autoptr(GError) error = NULL;
  GDate date;

  if (g_strcmp0 (response, "save") != 0)
    return;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, date_text);
  if (!g_date_valid (&date) || *text == '\0')
    {
      show_error (edit->overview, _("A note needs a date, written YYYY-MM-DD, and some text."));
      return;
    }
  if (edit->id > 0)
    integrity_annotation_update (store, edit->id, &date, text, &error);
  else
    integrity_annotation_add (store, &date, text, &error);
  if (error != NULL)
    show_error (edit->overview, error->message);
}

static GtkWidget *
labelled_entry (GtkWidget  *box,
                const char *label_text,
                const char *value)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

/* Add Note… (@note NULL) or Edit: a dialog with the date and the text. */
static void
edit_note (IntegrityOverview         *self,
           const IntegrityAnnotation *note)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              note != NULL ? _("Edit Note") : _("Add Note"),
                                              _("Notes show on every time chart at their date."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  NoteEdit *edit = g_new0 (NoteEdit, 1);
  char date[16] = "";

  if (note != NULL)
    g_date_strftime (date, sizeof date, "%Y-%m-%d", &note->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_strlcpy (date, today, sizeof date);
    }
  edit->overview = g_object_ref (self);
  edit->id = note != NULL ? note->id : 0;
  edit->date = labelled_entry (box, _("_Date (YYYY-MM-DD)"), date);
  edit->text = labelled_entry (box, _("_Note"), note != NULL ? note->text : NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_edit_response), edit,
                         note_edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (edit->text);
}

static void
on_add_clicked (IntegrityOverview *self)
{
  edit_note (self, NULL);
}

static void
on_edit_clicked (GtkButton         *button,
                 IntegrityOverview *self)
{
  edit_note (self, g_object_get_data (G_OBJECT (button), NOTE_ID_KEY));
}

static void
on_delete_clicked (GtkButton         *button,
                   IntegrityOverview *self)
{
  const IntegrityAnnotation *note = g_object_get_data (G_OBJECT (button), NOTE_ID_KEY);
  g_autoptr(GError) error = NULL;

  if (!integrity_annotation_delete (integrity_context_get_store (_integrity_overview_get_context (self)),
                                    note->id, &error))
    show_error (self, error->message);
}

static IntegrityAnnotation *
copy_note (const IntegrityAnnotation *note)
{
  IntegrityAnnotation *copy = g_new0 (IntegrityAnnotation, 1);

  *copy = *note;
  copy->text = g_strdup (note->text);
  return copy;
}

static GtkWidget *
note_button (IntegrityOverview         *self,
             const IntegrityAnnotation *note,
             const char                *icon,
             const char                *tooltip,
             GCallback                  callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), NOTE_ID_KEY, copy_note (note),
                          (GDestroyNotify) integrity_annotation_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* The list's rows: the note's text, its date, Edit and Delete. */
void
integrity_overview_show_notes (IntegrityOverview *self,
                               GtkWidget         *list,
                               GPtrArray         *notes)
{
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), GTK_WIDGET (old));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      IntegrityAnnotation *note = g_ptr_array_index (notes, i);
      GtkWidget *row = adw_action_row_new ();
      char date[64] = "";

      g_date_strftime (date, sizeof date, "%e %B %Y", &note->date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (date));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 note_button (self, note, "document-edit-symbolic", _("Edit Note"),
                                              G_CALLBACK (on_edit_clicked)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 note_button (self, note, "user-trash-symbolic", _("Delete Note"),
                                              G_CALLBACK (on_delete_clicked)));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

GtkWidget *
integrity_overview_build_notes (IntegrityOverview  *self,
                                GtkWidget         **list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Notes on the Charts"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Note…"));
  GtkWidget *placeholder = gtk_label_new (_("No notes yet. A note such as “Crime support line "
                                            "opened” shows on every time chart at its date."));

  gtk_widget_set_margin_top (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (header), add);
  gtk_box_append (GTK_BOX (box), header);

  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (*list), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes on the charts"), -1);
  gtk_box_append (GTK_BOX (box), *list);
  return box;
}
