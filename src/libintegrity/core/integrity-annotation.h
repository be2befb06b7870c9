/* integrity-annotation.h — dated notes shown on every time chart. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "integrity-month.h"
#include "integrity-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  GDate   date;
  char   *text;
} IntegrityAnnotation;

void       integrity_annotation_free  (IntegrityAnnotation *annotation);
GPtrArray *integrity_annotations_read (sqlite3             *db,
                                       IntegrityMonth       from,
                                       IntegrityMonth       to,
                                       GError             **error);
GPtrArray *integrity_annotations_read_all (sqlite3           *db,
                                           GError           **error);

gint64     integrity_annotation_add    (IntegrityStore      *store,
                                        const GDate         *date,
                                        const char          *text,
                                        GError             **error);
gboolean   integrity_annotation_update (IntegrityStore      *store,
                                        gint64               id,
                                        const GDate         *date,
                                        const char          *text,
                                        GError             **error);
gboolean   integrity_annotation_delete (IntegrityStore      *store,
                                        gint64               id,
                                        GError             **error);

G_END_DECLS
