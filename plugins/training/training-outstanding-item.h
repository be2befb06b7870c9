/* training-outstanding-item.h — one officer not yet through a cohort, as a list item. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-outstanding-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_OUTSTANDING_ITEM (training_outstanding_item_get_type ())
G_DECLARE_FINAL_TYPE (TrainingOutstandingItem, training_outstanding_item, TRAINING, OUTSTANDING_ITEM, GObject)

TrainingOutstandingItem    *training_outstanding_item_new         (const TrainingOutstanding *row,
                                                                   TrainingDay                as_at);
TrainingOutstandingItem    *training_outstanding_item_new_pending (void);
void                        training_outstanding_item_fill        (TrainingOutstandingItem   *self,
                                                                   const TrainingOutstanding *row,
                                                                   TrainingDay                as_at);
void                        training_outstanding_item_reset       (TrainingOutstandingItem   *self);
gboolean                    training_outstanding_item_is_loaded   (TrainingOutstandingItem   *self);
void                        training_outstanding_item_set_shown   (TrainingOutstandingItem   *self,
                                                                   gboolean                   shown);
gboolean                    training_outstanding_item_is_shown    (TrainingOutstandingItem   *self);
const char                 *training_outstanding_item_get_text    (TrainingOutstandingItem   *self,
                                                                   const char                *property);
int                         training_outstanding_item_get_days    (TrainingOutstandingItem   *self);
char                       *training_outstanding_days_label       (int                        days);
char                      **training_outstanding_item_to_cells    (TrainingOutstandingItem   *self);
const IntegrityTableColumn *training_outstanding_columns          (guint                     *n_columns);
char                       *training_outstanding_to_csv           (GListModel                *items);

G_END_DECLS
