/* victim-care-page.h — the victim-care page: briefing and work queue. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define VICTIM_CARE_TYPE_PAGE (victim_care_page_get_type ())
G_DECLARE_FINAL_TYPE (VictimCarePage, victim_care_page, VICTIM_CARE, PAGE, GtkWidget)

GtkWidget  *victim_care_page_new            (IntegrityContext *context);
gboolean    victim_care_page_is_loaded      (VictimCarePage   *self);
guint       victim_care_page_get_n_tiles    (VictimCarePage   *self);
GListModel *victim_care_page_get_queue      (VictimCarePage   *self);
void        victim_care_page_show_queue     (VictimCarePage   *self);

G_END_DECLS
