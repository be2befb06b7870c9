/* integrity-test-util.h — shared helpers for the test programs. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <integrity.h>

/* The session and window helpers need the app's classes: they are there in
 * the programs built with integrity_app_dep, whose headers are then on the
 * include path, and left out of the others. */
#if __has_include ("integrity-window.h")
#define ITEST_HAVE_APP 1
#include "integrity-session.h"
#include "integrity-window.h"
#endif

G_BEGIN_DECLS

typedef gboolean (*ItestCondition) (gpointer data);

char       *itest_make_temp_dir     (void);
void        itest_remove_tree       (const char     *path);
gboolean    itest_wait_until        (ItestCondition  condition,
                                     gpointer        data,
                                     guint           timeout_ms);
void        itest_spin              (guint           milliseconds);
char       *itest_shared_data_path  (const char     *relative);
char       *itest_file_sha256       (const char     *path);
gboolean    itest_label_in_tree     (GtkWidget      *widget,
                                     const char     *text);
guint       itest_count_mapped      (GtkWidget      *widget,
                                     GType           type);
gboolean    itest_wait_for_label    (GtkWidget      *widget,
                                     const char     *text,
                                     gboolean        shown,
                                     guint           timeout_ms);
gboolean    itest_wait_for_mapped   (GtkWidget      *widget,
                                     GType           type,
                                     guint           n,
                                     guint           timeout_ms);

typedef gboolean (*ItestWidgetMatch) (GtkWidget     *widget,
                                      gconstpointer  data);

GtkWidget  *itest_find_widget       (GtkWidget        *widget,
                                     GType             type,
                                     ItestWidgetMatch  match,
                                     gconstpointer     data);

char      **itest_pdf_pages         (const char     *pdf);
int         itest_find_page         (char          **pages,
                                     const char     *text);

IntegrityImporter *itest_find_importer (GPtrArray  *importers,
                                        const char *kind);

/* A plugin's tables alone in a store of their own, in a temporary folder,
 * and the plugin's importers. A test's fixture is one, or starts with one;
 * the tear-down has g_test_add()'s shape, to be handed to it directly. */
typedef struct
{
  char           *dir;
  IntegrityStore *store;
  GPtrArray      *importers;
} ItestStore;

typedef const IntegrityMigration *(*ItestMigrationsFunc) (gsize *n_migrations);
typedef GPtrArray                *(*ItestImportersFunc)  (void);

void                itest_store_set_up     (ItestStore          *fixture,
                                            const char          *component,
                                            ItestMigrationsFunc  migrations,
                                            ItestImportersFunc   importers);
void                itest_store_tear_down  (ItestStore          *fixture,
                                            gconstpointer        data);
IntegrityImportJob *itest_store_import     (ItestStore          *fixture,
                                            const char          *kind,
                                            const char          *name,
                                            const char          *contents,
                                            gboolean             expect_ok);

#ifdef ITEST_HAVE_APP
/* A store in a temporary folder opened as the app opens it, with the
 * session's settings, and the window on it once the test opens one. Set-up
 * and tear-down have g_test_add()'s shape: the set-up's data is the plugins
 * to switch on, a NULL-terminated array of ids, or NULL for none. */
typedef struct
{
  char             *dir;
  IntegritySession *session;
  GSettings        *settings;
  IntegrityWindow  *window;
} ItestSession;

void             itest_session_set_up         (ItestSession       *fixture,
                                               gconstpointer       active_plugins);
void             itest_session_tear_down      (ItestSession       *fixture,
                                               gconstpointer       data);
void             itest_session_generate_demo  (ItestSession       *fixture,
                                               guint               scale,
                                               guint32             seed);
void             itest_session_open_window    (ItestSession       *fixture);
gboolean         itest_wait_for_overview      (IntegrityWindow    *window,
                                               guint               timeout_ms);
#endif

G_END_DECLS
