/* training-page.h — the training page: cohorts, burn-ups, districts, modules, who is outstanding. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define TRAINING_TYPE_PAGE (training_page_get_type ())
G_DECLARE_FINAL_TYPE (TrainingPage, training_page, TRAINING, PAGE, AdwBin)

GtkWidget *training_page_new       (IntegrityContext *context);
gboolean   training_page_is_loaded (TrainingPage     *self);

G_END_DECLS
