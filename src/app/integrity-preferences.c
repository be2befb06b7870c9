/* integrity-preferences.c — the preferences window. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-preferences.h"

struct _IntegrityPreferences
{
  AdwPreferencesWindow  parent_instance;

  IntegritySession     *session;
  AdwPreferencesGroup  *plugins_group;
  GHashTable           *plugin_rows;   /* id → AdwActionRow */
};

G_DEFINE_FINAL_TYPE (IntegrityPreferences, integrity_preferences, ADW_TYPE_PREFERENCES_WINDOW)

#define PLUGIN_ID_KEY "integrity-plugin-id"

static const char *colour_scheme_ids[] = { "system", "light", "dark" };

static void
update_plugin_row (IntegrityPreferences *self,
                   const char           *id)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (self->session);
  GtkWidget *row = g_hash_table_lookup (self->plugin_rows, id);
  PeasPluginInfo *info = integrity_plugin_engine_get_plugin (engine, id);
  const char *problem = integrity_plugin_engine_get_error (engine, id);
  GtkWidget *toggle;

  if (row == NULL || info == NULL)
    return;
  toggle = g_object_get_data (G_OBJECT (row), "toggle");

  if (problem != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not be loaded: %s"), problem);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), peas_plugin_info_get_description (info));
      gtk_widget_remove_css_class (row, "error");
    }

  g_signal_handlers_block_matched (toggle, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_switch_set_active (GTK_SWITCH (toggle),
                         integrity_plugin_engine_is_active (engine, id) || problem != NULL);
  g_signal_handlers_unblock_matched (toggle, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
on_plugin_toggled (GtkSwitch            *toggle,
                   GParamSpec           *pspec,
                   IntegrityPreferences *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), PLUGIN_ID_KEY);

  integrity_plugin_engine_set_active (integrity_session_get_engine (self->session), id,
                                      gtk_switch_get_active (toggle));
  update_plugin_row (self, id);
}

static void
on_engine_changed (IntegrityPluginEngine *engine,
                   PeasPluginInfo        *info,
                   gpointer               unused,
                   IntegrityPreferences  *self)
{
  update_plugin_row (self, peas_plugin_info_get_module_name (info));
}

static void
build_plugin_rows (IntegrityPreferences *self)
{
  IntegrityPluginEngine *engine = integrity_session_get_engine (self->session);
  g_autoptr(GPtrArray) plugins = integrity_plugin_engine_list_plugins (engine);

  for (guint i = 0; i < plugins->len; i++)
    {
      PeasPluginInfo *info = g_ptr_array_index (plugins, i);
      const char *id = peas_plugin_info_get_module_name (info);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), peas_plugin_info_get_name (info));
      if (peas_plugin_info_get_icon_name (info) != NULL)
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), peas_plugin_info_get_icon_name (info));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      peas_plugin_info_get_name (info), -1);
      g_object_set_data_full (G_OBJECT (toggle), PLUGIN_ID_KEY, g_strdup (id), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (row), "toggle", toggle);
      adw_preferences_group_add (self->plugins_group, row);
      g_hash_table_insert (self->plugin_rows, g_strdup (id), row);

      update_plugin_row (self, id);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_plugin_toggled), self);
    }

  if (plugins->len == 0)
    adw_preferences_group_set_description (self->plugins_group,
                                           _("No plugins were found. Check the installation."));

  g_signal_connect_object (engine, "addin-added", G_CALLBACK (on_engine_changed), self, 0);
  g_signal_connect_object (engine, "addin-removed", G_CALLBACK (on_engine_changed), self, 0);
  g_signal_connect_object (engine, "plugin-failed", G_CALLBACK (on_engine_changed), self, 0);
}

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (colour_scheme_ids); i++)
    if (g_strcmp0 (scheme, colour_scheme_ids[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (colour_scheme_ids[index < G_N_ELEMENTS (colour_scheme_ids) ? index : 0]);
}

static void
build_general_page (IntegrityPreferences *self)
{
  GSettings *settings = integrity_session_get_settings (self->session);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *force_group = adw_preferences_group_new ();
  GtkWidget *force_row = adw_entry_row_new ();
  GtkWidget *marking_row = adw_entry_row_new ();
  GtkWidget *look_group = adw_preferences_group_new ();
  GtkWidget *scheme_row = adw_combo_row_new ();
  const char *scheme_names[] = { _("Follow System Style"), _("Light"), _("Dark"), NULL };
  GtkWidget *user_plugins_row = adw_action_row_new ();
  GtkWidget *user_plugins_switch = gtk_switch_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (force_group), _("Force"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (force_row), _("Force name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (marking_row), _("Protective marking"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (force_group), force_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (force_group), marking_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (force_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (look_group), _("Appearance"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scheme_row), _("Colour scheme"));
  adw_combo_row_set_model (ADW_COMBO_ROW (scheme_row),
                           G_LIST_MODEL (gtk_string_list_new (scheme_names)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (look_group), scheme_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (look_group));

  self->plugins_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->plugins_group, _("Plugins"));
  adw_preferences_group_set_description (self->plugins_group,
                                         _("Each plugin adds a page and its figures to the overview."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (user_plugins_row),
                                 _("Allow plugins from your own folder"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (user_plugins_row),
                               _("Such code can read the whole store. Takes effect on restart."));
  gtk_widget_set_valign (user_plugins_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (user_plugins_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Allow plugins from your own folder"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (user_plugins_row), user_plugins_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (user_plugins_row), user_plugins_switch);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->plugins_group);
  build_plugin_rows (self);
  adw_preferences_group_add (self->plugins_group, user_plugins_row);

  if (settings != NULL)
    {
      g_settings_bind (settings, "force-name", force_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "protective-marking", marking_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (settings, "colour-scheme", scheme_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme,
                                    NULL, NULL);
      g_settings_bind (settings, "allow-user-plugins", user_plugins_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
integrity_preferences_dispose (GObject *object)
{
  IntegrityPreferences *self = INTEGRITY_PREFERENCES (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->plugin_rows, g_hash_table_unref);

  G_OBJECT_CLASS (integrity_preferences_parent_class)->dispose (object);
}

static void
integrity_preferences_class_init (IntegrityPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = integrity_preferences_dispose;
}

static void
integrity_preferences_init (IntegrityPreferences *self)
{
  self->plugin_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 620);
}

IntegrityPreferences *
integrity_preferences_new (GtkWindow        *parent,
                           IntegritySession *session)
{
  IntegrityPreferences *self;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (session), NULL);

  self = g_object_new (INTEGRITY_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->session = g_object_ref (session);
  build_general_page (self);
  return self;
}

GtkWidget *
integrity_preferences_get_plugin_row (IntegrityPreferences *self,
                                      const char           *plugin_id)
{
  g_return_val_if_fail (INTEGRITY_IS_PREFERENCES (self), NULL);
  return g_hash_table_lookup (self->plugin_rows, plugin_id);
}
