/* integrity-in-view.h — whether a widget is where a person can see it. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkScrolledWindow *integrity_widget_get_scroller  (GtkWidget         *widget);
gboolean           integrity_widget_is_in_view    (GtkWidget         *widget,
                                                   GtkScrolledWindow *scroller);
void               integrity_scroller_follow      (GtkScrolledWindow *scroller,
                                                   GCallback          moved,
                                                   gpointer           data);
void               integrity_scroller_unfollow    (GtkScrolledWindow *scroller,
                                                   gpointer           data);
void               integrity_spinner_spin_while_mapped (GtkSpinner   *spinner);

G_END_DECLS
