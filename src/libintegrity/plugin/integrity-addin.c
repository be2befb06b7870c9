/* integrity-addin.c — the extension point every plugin implements. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-addin"

#include "config.h"

#include "integrity-addin.h"
#include "core/integrity-i18n.h"

G_DEFINE_INTERFACE (IntegrityAddin, integrity_addin, G_TYPE_OBJECT)

static GtkWidget *
integrity_addin_real_create_page (IntegrityAddin *self)
{
  return NULL;
}

static void
integrity_addin_real_collect_kpis (IntegrityAddin        *self,
                                   sqlite3               *db,
                                   const IntegrityFilter *filter,
                                   GPtrArray             *kpis,
                                   GCancellable          *cancellable)
{
}

static gboolean
integrity_addin_real_get_data_range (IntegrityAddin *self,
                                     sqlite3        *db,
                                     IntegrityMonth *first,
                                     IntegrityMonth *last)
{
  return FALSE;
}

static gboolean
integrity_addin_real_generate_demo (IntegrityAddin  *self,
                                    IntegrityStore  *store,
                                    GRand           *rand,
                                    guint            scale,
                                    GError         **error)
{
  return TRUE;
}

static gboolean
integrity_addin_real_add_briefing_pages (IntegrityAddin     *self,
                                         IntegrityBriefing  *briefing,
                                         GError            **error)
{
  return TRUE;
}

static void
integrity_addin_real_collect_charts (IntegrityAddin        *self,
                                     sqlite3               *db,
                                     const IntegrityFilter *filter,
                                     GPtrArray             *charts,
                                     GCancellable          *cancellable)
{
}

static void
integrity_addin_default_init (IntegrityAddinInterface *iface)
{
  iface->create_page = integrity_addin_real_create_page;
  iface->collect_kpis = integrity_addin_real_collect_kpis;
  iface->get_data_range = integrity_addin_real_get_data_range;
  iface->generate_demo = integrity_addin_real_generate_demo;
  iface->add_briefing_pages = integrity_addin_real_add_briefing_pages;
  iface->collect_charts = integrity_addin_real_collect_charts;
}

gboolean
integrity_addin_load (IntegrityAddin    *self,
                      IntegrityContext  *context,
                      GError           **error)
{
  IntegrityAddinInterface *iface;

  g_return_val_if_fail (INTEGRITY_IS_ADDIN (self), FALSE);
  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), FALSE);

  iface = INTEGRITY_ADDIN_GET_IFACE (self);
  g_return_val_if_fail (iface->load != NULL, FALSE);
  return iface->load (self, context, error);
}

void
integrity_addin_unload (IntegrityAddin   *self,
                        IntegrityContext *context)
{
  IntegrityAddinInterface *iface;

  g_return_if_fail (INTEGRITY_IS_ADDIN (self));

  iface = INTEGRITY_ADDIN_GET_IFACE (self);
  g_return_if_fail (iface->unload != NULL);
  iface->unload (self, context);
}

GtkWidget *
integrity_addin_create_page (IntegrityAddin *self)
{
  g_return_val_if_fail (INTEGRITY_IS_ADDIN (self), NULL);
  return INTEGRITY_ADDIN_GET_IFACE (self)->create_page (self);
}

void
integrity_addin_collect_kpis (IntegrityAddin        *self,
                              sqlite3               *db,
                              const IntegrityFilter *filter,
                              GPtrArray             *kpis,
                              GCancellable          *cancellable)
{
  g_return_if_fail (INTEGRITY_IS_ADDIN (self));
  g_return_if_fail (db != NULL && filter != NULL && kpis != NULL);
  INTEGRITY_ADDIN_GET_IFACE (self)->collect_kpis (self, db, filter, kpis, cancellable);
}

gboolean
integrity_addin_get_data_range (IntegrityAddin *self,
                                sqlite3        *db,
                                IntegrityMonth *first,
                                IntegrityMonth *last)
{
  g_return_val_if_fail (INTEGRITY_IS_ADDIN (self), FALSE);
  g_return_val_if_fail (db != NULL && first != NULL && last != NULL, FALSE);
  return INTEGRITY_ADDIN_GET_IFACE (self)->get_data_range (self, db, first, last);
}

gboolean
integrity_addin_generate_demo (IntegrityAddin  *self,
                               IntegrityStore  *store,
                               GRand           *rand,
                               guint            scale,
                               GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_ADDIN (self), FALSE);
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (rand != NULL && scale > 0, FALSE);
  return INTEGRITY_ADDIN_GET_IFACE (self)->generate_demo (self, store, rand, scale, error);
}

/* Worker thread: the plugin's pages of the briefing pack. */
gboolean
integrity_addin_add_briefing_pages (IntegrityAddin     *self,
                                    IntegrityBriefing  *briefing,
                                    GError            **error)
{
  g_return_val_if_fail (INTEGRITY_IS_ADDIN (self), FALSE);
  g_return_val_if_fail (INTEGRITY_IS_BRIEFING (briefing), FALSE);
  return INTEGRITY_ADDIN_GET_IFACE (self)->add_briefing_pages (self, briefing, error);
}

/**
 * integrity_addin_collect_charts:
 * @charts: (element-type IntegrityChart): the plugin appends its charts
 *
 * Worker thread: the charts presentation mode shows, one a slide.
 */
void
integrity_addin_collect_charts (IntegrityAddin        *self,
                                sqlite3               *db,
                                const IntegrityFilter *filter,
                                GPtrArray             *charts,
                                GCancellable          *cancellable)
{
  g_return_if_fail (INTEGRITY_IS_ADDIN (self));
  g_return_if_fail (db != NULL && filter != NULL && charts != NULL);
  INTEGRITY_ADDIN_GET_IFACE (self)->collect_charts (self, db, filter, charts, cancellable);
}

/**
 * integrity_addins_get_data_range:
 * @addins: (element-type IntegrityAddin)
 *
 * The first and last month any of @addins holds data for. Worker thread.
 *
 * Returns: %FALSE when none holds any
 */
gboolean
integrity_addins_get_data_range (GPtrArray      *addins,
                                 sqlite3        *db,
                                 IntegrityMonth *first,
                                 IntegrityMonth *last)
{
  gboolean found = FALSE;

  g_return_val_if_fail (addins != NULL && db != NULL, FALSE);

  for (guint i = 0; i < addins->len; i++)
    {
      IntegrityMonth a, b;

      if (integrity_addin_get_data_range (g_ptr_array_index (addins, i), db, &a, &b))
        {
          *first = found ? MIN (*first, a) : a;
          *last = found ? MAX (*last, b) : b;
          found = TRUE;
        }
    }
  return found;
}

/**
 * integrity_plugin_register:
 * @module: the module passed to peas_register_types()
 * @addin_type: the plugin's #IntegrityAddin implementation
 *
 * Call from `peas_register_types()`. The module stays in memory once
 * loaded, so plugins may define their types with G_DEFINE_FINAL_TYPE and
 * be switched off and on again safely.
 */
void
integrity_plugin_register (PeasObjectModule *module,
                           GType             addin_type)
{
  g_return_if_fail (PEAS_IS_OBJECT_MODULE (module));
  g_return_if_fail (g_type_is_a (addin_type, INTEGRITY_TYPE_ADDIN));

  /* Bundled plugins translate in the `integrity` domain: bind it for any host. */
  integrity_i18n_init ();

  /* Static GTypes point into the module's code: it must never be closed. */
  g_type_module_use (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, INTEGRITY_TYPE_ADDIN, addin_type);
}
