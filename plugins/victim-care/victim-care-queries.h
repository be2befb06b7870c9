/* victim-care-queries.h — the work queue and a case's timeline, read on a worker. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-data.h"

G_BEGIN_DECLS

typedef enum
{
  VICTIM_SORT_DEADLINE,   /* most overdue first, ascending */
  VICTIM_SORT_REFERENCE,
  VICTIM_SORT_DISTRICT,
  VICTIM_SORT_DUE,        /* what is due */
} VictimQueueSort;

typedef enum
{
  VICTIM_WHEN_ALL = -1,
  VICTIM_WHEN_OVERDUE = 0,
  VICTIM_WHEN_DUE_TODAY = 1,
} VictimQueueWhen;

/* A plain value, copied to the worker with each fetch. */
typedef struct
{
  char            *district;   /* NULL: all */
  int              kind;       /* -1: all, else a VictimDueKind */
  VictimQueueWhen  when;
  char            *search;     /* a reference prefix, any case; NULL or "" for all */
  VictimQueueSort  sort;
  gboolean         descending;
  GDate            as_at;      /* invalid: read from the store */
} VictimQueueQuery;

typedef struct
{
  char          *case_ref;
  char          *district;
  VictimDueKind  kind;
  char          *decision;      /* VICTIM_DUE_DECISION: its id; else NULL */
  GDate          deadline;
  int            days_overdue;  /* working days, 0 when due today */
  gboolean       enhanced;
} VictimQueueRow;

typedef struct
{
  GDate                    date;
  char                    *title;
  char                    *detail;
  gboolean                 is_deadline;
  IntegrityDeadlineStatus  status;
} VictimTimelineEntry;

VictimQueueQuery *victim_queue_query_copy       (const VictimQueueQuery  *query);
void              victim_queue_query_free       (VictimQueueQuery        *query);
void              victim_queue_row_free         (VictimQueueRow          *row);
char             *victim_queue_row_describe_due (const VictimQueueRow    *row);

gint64            victim_queue_count            (sqlite3                 *db,
                                                 const VictimQueueQuery  *query,
                                                 GError                 **error);
GPtrArray        *victim_queue_fetch            (sqlite3                 *db,
                                                 const VictimQueueQuery  *query,
                                                 guint                    offset,
                                                 guint                    limit,
                                                 GError                 **error);
gboolean          victim_queue_export           (sqlite3                 *db,
                                                 const VictimQueueQuery  *query,
                                                 const char              *path,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);

void              victim_timeline_entry_free    (VictimTimelineEntry     *entry);
GPtrArray        *victim_case_timeline          (sqlite3                 *db,
                                                 const char              *case_ref,
                                                 const GDate             *as_at,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VictimQueueQuery, victim_queue_query_free)

G_END_DECLS
