/* victim-care-demo.c — a plausible, seeded victim-care story for the demo store. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <math.h>

#include "victim-care-demo.h"
#include "victim-care-schema.h"

/* The story: victim care slips from mid-2019 with the recording rate,
 * stays low through 2020, and improves once the victim-focused refresher
 * training starts in November 2020. Eastfield and Westmoor lag. The crime
 * support line opens in July 2020. The data ends on 31 December 2021, and
 * what was still outstanding then is the work queue. */
#define CASES_PER_DISTRICT_MONTH 45.0

static const char *groups[] = {
  "violence_with_injury", "violence_without_injury", "stalking_harassment", "sexual_offences",
  "robbery", "burglary", "theft", "criminal_damage_arson", "public_order",
};

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *cases;
  sqlite3_stmt *decisions;
  sqlite3_stmt *support;
  GRand        *rand;
  GDate         end;
  guint         serial;
} Demo;

/* Points of compliance against the force's usual level, by month. */
static double
care_quality (IntegrityMonth month)
{
  IntegrityMonth slip = integrity_month_new (2019, 7);
  IntegrityMonth low = integrity_month_new (2019, 11);
  IntegrityMonth training = integrity_month_new (2020, 11);
  IntegrityMonth recovered = integrity_month_new (2021, 9);

  if (month < slip)
    return 0.0;
  if (month < low)
    return -0.16 * (month - slip) / (double) (low - slip);
  if (month < training)
    return -0.16;
  if (month < recovered)
    return -0.16 + 0.22 * (month - training) / (double) (recovered - training);
  return 0.06;
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < CLAMP (p, 0.0, 1.0);
}

/* @date plus @days working days, or cleared if that is after the data ends. */
static void
after_working_days (Demo        *demo,
                    const GDate *from,
                    guint        days,
                    GDate       *out)
{
  integrity_calendar_add_working_days (from, days, out);
  if (g_date_compare (out, &demo->end) > 0)
    g_date_clear (out, 1);
}

/* Done in time (0 to @limit working days) with probability @p, else late. */
static void
event_after (Demo        *demo,
             const GDate *from,
             guint        limit,
             double       p,
             GDate       *out)
{
  guint days = chance (demo, p) ? (guint) g_rand_int_range (demo->rand, 0, (gint32) limit + 1)
                                : limit + (guint) g_rand_int_range (demo->rand, 1, 9);

  after_working_days (demo, from, days, out);
}

/* Most things are done in the end: what is still outstanding when the
 * data ends is mostly recent, with a thin tail of old cases forgotten. */
static gboolean
never_done (Demo        *demo,
            const GDate *from)
{
  return chance (demo, g_date_days_between (from, &demo->end) < 14 ? 0.08 : 0.002);
}

static gboolean
step (Demo          *demo,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, demo->db, rc, "victim-care demo");
  return TRUE;
}

/* "VC03-000123": printf's "%s%02u%c%06u" without its parsing, for millions of rows. */
static void
format_ref (char        *out,
            const char  *prefix,
            guint        district_index,
            char         separator,
            guint        serial)
{
  char *end = integrity_demo_put_number (g_stpcpy (out, prefix), district_index, 2);

  *end++ = separator;
  integrity_demo_put_number (end, serial, 6);
}

static int
pick_outcome (Demo     *demo,
              gboolean  domestic)
{
  static const struct { int code; double share, domestic_share; } outcomes[] = {
    { 1, 0.14, 0.12 }, { 3, 0.03, 0.02 }, { 8, 0.06, 0.03 }, { 14, 0.08, 0.12 },
    { 15, 0.08, 0.08 }, { 16, 0.10, 0.30 }, { 18, 0.38, 0.10 }, { 21, 0.06, 0.10 }, { 20, 0.07, 0.13 },
  };
  double draw = g_rand_double (demo->rand);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      draw -= domestic ? outcomes[i].domestic_share : outcomes[i].share;
      if (draw < 0)
        return outcomes[i].code;
    }
  return 18;
}

static gboolean
add_decision (Demo                *demo,
              const VictimCaseRow *c,
              const char          *decision,
              const GDate         *decided,
              double               quality,
              GError             **error)
{
  VictimDecisionRow d;
  gboolean enhanced = c->enhanced_rights || c->domestic_abuse;
  guint days = integrity_victims_code_days_to_inform (c->enhanced_rights, c->domestic_abuse);
  /* Enhanced victims' one day is the hardest to meet, and slipped most. */
  double p = (enhanced ? 0.84 + 1.3 * quality : 0.90 + quality);

  if (!g_date_valid (decided) || g_date_compare (decided, &demo->end) > 0)
    return TRUE;
  victim_decision_row_init (&d);
  d.case_ref = c->case_ref;
  d.decision = decision;
  d.decided = *decided;
  d.district_id = c->district_id;
  d.enhanced = enhanced;
  if (!never_done (demo, decided))
    event_after (demo, decided, days, p, &d.informed);
  victim_decision_row_bind (&d, demo->decisions);
  return step (demo, demo->decisions, error);
}

static gboolean
add_case (Demo            *demo,
          guint            district_index,
          gint64           district_id,
          IntegrityMonth   month,
          GError         **error)
{
  double quality = care_quality (month) + 1.6 * integrity_demo_district_effect (district_index);
  gboolean trained = month >= integrity_month_new (2020, 11);
  char case_ref[32], crime_ref[32];
  VictimCaseRow c;
  GDate decided[3];
  const char *kinds[3];
  guint n_decisions = 0;

  victim_case_row_init (&c);
  format_ref (case_ref, "VC", district_index, '-', ++demo->serial);
  format_ref (crime_ref, "CR", district_index, '/', demo->serial);
  c.case_ref = case_ref;
  c.crime_ref = crime_ref;
  c.district_id = district_id;
  c.offence_group = groups[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (groups))];
  c.domestic_abuse = chance (demo, g_str_has_prefix (c.offence_group, "violence")
                                    || g_str_equal (c.offence_group, "stalking_harassment") ? 0.45 : 0.08);
  c.enhanced_rights = chance (demo, 0.15);
  integrity_month_first_day (month, &c.recorded);
  g_date_add_days (&c.recorded, (guint) g_rand_int_range (demo->rand, 0, integrity_month_get_days (month)));
  if (g_date_compare (&c.recorded, &demo->end) > 0)
    return TRUE;

  /* First contact: usually the same or next working day; slower in the dip. */
  after_working_days (demo, &c.recorded,
                      (guint) MIN (integrity_demo_poisson (demo->rand, MAX (0.4, 0.9 - 6.0 * quality)), 20),
                      &c.first_contact);
  if (g_date_valid (&c.first_contact))
    after_working_days (demo, &c.first_contact, (guint) g_rand_int_range (demo->rand, 0, 3), &c.needs_assessment);
  c.support_declined = chance (demo, 0.12);
  if (!c.support_declined && !never_done (demo, &c.recorded))
    event_after (demo, &c.recorded, INTEGRITY_VICTIMS_CODE_REFERRAL_DAYS, 0.88 + quality, &c.referral);

  /* Key decisions, then (most often) closure. */
  if (chance (demo, c.domestic_abuse ? 0.7 : 0.35))
    {
      decided[n_decisions] = c.recorded;
      g_date_add_days (&decided[n_decisions], (guint) g_rand_int_range (demo->rand, 0, 4));
      kinds[n_decisions++] = "arrest";
      decided[n_decisions] = decided[n_decisions - 1];
      g_date_add_days (&decided[n_decisions], 1);
      kinds[n_decisions++] = chance (demo, 0.5) ? "bail" : "released_under_investigation";
    }
  c.closed_date = c.recorded;
  g_date_add_days (&c.closed_date, (guint) (chance (demo, 0.1) ? g_rand_int_range (demo->rand, 60, 400)
                                                               : g_rand_int_range (demo->rand, 3, 75)));
  if (g_date_compare (&c.closed_date, &demo->end) > 0)
    g_date_clear (&c.closed_date, 1);
  else
    {
      c.closed = TRUE;
      c.outcome_code = pick_outcome (demo, c.domestic_abuse);
      decided[n_decisions] = c.closed_date;
      kinds[n_decisions++] = c.outcome_code == 1 ? "charge" : "closure";
      if (!never_done (demo, &c.closed_date))
        event_after (demo, &c.closed_date,
                     integrity_victims_code_days_to_inform (c.enhanced_rights, c.domestic_abuse),
                     0.85 + quality, &c.informed);
      c.supervisor_reviewed = chance (demo, 0.84 + 1.2 * quality);
      c.victim_view_recorded = chance (demo, trained ? 0.9 : 0.6);
    }
  victim_case_row_bind (&c, demo->cases);
  if (!step (demo, demo->cases, error))
    return FALSE;
  for (guint i = 0; i < n_decisions; i++)
    if (!add_decision (demo, &c, kinds[i], &decided[i], quality, error))
      return FALSE;
  return TRUE;
}

/* The crime support line, from 1 July 2020: calls from victims whose
 * report was not recorded, most of which end in a recorded crime. */
static gboolean
add_support_week (Demo         *demo,
                  const GDate  *monday,
                  gint64        district_id,
                  guint         district_index,
                  GError      **error)
{
  GDate opened;
  double weeks_open;
  guint n;

  g_date_set_dmy (&opened, 29, G_DATE_JUNE, 2020);
  weeks_open = g_date_days_between (&opened, monday) / 7.0;
  n = integrity_demo_poisson (demo->rand, MIN (3.0 + weeks_open * 0.08, 9.0));

  for (guint i = 0; i < n; i++)
    {
      VictimSupportRow s = { 0 };
      char ref[32];
      double draw = g_rand_double (demo->rand);

      format_ref (ref, "SL", district_index, '-', ++demo->serial);
      s.referral_ref = ref;
      s.received = *monday;
      g_date_add_days (&s.received, (guint) g_rand_int_range (demo->rand, 0, 7));
      if (g_date_compare (&s.received, &demo->end) > 0 || g_date_days_between (&opened, &s.received) < 2)
        continue;  /* the line opens on Wednesday 1 July 2020 */
      s.district_id = district_id;
      s.offence_group = groups[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (groups))];
      g_date_clear (&s.recorded, 1);
      if (g_date_days_between (&s.received, &demo->end) < 10 && draw < 0.5)
        s.outcome = "pending";
      else if (draw < 0.58)
        {
          s.outcome = "recorded";
          after_working_days (demo, &s.received, (guint) g_rand_int_range (demo->rand, 0, 3), &s.recorded);
          if (!g_date_valid (&s.recorded))
            s.outcome = "pending";
        }
      else if (draw < 0.78)
        s.outcome = "already_recorded";
      else
        s.outcome = "no_crime";
      victim_support_row_bind (&s, demo->support);
      if (!step (demo, demo->support, error))
        return FALSE;
    }
  return TRUE;
}

/* What the *_added triggers of victim-care-schema.c do row by row, for one
 * district's rows: the cases after rowid ?1 with their decisions, and the
 * support-line calls after rowid ?2. Summed while they are still in the
 * cache, so no sort ever holds more than a district; NOT INDEXED keeps
 * the planner on those rowid ranges. test-query-plans checks that the
 * triggers give the same rollups. */
#define ROLLUP_BATCH \
  "INSERT INTO victim_case_rollup SELECT month, district_id, (enhanced_rights OR domestic_abuse) AS e," \
  " count(*), sum(referral_state = 1), sum(referral_state = 2), sum(referral_state = 0)" \
  " FROM victim_case NOT INDEXED WHERE rowid > ?1 GROUP BY month, district_id, e;" \
  "INSERT INTO victim_contact_rollup SELECT month, district_id, min(contact_days, 30) AS d, count(*)" \
  " FROM victim_case NOT INDEXED WHERE rowid > ?1 AND contact_days IS NOT NULL" \
  " GROUP BY month, district_id, d;" \
  "INSERT INTO victim_closure_rollup SELECT closed_month, district_id, domestic_abuse, outcome_code," \
  " count(*), sum(closure_state = 1), sum(closure_state = 0), sum(supervisor_reviewed)," \
  " sum(victim_view_recorded) FROM victim_case NOT INDEXED WHERE rowid > ?1 AND status = 'closed'" \
  " GROUP BY closed_month, district_id, domestic_abuse, outcome_code;" \
  "INSERT INTO victim_decision_rollup SELECT d.month, d.district_id, d.enhanced, count(*)," \
  " sum(d.state = 1), sum(d.state = 2), sum(d.state = 0) FROM victim_case c NOT INDEXED CROSS JOIN victim_decision d" \
  " ON d.case_ref = c.case_ref WHERE c.rowid > ?1 GROUP BY d.month, d.district_id, d.enhanced;" \
  "INSERT INTO victim_support_rollup SELECT week, district_id, outcome, count(*)" \
  " FROM victim_support_line NOT INDEXED WHERE rowid > ?2 GROUP BY week, district_id, outcome;" \
  "INSERT INTO victim_queue SELECT case_ref, 0, '', district_id, (enhanced_rights OR domestic_abuse)," \
  " referral_deadline, month FROM victim_case NOT INDEXED WHERE rowid > ?1 AND referral_state = 0;" \
  "INSERT INTO victim_queue SELECT case_ref, 2, '', district_id, (enhanced_rights OR domestic_abuse)," \
  " closure_deadline, closed_month FROM victim_case NOT INDEXED" \
  " WHERE rowid > ?1 AND status = 'closed' AND closure_state = 0;" \
  "INSERT INTO victim_queue SELECT d.case_ref, 1, d.decision || ' ' || d.decision_date, d.district_id," \
  " d.enhanced, d.inform_deadline, d.month FROM victim_case c NOT INDEXED CROSS JOIN victim_decision d" \
  " ON d.case_ref = c.case_ref WHERE c.rowid > ?1 AND d.state = 0;" \
  "INSERT INTO victim_latest SELECT 1, day FROM (SELECT max(day) AS day FROM (" \
  " SELECT max(max(recorded_date, coalesce(first_contact_date, ''), coalesce(support_referral_date, '')," \
  "  coalesce(closed_date, ''), coalesce(victim_informed_date, ''))) AS day" \
  " FROM victim_case NOT INDEXED WHERE rowid > ?1" \
  " UNION ALL SELECT max(max(d.decision_date, coalesce(d.victim_informed_date, '')))" \
  " FROM victim_case c NOT INDEXED CROSS JOIN victim_decision d ON d.case_ref = c.case_ref" \
  " WHERE c.rowid > ?1))" \
  " WHERE day IS NOT NULL ON CONFLICT DO UPDATE SET day = max(day, excluded.day);"

/* One district: its cases (with their decisions), its support-line calls,
 * then their rollups. */
static gboolean
add_district (Demo            *demo,
              IntegrityStore  *store,
              GPtrArray       *rollup,
              guint            district_index,
              gint64           district_id,
              GError         **error)
{
  gint64 marks[2];
  GDate monday;

  if (!integrity_demo_max_rowid (store, "victim_case", &marks[0], error)
      || !integrity_demo_max_rowid (store, "victim_support_line", &marks[1], error))
    return FALSE;
  for (IntegrityMonth m = integrity_demo_first_month (); m <= integrity_demo_last_month (); m++)
    {
      guint n = integrity_demo_poisson (demo->rand, CASES_PER_DISTRICT_MONTH);

      for (guint i = 0; i < n; i++)
        if (!add_case (demo, district_index, district_id, m, error))
          return FALSE;
    }
  g_date_set_dmy (&monday, 29, G_DATE_JUNE, 2020);
  for (; g_date_compare (&monday, &demo->end) <= 0; g_date_add_days (&monday, 7))
    if (!add_support_week (demo, &monday, district_id, district_index, error))
      return FALSE;
  return integrity_demo_run_batch (store, rollup, marks, G_N_ELEMENTS (marks), error);
}

gboolean
victim_care_generate_demo (IntegrityStore  *store,
                           GRand           *rand,
                           guint            scale,
                           GError         **error)
{
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *case_sql = victim_case_insert_sql ();
  g_autofree char *decision_sql = victim_decision_insert_sql ();
  g_autofree char *support_sql = victim_support_insert_sql ();
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(sqlite3_stmt) decisions = NULL;
  g_autoptr(sqlite3_stmt) support = NULL;
  g_autoptr(GPtrArray) rollup = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  static const char * const rollup_triggers[] = {
    "victim_case_added", "victim_decision_added", "victim_support_added", NULL,
  };
  Demo demo = { 0 };
  gboolean ok;
  int rc;

  if (!integrity_demo_add_districts (store, scale, districts, error))
    return FALSE;
  demo.db = integrity_store_get_connection (store);
  demo.rand = rand;
  integrity_month_first_day (integrity_demo_last_month () + 1, &demo.end);
  g_date_subtract_days (&demo.end, 1);

  rc = sqlite3_prepare_v2 (demo.db, case_sql, -1, &cases, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (demo.db, decision_sql, -1, &decisions, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (demo.db, support_sql, -1, &support, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, demo.db, rc, "victim-care demo");
  demo.cases = cases;
  demo.decisions = decisions;
  demo.support = support;
  rollup = integrity_demo_prepare_batch (store, ROLLUP_BATCH, error);
  if (rollup == NULL)
    return FALSE;

  /* The rollups and the queue are summed district by district, not row by
   * row; the rows' CHECK (x IN (…)) constraints are left to `integrity check`. */
  if (!integrity_demo_suspend_triggers (store, rollup_triggers, triggers, error)
      || !integrity_demo_set_checks (store, FALSE, error))
    return FALSE;
  ok = TRUE;
  for (guint d = 0; ok && d < districts->len; d++)
    ok = add_district (&demo, store, rollup, d, g_array_index (districts, gint64, d), error);
  /* Checks back on even after an error: the setting outlives the transaction. */
  if (!integrity_demo_set_checks (store, TRUE, ok ? error : NULL))
    ok = FALSE;
  return ok && integrity_demo_resume_triggers (store, triggers, error);
}
