/* integrity-list-fill.h — long lists filled a few rows per main-loop turn. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows put into the list at once, and then on each later main-loop turn. */
#define INTEGRITY_LIST_FILL_CHUNK 25

void     integrity_list_store_replace_gradually (GListStore *store,
                                                 GPtrArray  *items);
gboolean integrity_list_store_is_filling        (GListStore *store);

G_END_DECLS
