/* integrity-csv.h — a streaming RFC 4180 CSV reader. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INTEGRITY_CSV_ERROR (integrity_csv_error_quark ())

typedef enum
{
  INTEGRITY_CSV_ERROR_OPEN,
  INTEGRITY_CSV_ERROR_READ,
  INTEGRITY_CSV_ERROR_SYNTAX,
  INTEGRITY_CSV_ERROR_FIELD_TOO_LONG,
} IntegrityCsvError;

/* The longest field accepted unless integrity_csv_reader_set_max_field_size()
 * says otherwise: long enough for free text, short enough that a missing
 * closing quote cannot swallow a whole file into memory. */
#define INTEGRITY_CSV_DEFAULT_MAX_FIELD_SIZE (64 * 1024)

typedef struct
{
  guint               line;      /* physical line (1-based) where the record starts */
  guint               n_fields;
  char *const        *fields;    /* each NUL-terminated, as read; may be changed in place */
  const gsize        *lengths;
} IntegrityCsvRecord;

/* Return %FALSE to stop reading: with @error set to fail, without to end early. */
typedef gboolean (*IntegrityCsvRecordFunc) (const IntegrityCsvRecord  *record,
                                            gpointer                   user_data,
                                            GError                   **error);

typedef struct _IntegrityCsvReader IntegrityCsvReader;

GQuark              integrity_csv_error_quark                (void);
IntegrityCsvReader *integrity_csv_reader_new                 (const char              *path,
                                                              GError                 **error);
void                integrity_csv_reader_free                (IntegrityCsvReader      *self);
const char         *integrity_csv_reader_get_file_name       (IntegrityCsvReader      *self);
void                integrity_csv_reader_set_max_field_size  (IntegrityCsvReader      *self,
                                                              gsize                    max_size);
guint64             integrity_csv_reader_get_size            (IntegrityCsvReader      *self);
guint64             integrity_csv_reader_get_bytes_read      (IntegrityCsvReader      *self);
const char         *integrity_csv_reader_get_sha256          (IntegrityCsvReader      *self);
gboolean            integrity_csv_reader_read                (IntegrityCsvReader      *self,
                                                              IntegrityCsvRecordFunc   func,
                                                              gpointer                 user_data,
                                                              GCancellable            *cancellable,
                                                              GError                 **error);
GPtrArray          *integrity_csv_read_head                  (const char              *path,
                                                              guint                    max_records,
                                                              GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityCsvReader, integrity_csv_reader_free)

G_END_DECLS
