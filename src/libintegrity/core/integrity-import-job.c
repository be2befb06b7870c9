/* integrity-import-job.c — one CSV file into the store, in one transaction. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "integrity-csv.h"
#include "integrity-district.h"
#include "integrity-format.h"
#include "integrity-import-job.h"
#include "integrity-import-private.h"

/* The natural keys seen in this file, as 64-bit hashes in an open-addressed
 * table: 16 bytes a row, so a duplicate key within the file is told apart
 * from a row imported before. */
typedef struct
{
  guint64 *slots;
  gsize    capacity;
  gsize    used;
} KeySet;

struct _IntegrityImportJob
{
  GObject               parent_instance;

  IntegrityStore       *store;
  IntegrityImporter    *importer;
  char                 *path;
  char                 *file_name;
  gsize                 max_field_size;
  GMainContext         *progress_context;

  /* While running, on the import's thread. */
  IntegrityCsvReader   *reader;
  const IntegrityImporterInfo *info;
  int                  *field_of_column;   /* file field of each column, or -1 */
  guint                 n_header_fields;
  guint                *key_columns;
  guint                 n_key_columns;
  IntegrityImportValue *values;
  gpointer              job_data;
  GHashTable           *districts;         /* name as written → gint64 id */
  KeySet                keys;
  GString              *problem;
  GError               *fatal;
  gboolean              header_seen;
  gint64                rows_read;
  int                   last_percent;

  /* Results. */
  gint64                inserted;
  gint64                updated;
  gint64                unchanged;
  gint64                duplicates;
  GPtrArray            *errors;
  guint                 n_errors;
  GPtrArray            *warnings;
  guint                 n_warnings;
};

G_DEFINE_FINAL_TYPE (IntegrityImportJob, integrity_import_job, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
integrity_import_job_finalize (GObject *object)
{
  IntegrityImportJob *self = INTEGRITY_IMPORT_JOB (object);

  g_clear_object (&self->store);
  g_clear_object (&self->importer);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->file_name);

  G_OBJECT_CLASS (integrity_import_job_parent_class)->finalize (object);
}

static void
integrity_import_job_class_init (IntegrityImportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = integrity_import_job_finalize;

  /**
   * IntegrityImportJob::progress:
   * @bytes_read: how much of the file has been read
   * @bytes_total: the file's size
   *
   * Emitted at most once per percent, on the thread that started the job.
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
integrity_import_job_init (IntegrityImportJob *self)
{
  self->max_field_size = INTEGRITY_CSV_DEFAULT_MAX_FIELD_SIZE;
  self->errors = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/**
 * integrity_import_job_new:
 * @path: the CSV file; only its base name is ever stored
 *
 * An import of one file of @importer's kind. Run it once.
 */
IntegrityImportJob *
integrity_import_job_new (IntegrityStore    *store,
                          IntegrityImporter *importer,
                          const char        *path)
{
  IntegrityImportJob *self;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (importer), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (INTEGRITY_TYPE_IMPORT_JOB, NULL);
  self->store = g_object_ref (store);
  self->importer = g_object_ref (importer);
  self->path = g_strdup (path);
  self->file_name = g_path_get_basename (path);
  return self;
}

void
integrity_import_job_set_max_field_size (IntegrityImportJob *self,
                                         gsize               max_size)
{
  g_return_if_fail (INTEGRITY_IS_IMPORT_JOB (self));
  self->max_field_size = max_size;
}

static guint64
mix64 (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h != 0 ? h : 1;  /* 0 marks an empty slot */
}

/* Adds @hash; returns %FALSE when it was already there. */
static gboolean
key_set_add (KeySet  *set,
             guint64  hash)
{
  gsize mask, i;

  if ((set->used + 1) * 2 > set->capacity)
    {
      KeySet bigger = { NULL, MAX (set->capacity * 2, 1024), 0 };

      bigger.slots = g_new0 (guint64, bigger.capacity);
      for (gsize j = 0; j < set->capacity; j++)
        if (set->slots[j] != 0)
          key_set_add (&bigger, set->slots[j]);
      g_free (set->slots);
      *set = bigger;
    }
  mask = set->capacity - 1;
  for (i = hash & mask; set->slots[i] != 0; i = (i + 1) & mask)
    if (set->slots[i] == hash)
      return FALSE;
  set->slots[i] = hash;
  set->used++;
  return TRUE;
}

static guint64
fnv1a (guint64     h,
       const void *data,
       gsize       length)
{
  const guint8 *p = data;

  for (gsize i = 0; i < length; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

static guint64
hash_key (IntegrityImportJob *self)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (guint k = 0; k < self->n_key_columns; k++)
    {
      guint c = self->key_columns[k];
      const IntegrityImportValue *value = &self->values[c];
      const guint8 separator = 0xff;

      switch (self->info->columns[c].type)
        {
        case INTEGRITY_COLUMN_INTEGER:
        case INTEGRITY_COLUMN_BOOLEAN:
        case INTEGRITY_COLUMN_DISTRICT:
          h = fnv1a (h, &value->integer, sizeof value->integer);
          break;
        case INTEGRITY_COLUMN_DECIMAL:
          h = fnv1a (h, &value->decimal, sizeof value->decimal);
          break;
        case INTEGRITY_COLUMN_DATE:
        case INTEGRITY_COLUMN_MONTH:
          h = fnv1a (h, value->formatted, strlen (value->formatted));
          break;
        case INTEGRITY_COLUMN_TEXT:
        case INTEGRITY_COLUMN_ENUM:
        default:
          h = fnv1a (h, value->text, strlen (value->text));
          break;
        }
      h = fnv1a (h, &separator, 1);
    }
  return mix64 (h);
}

static void
add_error (IntegrityImportJob *self,
           char               *message)
{
  self->n_errors++;
  if (self->errors->len < INTEGRITY_IMPORT_MAX_ERRORS)
    g_ptr_array_add (self->errors, message);
  else
    g_free (message);
}

/*
 * _integrity_import_job_add_warning:
 * @message: (transfer full): "FILE:LINE: message"
 *
 * On the import's own thread, like the errors; the first
 * %INTEGRITY_IMPORT_MAX_WARNINGS are listed, the rest counted.
 */
void
_integrity_import_job_add_warning (IntegrityImportJob *self,
                                   char               *message)
{
  g_assert (INTEGRITY_IS_IMPORT_JOB (self));

  self->n_warnings++;
  if (self->warnings->len < INTEGRITY_IMPORT_MAX_WARNINGS)
    g_ptr_array_add (self->warnings, message);
  else
    g_free (message);
}

/* One line for the warnings past the listed ones. */
static void
count_unlisted_warnings (IntegrityImportJob *self)
{
  guint unlisted;

  if (self->n_warnings <= self->warnings->len)
    return;
  unlisted = self->n_warnings - self->warnings->len;
  g_ptr_array_add (self->warnings,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u more warning not listed",
                                                 "%s: %u more warnings not listed", unlisted),
                                    self->file_name, unlisted));
  self->n_warnings = self->warnings->len;
}

typedef struct
{
  IntegrityImportJob *job;
  guint64             done;
  guint64             total;
} Progress;

static gboolean
emit_progress_cb (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->job, signals[PROGRESS], 0, progress->done, progress->total);
  g_object_unref (progress->job);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (IntegrityImportJob *self,
                 gboolean            force)
{
  guint64 total = integrity_csv_reader_get_size (self->reader);
  guint64 done = integrity_csv_reader_get_bytes_read (self->reader);
  int percent = total > 0 ? (int) (done * 100 / total) : 100;
  Progress *progress;

  if (percent == self->last_percent && !force)
    return;
  self->last_percent = percent;
  if (self->progress_context == NULL)
    {
      g_signal_emit (self, signals[PROGRESS], 0, done, total);
      return;
    }
  progress = g_new0 (Progress, 1);
  progress->job = g_object_ref (self);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke (self->progress_context, emit_progress_cb, progress);
}

static gboolean
read_header (IntegrityImportJob        *self,
             const IntegrityCsvRecord  *record)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint errors_before = self->n_errors;

  self->header_seen = TRUE;
  self->n_header_fields = record->n_fields;

  for (guint f = 0; f < record->n_fields; f++)
    {
      char *name = g_utf8_make_valid (g_strstrip (record->fields[f]), -1);
      int column = integrity_importer_find_column (self->importer, name);

      g_ptr_array_add (names, name);
      if (column < 0)
        g_ptr_array_add (unknown, g_strdup_printf ("'%s'", name));
      else if (self->field_of_column[column] >= 0)
        add_error (self, g_strdup_printf (_("%s:%u: column '%s' appears twice in the header"),
                                          self->file_name, record->line,
                                          self->info->columns[column].name));
      else
        self->field_of_column[column] = (int) f;
    }

  for (guint c = 0; c < self->info->n_columns; c++)
    if ((self->info->columns[c].flags & INTEGRITY_COLUMN_REQUIRED) && self->field_of_column[c] < 0)
      g_ptr_array_add (missing, (gpointer) self->info->columns[c].name);

  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *has = NULL;

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (list, "%s'%s'", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (missing, i));
      g_ptr_array_add (names, NULL);
      has = g_strjoinv (", ", (char **) names->pdata);
      add_error (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s:%u: missing required column %s; "
                                                     "the file has: %s",
                                                     "%s:%u: missing required columns %s; "
                                                     "the file has: %s", missing->len),
                                        self->file_name, record->line, list->str, has));
    }

  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (unknown, NULL);
      list = g_strjoinv (", ", (char **) unknown->pdata);
      _integrity_import_job_add_warning (self,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s: ignored an unknown column: %s",
                                                     "%s: ignored unknown columns: %s",
                                                     unknown->len - 1),
                                        self->file_name, list));
    }
  return self->n_errors == errors_before;
}

static gint64
resolve_district (IntegrityImportJob  *self,
                  const char          *name,
                  GError             **error)
{
  gint64 *cached = g_hash_table_lookup (self->districts, name);
  gint64 id;

  if (cached != NULL)
    return *cached;
  id = integrity_store_ensure_district (self->store, name, error);
  if (id > 0)
    g_hash_table_insert (self->districts, g_strdup (name), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
read_row (IntegrityImportJob       *self,
          const IntegrityCsvRecord *record)
{
  IntegrityImportRow row = { self->importer, self->file_name, record->line, self->values, self };
  g_autoptr(GError) error = NULL;
  IntegrityImportOutcome outcome;
  gboolean valid = TRUE;
  gboolean seen_before = FALSE;

  self->rows_read++;
  if ((self->rows_read & 1023) == 0)
    report_progress (self, FALSE);

  if (record->n_fields != self->n_header_fields)
    {
      add_error (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s:%u: the row has %u field; the header has %u",
                                                     "%s:%u: the row has %u fields; the header has %u",
                                                     record->n_fields),
                                        self->file_name, record->line, record->n_fields,
                                        self->n_header_fields));
      return self->n_errors < INTEGRITY_IMPORT_MAX_ERRORS;
    }

  for (guint c = 0; c < self->info->n_columns; c++)
    {
      const IntegrityImportColumn *column = &self->info->columns[c];
      int field = self->field_of_column[c];

      if (field < 0)
        {
          memset (&self->values[c], 0, sizeof self->values[c]);
          self->values[c].is_null = TRUE;
          continue;
        }
      g_string_truncate (self->problem, 0);
      if (!_integrity_import_convert (column, record->fields[field], &self->values[c], self->problem))
        {
          add_error (self, g_strdup_printf ("%s:%u: column '%s': %s", self->file_name,
                                            record->line, column->name, self->problem->str));
          valid = FALSE;
        }
    }
  if (!valid)
    return self->n_errors < INTEGRITY_IMPORT_MAX_ERRORS;

  for (guint c = 0; c < self->info->n_columns; c++)
    if (self->info->columns[c].type == INTEGRITY_COLUMN_DISTRICT && !self->values[c].is_null)
      {
        self->values[c].integer = resolve_district (self, self->values[c].text, &self->fatal);
        if (self->values[c].integer <= 0)
          return FALSE;
      }

  if (self->n_key_columns > 0)
    seen_before = !key_set_add (&self->keys, hash_key (self));

  outcome = self->info->row (&row, self->job_data, &error);
  if (outcome == INTEGRITY_IMPORT_ROW_FAILED)
    {
      if (error != NULL && error->domain == INTEGRITY_IMPORT_ERROR)
        {
          add_error (self, g_strdup_printf ("%s:%u: %s", self->file_name, record->line,
                                            error->message));
          return self->n_errors < INTEGRITY_IMPORT_MAX_ERRORS;
        }
      if (error == NULL)
        g_set_error (&error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID,
                     _("%s:%u: the row could not be imported"), self->file_name, record->line);
      self->fatal = g_steal_pointer (&error);
      return FALSE;
    }

  if (seen_before)
    self->duplicates++;
  else if (outcome == INTEGRITY_IMPORT_ROW_INSERTED)
    self->inserted++;
  else if (outcome == INTEGRITY_IMPORT_ROW_UPDATED)
    self->updated++;
  else
    self->unchanged++;
  return TRUE;
}

static gboolean
on_record (const IntegrityCsvRecord  *record,
           gpointer                   user_data,
           GError                   **error)
{
  IntegrityImportJob *self = user_data;

  if (!self->header_seen)
    return read_header (self, record);
  return read_row (self, record);
}

static gboolean
fail_invalid (IntegrityImportJob  *self,
              GError             **error)
{
  if (self->n_errors == 1)
    g_set_error_literal (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID,
                         g_ptr_array_index (self->errors, 0));
  else
    g_set_error (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s: %u error; nothing was imported",
                              "%s: %u errors; nothing was imported", self->n_errors),
                 self->file_name, self->n_errors);
  return FALSE;
}

/* Reads every row inside the open transaction; FALSE to roll back. */
static gboolean
import_rows (IntegrityImportJob  *self,
             GCancellable        *cancellable,
             GError             **error)
{
  sqlite3 *db = integrity_store_get_connection (self->store);
  g_autoptr(GError) read_error = NULL;

  if (self->info->begin != NULL)
    {
      self->job_data = self->info->begin (self->importer, db, error);
      if (self->job_data == NULL && error != NULL && *error != NULL)
        return FALSE;
    }

  if (!integrity_csv_reader_read (self->reader, on_record, self, cancellable, &read_error))
    {
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (self->fatal == NULL && read_error != NULL)
        add_error (self, g_strdup (read_error->message));
    }
  count_unlisted_warnings (self);
  if (self->fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->fatal));
      return FALSE;
    }
  if (self->n_errors == 0 && !self->header_seen)
    add_error (self, g_strdup_printf (_("%s: the file is empty"), self->file_name));
  else if (self->n_errors == 0 && self->rows_read == 0)
    add_error (self, g_strdup_printf (_("%s: the file has a header row but no rows of data"),
                                      self->file_name));
  if (self->n_errors > 0)
    return fail_invalid (self, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->info->finish != NULL && !self->info->finish (self->importer, db, self->job_data, error))
    return FALSE;
  return integrity_store_log_import (self->store, self->file_name,
                                     integrity_csv_reader_get_sha256 (self->reader),
                                     self->info->kind, self->inserted, self->updated, error);
}

static void
clear_run_state (IntegrityImportJob *self)
{
  if (self->job_data != NULL && self->info->free_job_data != NULL)
    self->info->free_job_data (self->job_data);
  self->job_data = NULL;
  g_clear_pointer (&self->reader, integrity_csv_reader_free);
  g_clear_pointer (&self->field_of_column, g_free);
  g_clear_pointer (&self->key_columns, g_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->districts, g_hash_table_unref);
  g_clear_pointer (&self->keys.slots, g_free);
  self->keys.capacity = self->keys.used = 0;
  if (self->problem != NULL)
    g_string_free (self->problem, TRUE);
  self->problem = NULL;
  g_clear_error (&self->fatal);
}

/**
 * integrity_import_job_run:
 *
 * Imports the file on the calling thread, through the store's write
 * connection, in one transaction: every row is converted and validated; if
 * any is invalid nothing is written, and the errors (up to
 * %INTEGRITY_IMPORT_MAX_ERRORS) are in integrity_import_job_get_errors().
 *
 * Returns: %TRUE when imported; otherwise %FALSE with %INTEGRITY_IMPORT_ERROR_INVALID
 *   (bad input), %G_IO_ERROR_CANCELLED, or a store error, and the store unchanged
 */
gboolean
integrity_import_job_run (IntegrityImportJob  *self,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_columns;
  gboolean ok;

  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (self->reader == NULL, FALSE);

  self->info = _integrity_importer_get_info (self->importer);
  n_columns = self->info->n_columns;
  self->reader = integrity_csv_reader_new (self->path, &local_error);
  if (self->reader == NULL)
    {
      add_error (self, g_strdup (local_error->message));
      g_propagate_error (error, g_error_new_literal (INTEGRITY_IMPORT_ERROR,
                                                     INTEGRITY_IMPORT_ERROR_INVALID,
                                                     local_error->message));
      return FALSE;
    }
  integrity_csv_reader_set_max_field_size (self->reader, self->max_field_size);
  self->field_of_column = g_new (int, n_columns);
  self->key_columns = g_new0 (guint, n_columns);
  self->values = g_new0 (IntegrityImportValue, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      self->field_of_column[c] = -1;
      if (self->info->columns[c].flags & INTEGRITY_COLUMN_KEY)
        self->key_columns[self->n_key_columns++] = c;
    }
  self->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problem = g_string_new (NULL);
  self->last_percent = -1;

  if (!integrity_store_begin_bulk (self->store, error))
    {
      clear_run_state (self);
      return FALSE;
    }
  ok = import_rows (self, cancellable, &local_error);
  if (ok)
    ok = integrity_store_commit (self->store, &local_error);
  if (!ok)
    {
      integrity_store_rollback (self->store);
      self->inserted = self->updated = self->unchanged = self->duplicates = 0;
    }
  else
    report_progress (self, TRUE);
  clear_run_state (self);

  if (!ok)
    {
      /* Not the message: it can quote values from the file. */
      g_debug ("Import of %s rolled back (%s %d)", self->file_name,
               g_quark_to_string (local_error->domain), local_error->code);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  integrity_store_notify_changed (self->store, self->info->component);
  integrity_store_notify_changed (self->store, "core");
  g_debug ("Imported %s as %s", self->file_name, self->info->kind);
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (integrity_import_job_run (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * integrity_import_job_run_async:
 *
 * Runs the import on a worker thread; ::progress is emitted on the calling
 * thread. Cancelling rolls back and leaves the store as it was. The caller
 * must not write to the store until it finishes.
 */
void
integrity_import_job_run_async (IntegrityImportJob  *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INTEGRITY_IS_IMPORT_JOB (self));

  self->progress_context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, integrity_import_job_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
integrity_import_job_run_finish (IntegrityImportJob  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

IntegrityImporter *
integrity_import_job_get_importer (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);
  return self->importer;
}

const char *
integrity_import_job_get_file_name (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);
  return self->file_name;
}

gint64
integrity_import_job_get_rows_inserted (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), 0);
  return self->inserted;
}

gint64
integrity_import_job_get_rows_updated (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), 0);
  return self->updated;
}

gint64
integrity_import_job_get_rows_unchanged (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), 0);
  return self->unchanged;
}

/* Rows whose natural key an earlier row of the same file had: the last wins. */
gint64
integrity_import_job_get_duplicates (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), 0);
  return self->duplicates;
}

/**
 * integrity_import_job_get_errors:
 *
 * Returns: (transfer none) (element-type utf8): up to
 *   %INTEGRITY_IMPORT_MAX_ERRORS lines, "FILE:LINE: column 'name': message"
 */
GPtrArray *
integrity_import_job_get_errors (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);
  return self->errors;
}

/* Every error found, including those past the listed ones. */
guint
integrity_import_job_get_n_errors (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), 0);
  return self->n_errors;
}

/**
 * integrity_import_job_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): e.g. the unknown columns
 *   ignored, or "FILE:LINE: message" from integrity_import_row_add_warning();
 *   up to %INTEGRITY_IMPORT_MAX_WARNINGS, then a line counting the rest.
 *   Read it once the job has finished.
 */
GPtrArray *
integrity_import_job_get_warnings (IntegrityImportJob *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);
  return self->warnings;
}

/* "1,204 rows imported from audit-2020.csv" */
char *
integrity_import_job_describe (IntegrityImportJob *self)
{
  gint64 rows;
  g_autofree char *count = NULL;

  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);

  rows = self->inserted + self->updated + self->unchanged + self->duplicates;
  count = integrity_format_count ((double) rows);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row imported from %s",
                                       "%s rows imported from %s", (gulong) rows),
                          count, self->file_name);
}

/* "1,000 new, 204 updated, 0 unchanged; 3 rows repeated a key…" */
char *
integrity_import_job_describe_details (IntegrityImportJob *self)
{
  g_autofree char *inserted = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *unchanged = NULL;
  GString *out;

  g_return_val_if_fail (INTEGRITY_IS_IMPORT_JOB (self), NULL);

  inserted = integrity_format_count ((double) self->inserted);
  updated = integrity_format_count ((double) self->updated);
  unchanged = integrity_format_count ((double) self->unchanged);
  out = g_string_new (NULL);
  /* Translators: counts of rows: new, changed, and already imported */
  g_string_append_printf (out, _("%s new, %s updated, %s unchanged"), inserted, updated, unchanged);
  if (self->duplicates > 0)
    {
      g_autofree char *duplicates = integrity_format_count ((double) self->duplicates);
      g_string_append (out, "; ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s row repeated the key of an earlier row: "
                                                "the last one was kept",
                                                "%s rows repeated the key of an earlier row: "
                                                "the last one of each was kept",
                                                (gulong) self->duplicates), duplicates);
    }
  return g_string_free (out, FALSE);
}
