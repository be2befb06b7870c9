/* integrity-i18n.h — binding the translations. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *integrity_i18n_init (void);

G_END_DECLS
