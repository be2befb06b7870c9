/* integrity-briefing-private.h — what the pack's pages share with the briefing. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "integrity-briefing.h"

G_BEGIN_DECLS

GDateTime  *_integrity_briefing_get_produced (IntegrityBriefing *self);
const char *_integrity_briefing_get_marking  (IntegrityBriefing *self);
double      _integrity_briefing_text_at      (cairo_t           *cr,
                                              const char        *text,
                                              double             size,
                                              gboolean           bold,
                                              double             x,
                                              double             y,
                                              double             width,
                                              PangoAlignment     align);

G_END_DECLS
