/* test-query-plans.c — no dashboard query scans a large table. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <string.h>

#include "integrity-test-util.h"
#include "recording-rate-data.h"
#include "recording-rate-demo.h"
#include "training-data.h"
#include "training-demo.h"
#include "training-outstanding-query.h"
#include "training-query.h"
#include "victim-care-data.h"
#include "victim-care-demo.h"
#include "victim-care-queries.h"

/* Every statement the plugins' page, KPI, queue and drill-down queries
 * run is recorded as it runs (sqlite3_trace_v2), then asked for its plan.
 * A plan that reads the whole of a table that grows with the data (the raw
 * rows, not the rollups) fails: at national scale that is seconds, not
 * milliseconds. An index that bounds the search (SEARCH) is fine. */
static const char *const large_tables[] = {
  "recording_audit", "recording_street",
  "victim_case", "victim_decision", "victim_support_line",
  "training_officer", "training_completion", "training_member",
  /* Running totals by day: as many rows as days of change, and read a row per cell. */
  "training_module_progress", "training_league_progress",
};
/* Not listed: the rollups, and victim_queue, which holds only what is still
 * outstanding and is read a page (LIMIT) at a time in the order of an index.
 * A scan of a partial index (victim_case_open: open cases only) reads only
 * the rows its WHERE keeps, and is allowed. */

typedef struct
{
  char       *dir;
  IntegrityStore *store;
  sqlite3    *db;
  GPtrArray  *statements;  /* char *, expanded SQL, unique */
  GHashTable *seen;
} Fixture;

static int
on_trace (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  Fixture *f = data;
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && !g_hash_table_contains (f->seen, sql)
      && (g_ascii_strncasecmp (sql, "SELECT", 6) == 0 || g_ascii_strncasecmp (sql, "WITH", 4) == 0))
    {
      g_hash_table_add (f->seen, g_strdup (sql));
      g_ptr_array_add (f->statements, g_strdup (sql));
    }
  sqlite3_free (sql);
  return 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *path = NULL;
  const IntegrityMigration *migrations;
  gsize n;

  f->dir = itest_make_temp_dir ();
  path = g_build_filename (f->dir, "store.sqlite", NULL);
  f->store = integrity_store_open (path, &error);
  g_assert_no_error (error);
  migrations = recording_rate_migrations (&n);
  g_assert_true (integrity_store_register_migrations (f->store, RECORDING_RATE_ID, migrations, n, &error));
  migrations = victim_care_migrations (&n);
  g_assert_true (integrity_store_register_migrations (f->store, VICTIM_CARE_ID, migrations, n, &error));
  migrations = training_migrations (&n);
  g_assert_true (integrity_store_register_migrations (f->store, TRAINING_ID, migrations, n, &error));
  g_assert_true (integrity_store_begin (f->store, &error));
  g_assert_true (recording_rate_generate_demo (f->store, rand, 1, &error));
  g_assert_true (victim_care_generate_demo (f->store, rand, 1, &error));
  g_assert_true (training_generate_demo (f->store, rand, 1, &error));
  g_assert_true (integrity_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* ANALYZE is never run on a user's store: plan as it will be planned there. */
  f->db = integrity_store_open_reader (f->store, &error);
  g_assert_no_error (error);
  f->statements = g_ptr_array_new_with_free_func (g_free);
  f->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_trace_v2 (f->db, SQLITE_TRACE_STMT, on_trace, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->db);
  g_clear_object (&f->store);
  g_clear_pointer (&f->statements, g_ptr_array_unref);
  g_clear_pointer (&f->seen, g_hash_table_unref);
  itest_remove_tree (f->dir);
  g_free (f->dir);
}

/* The large table a plan's "SCAN name" reads, if any: name is the table or an alias of it. */
static const char *
scanned_large_table (const char *sql,
                     const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (large_tables); i++)
    {
      g_autofree char *pattern = NULL;

      if (g_str_equal (name, large_tables[i]))
        return large_tables[i];
      pattern = g_strdup_printf ("\\b%s\\s+(AS\\s+)?%s\\b", large_tables[i], name);
      if (g_regex_match_simple (pattern, sql, G_REGEX_CASELESS, 0))
        return large_tables[i];
    }
  return NULL;
}

static gboolean
uses_partial_index (sqlite3    *db,
                    const char *detail)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("USING (COVERING )?INDEX (\\w+)", 0, 0, NULL);
  g_autofree char *index = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean partial = FALSE;

  if (!g_regex_match (regex, detail, 0, &match))
    return FALSE;
  index = g_match_info_fetch (match, 2);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql LIKE '% WHERE %' FROM sqlite_master"
                                       " WHERE type = 'index' AND name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, index, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    partial = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return partial;
}

static guint
check_plans (Fixture *f)
{
  guint failures = 0;

  g_assert_cmpuint (f->statements->len, >, 0);
  for (guint i = 0; i < f->statements->len; i++)
    {
      const char *sql = g_ptr_array_index (f->statements, i);
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;
      gboolean bad = FALSE;

      g_assert_cmpint (sqlite3_prepare_v2 (f->db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_string_append_printf (plan, "\n    %s", detail);
          if (g_str_has_prefix (detail, "SCAN "))
            {
              g_autofree char *name = g_strdup (detail + 5);

              *strchrnul (name, ' ') = '\0';
              if (scanned_large_table (sql, name) != NULL && !uses_partial_index (f->db, detail))
                bad = TRUE;
            }
        }
      sqlite3_finalize (stmt);
      if (bad)
        {
          g_test_message ("full scan of a large table:\n  %s%s", sql, plan->str);
          failures++;
        }
    }
  return failures;
}

static void
run_pages (Fixture    *f,
           const char *district)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = integrity_filter_new (integrity_month_new (2021, 1),
                                                            integrity_month_new (2021, 12), district);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  RecordingPageData *recording = recording_rate_query_page (f->db, filter, &error);
  g_autoptr(VictimPageData) victims = victim_care_query_page (f->db, filter, &error);
  g_autoptr(TrainingPageData) training = training_query_page (f->db, filter, training_today (),
                                                              TRAINING_QUERY_FIGURES, &error);
  g_autoptr(GPtrArray) incidents = recording_rate_query_incidents (f->db, filter->from, filter->to,
                                                                   district, 100, &error);
  IntegrityMonth first, last;

  g_assert_no_error (error);
  g_assert_nonnull (recording);
  g_assert_nonnull (victims);
  g_assert_nonnull (training);
  g_assert_nonnull (incidents);
  recording_page_data_free (recording);
  recording_rate_collect_kpis (f->db, filter, kpis);
  victim_care_collect_kpis (f->db, filter, kpis);
  training_collect_kpis (f->db, filter, kpis);
  g_assert_cmpuint (kpis->len, >, 0);
  recording_rate_data_range (f->db, &first, &last);
  victim_care_data_range (f->db, &first, &last);
  training_data_range (f->db, &first, &last);

  /* The outstanding training list as the page asks for it: every sort, each kind of search. */
  for (int sort = TRAINING_OUTSTANDING_SORT_REFERENCE; sort <= TRAINING_OUTSTANDING_SORT_DEADLINE; sort++)
    for (guint s = 0; s < 5; s++)
      {
        static const char *const searches[] = { NULL, "sergeant", "victim", "east", "1000" };
        g_autoptr(TrainingOutstandingQuery) query = training_outstanding_query_new (district, training->as_at);
        g_autoptr(GPtrArray) rows = NULL;
        guint n_all, n_matching;

        query->sort = sort;
        query->descending = sort % 2;
        query->search = g_strdup (searches[s]);
        g_assert_true (training_outstanding_count (f->db, query, &n_all, &n_matching, &error));
        rows = training_outstanding_fetch (f->db, query, 200, 200, &error);
        g_assert_no_error (error);
      }

  /* The work queue as the page asks for it: every kind, every sort, a search. */
  for (int kind = -1; kind <= 2; kind++)
    for (int when = VICTIM_WHEN_ALL; when <= VICTIM_WHEN_DUE_TODAY; when++)
      for (int sort = VICTIM_SORT_DEADLINE; sort <= VICTIM_SORT_DUE; sort++)
        {
          VictimQueueQuery query = { (char *) district, kind, when, NULL, sort, sort % 2 };
          g_autoptr(GPtrArray) rows = NULL;

          g_date_clear (&query.as_at, 1);
          g_assert_cmpint (victim_queue_count (f->db, &query, &error), >=, 0);
          rows = victim_queue_fetch (f->db, &query, 0, 200, &error);
          g_assert_no_error (error);
          query.search = (char *) "VC0";
          g_clear_pointer (&rows, g_ptr_array_unref);
          rows = victim_queue_fetch (f->db, &query, 0, 200, &error);
          g_assert_no_error (error);
          if (rows->len > 0 && kind == -1 && when == 0 && sort == 0)
            {
              const VictimQueueRow *row = g_ptr_array_index (rows, 0);
              g_autoptr(GPtrArray) timeline = NULL;
              GDate as_at;

              g_assert_true (victim_read_as_at (f->db, &as_at));
              timeline = victim_case_timeline (f->db, row->case_ref, &as_at, &error);

              g_assert_no_error (error);
            }
        }
}

static void
test_no_full_scans (Fixture       *f,
                    gconstpointer  data)
{
  run_pages (f, NULL);
  run_pages (f, "Eastfield");
  g_assert_cmpuint (check_plans (f), ==, 0);
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The demo fills its rollups with the triggers suspended, a district at a time:
 * writing the same raw rows again through the triggers gives the same rollups. */
static void
test_demo_rollups_match_triggers (Fixture       *f,
                                  gconstpointer  data)
{
  static const char *const rollups[] = {
    "recording_audit_rollup", "recording_audit_force", "recording_audit_district", "recording_volume_force", "victim_case_rollup", "victim_contact_rollup", "victim_closure_rollup",
    "victim_decision_rollup", "victim_support_rollup", "victim_queue", "victim_latest",
    "victim_closure_force", "victim_contact_force", "victim_support_force",
  };
  static const char *const raw[] = {
    "recording_audit", "recording_volume", "victim_case", "victim_decision", "victim_support_line",
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = integrity_store_get_connection (f->store);

  g_assert_true (integrity_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (rollups); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP TABLE snap_%s AS SELECT * FROM %s;",
                                              rollups[i], rollups[i]);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP TABLE copy_%s AS SELECT * FROM %s;",
                                              raw[i], raw[i]);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  /* Emptied in an order the foreign keys allow, then written again row by row. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM victim_decision; DELETE FROM victim_case;"
                                 " DELETE FROM victim_support_line; DELETE FROM recording_audit; DELETE FROM recording_volume;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (rollups); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s;", rollups[i]);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s SELECT * FROM copy_%s;", raw[i], raw[i]);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rollups); i++)
    {
      g_autofree char *snap = g_strdup_printf ("SELECT count(*) FROM snap_%s", rollups[i]);
      g_autofree char *diff = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM %s EXCEPT"
                                               " SELECT * FROM snap_%s UNION ALL SELECT * FROM snap_%s"
                                               " EXCEPT SELECT * FROM %s)",
                                               rollups[i], rollups[i], rollups[i], rollups[i]);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", rollups[i], count_rows (db, snap));
      g_assert_cmpint (count_rows (db, snap), >, 0);
      g_assert_cmpint (count_rows (db, diff), ==, 0);
    }
  integrity_store_rollback (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/query-plans/no-full-scans", Fixture, NULL, fixture_set_up, test_no_full_scans, fixture_tear_down);
  g_test_add ("/query-plans/demo-rollups-match-triggers", Fixture, NULL, fixture_set_up,
              test_demo_rollups_match_triggers, fixture_tear_down);
  return g_test_run ();
}
