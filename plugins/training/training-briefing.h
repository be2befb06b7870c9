/* training-briefing.h — the training pages of the briefing pack and its slides. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

gboolean training_add_briefing_pages (IntegrityBriefing      *briefing,
                                      GError                **error);
void     training_collect_charts     (sqlite3                *db,
                                      const IntegrityFilter  *filter,
                                      GPtrArray              *charts);

G_END_DECLS
