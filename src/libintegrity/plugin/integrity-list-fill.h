/* integrity-list-fill.h — long lists filled a few rows per main-loop turn. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rows put into the list at once, and then on each later main-loop turn. */
#define INTEGRITY_LIST_FILL_CHUNK 25

/* Gives @row, an item already in the list, the contents of @from, a new
 * item that is then dropped, and tells @row's cells to show them. */
typedef void (*IntegrityListRefill) (gpointer row,
                                     gpointer from);

void     integrity_list_store_replace_gradually (GListStore          *store,
                                                 GPtrArray           *items);
void     integrity_list_store_refill_gradually  (GListStore          *store,
                                                 GPtrArray           *items,
                                                 IntegrityListRefill  refill);
void     integrity_list_store_refill_in_view    (GListStore          *store,
                                                 GPtrArray           *items,
                                                 IntegrityListRefill  refill,
                                                 GtkWidget           *view);
gboolean integrity_list_store_is_filling        (GListStore          *store);

G_END_DECLS
