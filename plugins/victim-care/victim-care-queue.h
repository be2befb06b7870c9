/* victim-care-queue.h — the work queue as a list model that fetches pages on demand. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-queries.h"

G_BEGIN_DECLS

#define VICTIM_TYPE_QUEUE_ITEM (victim_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (VictimQueueItem, victim_queue_item, VICTIM, QUEUE_ITEM, GObject)

#define VICTIM_TYPE_QUEUE_MODEL (victim_queue_model_get_type ())
G_DECLARE_FINAL_TYPE (VictimQueueModel, victim_queue_model, VICTIM, QUEUE_MODEL, IntegrityPagedModel)

#define VICTIM_QUEUE_PAGE_SIZE 200

gboolean                victim_queue_item_is_loaded    (VictimQueueItem        *self);
const char             *victim_queue_item_get_case_ref (VictimQueueItem        *self);
const VictimQueueRow   *victim_queue_item_get_row      (VictimQueueItem        *self);

VictimQueueModel       *victim_queue_model_new         (IntegrityStore         *store);
void                    victim_queue_model_set_query   (VictimQueueModel       *self,
                                                        const VictimQueueQuery *query);
const VictimQueueQuery *victim_queue_model_get_query   (VictimQueueModel       *self);
gboolean                victim_queue_model_is_loading  (VictimQueueModel       *self);

G_END_DECLS
