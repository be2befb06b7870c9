/* training-importers.h — the CSV kinds the training plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

GPtrArray *training_create_importers (void);
gboolean   training_officer_ref_is_valid (const char *officer_ref);

G_END_DECLS
