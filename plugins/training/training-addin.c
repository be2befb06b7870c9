/* training-addin.c — the training plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include "training-addin.h"
#include "training-briefing.h"
#include "training-data.h"
#include "training-demo.h"
#include "training-importers.h"
#include "training-page.h"
#include "training-query.h"

struct _TrainingAddin
{
  GObject           parent_instance;
  IntegrityContext *context;
  GPtrArray        *importers;
};

static void training_addin_iface_init (IntegrityAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrainingAddin, training_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INTEGRITY_TYPE_ADDIN, training_addin_iface_init))

static gboolean
training_addin_load (IntegrityAddin    *addin,
                     IntegrityContext  *context,
                     GError           **error)
{
  TrainingAddin *self = TRAINING_ADDIN (addin);
  const IntegrityMigration *migrations;
  gsize n_migrations;

  migrations = training_migrations (&n_migrations);
  if (!integrity_store_register_migrations (integrity_context_get_store (context), TRAINING_ID,
                                            migrations, n_migrations, error))
    return FALSE;
  self->context = g_object_ref (context);
  self->importers = training_create_importers ();
  for (guint i = 0; i < self->importers->len; i++)
    integrity_context_add_importer (context, g_ptr_array_index (self->importers, i));
  return TRUE;
}

static void
training_addin_unload (IntegrityAddin   *addin,
                       IntegrityContext *context)
{
  TrainingAddin *self = TRAINING_ADDIN (addin);

  for (guint i = 0; self->importers != NULL && i < self->importers->len; i++)
    integrity_context_remove_importer (context, g_ptr_array_index (self->importers, i));
  g_clear_pointer (&self->importers, g_ptr_array_unref);
  g_clear_object (&self->context);
}

static GtkWidget *
training_addin_create_page (IntegrityAddin *addin)
{
  TrainingAddin *self = TRAINING_ADDIN (addin);

  g_return_val_if_fail (self->context != NULL, NULL);
  return training_page_new (self->context);
}

static void
training_addin_collect_kpis (IntegrityAddin        *addin,
                             sqlite3               *db,
                             const IntegrityFilter *filter,
                             GPtrArray             *kpis,
                             GCancellable          *cancellable)
{
  training_collect_kpis (db, filter, kpis);
}

static gboolean
training_addin_get_data_range (IntegrityAddin *addin,
                               sqlite3        *db,
                               IntegrityMonth *first,
                               IntegrityMonth *last)
{
  return training_data_range (db, first, last);
}

static gboolean
training_addin_generate_demo (IntegrityAddin  *addin,
                              IntegrityStore  *store,
                              GRand           *rand,
                              guint            scale,
                              GError         **error)
{
  return training_generate_demo (store, rand, scale, error);
}

static gboolean
training_addin_add_briefing_pages (IntegrityAddin     *addin,
                                   IntegrityBriefing  *briefing,
                                   GError            **error)
{
  return training_add_briefing_pages (briefing, error);
}

static void
training_addin_collect_charts (IntegrityAddin        *addin,
                               sqlite3               *db,
                               const IntegrityFilter *filter,
                               GPtrArray             *charts,
                               GCancellable          *cancellable)
{
  training_collect_charts (db, filter, charts);
}

static void
training_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = training_addin_load;
  iface->unload = training_addin_unload;
  iface->create_page = training_addin_create_page;
  iface->collect_kpis = training_addin_collect_kpis;
  iface->get_data_range = training_addin_get_data_range;
  iface->generate_demo = training_addin_generate_demo;
  iface->add_briefing_pages = training_addin_add_briefing_pages;
  iface->collect_charts = training_addin_collect_charts;
}

static void
training_addin_class_init (TrainingAddinClass *klass)
{
}

static void
training_addin_init (TrainingAddin *self)
{
}
