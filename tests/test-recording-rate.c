/* test-recording-rate.c — recording-rate figures from a hand-built audit. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#include "integrity-test-util.h"
#include "recording-rate-data.h"
#include "recording-rate-demo.h"
#include "recording-rate-importers.h"

typedef struct
{
  ItestStore base;
  gint64     north;
  gint64     south;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  itest_store_set_up (&f->base, RECORDING_RATE_ID, recording_rate_migrations, recording_rate_create_importers);
  f->north = integrity_store_ensure_district (f->base.store, "North", &error);
  f->south = integrity_store_ensure_district (f->base.store, "  south ", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  itest_store_tear_down (&f->base, data);
}

static void
add_incident (Fixture    *f,
              const char *ref,
              int         year,
              int         month,
              gint64      district,
              const char *group,
              gboolean    domestic,
              int         expected,
              int         recorded,
              int         within_24h)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = integrity_store_get_connection (f->base.store);
  g_autofree char *date = g_strdup_printf ("%04d-%02d-15", year, month);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "INSERT INTO recording_audit VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                   " ON CONFLICT (incident_ref) DO UPDATE SET crimes_expected = excluded.crimes_expected,"
                   " crimes_recorded = excluded.crimes_recorded,"
                   " recorded_within_24h = excluded.recorded_within_24h",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, integrity_month_new (year, month));
  sqlite3_bind_int64 (stmt, 4, district);
  sqlite3_bind_text (stmt, 5, group, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, domestic);
  sqlite3_bind_int (stmt, 7, expected);
  sqlite3_bind_int (stmt, 8, recorded);
  sqlite3_bind_int (stmt, 9, within_24h);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static IntegrityKpi *
find_kpi (GPtrArray  *kpis,
          const char *id)
{
  for (guint i = 0; i < kpis->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (kpis, i);
      if (g_strcmp0 (kpi->id, id) == 0)
        return kpi;
    }
  g_assert_not_reached ();
}

/* Ten audited incidents in March 2021, worked out by hand:
 * North: 4 theft, 1 crime each, 3 recorded, 3 within 24h;
 *        2 domestic stalking, 2 crimes each, 1 recorded each, none within 24h.
 * South: 4 violence with injury, 1 each, all 4 recorded, 2 within 24h.
 * Expected 4 + 4 + 4 = 12; recorded 3 + 2 + 4 = 9 → 75.0%. */
static void
build_march (Fixture *f)
{
  add_incident (f, "N1", 2021, 3, f->north, "theft", FALSE, 1, 1, 1);
  add_incident (f, "N2", 2021, 3, f->north, "theft", FALSE, 1, 1, 1);
  add_incident (f, "N3", 2021, 3, f->north, "theft", FALSE, 1, 1, 1);
  add_incident (f, "N4", 2021, 3, f->north, "theft", FALSE, 1, 0, 0);
  add_incident (f, "N5", 2021, 3, f->north, "stalking_harassment", TRUE, 2, 1, 0);
  add_incident (f, "N6", 2021, 3, f->north, "stalking_harassment", TRUE, 2, 1, 0);
  add_incident (f, "S1", 2021, 3, f->south, "violence_with_injury", FALSE, 1, 1, 1);
  add_incident (f, "S2", 2021, 3, f->south, "violence_with_injury", FALSE, 1, 1, 1);
  add_incident (f, "S3", 2021, 3, f->south, "violence_with_injury", FALSE, 1, 1, 0);
  add_incident (f, "S4", 2021, 3, f->south, "violence_with_injury", FALSE, 1, 1, 0);
}

static void
test_page_figures_by_hand (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 1),
                                                            integrity_month_new (2021, 6), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecordingPageData) page = NULL;
  const RecordingSums *march, *january;
  IntegrityProportion rate;
  const RecordingDistrict *lowest;

  build_march (f);
  page = recording_rate_query_page (integrity_store_get_connection (f->base.store), filter, &error);
  g_assert_no_error (error);

  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_ALL_CRIME].expected, ==, 12);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_ALL_CRIME].recorded, ==, 9);
  rate = recording_sums_rate (&page->categories[INTEGRITY_CATEGORY_ALL_CRIME]);
  g_assert_cmpfloat_with_epsilon (rate.p, 0.75, 1e-9);

  /* Violence against the person: 4 violence + 4 stalking crimes, 6 recorded. */
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_VIOLENCE].expected, ==, 8);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_VIOLENCE].recorded, ==, 6);
  /* Domestic abuse and behavioural: the two stalking incidents, 2 of 4. */
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_DOMESTIC_ABUSE].expected, ==, 4);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_BEHAVIOURAL].recorded, ==, 2);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_SEXUAL_OFFENCES].expected, ==, 0);

  /* The months without a sample are gaps, never 0%. */
  january = recording_page_data_month (page, 0, INTEGRITY_CATEGORY_ALL_CRIME);
  march = recording_page_data_month (page, 2, INTEGRITY_CATEGORY_ALL_CRIME);
  g_assert_true (isnan (recording_sums_rate (january).p));
  g_assert_cmpint (march->expected, ==, 12);

  /* 24-hour rate: 3 + 0 + 2 of 9 recorded. */
  g_assert_cmpfloat_with_epsilon (recording_sums_24h_rate (march).p, 5.0 / 9.0, 1e-9);

  /* League table, lowest first: North 5/8 before south 4/4. */
  g_assert_cmpuint (page->districts->len, ==, 2);
  lowest = g_ptr_array_index (page->districts, 0);
  g_assert_cmpstr (lowest->name, ==, "North");
  g_assert_cmpstr (((RecordingDistrict *) g_ptr_array_index (page->districts, 1))->name, ==, "south");
}

static void
test_district_filter_and_rollup (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3),
                                                            integrity_month_new (2021, 3), "SOUTH");
  g_autoptr(RecordingPageData) page = NULL;
  g_autoptr(RecordingPageData) again = NULL;

  build_march (f);
  page = recording_rate_query_page (integrity_store_get_connection (f->base.store), filter, NULL);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_ALL_CRIME].expected, ==, 4);

  /* A corrected row (re-import) moves the rollup with it. */
  add_incident (f, "S4", 2021, 3, f->south, "violence_with_injury", FALSE, 3, 1, 0);
  g_assert_true (integrity_store_exec (f->base.store, "DELETE FROM recording_audit WHERE incident_ref = 'S1'", NULL));
  again = recording_rate_query_page (integrity_store_get_connection (f->base.store), filter, NULL);
  g_assert_cmpint (again->categories[INTEGRITY_CATEGORY_ALL_CRIME].incidents, ==, 3);
  g_assert_cmpint (again->categories[INTEGRITY_CATEGORY_ALL_CRIME].expected, ==, 5);
  g_assert_cmpint (again->categories[INTEGRITY_CATEGORY_ALL_CRIME].recorded, ==, 3);
}

static void
test_kpis (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  IntegrityKpi *rate, *per_day;
  IntegrityProportion expected = integrity_wilson_interval (9, 12, INTEGRITY_Z_95);

  build_march (f);
  /* 3,100 crimes recorded in March (31 days) → 3,100 × 0.25 / 0.75 / 31 = 33.3 a day. */
  g_assert_true (integrity_store_exec (f->base.store,
                 "INSERT INTO recording_volume VALUES (24254, 1, 'theft', 3000), (24254, 2, 'other', 100)", NULL));
  /* February, the previous period, had 1 of 2 recorded. */
  add_incident (f, "P1", 2021, 2, f->north, "theft", FALSE, 2, 1, 1);

  recording_rate_collect_kpis (integrity_store_get_connection (f->base.store), filter, kpis);
  rate = find_kpi (kpis, "recording-rate");
  g_assert_cmpfloat_with_epsilon (rate->value, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate->lo, expected.lo, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate->hi, expected.hi, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate->previous, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate->target, 0.90, 1e-9);
  g_assert_cmpint (rate->status, ==, INTEGRITY_KPI_STATUS_BAD);
  g_assert_nonnull (strstr (rate->explanation, "Of 12 crimes"));

  per_day = find_kpi (kpis, "unrecorded-per-day");
  g_assert_cmpfloat_with_epsilon (per_day->value, 3100.0 * 0.25 / 0.75 / 31.0, 1e-6);
  g_assert_false (per_day->higher_is_better);

  g_assert_cmpfloat_with_epsilon (find_kpi (kpis, "recorded-within-24h")->value, 5.0 / 9.0, 1e-9);
}

static void
test_target_from_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3),
                                                            integrity_month_new (2021, 3), NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

  build_march (f);
  g_assert_true (integrity_store_exec (f->base.store, "INSERT INTO target VALUES ('recording-rate', 0.70)", NULL));
  recording_rate_collect_kpis (integrity_store_get_connection (f->base.store), filter, kpis);
  g_assert_cmpint (find_kpi (kpis, "recording-rate")->status, ==, INTEGRITY_KPI_STATUS_GOOD);
}

/* The demo tells the inspection's story. */
static void
test_demo_story (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) before = integrity_filter_new (integrity_month_new (2018, 7), integrity_month_new (2018, 12), NULL);
  g_autoptr(IntegrityFilter) low = integrity_filter_new (integrity_month_new (2020, 1), integrity_month_new (2020, 10), NULL);
  g_autoptr(IntegrityFilter) after = integrity_filter_new (integrity_month_new (2021, 10), integrity_month_new (2021, 12), NULL);
  g_autoptr(RecordingPageData) p1 = NULL;
  g_autoptr(RecordingPageData) p2 = NULL;
  g_autoptr(RecordingPageData) p3 = NULL;
  IntegrityProportion all, violence, domestic, behavioural;
  sqlite3 *db = integrity_store_get_connection (f->base.store);

  g_assert_true (integrity_store_begin (f->base.store, &error));
  g_assert_true (recording_rate_generate_demo (f->base.store, rand, 1, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_commit (f->base.store, &error));

  p1 = recording_rate_query_page (db, before, &error);
  p2 = recording_rate_query_page (db, low, &error);
  p3 = recording_rate_query_page (db, after, &error);
  g_assert_cmpfloat_with_epsilon (recording_sums_rate (&p1->categories[0]).p, 0.89, 0.02);
  all = recording_sums_rate (&p2->categories[INTEGRITY_CATEGORY_ALL_CRIME]);
  g_assert_cmpfloat_with_epsilon (all.p, 0.777, 0.02);
  g_assert_cmpfloat_with_epsilon (recording_sums_rate (&p3->categories[0]).p, 0.90, 0.02);

  violence = recording_sums_rate (&p2->categories[INTEGRITY_CATEGORY_VIOLENCE]);
  domestic = recording_sums_rate (&p2->categories[INTEGRITY_CATEGORY_DOMESTIC_ABUSE]);
  behavioural = recording_sums_rate (&p2->categories[INTEGRITY_CATEGORY_BEHAVIOURAL]);
  g_assert_cmpfloat (violence.hi, <, all.p);
  g_assert_cmpfloat (domestic.hi, <, all.p);
  g_assert_cmpfloat (behavioural.hi, <, violence.p);

  /* Two districts lag: the league table starts with them. */
  for (guint i = 0; i < 2; i++)
    {
      const char *name = ((RecordingDistrict *) g_ptr_array_index (p2->districts, i))->name;
      g_assert_true (g_str_equal (name, "Eastfield") || g_str_equal (name, "Westmoor"));
    }
}

static gboolean
import_file (Fixture             *f,
             const char          *kind,
             const char          *path,
             IntegrityImportJob **job_out,
             GError             **error)
{
  g_autoptr(IntegrityImportJob) job = integrity_import_job_new (f->base.store,
                                                                itest_find_importer (f->base.importers, kind), path);
  gboolean ok = integrity_import_job_run (job, NULL, error);

  if (job_out != NULL)
    *job_out = g_steal_pointer (&job);
  return ok;
}

static void
test_audit_bounds_are_errors (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->base.dir, "audit.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityImportJob) job = NULL;
  GPtrArray *errors;

  g_assert_true (g_file_set_contents (path,
    "incident_ref,reported_date,district,offence_group,domestic_abuse,crimes_expected,crimes_recorded,recorded_within_24h\n"
    "A1,2021-03-01,North,theft,N,1,1,1\n"
    "A2,02/03/2021,North,theft,N,1,2,0\n"
    "A3,2021-03-03,North,theft,no,2,1,2\n"
    "A4,2021-03-04,North,shoplifting,N,1,1,1\n"
    "A5,2021-03-05,North,theft,N,-1,0,0\n", -1, NULL));

  g_assert_false (import_file (f, "recording-audit", path, &job, &error));
  errors = integrity_import_job_get_errors (job);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==,
                   "audit.csv:3: column 'crimes_recorded': 2 is more than crimes_expected (1)");
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==,
                   "audit.csv:4: column 'recorded_within_24h': 2 is more than crimes_recorded (1)");
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 2), "audit.csv:5: column 'offence_group': 'shoplifting'"));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 3), "audit.csv:6: column 'crimes_expected': '-1'"));

  /* Nothing was imported, not even the good first row. */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    sqlite3_prepare_v2 (integrity_store_get_connection (f->base.store), "SELECT count(*) FROM recording_audit", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }
}

static void
test_audit_import_and_reimport (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->base.dir, "audit.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityImportJob) first = NULL;
  g_autoptr(IntegrityImportJob) second = NULL;
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 3), integrity_month_new (2021, 3), NULL);
  g_autoptr(RecordingPageData) page = NULL;

  /* Columns in another order, an alias, a DD/MM/YYYY date, yes/no. */
  g_assert_true (g_file_set_contents (path,
    "district,reference,offence_group,reported_date,domestic_abuse,crimes_expected,crimes_recorded,recorded_within_24h\n"
    "East,A1,stalking_harassment,01/03/2021,yes,2,1,1\n"
    "East,A2,theft,2021-03-09,no,1,1,0\n", -1, NULL));
  g_assert_true (import_file (f, "recording-audit", path, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (integrity_import_job_get_rows_inserted (first), ==, 2);
  g_assert_true (import_file (f, "recording-audit", path, &second, &error));
  g_assert_cmpint (integrity_import_job_get_rows_inserted (second), ==, 0);
  g_assert_cmpint (integrity_import_job_get_rows_unchanged (second), ==, 2);

  page = recording_rate_query_page (integrity_store_get_connection (f->base.store), filter, &error);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_ALL_CRIME].expected, ==, 3);
  g_assert_cmpint (page->categories[INTEGRITY_CATEGORY_DOMESTIC_ABUSE].recorded, ==, 1);
}

static void
test_street_district_names (void)
{
  struct { const char *lsoa, *district; } cases[] = {
    { "Bolton 001A", "Bolton" },
    { "City of London 001E", "City of London" },
    { "Camden 028B", "Camden" },
    { "", "Unknown" },
    { NULL, "Unknown" },
    { "Westminster", "Westminster" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *district = recording_rate_street_district (cases[i].lsoa);
      g_assert_cmpstr (district, ==, cases[i].district);
    }
}

/* Counted here from the raw file, independently of the importer: these
 * samples have no quoted fields (asserted), so a comma split is exact. */
static GHashTable *
count_street_file (const char *path,
                   int        *crimes,
                   int        *asb)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *by_district = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strchr (contents, '"'));
  lines = g_strsplit (contents, "\n", -1);
  *crimes = *asb = 0;
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *district = NULL;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 12);
      if (g_str_equal (fields[9], "Anti-social behaviour"))
        {
          (*asb)++;
          continue;
        }
      (*crimes)++;
      district = recording_rate_street_district (fields[8]);
      g_hash_table_replace (by_district, g_strdup (district),
                            GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (by_district, district)) + 1));
    }
  return by_district;
}

static int
stored_street_count (Fixture    *f,
                     int         month,
                     const char *district)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sqlite3_prepare_v2 (integrity_store_get_connection (f->base.store),
                      "SELECT coalesce (sum(crimes), 0) FROM recording_street s JOIN district d ON d.id = s.district_id"
                      " WHERE month = ?1 AND (?2 IS NULL OR d.name = ?2)", -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, month);
  sqlite3_bind_text (stmt, 2, district, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  return sqlite3_column_int (stmt, 0);
}

static void
test_police_uk_samples (Fixture       *f,
                        gconstpointer  data)
{
  const char *files[] = { "police-uk/2016-01-city-of-london-street.csv",
                          "police-uk/2016-02-city-of-london-street.csv",
                          "police-uk/2016-03-city-of-london-street.csv" };

  g_autofree char *probe = itest_shared_data_path (files[0]);

  if (probe == NULL)
    {
      g_test_skip ("The police.uk samples in ../shared/data are not in this checkout");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = itest_shared_data_path (files[i]);
      g_autoptr(GHashTable) expected = NULL;
      g_autoptr(GError) error = NULL;
      int month = integrity_month_new (2016, (int) i + 1);
      int crimes, asb;
      GHashTableIter iter;
      gpointer name, count;

      expected = count_street_file (path, &crimes, &asb);
      g_test_message ("%s: %d crimes, %d anti-social behaviour", files[i], crimes, asb);
      g_assert_cmpint (asb, >, 0);

      g_assert_true (import_file (f, "police-uk-street", path, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stored_street_count (f, month, NULL), ==, crimes);
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &name, &count))
        g_assert_cmpint (stored_street_count (f, month, name), ==, GPOINTER_TO_INT (count));

      /* The same month again replaces it, never doubles it. */
      g_assert_true (import_file (f, "police-uk-street", path, NULL, &error));
      g_assert_cmpint (stored_street_count (f, month, NULL), ==, crimes);
    }
}

/* `integrity kpis --json` prints the plugin's own figures. */
static void
test_kpis_json_matches (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "app", "integrity", NULL);
  g_autofree char *store = g_build_filename (f->base.dir, "demo.sqlite", NULL);
  const char *demo[] = { binary, "demo", "--store", store, "--seed", "11", NULL };
  const char *kpis[] = { binary, "kpis", "--json", "--store", store, "--from", "2020-01", "--to", "2020-12", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) opened = NULL;
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2020, 1), integrity_month_new (2020, 12), NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) kpis, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);

  opened = integrity_store_open (store, &error);
  g_assert_no_error (error);
  recording_rate_collect_kpis (integrity_store_get_connection (opened), filter, expected);
  g_assert_nonnull (strstr (out, "\"period\": {\"from\": \"2020-01\", \"to\": \"2020-12\"}"));
  g_assert_nonnull (strstr (out, "\"demo\": true"));
  for (guint i = 0; i < expected->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (expected, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *entry = g_strdup_printf ("\"id\": \"%s\", \"label\": \"%s\", \"value\": %s,",
                                                kpi->id, kpi->label,
                                                g_ascii_formatd (number, sizeof number, "%.6g", kpi->value));
      g_assert_nonnull (strstr (out, entry));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/recording-rate/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page-figures-by-hand", test_page_figures_by_hand);
  ADD ("district-filter-and-rollup", test_district_filter_and_rollup);
  ADD ("kpis", test_kpis);
  ADD ("target-from-store", test_target_from_store);
  ADD ("demo-story", test_demo_story);
  ADD ("audit-bounds-are-errors", test_audit_bounds_are_errors);
  ADD ("audit-import-and-reimport", test_audit_import_and_reimport);
  ADD ("police-uk-samples", test_police_uk_samples);
  ADD ("kpis-json-matches", test_kpis_json_matches);
  g_test_add_func ("/recording-rate/street-district-names", test_street_district_names);
#undef ADD

  return g_test_run ();
}
