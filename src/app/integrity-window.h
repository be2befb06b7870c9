/* integrity-window.h — the main window. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-application.h"
#include "integrity-session.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_WINDOW (integrity_window_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityWindow, integrity_window, INTEGRITY, WINDOW, AdwApplicationWindow)

IntegrityWindow  *integrity_window_new             (IntegrityApplication *application,
                                                    IntegritySession     *session);
IntegritySession *integrity_window_get_session     (IntegrityWindow      *self);
gboolean          integrity_window_show_page       (IntegrityWindow      *self,
                                                    const char           *page_id);
const char       *integrity_window_get_visible_page (IntegrityWindow     *self);
GtkWidget        *integrity_window_get_page        (IntegrityWindow      *self,
                                                    const char           *page_id);
void              integrity_window_add_toast       (IntegrityWindow      *self,
                                                    const char           *message);
gboolean          integrity_window_move_focus      (IntegrityWindow      *self,
                                                    GtkDirectionType      direction);
void              integrity_window_add_style       (GdkDisplay           *display);

G_END_DECLS
