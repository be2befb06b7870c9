/* recording-rate-data.c — the recording-rate tables and the figures read from them. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "recording-rate-data.h"

/* The audit sample is summed into a rollup by triggers, so every figure
 * the dashboard shows reads a few thousand rollup rows, never the
 * millions of audited incidents of a national store. */
static const IntegrityMigration migrations[] = {
  { 1,
    "CREATE TABLE recording_audit ("
    "  incident_ref TEXT PRIMARY KEY,"
    "  reported_date TEXT NOT NULL,"
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  offence_group TEXT NOT NULL,"
    "  domestic_abuse INTEGER NOT NULL CHECK (domestic_abuse IN (0, 1)),"
    "  crimes_expected INTEGER NOT NULL CHECK (crimes_expected >= 0),"
    "  crimes_recorded INTEGER NOT NULL CHECK (crimes_recorded BETWEEN 0 AND crimes_expected),"
    "  recorded_within_24h INTEGER NOT NULL CHECK (recorded_within_24h BETWEEN 0 AND crimes_recorded)"
    ");"
    "CREATE INDEX recording_audit_drill ON recording_audit (month, district_id);"
    "CREATE TABLE recording_audit_rollup ("
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL,"
    "  offence_group TEXT NOT NULL,"
    "  domestic_abuse INTEGER NOT NULL,"
    "  incidents INTEGER NOT NULL,"
    "  expected INTEGER NOT NULL,"
    "  recorded INTEGER NOT NULL,"
    "  within_24h INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id, offence_group, domestic_abuse)"
    ") WITHOUT ROWID;"
    "CREATE INDEX recording_audit_rollup_district ON recording_audit_rollup (district_id, month);"
    "CREATE TRIGGER recording_audit_added AFTER INSERT ON recording_audit BEGIN"
    "  INSERT INTO recording_audit_rollup VALUES (NEW.month, NEW.district_id, NEW.offence_group,"
    "    NEW.domestic_abuse, 1, NEW.crimes_expected, NEW.crimes_recorded, NEW.recorded_within_24h)"
    "  ON CONFLICT DO UPDATE SET incidents = incidents + 1, expected = expected + excluded.expected,"
    "    recorded = recorded + excluded.recorded, within_24h = within_24h + excluded.within_24h;"
    "END;"
    "CREATE TRIGGER recording_audit_removed AFTER DELETE ON recording_audit BEGIN"
    "  UPDATE recording_audit_rollup SET incidents = incidents - 1,"
    "    expected = expected - OLD.crimes_expected, recorded = recorded - OLD.crimes_recorded,"
    "    within_24h = within_24h - OLD.recorded_within_24h"
    "  WHERE month = OLD.month AND district_id = OLD.district_id"
    "    AND offence_group = OLD.offence_group AND domestic_abuse = OLD.domestic_abuse;"
    "END;"
    "CREATE TRIGGER recording_audit_changed AFTER UPDATE ON recording_audit BEGIN"
    "  UPDATE recording_audit_rollup SET incidents = incidents - 1,"
    "    expected = expected - OLD.crimes_expected, recorded = recorded - OLD.crimes_recorded,"
    "    within_24h = within_24h - OLD.recorded_within_24h"
    "  WHERE month = OLD.month AND district_id = OLD.district_id"
    "    AND offence_group = OLD.offence_group AND domestic_abuse = OLD.domestic_abuse;"
    "  INSERT INTO recording_audit_rollup VALUES (NEW.month, NEW.district_id, NEW.offence_group,"
    "    NEW.domestic_abuse, 1, NEW.crimes_expected, NEW.crimes_recorded, NEW.recorded_within_24h)"
    "  ON CONFLICT DO UPDATE SET incidents = incidents + 1, expected = expected + excluded.expected,"
    "    recorded = recorded + excluded.recorded, within_24h = within_24h + excluded.within_24h;"
    "END;"
    "CREATE TABLE recording_volume ("
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  offence_group TEXT NOT NULL,"
    "  recorded INTEGER NOT NULL CHECK (recorded >= 0),"
    "  PRIMARY KEY (month, district_id, offence_group)"
    ") WITHOUT ROWID;"
    "CREATE TABLE recording_street ("
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL REFERENCES district (id),"
    "  crime_type TEXT NOT NULL,"
    "  crimes INTEGER NOT NULL CHECK (crimes >= 0),"
    "  PRIMARY KEY (month, district_id, crime_type)"
    ") WITHOUT ROWID;" },
  /* The rollup summed again: over every district (the force's monthly
   * series) and over the offence groups (the district league), kept in
   * step with it by triggers, so "all districts" reads a few hundred rows
   * at national scale, not every district's. */
  { 2,
    "CREATE TABLE recording_audit_force ("
    "  month INTEGER NOT NULL,"
    "  offence_group TEXT NOT NULL,"
    "  domestic_abuse INTEGER NOT NULL,"
    "  incidents INTEGER NOT NULL,"
    "  expected INTEGER NOT NULL,"
    "  recorded INTEGER NOT NULL,"
    "  within_24h INTEGER NOT NULL,"
    "  PRIMARY KEY (month, offence_group, domestic_abuse)"
    ") WITHOUT ROWID;"
    "CREATE TABLE recording_audit_district ("
    "  month INTEGER NOT NULL,"
    "  district_id INTEGER NOT NULL,"
    "  incidents INTEGER NOT NULL,"
    "  expected INTEGER NOT NULL,"
    "  recorded INTEGER NOT NULL,"
    "  within_24h INTEGER NOT NULL,"
    "  PRIMARY KEY (month, district_id)"
    ") WITHOUT ROWID;"
    "CREATE TRIGGER recording_audit_rollup_added AFTER INSERT ON recording_audit_rollup BEGIN"
    "  INSERT INTO recording_audit_force VALUES (NEW.month, NEW.offence_group, NEW.domestic_abuse,"
    "    NEW.incidents, NEW.expected, NEW.recorded, NEW.within_24h)"
    "  ON CONFLICT DO UPDATE SET incidents = incidents + excluded.incidents, expected = expected + excluded.expected,"
    "    recorded = recorded + excluded.recorded, within_24h = within_24h + excluded.within_24h;"
    "  INSERT INTO recording_audit_district VALUES (NEW.month, NEW.district_id,"
    "    NEW.incidents, NEW.expected, NEW.recorded, NEW.within_24h)"
    "  ON CONFLICT DO UPDATE SET incidents = incidents + excluded.incidents, expected = expected + excluded.expected,"
    "    recorded = recorded + excluded.recorded, within_24h = within_24h + excluded.within_24h;"
    "END;"
    /* The rollup's triggers change its sums, never its key. */
    "CREATE TRIGGER recording_audit_rollup_changed AFTER UPDATE ON recording_audit_rollup BEGIN"
    "  UPDATE recording_audit_force SET incidents = incidents + NEW.incidents - OLD.incidents,"
    "    expected = expected + NEW.expected - OLD.expected, recorded = recorded + NEW.recorded - OLD.recorded,"
    "    within_24h = within_24h + NEW.within_24h - OLD.within_24h"
    "  WHERE month = OLD.month AND offence_group = OLD.offence_group AND domestic_abuse = OLD.domestic_abuse;"
    "  UPDATE recording_audit_district SET incidents = incidents + NEW.incidents - OLD.incidents,"
    "    expected = expected + NEW.expected - OLD.expected, recorded = recorded + NEW.recorded - OLD.recorded,"
    "    within_24h = within_24h + NEW.within_24h - OLD.within_24h"
    "  WHERE month = OLD.month AND district_id = OLD.district_id;"
    "END;"
    "CREATE TRIGGER recording_audit_rollup_removed AFTER DELETE ON recording_audit_rollup BEGIN"
    "  UPDATE recording_audit_force SET incidents = incidents - OLD.incidents, expected = expected - OLD.expected,"
    "    recorded = recorded - OLD.recorded, within_24h = within_24h - OLD.within_24h"
    "  WHERE month = OLD.month AND offence_group = OLD.offence_group AND domestic_abuse = OLD.domestic_abuse;"
    "  UPDATE recording_audit_district SET incidents = incidents - OLD.incidents, expected = expected - OLD.expected,"
    "    recorded = recorded - OLD.recorded, within_24h = within_24h - OLD.within_24h"
    "  WHERE month = OLD.month AND district_id = OLD.district_id;"
    "END;"
    "INSERT INTO recording_audit_force SELECT month, offence_group, domestic_abuse, sum(incidents),"
    "  sum(expected), sum(recorded), sum(within_24h) FROM recording_audit_rollup"
    "  GROUP BY month, offence_group, domestic_abuse;"
    "INSERT INTO recording_audit_district SELECT month, district_id, sum(incidents),"
    "  sum(expected), sum(recorded), sum(within_24h) FROM recording_audit_rollup"
    "  GROUP BY month, district_id;" },
  /* The recorded volume over every district, in step with it by triggers. */
  { 3,
    "CREATE TABLE recording_volume_force ("
    "  month INTEGER NOT NULL,"
    "  offence_group TEXT NOT NULL,"
    "  recorded INTEGER NOT NULL,"
    "  PRIMARY KEY (month, offence_group)"
    ") WITHOUT ROWID;"
    "CREATE TRIGGER recording_volume_added AFTER INSERT ON recording_volume BEGIN"
    "  INSERT INTO recording_volume_force VALUES (NEW.month, NEW.offence_group, NEW.recorded)"
    "  ON CONFLICT DO UPDATE SET recorded = recorded + excluded.recorded;"
    "END;"
    "CREATE TRIGGER recording_volume_changed AFTER UPDATE ON recording_volume BEGIN"
    "  UPDATE recording_volume_force SET recorded = recorded - OLD.recorded"
    "  WHERE month = OLD.month AND offence_group = OLD.offence_group;"
    "  INSERT INTO recording_volume_force VALUES (NEW.month, NEW.offence_group, NEW.recorded)"
    "  ON CONFLICT DO UPDATE SET recorded = recorded + excluded.recorded;"
    "END;"
    "CREATE TRIGGER recording_volume_removed AFTER DELETE ON recording_volume BEGIN"
    "  UPDATE recording_volume_force SET recorded = recorded - OLD.recorded"
    "  WHERE month = OLD.month AND offence_group = OLD.offence_group;"
    "END;"
    "INSERT INTO recording_volume_force SELECT month, offence_group, sum(recorded) FROM recording_volume"
    "  GROUP BY month, offence_group;" },
};

const IntegrityMigration *
recording_rate_migrations (gsize *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

IntegrityProportion
recording_sums_rate (const RecordingSums *sums)
{
  return integrity_wilson_interval (sums->recorded, sums->expected, INTEGRITY_Z_95);
}

IntegrityProportion
recording_sums_24h_rate (const RecordingSums *sums)
{
  return integrity_wilson_interval (sums->within_24h, sums->recorded, INTEGRITY_Z_95);
}

/* Crimes a day that should have been recorded and were not. */
double
recording_unrecorded_per_day (double volume,
                              int    days,
                              double rate)
{
  if (days <= 0)
    return NAN;
  return integrity_estimate_unrecorded (volume, rate) / days;
}

static void
sums_add (RecordingSums       *into,
          const RecordingSums *from)
{
  into->incidents += from->incidents;
  into->expected += from->expected;
  into->recorded += from->recorded;
  into->within_24h += from->within_24h;
}

static void
sums_read (sqlite3_stmt  *stmt,
           int            first_column,
           RecordingSums *sums)
{
  sums->incidents = (guint64) sqlite3_column_int64 (stmt, first_column);
  sums->expected = (guint64) sqlite3_column_int64 (stmt, first_column + 1);
  sums->recorded = (guint64) sqlite3_column_int64 (stmt, first_column + 2);
  sums->within_24h = (guint64) sqlite3_column_int64 (stmt, first_column + 3);
}

/* The same query with or without a district, so each uses its index. */
static int
prepare_filtered (sqlite3       *db,
                  const char    *all_districts,
                  const char    *one_district,
                  gint64         district,
                  int            from,
                  int            to,
                  sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v2 (db, district < 0 ? all_districts : one_district, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int (*stmt, 1, from);
  sqlite3_bind_int (*stmt, 2, to);
  if (district >= 0)
    sqlite3_bind_int64 (*stmt, 3, district);
  return SQLITE_OK;
}

static gboolean
read_audit (sqlite3            *db,
            RecordingPageData  *data,
            gint64              district,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_months = recording_page_data_n_months (data);
  int from = data->filter->from - n_months;  /* the previous period too */
  int rc;

  rc = prepare_filtered (db,
                         "SELECT month, offence_group, domestic_abuse, incidents, expected,"
                         " recorded, within_24h FROM recording_audit_force"
                         " WHERE month BETWEEN ?1 AND ?2",
                         "SELECT month, offence_group, domestic_abuse, sum(incidents), sum(expected),"
                         " sum(recorded), sum(within_24h) FROM recording_audit_rollup"
                         " WHERE district_id = ?3 AND month BETWEEN ?1 AND ?2"
                         " GROUP BY month, offence_group, domestic_abuse",
                         district, from, data->filter->to, &stmt);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not read the audit sample"));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      const char *group = (const char *) sqlite3_column_text (stmt, 1);
      gboolean domestic = sqlite3_column_int (stmt, 2) != 0;
      RecordingSums sums;

      sums_read (stmt, 3, &sums);
      if (sums.incidents == 0)
        continue;
      for (int c = 0; c < INTEGRITY_N_CATEGORIES; c++)
        {
          if (!integrity_category_contains (c, group, domestic))
            continue;
          if (month < data->filter->from)
            sums_add (&data->previous[c], &sums);
          else
            {
              RecordingSums *cell = &g_array_index (data->months, RecordingSums,
                                                    (month - data->filter->from) * INTEGRITY_N_CATEGORIES + c);
              sums_add (cell, &sums);
              sums_add (&data->categories[c], &sums);
              data->has_audit = TRUE;
            }
        }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the audit sample"));
  return TRUE;
}

static void
recording_district_free (RecordingDistrict *district)
{
  g_free (district->name);
  g_free (district);
}

static int
compare_districts (gconstpointer a,
                   gconstpointer b)
{
  const RecordingDistrict *x = *(RecordingDistrict * const *) a;
  const RecordingDistrict *y = *(RecordingDistrict * const *) b;
  double rx = x->sums.expected > 0 ? (double) x->sums.recorded / x->sums.expected : 2.0;
  double ry = y->sums.expected > 0 ? (double) y->sums.recorded / y->sums.expected : 2.0;

  return (rx > ry) - (rx < ry);
}

static gboolean
read_districts (sqlite3            *db,
                RecordingPageData  *data,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT d.name, sum(r.incidents), sum(r.expected), sum(r.recorded),"
                           " sum(r.within_24h) FROM recording_audit_district r"
                           " JOIN district d ON d.id = r.district_id"
                           " WHERE r.month BETWEEN ?1 AND ?2"
                           " GROUP BY r.district_id HAVING sum(r.expected) > 0",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not read the districts"));
  sqlite3_bind_int (stmt, 1, data->filter->from);
  sqlite3_bind_int (stmt, 2, data->filter->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RecordingDistrict *district = g_new0 (RecordingDistrict, 1);

      district->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sums_read (stmt, 1, &district->sums);
      g_ptr_array_add (data->districts, district);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the districts"));
  g_ptr_array_sort (data->districts, compare_districts);
  return TRUE;
}

static void
recording_volume_free (RecordingVolume *volume)
{
  g_free (volume->label);
  g_free (volume);
}

static int
compare_volumes (gconstpointer a,
                 gconstpointer b)
{
  const RecordingVolume *x = *(RecordingVolume * const *) a;
  const RecordingVolume *y = *(RecordingVolume * const *) b;

  return (y->crimes > x->crimes) - (y->crimes < x->crimes);
}

/* Recorded volumes: the force's own recorded-crime file when imported,
 * else the police.uk street-level counts. */
static gboolean
read_volumes (sqlite3            *db,
              RecordingPageData  *data,
              gint64              district,
              GError            **error)
{
  static const struct {
    const char *by_month_all, *by_month_one, *by_type_all, *by_type_one, *source;
  } sources[] = {
    { "SELECT month, sum(recorded) FROM recording_volume_force WHERE month BETWEEN ?1 AND ?2 GROUP BY month",
      "SELECT month, sum(recorded) FROM recording_volume WHERE month BETWEEN ?1 AND ?2 AND district_id = ?3 GROUP BY month",
      "SELECT offence_group, sum(recorded) FROM recording_volume_force WHERE month BETWEEN ?1 AND ?2 GROUP BY offence_group",
      "SELECT offence_group, sum(recorded) FROM recording_volume WHERE month BETWEEN ?1 AND ?2 AND district_id = ?3 GROUP BY offence_group",
      N_("the force’s recorded crime returns") },
    { "SELECT month, sum(crimes) FROM recording_street WHERE month BETWEEN ?1 AND ?2 GROUP BY month",
      "SELECT month, sum(crimes) FROM recording_street WHERE month BETWEEN ?1 AND ?2 AND district_id = ?3 GROUP BY month",
      "SELECT crime_type, sum(crimes) FROM recording_street WHERE month BETWEEN ?1 AND ?2 GROUP BY crime_type",
      "SELECT crime_type, sum(crimes) FROM recording_street WHERE month BETWEEN ?1 AND ?2 AND district_id = ?3 GROUP BY crime_type",
      N_("police.uk street-level crime data") },
  };
  int n_months = recording_page_data_n_months (data);

  for (guint s = 0; s < G_N_ELEMENTS (sources) && data->volume_source == NULL; s++)
    {
      g_autoptr(sqlite3_stmt) by_month = NULL;
      g_autoptr(sqlite3_stmt) by_type = NULL;
      int rc;

      rc = prepare_filtered (db, sources[s].by_month_all, sources[s].by_month_one, district,
                             data->filter->from, data->filter->to, &by_month);
      if (rc == SQLITE_OK)
        while ((rc = sqlite3_step (by_month)) == SQLITE_ROW)
          {
            int index = sqlite3_column_int (by_month, 0) - data->filter->from;
            double crimes = sqlite3_column_double (by_month, 1);

            g_assert (index >= 0 && index < n_months);
            g_array_index (data->monthly_volume, double, index) = crimes;
            data->volume_total += crimes;
            data->volume_days += integrity_month_get_days (data->filter->from + index);
          }
      if (rc != SQLITE_DONE)
        return integrity_sqlite_error (error, db, rc, _("Could not read the recorded volumes"));
      if (data->volume_days > 0)
        data->volume_source = g_strdup (_(sources[s].source));
      if (data->volume_source == NULL)
        continue;

      rc = prepare_filtered (db, sources[s].by_type_all, sources[s].by_type_one, district,
                             data->filter->from, data->filter->to, &by_type);
      if (rc == SQLITE_OK)
        while ((rc = sqlite3_step (by_type)) == SQLITE_ROW)
          {
            RecordingVolume *volume = g_new0 (RecordingVolume, 1);
            const char *label = (const char *) sqlite3_column_text (by_type, 0);

            volume->label = g_strdup (s == 0 ? integrity_offence_group_label (label) : label);
            volume->crimes = sqlite3_column_double (by_type, 1);
            g_ptr_array_add (data->volume_by_type, volume);
          }
      if (rc != SQLITE_DONE)
        return integrity_sqlite_error (error, db, rc, _("Could not read the recorded volumes"));
      g_ptr_array_sort (data->volume_by_type, compare_volumes);
    }
  return TRUE;
}

/**
 * recording_rate_query_page:
 *
 * Reads every figure of the page for @filter. Runs on a worker thread.
 */
RecordingPageData *
recording_rate_query_page (sqlite3                *db,
                           const IntegrityFilter  *filter,
                           GError                **error)
{
  g_autoptr(RecordingPageData) data = g_new0 (RecordingPageData, 1);
  int n_months;
  gint64 district;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  data->filter = integrity_filter_copy (filter);
  n_months = recording_page_data_n_months (data);
  data->target = integrity_target_read (db, RECORDING_RATE_ID, RECORDING_RATE_DEFAULT_TARGET);
  data->target_24h = integrity_target_read (db, "recording-24h", RECORDING_RATE_24H_DEFAULT_TARGET);
  data->months = g_array_new (FALSE, TRUE, sizeof (RecordingSums));
  g_array_set_size (data->months, n_months * INTEGRITY_N_CATEGORIES);
  data->monthly_volume = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < n_months; i++)
    {
      double gap = NAN;
      g_array_append_val (data->monthly_volume, gap);
    }
  data->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) recording_district_free);
  data->volume_by_type = g_ptr_array_new_with_free_func ((GDestroyNotify) recording_volume_free);

  district = integrity_district_lookup (db, filter->district);
  data->annotations = integrity_annotations_read (db, filter->from, filter->to, error);
  if (data->annotations == NULL
      || !read_audit (db, data, district, error)
      || !read_districts (db, data, error)
      || !read_volumes (db, data, district, error))
    return NULL;
  return g_steal_pointer (&data);
}

void
recording_page_data_free (RecordingPageData *data)
{
  if (data == NULL)
    return;
  integrity_filter_free (data->filter);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->monthly_volume, g_array_unref);
  g_clear_pointer (&data->districts, g_ptr_array_unref);
  g_clear_pointer (&data->volume_by_type, g_ptr_array_unref);
  g_clear_pointer (&data->annotations, g_ptr_array_unref);
  g_free (data->volume_source);
  g_free (data);
}

int
recording_page_data_n_months (const RecordingPageData *data)
{
  return integrity_filter_get_n_months (data->filter);
}

const RecordingSums *
recording_page_data_month (const RecordingPageData *data,
                           int                      month_index,
                           IntegrityCategory        category)
{
  g_return_val_if_fail (month_index >= 0 && month_index < recording_page_data_n_months (data), NULL);
  return &g_array_index (data->months, RecordingSums,
                         month_index * INTEGRITY_N_CATEGORIES + category);
}

static void
add_rate_sparkline (IntegrityKpi            *kpi,
                    const RecordingPageData *data,
                    gboolean                 within_24h)
{
  int n = recording_page_data_n_months (data);

  for (int i = MAX (0, n - 12); i < n; i++)
    {
      const RecordingSums *sums = recording_page_data_month (data, i, INTEGRITY_CATEGORY_ALL_CRIME);
      IntegrityProportion rate = within_24h ? recording_sums_24h_rate (sums) : recording_sums_rate (sums);

      integrity_kpi_add_spark (kpi, rate.p);
    }
}

void
recording_rate_collect_kpis (sqlite3               *db,
                             const IntegrityFilter *filter,
                             GPtrArray             *kpis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecordingPageData) data = recording_rate_query_page (db, filter, &error);

  if (data == NULL)
    {
      g_warning ("Recording-rate figures could not be read: %s", error->message);
      return;
    }
  recording_rate_kpis_from_data (data, kpis);
}

/* The three headline figures, for the overview and the page's tiles. */
void
recording_rate_kpis_from_data (const RecordingPageData *data,
                               GPtrArray               *kpis)
{
  const RecordingSums *all;
  IntegrityProportion rate, previous, fast, fast_before;
  g_autofree char *expected_text = NULL;
  g_autofree char *recorded_text = NULL;
  IntegrityKpi *kpi;

  all = &data->categories[INTEGRITY_CATEGORY_ALL_CRIME];
  rate = recording_sums_rate (all);
  previous = recording_sums_rate (&data->previous[INTEGRITY_CATEGORY_ALL_CRIME]);

  kpi = integrity_kpi_new (RECORDING_RATE_ID, "recording-rate", _("Crime recording rate"),
                           INTEGRITY_FORMAT_PERCENT);
  kpi->value = rate.p;
  kpi->lo = rate.lo;
  kpi->hi = rate.hi;
  kpi->previous = previous.p;
  kpi->target = data->target;
  kpi->sample_size = all->expected;
  kpi->status = integrity_kpi_status_for_target (rate.p, data->target, 0.03, TRUE);
  add_rate_sparkline (kpi, data, FALSE);
  expected_text = integrity_format_count (all->expected);
  recorded_text = integrity_format_count (all->recorded);
  kpi->explanation = all->expected > 0
    ? g_strdup_printf (_("Of %s crimes that should have been recorded in the audit sample, %s were "
                         "(95%% interval %.1f%%–%.1f%%)."),
                       expected_text, recorded_text, rate.lo * 100, rate.hi * 100)
    : g_strdup (_("No audit sample in this period."));
  g_ptr_array_add (kpis, kpi);

  kpi = integrity_kpi_new (RECORDING_RATE_ID, "unrecorded-per-day", _("Crimes unrecorded a day"),
                           INTEGRITY_FORMAT_DECIMAL);
  kpi->higher_is_better = FALSE;
  kpi->value = recording_unrecorded_per_day (data->volume_total, data->volume_days, rate.p);
  kpi->sample_size = all->expected;
  if (data->volume_source != NULL && isfinite (kpi->value))
    {
      g_autofree char *volume_text = integrity_format_count (data->volume_total);

      /* A higher rate means fewer missed: the interval's ends swap. */
      kpi->lo = recording_unrecorded_per_day (data->volume_total, data->volume_days, rate.hi);
      kpi->hi = recording_unrecorded_per_day (data->volume_total, data->volume_days, rate.lo);
      kpi->explanation = g_strdup_printf (_("Estimated from %s crimes recorded (%s) at a "
                                            "recording rate of %.1f%%."),
                                          volume_text, data->volume_source, rate.p * 100);
    }
  else
    kpi->explanation = g_strdup (_("Needs recorded crime volumes and an audit sample for the period."));
  for (int i = MAX (0, recording_page_data_n_months (data) - 12); i < recording_page_data_n_months (data); i++)
    {
      IntegrityProportion month_rate =
        recording_sums_rate (recording_page_data_month (data, i, INTEGRITY_CATEGORY_ALL_CRIME));
      integrity_kpi_add_spark (kpi, recording_unrecorded_per_day (g_array_index (data->monthly_volume, double, i),
                                                                  integrity_month_get_days (data->filter->from + i),
                                                                  month_rate.p));
    }
  g_ptr_array_add (kpis, kpi);

  fast = recording_sums_24h_rate (all);
  fast_before = recording_sums_24h_rate (&data->previous[INTEGRITY_CATEGORY_ALL_CRIME]);
  kpi = integrity_kpi_new (RECORDING_RATE_ID, "recorded-within-24h", _("Recorded within 24 hours"),
                           INTEGRITY_FORMAT_PERCENT);
  kpi->value = fast.p;
  kpi->lo = fast.lo;
  kpi->hi = fast.hi;
  kpi->previous = fast_before.p;
  kpi->target = data->target_24h;
  kpi->sample_size = all->recorded;
  kpi->status = integrity_kpi_status_for_target (fast.p, data->target_24h, 0.05, TRUE);
  add_rate_sparkline (kpi, data, TRUE);
  kpi->explanation = g_strdup (_("Recorded crimes in the audit sample that were recorded within "
                                 "24 hours of the report."));
  g_ptr_array_add (kpis, kpi);
}

gboolean
recording_rate_data_range (sqlite3        *db,
                           IntegrityMonth *first,
                           IntegrityMonth *last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Min and max of a primary key's first column: two index lookups. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT min(m), max(m) FROM ("
                          " SELECT min(month) AS m FROM recording_audit_rollup UNION ALL"
                          " SELECT max(month) FROM recording_audit_rollup UNION ALL"
                          " SELECT min(month) FROM recording_street UNION ALL"
                          " SELECT max(month) FROM recording_street UNION ALL"
                          " SELECT min(month) FROM recording_volume UNION ALL"
                          " SELECT max(month) FROM recording_volume)",
                          -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  *first = sqlite3_column_int (stmt, 0);
  *last = sqlite3_column_int (stmt, 1);
  return TRUE;
}

void
recording_incident_free (RecordingIncident *incident)
{
  if (incident == NULL)
    return;
  g_free (incident->incident_ref);
  g_free (incident->reported_date);
  g_free (incident->district);
  g_free (incident->offence_group);
  g_free (incident);
}

/**
 * recording_rate_query_incidents:
 * @district: (nullable): a district name, or %NULL for all
 *
 * The audited incidents behind a point of a chart, newest first, at most
 * @limit of them. Runs on a worker thread.
 */
GPtrArray *
recording_rate_query_incidents (sqlite3         *db,
                                IntegrityMonth   first,
                                IntegrityMonth   last,
                                const char      *district,
                                guint            limit,
                                GError         **error)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) recording_incident_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 district_id = integrity_district_lookup (db, district);
  int rc;

  rc = prepare_filtered (db,
                         "SELECT a.incident_ref, a.reported_date, d.name, a.offence_group, a.domestic_abuse,"
                         " a.crimes_expected, a.crimes_recorded, a.recorded_within_24h"
                         " FROM recording_audit a JOIN district d ON d.id = a.district_id"
                         " WHERE a.month BETWEEN ?1 AND ?2 ORDER BY a.reported_date DESC, a.incident_ref"
                         " LIMIT ?4",
                         "SELECT a.incident_ref, a.reported_date, d.name, a.offence_group, a.domestic_abuse,"
                         " a.crimes_expected, a.crimes_recorded, a.recorded_within_24h"
                         " FROM recording_audit a JOIN district d ON d.id = a.district_id"
                         " WHERE a.month BETWEEN ?1 AND ?2 AND a.district_id = ?3"
                         " ORDER BY a.reported_date DESC, a.incident_ref LIMIT ?4",
                         district_id, first, last, &stmt);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 4, (int) limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          RecordingIncident *incident = g_new0 (RecordingIncident, 1);

          incident->incident_ref = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          incident->reported_date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          incident->district = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          incident->offence_group = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          incident->domestic_abuse = sqlite3_column_int (stmt, 4);
          incident->expected = sqlite3_column_int (stmt, 5);
          incident->recorded = sqlite3_column_int (stmt, 6);
          incident->within_24h = sqlite3_column_int (stmt, 7);
          g_ptr_array_add (incidents, incident);
        }
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the audited incidents"));
      return NULL;
    }
  return g_steal_pointer (&incidents);
}
