/* integrity-context.h — what every page shares. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "core/integrity-filter.h"
#include "core/integrity-importer.h"
#include "core/integrity-store.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_CONTEXT (integrity_context_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityContext, integrity_context, INTEGRITY, CONTEXT, GObject)

IntegrityContext      *integrity_context_new          (IntegrityStore        *store,
                                                       GSettings             *settings);
IntegrityStore        *integrity_context_get_store    (IntegrityContext      *self);
GSettings             *integrity_context_get_settings (IntegrityContext      *self);
const IntegrityFilter *integrity_context_get_filter   (IntegrityContext      *self);
void                   integrity_context_set_filter   (IntegrityContext      *self,
                                                       const IntegrityFilter *filter);
IntegrityFilter       *integrity_context_dup_filter   (IntegrityContext      *self);

void                   integrity_context_add_importer    (IntegrityContext      *self,
                                                          IntegrityImporter     *importer);
void                   integrity_context_remove_importer (IntegrityContext      *self,
                                                          IntegrityImporter     *importer);
GListModel            *integrity_context_get_importers   (IntegrityContext      *self);
IntegrityImporter     *integrity_context_lookup_importer (IntegrityContext      *self,
                                                          const char            *kind);

G_END_DECLS
