/* training-outstanding.h — who is not through: a sortable, filterable list, exportable to CSV. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "training-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_OUTSTANDING_LIST (training_outstanding_list_get_type ())
G_DECLARE_FINAL_TYPE (TrainingOutstandingList, training_outstanding_list, TRAINING, OUTSTANDING_LIST, GtkWidget)

GtkWidget  *training_outstanding_list_new       (void);
void        training_outstanding_list_set_rows  (TrainingOutstandingList *self,
                                                 GPtrArray               *rows,
                                                 TrainingDay              as_at);
GListModel *training_outstanding_list_get_model (TrainingOutstandingList *self);

G_END_DECLS
