/* integrity-width-first-layout.h — children whose width never depends on a height. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT (integrity_width_first_layout_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityWidthFirstLayout, integrity_width_first_layout, INTEGRITY, WIDTH_FIRST_LAYOUT,
                      GtkLayoutManager)

GtkLayoutManager *integrity_width_first_layout_new (void);

G_END_DECLS
