/* integrity-district.h — renaming districts (adding them: integrity-store.h). SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-store.h"

G_BEGIN_DECLS

gboolean integrity_store_rename_district    (IntegrityStore  *self,
                                             gint64           id,
                                             const char      *name,
                                             GError         **error);

G_END_DECLS
