/* recording-rate-addin.c — the recording-rate plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include "recording-rate-addin.h"
#include "recording-rate-briefing.h"
#include "recording-rate-data.h"
#include "recording-rate-demo.h"
#include "recording-rate-importers.h"
#include "recording-rate-page.h"

struct _RecordingRateAddin
{
  GObject           parent_instance;
  IntegrityContext *context;
  GPtrArray        *importers;
};

static void recording_rate_addin_iface_init (IntegrityAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecordingRateAddin, recording_rate_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INTEGRITY_TYPE_ADDIN,
                                                      recording_rate_addin_iface_init))

static gboolean
recording_rate_addin_load (IntegrityAddin    *addin,
                           IntegrityContext  *context,
                           GError           **error)
{
  RecordingRateAddin *self = RECORDING_RATE_ADDIN (addin);
  const IntegrityMigration *migrations;
  gsize n_migrations;

  migrations = recording_rate_migrations (&n_migrations);
  if (!integrity_store_register_migrations (integrity_context_get_store (context), RECORDING_RATE_ID,
                                            migrations, n_migrations, error))
    return FALSE;
  self->context = g_object_ref (context);
  self->importers = recording_rate_create_importers ();
  for (guint i = 0; i < self->importers->len; i++)
    integrity_context_add_importer (context, g_ptr_array_index (self->importers, i));
  return TRUE;
}

static void
recording_rate_addin_unload (IntegrityAddin   *addin,
                             IntegrityContext *context)
{
  RecordingRateAddin *self = RECORDING_RATE_ADDIN (addin);

  for (guint i = 0; self->importers != NULL && i < self->importers->len; i++)
    integrity_context_remove_importer (context, g_ptr_array_index (self->importers, i));
  g_clear_pointer (&self->importers, g_ptr_array_unref);
  g_clear_object (&self->context);
}

static GtkWidget *
recording_rate_addin_create_page (IntegrityAddin *addin)
{
  return recording_rate_page_new (RECORDING_RATE_ADDIN (addin)->context);
}

static void
recording_rate_addin_collect_kpis (IntegrityAddin        *addin,
                                   sqlite3               *db,
                                   const IntegrityFilter *filter,
                                   GPtrArray             *kpis,
                                   GCancellable          *cancellable)
{
  recording_rate_collect_kpis (db, filter, kpis);
}

static gboolean
recording_rate_addin_get_data_range (IntegrityAddin *addin,
                                     sqlite3        *db,
                                     IntegrityMonth *first,
                                     IntegrityMonth *last)
{
  return recording_rate_data_range (db, first, last);
}

static gboolean
recording_rate_addin_generate_demo (IntegrityAddin  *addin,
                                    IntegrityStore  *store,
                                    GRand           *rand,
                                    guint            scale,
                                    GError         **error)
{
  return recording_rate_generate_demo (store, rand, scale, error);
}

static gboolean
recording_rate_addin_add_briefing_pages (IntegrityAddin     *addin,
                                         IntegrityBriefing  *briefing,
                                         GError            **error)
{
  return recording_rate_add_briefing_pages (briefing, error);
}

static void
recording_rate_addin_collect_charts (IntegrityAddin        *addin,
                                     sqlite3               *db,
                                     const IntegrityFilter *filter,
                                     GPtrArray             *charts,
                                     GCancellable          *cancellable)
{
  recording_rate_collect_charts (db, filter, charts);
}

static void
recording_rate_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = recording_rate_addin_load;
  iface->unload = recording_rate_addin_unload;
  iface->create_page = recording_rate_addin_create_page;
  iface->collect_kpis = recording_rate_addin_collect_kpis;
  iface->get_data_range = recording_rate_addin_get_data_range;
  iface->generate_demo = recording_rate_addin_generate_demo;
  iface->add_briefing_pages = recording_rate_addin_add_briefing_pages;
  iface->collect_charts = recording_rate_addin_collect_charts;
}

static void
recording_rate_addin_class_init (RecordingRateAddinClass *klass)
{
}

static void
recording_rate_addin_init (RecordingRateAddin *self)
{
}
