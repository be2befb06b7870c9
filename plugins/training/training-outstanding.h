/* training-outstanding.h — who is not through: a sortable, searchable list, exportable to CSV. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-outstanding-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_OUTSTANDING_LIST (training_outstanding_list_get_type ())
G_DECLARE_FINAL_TYPE (TrainingOutstandingList, training_outstanding_list, TRAINING, OUTSTANDING_LIST, GtkWidget)

GtkWidget                *training_outstanding_list_new          (void);
void                      training_outstanding_list_set_store    (TrainingOutstandingList        *self,
                                                                  IntegrityStore                 *store);
TrainingOutstandingQuery *training_outstanding_list_dup_query    (TrainingOutstandingList        *self,
                                                                  const char                     *district,
                                                                  TrainingDay                     as_at);
void                      training_outstanding_list_show_counted (TrainingOutstandingList        *self,
                                                                  const TrainingOutstandingQuery *query,
                                                                  guint                           n_all,
                                                                  guint                           n_matching);
gboolean                  training_outstanding_list_is_loading   (TrainingOutstandingList        *self);
void                      training_outstanding_list_export       (TrainingOutstandingList        *self,
                                                                  const char                     *path);
GListModel               *training_outstanding_list_get_model    (TrainingOutstandingList        *self);

G_END_DECLS
