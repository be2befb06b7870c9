/* integrity-import-dialog.h — choose a CSV file, check it, import it. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "integrity-window.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_IMPORT_DIALOG (integrity_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IntegrityImportDialog, integrity_import_dialog, INTEGRITY, IMPORT_DIALOG, AdwWindow)

IntegrityImportDialog *integrity_import_dialog_new          (IntegrityWindow       *window);
void                   integrity_import_dialog_choose_file  (IntegrityImportDialog *self);
void                   integrity_import_dialog_open_file    (IntegrityImportDialog *self,
                                                             GFile                 *file);
IntegrityImporter     *integrity_import_dialog_get_importer (IntegrityImportDialog *self);

G_END_DECLS
