/* integrity-application.h — the application. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-session.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_APPLICATION (integrity_application_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityApplication, integrity_application, INTEGRITY, APPLICATION, AdwApplication)

IntegrityApplication *integrity_application_new           (void);
IntegritySession     *integrity_application_get_session   (IntegrityApplication *self);

G_END_DECLS
