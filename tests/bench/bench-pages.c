/* bench-pages.c — each plugin page's queries, and the same figures by plain GROUP BY. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "recording-rate-data.h"
#include "training-data.h"
#include "training-outstanding-query.h"
#include "training-query.h"
#include "victim-care-data.h"
#include "victim-care-queries.h"

/* Prints one tab-separated line per measurement:
 *   STORE-LABEL  WHAT  FILTER  MEDIAN-MS  MIN-MS
 * for tools/bench to tabulate. Times are printed, never asserted. */

#define RUNS 7

typedef gboolean (*QueryFunc) (sqlite3 *db, const IntegrityFilter *filter);

static gboolean
query_recording_rate (sqlite3               *db,
                      const IntegrityFilter *filter)
{
  g_autoptr(GError) error = NULL;
  RecordingPageData *data = recording_rate_query_page (db, filter, &error);

  if (data == NULL)
    g_printerr ("recording-rate: %s\n", error->message);
  g_clear_pointer (&data, recording_page_data_free);
  return error == NULL;
}

static gboolean
query_victim_care (sqlite3               *db,
                   const IntegrityFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VictimPageData) data = victim_care_query_page (db, filter, &error);
  g_autoptr(GPtrArray) rows = NULL;
  VictimQueueQuery query = { 0 };

  if (data == NULL)
    {
      g_printerr ("victim-care: %s\n", error->message);
      return FALSE;
    }
  /* The work queue as the page asks for it: the count, then the first page. */
  query.district = filter->district;
  query.kind = -1;
  query.when = VICTIM_WHEN_ALL;
  query.sort = VICTIM_SORT_DEADLINE;
  g_date_clear (&query.as_at, 1);
  if (victim_queue_count (db, &query, &error) < 0)
    {
      g_printerr ("victim-care queue: %s\n", error->message);
      return FALSE;
    }
  rows = victim_queue_fetch (db, &query, 0, 200, &error);
  if (rows == NULL)
    g_printerr ("victim-care queue: %s\n", error->message);
  return rows != NULL;
}

static gboolean
query_training (sqlite3               *db,
                const IntegrityFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrainingPageData) data = training_query_page (db, filter, training_today (),
                                                          TRAINING_QUERY_FIGURES, &error);
  g_autoptr(TrainingOutstandingQuery) query = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_all, n_matching;

  if (data == NULL)
    {
      g_printerr ("training: %s\n", error->message);
      return FALSE;
    }
  /* The outstanding list as the page asks for it: the count, then the first page. */
  query = training_outstanding_query_new (filter->district, data->as_at);
  if (!training_outstanding_count (db, query, &n_all, &n_matching, &error)
      || (rows = training_outstanding_fetch (db, query, 0, 200, &error)) == NULL)
    {
      g_printerr ("training outstanding: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_kpis (sqlite3               *db,
            const IntegrityFilter *filter)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

  recording_rate_collect_kpis (db, filter, kpis);
  victim_care_collect_kpis (db, filter, kpis);
  training_collect_kpis (db, filter, kpis);
  return kpis->len > 0;
}

/* The same figures as the dashboard's rollups, summed from the raw
 * tables by plain GROUP BY: what every view would cost without them. */
static const char *const raw_sql[] = {
  "SELECT month, offence_group, domestic_abuse, count(*), sum(crimes_expected), sum(crimes_recorded),"
  " sum(recorded_within_24h) FROM recording_audit WHERE month BETWEEN ?1 AND ?2"
  " AND (?3 IS NULL OR district_id = (SELECT id FROM district WHERE name = ?3))"
  " GROUP BY month, offence_group, domestic_abuse",
  "SELECT d.name, count(*), sum(a.crimes_expected), sum(a.crimes_recorded) FROM recording_audit a"
  " JOIN district d ON d.id = a.district_id WHERE a.month BETWEEN ?1 AND ?2"
  " AND (?3 IS NULL OR d.name = ?3) GROUP BY a.district_id",
  "SELECT month, count(*), sum(first_contact_date IS NOT NULL), sum(support_referral_date IS NOT NULL),"
  " sum(referral_state), sum(closed_date IS NOT NULL), sum(victim_informed_date IS NOT NULL),"
  " sum(supervisor_reviewed) FROM victim_case WHERE month BETWEEN ?1 AND ?2"
  " AND (?3 IS NULL OR district_id = (SELECT id FROM district WHERE name = ?3))"
  " GROUP BY month",
  "SELECT month, decision, count(*), sum(victim_informed_date IS NOT NULL), sum(state)"
  " FROM victim_decision WHERE month BETWEEN ?1 AND ?2"
  " AND (?3 IS NULL OR district_id = (SELECT id FROM district WHERE name = ?3))"
  " GROUP BY month, decision",
  "SELECT o.district_id, c.module, count(*) FROM training_completion c"
  " JOIN training_officer o ON o.officer_ref = c.officer_ref"
  " WHERE (?3 IS NULL OR o.district_id = (SELECT id FROM district WHERE name = ?3))"
  " GROUP BY o.district_id, c.module",
};

static gboolean
query_raw (sqlite3               *db,
           const IntegrityFilter *filter)
{
  IntegrityMonth previous = filter->from - integrity_filter_get_n_months (filter);

  for (guint i = 0; i < G_N_ELEMENTS (raw_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, raw_sql[i], -1, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          g_printerr ("raw query %u: %s\n", i, sqlite3_errmsg (db));
          return FALSE;
        }
      /* The current period and the one before it, as the KPIs compare them. */
      sqlite3_bind_int (stmt, 1, previous);
      sqlite3_bind_int (stmt, 2, filter->to);
      sqlite3_bind_text (stmt, 3, filter->district, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/* BENCH_PROFILE=MS: print each statement that takes longer than MS. */
static int
on_profile (unsigned  type,
            void     *data,
            void     *p,
            void     *x)
{
  double ms = *(sqlite3_int64 *) x / 1e6;

  if (ms >= GPOINTER_TO_UINT (data))
    {
      char *sql = sqlite3_expanded_sql (p);

      g_printerr ("%8.1f ms  %.300s\n", ms, sql);
      sqlite3_free (sql);
    }
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of RUNS, each on a fresh read connection after one warm-up, as a
 * worker opens its own: the figure a page waits for with the file cached. */
static double
measure (IntegrityStore        *store,
         QueryFunc              func,
         const IntegrityFilter *filter,
         guint                  runs,
         double                *min_ms)
{
  double times[RUNS];

  runs = MIN (runs, RUNS);
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = integrity_store_open_reader (store, &error);
      gint64 start;

      if (db == NULL)
        g_error ("%s", error->message);
      if (i == runs && g_getenv ("BENCH_PROFILE") != NULL)
        sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, on_profile,
                          GUINT_TO_POINTER (atoi (g_getenv ("BENCH_PROFILE"))));
      start = g_get_monotonic_time ();
      if (!func (db, filter))
        exit (1);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
      sqlite3_close (db);
    }
  qsort (times, runs, sizeof times[0], compare_doubles);
  *min_ms = times[0];
  return times[runs / 2];
}

static void
report (const char            *label,
        const char            *what,
        const char            *filter_name,
        IntegrityStore        *store,
        QueryFunc              func,
        const IntegrityFilter *filter,
        guint                  runs)
{
  double min_ms;
  double median = measure (store, func, filter, runs, &min_ms);

  g_print ("%s\t%s\t%s\t%.1f\t%.1f\n", label, what, filter_name, median, min_ms);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; QueryFunc func; } pages[] = {
    { "recording-rate", query_recording_rate },
    { "victim-care", query_victim_care },
    { "training", query_training },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityStore) store = NULL;
  g_autoptr(IntegrityFilter) all = NULL;
  g_autoptr(IntegrityFilter) district = NULL;
  g_autoptr(IntegrityFilter) changed = NULL;
  const char *label;
  sqlite3 *db;
  IntegrityMonth first = 0, last = 0, f, l;
  gboolean found = FALSE;
  struct rusage usage;

  if (argc != 3)
    {
      g_printerr ("usage: bench-pages STORE LABEL\n");
      return 2;
    }
  label = argv[2];
  store = integrity_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* As the plugins do when they load: brings an older store up to date. */
  {
    const IntegrityMigration *migrations;
    gsize n;

    migrations = recording_rate_migrations (&n);
    if (!integrity_store_register_migrations (store, RECORDING_RATE_ID, migrations, n, &error))
      g_error ("%s", error->message);
    migrations = victim_care_migrations (&n);
    if (!integrity_store_register_migrations (store, VICTIM_CARE_ID, migrations, n, &error))
      g_error ("%s", error->message);
    migrations = training_migrations (&n);
    if (!integrity_store_register_migrations (store, TRAINING_ID, migrations, n, &error))
      g_error ("%s", error->message);
  }
  db = integrity_store_open_reader (store, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  if (recording_rate_data_range (db, &f, &l))
    first = f, last = l, found = TRUE;
  if (victim_care_data_range (db, &f, &l))
    first = found ? MIN (first, f) : f, last = found ? MAX (last, l) : l, found = TRUE;
  sqlite3_close (db);

  all = integrity_filter_new_default (found, first, last, NULL);
  district = integrity_filter_new_default (found, first, last, "Eastfield");
  /* A filter change: another district and the six months before. */
  changed = integrity_filter_new (all->from - 6, all->to - 6, "Westmoor");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      report (label, pages[i].name, "all", store, pages[i].func, all, RUNS);
      report (label, pages[i].name, "district", store, pages[i].func, district, RUNS);
      report (label, pages[i].name, "changed", store, pages[i].func, changed, RUNS);
    }
  report (label, "kpis", "all", store, query_kpis, all, RUNS);
  report (label, "raw-group-by", "all", store, query_raw, all, 3);
  report (label, "raw-group-by", "district", store, query_raw, district, 3);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s\tpeak-rss-mb\t-\t%.1f\t-\n", label, usage.ru_maxrss / 1024.0);
  return 0;
}
