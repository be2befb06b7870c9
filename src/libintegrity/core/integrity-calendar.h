/* integrity-calendar.h — working days in England and Wales. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A working day is Monday to Friday and not a bank holiday in England and
 * Wales. Bank holidays come from the rules (from 1978, when the early May
 * bank holiday began) and a data file of one-off changes compiled into the
 * library; a force may load more changes at run time. Every function here
 * is safe to call from any thread, and each year is worked out once. */

#define INTEGRITY_CALENDAR_ERROR (integrity_calendar_error_quark ())

typedef enum
{
  INTEGRITY_CALENDAR_ERROR_PARSE,
} IntegrityCalendarError;

GQuark   integrity_calendar_error_quark             (void);

gboolean integrity_calendar_is_bank_holiday         (const GDate  *date);
gboolean integrity_calendar_is_working_day          (const GDate  *date);
guint    integrity_calendar_list_bank_holidays      (int           year,
                                                     GDate        *out,
                                                     guint         max);

void     integrity_calendar_add_working_days        (const GDate  *start,
                                                     guint         n,
                                                     GDate        *result);
int      integrity_calendar_working_days_between    (const GDate  *from,
                                                     const GDate  *to);

gboolean integrity_calendar_load_changes            (const char   *path,
                                                     GError      **error);
gboolean integrity_calendar_load_changes_from_data  (const char   *data,
                                                     gssize        length,
                                                     const char   *origin,
                                                     GError      **error);
void     integrity_calendar_forget_loaded_changes   (void);

G_END_DECLS
