/* integrity-annotation.h — dated notes shown on every time chart. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "integrity-month.h"

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

G_END_DECLS
