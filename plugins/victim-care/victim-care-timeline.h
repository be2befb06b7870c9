/* victim-care-timeline.h — a case's events and deadlines as rows. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-queries.h"

G_BEGIN_DECLS

void victim_care_timeline_fill (GtkListBox *list,
                                GPtrArray  *entries);

G_END_DECLS
