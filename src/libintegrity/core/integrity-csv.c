/* integrity-csv.c — a streaming RFC 4180 CSV reader. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "integrity-csv.h"

/* libcsv's state before the first character of a record (libcsv.c). */
#define CSV_ROW_NOT_BEGUN 0
#define CHUNK_SIZE (64 * 1024)
#define MAX_FIELDS 1000

struct _IntegrityCsvReader
{
  char                   *path;
  char                   *file_name;
  int                     fd;
  guint64                 size;
  guint64                 bytes_read;
  gsize                   max_field_size;
  GChecksum              *checksum;
  char                   *sha256;

  struct csv_parser       parser;
  gboolean                parser_ready;

  /* The record being assembled: fields packed NUL-terminated in one
   * buffer that is reused, so memory stays flat whatever the file size. */
  GByteArray             *buffer;
  GArray                 *offsets;
  GArray                 *lengths;
  GPtrArray              *fields;
  guint                   line;
  guint                   record_line;
  char                  **header;

  IntegrityCsvRecordFunc  func;
  gpointer                user_data;
  GError                 *error;
  gboolean                stop;
};

G_DEFINE_QUARK (integrity-csv-error-quark, integrity_csv_error)

IntegrityCsvReader *
integrity_csv_reader_new (const char  *path,
                          GError     **error)
{
  g_autoptr(IntegrityCsvReader) self = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (IntegrityCsvReader, 1);
  self->path = g_strdup (path);
  self->file_name = g_path_get_basename (path);
  self->max_field_size = INTEGRITY_CSV_DEFAULT_MAX_FIELD_SIZE;
  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0 || fstat (self->fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_OPEN,
                   _("%s: could not be opened: %s"), self->file_name, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_OPEN,
                   _("%s: is a folder, not a CSV file"), self->file_name);
      return NULL;
    }
  self->size = (guint64) st.st_size;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->buffer = g_byte_array_sized_new (4096);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  return g_steal_pointer (&self);
}

void
integrity_csv_reader_free (IntegrityCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->parser_ready)
    csv_free (&self->parser);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_clear_pointer (&self->buffer, g_byte_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->lengths, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_strfreev (self->header);
  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->path);
  g_free (self);
}

const char *
integrity_csv_reader_get_file_name (IntegrityCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file_name;
}

void
integrity_csv_reader_set_max_field_size (IntegrityCsvReader *self,
                                         gsize               max_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_size > 0);
  self->max_field_size = max_size;
}

guint64
integrity_csv_reader_get_size (IntegrityCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

guint64
integrity_csv_reader_get_bytes_read (IntegrityCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read;
}

/**
 * integrity_csv_reader_get_sha256:
 *
 * Returns: (nullable): the file's SHA-256 in hex, once it has been read to the end
 */
const char *
integrity_csv_reader_get_sha256 (IntegrityCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sha256;
}

static void
fail_field_too_long (IntegrityCsvReader *self,
                     guint               field)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, self->max_field_size);

  if (self->header != NULL && field < g_strv_length (self->header))
    g_set_error (&self->error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_FIELD_TOO_LONG,
                 _("%s:%u: column '%s': the value is longer than the limit of %s bytes "
                   "(is a closing quote missing?)"),
                 self->file_name, self->record_line, self->header[field], limit);
  else
    g_set_error (&self->error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_FIELD_TOO_LONG,
                 _("%s:%u: field %u is longer than the limit of %s bytes "
                   "(is a closing quote missing?)"),
                 self->file_name, self->record_line, field + 1, limit);
  self->stop = TRUE;
}

static void
on_field (void   *field,
          size_t  length,
          void   *data)
{
  IntegrityCsvReader *self = data;
  gsize offset = self->buffer->len;
  const guint8 nul = 0;

  if (self->stop)
    return;
  if (length > self->max_field_size)
    {
      fail_field_too_long (self, self->offsets->len);
      return;
    }
  if (self->offsets->len >= MAX_FIELDS)
    {
      g_set_error (&self->error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_SYNTAX,
                   _("%s:%u: a record has more than %u fields"),
                   self->file_name, self->record_line, MAX_FIELDS);
      self->stop = TRUE;
      return;
    }

  if (length > 0)
    g_byte_array_append (self->buffer, field, (guint) length);
  g_byte_array_append (self->buffer, &nul, 1);
  g_array_append_val (self->offsets, offset);
  g_array_append_val (self->lengths, length);
}

static void
on_record (int   terminator,
           void *data)
{
  IntegrityCsvReader *self = data;
  IntegrityCsvRecord record;

  if (self->stop)
    return;

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields,
                     self->buffer->data + g_array_index (self->offsets, gsize, i));

  record.line = self->record_line;
  record.n_fields = self->offsets->len;
  record.fields = (char *const *) self->fields->pdata;
  record.lengths = (const gsize *) (gpointer) self->lengths->data;

  if (self->header == NULL)
    {
      self->header = g_new0 (char *, record.n_fields + 1);
      for (guint i = 0; i < record.n_fields; i++)
        self->header[i] = g_strstrip (g_strdup (record.fields[i]));
    }

  if (!self->func (&record, self->user_data, &self->error))
    self->stop = TRUE;

  g_byte_array_set_size (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_array_set_size (self->lengths, 0);
}

static gboolean
feed (IntegrityCsvReader *self,
      const char         *data,
      gsize               length)
{
  const char *end = data + length;

  /* One physical line at a time, so every record knows its first line. */
  while (data < end && !self->stop)
    {
      const char *newline = memchr (data, '\n', (gsize) (end - data));
      const char *segment_end = newline != NULL ? newline + 1 : end;
      gsize segment = (gsize) (segment_end - data);

      if (self->parser.pstate == CSV_ROW_NOT_BEGUN)
        self->record_line = self->line;
      if (csv_parse (&self->parser, data, segment, on_field, on_record, self) != segment
          && !self->stop)
        {
          g_set_error (&self->error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_SYNTAX,
                       _("%s:%u: a quote inside a field must be doubled, and the field "
                         "quoted"), self->file_name, self->line);
          self->stop = TRUE;
        }
      if (!self->stop && self->parser.entry_pos > self->max_field_size)
        fail_field_too_long (self, self->offsets->len);
      if (newline != NULL)
        self->line++;
      data = segment_end;
    }
  return !self->stop;
}

/**
 * integrity_csv_reader_read:
 * @func: called for every record, the header row first
 *
 * Reads the file in 64 KiB chunks from the start: RFC 4180 with quoted
 * fields holding commas, doubled quotes and line breaks; CRLF or LF; a UTF-8
 * byte order mark is skipped. Blank lines are skipped. Stops at the first
 * syntax error, a field over the size limit, cancellation, or when @func
 * returns %FALSE (with an error, reading fails; without, it ends early).
 */
gboolean
integrity_csv_reader_read (IntegrityCsvReader      *self,
                           IntegrityCsvRecordFunc   func,
                           gpointer                 user_data,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autofree char *chunk = g_malloc (CHUNK_SIZE);
  gboolean first = TRUE;
  gssize n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->parser_ready, FALSE);

  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  self->parser_ready = TRUE;
  self->func = func;
  self->user_data = user_data;
  self->line = 1;
  self->record_line = 1;

  while (!self->stop)
    {
      const char *data = chunk;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read (self->fd, chunk, CHUNK_SIZE);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_READ,
                       _("%s: could not be read: %s"), self->file_name, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (self->checksum, (const guchar *) chunk, n);
      self->bytes_read += (guint64) n;
      if (first && n >= 3 && memcmp (chunk, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          n -= 3;
        }
      first = FALSE;
      feed (self, data, (gsize) n);
    }

  if (!self->stop)
    {
      if (csv_fini (&self->parser, on_field, on_record, self) != 0 && !self->stop)
        {
          g_set_error (&self->error, INTEGRITY_CSV_ERROR, INTEGRITY_CSV_ERROR_SYNTAX,
                       _("%s:%u: the file ends inside a quoted field (is a closing quote "
                         "missing?)"), self->file_name, self->record_line);
          self->stop = TRUE;
        }
      else
        self->sha256 = g_strdup (g_checksum_get_string (self->checksum));
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray *records;
  guint      max_records;
} Head;

static gboolean
collect_record (const IntegrityCsvRecord  *record,
                gpointer                   user_data,
                GError                   **error)
{
  Head *head = user_data;
  char **copy = g_new0 (char *, record->n_fields + 1);

  for (guint i = 0; i < record->n_fields; i++)
    copy[i] = g_strdup (record->fields[i]);
  g_ptr_array_add (head->records, copy);
  return head->records->len < head->max_records;
}

/**
 * integrity_csv_read_head:
 * @max_records: how many records to read, the header row included
 *
 * Reads the first records of a file, for a preview and to guess its kind.
 *
 * Returns: (transfer full) (element-type GStrv): the records read
 */
GPtrArray *
integrity_csv_read_head (const char  *path,
                         guint        max_records,
                         GError     **error)
{
  g_autoptr(IntegrityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Head head = { records, MAX (max_records, 1) };

  g_return_val_if_fail (path != NULL, NULL);

  reader = integrity_csv_reader_new (path, error);
  if (reader == NULL || !integrity_csv_reader_read (reader, collect_record, &head, NULL, error))
    return NULL;
  return g_steal_pointer (&records);
}
