/* integrity-session.c — one open store with its settings, context and plugins. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-session"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
#define DEMO_PRAGMAS "PRAGMA synchronous=OFF; PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;" \
  " PRAGMA foreign_keys=OFF;"
#define USUAL_PRAGMAS "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; " INTEGRITY_STORE_USUAL_CACHE_PRAGMAS

/* The plugins' demos, each with a seed of its own drawn in plugin order,
 * so a plugin's rows depend only on the seed, not on which thread wrote
 * them or what the plugins before it drew. */
typedef struct
{
  GPtrArray *addins;  /* IntegrityAddin, in the engine's order */
  GArray    *seeds;   /* guint32, one per addin */
  guint      scale;
  gint       failed;  /* atomic: the other thread stops at its next plugin */
} DemoPlan;

/* One thread's share: plugins @first to @end - 1, into @store. */
typedef struct
{
  DemoPlan       *plan;
  IntegrityStore *store;
  guint           first;
  guint           end;
  GError         *error;
} DemoWriter;

/* On either thread: its plugins' demos, in a transaction of its store
 * (a savepoint, in the store's own). */
static gpointer
write_demos (gpointer data)
{
  DemoWriter *writer = data;
  DemoPlan *plan = writer->plan;

  if (integrity_store_begin (writer->store, &writer->error))
    {
      for (guint i = writer->first; i < writer->end && writer->error == NULL; i++)
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (g_array_index (plan->seeds, guint32, i));

          if (g_atomic_int_get (&plan->failed))
            break;
          integrity_addin_generate_demo (g_ptr_array_index (plan->addins, i), writer->store, rand,
                                         plan->scale, &writer->error);
        }
      if (writer->error != NULL || !integrity_store_commit (writer->store, &writer->error))
        integrity_store_rollback (writer->store);
    }
  if (writer->error != NULL)
    g_atomic_int_set (&plan->failed, TRUE);
  return NULL;
}

/* The generators spend most of their time in SQLite, which writes a store
 * from one thread at a time. The main thread writes the first plugin's
 * demo straight into the store (the recording-rate audit, the largest);
 * a second thread writes the others' into a part store of its own, copied
 * into the store at the end (integrity_demo_open_part()). A fixed split,
 * not whichever thread is free, so the same seed lays the store out the
 * same way. Two threads, not one per plugin: the machines this runs on
 * may have two cores. */
static gboolean
write_on_two_threads (IntegrityStore  *store,
                      IntegrityStore  *part,
                      DemoPlan        *plan,
                      GError         **error)
{
  guint split = MIN (1, plan->addins->len);
  DemoWriter here = { plan, store, 0, split, NULL };
  DemoWriter there = { plan, part, split, plan->addins->len, NULL };
  GThread *thread;
  gboolean ok;

  thread = g_thread_new ("integrity-demo", write_demos, &there);
  write_demos (&here);
  g_thread_join (thread);

  /* The first failure; the other thread stopped at its next plugin. */
  ok = here.error == NULL && there.error == NULL;
  if (here.error != NULL)
    {
      g_propagate_error (error, here.error);
      g_clear_error (&there.error);
    }
  else if (there.error != NULL)
    g_propagate_error (error, there.error);
  /* g_thread_join() freed the thread; cppcheck 2.10 does not see it here. */
  /* cppcheck-suppress memleak */
  return ok;
}

static void
remove_part (const char *path)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
notify_plugin_changed (PeasPluginInfo *info,
                       IntegrityAddin *addin,
                       gpointer        user_data)
{
  integrity_store_notify_changed (user_data, peas_plugin_info_get_module_name (info));
}

/* Both threads' plugins, the part copied in and the demo's marks, in one
 * transaction of the store. It is deferred: it must not lock the part,
 * attached before it (SQLite attaches no store inside a transaction),
 * while the other thread writes it. */
static gboolean
write_demo (IntegrityStore  *store,
            IntegrityStore  *part,
            DemoPlan        *plan,
            guint32          seed,
            GError         **error)
{
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autofree char *scale_text = g_strdup_printf ("%u", plan->scale);
  gboolean ok;

  if (!integrity_demo_attach_part (store, part, "demo_part", error))
    return FALSE;
  ok = integrity_store_begin_deferred (store, error);
  if (ok)
    {
      ok = write_on_two_threads (store, part, plan, error)
        && integrity_demo_copy_part (store, part, "demo_part", error)
        && integrity_store_set_meta (store, "demo", "1", error)
        && integrity_store_set_meta (store, "demo-seed", seed_text, error)
        && integrity_store_set_meta (store, "demo-scale", scale_text, error)
        && integrity_store_log_import (store, "demo", NULL, "demo", 0, 0, error)
        && integrity_store_commit (store, error);
      if (!ok)
        integrity_store_rollback (store);
    }
  integrity_store_exec (store, "DETACH demo_part", NULL);
  return ok;
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
  g_autoptr(IntegrityStore) part = NULL;
  g_autofree char *part_path = NULL;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (guint32));
  DemoPlan plan = { 0 };
  gboolean ok;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (self), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  if (integrity_store_has_data (self->store))
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   integrity_store_is_demo (self->store)
                   ? _("“%s” already holds demo data; demo data is only generated into a new store")
                   : _("“%s” holds imported data; demo data is only generated into a new "
                       "or demo store"), integrity_store_get_path (self->store));
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  plan.addins = integrity_plugin_engine_dup_addins (self->engine);
  plan.seeds = seeds;
  plan.scale = scale;
  for (guint i = 0; i < plan.addins->len; i++)
    {
      guint32 plugin_seed = g_rand_int (rand);
      g_array_append_val (seeds, plugin_seed);
    }

  /* A new store has nothing to lose if the machine stops halfway: write it
   * without syncing, with a larger (bounded) page cache, so a national-scale
   * demo streams to disk. The usual settings come back once it is written.
   * The copy checks no foreign keys: the generators write every row after
   * the rows it refers to, and `integrity check` verifies them. */
  part_path = g_strconcat (integrity_store_get_path (self->store), ".demo-part", NULL);
  remove_part (part_path);
  integrity_store_exec (self->store, DEMO_PRAGMAS, NULL);
  part = integrity_demo_open_part (self->store, part_path, error);
  ok = part != NULL && write_demo (self->store, part, &plan, seed, error);
  integrity_store_exec (self->store, USUAL_PRAGMAS, NULL);
  g_clear_object (&part);
  remove_part (part_path);

  g_ptr_array_unref (plan.addins);
  if (!ok)
    return FALSE;

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
