/* victim-care-schema.c — the victim-care tables, rollups and rows. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "victim-care-schema.h"

/* Working days cannot be counted in SQL, so each deadline and whether it
 * was met is worked out in C as a row is written. Triggers then keep the
 * rollups (by month, district and enhanced rights) and the list of open
 * deadlines (victim_queue) in step, so the page reads a few thousand
 * rollup rows and the queue reads only what is still outstanding. */

#define CASE_ROLLUP_ADD(R) \
  "INSERT INTO victim_case_rollup VALUES (" R ".month, " R ".district_id," \
  " (" R ".enhanced_rights OR " R ".domestic_abuse), 1, " R ".referral_state = 1," \
  " " R ".referral_state = 2, " R ".referral_state = 0)" \
  " ON CONFLICT DO UPDATE SET cases = cases + 1, referral_met = referral_met + excluded.referral_met," \
  " referral_missed = referral_missed + excluded.referral_missed," \
  " referral_pending = referral_pending + excluded.referral_pending;" \
  "INSERT INTO victim_contact_rollup SELECT " R ".month, " R ".district_id," \
  " min(" R ".contact_days, 30), 1 WHERE " R ".contact_days IS NOT NULL" \
  " ON CONFLICT DO UPDATE SET cases = cases + 1;" \
  "INSERT INTO victim_closure_rollup SELECT " R ".closed_month, " R ".district_id, " R ".domestic_abuse," \
  " " R ".outcome_code, 1, " R ".closure_state = 1, " R ".closure_state = 0," \
  " " R ".supervisor_reviewed, " R ".victim_view_recorded WHERE " R ".status = 'closed'" \
  " ON CONFLICT DO UPDATE SET closures = closures + 1, informed = informed + excluded.informed," \
  " pending = pending + excluded.pending, reviewed = reviewed + excluded.reviewed," \
  " view_recorded = view_recorded + excluded.view_recorded;" \
  "INSERT INTO victim_queue SELECT " R ".case_ref, 0, '', " R ".district_id," \
  " (" R ".enhanced_rights OR " R ".domestic_abuse), " R ".referral_deadline, " R ".month" \
  " WHERE " R ".referral_state = 0;" \
  "INSERT INTO victim_queue SELECT " R ".case_ref, 2, '', " R ".district_id," \
  " (" R ".enhanced_rights OR " R ".domestic_abuse), " R ".closure_deadline, " R ".closed_month" \
  " WHERE " R ".status = 'closed' AND " R ".closure_state = 0;" \
  "INSERT INTO victim_latest VALUES (1, max(" R ".recorded_date, coalesce(" R ".first_contact_date, '')," \
  " coalesce(" R ".support_referral_date, ''), coalesce(" R ".closed_date, '')," \
  " coalesce(" R ".victim_informed_date, '')))" \
  " ON CONFLICT DO UPDATE SET day = max(day, excluded.day);"

#define CASE_ROLLUP_SUB(R) \
  "UPDATE victim_case_rollup SET cases = cases - 1, referral_met = referral_met - (" R ".referral_state = 1)," \
  " referral_missed = referral_missed - (" R ".referral_state = 2)," \
  " referral_pending = referral_pending - (" R ".referral_state = 0)" \
  " WHERE month = " R ".month AND district_id = " R ".district_id" \
  " AND enhanced = (" R ".enhanced_rights OR " R ".domestic_abuse);" \
  "UPDATE victim_contact_rollup SET cases = cases - 1 WHERE " R ".contact_days IS NOT NULL" \
  " AND month = " R ".month AND district_id = " R ".district_id AND days = min(" R ".contact_days, 30);" \
  "UPDATE victim_closure_rollup SET closures = closures - 1," \
  " informed = informed - (" R ".closure_state = 1)," \
  " pending = pending - (" R ".closure_state = 0), reviewed = reviewed - " R ".supervisor_reviewed," \
  " view_recorded = view_recorded - " R ".victim_view_recorded" \
  " WHERE " R ".status = 'closed' AND month = " R ".closed_month AND district_id = " R ".district_id" \
  " AND domestic_abuse = " R ".domestic_abuse AND outcome_code = " R ".outcome_code;" \
  "DELETE FROM victim_queue WHERE case_ref = " R ".case_ref AND kind IN (0, 2);"

#define DECISION_ADD(R) \
  "INSERT INTO victim_decision_rollup VALUES (" R ".month, " R ".district_id, " R ".enhanced, 1," \
  " " R ".state = 1, " R ".state = 2, " R ".state = 0)" \
  " ON CONFLICT DO UPDATE SET decisions = decisions + 1, met = met + excluded.met," \
  " missed = missed + excluded.missed, pending = pending + excluded.pending;" \
  "INSERT INTO victim_queue SELECT " R ".case_ref, 1, " R ".decision || ' ' || " R ".decision_date," \
  " " R ".district_id, " R ".enhanced, " R ".inform_deadline, " R ".month WHERE " R ".state = 0;" \
  "INSERT INTO victim_latest VALUES (1, max(" R ".decision_date, coalesce(" R ".victim_informed_date, '')))" \
  " ON CONFLICT DO UPDATE SET day = max(day, excluded.day);"

#define DECISION_SUB(R) \
  "UPDATE victim_decision_rollup SET decisions = decisions - 1, met = met - (" R ".state = 1)," \
  " missed = missed - (" R ".state = 2), pending = pending - (" R ".state = 0)" \
  " WHERE month = " R ".month AND district_id = " R ".district_id AND enhanced = " R ".enhanced;" \
  "DELETE FROM victim_queue WHERE case_ref = " R ".case_ref AND kind = 1" \
  " AND item = " R ".decision || ' ' || " R ".decision_date;"

#define SUPPORT_ADD(R) \
  "INSERT INTO victim_support_rollup VALUES (" R ".week, " R ".district_id, " R ".outcome, 1)" \
  " ON CONFLICT DO UPDATE SET referrals = referrals + 1;"

#define SUPPORT_SUB(R) \
  "UPDATE victim_support_rollup SET referrals = referrals - 1" \
  " WHERE week = " R ".week AND district_id = " R ".district_id AND outcome = " R ".outcome;"

static const IntegrityMigration migrations[] = {
  { 1,
    "CREATE TABLE victim_case ("
    "  case_ref TEXT PRIMARY KEY,"
    "  crime_ref TEXT,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  offence_group TEXT NOT NULL,"
    "  domestic_abuse INTEGER NOT NULL CHECK (domestic_abuse IN (0, 1)),"
    "  enhanced_rights INTEGER NOT NULL CHECK (enhanced_rights IN (0, 1)),"
    "  recorded_date TEXT NOT NULL,"
    "  month INTEGER NOT NULL,"
    "  first_contact_date TEXT,"
    "  needs_assessment_date TEXT,"
    "  support_referral_date TEXT,"
    "  support_declined INTEGER NOT NULL CHECK (support_declined IN (0, 1)),"
    "  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),"
    "  closed_date TEXT,"
    "  closed_month INTEGER,"
    "  outcome_code INTEGER CHECK (outcome_code BETWEEN 0 AND 22),"
    "  victim_informed_date TEXT,"
    "  supervisor_reviewed INTEGER NOT NULL CHECK (supervisor_reviewed IN (0, 1)),"
    "  victim_view_recorded INTEGER NOT NULL CHECK (victim_view_recorded IN (0, 1)),"
    "  referral_deadline TEXT NOT NULL,"
    "  referral_state INTEGER NOT NULL CHECK (referral_state IN (0, 1, 2)),"
    "  contact_days INTEGER,"
    "  closure_deadline TEXT,"
    "  closure_state INTEGER CHECK (closure_state IN (0, 1, 2)),"
    "  CHECK ((status = 'closed') = (closed_date IS NOT NULL AND outcome_code IS NOT NULL))"
    ");"
    /* The open caseload by age, per district: a covering partial index. */
    "CREATE INDEX victim_case_open ON victim_case (district_id, recorded_date, status) WHERE status = 'open';"
    "CREATE TABLE victim_decision ("
    "  case_ref TEXT NOT NULL REFERENCES victim_case (case_ref) ON DELETE CASCADE,"
    "  decision TEXT NOT NULL,"
    "  decision_date TEXT NOT NULL,"
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL,"
    "  enhanced INTEGER NOT NULL CHECK (enhanced IN (0, 1)),"
    "  victim_informed_date TEXT,"
    "  inform_deadline TEXT NOT NULL,"
    "  state INTEGER NOT NULL CHECK (state IN (0, 1, 2)),"
    "  PRIMARY KEY (case_ref, decision, decision_date)"
    ") WITHOUT ROWID;"
    "CREATE TABLE victim_support_line ("
    "  referral_ref TEXT PRIMARY KEY,"
    "  received_date TEXT NOT NULL,"
    "  week INTEGER NOT NULL,"
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  offence_group TEXT NOT NULL,"
    "  outcome TEXT NOT NULL CHECK (outcome IN ('recorded', 'already_recorded', 'no_crime', 'pending')),"
    "  recorded_date TEXT"
    ");"
    "CREATE TABLE victim_case_rollup ("
    "  month INTEGER NOT NULL, district_id INTEGER NOT NULL, enhanced INTEGER NOT NULL,"
    "  cases INTEGER NOT NULL, referral_met INTEGER NOT NULL, referral_missed INTEGER NOT NULL,"
    "  referral_pending INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id, enhanced)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_case_rollup_district ON victim_case_rollup (district_id, month);"
    "CREATE TABLE victim_contact_rollup ("
    "  month INTEGER NOT NULL, district_id INTEGER NOT NULL, days INTEGER NOT NULL,"
    "  cases INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id, days)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_contact_rollup_district ON victim_contact_rollup (district_id, month);"
    /* informed: told of the closure in time; pending: not told yet. */
    "CREATE TABLE victim_closure_rollup ("
    "  month INTEGER NOT NULL, district_id INTEGER NOT NULL, domestic_abuse INTEGER NOT NULL,"
    "  outcome_code INTEGER NOT NULL, closures INTEGER NOT NULL, informed INTEGER NOT NULL,"
    "  pending INTEGER NOT NULL, reviewed INTEGER NOT NULL, view_recorded INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id, domestic_abuse, outcome_code)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_closure_rollup_district ON victim_closure_rollup (district_id, month);"
    "CREATE TABLE victim_decision_rollup ("
    "  month INTEGER NOT NULL, district_id INTEGER NOT NULL, enhanced INTEGER NOT NULL,"
    "  decisions INTEGER NOT NULL, met INTEGER NOT NULL, missed INTEGER NOT NULL,"
    "  pending INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id, enhanced)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_decision_rollup_district ON victim_decision_rollup (district_id, month);"
    "CREATE TABLE victim_support_rollup ("
    "  week INTEGER NOT NULL, district_id INTEGER NOT NULL, outcome TEXT NOT NULL,"
    "  referrals INTEGER NOT NULL,"
    "  PRIMARY KEY (week, district_id, outcome)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_support_rollup_district ON victim_support_rollup (district_id, week);"
    /* Every deadline not yet done: the work queue is the part of it that is due. */
    "CREATE TABLE victim_queue ("
    "  case_ref TEXT NOT NULL, kind INTEGER NOT NULL, item TEXT NOT NULL,"
    "  district_id INTEGER NOT NULL, enhanced INTEGER NOT NULL,"
    "  deadline TEXT NOT NULL, month INTEGER NOT NULL,"
    "  PRIMARY KEY (case_ref, kind, item)"
    ") WITHOUT ROWID;"
    "CREATE INDEX victim_queue_deadline ON victim_queue (deadline, kind);"
    "CREATE INDEX victim_queue_district ON victim_queue (district_id, deadline, kind);"
    "CREATE INDEX victim_queue_search ON victim_queue (case_ref COLLATE NOCASE);"
    "CREATE TABLE victim_latest (id INTEGER PRIMARY KEY CHECK (id = 1), day TEXT NOT NULL);"
    "CREATE TRIGGER victim_case_added AFTER INSERT ON victim_case BEGIN "
    CASE_ROLLUP_ADD ("NEW") " END;"
    "CREATE TRIGGER victim_case_removed AFTER DELETE ON victim_case BEGIN "
    CASE_ROLLUP_SUB ("OLD") " END;"
    "CREATE TRIGGER victim_case_changed AFTER UPDATE ON victim_case BEGIN "
    CASE_ROLLUP_SUB ("OLD") CASE_ROLLUP_ADD ("NEW") " END;"
    "CREATE TRIGGER victim_decision_added AFTER INSERT ON victim_decision BEGIN "
    DECISION_ADD ("NEW") " END;"
    "CREATE TRIGGER victim_decision_removed AFTER DELETE ON victim_decision BEGIN "
    DECISION_SUB ("OLD") " END;"
    "CREATE TRIGGER victim_decision_changed AFTER UPDATE ON victim_decision BEGIN "
    DECISION_SUB ("OLD") DECISION_ADD ("NEW") " END;"
    "CREATE TRIGGER victim_support_added AFTER INSERT ON victim_support_line BEGIN "
    SUPPORT_ADD ("NEW") " END;"
    "CREATE TRIGGER victim_support_removed AFTER DELETE ON victim_support_line BEGIN "
    SUPPORT_SUB ("OLD") " END;"
    "CREATE TRIGGER victim_support_changed AFTER UPDATE ON victim_support_line BEGIN "
    SUPPORT_SUB ("OLD") SUPPORT_ADD ("NEW") " END;" },
  /* The closure, contact and support-line rollups summed again over every
   * district, kept in step with them by triggers (they change sums, never
   * keys), so "all districts" reads a few hundred rows at national scale. */
  { 2,
    "CREATE TABLE victim_closure_force (month INTEGER NOT NULL, domestic_abuse INTEGER NOT NULL, outcome_code INTEGER NOT NULL, closures INTEGER NOT NULL, informed INTEGER NOT NULL, pending INTEGER NOT NULL, reviewed INTEGER NOT NULL, view_recorded INTEGER NOT NULL, PRIMARY KEY (month, domestic_abuse, outcome_code)) WITHOUT ROWID;"
    "CREATE TRIGGER victim_closure_rollup_added AFTER INSERT ON victim_closure_rollup BEGIN"
    "  INSERT INTO victim_closure_force VALUES (NEW.month, NEW.domestic_abuse, NEW.outcome_code, NEW.closures, NEW.informed, NEW.pending, NEW.reviewed, NEW.view_recorded)"
    "  ON CONFLICT DO UPDATE SET closures = closures + excluded.closures, informed = informed + excluded.informed, pending = pending + excluded.pending, reviewed = reviewed + excluded.reviewed, view_recorded = view_recorded + excluded.view_recorded;"
    "END;"
    "CREATE TRIGGER victim_closure_rollup_changed AFTER UPDATE ON victim_closure_rollup BEGIN"
    "  UPDATE victim_closure_force SET closures = closures + NEW.closures - OLD.closures, informed = informed + NEW.informed - OLD.informed, pending = pending + NEW.pending - OLD.pending, reviewed = reviewed + NEW.reviewed - OLD.reviewed, view_recorded = view_recorded + NEW.view_recorded - OLD.view_recorded WHERE month = OLD.month AND domestic_abuse = OLD.domestic_abuse AND outcome_code = OLD.outcome_code;"
    "END;"
    "CREATE TRIGGER victim_closure_rollup_removed AFTER DELETE ON victim_closure_rollup BEGIN"
    "  UPDATE victim_closure_force SET closures = closures - OLD.closures, informed = informed - OLD.informed, pending = pending - OLD.pending, reviewed = reviewed - OLD.reviewed, view_recorded = view_recorded - OLD.view_recorded WHERE month = OLD.month AND domestic_abuse = OLD.domestic_abuse AND outcome_code = OLD.outcome_code;"
    "END;"
    "INSERT INTO victim_closure_force SELECT month, domestic_abuse, outcome_code, sum(closures), sum(informed), sum(pending), sum(reviewed), sum(view_recorded) FROM victim_closure_rollup"
    "  GROUP BY month, domestic_abuse, outcome_code;"
    "CREATE TABLE victim_contact_force (month INTEGER NOT NULL, days INTEGER NOT NULL, cases INTEGER NOT NULL, PRIMARY KEY (month, days)) WITHOUT ROWID;"
    "CREATE TRIGGER victim_contact_rollup_added AFTER INSERT ON victim_contact_rollup BEGIN"
    "  INSERT INTO victim_contact_force VALUES (NEW.month, NEW.days, NEW.cases)"
    "  ON CONFLICT DO UPDATE SET cases = cases + excluded.cases;"
    "END;"
    "CREATE TRIGGER victim_contact_rollup_changed AFTER UPDATE ON victim_contact_rollup BEGIN"
    "  UPDATE victim_contact_force SET cases = cases + NEW.cases - OLD.cases WHERE month = OLD.month AND days = OLD.days;"
    "END;"
    "CREATE TRIGGER victim_contact_rollup_removed AFTER DELETE ON victim_contact_rollup BEGIN"
    "  UPDATE victim_contact_force SET cases = cases - OLD.cases WHERE month = OLD.month AND days = OLD.days;"
    "END;"
    "INSERT INTO victim_contact_force SELECT month, days, sum(cases) FROM victim_contact_rollup"
    "  GROUP BY month, days;"
    "CREATE TABLE victim_support_force (week INTEGER NOT NULL, outcome TEXT NOT NULL, referrals INTEGER NOT NULL, PRIMARY KEY (week, outcome)) WITHOUT ROWID;"
    "CREATE TRIGGER victim_support_rollup_added AFTER INSERT ON victim_support_rollup BEGIN"
    "  INSERT INTO victim_support_force VALUES (NEW.week, NEW.outcome, NEW.referrals)"
    "  ON CONFLICT DO UPDATE SET referrals = referrals + excluded.referrals;"
    "END;"
    "CREATE TRIGGER victim_support_rollup_changed AFTER UPDATE ON victim_support_rollup BEGIN"
    "  UPDATE victim_support_force SET referrals = referrals + NEW.referrals - OLD.referrals WHERE week = OLD.week AND outcome = OLD.outcome;"
    "END;"
    "CREATE TRIGGER victim_support_rollup_removed AFTER DELETE ON victim_support_rollup BEGIN"
    "  UPDATE victim_support_force SET referrals = referrals - OLD.referrals WHERE week = OLD.week AND outcome = OLD.outcome;"
    "END;"
    "INSERT INTO victim_support_force SELECT week, outcome, sum(referrals) FROM victim_support_rollup"
    "  GROUP BY week, outcome;" },
};

const IntegrityMigration *
victim_care_migrations (gsize *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

static const char * const case_columns[] = {
  "case_ref", "crime_ref", "district_id", "offence_group", "domestic_abuse", "enhanced_rights",
  "recorded_date", "month", "first_contact_date", "needs_assessment_date", "support_referral_date",
  "support_declined", "status", "closed_date", "closed_month", "outcome_code", "victim_informed_date",
  "supervisor_reviewed", "victim_view_recorded", "referral_deadline", "referral_state", "contact_days",
  "closure_deadline", "closure_state",
};
static const char * const decision_columns[] = {
  "case_ref", "decision", "decision_date", "month", "district_id", "enhanced",
  "victim_informed_date", "inform_deadline", "state",
};
static const char * const support_columns[] = {
  "referral_ref", "received_date", "week", "month", "district_id", "offence_group", "outcome",
  "recorded_date",
};

/* Statements from the constant column lists above, never from input:
 * `INSERT … ON CONFLICT DO NOTHING`, and an UPDATE that changes the row
 * only where a value differs (integrity_import_step_upsert()). */
static char *
build_insert (const char         *table,
              const char * const *columns,
              guint               n)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ") ON CONFLICT DO NOTHING");
  return g_string_free (sql, FALSE);
}

static char *
build_update (const char         *table,
              const char * const *columns,
              guint               n,
              guint               n_key)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = n_key; i < n; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i > n_key ? ", " : "", columns[i], i + 1);
  g_string_append (sql, " WHERE ");
  for (guint i = 0; i < n_key; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i ? " AND " : "", columns[i], i + 1);
  g_string_append (sql, " AND (");
  for (guint i = n_key; i < n; i++)
    g_string_append_printf (sql, "%s%s IS NOT ?%u", i > n_key ? " OR " : "", columns[i], i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

char *
victim_case_insert_sql (void)
{
  return build_insert ("victim_case", case_columns, G_N_ELEMENTS (case_columns));
}

char *
victim_case_update_sql (void)
{
  return build_update ("victim_case", case_columns, G_N_ELEMENTS (case_columns), 1);
}

char *
victim_decision_insert_sql (void)
{
  return build_insert ("victim_decision", decision_columns, G_N_ELEMENTS (decision_columns));
}

char *
victim_decision_update_sql (void)
{
  return build_update ("victim_decision", decision_columns, G_N_ELEMENTS (decision_columns), 3);
}

char *
victim_support_insert_sql (void)
{
  return build_insert ("victim_support_line", support_columns, G_N_ELEMENTS (support_columns));
}

char *
victim_support_update_sql (void)
{
  return build_update ("victim_support_line", support_columns, G_N_ELEMENTS (support_columns), 1);
}

void
victim_case_row_init (VictimCaseRow *row)
{
  memset (row, 0, sizeof *row);
  g_date_clear (&row->recorded, 5);
  row->outcome_code = -1;
}

void
victim_decision_row_init (VictimDecisionRow *row)
{
  memset (row, 0, sizeof *row);
  g_date_clear (&row->decided, 2);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           parameter,
           const GDate  *date)
{
  char text[16];

  if (!g_date_valid (date))
    {
      sqlite3_bind_null (stmt, parameter);
      return;
    }
  victim_format_date (date, text);
  sqlite3_bind_text (stmt, parameter, text, -1, SQLITE_TRANSIENT);
}

void
victim_case_row_bind (const VictimCaseRow *row,
                      sqlite3_stmt        *stmt)
{
  GDate deadline;
  VictimState referral;

  g_return_if_fail (g_date_valid (&row->recorded));

  sqlite3_bind_text (stmt, 1, row->case_ref, -1, SQLITE_TRANSIENT);
  if (row->crime_ref != NULL)
    sqlite3_bind_text (stmt, 2, row->crime_ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, row->district_id);
  sqlite3_bind_text (stmt, 4, row->offence_group, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, row->domestic_abuse);
  sqlite3_bind_int (stmt, 6, row->enhanced_rights);
  bind_date (stmt, 7, &row->recorded);
  sqlite3_bind_int (stmt, 8, integrity_month_from_date ((GDate *) &row->recorded));
  bind_date (stmt, 9, &row->first_contact);
  bind_date (stmt, 10, &row->needs_assessment);
  bind_date (stmt, 11, &row->referral);
  sqlite3_bind_int (stmt, 12, row->support_declined);
  sqlite3_bind_text (stmt, 13, row->closed ? "closed" : "open", -1, SQLITE_STATIC);
  bind_date (stmt, 14, &row->closed_date);
  if (row->closed && g_date_valid (&row->closed_date))
    sqlite3_bind_int (stmt, 15, integrity_month_from_date ((GDate *) &row->closed_date));
  else
    sqlite3_bind_null (stmt, 15);
  if (row->outcome_code >= 0)
    sqlite3_bind_int (stmt, 16, row->outcome_code);
  else
    sqlite3_bind_null (stmt, 16);
  bind_date (stmt, 17, &row->informed);
  sqlite3_bind_int (stmt, 18, row->supervisor_reviewed);
  sqlite3_bind_int (stmt, 19, row->victim_view_recorded);

  /* Referral within 2 working days; a victim who declined was offered it. */
  integrity_victims_code_referral_deadline (&row->recorded, &deadline);
  referral = row->support_declined ? VICTIM_STATE_MET : victim_deadline_state (&deadline, &row->referral);
  bind_date (stmt, 20, &deadline);
  sqlite3_bind_int (stmt, 21, referral);
  if (g_date_valid (&row->first_contact))
    sqlite3_bind_int (stmt, 22, MAX (0, integrity_calendar_working_days_between (&row->recorded,
                                                                                 &row->first_contact)));
  else
    sqlite3_bind_null (stmt, 22);

  /* The closure is a key decision: the victim is told within 5 working days, 1 enhanced. */
  if (row->closed && g_date_valid (&row->closed_date))
    {
      integrity_victims_code_inform_deadline (&row->closed_date, row->enhanced_rights,
                                              row->domestic_abuse, &deadline);
      bind_date (stmt, 23, &deadline);
      sqlite3_bind_int (stmt, 24, victim_deadline_state (&deadline, &row->informed));
    }
  else
    {
      sqlite3_bind_null (stmt, 23);
      sqlite3_bind_null (stmt, 24);
    }
}

void
victim_decision_row_bind (const VictimDecisionRow *row,
                          sqlite3_stmt            *stmt)
{
  GDate deadline;

  g_return_if_fail (g_date_valid (&row->decided));

  integrity_victims_code_inform_deadline (&row->decided, row->enhanced, FALSE, &deadline);
  sqlite3_bind_text (stmt, 1, row->case_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->decision, -1, SQLITE_TRANSIENT);
  bind_date (stmt, 3, &row->decided);
  sqlite3_bind_int (stmt, 4, integrity_month_from_date ((GDate *) &row->decided));
  sqlite3_bind_int64 (stmt, 5, row->district_id);
  sqlite3_bind_int (stmt, 6, row->enhanced);
  bind_date (stmt, 7, &row->informed);
  bind_date (stmt, 8, &deadline);
  sqlite3_bind_int (stmt, 9, victim_deadline_state (&deadline, &row->informed));
}

void
victim_support_row_bind (const VictimSupportRow *row,
                         sqlite3_stmt           *stmt)
{
  GDate monday = row->received;

  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  sqlite3_bind_text (stmt, 1, row->referral_ref, -1, SQLITE_TRANSIENT);
  bind_date (stmt, 2, &row->received);
  sqlite3_bind_int (stmt, 3, (int) g_date_get_julian (&monday));
  sqlite3_bind_int (stmt, 4, integrity_month_from_date ((GDate *) &row->received));
  sqlite3_bind_int64 (stmt, 5, row->district_id);
  sqlite3_bind_text (stmt, 6, row->offence_group, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->outcome, -1, SQLITE_TRANSIENT);
  bind_date (stmt, 8, &row->recorded);
}

/**
 * victim_recompute_decisions:
 *
 * After a case changes district or enhanced rights, its decisions' copies
 * of them and their deadlines follow (the triggers move the rollups).
 */
gboolean
victim_recompute_decisions (sqlite3     *db,
                            const char  *case_ref,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *update_sql = victim_decision_update_sql ();
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT d.decision, d.decision_date, d.victim_informed_date, c.district_id,"
                           " (c.enhanced_rights OR c.domestic_abuse) FROM victim_decision d"
                           " JOIN victim_case c ON c.case_ref = d.case_ref WHERE d.case_ref = ?1"
                           " AND (d.district_id IS NOT c.district_id"
                           "  OR d.enhanced IS NOT (c.enhanced_rights OR c.domestic_abuse))",
                           -1, &select, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, update_sql, -1, &update, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not update the case’s decisions"));

  sqlite3_bind_text (select, 1, case_ref, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      VictimDecisionRow row;

      victim_decision_row_init (&row);
      row.case_ref = case_ref;
      row.decision = (const char *) sqlite3_column_text (select, 0);
      victim_parse_date ((const char *) sqlite3_column_text (select, 1), &row.decided);
      victim_parse_date ((const char *) sqlite3_column_text (select, 2), &row.informed);
      row.district_id = sqlite3_column_int64 (select, 3);
      row.enhanced = sqlite3_column_int (select, 4);
      victim_decision_row_bind (&row, update);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not update the case’s decisions"));
  return TRUE;
}
