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
#define USUAL_PRAGMAS "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT;" \
  " PRAGMA foreign_keys=ON;"

/* The plugins' demos, each with a seed of its own drawn in plugin order,
 * so a plugin's rows depend only on the seed, not on which thread wrote
 * them or what the plugins before it drew. Threads take the next plugin
 * until none is left or one failed. */
typedef struct
{
  GMutex     lock;
  GPtrArray *addins;  /* IntegrityAddin, in the engine's order */
  GArray    *seeds;   /* guint32, one per addin */
  guint      next;
  guint      scale;
  gboolean   failed;
} DemoQueue;

typedef struct
{
  DemoQueue      *queue;
  IntegrityStore *store;
  GError         *error;
} DemoWriter;

static gboolean
take_addin (DemoQueue  *queue,
            guint      *index)
{
  gboolean taken;

  g_mutex_lock (&queue->lock);
  taken = !queue->failed && queue->next < queue->addins->len;
  if (taken)
    *index = queue->next++;
  g_mutex_unlock (&queue->lock);
  return taken;
}

/* On any thread: the plugins' demos it takes, into its own store, in one transaction. */
static gpointer
write_demos (gpointer data)
{
  DemoWriter *writer = data;
  DemoQueue *queue = writer->queue;
  guint i;

  if (integrity_store_begin (writer->store, &writer->error))
    {
      while (writer->error == NULL && take_addin (queue, &i))
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (g_array_index (queue->seeds, guint32, i));

          integrity_addin_generate_demo (g_ptr_array_index (queue->addins, i), writer->store, rand,
                                         queue->scale, &writer->error);
        }
      if (writer->error != NULL || !integrity_store_commit (writer->store, &writer->error))
        integrity_store_rollback (writer->store);
    }
  if (writer->error != NULL)
    {
      g_mutex_lock (&queue->lock);
      queue->failed = TRUE;
      g_mutex_unlock (&queue->lock);
    }
  return NULL;
}

/* The generators spend most of their time in SQLite, which writes a store
 * from one thread at a time: two threads each write a part store of their
 * own, copied into the store at the end (integrity_demo_open_part()).
 * Two threads, not one per plugin: the machines this runs on may have two
 * cores, and the plugins' demos are of similar sizes. */
#define DEMO_THREADS 2

static void
remove_part (IntegrityStore *part,
             const char     *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&part);
  g_unlink (path);
  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
write_parts (IntegrityStore  *store,
             DemoQueue       *queue,
             GPtrArray       *parts,
             GError         **error)
{
  DemoWriter writers[DEMO_THREADS] = { { 0 } };
  GThread *thread;

  for (guint t = 0; t < DEMO_THREADS; t++)
    {
      g_autofree char *path = g_strdup_printf ("%s.demo-part%u", integrity_store_get_path (store), t);
      IntegrityStore *part;

      remove_part (NULL, path);
      part = integrity_demo_open_part (store, path, error);
      if (part == NULL)
        return FALSE;
      g_ptr_array_add (parts, part);
      writers[t].queue = queue;
      writers[t].store = part;
    }

  thread = g_thread_new ("integrity-demo", write_demos, &writers[1]);
  write_demos (&writers[0]);
  g_thread_join (thread);
  for (guint t = 0; t < DEMO_THREADS; t++)
    if (writers[t].error != NULL)
      {
        /* The first failure; the other thread stopped at its next plugin. */
        if (error != NULL && *error == NULL)
          g_propagate_error (error, writers[t].error);
        else
          g_error_free (writers[t].error);
      }
  return !queue->failed;
}

static void
notify_plugin_changed (PeasPluginInfo *info,
                       IntegrityAddin *addin,
                       gpointer        user_data)
{
  integrity_store_notify_changed (user_data, peas_plugin_info_get_module_name (info));
}

/* The parts into the store, with the demo's marks, in one transaction. */
static gboolean
copy_parts (IntegrityStore  *store,
            GPtrArray       *parts,
            guint            scale,
            guint32          seed,
            GError         **error)
{
  static const char * const names[DEMO_THREADS + 1] = { "demo_part0", "demo_part1", NULL };
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autofree char *scale_text = g_strdup_printf ("%u", scale);
  guint attached = 0;
  gboolean ok;

  g_assert (parts->len == DEMO_THREADS);

  while (attached < parts->len
         && integrity_demo_attach_part (store, g_ptr_array_index (parts, attached), names[attached],
                                        attached == 0 ? error : NULL))
    attached++;
  ok = attached == parts->len && integrity_store_begin (store, error);
  if (ok)
    {
      ok = integrity_demo_copy_parts (store, parts, names, error)
        && integrity_store_set_meta (store, "demo", "1", error)
        && integrity_store_set_meta (store, "demo-seed", seed_text, error)
        && integrity_store_set_meta (store, "demo-scale", scale_text, error)
        && integrity_store_log_import (store, "demo", NULL, "demo", 0, 0, error)
        && integrity_store_commit (store, error);
      if (!ok)
        integrity_store_rollback (store);
    }
  while (attached > 0)
    {
      g_autofree char *detach = g_strdup_printf ("DETACH %s", names[--attached]);
      integrity_store_exec (store, detach, NULL);
    }
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
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (guint32));
  DemoQueue queue = { 0 };
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
  g_mutex_init (&queue.lock);
  queue.addins = integrity_plugin_engine_dup_addins (self->engine);
  queue.seeds = seeds;
  queue.scale = scale;
  for (guint i = 0; i < queue.addins->len; i++)
    {
      guint32 plugin_seed = g_rand_int (rand);
      g_array_append_val (seeds, plugin_seed);
    }

  /* A new store has nothing to lose if the machine stops halfway: write it
   * without syncing, with a larger (bounded) page cache, so a national-scale
   * demo streams to disk. The usual settings come back once it is written.
   * The copy checks no foreign keys: the generators write every row after
   * the rows it refers to, and `integrity check` verifies them. */
  integrity_store_exec (self->store, DEMO_PRAGMAS, NULL);
  ok = write_parts (self->store, &queue, parts, error)
    && copy_parts (self->store, parts, scale, seed, error);
  integrity_store_exec (self->store, USUAL_PRAGMAS, NULL);

  for (guint t = 0; t < parts->len; t++)
    {
      IntegrityStore *part = g_ptr_array_index (parts, t);
      g_autofree char *path = g_strdup (integrity_store_get_path (part));
      remove_part (part, path);
    }
  g_ptr_array_unref (queue.addins);
  g_mutex_clear (&queue.lock);
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
