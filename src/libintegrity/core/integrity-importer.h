/* integrity-importer.h — a kind of CSV file a plugin can import. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "integrity-month.h"

G_BEGIN_DECLS

#define INTEGRITY_IMPORT_ERROR (integrity_import_error_quark ())

typedef enum
{
  INTEGRITY_IMPORT_ERROR_INVALID,   /* the file: nothing was imported */
  INTEGRITY_IMPORT_ERROR_ROW,       /* one row, from a row function */
} IntegrityImportError;

typedef enum
{
  INTEGRITY_COLUMN_TEXT,      /* trimmed, valid UTF-8 */
  INTEGRITY_COLUMN_INTEGER,   /* whole number, within [min, max] when min < max */
  INTEGRITY_COLUMN_DECIMAL,   /* a finite number */
  INTEGRITY_COLUMN_DATE,      /* YYYY-MM-DD or DD/MM/YYYY, a real calendar date */
  INTEGRITY_COLUMN_MONTH,     /* YYYY-MM */
  INTEGRITY_COLUMN_BOOLEAN,   /* Y/N, yes/no, true/false, 1/0 */
  INTEGRITY_COLUMN_ENUM,      /* one of values, any case */
  INTEGRITY_COLUMN_DISTRICT,  /* a district name, added to the district table */
} IntegrityColumnType;

typedef enum
{
  INTEGRITY_COLUMN_OPTIONAL = 0,
  INTEGRITY_COLUMN_REQUIRED = 1 << 0,  /* in the header, and a value in every row */
  INTEGRITY_COLUMN_KEY      = 1 << 1,  /* part of the natural key (implies required) */
} IntegrityColumnFlags;

typedef struct
{
  const char          *name;
  IntegrityColumnType  type;
  IntegrityColumnFlags flags;
  const char *const   *aliases;  /* other header names, %NULL-terminated; nullable */
  const char *const   *values;   /* ENUM: the allowed values, %NULL-terminated */
  gint64               min;      /* INTEGER: the range, when min < max */
  gint64               max;
} IntegrityImportColumn;

typedef enum
{
  INTEGRITY_IMPORT_ROW_FAILED,
  INTEGRITY_IMPORT_ROW_INSERTED,
  INTEGRITY_IMPORT_ROW_UPDATED,
  INTEGRITY_IMPORT_ROW_UNCHANGED,
} IntegrityImportOutcome;

typedef struct _IntegrityImportRow IntegrityImportRow;
typedef struct _IntegrityImportUpsert IntegrityImportUpsert;

#define INTEGRITY_TYPE_IMPORTER (integrity_importer_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityImporter, integrity_importer, INTEGRITY, IMPORTER, GObject)

/* Called on the import's thread, inside its transaction, with the store's
 * write connection: prepare statements (and e.g. clear what the file
 * replaces); the result is handed to every row and to finish. */
typedef gpointer               (*IntegrityImportBeginFunc)  (IntegrityImporter   *importer,
                                                             sqlite3             *db,
                                                             GError             **error);
/* Bind the typed row and write it. To refuse the row, return FAILED with an
 * INTEGRITY_IMPORT_ERROR_ROW error (integrity_import_row_reject()); any
 * other error stops the import as a store error. */
typedef IntegrityImportOutcome (*IntegrityImportRowFunc)    (const IntegrityImportRow *row,
                                                             gpointer             job_data,
                                                             GError             **error);
/* After the last row of a valid file, before the commit. */
typedef gboolean               (*IntegrityImportFinishFunc) (IntegrityImporter   *importer,
                                                             sqlite3             *db,
                                                             gpointer             job_data,
                                                             GError             **error);

typedef struct
{
  const char                  *kind;                /* "victim-cases": the CLI's KIND */
  const char                  *component;           /* the plugin id: store "changed" detail */
  const char                  *title;
  const char                  *description;
  const char                  *translation_domain;  /* nullable: title/description as given */
  const IntegrityImportColumn *columns;
  guint                        n_columns;
  IntegrityImportBeginFunc     begin;               /* optional */
  IntegrityImportRowFunc       row;                 /* required */
  IntegrityImportFinishFunc    finish;              /* optional */
  GDestroyNotify               free_job_data;       /* optional, frees begin's result */
} IntegrityImporterInfo;

GQuark                       integrity_import_error_quark          (void);
const char                  *integrity_column_type_to_string       (IntegrityColumnType      type);

IntegrityImporter           *integrity_importer_new                (const IntegrityImporterInfo *info,
                                                                    gpointer                 user_data);
const char                  *integrity_importer_get_kind           (IntegrityImporter       *self);
const char                  *integrity_importer_get_component      (IntegrityImporter       *self);
const char                  *integrity_importer_get_title          (IntegrityImporter       *self);
const char                  *integrity_importer_get_description    (IntegrityImporter       *self);
gpointer                     integrity_importer_get_user_data      (IntegrityImporter       *self);
guint                        integrity_importer_get_n_columns      (IntegrityImporter       *self);
const IntegrityImportColumn *integrity_importer_get_column         (IntegrityImporter       *self,
                                                                    guint                    column);
int                          integrity_importer_find_column        (IntegrityImporter       *self,
                                                                    const char              *header_name);
char                        *integrity_importer_describe           (IntegrityImporter       *self);
IntegrityImporter           *integrity_importer_guess              (GListModel              *importers,
                                                                    const char *const       *header);

/* The typed row handed to a row function: accessors by column index (the
 * position in IntegrityImporterInfo.columns). */
const char                  *integrity_import_row_get_file_name    (const IntegrityImportRow *row);
guint                        integrity_import_row_get_line         (const IntegrityImportRow *row);
gboolean                     integrity_import_row_is_null          (const IntegrityImportRow *row,
                                                                    guint                    column);
const char                  *integrity_import_row_get_text         (const IntegrityImportRow *row,
                                                                    guint                    column);
gint64                       integrity_import_row_get_int64        (const IntegrityImportRow *row,
                                                                    guint                    column);
double                       integrity_import_row_get_double       (const IntegrityImportRow *row,
                                                                    guint                    column);
gboolean                     integrity_import_row_get_boolean      (const IntegrityImportRow *row,
                                                                    guint                    column);
gboolean                     integrity_import_row_get_date         (const IntegrityImportRow *row,
                                                                    guint                    column,
                                                                    GDate                   *date);
IntegrityMonth               integrity_import_row_get_month        (const IntegrityImportRow *row,
                                                                    guint                    column);
gint64                       integrity_import_row_get_district_id  (const IntegrityImportRow *row,
                                                                    guint                    column);
int                          integrity_import_row_bind             (const IntegrityImportRow *row,
                                                                    guint                    column,
                                                                    sqlite3_stmt            *stmt,
                                                                    int                      parameter);
IntegrityImportOutcome       integrity_import_row_reject           (const IntegrityImportRow *row,
                                                                    GError                 **error,
                                                                    guint                    column,
                                                                    const char              *format,
                                                                    ...) G_GNUC_PRINTF (4, 5);
void                         integrity_import_row_add_warning      (const IntegrityImportRow *row,
                                                                    const char              *format,
                                                                    ...) G_GNUC_PRINTF (2, 3);
IntegrityImportOutcome       integrity_import_step_upsert          (sqlite3_stmt            *insert,
                                                                    sqlite3_stmt            *update,
                                                                    GError                 **error);
IntegrityImportUpsert       *integrity_import_upsert_new           (sqlite3                 *db,
                                                                    const char              *insert_sql,
                                                                    const char              *update_sql,
                                                                    GError                 **error);
IntegrityImportOutcome       integrity_import_upsert_row           (IntegrityImportUpsert   *self,
                                                                    const IntegrityImportRow *row,
                                                                    GError                 **error);
void                         integrity_import_upsert_free          (gpointer                 upsert);

G_END_DECLS
