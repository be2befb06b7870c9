/* recording-rate-demo.c — a plausible, seeded audit story for the demo store. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <math.h>

#include "recording-rate-demo.h"

/* The story of the inspection: about 89% recorded in 2018, a fall to about
 * 78% after mid-2019 (violence, domestic abuse and behavioural crimes
 * worst), then recovery through 2021 once the refresher training starts. */
#define AUDITED_PER_DISTRICT_MONTH 120
#define RECORDED_PER_DISTRICT_YEAR (279100.0 / 6.0)

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

static gboolean
add_audit_month (sqlite3        *db,
                 sqlite3_stmt   *audit,
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

  for (guint n = 0; n < AUDITED_PER_DISTRICT_MONTH; n++)
    {
      guint g = pick_group (rand);
      gboolean domestic = g_rand_double (rand) < groups[g].domestic;
      double p = CLAMP (base + groups[g].rate_effect - (domestic ? 0.04 : 0.0), 0.3, 0.995);
      double size = g_rand_double (rand);
      guint expected = size < 0.85 ? 1 : size < 0.97 ? 2 : 3;
      guint recorded = integrity_demo_binomial (rand, expected, p);
      guint fast = integrity_demo_binomial (rand, recorded, within_24h_rate (month));
      char ref[64];
      char date[16];

      g_snprintf (ref, sizeof ref, "AUD-%04d%02d-%03u-%04u", integrity_month_get_year (month),
                  integrity_month_get_month (month), district_index, n);
      g_snprintf (date, sizeof date, "%04d-%02d-%02d", integrity_month_get_year (month),
                  integrity_month_get_month (month), g_rand_int_range (rand, 1, days + 1));

      sqlite3_bind_text (audit, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (audit, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (audit, 3, month);
      sqlite3_bind_int64 (audit, 4, district_id);
      sqlite3_bind_text (audit, 5, groups[g].group, -1, SQLITE_STATIC);
      sqlite3_bind_int (audit, 6, domestic);
      sqlite3_bind_int (audit, 7, (int) expected);
      sqlite3_bind_int (audit, 8, (int) recorded);
      sqlite3_bind_int (audit, 9, (int) fast);
      if (!step (db, audit, error))
        return FALSE;
    }
  return TRUE;
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

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      sqlite3_bind_int (volume, 1, month);
      sqlite3_bind_int64 (volume, 2, district_id);
      sqlite3_bind_text (volume, 3, groups[g].group, -1, SQLITE_STATIC);
      sqlite3_bind_int (volume, 4, (int) integrity_demo_poisson (rand, mean * groups[g].share));
      if (!step (db, volume, error))
        return FALSE;
    }
  return TRUE;
}

/* What the recording_audit_added trigger sums, row by row, in one pass. */
#define ROLLUP_REBUILD \
  "DELETE FROM recording_audit_rollup;" \
  "INSERT INTO recording_audit_rollup SELECT month, district_id, offence_group, domestic_abuse," \
  " count(*), sum(crimes_expected), sum(crimes_recorded), sum(recorded_within_24h) FROM recording_audit" \
  " GROUP BY month, district_id, offence_group, domestic_abuse;"

gboolean
recording_rate_generate_demo (IntegrityStore  *store,
                              GRand           *rand,
                              guint            scale,
                              GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) audit = NULL;
  g_autoptr(sqlite3_stmt) volume = NULL;
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  static const char * const rollup_triggers[] = { "recording_audit_added", NULL };
  int rc;

  if (!integrity_demo_add_districts (store, scale, districts, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO recording_audit (incident_ref, reported_date, month, district_id,"
                           " offence_group, domestic_abuse, crimes_expected, crimes_recorded,"
                           " recorded_within_24h) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           -1, &audit, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO recording_volume (month, district_id, offence_group, recorded)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &volume, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "recording-rate demo");

  /* The rollup is summed once at the end, not upserted per row. */
  if (!integrity_demo_suspend_triggers (store, rollup_triggers, triggers, error))
    return FALSE;
  for (guint d = 0; d < districts->len; d++)
    for (IntegrityMonth m = integrity_demo_first_month (); m <= integrity_demo_last_month (); m++)
      if (!add_audit_month (db, audit, rand, d, g_array_index (districts, gint64, d), m, error)
          || !add_volume_month (db, volume, rand, g_array_index (districts, gint64, d), m, error))
        return FALSE;
  return integrity_demo_resume_triggers (store, triggers, ROLLUP_REBUILD, error);
}
