/* training-data.c — the training tables, cohorts and their members. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-data.h"

/* Officers, completions and cohorts as imported; training_member is the
 * rollup every figure reads: one row per officer per cohort they belong to,
 * with the day they completed it and the day they left (Julian days, 0 for
 * none), rebuilt on import and when a cohort is edited. The dashboard's
 * queries read it through covering indexes and group it into a few
 * thousand (completed, left) groups, however large the force. */
/* The rollups of training_member, rebuilt with it: each officer once per
 * module any of their cohorts requires (Julian days as TrainingDay counts
 * them: julianday() - 1721424.5), and the members by cohort and by district. */
#define MODULE_ROLLUP_FILL \
  "INSERT INTO training_module_rollup SELECT n.district_id, n.module," \
  " coalesce(CAST(julianday(c.completed_date) - 1721424.5 AS INTEGER), 0), n.left_on, count(*) FROM (" \
  "  SELECT DISTINCT m.officer_ref, m.district_id, m.left_on, r.module FROM training_member m" \
  "  JOIN training_requirement r ON r.cohort = m.cohort) n" \
  " LEFT JOIN training_completion c ON c.officer_ref = n.officer_ref AND c.module = n.module" \
  " GROUP BY 1, 2, 3, 4;" \
  "INSERT INTO training_curve_rollup SELECT cohort, complete_on, left_on, count(*) FROM training_member" \
  " GROUP BY cohort, complete_on, left_on;" \
  "INSERT INTO training_league_rollup SELECT district_id, complete_on, left_on, count(*) FROM training_member" \
  " GROUP BY district_id, complete_on, left_on;"

/* The same rollups as running totals by day, so a figure "as at" any day is
 * one row per cell, sought through the primary key, where the rollups need
 * every (done, left) group of the cell summed:
 *   in scope on day a = officers - left_by (a)
 *   done and in scope on day a = done_by (a) - done_and_left_by (a)
 * where done_and_left_by counts those who had done it and had left, on the
 * later of the two days. Each cell also has a row for day 0 (nothing yet),
 * so the last row on or before any day always exists. */
#define PROGRESS_FILL \
  "INSERT INTO training_module_cell SELECT district_id, module, sum(officers) FROM training_module_rollup" \
  " GROUP BY district_id, module;" \
  "INSERT INTO training_module_progress SELECT district_id, module, day," \
  " sum(sum(left_n)) OVER cell, sum(sum(done_n)) OVER cell, sum(sum(both_n)) OVER cell FROM (" \
  "  SELECT district_id, module, 0 AS day, 0 AS left_n, 0 AS done_n, 0 AS both_n FROM training_module_cell" \
  "  UNION ALL SELECT district_id, module, left_on, officers, 0, 0 FROM training_module_rollup WHERE left_on <> 0" \
  "  UNION ALL SELECT district_id, module, done_on, 0, officers, 0 FROM training_module_rollup WHERE done_on <> 0" \
  "  UNION ALL SELECT district_id, module, max (done_on, left_on), 0, 0, officers FROM training_module_rollup" \
  "   WHERE done_on <> 0 AND left_on <> 0)" \
  " GROUP BY district_id, module, day WINDOW cell AS (PARTITION BY district_id, module ORDER BY day);" \
  "INSERT INTO training_league_cell SELECT district_id, sum(members) FROM training_league_rollup" \
  " GROUP BY district_id;" \
  "INSERT INTO training_league_progress SELECT district_id, day," \
  " sum(sum(left_n)) OVER cell, sum(sum(done_n)) OVER cell, sum(sum(both_n)) OVER cell FROM (" \
  "  SELECT district_id, 0 AS day, 0 AS left_n, 0 AS done_n, 0 AS both_n FROM training_league_cell" \
  "  UNION ALL SELECT district_id, left_on, members, 0, 0 FROM training_league_rollup WHERE left_on <> 0" \
  "  UNION ALL SELECT district_id, complete_on, 0, members, 0 FROM training_league_rollup WHERE complete_on <> 0" \
  "  UNION ALL SELECT district_id, max (complete_on, left_on), 0, 0, members FROM training_league_rollup" \
  "   WHERE complete_on <> 0 AND left_on <> 0)" \
  " GROUP BY district_id, day WINDOW cell AS (PARTITION BY district_id ORDER BY day);"

static const IntegrityMigration migrations[] = {
  { 1,
    "CREATE TABLE training_officer ("
    "  officer_ref TEXT PRIMARY KEY,"
    "  rank TEXT NOT NULL,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  frontline INTEGER NOT NULL CHECK (frontline IN (0, 1)),"
    "  active INTEGER NOT NULL CHECK (active IN (0, 1)),"
    "  left_date TEXT"
    ") WITHOUT ROWID;"
    "CREATE TABLE training_completion ("
    "  officer_ref TEXT NOT NULL REFERENCES training_officer (officer_ref),"
    "  module TEXT NOT NULL,"
    "  completed_date TEXT NOT NULL,"
    "  PRIMARY KEY (officer_ref, module)"
    ") WITHOUT ROWID;"
    "CREATE INDEX training_completion_date ON training_completion (completed_date);"
    "CREATE TABLE training_cohort ("
    "  name TEXT PRIMARY KEY,"
    "  rank TEXT,"
    "  frontline INTEGER CHECK (frontline IN (0, 1)),"
    "  start_date TEXT NOT NULL,"
    "  deadline TEXT NOT NULL CHECK (deadline >= start_date)"
    ");"
    "CREATE TABLE training_requirement ("
    "  cohort TEXT NOT NULL REFERENCES training_cohort (name) ON DELETE CASCADE,"
    "  module TEXT NOT NULL,"
    "  PRIMARY KEY (cohort, module)"
    ") WITHOUT ROWID;"
    "CREATE TABLE training_member ("
    "  cohort TEXT NOT NULL,"
    "  officer_ref TEXT NOT NULL,"
    "  district_id INTEGER NOT NULL,"
    "  complete_on INTEGER NOT NULL,"
    "  left_on INTEGER NOT NULL,"
    "  PRIMARY KEY (cohort, officer_ref)"
    ") WITHOUT ROWID;"
    "CREATE INDEX training_member_curve ON training_member (cohort, complete_on, left_on);"
    "CREATE INDEX training_member_district ON training_member (cohort, district_id, complete_on, left_on);"
    "CREATE INDEX training_member_league ON training_member (district_id, complete_on, left_on);" },
  /* The district × module heat map: officers by the day they did each
   * module they must do (0: not yet) and the day they left, so the map
   * reads a few hundred groups per district instead of every officer. */
  { 2,
    "CREATE TABLE training_module_rollup ("
    "  district_id INTEGER NOT NULL,"
    "  module TEXT NOT NULL,"
    "  done_on INTEGER NOT NULL,"
    "  left_on INTEGER NOT NULL,"
    "  officers INTEGER NOT NULL,"
    "  PRIMARY KEY (district_id, module, done_on, left_on)"
    ") WITHOUT ROWID;"
    /* training_member grouped as the burn-up (all districts) and the
     * district league read it: a few hundred groups each per cohort or
     * district, where the members are hundreds of thousands. */
    "CREATE TABLE training_curve_rollup ("
    "  cohort TEXT NOT NULL,"
    "  complete_on INTEGER NOT NULL,"
    "  left_on INTEGER NOT NULL,"
    "  members INTEGER NOT NULL,"
    "  PRIMARY KEY (cohort, complete_on, left_on)"
    ") WITHOUT ROWID;"
    "CREATE TABLE training_league_rollup ("
    "  district_id INTEGER NOT NULL,"
    "  complete_on INTEGER NOT NULL,"
    "  left_on INTEGER NOT NULL,"
    "  members INTEGER NOT NULL,"
    "  PRIMARY KEY (district_id, complete_on, left_on)"
    ") WITHOUT ROWID;"
    /* Who is outstanding: not complete (0) or complete after the day asked about. */
    "CREATE INDEX training_member_outstanding ON training_member (complete_on, district_id, left_on);"
    MODULE_ROLLUP_FILL },
  /* The heat map and the district league as running totals by day
   * (PROGRESS_FILL): a page reads a row per district and module, not the
   * hundreds of thousands of groups the rollups hold at national scale. */
  { 3,
    "CREATE TABLE training_module_cell ("
    "  district_id INTEGER NOT NULL,"
    "  module TEXT NOT NULL,"
    "  officers INTEGER NOT NULL,"
    "  PRIMARY KEY (district_id, module)"
    ") WITHOUT ROWID;"
    "CREATE TABLE training_module_progress ("
    "  district_id INTEGER NOT NULL,"
    "  module TEXT NOT NULL,"
    "  day INTEGER NOT NULL,"
    "  left_by INTEGER NOT NULL,"
    "  done_by INTEGER NOT NULL,"
    "  done_and_left_by INTEGER NOT NULL,"
    "  PRIMARY KEY (district_id, module, day)"
    ") WITHOUT ROWID;"
    "CREATE TABLE training_league_cell ("
    "  district_id INTEGER PRIMARY KEY,"
    "  members INTEGER NOT NULL"
    ");"
    "CREATE TABLE training_league_progress ("
    "  district_id INTEGER NOT NULL,"
    "  day INTEGER NOT NULL,"
    "  left_by INTEGER NOT NULL,"
    "  done_by INTEGER NOT NULL,"
    "  done_and_left_by INTEGER NOT NULL,"
    "  PRIMARY KEY (district_id, day)"
    ") WITHOUT ROWID;"
    PROGRESS_FILL },
};

const IntegrityMigration *
training_migrations (gsize *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

const char * const *
training_ranks (void)
{
  static const char * const ranks[] = {
    "constable", "sergeant", "inspector", "chief_inspector", "superintendent",
    "chief_superintendent", "other", NULL,
  };
  return ranks;
}

const char *
training_rank_label (const char *rank)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "constable", N_("Constable") },
    { "sergeant", N_("Sergeant") },
    { "inspector", N_("Inspector") },
    { "chief_inspector", N_("Chief inspector") },
    { "superintendent", N_("Superintendent") },
    { "chief_superintendent", N_("Chief superintendent") },
    { "other", N_("Other") },
  };

  if (rank == NULL || *rank == '\0')
    return _("Any rank");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].id, rank))
      return _(labels[i].label);
  return rank;
}

TrainingCohort *
training_cohort_new (const char *name)
{
  TrainingCohort *cohort = g_new0 (TrainingCohort, 1);

  cohort->name = g_strdup (name);
  cohort->frontline = TRAINING_ANY;
  cohort->modules = g_new0 (char *, 1);
  return cohort;
}

TrainingCohort *
training_cohort_copy (const TrainingCohort *cohort)
{
  TrainingCohort *copy = g_memdup2 (cohort, sizeof *cohort);

  copy->name = g_strdup (cohort->name);
  copy->rank = g_strdup (cohort->rank);
  copy->modules = g_strdupv (cohort->modules);
  return copy;
}

void
training_cohort_free (TrainingCohort *cohort)
{
  if (cohort == NULL)
    return;
  g_free (cohort->name);
  g_free (cohort->rank);
  g_strfreev (cohort->modules);
  g_free (cohort);
}

/* Every cohort with its modules, soonest deadline first. */
GPtrArray *
training_read_cohorts (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) training_cohort_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) modules = NULL;
  TrainingCohort *current = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT c.name, c.rank, c.frontline, c.start_date, c.deadline, r.module"
                           " FROM training_cohort c JOIN training_requirement r ON r.cohort = c.name"
                           " ORDER BY c.deadline, c.name, r.module", -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || !g_str_equal (current->name, name))
        {
          if (current != NULL)
            {
              g_strfreev (current->modules);
              current->modules = g_strv_builder_end (modules);
            }
          g_clear_pointer (&modules, g_strv_builder_unref);
          modules = g_strv_builder_new ();
          current = training_cohort_new (name);
          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            current->rank = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          current->frontline = sqlite3_column_type (stmt, 2) == SQLITE_NULL
            ? TRAINING_ANY : sqlite3_column_int (stmt, 2);
          current->start = training_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
          current->deadline = training_day_from_iso ((const char *) sqlite3_column_text (stmt, 4));
          g_ptr_array_add (cohorts, current);
        }
      g_strv_builder_add (modules, (const char *) sqlite3_column_text (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the training cohorts"));
      return NULL;
    }
  if (current != NULL)
    {
      g_strfreev (current->modules);
      current->modules = g_strv_builder_end (modules);
    }
  return g_steal_pointer (&cohorts);
}

static gboolean
run (sqlite3       *db,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not save the training requirements"));
  return TRUE;
}

/**
 * training_save_cohort:
 * @old_name: (nullable): the cohort's name before the edit; %NULL for a new one
 *
 * Replaces a cohort and its modules and brings its members up to date.
 * Call inside a transaction, on the write connection.
 */
gboolean
training_save_cohort (sqlite3               *db,
                      const char            *old_name,
                      const TrainingCohort  *cohort,
                      GError               **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) module = NULL;
  g_autofree char *start = training_day_to_iso (cohort->start);
  g_autofree char *deadline = training_day_to_iso (cohort->deadline);
  int rc;

  g_return_val_if_fail (cohort != NULL && cohort->name != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO training_cohort (name, rank, frontline, start_date, deadline)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO training_requirement (cohort, module) VALUES (?1, ?2)",
                             -1, &module, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not save the training requirements"));

  if (!training_delete_cohort (db, cohort->name, error)
      || (old_name != NULL && !training_delete_cohort (db, old_name, error)))
    return FALSE;

  sqlite3_bind_text (insert, 1, cohort->name, -1, SQLITE_TRANSIENT);
  if (cohort->rank != NULL && *cohort->rank != '\0')
    sqlite3_bind_text (insert, 2, cohort->rank, -1, SQLITE_TRANSIENT);
  if (cohort->frontline != TRAINING_ANY)
    sqlite3_bind_int (insert, 3, cohort->frontline != 0);
  sqlite3_bind_text (insert, 4, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 5, deadline, -1, SQLITE_TRANSIENT);
  if (!run (db, insert, error))
    return FALSE;
  for (guint i = 0; cohort->modules != NULL && cohort->modules[i] != NULL; i++)
    {
      sqlite3_bind_text (module, 1, cohort->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (module, 2, cohort->modules[i], -1, SQLITE_TRANSIENT);
      if (!run (db, module, error))
        return FALSE;
    }
  return training_refresh_members (db, cohort->name, error);
}

static gboolean
refresh_module_rollup (sqlite3  *db,
                       GError  **error)
{
  int rc = sqlite3_exec (db, "DELETE FROM training_module_rollup; DELETE FROM training_curve_rollup;"
                         " DELETE FROM training_league_rollup; DELETE FROM training_module_cell;"
                         " DELETE FROM training_module_progress; DELETE FROM training_league_cell;"
                         " DELETE FROM training_league_progress;" MODULE_ROLLUP_FILL PROGRESS_FILL,
                         NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not update the training figures"));
  return TRUE;
}

/* The cohort, its modules and its members go; officers and completions stay. */
gboolean
training_delete_cohort (sqlite3     *db,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) drop = NULL;
  g_autoptr(sqlite3_stmt) drop_members = NULL;
  int rc = sqlite3_prepare_v2 (db, "DELETE FROM training_cohort WHERE name = ?1", -1, &drop, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "DELETE FROM training_member WHERE cohort = ?1", -1, &drop_members, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not save the training requirements"));
  sqlite3_bind_text (drop, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (drop_members, 1, name, -1, SQLITE_STATIC);
  return run (db, drop, error) && run (db, drop_members, error) && refresh_module_rollup (db, error);
}

/**
 * training_store_cohort:
 * @old_name: (nullable): the cohort's name before the edit; %NULL for a new one
 * @cohort: (nullable): the cohort as it is to be; %NULL removes @old_name
 *
 * Saves or removes a cohort in a transaction of its own, all or nothing,
 * and tells the store's listeners. On failure the store is as it was and
 * @error says why.
 */
gboolean
training_store_cohort (IntegrityStore        *store,
                       const char            *old_name,
                       const TrainingCohort  *cohort,
                       GError               **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (cohort != NULL || old_name != NULL, FALSE);

  if (!integrity_store_begin (store, error))
    return FALSE;
  ok = cohort != NULL ? training_save_cohort (db, old_name, cohort, &local_error)
                      : training_delete_cohort (db, old_name, &local_error);
  if (ok)
    ok = integrity_store_commit (store, &local_error);
  if (!ok)
    {
      integrity_store_rollback (store);
      if (local_error == NULL)
        g_set_error_literal (&local_error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_SQL,
                             _("Could not save the training requirements"));
      g_propagate_error (error, local_error);
      return FALSE;
    }
  integrity_store_notify_changed (store, TRAINING_ID);
  return TRUE;
}

typedef struct
{
  char        *officer_ref;
  char        *rank;
  gint64       district_id;
  gboolean     frontline;
  TrainingDay  left_on;
  GPtrArray   *modules;  /* const char * into module_names */
  GArray      *days;     /* TrainingDay */
} OfficerRecord;

/* Works out one officer's row in each cohort they belong to. */
static gboolean
add_memberships (sqlite3        *db,
                 sqlite3_stmt   *insert,
                 GPtrArray      *cohorts,
                 OfficerRecord  *officer,
                 GError        **error)
{
  for (guint c = 0; c < cohorts->len; c++)
    {
      const TrainingCohort *cohort = g_ptr_array_index (cohorts, c);
      TrainingDay done;

      if (!training_cohort_includes (cohort->rank, cohort->frontline, officer->rank, officer->frontline))
        continue;
      done = training_completion_day ((const char * const *) cohort->modules,
                                      (const char * const *) officer->modules->pdata,
                                      (const TrainingDay *) (gpointer) officer->days->data,
                                      officer->modules->len);
      sqlite3_bind_text (insert, 1, cohort->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, officer->officer_ref, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, officer->district_id);
      sqlite3_bind_int64 (insert, 4, done);
      sqlite3_bind_int64 (insert, 5, officer->left_on);
      if (!run (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * training_refresh_members:
 * @cohort: (nullable): one cohort, or %NULL for all
 *
 * Rebuilds the member rollup from officers, completions and cohorts, with
 * the same functions the tests check. Write connection, in a transaction.
 */
gboolean
training_refresh_members (sqlite3     *db,
                          const char  *cohort,
                          GError     **error)
{
  g_autoptr(GPtrArray) cohorts = training_read_cohorts (db, error);
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) officers = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  OfficerRecord officer = { 0 };
  gboolean ok = TRUE;
  int rc;

  if (cohorts == NULL)
    return FALSE;
  for (guint i = cohorts->len; cohort != NULL && i > 0; i--)
    if (!g_str_equal (((TrainingCohort *) g_ptr_array_index (cohorts, i - 1))->name, cohort))
      g_ptr_array_remove_index (cohorts, i - 1);

  rc = sqlite3_prepare_v2 (db, "DELETE FROM training_member WHERE ?1 IS NULL OR cohort = ?1", -1, &clear, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT o.officer_ref, o.rank, o.district_id, o.frontline, o.active, o.left_date,"
                             " c.module, c.completed_date"
                             " FROM training_officer o LEFT JOIN training_completion c USING (officer_ref)"
                             " ORDER BY o.officer_ref", -1, &officers, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO training_member (cohort, officer_ref, district_id, complete_on, left_on)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &insert, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not update the training figures"));
  sqlite3_bind_text (clear, 1, cohort, -1, SQLITE_STATIC);
  if (!run (db, clear, error))
    return FALSE;
  if (cohorts->len == 0)
    return refresh_module_rollup (db, error);

  officer.modules = g_ptr_array_new ();
  officer.days = g_array_new (FALSE, FALSE, sizeof (TrainingDay));
  while (ok && (rc = sqlite3_step (officers)) == SQLITE_ROW)
    {
      const char *ref = (const char *) sqlite3_column_text (officers, 0);

      if (officer.officer_ref == NULL || !g_str_equal (officer.officer_ref, ref))
        {
          if (officer.officer_ref != NULL)
            ok = add_memberships (db, insert, cohorts, &officer, error);
          g_free (officer.officer_ref);
          g_free (officer.rank);
          officer.officer_ref = g_strdup (ref);
          officer.rank = g_strdup ((const char *) sqlite3_column_text (officers, 1));
          officer.district_id = sqlite3_column_int64 (officers, 2);
          officer.frontline = sqlite3_column_int (officers, 3) != 0;
          officer.left_on = training_left_day (sqlite3_column_int (officers, 4) != 0,
                                               training_day_from_iso ((const char *) sqlite3_column_text (officers, 5)));
          g_ptr_array_set_size (officer.modules, 0);
          g_array_set_size (officer.days, 0);
        }
      if (sqlite3_column_type (officers, 6) != SQLITE_NULL)
        {
          TrainingDay day = training_day_from_iso ((const char *) sqlite3_column_text (officers, 7));

          g_ptr_array_add (officer.modules,
                           g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (officers, 6)));
          g_array_append_val (officer.days, day);
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = integrity_sqlite_error (error, db, rc, _("Could not update the training figures"));
  if (ok && officer.officer_ref != NULL)
    ok = add_memberships (db, insert, cohorts, &officer, error);
  g_free (officer.officer_ref);
  g_free (officer.rank);
  g_ptr_array_unref (officer.modules);
  g_array_unref (officer.days);
  return ok && refresh_module_rollup (db, error);
}

/* -1 for all districts (%NULL), 0 for a district the store does not know. */
gint64
training_lookup_district (sqlite3    *db,
                          const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  if (name == NULL)
    return -1;
  key = integrity_district_key (name);
  if (sqlite3_prepare_v2 (db, "SELECT id FROM district WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}
