/* integrity-overview-private.h — what the overview's files share. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-overview.h"

G_BEGIN_DECLS

IntegrityContext *_integrity_overview_get_context (IntegrityOverview *self);
GtkWidget        *integrity_overview_build_notes  (IntegrityOverview *self,
                                                   GtkWidget        **list);
void              integrity_overview_show_notes   (IntegrityOverview *self,
                                                   GtkWidget         *list,
                                                   GPtrArray         *notes);

G_END_DECLS
