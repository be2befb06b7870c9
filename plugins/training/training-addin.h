/* training-addin.h — the training plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define TRAINING_TYPE_ADDIN (training_addin_get_type ())
G_DECLARE_FINAL_TYPE (TrainingAddin, training_addin, TRAINING, ADDIN, GObject)

G_END_DECLS
