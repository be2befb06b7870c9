/* training-outstanding-item.h — one officer not yet through a cohort, as a list item. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "training-query.h"

G_BEGIN_DECLS

#define TRAINING_TYPE_OUTSTANDING_ITEM (training_outstanding_item_get_type ())
G_DECLARE_FINAL_TYPE (TrainingOutstandingItem, training_outstanding_item, TRAINING, OUTSTANDING_ITEM, GObject)

TrainingOutstandingItem *training_outstanding_item_new      (const TrainingOutstanding *row,
                                                             TrainingDay                as_at);
const char              *training_outstanding_item_get_text (TrainingOutstandingItem   *self,
                                                             const char                *property);
int                      training_outstanding_item_get_days (TrainingOutstandingItem   *self);
char                    *training_outstanding_days_label    (int                        days);
char                    *training_outstanding_to_csv        (GListModel                *items);
gboolean                 training_outstanding_export        (GListModel                *items,
                                                             const char                *path,
                                                             GError                   **error);

G_END_DECLS
