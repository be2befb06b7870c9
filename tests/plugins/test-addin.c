/* test-addin.c — a test-only plugin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-addin"

#include "config.h"

#include <integrity.h>

#define TEST_TYPE_ADDIN (test_addin_get_type ())
G_DECLARE_FINAL_TYPE (TestAddin, test_addin, TEST, ADDIN, GObject)

struct _TestAddin
{
  GObject           parent_instance;
  IntegrityContext *context;
};

static const IntegrityMigration migrations[] = {
  { 1, "CREATE TABLE test_addin_event (id INTEGER PRIMARY KEY, month TEXT NOT NULL, value REAL NOT NULL);" },
};

static gboolean
test_addin_load (IntegrityAddin    *addin,
                 IntegrityContext  *context,
                 GError           **error)
{
  TestAddin *self = TEST_ADDIN (addin);

  self->context = g_object_ref (context);
  return integrity_store_register_migrations (integrity_context_get_store (context), "test-addin",
                                              migrations, G_N_ELEMENTS (migrations), error);
}

static void
test_addin_unload (IntegrityAddin   *addin,
                   IntegrityContext *context)
{
  TestAddin *self = TEST_ADDIN (addin);

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

static void
test_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = test_addin_load;
  iface->unload = test_addin_unload;
  iface->create_page = test_addin_create_page;
  iface->collect_kpis = test_addin_collect_kpis;
  iface->get_data_range = test_addin_get_data_range;
  iface->generate_demo = test_addin_generate_demo;
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
