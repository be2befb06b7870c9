/* integrity-page-reload.h — a page reads the store again only when it is on screen. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*IntegrityPageReload) (GtkWidget *page);

void     integrity_page_reload_when_shown (GtkWidget           *page,
                                           IntegrityPageReload  reload);
gboolean integrity_page_has_reload_due    (GtkWidget           *page);

void     integrity_page_reveal_in_steps   (GtkWidget           *sections);
gboolean integrity_pages_are_settling     (void);

G_END_DECLS
