/* fuzz-csv.c — libFuzzer harness for the CSV reader. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include "integrity-csv.h"

#include "fuzz-common.h"

typedef struct
{
  guint records;
  guint last_line;
} Seen;

static gboolean
on_record (const IntegrityCsvRecord  *record,
           gpointer                   user_data,
           GError                   **error)
{
  Seen *seen = user_data;

  /* What the importer relies on: lines rise, every field is NUL-terminated
   * at its length, and may be changed in place. */
  g_assert (record->line >= seen->last_line);
  seen->last_line = record->line;
  for (guint i = 0; i < record->n_fields; i++)
    {
      g_assert (record->fields[i][record->lengths[i]] == '\0');
      if (record->lengths[i] > 0)
        record->fields[i][0] = ' ';
    }
  return ++seen->records < 100000;
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = fuzz_write_input (data, size);
  g_autoptr(IntegrityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0, 0 };

  reader = integrity_csv_reader_new (path, &error);
  g_assert_no_error (error);
  /* A small limit, so the field-too-long path is reached too. */
  if (size > 0 && data[0] & 1)
    integrity_csv_reader_set_max_field_size (reader, 64);
  if (!integrity_csv_reader_read (reader, on_record, &seen, NULL, &error))
    g_assert_nonnull (error);
  else
    g_assert_nonnull (integrity_csv_reader_get_sha256 (reader));
  g_clear_error (&error);

  head = integrity_csv_read_head (path, 5, &error);
  g_assert (head != NULL || error != NULL);
  return 0;
}
