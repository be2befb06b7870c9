/* integrity-session.h — one open store with its settings, context and plugins. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define INTEGRITY_TYPE_SESSION (integrity_session_get_type ())
G_DECLARE_FINAL_TYPE (IntegritySession, integrity_session, INTEGRITY, SESSION, GObject)

GSettings             *integrity_settings_new_if_installed (void);
char                  *integrity_session_get_demo_path     (void);

IntegritySession      *integrity_session_new             (const char        *store_path,
                                                          GError           **error);
IntegrityStore        *integrity_session_get_store       (IntegritySession  *self);
IntegrityContext      *integrity_session_get_context     (IntegritySession  *self);
IntegrityPluginEngine *integrity_session_get_engine      (IntegritySession  *self);
GSettings             *integrity_session_get_settings    (IntegritySession  *self);
gboolean               integrity_session_generate_demo   (IntegritySession  *self,
                                                          guint              scale,
                                                          guint32            seed,
                                                          GError           **error);

IntegrityFilter       *integrity_session_default_filter  (IntegritySession  *self,
                                                          const char        *district,
                                                          GError           **error);
GPtrArray             *integrity_session_collect_kpis    (IntegritySession  *self,
                                                          const IntegrityFilter *filter,
                                                          GError           **error);

G_END_DECLS
