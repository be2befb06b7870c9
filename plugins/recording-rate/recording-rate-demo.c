/* recording-rate-demo.c — a plausible, seeded audit story for the demo store. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <math.h>

#include "recording-rate-demo.h"

/* The story of the inspection: about 89% recorded in 2018, a fall to about
 * 78% after mid-2019 (violence, domestic abuse and behavioural crimes
 * worst), then recovery through 2021 once the refresher training starts. */
/* The force's own crime-data-integrity team audits incidents as they
 * come: 600 a district a month, 3,600 across the force, about one in
 * eight of the roughly 30,000 crimes a month it should record. A larger
 * sample than an inspection's few hundred, as a force under an
 * improvement plan runs: it reads a district's month to within about
 * three points. */
#define AUDITED_PER_DISTRICT_MONTH 600
#define RECORDED_PER_DISTRICT_YEAR (279100.0 / 6.0)

#define AUDIT_TABLE \
  "recording_audit (incident_ref, reported_date, month, district_id, offence_group, domestic_abuse," \
  " crimes_expected, crimes_recorded, recorded_within_24h)"
#define AUDIT_COLUMNS 9
#define VOLUME_TABLE "recording_volume (month, district_id, offence_group, recorded)"
#define VOLUME_COLUMNS 4

static const struct
{
  const char *group;
  double      share;        /* of crimes */
  double      rate_effect;  /* recording-rate points against the force */
  double      domestic;     /* chance the crime is domestic abuse */
} groups[] = {
  { "violence_with_injury",    0.12, -0.05, 0.40 },
  { "violence_without_injury", 0.16, -0.07, 0.40 },
  { "stalking_harassment",     0.08, -0.12, 0.45 },
  { "sexual_offences",         0.03, -0.03, 0.25 },
  { "robbery",                 0.02,  0.04, 0.02 },
  { "burglary",                0.07,  0.05, 0.02 },
  { "vehicle",                 0.08,  0.06, 0.01 },
  { "theft",                   0.20,  0.05, 0.02 },
  { "criminal_damage_arson",   0.10,  0.02, 0.12 },
  { "drugs",                   0.04,  0.07, 0.01 },
  { "weapons",                 0.02,  0.05, 0.03 },
  { "public_order",            0.06, -0.02, 0.08 },
  { "other",                   0.02,  0.00, 0.02 },
};

/* The force's recording rate in a month, before category and district. */
static double
force_rate (IntegrityMonth month)
{
  IntegrityMonth fall_start = integrity_month_new (2019, 7);
  IntegrityMonth fall_end = integrity_month_new (2019, 11);
  IntegrityMonth training = integrity_month_new (2020, 11);
  IntegrityMonth recovered = integrity_month_new (2021, 9);

  if (month < fall_start)
    return 0.89;
  if (month < fall_end)
    return 0.89 - (0.89 - 0.777) * (month - fall_start) / (double) (fall_end - fall_start);
  if (month < training)
    return 0.777;
  if (month < recovered)
    return 0.777 + (0.905 - 0.777) * (month - training) / (double) (recovered - training);
  return 0.905;
}

static double
within_24h_rate (IntegrityMonth month)
{
  return month < integrity_month_new (2020, 11) ? 0.83 : 0.92;
}

static guint
pick_group (GRand *rand)
{
  double draw = g_rand_double (rand);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      draw -= groups[i].share;
      if (draw < 0)
        return i;
    }
  return G_N_ELEMENTS (groups) - 1;
}

static gboolean
step (sqlite3       *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, "recording-rate demo");
  return TRUE;
}

/* One cell of recording_audit_rollup: what its trigger sums row by row. */
typedef struct
{
  guint incidents;
  guint expected;
  guint recorded;
  guint within_24h;
} AuditTally;

static gboolean
add_audit_rollup (sqlite3         *db,
                  sqlite3_stmt    *rollup,
                  gint64           district_id,
                  IntegrityMonth   month,
                  AuditTally       tally[][2],
                  GError         **error)
{
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (int domestic = 0; domestic < 2; domestic++)
      {
        const AuditTally *t = &tally[g][domestic];

        if (t->incidents == 0)
          continue;
        sqlite3_bind_int (rollup, 1, month);
        sqlite3_bind_int64 (rollup, 2, district_id);
        sqlite3_bind_text (rollup, 3, groups[g].group, -1, SQLITE_STATIC);
        sqlite3_bind_int (rollup, 4, domestic);
        sqlite3_bind_int (rollup, 5, (int) t->incidents);
        sqlite3_bind_int (rollup, 6, (int) t->expected);
        sqlite3_bind_int (rollup, 7, (int) t->recorded);
        sqlite3_bind_int (rollup, 8, (int) t->within_24h);
        if (!step (db, rollup, error))
          return FALSE;
      }
  return TRUE;
}

/* A district's audited incidents for a month, in one statement run, and
 * their rollup rows: summed here as they are made, for nothing, where
 * reading them back out of the table to sum them costs almost half as much
 * as writing them. */
static gboolean
add_audit_month (sqlite3        *db,
                 sqlite3_stmt   *audit,
                 sqlite3_stmt   *rollup,
                 GRand          *rand,
                 guint           district_index,
                 gint64          district_id,
                 IntegrityMonth  month,
                 GError        **error)
{
  /* +0.018: the category mix and domestic abuse pull the force figure
   * down by about that much, so the audit reads 89% → 78% → 90%. */
  double base = force_rate (month) + 0.018 + integrity_demo_district_effect (district_index);
  int days = integrity_month_get_days (month);
  guint year = (guint) integrity_month_get_year (month);
  guint month_of_year = (guint) integrity_month_get_month (month);
  AuditTally tally[G_N_ELEMENTS (groups)][2] = { { { 0 } } };
  char ref[64], date[16];
  char *ref_end, *date_end;

  /* "AUD-201807-000-" and "2018-07-": each row adds its number and day,
   * without printf for millions of rows. */
  ref_end = integrity_demo_put_number (g_stpcpy (ref, "AUD-"), year, 4);
  ref_end = integrity_demo_put_number (ref_end, month_of_year, 2);
  ref_end = integrity_demo_put_number (g_stpcpy (ref_end, "-"), district_index, 3);
  ref_end = g_stpcpy (ref_end, "-");
  date_end = integrity_demo_put_number (date, year, 4);
  date_end = integrity_demo_put_number (g_stpcpy (date_end, "-"), month_of_year, 2);
  date_end = g_stpcpy (date_end, "-");

  for (guint n = 0; n < AUDITED_PER_DISTRICT_MONTH; n++)
    {
      guint g = pick_group (rand);
      gboolean domestic = g_rand_double (rand) < groups[g].domestic;
      double p = CLAMP (base + groups[g].rate_effect - (domestic ? 0.04 : 0.0), 0.3, 0.995);
      double size = g_rand_double (rand);
      guint expected = size < 0.85 ? 1 : size < 0.97 ? 2 : 3;
      guint recorded = integrity_demo_binomial (rand, expected, p);
      guint fast = integrity_demo_binomial (rand, recorded, within_24h_rate (month));
      AuditTally *t = &tally[g][domestic != 0];
      int column = (int) (n * AUDIT_COLUMNS);

      integrity_demo_put_number (ref_end, n, 4);
      integrity_demo_put_number (date_end, (guint) g_rand_int_range (rand, 1, days + 1), 2);
      sqlite3_bind_text (audit, column + 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (audit, column + 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (audit, column + 3, month);
      sqlite3_bind_int64 (audit, column + 4, district_id);
      sqlite3_bind_text (audit, column + 5, groups[g].group, -1, SQLITE_STATIC);
      sqlite3_bind_int (audit, column + 6, domestic);
      sqlite3_bind_int (audit, column + 7, (int) expected);
      sqlite3_bind_int (audit, column + 8, (int) recorded);
      sqlite3_bind_int (audit, column + 9, (int) fast);
      t->incidents++;
      t->expected += expected;
      t->recorded += recorded;
      t->within_24h += fast;
    }
  return step (db, audit, error) && add_audit_rollup (db, rollup, district_id, month, tally, error);
}

static gboolean
add_volume_month (sqlite3        *db,
                  sqlite3_stmt   *volume,
                  GRand          *rand,
                  gint64          district_id,
                  IntegrityMonth  month,
                  GError        **error)
{
  /* Summer peaks; recorded volume falls with the recording rate. */
  double season = 1.0 + 0.08 * sin (2 * G_PI * (integrity_month_get_month (month) - 4) / 12.0);
  double mean = RECORDED_PER_DISTRICT_YEAR / 12.0 * season * force_rate (month) / 0.777;

  /* One statement run for the month's groups. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      int column = (int) (g * VOLUME_COLUMNS);

      sqlite3_bind_int (volume, column + 1, month);
      sqlite3_bind_int64 (volume, column + 2, district_id);
      sqlite3_bind_text (volume, column + 3, groups[g].group, -1, SQLITE_STATIC);
      sqlite3_bind_int (volume, column + 4, (int) integrity_demo_poisson (rand, mean * groups[g].share));
    }
  return step (db, volume, error);
}

gboolean
recording_rate_generate_demo (IntegrityStore  *store,
                              GRand           *rand,
                              guint            scale,
                              GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autofree char *audit_sql = integrity_demo_insert_sql (AUDIT_TABLE, AUDIT_COLUMNS, AUDITED_PER_DISTRICT_MONTH);
  g_autofree char *volume_sql = integrity_demo_insert_sql (VOLUME_TABLE, VOLUME_COLUMNS, G_N_ELEMENTS (groups));
  g_autoptr(sqlite3_stmt) audit = NULL;
  g_autoptr(sqlite3_stmt) rollup = NULL;
  g_autoptr(sqlite3_stmt) volume = NULL;
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  static const char * const rollup_triggers[] = { "recording_audit_added", NULL };
  int rc;

  if (!integrity_demo_add_districts (store, scale, districts, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, audit_sql, -1, &audit, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO recording_audit_rollup (month, district_id, offence_group,"
                             " domestic_abuse, incidents, expected, recorded, within_24h)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &rollup, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, volume_sql, -1, &volume, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "recording-rate demo");

  /* The rollup gets a row per cell, not an upsert per incident (test-query-plans
   * checks that the trigger gives the same rollup). */
  if (!integrity_demo_suspend_triggers (store, rollup_triggers, triggers, error))
    return FALSE;
  /* Month by month, then district: the references (AUD-YYYYMM-DDD-NNNN),
   * the drill index and the rollup's key all grow in that order, so every
   * row and index entry is appended, never slotted between earlier ones
   * (a third less time at scale 10). */
  for (IntegrityMonth m = integrity_demo_first_month (); m <= integrity_demo_last_month (); m++)
    for (guint d = 0; d < districts->len; d++)
      if (!add_audit_month (db, audit, rollup, rand, d, g_array_index (districts, gint64, d), m, error)
          || !add_volume_month (db, volume, rand, g_array_index (districts, gint64, d), m, error))
        return FALSE;
  return integrity_demo_resume_triggers (store, triggers, error);
}
