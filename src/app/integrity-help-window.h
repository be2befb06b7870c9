/* integrity-help-window.h — Help (F1): each figure and how it is computed. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-session.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_HELP_WINDOW (integrity_help_window_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityHelpWindow, integrity_help_window, INTEGRITY, HELP_WINDOW, AdwWindow)

IntegrityHelpWindow *integrity_help_window_new       (GtkWindow           *parent,
                                                      IntegritySession    *session);
gboolean             integrity_help_window_is_ready  (IntegrityHelpWindow *self);

G_END_DECLS
