/* integrity-plugin-engine.h — finds, loads and unloads plugins. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpeas/peas.h>

#include "plugin/integrity-addin.h"
#include "plugin/integrity-context.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_PLUGIN_ENGINE (integrity_plugin_engine_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityPluginEngine, integrity_plugin_engine, INTEGRITY, PLUGIN_ENGINE, GObject)

typedef void (*IntegrityAddinFunc) (PeasPluginInfo *info,
                                    IntegrityAddin *addin,
                                    gpointer        user_data);

IntegrityPluginEngine *integrity_plugin_engine_new            (IntegrityContext      *context);
IntegrityContext      *integrity_plugin_engine_get_context    (IntegrityPluginEngine *self);
GPtrArray             *integrity_plugin_engine_list_plugins   (IntegrityPluginEngine *self);
PeasPluginInfo        *integrity_plugin_engine_get_plugin     (IntegrityPluginEngine *self,
                                                               const char            *id);
IntegrityAddin        *integrity_plugin_engine_get_addin      (IntegrityPluginEngine *self,
                                                               const char            *id);
const char            *integrity_plugin_engine_get_error      (IntegrityPluginEngine *self,
                                                               const char            *id);
gboolean               integrity_plugin_engine_is_active      (IntegrityPluginEngine *self,
                                                               const char            *id);
void                   integrity_plugin_engine_set_active     (IntegrityPluginEngine *self,
                                                               const char            *id,
                                                               gboolean               active);
void                   integrity_plugin_engine_foreach_addin  (IntegrityPluginEngine *self,
                                                               IntegrityAddinFunc     func,
                                                               gpointer               user_data);
GPtrArray             *integrity_plugin_engine_dup_addins     (IntegrityPluginEngine *self);

G_END_DECLS
