/* integrity-context.c — what every page shares. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-context"

#include "config.h"

#include "integrity-context.h"

struct _IntegrityContext
{
  GObject          parent_instance;

  IntegrityStore  *store;
  GSettings       *settings;
  IntegrityFilter *filter;
  GListStore      *importers;
};

G_DEFINE_FINAL_TYPE (IntegrityContext, integrity_context, G_TYPE_OBJECT)

enum { PROP_0, PROP_STORE, PROP_SETTINGS, PROP_FILTER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
integrity_context_finalize (GObject *object)
{
  IntegrityContext *self = INTEGRITY_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->filter, integrity_filter_free);
  g_clear_object (&self->importers);

  G_OBJECT_CLASS (integrity_context_parent_class)->finalize (object);
}

static void
integrity_context_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IntegrityContext *self = INTEGRITY_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_context_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IntegrityContext *self = INTEGRITY_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      integrity_context_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_context_class_init (IntegrityContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = integrity_context_finalize;
  object_class->get_property = integrity_context_get_property;
  object_class->set_property = integrity_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, INTEGRITY_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Pages and KPIs re-query when this changes (notify::filter). */
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, INTEGRITY_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
integrity_context_init (IntegrityContext *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  IntegrityMonth this_month = integrity_month_new (g_date_time_get_year (now),
                                                   g_date_time_get_month (now));

  /* Until the window knows what months hold data: the last twelve. */
  self->filter = integrity_filter_new (this_month - 11, this_month, NULL);
  self->importers = g_list_store_new (INTEGRITY_TYPE_IMPORTER);
}

IntegrityContext *
integrity_context_new (IntegrityStore *store,
                       GSettings      *settings)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (INTEGRITY_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

IntegrityStore *
integrity_context_get_store (IntegrityContext *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
integrity_context_get_settings (IntegrityContext *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  return self->settings;
}

const IntegrityFilter *
integrity_context_get_filter (IntegrityContext *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  return self->filter;
}

/* A copy to hand to a worker thread with a query. */
IntegrityFilter *
integrity_context_dup_filter (IntegrityContext *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  return integrity_filter_copy (self->filter);
}

void
integrity_context_set_filter (IntegrityContext      *self,
                              const IntegrityFilter *filter)
{
  g_return_if_fail (INTEGRITY_IS_CONTEXT (self));
  g_return_if_fail (filter != NULL);

  if (integrity_filter_equal (self->filter, filter))
    return;
  g_clear_pointer (&self->filter, integrity_filter_free);
  self->filter = integrity_filter_copy (filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * integrity_context_add_importer:
 *
 * Registers a kind of file a plugin imports; call from its load(). A second
 * importer of a kind already registered is refused with a warning.
 */
void
integrity_context_add_importer (IntegrityContext  *self,
                                IntegrityImporter *importer)
{
  const char *kind;

  g_return_if_fail (INTEGRITY_IS_CONTEXT (self));
  g_return_if_fail (INTEGRITY_IS_IMPORTER (importer));

  kind = integrity_importer_get_kind (importer);
  if (integrity_context_lookup_importer (self, kind) != NULL)
    {
      g_warning ("An importer of kind “%s” is already registered", kind);
      return;
    }
  g_list_store_append (self->importers, importer);
}

/* Call from the plugin's unload(). */
void
integrity_context_remove_importer (IntegrityContext  *self,
                                   IntegrityImporter *importer)
{
  guint position;

  g_return_if_fail (INTEGRITY_IS_CONTEXT (self));
  g_return_if_fail (INTEGRITY_IS_IMPORTER (importer));

  if (g_list_store_find (self->importers, importer, &position))
    g_list_store_remove (self->importers, position);
}

/**
 * integrity_context_get_importers:
 *
 * Returns: (transfer none): the registered IntegrityImporters, in the order
 *   added; it changes as plugins load and unload
 */
GListModel *
integrity_context_get_importers (IntegrityContext *self)
{
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  return G_LIST_MODEL (self->importers);
}

/**
 * integrity_context_lookup_importer:
 * @kind: e.g. "victim-cases"
 *
 * Returns: (transfer none) (nullable): the importer of @kind
 */
IntegrityImporter *
integrity_context_lookup_importer (IntegrityContext *self,
                                   const char       *kind)
{
  GListModel *model;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  model = G_LIST_MODEL (self->importers);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IntegrityImporter) importer = g_list_model_get_item (model, i);
      if (g_strcmp0 (integrity_importer_get_kind (importer), kind) == 0)
        return importer;  /* the store keeps its reference */
    }
  return NULL;
}
