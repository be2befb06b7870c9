/* integrity-month.h — calendar months as plain integers. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A month is year × 12 + (month − 1): consecutive months are consecutive
 * integers, so periods are ranges and their lengths are subtractions. */
typedef int IntegrityMonth;

#define INTEGRITY_MONTH_NONE G_MININT

IntegrityMonth integrity_month_new         (int             year,
                                            int             month);
gboolean       integrity_month_parse       (const char     *text,
                                            IntegrityMonth *month);
char          *integrity_month_to_string   (IntegrityMonth  month);
char          *integrity_month_to_label    (IntegrityMonth  month);
int            integrity_month_get_year    (IntegrityMonth  month);
int            integrity_month_get_month   (IntegrityMonth  month);
int            integrity_month_get_days    (IntegrityMonth  month);
IntegrityMonth integrity_month_from_date   (GDate          *date);
void           integrity_month_first_day   (IntegrityMonth  month,
                                            GDate          *date);

G_END_DECLS
