/* integrity-store.h — the one local SQLite store. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define INTEGRITY_STORE_ERROR (integrity_store_error_quark ())

typedef enum
{
  INTEGRITY_STORE_ERROR_OPEN,
  INTEGRITY_STORE_ERROR_CORRUPT,
  INTEGRITY_STORE_ERROR_NEWER_SCHEMA,
  INTEGRITY_STORE_ERROR_READ_ONLY,
  INTEGRITY_STORE_ERROR_MIGRATION,
  INTEGRITY_STORE_ERROR_SQL,
  INTEGRITY_STORE_ERROR_BUSY,
  INTEGRITY_STORE_ERROR_FULL,
} IntegrityStoreError;

/* One step of a component's schema. Versions start at 1 and rise by one. */
typedef struct
{
  int         version;
  const char *sql;
} IntegrityMigration;

/* Runs on a worker thread with a read-only connection of its own. */
typedef gpointer (*IntegrityStoreQueryFunc) (sqlite3       *db,
                                             gpointer       data,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* SQLite's usual page cache (2,000 KiB) and temporary storage: what a bulk
 * transaction, or a demo being written, changes for a while and puts back. */
#define INTEGRITY_STORE_USUAL_CACHE_PRAGMAS "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;"

#define INTEGRITY_TYPE_STORE (integrity_store_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityStore, integrity_store, INTEGRITY, STORE, GObject)

GQuark          integrity_store_error_quark             (void);
char           *integrity_store_get_default_path        (void);

void            integrity_store_check_ahead             (const char               *path);
IntegrityStore *integrity_store_open                    (const char               *path,
                                                         GError                  **error);
const char     *integrity_store_get_path                (IntegrityStore           *self);
gboolean        integrity_store_is_read_only            (IntegrityStore           *self);
const char     *integrity_store_get_read_only_reason    (IntegrityStore           *self);
char           *integrity_store_get_backup_path         (IntegrityStore           *self);

sqlite3        *integrity_store_get_connection          (IntegrityStore           *self);
sqlite3        *integrity_store_open_reader             (IntegrityStore           *self,
                                                         GError                  **error);

gboolean        integrity_store_register_migrations     (IntegrityStore           *self,
                                                         const char               *component,
                                                         const IntegrityMigration *migrations,
                                                         gsize                     n_migrations,
                                                         GError                  **error);
int             integrity_store_get_schema_version      (IntegrityStore           *self,
                                                         const char               *component);

gboolean        integrity_store_begin                   (IntegrityStore           *self,
                                                         GError                  **error);
gboolean        integrity_store_begin_deferred          (IntegrityStore           *self,
                                                         GError                  **error);
gboolean        integrity_store_begin_bulk              (IntegrityStore           *self,
                                                         GError                  **error);
gboolean        integrity_store_commit                  (IntegrityStore           *self,
                                                         GError                  **error);
void            integrity_store_rollback                (IntegrityStore           *self);
gboolean        integrity_store_exec                    (IntegrityStore           *self,
                                                         const char               *sql,
                                                         GError                  **error);

void            integrity_store_notify_changed          (IntegrityStore           *self,
                                                         const char               *component);

char           *integrity_store_get_meta                (IntegrityStore           *self,
                                                         const char               *key);
gboolean        integrity_store_set_meta                (IntegrityStore           *self,
                                                         const char               *key,
                                                         const char               *value,
                                                         GError                  **error);
gboolean        integrity_store_log_import              (IntegrityStore           *self,
                                                         const char               *file_name,
                                                         const char               *sha256,
                                                         const char               *kind,
                                                         gint64                    rows_inserted,
                                                         gint64                    rows_updated,
                                                         GError                  **error);
char           *integrity_district_normalise            (const char               *name);
char           *integrity_district_key                  (const char               *name);
gint64          integrity_district_ensure               (sqlite3                  *db,
                                                         const char               *name,
                                                         GError                  **error);
gint64          integrity_store_ensure_district         (IntegrityStore           *self,
                                                         const char               *name,
                                                         GError                  **error);
gboolean        integrity_store_is_demo                 (IntegrityStore           *self);
gboolean        integrity_store_has_data                (IntegrityStore           *self);

char           *integrity_store_find_backup             (const char               *path,
                                                         GDateTime               **modified);
gboolean        integrity_store_restore_backup          (const char               *path,
                                                         GError                  **error);

gboolean        integrity_store_check                   (IntegrityStore           *self,
                                                         GString                  *report,
                                                         GError                  **error);

void            integrity_store_query_async             (IntegrityStore           *self,
                                                         IntegrityStoreQueryFunc   func,
                                                         gpointer                  data,
                                                         GDestroyNotify            data_free,
                                                         GDestroyNotify            result_free,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gpointer        integrity_store_query_finish            (IntegrityStore           *self,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

gboolean        integrity_sqlite_error                  (GError                  **error,
                                                         sqlite3                  *db,
                                                         int                       rc,
                                                         const char               *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
