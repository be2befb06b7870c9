/* victim-care-addin.h — the victim-care plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define VICTIM_CARE_TYPE_ADDIN (victim_care_addin_get_type ())
G_DECLARE_FINAL_TYPE (VictimCareAddin, victim_care_addin, VICTIM_CARE, ADDIN, GObject)

G_END_DECLS
