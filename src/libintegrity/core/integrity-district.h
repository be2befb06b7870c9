/* integrity-district.h — renaming districts (adding them: integrity-store.h). SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-store.h"

G_BEGIN_DECLS

gboolean integrity_store_rename_district    (IntegrityStore  *self,
                                             gint64           id,
                                             const char      *name,
                                             GError         **error);

/* For queries on any connection (worker threads too). */
gint64   integrity_district_lookup          (sqlite3         *db,
                                             const char      *name);
double   integrity_target_read              (sqlite3         *db,
                                             const char      *name,
                                             double           fallback);

G_END_DECLS
