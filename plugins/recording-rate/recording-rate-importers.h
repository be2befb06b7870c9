/* recording-rate-importers.h — the CSV kinds the recording-rate plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

GPtrArray *recording_rate_create_importers (void);
char      *recording_rate_street_district  (const char *lsoa_name);

G_END_DECLS
