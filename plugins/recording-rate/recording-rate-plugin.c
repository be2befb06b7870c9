/* recording-rate-plugin.c — registers the recording-rate plugin. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include "recording-rate-addin.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  integrity_plugin_register (module, RECORDING_RATE_TYPE_ADDIN);
}
