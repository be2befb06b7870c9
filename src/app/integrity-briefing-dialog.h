/* integrity-briefing-dialog.h — Export Briefing… and Print…: the pack, to PDF or to a printer. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-window.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_BRIEFING_DIALOG (integrity_briefing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityBriefingDialog, integrity_briefing_dialog, INTEGRITY, BRIEFING_DIALOG, AdwWindow)

IntegrityBriefingDialog *integrity_briefing_dialog_new    (IntegrityWindow         *window);
void                     integrity_briefing_dialog_export (IntegrityBriefingDialog *self,
                                                           GFile                   *file,
                                                           guint                    suppress_below);
void                     integrity_briefing_print         (IntegrityWindow         *window);

G_END_DECLS
