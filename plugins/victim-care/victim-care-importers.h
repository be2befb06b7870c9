/* victim-care-importers.h — the CSV kinds the victim-care plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

GPtrArray *victim_care_create_importers (void);

G_END_DECLS
