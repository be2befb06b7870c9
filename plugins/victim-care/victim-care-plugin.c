/* victim-care-plugin.c — registers the victim-care plugin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include "victim-care-addin.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  integrity_plugin_register (module, VICTIM_CARE_TYPE_ADDIN);
}
