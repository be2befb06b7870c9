/* victim-care-timeline.c — a case's events and deadlines as rows. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "victim-care-timeline.h"

/* Each deadline says where it stands in words and an icon, never by
 * colour alone: met, missed, due or overdue. */
static void
describe_status (IntegrityDeadlineStatus  status,
                 const char             **label,
                 const char             **icon,
                 const char             **style)
{
  switch (status)
    {
    case INTEGRITY_DEADLINE_MET:
      *label = _("Met");
      *icon = "emblem-ok-symbolic";
      *style = "success";
      break;
    case INTEGRITY_DEADLINE_MISSED:
      *label = _("Missed");
      *icon = "dialog-warning-symbolic";
      *style = "warning";
      break;
    case INTEGRITY_DEADLINE_DUE:
      *label = _("Pending");
      *icon = "appointment-soon-symbolic";
      *style = "accent";
      break;
    case INTEGRITY_DEADLINE_OVERDUE:
    default:
      *label = _("Overdue");
      *icon = "dialog-error-symbolic";
      *style = "error";
      break;
    }
}

void
victim_care_timeline_fill (GtkListBox *list,
                           GPtrArray  *entries)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      VictimTimelineEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      char day[64];

      g_date_strftime (day, sizeof day, "%-d %b %Y", &entry->date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->is_deadline ? entry->detail : day);
      if (entry->is_deadline)
        {
          const char *label, *icon, *style;
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *image, *text;

          describe_status (entry->status, &label, &icon, &style);
          image = gtk_image_new_from_icon_name (icon);
          text = gtk_label_new (label);
          gtk_widget_add_css_class (box, style);
          gtk_box_append (GTK_BOX (box), image);
          gtk_box_append (GTK_BOX (box), text);
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
        }
      else if (entry->detail != NULL && *entry->detail != '\0')
        {
          g_autofree char *subtitle = g_strdup_printf ("%s · %s", day, entry->detail);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_list_box_append (list, row);
    }
}
