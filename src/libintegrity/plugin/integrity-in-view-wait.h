/* integrity-in-view-wait.h — work that waits until a widget is where a person can see it. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Internal to the library: not installed. */

typedef struct _IntegrityInViewWait IntegrityInViewWait;

/* Called once the widget waited for is seen; may free the wait. */
typedef void (*IntegrityInViewFunc) (gpointer data);

gboolean             integrity_widget_is_seen   (GtkWidget           *widget);
IntegrityInViewWait *integrity_in_view_wait_new (GtkWidget           *widget,
                                                 IntegrityInViewFunc  seen,
                                                 gpointer             data);
void                 integrity_in_view_wait_free (IntegrityInViewWait *wait);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityInViewWait, integrity_in_view_wait_free)

G_END_DECLS
