/* integrity-session.c — one open store with its settings, context and plugins. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-session"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-session.h"

struct _IntegritySession
{
  GObject                parent_instance;

  IntegrityStore        *store;
  GSettings             *settings;
  IntegrityContext      *context;
  IntegrityPluginEngine *engine;
};

G_DEFINE_FINAL_TYPE (IntegritySession, integrity_session, G_TYPE_OBJECT)

static void
integrity_session_dispose (GObject *object)
{
  IntegritySession *self = INTEGRITY_SESSION (object);

  /* Plugins first: their unload() may still use the store. */
  g_clear_object (&self->engine);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (integrity_session_parent_class)->dispose (object);
}

static void
integrity_session_class_init (IntegritySessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = integrity_session_dispose;
}

static void
integrity_session_init (IntegritySession *self)
{
}

/* g_settings_new() aborts on a missing schema; a command run from an
 * uninstalled build without GSETTINGS_SCHEMA_DIR should not. */
GSettings *
integrity_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.crimedata.Integrity", TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* Demo data lives apart from the user's own store, so exploring it never
 * mixes generated figures with real ones. */
char *
integrity_session_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "integrity", "demo.sqlite", NULL);
}

IntegritySession *
integrity_session_new (const char  *store_path,
                       GError     **error)
{
  g_autoptr(IntegritySession) self = g_object_new (INTEGRITY_TYPE_SESSION, NULL);

  self->store = integrity_store_open (store_path, error);
  if (self->store == NULL)
    return NULL;
  self->settings = integrity_settings_new_if_installed ();
  self->context = integrity_context_new (self->store, self->settings);
  self->engine = integrity_plugin_engine_new (self->context);
  return g_steal_pointer (&self);
}

IntegrityStore *
integrity_session_get_store (IntegritySession *self)
{
  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);
  return self->store;
}

IntegrityContext *
integrity_session_get_context (IntegritySession *self)
{
  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);
  return self->context;
}

IntegrityPluginEngine *
integrity_session_get_engine (IntegritySession *self)
{
  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);
  return self->engine;
}

GSettings *
integrity_session_get_settings (IntegritySession *self)
{
  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);
  return self->settings;
}

/* While a demo fills a new store, and after. */
/* An 8 MB cache: generation writes each page about once, and a larger cache
 * only made peak memory grow with the scale (67 MB at scale 50 with 32 MB;
 * 28-37 MB at every scale with 8 MB, at the same speed). */
#define DEMO_PRAGMAS "PRAGMA synchronous=OFF; PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;"
#define USUAL_PRAGMAS "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT;"

typedef struct
{
  IntegrityStore *store;
  GRand          *rand;
  guint           scale;
  GError         *error;
} DemoRun;

static void
generate_one (PeasPluginInfo *info,
              IntegrityAddin *addin,
              gpointer        user_data)
{
  DemoRun *run = user_data;

  if (run->error == NULL)
    integrity_addin_generate_demo (addin, run->store, run->rand, run->scale, &run->error);
}

static void
notify_plugin_changed (PeasPluginInfo *info,
                       IntegrityAddin *addin,
                       gpointer        user_data)
{
  integrity_store_notify_changed (user_data, peas_plugin_info_get_module_name (info));
}

/**
 * integrity_session_generate_demo:
 * @scale: 1 is one force over three years
 * @seed: the same seed gives the same store
 *
 * Fills the store with every active plugin's demo data in one transaction
 * and marks it as demo data. A store holding imported data is refused.
 */
gboolean
integrity_session_generate_demo (IntegritySession  *self,
                                 guint              scale,
                                 guint32            seed,
                                 GError           **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *scale_text = NULL;
  DemoRun run = { 0 };
  gboolean fresh;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  if (integrity_store_has_data (self->store) && !integrity_store_is_demo (self->store))
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("“%s” holds imported data; demo data is only generated into a new "
                     "or demo store"), integrity_store_get_path (self->store));
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  run.store = self->store;
  run.rand = rand;
  run.scale = scale;

  /* A new store has nothing to lose if the machine stops halfway: write it
   * without syncing, with a larger (bounded) page cache, so a national-scale
   * demo streams to disk. The usual settings come back once it is written. */
  fresh = !integrity_store_has_data (self->store);
  if (fresh)
    integrity_store_exec (self->store, DEMO_PRAGMAS, NULL);

  if (!integrity_store_begin (self->store, error))
    {
      if (fresh)
        integrity_store_exec (self->store, USUAL_PRAGMAS, NULL);
      return FALSE;
    }

  integrity_plugin_engine_foreach_addin (self->engine, generate_one, &run);

  seed_text = g_strdup_printf ("%u", seed);
  scale_text = g_strdup_printf ("%u", scale);
  if (run.error == NULL)
    integrity_store_set_meta (self->store, "demo", "1", &run.error);
  if (run.error == NULL)
    integrity_store_set_meta (self->store, "demo-seed", seed_text, &run.error);
  if (run.error == NULL)
    integrity_store_set_meta (self->store, "demo-scale", scale_text, &run.error);
  if (run.error == NULL)
    integrity_store_log_import (self->store, "demo", NULL, "demo", 0, 0, &run.error);
  if (run.error == NULL)
    integrity_store_commit (self->store, &run.error);
  if (fresh)
    integrity_store_exec (self->store, USUAL_PRAGMAS, NULL);

  if (run.error != NULL)
    {
      integrity_store_rollback (self->store);
      g_propagate_error (error, run.error);
      return FALSE;
    }

  integrity_plugin_engine_foreach_addin (self->engine, notify_plugin_changed, self->store);
  integrity_store_notify_changed (self->store, "core");
  return TRUE;
}

/**
 * integrity_session_default_filter:
 *
 * The last twelve months with data in any active plugin. Reads the store:
 * for commands and exports, not the main loop.
 */
IntegrityFilter *
integrity_session_default_filter (IntegritySession  *self,
                                  const char        *district,
                                  GError           **error)
{
  g_autoptr(GPtrArray) addins = NULL;
  sqlite3 *db;
  IntegrityMonth first = 0, last = 0;
  gboolean found;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);

  db = integrity_store_open_reader (self->store, error);
  if (db == NULL)
    return NULL;
  addins = integrity_plugin_engine_dup_addins (self->engine);
  found = integrity_addins_get_data_range (addins, db, &first, &last);
  sqlite3_close (db);
  return integrity_filter_new_default (found, first, last, district);
}

/**
 * integrity_session_collect_kpis:
 *
 * Every active plugin's headline figures for @filter, in plugin order.
 *
 * Returns: (transfer full) (element-type IntegrityKpi)
 */
GPtrArray *
integrity_session_collect_kpis (IntegritySession       *self,
                                const IntegrityFilter  *filter,
                                GError                **error)
{
  g_autoptr(GPtrArray) addins = NULL;
  GPtrArray *kpis;
  sqlite3 *db;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  db = integrity_store_open_reader (self->store, error);
  if (db == NULL)
    return NULL;
  addins = integrity_plugin_engine_dup_addins (self->engine);
  kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  for (guint i = 0; i < addins->len; i++)
    integrity_addin_collect_kpis (g_ptr_array_index (addins, i), db, filter, kpis, NULL);
  sqlite3_close (db);
  return kpis;
}
