/* fuzz-import.c — libFuzzer harness for every importer's row validation:
 * header matching, typed conversion, each plugin's own checks and its
 * writes, inside a transaction that is rolled back after each input.
 * The first byte of the input picks the importer. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "recording-rate-data.h"
#include "recording-rate-importers.h"
#include "training-data.h"
#include "training-importers.h"

#include "fuzz-common.h"

static IntegrityStore *store;
static GPtrArray *importers;

static void
set_up (void)
{
  g_autofree char *folder = g_dir_make_tmp ("integrity-fuzz-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "store.sqlite", NULL);
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GError) error = NULL;
  const IntegrityMigration *migrations;
  gsize n;

  store = integrity_store_open (path, &error);
  g_assert_no_error (error);
  migrations = recording_rate_migrations (&n);
  g_assert (integrity_store_register_migrations (store, "recording-rate", migrations, n, &error));
  migrations = training_migrations (&n);
  g_assert (integrity_store_register_migrations (store, "training", migrations, n, &error));
  importers = recording_rate_create_importers ();
  training = training_create_importers ();
  for (guint i = 0; i < training->len; i++)
    g_ptr_array_add (importers, g_object_ref (g_ptr_array_index (training, i)));
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  g_autoptr(IntegrityImportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  IntegrityImporter *importer;

  if (store == NULL)
    set_up ();
  if (size < 1)
    return 0;
  importer = g_ptr_array_index (importers, data[0] % importers->len);
  path = fuzz_write_input (data + 1, size - 1);

  g_assert (integrity_store_begin (store, &error));
  job = integrity_import_job_new (store, importer, path);
  integrity_import_job_set_max_field_size (job, 4096);
  if (!integrity_import_job_run (job, NULL, &error))
    {
      /* Bad input is an INVALID file with its errors listed; never a
       * store error, never a crash. */
      g_assert_true (g_error_matches (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID));
      g_assert_cmpuint (integrity_import_job_get_n_errors (job), >, 0);
    }
  integrity_store_rollback (store);
  return 0;
}
