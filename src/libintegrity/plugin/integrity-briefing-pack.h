/* integrity-briefing-pack.h — the whole briefing pack, page by page. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plugin/integrity-addin.h"
#include "plugin/integrity-briefing.h"

G_BEGIN_DECLS

gboolean integrity_briefing_compose (IntegrityBriefing   *self,
                                     GPtrArray           *addins,
                                     const char * const  *names,
                                     GCancellable        *cancellable,
                                     GError             **error);

const char *integrity_briefing_get_general_method_note (void);

G_END_DECLS
