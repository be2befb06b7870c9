/* integrity-plugin-engine.c — finds, loads and unloads plugins. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-plugins"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-plugin-engine.h"

/* Plugins are switched on and off through the active-plugins setting; the
 * engine follows it. A plugin that cannot load is remembered with its
 * reason (shown in Preferences and `integrity plugins`) and the app runs on. */
struct _IntegrityPluginEngine
{
  GObject           parent_instance;

  IntegrityContext *context;
  PeasEngine       *peas;
  PeasExtensionSet *addins;
  GHashTable       *errors;   /* id → reason */
  GHashTable       *loaded;   /* id → IntegrityAddin whose load() succeeded */
};

G_DEFINE_FINAL_TYPE (IntegrityPluginEngine, integrity_plugin_engine, G_TYPE_OBJECT)

enum { ADDIN_ADDED, ADDIN_REMOVED, PLUGIN_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
record_error (IntegrityPluginEngine *self,
              PeasPluginInfo        *info,
              const char            *reason)
{
  const char *id = peas_plugin_info_get_module_name (info);

  g_hash_table_replace (self->errors, g_strdup (id), g_strdup (reason));
  g_debug ("Plugin %s was not loaded: %s", id, reason);
  g_signal_emit (self, signals[PLUGIN_FAILED], 0, info, reason);
}

typedef struct
{
  IntegrityPluginEngine *engine;
  char                  *id;
} FailedPlugin;

static void
failed_plugin_free (gpointer data)
{
  FailedPlugin *failed = data;

  g_object_unref (failed->engine);
  g_free (failed->id);
  g_free (failed);
}

static gboolean
unload_failed_plugin (gpointer data)
{
  FailedPlugin *failed = data;
  IntegrityPluginEngine *self = failed->engine;
  PeasPluginInfo *info;

  if (self->peas == NULL)
    return G_SOURCE_REMOVE;
  info = peas_engine_get_plugin_info (self->peas, failed->id);
  if (info != NULL && peas_plugin_info_is_loaded (info)
      && !g_hash_table_contains (self->loaded, failed->id))
    peas_engine_unload_plugin (self->peas, info);
  return G_SOURCE_REMOVE;
}

static void
on_extension_added (PeasExtensionSet      *set,
                    PeasPluginInfo        *info,
                    PeasExtension         *extension,
                    IntegrityPluginEngine *self)
{
  IntegrityAddin *addin = INTEGRITY_ADDIN (extension);
  const char *id = peas_plugin_info_get_module_name (info);
  g_autoptr(GError) error = NULL;

  if (!integrity_addin_load (addin, self->context, &error))
    {
      record_error (self, info, error != NULL ? error->message : _("The plugin failed to start"));
      /* The extension set is still emitting: unload once it has finished. */
      {
        FailedPlugin *failed = g_new0 (FailedPlugin, 1);

        failed->engine = g_object_ref (self);
        failed->id = g_strdup (id);
        g_idle_add_full (G_PRIORITY_HIGH, unload_failed_plugin, failed, failed_plugin_free);
      }
      return;
    }

  g_hash_table_remove (self->errors, id);
  g_hash_table_replace (self->loaded, g_strdup (id), g_object_ref (addin));
  g_signal_emit (self, signals[ADDIN_ADDED], 0, info, addin);
}

static void
on_extension_removed (PeasExtensionSet      *set,
                      PeasPluginInfo        *info,
                      PeasExtension         *extension,
                      IntegrityPluginEngine *self)
{
  const char *id = peas_plugin_info_get_module_name (info);
  IntegrityAddin *addin = INTEGRITY_ADDIN (extension);

  if (g_hash_table_lookup (self->loaded, id) != addin)
    return;

  g_signal_emit (self, signals[ADDIN_REMOVED], 0, info, addin);
  integrity_addin_unload (addin, self->context);
  g_hash_table_remove (self->loaded, id);
}

static gboolean
check_abi (PeasPluginInfo  *info,
           GError         **error)
{
  const char *abi = peas_plugin_info_get_external_data (info, "Integrity-ABI");
  g_autofree char *expected = g_strdup_printf ("%d", INTEGRITY_PLUGIN_ABI);

  if (g_strcmp0 (abi, expected) == 0)
    return TRUE;

  if (abi == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("It does not say which plugin interface it was built for "
                   "(X-Integrity-ABI); this Integrity needs %s"), expected);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("It was built for plugin interface %s; this Integrity needs %s"),
                 abi, expected);
  return FALSE;
}

/* libpeas would only log a warning for a missing module; say it plainly. */
static gboolean
check_module_file (PeasPluginInfo  *info,
                   GError         **error)
{
  g_autofree char *path = g_module_build_path (peas_plugin_info_get_module_dir (info),
                                               peas_plugin_info_get_module_name (info));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("Its module file %s is missing"), path);
  return FALSE;
}

static void
load_plugin (IntegrityPluginEngine *self,
             PeasPluginInfo        *info)
{
  g_autoptr(GError) error = NULL;

  if (peas_plugin_info_is_loaded (info))
    return;
  if (!check_abi (info, &error) || !check_module_file (info, &error))
    {
      record_error (self, info, error->message);
      return;
    }
  if (!peas_engine_load_plugin (self->peas, info)
      && !g_hash_table_contains (self->errors, peas_plugin_info_get_module_name (info)))
    {
      g_autoptr(GError) load_error = NULL;

      peas_plugin_info_is_available (info, &load_error);
      record_error (self, info, load_error != NULL ? load_error->message
                                                   : _("The plugin’s module could not be loaded"));
    }
}

static void
sync_with_settings (IntegrityPluginEngine *self)
{
  GSettings *settings = integrity_context_get_settings (self->context);
  g_auto(GStrv) active = NULL;
  const GList *plugins = peas_engine_get_plugin_list (self->peas);

  if (settings != NULL)
    active = g_settings_get_strv (settings, "active-plugins");
  else
    {
      /* No settings (a command run without the schema): every plugin. */
      g_autoptr(GStrvBuilder) all = g_strv_builder_new ();

      for (const GList *l = plugins; l != NULL; l = l->next)
        g_strv_builder_add (all, peas_plugin_info_get_module_name (l->data));
      active = g_strv_builder_end (all);
    }

  /* Unload first, so a plugin switched off never sees a half-loaded peer. */
  for (const GList *l = plugins; l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      const char *id = peas_plugin_info_get_module_name (info);

      if (!g_strv_contains ((const char * const *) active, id))
        {
          g_hash_table_remove (self->errors, id);
          if (peas_plugin_info_is_loaded (info))
            peas_engine_unload_plugin (self->peas, info);
        }
    }
  for (const GList *l = plugins; l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;

      if (g_strv_contains ((const char * const *) active, peas_plugin_info_get_module_name (info)))
        load_plugin (self, info);
    }
}

static void
on_active_plugins_changed (GSettings             *settings,
                           const char            *key,
                           IntegrityPluginEngine *self)
{
  sync_with_settings (self);
}

static void
add_search_paths (IntegrityPluginEngine *self)
{
  const char *env = g_getenv ("INTEGRITY_PLUGIN_PATH");
  GSettings *settings = integrity_context_get_settings (self->context);

  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          peas_engine_add_search_path (self->peas, dirs[i], NULL);
    }

  peas_engine_add_search_path (self->peas, PLUGINDIR, NULL);

  /* Code from the user's own folder runs with access to the store: only
   * when they have said so. */
  if (settings != NULL && g_settings_get_boolean (settings, "allow-user-plugins"))
    {
      g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "integrity",
                                                    "plugins", NULL);
      peas_engine_add_search_path (self->peas, user_dir, NULL);
    }
}

static void
integrity_plugin_engine_constructed (GObject *object)
{
  IntegrityPluginEngine *self = INTEGRITY_PLUGIN_ENGINE (object);
  GSettings *settings = integrity_context_get_settings (self->context);

  G_OBJECT_CLASS (integrity_plugin_engine_parent_class)->constructed (object);

  self->peas = peas_engine_new ();
  add_search_paths (self);

  self->addins = peas_extension_set_new (self->peas, INTEGRITY_TYPE_ADDIN, NULL);
  g_signal_connect (self->addins, "extension-added", G_CALLBACK (on_extension_added), self);
  g_signal_connect (self->addins, "extension-removed", G_CALLBACK (on_extension_removed), self);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::active-plugins",
                             G_CALLBACK (on_active_plugins_changed), self, 0);
  sync_with_settings (self);
}

static void
integrity_plugin_engine_dispose (GObject *object)
{
  IntegrityPluginEngine *self = INTEGRITY_PLUGIN_ENGINE (object);

  if (self->peas != NULL)
    {
      /* Unload every plugin so each addin's unload() runs. */
      for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
        if (peas_plugin_info_is_loaded (l->data))
          peas_engine_unload_plugin (self->peas, l->data);
    }
  g_clear_object (&self->addins);
  g_clear_object (&self->peas);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (integrity_plugin_engine_parent_class)->dispose (object);
}

static void
integrity_plugin_engine_finalize (GObject *object)
{
  IntegrityPluginEngine *self = INTEGRITY_PLUGIN_ENGINE (object);

  g_hash_table_unref (self->errors);
  g_hash_table_unref (self->loaded);

  G_OBJECT_CLASS (integrity_plugin_engine_parent_class)->finalize (object);
}

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
integrity_plugin_engine_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  IntegrityPluginEngine *self = INTEGRITY_PLUGIN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_plugin_engine_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  IntegrityPluginEngine *self = INTEGRITY_PLUGIN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_plugin_engine_class_init (IntegrityPluginEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = integrity_plugin_engine_constructed;
  object_class->dispose = integrity_plugin_engine_dispose;
  object_class->finalize = integrity_plugin_engine_finalize;
  object_class->set_property = integrity_plugin_engine_set_property;
  object_class->get_property = integrity_plugin_engine_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, INTEGRITY_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADDIN_ADDED] =
    g_signal_new ("addin-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, PEAS_TYPE_PLUGIN_INFO, INTEGRITY_TYPE_ADDIN);
  signals[ADDIN_REMOVED] =
    g_signal_new ("addin-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, PEAS_TYPE_PLUGIN_INFO, INTEGRITY_TYPE_ADDIN);
  signals[PLUGIN_FAILED] =
    g_signal_new ("plugin-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, PEAS_TYPE_PLUGIN_INFO, G_TYPE_STRING);
}

static void
integrity_plugin_engine_init (IntegrityPluginEngine *self)
{
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

IntegrityPluginEngine *
integrity_plugin_engine_new (IntegrityContext *context)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);
  return g_object_new (INTEGRITY_TYPE_PLUGIN_ENGINE, "context", context, NULL);
}

IntegrityContext *
integrity_plugin_engine_get_context (IntegrityPluginEngine *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), NULL);
  return self->context;
}

/**
 * integrity_plugin_engine_list_plugins:
 *
 * Returns: (transfer container): every plugin found, loaded or not, in
 *   the engine's order (by name)
 */
GPtrArray *
integrity_plugin_engine_list_plugins (IntegrityPluginEngine *self)
{
  GPtrArray *plugins = g_ptr_array_new ();

  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), plugins);
  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    g_ptr_array_add (plugins, l->data);
  return plugins;
}

PeasPluginInfo *
integrity_plugin_engine_get_plugin (IntegrityPluginEngine *self,
                                    const char            *id)
{
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return peas_engine_get_plugin_info (self->peas, id);
}

IntegrityAddin *
integrity_plugin_engine_get_addin (IntegrityPluginEngine *self,
                                   const char            *id)
{
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->loaded, id);
}

/* Why the plugin is not running, or NULL. */
const char *
integrity_plugin_engine_get_error (IntegrityPluginEngine *self,
                                   const char            *id)
{
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->errors, id);
}

gboolean
integrity_plugin_engine_is_active (IntegrityPluginEngine *self,
                                   const char            *id)
{
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), FALSE);
  return g_hash_table_contains (self->loaded, id);
}

/* Writes active-plugins; the engine follows the setting. */
void
integrity_plugin_engine_set_active (IntegrityPluginEngine *self,
                                    const char            *id,
                                    gboolean               active)
{
  GSettings *settings;
  g_auto(GStrv) current = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self));
  g_return_if_fail (id != NULL);

  settings = integrity_context_get_settings (self->context);
  g_return_if_fail (settings != NULL);

  current = g_settings_get_strv (settings, "active-plugins");
  for (guint i = 0; current[i] != NULL; i++)
    if (g_strcmp0 (current[i], id) != 0)
      g_strv_builder_add (builder, current[i]);
  if (active)
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "active-plugins", (const char * const *) updated);
}

/* Calls @func for each running addin, in plugin-list order. */
void
integrity_plugin_engine_foreach_addin (IntegrityPluginEngine *self,
                                       IntegrityAddinFunc     func,
                                       gpointer               user_data)
{
  g_return_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self));
  g_return_if_fail (func != NULL);

  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    {
      IntegrityAddin *addin = g_hash_table_lookup (self->loaded,
                                                   peas_plugin_info_get_module_name (l->data));
      if (addin != NULL)
        func (l->data, addin, user_data);
    }
}

static void
collect_addin (PeasPluginInfo *info,
               IntegrityAddin *addin,
               gpointer        user_data)
{
  g_ptr_array_add (user_data, g_object_ref (addin));
}

/* A snapshot of the running addins, safe to hand to a worker thread. */
GPtrArray *
integrity_plugin_engine_dup_addins (IntegrityPluginEngine *self)
{
  GPtrArray *addins = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (self), addins);
  integrity_plugin_engine_foreach_addin (self, collect_addin, addins);
  return addins;
}
