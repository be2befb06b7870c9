/* integrity-presentation.h — presentation mode: every chart, full screen, one at a time. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-session.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_PRESENTATION (integrity_presentation_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityPresentation, integrity_presentation, INTEGRITY, PRESENTATION, AdwWindow)

IntegrityPresentation *integrity_presentation_new          (IntegritySession      *session);
void                   integrity_presentation_step         (IntegrityPresentation *self,
                                                            int                    delta);
gboolean               integrity_presentation_get_position (IntegrityPresentation *self,
                                                            guint                 *position,
                                                            guint                 *n_slides);
IntegrityChart        *integrity_presentation_get_chart    (IntegrityPresentation *self);

G_END_DECLS
