/* training-demo.h — a seeded refresher-training programme for the demo store. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

gboolean training_generate_demo (IntegrityStore  *store,
                                 GRand           *rand,
                                 guint            scale,
                                 GError         **error);

G_END_DECLS
