/* test-plugin-engine.c — plugins load, unload and fail through GSettings. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <libglib-testing/signal-logger.h>

#include "integrity-session.h"
#include "integrity-test-util.h"

typedef struct
{
  char             *dir;
  IntegritySession *session;
  GSettings        *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = itest_make_temp_dir ();
  path = g_build_filename (f->dir, "store.sqlite", NULL);
  f->session = integrity_session_new (path, &error);
  g_assert_no_error (error);
  f->settings = g_object_ref (integrity_session_get_settings (f->session));
  g_assert_nonnull (f->settings);
  g_settings_set_strv (f->settings, "active-plugins", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_settings_reset (f->settings, "active-plugins");
  g_clear_object (&f->session);
  g_clear_object (&f->settings);
  itest_remove_tree (f->dir);
  g_free (f->dir);
}

static void
free_info (PeasPluginInfo *info)
{
  g_boxed_free (PEAS_TYPE_PLUGIN_INFO, info);
}

static void
set_active (Fixture    *f,
            const char *first,
            ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (f->settings, "active-plugins", (const char * const *) ids);
  /* Failed loads are unloaded from an idle. */
  itest_spin (20);
}

static void
test_finds_test_plugins (Fixture       *f,
                         gconstpointer  data)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (f->session);
  PeasPluginInfo *info = integrity_plugin_engine_get_plugin (engine, "test-addin");

  g_assert_nonnull (info);
  g_assert_cmpstr (peas_plugin_info_get_name (info), ==, "Test Add-in");
  g_assert_false (integrity_plugin_engine_is_active (engine, "test-addin"));
  g_assert_null (integrity_plugin_engine_get_error (engine, "test-addin"));
}

static void
test_enable_disable_through_settings (Fixture       *f,
                                      gconstpointer  data)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (f->session);
  IntegrityStore *store = integrity_session_get_store (f->session);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PeasPluginInfo *info = NULL;
  IntegrityAddin *addin = NULL;

  gt_signal_logger_connect (logger, engine, "addin-added");
  gt_signal_logger_connect (logger, engine, "addin-removed");

  set_active (f, "test-addin", NULL);
  g_assert_true (integrity_plugin_engine_is_active (engine, "test-addin"));
  gt_signal_logger_assert_emission_pop (logger, engine, "addin-added", &info, &addin);
  g_assert_cmpstr (peas_plugin_info_get_module_name (info), ==, "test-addin");
  g_assert_true (INTEGRITY_IS_ADDIN (addin));
  g_clear_object (&addin);
  g_clear_pointer (&info, free_info);
  /* load() registered the plugin's migrations. */
  g_assert_cmpint (integrity_store_get_schema_version (store, "test-addin"), ==, 1);

  set_active (f, NULL);
  g_assert_false (integrity_plugin_engine_is_active (engine, "test-addin"));
  gt_signal_logger_assert_emission_pop (logger, engine, "addin-removed", &info, &addin);
  g_clear_object (&addin);
  g_clear_pointer (&info, free_info);

  /* And back on: the module stays resident, so its types are reusable. */
  set_active (f, "test-addin", NULL);
  g_assert_true (integrity_plugin_engine_is_active (engine, "test-addin"));
  gt_signal_logger_assert_emission_pop (logger, engine, "addin-added", &info, &addin);
  g_clear_object (&addin);
  g_clear_pointer (&info, free_info);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
expect_failure (Fixture    *f,
                const char *id,
                const char *fragment)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (f->session);
  const char *reason = integrity_plugin_engine_get_error (engine, id);

  g_test_message ("%s: %s", id, reason);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, fragment));
  g_assert_false (integrity_plugin_engine_is_active (engine, id));
  g_assert_null (integrity_plugin_engine_get_addin (engine, id));
}

static void
test_failures_are_reported (Fixture       *f,
                            gconstpointer  data)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (f->session);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  gt_signal_logger_connect (logger, engine, "plugin-failed");

  set_active (f, "wrong-abi", "failing-load", "missing-module", "test-addin", NULL);

  expect_failure (f, "wrong-abi", "plugin interface 99");
  expect_failure (f, "failing-load", "its data folder is missing");
  expect_failure (f, "missing-module", "libmissing-module.so is missing");
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 3);

  /* The good plugin runs on beside them. */
  g_assert_true (integrity_plugin_engine_is_active (engine, "test-addin"));

  /* Switching a failed plugin off clears its reason. */
  set_active (f, "test-addin", NULL);
  g_assert_null (integrity_plugin_engine_get_error (engine, "wrong-abi"));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *reason = NULL;
      PeasPluginInfo *failed = NULL;

      gt_signal_logger_assert_emission_pop (logger, engine, "plugin-failed", &failed, &reason);
      g_assert_nonnull (reason);
      g_clear_pointer (&failed, free_info);
    }
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_demo_fills_active_plugins (Fixture       *f,
                                gconstpointer  data)
{
  IntegrityStore *store = integrity_session_get_store (f->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  set_active (f, "test-addin", NULL);
  g_assert_true (integrity_session_generate_demo (f->session, 2, 7, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_store_is_demo (store));
  g_assert_true (integrity_store_has_data (store));

  sqlite3_prepare_v2 (integrity_store_get_connection (store),
                      "SELECT count(*) FROM test_addin_event", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 72);
}

static void
test_demo_refuses_real_store (Fixture       *f,
                              gconstpointer  data)
{
  IntegrityStore *store = integrity_session_get_store (f->session);
  g_autoptr(GError) error = NULL;

  g_assert_true (integrity_store_begin (store, &error));
  g_assert_true (integrity_store_log_import (store, "audit.csv", "0", "recording-audit", 1, 0, &error));
  g_assert_true (integrity_store_commit (store, &error));

  g_assert_false (integrity_session_generate_demo (f->session, 1, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "imported data"));
  g_assert_false (integrity_store_is_demo (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/plugin-engine/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("finds-test-plugins", test_finds_test_plugins);
  ADD ("enable-disable-through-settings", test_enable_disable_through_settings);
  ADD ("failures-are-reported", test_failures_are_reported);
  ADD ("demo-fills-active-plugins", test_demo_fills_active_plugins);
  ADD ("demo-refuses-real-store", test_demo_refuses_real_store);
#undef ADD

  return g_test_run ();
}
