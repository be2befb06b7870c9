/* integrity-filter.h — the period and district every page follows. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "integrity-month.h"

G_BEGIN_DECLS

/* A plain value, copied to worker threads with each query. */
typedef struct
{
  IntegrityMonth from;      /* first month, inclusive */
  IntegrityMonth to;        /* last month, inclusive */
  char          *district;  /* NULL: all districts */
} IntegrityFilter;

#define INTEGRITY_TYPE_FILTER (integrity_filter_get_type ())

GType            integrity_filter_get_type        (void) G_GNUC_CONST;
IntegrityFilter *integrity_filter_new             (IntegrityMonth         from,
                                                   IntegrityMonth         to,
                                                   const char            *district);
IntegrityFilter *integrity_filter_copy            (const IntegrityFilter *filter);
void             integrity_filter_free            (IntegrityFilter       *filter);
gboolean         integrity_filter_equal           (const IntegrityFilter *a,
                                                   const IntegrityFilter *b);
int              integrity_filter_get_n_months    (const IntegrityFilter *filter);
IntegrityFilter *integrity_filter_previous_period (const IntegrityFilter *filter);
IntegrityFilter *integrity_filter_new_default     (gboolean               has_data,
                                                   IntegrityMonth         first,
                                                   IntegrityMonth         last,
                                                   const char            *district);
char            *integrity_filter_describe        (const IntegrityFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityFilter, integrity_filter_free)

G_END_DECLS
