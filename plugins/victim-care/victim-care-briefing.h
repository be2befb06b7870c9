/* victim-care-briefing.h — the victim-care pages of the briefing pack and its slides. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

gboolean victim_care_add_briefing_pages (IntegrityBriefing      *briefing,
                                         GError                **error);
void     victim_care_collect_charts     (sqlite3                *db,
                                         const IntegrityFilter  *filter,
                                         GPtrArray              *charts,
                                         GCancellable           *cancellable);

G_END_DECLS
