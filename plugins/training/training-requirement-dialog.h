/* training-requirement-dialog.h — add or edit a cohort's requirements. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-data.h"

G_BEGIN_DECLS

TrainingDay  training_parse_day                   (const char           *text);
GtkWidget   *training_requirement_dialog_new      (GtkWidget            *parent,
                                                   IntegrityStore       *store,
                                                   const TrainingCohort *cohort);

G_END_DECLS
