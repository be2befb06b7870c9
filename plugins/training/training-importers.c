/* training-importers.c — the CSV kinds the training plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "training-data.h"
#include "training-importers.h"

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *extra;        /* completions: does the officer exist; requirements: the module row */
  GHashTable   *cohorts;      /* requirements: cohort name → its first row, "rank\tfrontline\tstart\tdeadline" */
  sqlite3_stmt *stored;       /* completions: the date already held */
} TrainingJob;

static void
training_job_free (gpointer data)
{
  TrainingJob *job = data;

  sqlite3_finalize (job->insert);
  sqlite3_finalize (job->update);
  sqlite3_finalize (job->extra);
  sqlite3_finalize (job->stored);
  g_clear_pointer (&job->cohorts, g_hash_table_unref);
  g_free (job);
}

static TrainingJob *
prepare_job (sqlite3     *db,
             const char  *insert_sql,
             const char  *update_sql,
             const char  *extra_sql,
             GError     **error)
{
  TrainingJob *job = g_new0 (TrainingJob, 1);
  int rc = sqlite3_prepare_v2 (db, insert_sql, -1, &job->insert, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, update_sql, -1, &job->update, NULL);
  if (rc == SQLITE_OK && extra_sql != NULL)
    rc = sqlite3_prepare_v2 (db, extra_sql, -1, &job->extra, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not prepare the import"));
      training_job_free (job);
      return NULL;
    }
  return job;
}

/* Every kind changes who is in which cohort, or when they completed it. */
static gboolean
refresh_finish (IntegrityImporter  *importer,
                sqlite3            *db,
                gpointer            job_data,
                GError            **error)
{
  return training_refresh_members (db, NULL, error);
}

/* A payroll or collar number has a digit; a name has none. */
gboolean
training_officer_ref_is_valid (const char *officer_ref)
{
  for (const char *p = officer_ref; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static gboolean
date_is_future (const IntegrityImportRow *row,
                guint                     column)
{
  GDate date, today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return integrity_import_row_get_date (row, column, &date) && g_date_compare (&date, &today) > 0;
}

/* ---- officers: one row per officer, by reference only ------------------- */

enum { OFFICER_REF, OFFICER_RANK, OFFICER_DISTRICT, OFFICER_FRONTLINE, OFFICER_ACTIVE, OFFICER_LEFT };

static const char *officer_ref_aliases[] = { "collar_number", "payroll_number", "officer", NULL };

static IntegrityImportColumn officer_columns[] = {
  [OFFICER_REF] = { "officer_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY, officer_ref_aliases },
  [OFFICER_RANK] = { "rank", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, NULL },
  [OFFICER_DISTRICT] = { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_REQUIRED },
  [OFFICER_FRONTLINE] = { "frontline", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_REQUIRED },
  [OFFICER_ACTIVE] = { "active", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_REQUIRED },
  [OFFICER_LEFT] = { "left_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
};

static gpointer
officer_begin (IntegrityImporter  *importer,
               sqlite3            *db,
               GError            **error)
{
  return prepare_job (db,
                      "INSERT INTO training_officer (officer_ref, rank, district_id, frontline, active, left_date)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (officer_ref) DO NOTHING",
                      "UPDATE training_officer SET rank = ?2, district_id = ?3, frontline = ?4, active = ?5,"
                      " left_date = ?6 WHERE officer_ref = ?1 AND (rank IS NOT ?2 OR district_id IS NOT ?3"
                      " OR frontline IS NOT ?4 OR active IS NOT ?5 OR left_date IS NOT ?6)",
                      NULL, error);
}

static IntegrityImportOutcome
officer_row (const IntegrityImportRow  *row,
             gpointer                   job_data,
             GError                   **error)
{
  TrainingJob *job = job_data;
  sqlite3_stmt *both[] = { job->insert, job->update };

  if (!training_officer_ref_is_valid (integrity_import_row_get_text (row, OFFICER_REF)))
    return integrity_import_row_reject (row, error, OFFICER_REF,
                                        _("'%s' has no digits: use the payroll or collar number, never a name"),
                                        integrity_import_row_get_text (row, OFFICER_REF));
  if (!integrity_import_row_is_null (row, OFFICER_LEFT) && date_is_future (row, OFFICER_LEFT)
      && !integrity_import_row_get_boolean (row, OFFICER_ACTIVE))
    return integrity_import_row_reject (row, error, OFFICER_LEFT,
                                        _("'%s' is in the future, but active is no"),
                                        integrity_import_row_get_text (row, OFFICER_LEFT));

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    for (int column = OFFICER_REF; column <= OFFICER_LEFT; column++)
      integrity_import_row_bind (row, column, both[i], column + 1);
  return integrity_import_step_upsert (job->insert, job->update, error);
}

/* ---- training-completions: officer × module, the earliest date kept ------ */

enum { COMPLETION_REF, COMPLETION_MODULE, COMPLETION_DATE };

static const char *completion_date_aliases[] = { "completed", "date_completed", "completion_date", NULL };

static const IntegrityImportColumn completion_columns[] = {
  [COMPLETION_REF] = { "officer_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY, officer_ref_aliases },
  [COMPLETION_MODULE] = { "module", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [COMPLETION_DATE] = { "completed_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED, completion_date_aliases },
};

static gpointer
completion_begin (IntegrityImporter  *importer,
                  sqlite3            *db,
                  GError            **error)
{
  TrainingJob *job;
  int rc;

  job = prepare_job (db,
                     "INSERT INTO training_completion (officer_ref, module, completed_date)"
                     " VALUES (?1, ?2, ?3) ON CONFLICT (officer_ref, module) DO NOTHING",
                     "UPDATE training_completion SET completed_date = ?3"
                     " WHERE officer_ref = ?1 AND module = ?2 AND completed_date > ?3",
                     "SELECT 1 FROM training_officer WHERE officer_ref = ?1", error);
  if (job == NULL)
    return NULL;
  rc = sqlite3_prepare_v2 (db, "SELECT completed_date FROM training_completion WHERE officer_ref = ?1 AND module = ?2",
                           -1, &job->stored, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not prepare the import"));
      training_job_free (job);
      return NULL;
    }
  return job;
}

/* The date already held for the row's officer and module, from an earlier
 * file or an earlier row of this one; NULL when none. */
static char *
stored_date (TrainingJob              *job,
             const IntegrityImportRow *row)
{
  char *date = NULL;

  integrity_import_row_bind (row, COMPLETION_REF, job->stored, 1);
  integrity_import_row_bind (row, COMPLETION_MODULE, job->stored, 2);
  if (sqlite3_step (job->stored) == SQLITE_ROW)
    date = g_strdup ((const char *) sqlite3_column_text (job->stored, 0));
  sqlite3_reset (job->stored);
  return date;
}

static IntegrityImportOutcome
completion_row (const IntegrityImportRow  *row,
                gpointer                   job_data,
                GError                   **error)
{
  TrainingJob *job = job_data;
  sqlite3_stmt *both[] = { job->insert, job->update };
  g_autofree char *known_date = NULL;
  IntegrityImportOutcome outcome;
  gboolean known;

  integrity_import_row_bind (row, COMPLETION_REF, job->extra, 1);
  known = sqlite3_step (job->extra) == SQLITE_ROW;
  sqlite3_reset (job->extra);
  if (!known)
    return integrity_import_row_reject (row, error, COMPLETION_REF,
                                        _("'%s' is not a known officer: import the officers file first"),
                                        integrity_import_row_get_text (row, COMPLETION_REF));
  if (date_is_future (row, COMPLETION_DATE))
    return integrity_import_row_reject (row, error, COMPLETION_DATE, _("'%s' is in the future"),
                                        integrity_import_row_get_text (row, COMPLETION_DATE));

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    for (int column = COMPLETION_REF; column <= COMPLETION_DATE; column++)
      integrity_import_row_bind (row, column, both[i], column + 1);
  known_date = stored_date (job, row);
  outcome = integrity_import_step_upsert (job->insert, job->update, error);
  if (outcome != INTEGRITY_IMPORT_ROW_FAILED && known_date != NULL
      && g_strcmp0 (known_date, integrity_import_row_get_text (row, COMPLETION_DATE)) != 0)
    {
      const char *date = integrity_import_row_get_text (row, COMPLETION_DATE);
      gboolean earlier = strcmp (date, known_date) < 0;

      /* Translators: "1001 'recording-compliance' completed 2021-01-05 and 2021-02-01:
       * the earlier date is kept"; the file and line come first. */
      integrity_import_row_add_warning (row, _("%s '%s' completed %s and %s: the earlier date is kept"),
                                        integrity_import_row_get_text (row, COMPLETION_REF),
                                        integrity_import_row_get_text (row, COMPLETION_MODULE),
                                        earlier ? date : known_date, earlier ? known_date : date);
    }
  return outcome;
}

/* ---- training-requirements: cohort × module ------------------------------ */

enum { REQUIREMENT_COHORT, REQUIREMENT_RANK, REQUIREMENT_FRONTLINE, REQUIREMENT_MODULE,
       REQUIREMENT_START, REQUIREMENT_DEADLINE };

static IntegrityImportColumn requirement_columns[] = {
  [REQUIREMENT_COHORT] = { "cohort", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [REQUIREMENT_RANK] = { "rank", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_OPTIONAL, NULL, NULL },
  [REQUIREMENT_FRONTLINE] = { "frontline", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
  [REQUIREMENT_MODULE] = { "module", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [REQUIREMENT_START] = { "start_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
  [REQUIREMENT_DEADLINE] = { "deadline", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
};

static gpointer
requirement_begin (IntegrityImporter  *importer,
                   sqlite3            *db,
                   GError            **error)
{
  TrainingJob *job = prepare_job (db,
                                  "INSERT INTO training_cohort (name, rank, frontline, start_date, deadline)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING",
                                  "UPDATE training_cohort SET rank = ?2, frontline = ?3, start_date = ?4,"
                                  " deadline = ?5 WHERE name = ?1 AND (rank IS NOT ?2 OR frontline IS NOT ?3"
                                  " OR start_date IS NOT ?4 OR deadline IS NOT ?5)",
                                  "INSERT INTO training_requirement (cohort, module) VALUES (?1, ?2)"
                                  " ON CONFLICT DO NOTHING", error);

  if (job != NULL)
    job->cohorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return job;
}

static const char *
text_or_blank (const IntegrityImportRow *row,
               guint                     column)
{
  return integrity_import_row_is_null (row, column) ? "" : integrity_import_row_get_text (row, column);
}

static IntegrityImportOutcome
requirement_row (const IntegrityImportRow  *row,
                 gpointer                   job_data,
                 GError                   **error)
{
  static const guint shared[] = { REQUIREMENT_RANK, REQUIREMENT_FRONTLINE, REQUIREMENT_START, REQUIREMENT_DEADLINE };
  TrainingJob *job = job_data;
  const char *cohort = integrity_import_row_get_text (row, REQUIREMENT_COHORT);
  const char *start = integrity_import_row_get_text (row, REQUIREMENT_START);
  const char *deadline = integrity_import_row_get_text (row, REQUIREMENT_DEADLINE);
  const char *first;
  sqlite3_stmt *both[] = { job->insert, job->update };
  IntegrityImportOutcome outcome;
  g_autofree char *frontline = NULL;
  g_autofree char *shape = NULL;
  int rc;

  if (g_strcmp0 (deadline, start) < 0)
    return integrity_import_row_reject (row, error, REQUIREMENT_DEADLINE, _("%s is before start_date (%s)"),
                                        deadline, start);

  /* A cohort is one rank, frontline, start and deadline, whatever the module. */
  frontline = integrity_import_row_is_null (row, REQUIREMENT_FRONTLINE)
    ? g_strdup ("") : g_strdup (integrity_import_row_get_boolean (row, REQUIREMENT_FRONTLINE) ? "yes" : "no");
  shape = g_strjoin ("\t", text_or_blank (row, REQUIREMENT_RANK), frontline, start, deadline, NULL);
  first = g_hash_table_lookup (job->cohorts, cohort);
  if (first == NULL)
    g_hash_table_insert (job->cohorts, g_strdup (cohort), g_strdup (shape));
  else if (!g_str_equal (first, shape))
    {
      g_auto(GStrv) before = g_strsplit (first, "\t", 4);
      g_auto(GStrv) now = g_strsplit (shape, "\t", 4);

      for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
        if (!g_str_equal (before[i], now[i]))
          return integrity_import_row_reject (row, error, shared[i],
                                              _("'%s' differs from '%s' on an earlier row of cohort '%s'"),
                                              now[i], before[i], cohort);
    }

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      integrity_import_row_bind (row, REQUIREMENT_COHORT, both[i], 1);
      integrity_import_row_bind (row, REQUIREMENT_RANK, both[i], 2);
      integrity_import_row_bind (row, REQUIREMENT_FRONTLINE, both[i], 3);
      integrity_import_row_bind (row, REQUIREMENT_START, both[i], 4);
      integrity_import_row_bind (row, REQUIREMENT_DEADLINE, both[i], 5);
    }
  outcome = integrity_import_step_upsert (job->insert, job->update, error);
  if (outcome == INTEGRITY_IMPORT_ROW_FAILED)
    return outcome;

  integrity_import_row_bind (row, REQUIREMENT_COHORT, job->extra, 1);
  integrity_import_row_bind (row, REQUIREMENT_MODULE, job->extra, 2);
  rc = sqlite3_step (job->extra);
  sqlite3_reset (job->extra);
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, sqlite3_db_handle (job->extra), rc, _("Could not write a row"));
      return INTEGRITY_IMPORT_ROW_FAILED;
    }
  if (sqlite3_changes (sqlite3_db_handle (job->extra)) > 0)
    return INTEGRITY_IMPORT_ROW_INSERTED;
  return outcome == INTEGRITY_IMPORT_ROW_INSERTED ? INTEGRITY_IMPORT_ROW_UPDATED : outcome;
}

GPtrArray *
training_create_importers (void)
{
  static const IntegrityImporterInfo officers = {
    .kind = "officers",
    .component = TRAINING_ID,
    .title = N_("Officers"),
    .description = N_("One row per officer, by payroll or collar number (never a name): rank, district, "
                      "frontline or not, and whether still serving."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = officer_columns,
    .n_columns = G_N_ELEMENTS (officer_columns),
    .begin = officer_begin,
    .row = officer_row,
    .finish = refresh_finish,
    .free_job_data = training_job_free,
  };
  static const IntegrityImporterInfo completions = {
    .kind = "training-completions",
    .component = TRAINING_ID,
    .title = N_("Training completions"),
    .description = N_("One row per officer and module completed; where a module is listed twice, "
                      "the earliest date is kept."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = completion_columns,
    .n_columns = G_N_ELEMENTS (completion_columns),
    .begin = completion_begin,
    .row = completion_row,
    .finish = refresh_finish,
    .free_job_data = training_job_free,
  };
  static const IntegrityImporterInfo requirements = {
    .kind = "training-requirements",
    .component = TRAINING_ID,
    .title = N_("Training requirements"),
    .description = N_("The cohorts: who must do which module (by rank and frontline; blank for any), "
                      "from when, and by which deadline."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = requirement_columns,
    .n_columns = G_N_ELEMENTS (requirement_columns),
    .begin = requirement_begin,
    .row = requirement_row,
    .finish = refresh_finish,
    .free_job_data = training_job_free,
  };
  GPtrArray *importers = g_ptr_array_new_with_free_func (g_object_unref);

  officer_columns[OFFICER_RANK].values = training_ranks ();
  requirement_columns[REQUIREMENT_RANK].values = training_ranks ();

  g_ptr_array_add (importers, integrity_importer_new (&officers, NULL));
  g_ptr_array_add (importers, integrity_importer_new (&completions, NULL));
  g_ptr_array_add (importers, integrity_importer_new (&requirements, NULL));
  return importers;
}
