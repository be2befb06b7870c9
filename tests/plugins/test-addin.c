/* test-addin.c — a test-only plugin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-addin"

#include "config.h"

#include <integrity.h>

#define TEST_TYPE_ADDIN (test_addin_get_type ())
G_DECLARE_FINAL_TYPE (TestAddin, test_addin, TEST, ADDIN, GObject)

struct _TestAddin
{
  GObject            parent_instance;
  IntegrityContext  *context;
  IntegrityImporter *importer;
};

static const IntegrityMigration migrations[] = {
  { 1, "CREATE TABLE test_addin_event (id INTEGER PRIMARY KEY, month TEXT NOT NULL, value REAL NOT NULL);" },
};

/* The importer's table, a component of its own so test-addin stays at schema 1. */
static const IntegrityMigration record_migrations[] = {
  { 1, "CREATE TABLE test_addin_record (ref TEXT PRIMARY KEY, recorded_date TEXT NOT NULL,"
       " closed_date TEXT, month TEXT NOT NULL, district_id INTEGER REFERENCES district (id),"
       " category TEXT, victims INTEGER, score REAL, supervised INTEGER);" },
};

/* The test-only importer: kind "test-events", one column of every type. */
enum { COL_REF, COL_RECORDED, COL_CLOSED };

static const IntegrityImportColumn record_columns[] = {
  { "ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY,
    .aliases = (const char *const[]) { "Reference", "Crime ID", NULL } },
  { "recorded_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED },
  { "closed_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_OPTIONAL },
  { "month", INTEGRITY_COLUMN_MONTH, INTEGRITY_COLUMN_REQUIRED },
  { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_OPTIONAL },
  { "category", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_OPTIONAL,
    .values = (const char *const[]) { "violence", "theft", "other", NULL } },
  { "victims", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_OPTIONAL, .min = 0, .max = 100 },
  { "score", INTEGRITY_COLUMN_DECIMAL, INTEGRITY_COLUMN_OPTIONAL },
  { "supervised", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_OPTIONAL },
};

static gpointer
record_begin (IntegrityImporter  *importer,
              sqlite3            *db,
              GError            **error)
{
  return integrity_import_upsert_new (db,
    "INSERT INTO test_addin_record VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (ref) DO NOTHING",
    "UPDATE test_addin_record SET recorded_date = ?2, closed_date = ?3, month = ?4,"
    " district_id = ?5, category = ?6, victims = ?7, score = ?8, supervised = ?9"
    " WHERE ref = ?1 AND (recorded_date, closed_date, month, district_id, category,"
    " victims, score, supervised) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
}

static IntegrityImportOutcome
record_row (const IntegrityImportRow  *row,
            gpointer                   job_data,
            GError                   **error)
{
  GDate recorded, closed;

  if (integrity_import_row_get_date (row, COL_CLOSED, &closed)
      && integrity_import_row_get_date (row, COL_RECORDED, &recorded)
      && g_date_compare (&closed, &recorded) < 0)
    return integrity_import_row_reject (row, error, COL_CLOSED, "'%s' is before recorded_date",
                                        integrity_import_row_get_text (row, COL_CLOSED));

  return integrity_import_upsert_row (job_data, row, error);
}

static const IntegrityImporterInfo record_importer = {
  .kind = "test-events",
  .component = "test-addin",
  .title = "Test events",
  .description = "Events for the test suite, one column of every type.",
  .columns = record_columns,
  .n_columns = G_N_ELEMENTS (record_columns),
  .begin = record_begin,
  .row = record_row,
  .free_job_data = integrity_import_upsert_free,
};

static gboolean
test_addin_load (IntegrityAddin    *addin,
                 IntegrityContext  *context,
                 GError           **error)
{
  TestAddin *self = TEST_ADDIN (addin);

  self->context = g_object_ref (context);
  if (!integrity_store_register_migrations (integrity_context_get_store (context), "test-addin",
                                            migrations, G_N_ELEMENTS (migrations), error)
      || !integrity_store_register_migrations (integrity_context_get_store (context),
                                               "test-addin-import", record_migrations,
                                               G_N_ELEMENTS (record_migrations), error))
    return FALSE;
  self->importer = integrity_importer_new (&record_importer, self);
  integrity_context_add_importer (context, self->importer);
  return TRUE;
}

static void
test_addin_unload (IntegrityAddin   *addin,
                   IntegrityContext *context)
{
  TestAddin *self = TEST_ADDIN (addin);

  if (self->importer != NULL)
    integrity_context_remove_importer (context, self->importer);
  g_clear_object (&self->importer);
  g_clear_object (&self->context);
}

static GtkWidget *
test_addin_create_page (IntegrityAddin *addin)
{
  GtkWidget *label = gtk_label_new ("Test add-in page");

  gtk_widget_set_name (label, "test-addin-page");
  return label;
}

static void
test_addin_collect_kpis (IntegrityAddin        *addin,
                         sqlite3               *db,
                         const IntegrityFilter *filter,
                         GPtrArray             *kpis,
                         GCancellable          *cancellable)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  IntegrityKpi *kpi = integrity_kpi_new ("test-addin", "events", "Test events",
                                         INTEGRITY_FORMAT_COUNT);
  g_autofree char *from = integrity_month_to_string (filter->from);
  g_autofree char *to = integrity_month_to_string (filter->to);

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM test_addin_event WHERE month BETWEEN ?1 AND ?2",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        kpi->value = sqlite3_column_double (stmt, 0);
    }
  g_ptr_array_add (kpis, kpi);
}

static gboolean
test_addin_get_data_range (IntegrityAddin *addin,
                           sqlite3        *db,
                           IntegrityMonth *first,
                           IntegrityMonth *last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT min(month), max(month) FROM test_addin_event",
                          -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  return integrity_month_parse ((const char *) sqlite3_column_text (stmt, 0), first)
      && integrity_month_parse ((const char *) sqlite3_column_text (stmt, 1), last);
}

static gboolean
test_addin_generate_demo (IntegrityAddin  *addin,
                          IntegrityStore  *store,
                          GRand           *rand,
                          guint            scale,
                          GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  IntegrityMonth first = integrity_month_new (2019, 1);
  int rc = sqlite3_prepare_v2 (db, "INSERT INTO test_addin_event (month, value) VALUES (?1, ?2)",
                               -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < 36 * scale; i++)
    {
      g_autofree char *month = integrity_month_to_string (first + (int) (i % 36));

      sqlite3_bind_text (stmt, 1, month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 2, g_rand_double (rand));
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "test demo");
  return TRUE;
}

/* One page with its events KPI as a line, so tests see a plugin's pages. */
static gboolean
test_addin_add_briefing_pages (IntegrityAddin     *addin,
                               IntegrityBriefing  *briefing,
                               GError            **error)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  cairo_rectangle_t content;

  test_addin_collect_kpis (addin, integrity_briefing_get_db (briefing),
                           integrity_briefing_get_filter (briefing), kpis, NULL);
  integrity_briefing_begin_page (briefing, "Test add-in briefing page", &content);
  integrity_briefing_draw_kpi_line (briefing, g_ptr_array_index (kpis, 0), &content);
  integrity_briefing_add_method_note (briefing, "Test events are counted.");
  return TRUE;
}

/* Two slides: the events by month as a line, then as bars. */
static void
test_addin_collect_charts (IntegrityAddin        *addin,
                           sqlite3               *db,
                           const IntegrityFilter *filter,
                           GPtrArray             *charts,
                           GCancellable          *cancellable)
{
  for (guint i = 0; i < 2; i++)
    {
      IntegrityChart *chart = integrity_chart_new (INTEGRITY_CHART_X_MONTHS, INTEGRITY_FORMAT_COUNT);
      double x[3] = { filter->to - 2, filter->to - 1, filter->to };
      double y[3] = { 3, 5, 4 };

      integrity_chart_set_title (chart, i == 0 ? "Test events by month" : "Test events as bars");
      integrity_chart_add_series (chart, i == 0 ? INTEGRITY_CHART_SERIES_LINE : INTEGRITY_CHART_SERIES_BARS,
                                  "Events", x, y, 3);
      g_ptr_array_add (charts, chart);
    }
}

static void
test_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = test_addin_load;
  iface->unload = test_addin_unload;
  iface->create_page = test_addin_create_page;
  iface->collect_kpis = test_addin_collect_kpis;
  iface->get_data_range = test_addin_get_data_range;
  iface->generate_demo = test_addin_generate_demo;
  iface->add_briefing_pages = test_addin_add_briefing_pages;
  iface->collect_charts = test_addin_collect_charts;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestAddin, test_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INTEGRITY_TYPE_ADDIN, test_addin_iface_init))

static void
test_addin_class_init (TestAddinClass *klass)
{
}

static void
test_addin_init (TestAddin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  integrity_plugin_register (module, TEST_TYPE_ADDIN);
}
