/* victim-care-importers.c — the CSV kinds the victim-care plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "victim-care-importers.h"
#include "victim-care-schema.h"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *lookup;       /* victim-decisions: the case */
  GPtrArray    *changed;      /* victim-cases: refs updated, whose decisions follow */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  sqlite3_finalize (job->insert);
  sqlite3_finalize (job->update);
  sqlite3_finalize (job->lookup);
  g_clear_pointer (&job->changed, g_ptr_array_unref);
  g_free (job);
}

/* A kind's statements: the upsert's pair, and the lookup its rows need. */
typedef struct
{
  char       *(*insert_sql) (void);
  char       *(*update_sql) (void);
  const char  *lookup_sql;
} Statements;

/* Every kind's begin: prepares the statements of the importer's user data. */
static gpointer
job_begin (IntegrityImporter  *importer,
           sqlite3            *db,
           GError            **error)
{
  const Statements *statements = integrity_importer_get_user_data (importer);
  g_autofree char *insert = statements->insert_sql ();
  g_autofree char *update = statements->update_sql ();
  Job *job = g_new0 (Job, 1);
  int rc;

  job->db = db;
  job->changed = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_prepare_v2 (db, insert, -1, &job->insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, update, -1, &job->update, NULL);
  if (rc == SQLITE_OK && statements->lookup_sql != NULL)
    rc = sqlite3_prepare_v2 (db, statements->lookup_sql, -1, &job->lookup, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not prepare the import"));
      job_free (job);
      return NULL;
    }
  return job;
}

/* Binds @row to both statements with @BIND, then upserts. */
#define WRITE_ROW(job, bind, row, error) \
  (bind (row, (job)->insert), bind (row, (job)->update), \
   integrity_import_step_upsert ((job)->insert, (job)->update, error))

/* A date column, cleared when the cell is empty. */
static void
get_date (const IntegrityImportRow *row,
          guint                     column,
          GDate                    *date)
{
  g_date_clear (date, 1);
  if (!integrity_import_row_is_null (row, column))
    integrity_import_row_get_date (row, column, date);
}

static gboolean
get_flag (const IntegrityImportRow *row,
          guint                     column)
{
  return !integrity_import_row_is_null (row, column) && integrity_import_row_get_boolean (row, column);
}

/* Rejects the row if @date is before @limit: "'…' is before NAME (…)". */
static gboolean
check_order (const IntegrityImportRow  *row,
             guint                      column,
             const GDate               *date,
             const char                *limit_name,
             const GDate               *limit,
             GError                   **error)
{
  char text[16], limit_text[16];

  if (!g_date_valid (date) || g_date_compare (date, limit) >= 0)
    return TRUE;
  victim_format_date (date, text);
  victim_format_date (limit, limit_text);
  integrity_import_row_reject (row, error, column, _("'%s' is before %s (%s)"), text, limit_name, limit_text);
  return FALSE;
}

/* ---- victim-cases: one row per case ------------------------------------- */

static const char *const case_description =
  N_("One row per case: when the victim was contacted, assessed and referred to "
     "support, and how the case was closed. References only, never names.");

enum { CASE_REF, CASE_CRIME, CASE_DISTRICT, CASE_GROUP, CASE_DOMESTIC, CASE_ENHANCED, CASE_RECORDED,
       CASE_CONTACT, CASE_ASSESSMENT, CASE_REFERRAL, CASE_DECLINED, CASE_STATUS, CASE_CLOSED,
       CASE_OUTCOME, CASE_INFORMED, CASE_REVIEWED, CASE_VIEW };

static const char * const statuses[] = { "open", "closed", NULL };

static IntegrityImportColumn case_columns[] = {
  [CASE_REF] = { "case_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [CASE_CRIME] = { "crime_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_DISTRICT] = { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_REQUIRED },
  [CASE_GROUP] = { "offence_group", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, NULL },
  [CASE_DOMESTIC] = { "domestic_abuse", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_REQUIRED },
  [CASE_ENHANCED] = { "enhanced_rights", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_REQUIRED },
  [CASE_RECORDED] = { "recorded_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
  [CASE_CONTACT] = { "first_contact_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_ASSESSMENT] = { "needs_assessment_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_REFERRAL] = { "support_referral_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_DECLINED] = { "support_declined", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_STATUS] = { "status", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, statuses },
  [CASE_CLOSED] = { "closed_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_OUTCOME] = { "outcome_code", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_OPTIONAL, NULL, NULL, 0, 22 },
  [CASE_INFORMED] = { "victim_informed_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_REVIEWED] = { "supervisor_reviewed", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
  [CASE_VIEW] = { "victim_view_recorded", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
};

static const Statements case_statements = { victim_case_insert_sql, victim_case_update_sql, NULL };

static gboolean
case_check_order (const IntegrityImportRow  *row,
                  const VictimCaseRow       *c,
                  GError                   **error)
{
  const struct { guint column; const GDate *date; } dates[] = {
    { CASE_CONTACT, &c->first_contact },
    { CASE_ASSESSMENT, &c->needs_assessment },
    { CASE_REFERRAL, &c->referral },
    { CASE_CLOSED, &c->closed_date },
    { CASE_INFORMED, &c->informed },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!check_order (row, dates[i].column, dates[i].date, "recorded_date", &c->recorded, error))
      return FALSE;
  return TRUE;
}

/* The rules of issue 6: nothing before recorded_date; a closed case has a
 * closed_date and an outcome, an open one neither (nor a closure told). */
static IntegrityImportOutcome
case_row (const IntegrityImportRow  *row,
          gpointer                   job_data,
          GError                   **error)
{
  Job *job = job_data;
  VictimCaseRow c;
  IntegrityImportOutcome outcome;

  victim_case_row_init (&c);
  c.case_ref = integrity_import_row_get_text (row, CASE_REF);
  c.crime_ref = integrity_import_row_is_null (row, CASE_CRIME) ? NULL : integrity_import_row_get_text (row, CASE_CRIME);
  c.district_id = integrity_import_row_get_district_id (row, CASE_DISTRICT);
  c.offence_group = integrity_import_row_get_text (row, CASE_GROUP);
  c.domestic_abuse = get_flag (row, CASE_DOMESTIC);
  c.enhanced_rights = get_flag (row, CASE_ENHANCED);
  integrity_import_row_get_date (row, CASE_RECORDED, &c.recorded);
  get_date (row, CASE_CONTACT, &c.first_contact);
  get_date (row, CASE_ASSESSMENT, &c.needs_assessment);
  get_date (row, CASE_REFERRAL, &c.referral);
  c.support_declined = get_flag (row, CASE_DECLINED);
  c.closed = g_ascii_strcasecmp (integrity_import_row_get_text (row, CASE_STATUS), "closed") == 0;
  get_date (row, CASE_CLOSED, &c.closed_date);
  c.outcome_code = integrity_import_row_is_null (row, CASE_OUTCOME) ? -1
                   : (int) integrity_import_row_get_int64 (row, CASE_OUTCOME);
  get_date (row, CASE_INFORMED, &c.informed);
  c.supervisor_reviewed = get_flag (row, CASE_REVIEWED);
  c.victim_view_recorded = get_flag (row, CASE_VIEW);

  if (!case_check_order (row, &c, error))
    return INTEGRITY_IMPORT_ROW_FAILED;
  if (c.closed && !g_date_valid (&c.closed_date))
    return integrity_import_row_reject (row, error, CASE_CLOSED, _("a closed case needs a closed_date"));
  if (c.closed && c.outcome_code < 0)
    return integrity_import_row_reject (row, error, CASE_OUTCOME, _("a closed case needs an outcome_code"));
  if (!c.closed && g_date_valid (&c.closed_date))
    return integrity_import_row_reject (row, error, CASE_CLOSED, _("an open case has no closed_date"));
  if (!c.closed && c.outcome_code >= 0)
    return integrity_import_row_reject (row, error, CASE_OUTCOME, _("an open case has no outcome_code"));
  if (!c.closed && g_date_valid (&c.informed))
    return integrity_import_row_reject (row, error, CASE_INFORMED,
                                        _("an open case has no victim_informed_date (the day the victim "
                                          "was told of the closure)"));
  if (c.closed && !check_order (row, CASE_INFORMED, &c.informed, "closed_date", &c.closed_date, error))
    return INTEGRITY_IMPORT_ROW_FAILED;

  outcome = WRITE_ROW (job, victim_case_row_bind, &c, error);
  if (outcome == INTEGRITY_IMPORT_ROW_UPDATED)
    g_ptr_array_add (job->changed, g_strdup (c.case_ref));
  return outcome;
}

/* A changed case (district, enhanced rights) moves its decisions' deadlines. */
static gboolean
case_finish (IntegrityImporter  *importer,
             sqlite3            *db,
             gpointer            job_data,
             GError            **error)
{
  Job *job = job_data;

  for (guint i = 0; i < job->changed->len; i++)
    if (!victim_recompute_decisions (db, g_ptr_array_index (job->changed, i), error))
      return FALSE;
  return TRUE;
}

/* ---- victim-decisions: key decisions told to the victim ------------------ */

static const char *const decision_description =
  N_("Key decisions in a case (arrest, interview, charge, no further action, bail, "
     "released under investigation, not investigated, closure) and when the victim was told.");

enum { DECISION_CASE, DECISION_DATE, DECISION_KIND, DECISION_INFORMED };

static IntegrityImportColumn decision_columns[] = {
  [DECISION_CASE] = { "case_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [DECISION_DATE] = { "decision_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_KEY },
  [DECISION_KIND] = { "decision", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_KEY, NULL, NULL },
  [DECISION_INFORMED] = { "victim_informed_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
};

static const Statements decision_statements = {
  victim_decision_insert_sql, victim_decision_update_sql,
  "SELECT district_id, enhanced_rights OR domestic_abuse, recorded_date FROM victim_case WHERE case_ref = ?1",
};

static IntegrityImportOutcome
decision_row (const IntegrityImportRow  *row,
              gpointer                   job_data,
              GError                   **error)
{
  Job *job = job_data;
  VictimDecisionRow d;
  GDate recorded;
  int rc;

  victim_decision_row_init (&d);
  d.case_ref = integrity_import_row_get_text (row, DECISION_CASE);
  d.decision = integrity_import_row_get_text (row, DECISION_KIND);
  integrity_import_row_get_date (row, DECISION_DATE, &d.decided);
  get_date (row, DECISION_INFORMED, &d.informed);

  sqlite3_bind_text (job->lookup, 1, d.case_ref, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (job->lookup);
  if (rc == SQLITE_ROW)
    {
      d.district_id = sqlite3_column_int64 (job->lookup, 0);
      d.enhanced = sqlite3_column_int (job->lookup, 1);
      victim_parse_date ((const char *) sqlite3_column_text (job->lookup, 2), &recorded);
    }
  sqlite3_reset (job->lookup);
  if (rc == SQLITE_DONE)
    return integrity_import_row_reject (row, error, DECISION_CASE,
                                        _("'%s' is not a case in the store (import it with victim-cases first)"),
                                        d.case_ref);
  if (rc != SQLITE_ROW)
    {
      integrity_sqlite_error (error, job->db, rc, _("Could not look up the case"));
      return INTEGRITY_IMPORT_ROW_FAILED;
    }
  if (!check_order (row, DECISION_DATE, &d.decided, "the case’s recorded_date", &recorded, error)
      || !check_order (row, DECISION_INFORMED, &d.informed, "decision_date", &d.decided, error))
    return INTEGRITY_IMPORT_ROW_FAILED;

  return WRITE_ROW (job, victim_decision_row_bind, &d, error);
}

/* ---- support-line: crime support line referrals --------------------------- */

static const char *const support_description =
  N_("Referrals to the crime support line from victims whose report was not recorded, "
     "and what became of each.");

enum { SUPPORT_REF, SUPPORT_RECEIVED, SUPPORT_DISTRICT, SUPPORT_GROUP, SUPPORT_OUTCOME, SUPPORT_RECORDED };

static const char * const support_outcomes[] = { "recorded", "already_recorded", "no_crime", "pending", NULL };

static IntegrityImportColumn support_columns[] = {
  [SUPPORT_REF] = { "referral_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY },
  [SUPPORT_RECEIVED] = { "received_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
  [SUPPORT_DISTRICT] = { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_REQUIRED },
  [SUPPORT_GROUP] = { "offence_group", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, NULL },
  [SUPPORT_OUTCOME] = { "outcome", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, support_outcomes },
  [SUPPORT_RECORDED] = { "recorded_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
};

static const Statements support_statements = { victim_support_insert_sql, victim_support_update_sql, NULL };

/* A recorded referral has the day it was recorded, not before it was
 * received; one with no crime, or still pending, has none. */
static IntegrityImportOutcome
support_row (const IntegrityImportRow  *row,
             gpointer                   job_data,
             GError                   **error)
{
  Job *job = job_data;
  VictimSupportRow s = { 0 };
  g_autofree char *outcome = g_ascii_strdown (integrity_import_row_get_text (row, SUPPORT_OUTCOME), -1);

  s.referral_ref = integrity_import_row_get_text (row, SUPPORT_REF);
  integrity_import_row_get_date (row, SUPPORT_RECEIVED, &s.received);
  s.district_id = integrity_import_row_get_district_id (row, SUPPORT_DISTRICT);
  s.offence_group = integrity_import_row_get_text (row, SUPPORT_GROUP);
  get_date (row, SUPPORT_RECORDED, &s.recorded);
  s.outcome = outcome;

  if (g_str_equal (outcome, "recorded") && !g_date_valid (&s.recorded))
    return integrity_import_row_reject (row, error, SUPPORT_RECORDED,
                                        _("a referral with outcome 'recorded' needs a recorded_date"));
  if ((g_str_equal (outcome, "no_crime") || g_str_equal (outcome, "pending")) && g_date_valid (&s.recorded))
    return integrity_import_row_reject (row, error, SUPPORT_RECORDED,
                                        _("a referral with outcome '%s' has no recorded_date"), outcome);
  if (g_str_equal (outcome, "recorded")
      && !check_order (row, SUPPORT_RECORDED, &s.recorded, "received_date", &s.received, error))
    return INTEGRITY_IMPORT_ROW_FAILED;
  return WRITE_ROW (job, victim_support_row_bind, &s, error);
}

/* Declares a kind with what every kind of the plugin shares: its
 * component, its catalogue and its Job, begun from @statements. */
static IntegrityImporter *
importer_new (IntegrityImporterInfo  info,
              const Statements      *statements)
{
  info.component = VICTIM_CARE_ID;
  info.translation_domain = GETTEXT_PACKAGE;
  info.begin = job_begin;
  info.free_job_data = job_free;
  return integrity_importer_new (&info, (gpointer) statements);
}

GPtrArray *
victim_care_create_importers (void)
{
  GPtrArray *importers = g_ptr_array_new_with_free_func (g_object_unref);

  /* The offence-group columns take the shared vocabulary. */
  case_columns[CASE_GROUP].values = integrity_offence_groups ();
  support_columns[SUPPORT_GROUP].values = integrity_offence_groups ();
  decision_columns[DECISION_KIND].values = victim_decisions ();

  g_ptr_array_add (importers, importer_new ((IntegrityImporterInfo) {
    .kind = "victim-cases", .title = N_("Victim care: cases"), .description = case_description,
    .columns = case_columns, .n_columns = G_N_ELEMENTS (case_columns), .row = case_row, .finish = case_finish,
  }, &case_statements));
  g_ptr_array_add (importers, importer_new ((IntegrityImporterInfo) {
    .kind = "victim-decisions", .title = N_("Victim care: key decisions"), .description = decision_description,
    .columns = decision_columns, .n_columns = G_N_ELEMENTS (decision_columns), .row = decision_row,
  }, &decision_statements));
  g_ptr_array_add (importers, importer_new ((IntegrityImporterInfo) {
    .kind = "support-line", .title = N_("Crime support line referrals"), .description = support_description,
    .columns = support_columns, .n_columns = G_N_ELEMENTS (support_columns), .row = support_row,
  }, &support_statements));
  return importers;
}
