/* integrity-addin.h — the extension point every plugin implements. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libpeas/peas.h>

#include "chart/integrity-chart.h"
#include "core/integrity-kpi.h"
#include "plugin/integrity-briefing.h"
#include "plugin/integrity-context.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_ADDIN (integrity_addin_get_type ())
G_DECLARE_INTERFACE (IntegrityAddin, integrity_addin, INTEGRITY, ADDIN, GObject)

struct _IntegrityAddinInterface
{
  GTypeInterface parent_iface;

  /* Required: register migrations and importers, connect to the store. */
  gboolean   (*load)           (IntegrityAddin        *self,
                                IntegrityContext      *context,
                                GError               **error);
  /* Required: cancel work and disconnect; the page has been removed. */
  void       (*unload)         (IntegrityAddin        *self,
                                IntegrityContext      *context);

  /* Optional: the plugin's page in the sidebar. Default: none. */
  GtkWidget *(*create_page)    (IntegrityAddin        *self);
  /* Optional, called on a worker thread with a read-only connection:
   * append IntegrityKpi values for @filter to @kpis. */
  void       (*collect_kpis)   (IntegrityAddin        *self,
                                sqlite3               *db,
                                const IntegrityFilter *filter,
                                GPtrArray             *kpis,
                                GCancellable          *cancellable);
  /* Optional, worker thread: the first and last month holding data. */
  gboolean   (*get_data_range) (IntegrityAddin        *self,
                                sqlite3               *db,
                                IntegrityMonth        *first,
                                IntegrityMonth        *last);
  /* Optional: fill the plugin's tables with seeded, plausible demo data,
   * @scale times the volume of one force over three years. It may run on
   * a worker thread, beside another plugin's, and @store may be a part
   * store with the same schema (integrity_demo_open_part()): write only
   * to @store, from @rand. */
  gboolean   (*generate_demo)  (IntegrityAddin        *self,
                                IntegrityStore        *store,
                                GRand                 *rand,
                                guint                  scale,
                                GError               **error);
  /* Optional, worker thread: draw the plugin's pages of the briefing pack
   * with integrity_briefing_begin_page() and its helpers. Default: none. */
  gboolean   (*add_briefing_pages) (IntegrityAddin    *self,
                                    IntegrityBriefing *briefing,
                                    GError           **error);
  /* Optional, worker thread: append the IntegrityChart models to show in
   * presentation mode, one a slide, in order. Default: none. */
  void       (*collect_charts) (IntegrityAddin        *self,
                                sqlite3               *db,
                                const IntegrityFilter *filter,
                                GPtrArray             *charts,
                                GCancellable          *cancellable);
};

gboolean   integrity_addin_load           (IntegrityAddin        *self,
                                           IntegrityContext      *context,
                                           GError               **error);
void       integrity_addin_unload         (IntegrityAddin        *self,
                                           IntegrityContext      *context);
GtkWidget *integrity_addin_create_page    (IntegrityAddin        *self);
void       integrity_addin_collect_kpis   (IntegrityAddin        *self,
                                           sqlite3               *db,
                                           const IntegrityFilter *filter,
                                           GPtrArray             *kpis,
                                           GCancellable          *cancellable);
gboolean   integrity_addin_get_data_range (IntegrityAddin        *self,
                                           sqlite3               *db,
                                           IntegrityMonth        *first,
                                           IntegrityMonth        *last);
gboolean   integrity_addin_generate_demo  (IntegrityAddin        *self,
                                           IntegrityStore        *store,
                                           GRand                 *rand,
                                           guint                  scale,
                                           GError               **error);

gboolean   integrity_addin_add_briefing_pages (IntegrityAddin        *self,
                                           IntegrityBriefing     *briefing,
                                           GError               **error);
void       integrity_addin_collect_charts (IntegrityAddin        *self,
                                           sqlite3               *db,
                                           const IntegrityFilter *filter,
                                           GPtrArray             *charts,
                                           GCancellable          *cancellable);

gboolean   integrity_addins_get_data_range (GPtrArray             *addins,
                                           sqlite3               *db,
                                           IntegrityMonth        *first,
                                           IntegrityMonth        *last);

void       integrity_plugin_register      (PeasObjectModule      *module,
                                           GType                  addin_type);

G_END_DECLS
