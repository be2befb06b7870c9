/* integrity-import-job.h — one CSV file into the store, in one transaction. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "integrity-importer.h"
#include "integrity-store.h"

G_BEGIN_DECLS

/* At most this many errors are listed; reading stops at the next one. */
#define INTEGRITY_IMPORT_MAX_ERRORS 100
/* At most this many warnings are listed, then one line counting the rest. */
#define INTEGRITY_IMPORT_MAX_WARNINGS 100

#define INTEGRITY_TYPE_IMPORT_JOB (integrity_import_job_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityImportJob, integrity_import_job, INTEGRITY, IMPORT_JOB, GObject)

IntegrityImportJob *integrity_import_job_new                (IntegrityStore       *store,
                                                             IntegrityImporter    *importer,
                                                             const char           *path);
void                integrity_import_job_set_max_field_size (IntegrityImportJob   *self,
                                                             gsize                 max_size);
gboolean            integrity_import_job_run                (IntegrityImportJob   *self,
                                                             GCancellable         *cancellable,
                                                             GError              **error);
void                integrity_import_job_run_async          (IntegrityImportJob   *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean            integrity_import_job_run_finish         (IntegrityImportJob   *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

IntegrityImporter  *integrity_import_job_get_importer       (IntegrityImportJob   *self);
const char         *integrity_import_job_get_file_name      (IntegrityImportJob   *self);
gint64              integrity_import_job_get_rows_inserted  (IntegrityImportJob   *self);
gint64              integrity_import_job_get_rows_updated   (IntegrityImportJob   *self);
gint64              integrity_import_job_get_rows_unchanged (IntegrityImportJob   *self);
gint64              integrity_import_job_get_duplicates     (IntegrityImportJob   *self);
GPtrArray          *integrity_import_job_get_errors         (IntegrityImportJob   *self);
guint               integrity_import_job_get_n_errors       (IntegrityImportJob   *self);
GPtrArray          *integrity_import_job_get_warnings       (IntegrityImportJob   *self);
char               *integrity_import_job_describe           (IntegrityImportJob   *self);
char               *integrity_import_job_describe_details   (IntegrityImportJob   *self);

G_END_DECLS
