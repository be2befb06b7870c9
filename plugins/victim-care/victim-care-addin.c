/* victim-care-addin.c — the victim-care plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include "victim-care-addin.h"
#include "victim-care-briefing.h"
#include "victim-care-data.h"
#include "victim-care-demo.h"
#include "victim-care-importers.h"
#include "victim-care-page.h"

struct _VictimCareAddin
{
  GObject           parent_instance;
  IntegrityContext *context;
  GPtrArray        *importers;
};

static void victim_care_addin_iface_init (IntegrityAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VictimCareAddin, victim_care_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INTEGRITY_TYPE_ADDIN,
                                                      victim_care_addin_iface_init))

static gboolean
victim_care_addin_load (IntegrityAddin    *addin,
                        IntegrityContext  *context,
                        GError           **error)
{
  VictimCareAddin *self = VICTIM_CARE_ADDIN (addin);
  const IntegrityMigration *migrations;
  gsize n_migrations;

  migrations = victim_care_migrations (&n_migrations);
  if (!integrity_store_register_migrations (integrity_context_get_store (context), VICTIM_CARE_ID,
                                            migrations, n_migrations, error))
    return FALSE;
  self->context = g_object_ref (context);
  self->importers = victim_care_create_importers ();
  for (guint i = 0; i < self->importers->len; i++)
    integrity_context_add_importer (context, g_ptr_array_index (self->importers, i));
  return TRUE;
}

static void
victim_care_addin_unload (IntegrityAddin   *addin,
                          IntegrityContext *context)
{
  VictimCareAddin *self = VICTIM_CARE_ADDIN (addin);

  for (guint i = 0; self->importers != NULL && i < self->importers->len; i++)
    integrity_context_remove_importer (context, g_ptr_array_index (self->importers, i));
  g_clear_pointer (&self->importers, g_ptr_array_unref);
  g_clear_object (&self->context);
}

static GtkWidget *
victim_care_addin_create_page (IntegrityAddin *addin)
{
  VictimCareAddin *self = VICTIM_CARE_ADDIN (addin);

  g_return_val_if_fail (self->context != NULL, NULL);
  return victim_care_page_new (self->context);
}

static void
victim_care_addin_collect_kpis (IntegrityAddin        *addin,
                                sqlite3               *db,
                                const IntegrityFilter *filter,
                                GPtrArray             *kpis,
                                GCancellable          *cancellable)
{
  victim_care_collect_kpis (db, filter, kpis);
}

static gboolean
victim_care_addin_get_data_range (IntegrityAddin *addin,
                                  sqlite3        *db,
                                  IntegrityMonth *first,
                                  IntegrityMonth *last)
{
  return victim_care_data_range (db, first, last);
}

static gboolean
victim_care_addin_generate_demo (IntegrityAddin  *addin,
                                 IntegrityStore  *store,
                                 GRand           *rand,
                                 guint            scale,
                                 GError         **error)
{
  return victim_care_generate_demo (store, rand, scale, error);
}

static gboolean
victim_care_addin_add_briefing_pages (IntegrityAddin     *addin,
                                      IntegrityBriefing  *briefing,
                                      GError            **error)
{
  return victim_care_add_briefing_pages (briefing, error);
}

static void
victim_care_addin_collect_charts (IntegrityAddin        *addin,
                                  sqlite3               *db,
                                  const IntegrityFilter *filter,
                                  GPtrArray             *charts,
                                  GCancellable          *cancellable)
{
  victim_care_collect_charts (db, filter, charts, cancellable);
}

static void
victim_care_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = victim_care_addin_load;
  iface->unload = victim_care_addin_unload;
  iface->create_page = victim_care_addin_create_page;
  iface->collect_kpis = victim_care_addin_collect_kpis;
  iface->get_data_range = victim_care_addin_get_data_range;
  iface->generate_demo = victim_care_addin_generate_demo;
  iface->add_briefing_pages = victim_care_addin_add_briefing_pages;
  iface->collect_charts = victim_care_addin_collect_charts;
}

static void
victim_care_addin_class_init (VictimCareAddinClass *klass)
{
}

static void
victim_care_addin_init (VictimCareAddin *self)
{
}
