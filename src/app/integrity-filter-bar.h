/* integrity-filter-bar.h — period and district choosers in the header bar. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define INTEGRITY_TYPE_FILTER_BAR (integrity_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityFilterBar, integrity_filter_bar, INTEGRITY, FILTER_BAR, GtkWidget)

void integrity_filter_bar_set_session (IntegrityFilterBar    *self,
                                       IntegrityContext      *context,
                                       IntegrityPluginEngine *engine);
void integrity_filter_bar_reload      (IntegrityFilterBar    *self);

G_END_DECLS
