/* integrity-import-private.h — shared by the importer, row and job. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-import-job.h"
#include "integrity-importer.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    is_null;
  gint64      integer;    /* INTEGER, BOOLEAN (0/1), DISTRICT (id) */
  double      decimal;
  const char *text;       /* TEXT, ENUM (the declared value), DISTRICT (name), else as read */
  int         year;       /* DATE, MONTH */
  int         month;
  int         day;
  char        formatted[12];  /* DATE "YYYY-MM-DD", MONTH "YYYY-MM" */
} IntegrityImportValue;

struct _IntegrityImportRow
{
  IntegrityImporter    *importer;
  const char           *file_name;
  guint                 line;
  IntegrityImportValue *values;
  IntegrityImportJob   *job;       /* receives the row's warnings */
};

const IntegrityImporterInfo *_integrity_importer_get_info   (IntegrityImporter          *self);
char                        *_integrity_import_normalise_name (const char               *name);
gboolean                     _integrity_import_convert        (const IntegrityImportColumn *column,
                                                               char                     *raw,
                                                               IntegrityImportValue     *value,
                                                               GString                  *problem);
void                         _integrity_import_job_add_warning (IntegrityImportJob      *self,
                                                                char                    *message);

G_END_DECLS
