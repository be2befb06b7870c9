/* training-outstanding-model.h — who is not through, as a list model that reads its rows on demand. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-outstanding-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_OUTSTANDING_MODEL (training_outstanding_model_get_type ())
G_DECLARE_FINAL_TYPE (TrainingOutstandingModel, training_outstanding_model, TRAINING, OUTSTANDING_MODEL, IntegrityPagedModel)

#define TRAINING_OUTSTANDING_PAGE_SIZE 200

TrainingOutstandingModel       *training_outstanding_model_new            (IntegrityStore                 *store);
void                            training_outstanding_model_set_query      (TrainingOutstandingModel       *self,
                                                                           const TrainingOutstandingQuery *query);
void                            training_outstanding_model_set_counted    (TrainingOutstandingModel       *self,
                                                                           const TrainingOutstandingQuery *query,
                                                                           guint                           n_all,
                                                                           guint                           n_matching);
const TrainingOutstandingQuery *training_outstanding_model_get_query      (TrainingOutstandingModel       *self);
IntegrityStore                 *training_outstanding_model_get_store      (TrainingOutstandingModel       *self);
guint                           training_outstanding_model_get_n_all      (TrainingOutstandingModel       *self);
guint                           training_outstanding_model_get_n_matching (TrainingOutstandingModel       *self);
gboolean                        training_outstanding_model_is_counting    (TrainingOutstandingModel       *self);

G_END_DECLS
