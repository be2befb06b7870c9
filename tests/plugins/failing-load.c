/* failing-load.c — a test-only plugin whose load() fails. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "failing-load"

#include "config.h"

#include <integrity.h>

#define FAILING_TYPE_ADDIN (failing_addin_get_type ())
G_DECLARE_FINAL_TYPE (FailingAddin, failing_addin, FAILING, ADDIN, GObject)

struct _FailingAddin
{
  GObject parent_instance;
};

static gboolean
failing_addin_load (IntegrityAddin    *addin,
                    IntegrityContext  *context,
                    GError           **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "its data folder is missing");
  return FALSE;
}

static void
failing_addin_unload (IntegrityAddin   *addin,
                      IntegrityContext *context)
{
  g_error ("unload() must not run for a plugin whose load() failed");
}

static void
failing_addin_iface_init (IntegrityAddinInterface *iface)
{
  iface->load = failing_addin_load;
  iface->unload = failing_addin_unload;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FailingAddin, failing_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INTEGRITY_TYPE_ADDIN, failing_addin_iface_init))

static void
failing_addin_class_init (FailingAddinClass *klass)
{
}

static void
failing_addin_init (FailingAddin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  integrity_plugin_register (module, FAILING_TYPE_ADDIN);
}
