/* training-outstanding-query.h — who is not through, counted and read a page at a time. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

#include "training-figures.h"

G_BEGIN_DECLS

/* One officer not through one cohort they belong to, by the "as at" day. */
typedef struct
{
  char        *officer_ref;
  char        *rank;
  char        *district;
  char        *cohort;
  char        *missing;        /* "investigation, victim-care" */
  TrainingDay  deadline;
} TrainingOutstanding;

/* The list's columns, in the order it shows them. */
typedef enum
{
  TRAINING_OUTSTANDING_SORT_REFERENCE,
  TRAINING_OUTSTANDING_SORT_RANK,
  TRAINING_OUTSTANDING_SORT_DISTRICT,
  TRAINING_OUTSTANDING_SORT_COHORT,
  TRAINING_OUTSTANDING_SORT_MISSING,
  TRAINING_OUTSTANDING_SORT_DEADLINE,
} TrainingOutstandingSort;

typedef struct
{
  char                    *district;    /* NULL: every district */
  TrainingDay              as_at;
  char                    *search;      /* NULL or empty: everyone outstanding */
  TrainingOutstandingSort  sort;
  gboolean                 descending;
} TrainingOutstandingQuery;

TrainingOutstandingQuery *training_outstanding_query_new   (const char                      *district,
                                                            TrainingDay                      as_at);
TrainingOutstandingQuery *training_outstanding_query_copy  (const TrainingOutstandingQuery  *query);
void                      training_outstanding_query_free  (TrainingOutstandingQuery        *query);
gboolean                  training_outstanding_query_equal (const TrainingOutstandingQuery  *a,
                                                            const TrainingOutstandingQuery  *b);

void                      training_outstanding_free        (TrainingOutstanding             *row);

gboolean                  training_outstanding_count       (sqlite3                         *db,
                                                            const TrainingOutstandingQuery  *query,
                                                            guint                           *n_all,
                                                            guint                           *n_matching,
                                                            GError                         **error);
GPtrArray                *training_outstanding_fetch       (sqlite3                         *db,
                                                            const TrainingOutstandingQuery  *query,
                                                            guint                            offset,
                                                            guint                            limit,
                                                            GError                         **error);
gboolean                  training_outstanding_write       (sqlite3                         *db,
                                                            const TrainingOutstandingQuery  *query,
                                                            const char                      *path,
                                                            GCancellable                    *cancellable,
                                                            GError                         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrainingOutstandingQuery, training_outstanding_query_free)

G_END_DECLS
