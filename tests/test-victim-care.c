/* test-victim-care.c — victim-care rules, imports, figures and work queue. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#include "integrity-test-util.h"
#include "victim-care-data.h"
#include "victim-care-demo.h"
#include "victim-care-importers.h"
#include "victim-care-queries.h"

typedef ItestStore Fixture;

static const char *case_header =
  "case_ref,crime_ref,district,offence_group,domestic_abuse,enhanced_rights,recorded_date,"
  "first_contact_date,needs_assessment_date,support_referral_date,support_declined,status,closed_date,"
  "outcome_code,victim_informed_date,supervisor_reviewed,victim_view_recorded\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  itest_store_set_up (f, VICTIM_CARE_ID, victim_care_migrations, victim_care_create_importers);
}

static char *
query_text (Fixture    *f,
            const char *sql,
            const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static int
count_rows (Fixture    *f,
            const char *table_sql)
{
  g_autofree char *text = query_text (f, table_sql, NULL);
  return text != NULL ? atoi (text) : -1;
}

/* ---- deadlines over Christmas and Easter, as the plugin stores them -------- */

static void
test_deadlines_over_holidays (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) cases = NULL;
  g_autoptr(IntegrityImportJob) decisions = NULL;
  g_autofree char *csv = g_strconcat (case_header,
    /* Thu 23 Dec 2021: Fri 24 is day 1; Mon 27 and Tue 28 are the Christmas
     * and Boxing Day substitutes; Wed 29 is day 2. Referred on the 29th: met. */
    "X1,,North,theft,N,N,2021-12-23,,,2021-12-29,N,open,,,,N,N\n"
    /* Thu 24 Dec 2020: Fri 25 Christmas, Mon 28 the Boxing Day substitute,
     * Tue 29 day 1, Wed 30 day 2. Referred on Thu 31: missed. */
    "X2,,North,theft,N,N,2020-12-24,,,2020-12-31,N,open,,,,N,N\n"
    /* Thu 1 Apr 2021, before Easter: Good Friday 2 and Easter Monday 5 are
     * holidays, so day 1 is Tue 6 and day 2 Wed 7. */
    "X3,,North,theft,N,N,2021-04-01,,,,Y,open,,,,N,N\n"
    /* Domestic abuse: enhanced rights whatever the column says. */
    "X4,,South,stalking_harassment,Y,N,2021-04-01,,,,N,open,,,,N,N\n", NULL);
  g_autofree char *x1 = NULL, *x2 = NULL, *x3 = NULL;
  g_autofree char *arrest = NULL, *charge = NULL, *closure = NULL;

  cases = itest_store_import (f, "victim-cases", "cases.csv", csv, TRUE);
  x1 = query_text (f, "SELECT referral_deadline || ' ' || referral_state FROM victim_case WHERE case_ref = ?1", "X1");
  x2 = query_text (f, "SELECT referral_deadline || ' ' || referral_state FROM victim_case WHERE case_ref = ?1", "X2");
  x3 = query_text (f, "SELECT referral_deadline || ' ' || referral_state FROM victim_case WHERE case_ref = ?1", "X3");
  g_assert_cmpstr (x1, ==, "2021-12-29 1");
  g_assert_cmpstr (x2, ==, "2020-12-30 2");
  g_assert_cmpstr (x3, ==, "2021-04-07 1");  /* declined: offered, so met */

  decisions = itest_store_import (f, "victim-decisions", "decisions.csv",
    "case_ref,decision_date,decision,victim_informed_date\n"
    /* Standard: 5 working days from Thu 1 Apr 2021 → Tue 6, Wed 7, Thu 8, Fri 9, Mon 12. */
    "X3,2021-04-01,arrest,2021-04-12\n"
    /* Enhanced (domestic abuse): 1 working day from Thu 1 Apr → Tue 6. Told Wed 7: missed. */
    "X4,2021-04-01,charge,2021-04-07\n"
    /* Not yet told of the closure on Thu 23 Dec 2021: pending (checked below). */
    "X1,2021-12-23,closure,\n", TRUE);
  arrest = query_text (f, "SELECT inform_deadline || ' ' || state FROM victim_decision WHERE case_ref = ?1", "X3");
  charge = query_text (f, "SELECT inform_deadline || ' ' || state FROM victim_decision WHERE case_ref = ?1", "X4");
  closure = query_text (f, "SELECT inform_deadline || ' ' || state FROM victim_decision WHERE case_ref = ?1", "X1");
  g_assert_cmpstr (arrest, ==, "2021-04-12 1");
  g_assert_cmpstr (charge, ==, "2021-04-06 2");
  /* Thu 23 Dec 2021 + 5: Fri 24, Wed 29, Thu 30, Fri 31, Tue 4 Jan (Mon 3 Jan is the New Year substitute). */
  g_assert_cmpstr (closure, ==, "2022-01-04 0");
}

/* ---- every import rule, with its exact message -------------------------------- */

static void
assert_errors (IntegrityImportJob *job,
               const char * const *expected)
{
  GPtrArray *errors = integrity_import_job_get_errors (job);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, errors->len); i++)
    g_assert_cmpstr (g_ptr_array_index (errors, i), ==, expected[i]);
  g_assert_cmpuint (errors->len, ==, n);
}

static void
test_case_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) job = NULL;
  g_autofree char *csv = g_strconcat (case_header,
    "C1,,North,theft,N,N,2021-03-05,2021-03-05,,,N,open,,,,N,N\n"
    "C2,,North,theft,N,N,2021-03-05,2021-03-04,,,N,open,,,,N,N\n"
    "C3,,North,theft,N,N,2021-03-05,,04/03/2021,,N,open,,,,N,N\n"
    "C4,,North,theft,N,N,2021-03-05,,,2021-03-01,N,open,,,,N,N\n"
    "C5,,North,theft,N,N,2021-03-05,,,,N,closed,,18,,N,N\n"
    "C6,,North,theft,N,N,2021-03-05,,,,N,closed,2021-03-09,,,N,N\n"
    "C7,,North,theft,N,N,2021-03-05,,,,N,open,2021-03-09,,,N,N\n"
    "C8,,North,theft,N,N,2021-03-05,,,,N,open,,18,,N,N\n"
    "C9,,North,theft,N,N,2021-03-05,,,,N,open,,,2021-03-09,N,N\n"
    "C10,,North,theft,N,N,2021-03-05,,,,N,closed,2021-03-02,18,,N,N\n"
    "C11,,North,theft,N,N,2021-03-05,,,,N,closed,2021-03-09,18,2021-03-08,N,N\n"
    "C12,,North,theft,N,N,2021-03-05,,,,N,closed,2021-03-09,23,,N,N\n"
    "C13,,North,theft,N,N,2021-03-05,,,,N,pending,,,,N,N\n", NULL);
  const char *expected[] = {
    "cases.csv:3: column 'first_contact_date': '2021-03-04' is before recorded_date (2021-03-05)",
    "cases.csv:4: column 'needs_assessment_date': '2021-03-04' is before recorded_date (2021-03-05)",
    "cases.csv:5: column 'support_referral_date': '2021-03-01' is before recorded_date (2021-03-05)",
    "cases.csv:6: column 'closed_date': a closed case needs a closed_date",
    "cases.csv:7: column 'outcome_code': a closed case needs an outcome_code",
    "cases.csv:8: column 'closed_date': an open case has no closed_date",
    "cases.csv:9: column 'outcome_code': an open case has no outcome_code",
    "cases.csv:10: column 'victim_informed_date': an open case has no victim_informed_date "
      "(the day the victim was told of the closure)",
    "cases.csv:11: column 'closed_date': '2021-03-02' is before recorded_date (2021-03-05)",
    "cases.csv:12: column 'victim_informed_date': '2021-03-08' is before closed_date (2021-03-09)",
    NULL, NULL, NULL,
  };
  GPtrArray *errors;

  job = itest_store_import (f, "victim-cases", "cases.csv", csv, FALSE);
  errors = integrity_import_job_get_errors (job);
  g_assert_cmpuint (errors->len, ==, 12);
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (errors, i), ==, expected[i]);
  /* Range and vocabulary come from the column definitions. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 10), "cases.csv:13: column 'outcome_code': '23'"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 11), "cases.csv:14: column 'status': 'pending'"));
  /* Nothing was imported, not even the good first row. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM victim_case"), ==, 0);
}

static void
test_decision_and_support_rules (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IntegrityImportJob) cases = NULL;
  g_autoptr(IntegrityImportJob) decisions = NULL;
  g_autoptr(IntegrityImportJob) support = NULL;
  g_autofree char *csv = g_strconcat (case_header, "D1,,North,theft,N,N,2021-03-05,,,,N,open,,,,N,N\n", NULL);
  const char *decision_errors[] = {
    "decisions.csv:3: column 'case_ref': 'NOPE' is not a case in the store (import it with victim-cases first)",
    "decisions.csv:4: column 'decision_date': '2021-03-04' is before the case’s recorded_date (2021-03-05)",
    "decisions.csv:5: column 'victim_informed_date': '2021-03-06' is before decision_date (2021-03-08)",
    NULL,
  };
  const char *support_errors[] = {
    "support.csv:3: column 'recorded_date': a referral with outcome 'recorded' needs a recorded_date",
    "support.csv:4: column 'recorded_date': a referral with outcome 'no_crime' has no recorded_date",
    "support.csv:5: column 'recorded_date': a referral with outcome 'pending' has no recorded_date",
    "support.csv:6: column 'recorded_date': '2021-03-01' is before received_date (2021-03-02)",
    NULL,
  };

  cases = itest_store_import (f, "victim-cases", "cases.csv", csv, TRUE);
  decisions = itest_store_import (f, "victim-decisions", "decisions.csv",
                                  "case_ref,decision_date,decision,victim_informed_date\n"
                                  "D1,2021-03-05,arrest,2021-03-05\n"
                                  "NOPE,2021-03-05,arrest,\n"
                                  "D1,2021-03-04,interview,\n"
                                  "D1,2021-03-08,bail,2021-03-06\n", FALSE);
  assert_errors (decisions, decision_errors);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM victim_decision"), ==, 0);

  support = itest_store_import (f, "support-line", "support.csv",
                                "referral_ref,received_date,district,offence_group,outcome,recorded_date\n"
                                "S1,2021-03-02,North,theft,recorded,2021-03-02\n"
                                "S2,2021-03-02,North,theft,recorded,\n"
                                "S3,2021-03-02,North,theft,no_crime,2021-03-03\n"
                                "S4,2021-03-02,North,theft,pending,2021-03-03\n"
                                "S5,2021-03-02,North,theft,recorded,2021-03-01\n", FALSE);
  assert_errors (support, support_errors);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM victim_support_line"), ==, 0);
}

/* ---- the figures, worked out by hand ------------------------------------------ */

/* March 2021 (no bank holidays), two districts:
 *   A1 North  rec Mon 1   contact 1 (0 wd)   referred Wed 3 = deadline: met     open
 *   A2 North  rec Mon 1   contact 2 (1 wd)   referred Thu 4: missed             closed Wed 10 (18),
 *                                                              told Fri 12, reviewed
 *   A3 South  rec Tue 2   contact 4 (2 wd)   declined: met; domestic abuse      closed Mon 15 (16),
 *                                                              not told, not reviewed
 *   A4 South  rec Wed 3   no contact         not referred: deadline Fri 5 passed (enhanced) open
 *   A5 North  rec Mon 8   contact 11 (3 wd)  referred Tue 9: met                closed Sat 20 (1),
 *                                                              told Mon 22, reviewed
 * Referred in time: A1, A3, A5 of 5 = 60%. First contact: 0, 1, 2, 3 → median 1.5.
 * Closures A2, A3, A5: told 2 of 3, reviewed 2 of 3.
 * Decisions: A1 arrest Tue 2 (standard, due Tue 9) told Fri 5: met.
 *            A3 arrest Tue 2 (enhanced, due Wed 3) told Thu 4: missed.
 *            A3 bail Wed 3 (due Thu 4) told Thu 4: met.
 *            A4 interview Thu 4 (enhanced, due Fri 5) not told: overdue.
 *            A5 charge Sat 20 (standard, due Fri 26) told Mon 29: missed.
 * Enhanced 1 of 3; standard 1 of 2. The data's latest day is Mon 29 March:
 * the queue as at then holds A4's referral and interview (due Fri 5, 16
 * working days overdue) and A3's closure (due Tue 16, 9 working days). */
static void
build_march (Fixture *f)
{
  g_autoptr(IntegrityImportJob) cases = NULL;
  g_autoptr(IntegrityImportJob) decisions = NULL;
  g_autofree char *csv = g_strconcat (case_header,
    "A1,CR1,North,theft,N,N,2021-03-01,2021-03-01,,2021-03-03,N,open,,,,N,N\n"
    "A2,CR2,North,theft,N,N,2021-03-01,2021-03-02,,2021-03-04,N,closed,2021-03-10,18,2021-03-12,Y,N\n"
    "A3,CR3,South,violence_with_injury,Y,N,2021-03-02,2021-03-04,,,Y,closed,2021-03-15,16,,N,Y\n"
    "A4,CR4,South,stalking_harassment,N,Y,2021-03-03,,,,N,open,,,,N,N\n"
    "A5,CR5,North,burglary,N,N,2021-03-08,2021-03-11,,2021-03-09,N,closed,2021-03-20,1,2021-03-22,Y,N\n",
    NULL);

  cases = itest_store_import (f, "victim-cases", "cases.csv", csv, TRUE);
  decisions = itest_store_import (f, "victim-decisions", "decisions.csv",
                                  "case_ref,decision_date,decision,victim_informed_date\n"
                                  "A1,2021-03-02,arrest,2021-03-05\n"
                                  "A3,2021-03-02,arrest,2021-03-04\n"
                                  "A3,2021-03-03,bail,2021-03-04\n"
                                  "A4,2021-03-04,interview,\n"
                                  "A5,2021-03-20,charge,2021-03-29\n", TRUE);
}

static IntegrityKpi *
find_kpi (GPtrArray  *kpis,
          const char *id)
{
  for (guint i = 0; i < kpis->len; i++)
    if (g_strcmp0 (((IntegrityKpi *) g_ptr_array_index (kpis, i))->id, id) == 0)
      return g_ptr_array_index (kpis, i);
  g_assert_not_reached ();
}

static void
test_kpis_by_hand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autoptr(VictimPageData) page = NULL;
  g_autoptr(GError) error = NULL;
  IntegrityKpi *referral;
  GDate expected_as_at;

  build_march (f);
  page = victim_care_query_page (integrity_store_get_connection (f->store), filter, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&expected_as_at, 29, G_DATE_MARCH, 2021);
  g_assert_cmpint (g_date_compare (&page->as_at, &expected_as_at), ==, 0);

  victim_care_kpis_from_data (page, kpis);
  referral = find_kpi (kpis, "referral-in-time");
  g_assert_cmpfloat_with_epsilon (referral->value, 3.0 / 5.0, 1e-9);
  g_assert_cmpuint (referral->sample_size, ==, 5);
  g_assert_cmpfloat_with_epsilon (referral->target, 0.90, 1e-9);
  g_assert_cmpint (referral->status, ==, INTEGRITY_KPI_STATUS_BAD);
  g_assert_true (isnan (referral->previous));
  g_assert_nonnull (strstr (referral->explanation, "3 of 5 victims"));
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "decisions-told-enhanced")->value, 1.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "decisions-told-standard")->value, 1.0 / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "closures-victim-informed")->value, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "closures-supervisor-reviewed")->value, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "days-to-first-contact")->value, 1.5, 1e-9);
  g_assert_false (find_kpi (kpis, "days-to-first-contact")->higher_is_better);

  /* Outcomes by band, and the victims' views recorded before 14/16. */
  g_assert_cmpuint (g_array_index (page->outcomes, guint64, VICTIM_OUTCOME_CHARGE), ==, 1);
  g_assert_cmpuint (g_array_index (page->outcomes, guint64, VICTIM_OUTCOME_NO_SUSPECT), ==, 1);
  g_assert_cmpuint (g_array_index (page->outcomes, guint64, VICTIM_OUTCOME_NO_SUPPORT_DOMESTIC), ==, 1);
  g_assert_cmpuint (page->view_outcomes, ==, 1);
  g_assert_cmpuint (page->view_recorded, ==, 1);

  /* Open caseload on 29 March: A1 (28 days) and A4 (26 days), both 8–28 days. */
  g_assert_cmpuint (page->caseload->len, ==, 2);
  g_assert_cmpuint (((VictimCaseload *) g_ptr_array_index (page->caseload, 0))->bands[1], ==, 1);
  g_assert_cmpuint (((VictimCaseload *) g_ptr_array_index (page->caseload, 1))->bands[1], ==, 1);
  g_assert_cmpuint (page->queue_overdue, ==, 3);
  g_assert_cmpuint (page->queue_due_today, ==, 0);
}

static void
test_target_from_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

  build_march (f);
  g_assert_true (integrity_store_exec (f->store, "INSERT INTO target VALUES ('victim-referral', 0.55)", NULL));
  victim_care_collect_kpis (integrity_store_get_connection (f->store), filter, kpis);
  g_assert_cmpint (find_kpi (kpis, "referral-in-time")->status, ==, INTEGRITY_KPI_STATUS_GOOD);
  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "referral-in-time")->target, 0.55, 1e-9);
}

/* ---- the work queue: filter and sort ------------------------------------------- */

static GPtrArray *
fetch_queue (Fixture          *f,
             VictimQueueQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = victim_queue_fetch (integrity_store_get_connection (f->store), query, 0, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpint (victim_queue_count (integrity_store_get_connection (f->store), query, NULL), ==, rows->len);
  return rows;
}

static void
test_queue_filter_and_sort (Fixture       *f,
                            gconstpointer  data)
{
  VictimQueueQuery query = { .kind = -1, .when = VICTIM_WHEN_ALL, .sort = VICTIM_SORT_DEADLINE };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_ref = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) north = NULL;
  g_autoptr(GPtrArray) today = NULL;
  VictimQueueRow *row;

  build_march (f);
  g_date_clear (&query.as_at, 1);

  /* Most overdue first; ties by reference, then kind (referral before decision). */
  all = fetch_queue (f, &query);
  g_assert_cmpuint (all->len, ==, 3);
  row = g_ptr_array_index (all, 0);
  g_assert_cmpstr (row->case_ref, ==, "A4");
  g_assert_cmpint (row->kind, ==, VICTIM_DUE_REFERRAL);
  g_assert_cmpint (row->days_overdue, ==, 16);
  row = g_ptr_array_index (all, 1);
  g_assert_cmpint (row->kind, ==, VICTIM_DUE_DECISION);
  g_assert_cmpstr (row->decision, ==, "interview");
  row = g_ptr_array_index (all, 2);
  g_assert_cmpstr (row->case_ref, ==, "A3");
  g_assert_cmpint (row->kind, ==, VICTIM_DUE_CLOSURE);
  g_assert_cmpint (row->days_overdue, ==, 9);
  g_assert_cmpstr (row->district, ==, "South");

  query.sort = VICTIM_SORT_REFERENCE;
  query.descending = TRUE;
  by_ref = fetch_queue (f, &query);
  g_assert_cmpstr (((VictimQueueRow *) g_ptr_array_index (by_ref, 0))->case_ref, ==, "A4");
  g_assert_cmpstr (((VictimQueueRow *) g_ptr_array_index (by_ref, 2))->case_ref, ==, "A3");

  query.kind = VICTIM_DUE_CLOSURE;
  closures = fetch_queue (f, &query);
  g_assert_cmpuint (closures->len, ==, 1);

  /* Search is a reference prefix, any case; LIKE's wildcards are literal. */
  query.kind = -1;
  query.search = (char *) "a4";
  found = fetch_queue (f, &query);
  g_assert_cmpuint (found->len, ==, 2);
  query.search = (char *) "%";
  g_assert_cmpint (victim_queue_count (integrity_store_get_connection (f->store), &query, NULL), ==, 0);
  query.search = NULL;

  query.district = (char *) "north";
  north = fetch_queue (f, &query);
  g_assert_cmpuint (north->len, ==, 0);
  query.district = NULL;

  /* As at Fri 5 March, A4's two deadlines are due today; A3's closure is not yet due. */
  g_date_set_dmy (&query.as_at, 5, G_DATE_MARCH, 2021);
  query.when = VICTIM_WHEN_DUE_TODAY;
  today = fetch_queue (f, &query);
  g_assert_cmpuint (today->len, ==, 2);
  g_assert_cmpint (((VictimQueueRow *) g_ptr_array_index (today, 0))->days_overdue, ==, 0);
}

static void
test_queue_follows_reimport (Fixture       *f,
                             gconstpointer  data)
{
  VictimQueueQuery query = { .kind = -1, .when = VICTIM_WHEN_ALL, .sort = VICTIM_SORT_DEADLINE };
  g_autoptr(IntegrityImportJob) again = NULL;
  g_autofree char *csv = g_strconcat (case_header,
    /* A4 referred at last, and no longer enhanced nor in South. */
    "A4,CR4,North,stalking_harassment,N,N,2021-03-03,,,2021-03-10,N,open,,,,N,N\n", NULL);
  g_autofree char *deadline = NULL;

  build_march (f);
  g_date_clear (&query.as_at, 1);
  again = itest_store_import (f, "victim-cases", "again.csv", csv, TRUE);
  g_assert_cmpint (integrity_import_job_get_rows_updated (again), ==, 1);

  /* The referral has left the queue; the interview's deadline is now 5 working days. */
  g_assert_cmpint (victim_queue_count (integrity_store_get_connection (f->store), &query, NULL), ==, 2);
  deadline = query_text (f, "SELECT inform_deadline || ' ' || district_id FROM victim_decision WHERE case_ref = ?1", "A4");
  g_assert_cmpstr (deadline, ==, "2021-03-11 1");
  g_assert_cmpint (count_rows (f, "SELECT sum(referral_missed) FROM victim_case_rollup"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT sum(pending) FROM victim_decision_rollup WHERE enhanced = 0"), ==, 1);
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  GDate as_at;
  guint deadlines = 0, missed = 0, overdue = 0;

  build_march (f);
  g_date_set_dmy (&as_at, 29, G_DATE_MARCH, 2021);
  entries = victim_case_timeline (integrity_store_get_connection (f->store), "A3", &as_at, NULL);
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      VictimTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (i > 0)
        g_assert_cmpint (g_date_compare (&((VictimTimelineEntry *) g_ptr_array_index (entries, i - 1))->date,
                                         &entry->date), <=, 0);
      deadlines += entry->is_deadline;
      missed += entry->is_deadline && entry->status == INTEGRITY_DEADLINE_MISSED;
      overdue += entry->is_deadline && entry->status == INTEGRITY_DEADLINE_OVERDUE;
    }
  /* Arrest told late, bail in time, closure never told; support was declined. */
  g_assert_cmpuint (deadlines, ==, 3);
  g_assert_cmpuint (missed, ==, 1);
  g_assert_cmpuint (overdue, ==, 1);
}

/* ---- the demo's story ----------------------------------------------------------- */

static double
referral_rate (sqlite3    *db,
               int         from_year,
               int         from_month,
               int         to_year,
               int         to_month,
               const char *district)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (from_year, from_month),
                                                            integrity_month_new (to_year, to_month), district);
  g_autoptr(VictimPageData) page = victim_care_query_page (db, filter, NULL);

  g_assert_nonnull (page);
  return victim_count_rate (&page->totals[VICTIM_RATE_REFERRAL]);
}

static void
test_demo_story (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) early = integrity_filter_new (integrity_month_new (2020, 1), integrity_month_new (2020, 5), NULL);
  g_autoptr(IntegrityFilter) late = integrity_filter_new (integrity_month_new (2021, 7), integrity_month_new (2021, 12), NULL);
  g_autoptr(VictimPageData) before_line = NULL;
  g_autoptr(VictimPageData) after_line = NULL;
  sqlite3 *db = integrity_store_get_connection (f->store);
  double start, low, end;
  VictimQueueQuery query = { .kind = -1, .when = VICTIM_WHEN_ALL };

  g_assert_true (integrity_store_begin (f->store, &error));
  g_assert_true (victim_care_generate_demo (f->store, rand, 1, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_commit (f->store, &error));

  start = referral_rate (db, 2018, 7, 2019, 6, NULL);
  low = referral_rate (db, 2019, 11, 2020, 10, NULL);
  end = referral_rate (db, 2021, 7, 2021, 12, NULL);
  g_test_message ("referral in time: %.3f → %.3f → %.3f", start, low, end);
  g_assert_cmpfloat (low, <, start - 0.05);
  g_assert_cmpfloat (end, >, low + 0.1);
  g_assert_cmpfloat (referral_rate (db, 2019, 11, 2020, 10, "Eastfield"), <, low);

  /* The support line opens in mid-2020. */
  before_line = victim_care_query_page (db, early, NULL);
  after_line = victim_care_query_page (db, late, NULL);
  g_assert_cmpuint (before_line->support_total, ==, 0);
  g_assert_cmpuint (after_line->support_total, >, 500);

  /* Something is outstanding at the end of the data. */
  g_date_clear (&query.as_at, 1);
  g_assert_cmpint (victim_queue_count (db, &query, NULL), >, 50);
}

/* The dashboard's queries read the rollups, the queue's indexes or the
 * open-case index: never a scan of the case or decision tables. */
static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  const char *queries[] = {
    "SELECT month, sum(referral_met) FROM victim_case_rollup WHERE month BETWEEN 1 AND 2 GROUP BY month",
    "SELECT month, sum(met) FROM victim_decision_rollup WHERE district_id = 1 AND month BETWEEN 1 AND 2 GROUP BY month",
    "SELECT count(*) FROM victim_queue WHERE deadline <= '2021-01-01'",
    "SELECT count(*) FROM victim_queue WHERE district_id = 1 AND deadline <= '2021-01-01'",
    "SELECT count(*) FROM victim_queue WHERE deadline > '2021-01-01' AND month BETWEEN 1 AND 2",
    "SELECT district_id, count(*) FROM victim_case WHERE status = 'open' GROUP BY district_id",
    "SELECT count(*) FROM victim_queue WHERE deadline <= '2021-01-01' AND case_ref LIKE 'ab%' ESCAPE '\\'",
    "SELECT d.name, sum(c.recorded_date >= '2021') FROM victim_case c JOIN district d ON d.id = c.district_id"
    " WHERE c.status = 'open' AND (-1 < 0 OR c.district_id = -1) GROUP BY c.district_id ORDER BY d.name",
    "SELECT q.case_ref FROM victim_queue q JOIN district d ON d.id = q.district_id WHERE q.deadline <= '2021'"
    " ORDER BY q.deadline, q.case_ref, q.kind, q.item LIMIT 200 OFFSET 400",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (integrity_store_get_connection (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_test_message ("%s\n  %s", queries[i], detail);
          /* The open caseload reads the partial index of open cases only. */
          if (g_str_has_prefix (detail, "SCAN victim_"))
            g_assert_nonnull (strstr (detail, "USING COVERING INDEX victim_case_open"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/victim-care/" name, Fixture, NULL, fixture_set_up, func, itest_store_tear_down)
  ADD ("deadlines-over-holidays", test_deadlines_over_holidays);
  ADD ("case-rules", test_case_rules);
  ADD ("decision-and-support-rules", test_decision_and_support_rules);
  ADD ("kpis-by-hand", test_kpis_by_hand);
  ADD ("target-from-store", test_target_from_store);
  ADD ("queue-filter-and-sort", test_queue_filter_and_sort);
  ADD ("queue-follows-reimport", test_queue_follows_reimport);
  ADD ("timeline", test_timeline);
  ADD ("demo-story", test_demo_story);
  ADD ("query-plans", test_query_plans);
#undef ADD

  return g_test_run ();
}
