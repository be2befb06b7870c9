/* integrity-preferences.h — the preferences window. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-session.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_PREFERENCES (integrity_preferences_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityPreferences, integrity_preferences, INTEGRITY, PREFERENCES, AdwPreferencesWindow)

IntegrityPreferences *integrity_preferences_new             (GtkWindow            *parent,
                                                             IntegritySession     *session);
GtkWidget            *integrity_preferences_get_plugin_row  (IntegrityPreferences *self,
                                                             const char           *plugin_id);

G_END_DECLS
