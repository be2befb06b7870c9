/* integrity-overview.h — the first page: every plugin's headline figures. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define INTEGRITY_TYPE_OVERVIEW (integrity_overview_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityOverview, integrity_overview, INTEGRITY, OVERVIEW, GtkWidget)

GtkWidget *integrity_overview_new       (IntegrityContext      *context,
                                         IntegrityPluginEngine *engine);
gboolean   integrity_overview_is_empty  (IntegrityOverview     *self);
gboolean   integrity_overview_is_loaded (IntegrityOverview     *self);
void       integrity_overview_reload    (IntegrityOverview     *self);

G_END_DECLS
