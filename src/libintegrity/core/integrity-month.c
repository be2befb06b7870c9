/* integrity-month.c — calendar months as plain integers. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-month"

#include "config.h"

#include <string.h>

#include "integrity-month.h"

IntegrityMonth
integrity_month_new (int year,
                     int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, INTEGRITY_MONTH_NONE);
  return year * 12 + (month - 1);
}

int
integrity_month_get_year (IntegrityMonth month)
{
  return month / 12;
}

int
integrity_month_get_month (IntegrityMonth month)
{
  return month % 12 + 1;
}

/**
 * integrity_month_parse:
 * @text: "YYYY-MM"
 *
 * Returns: %TRUE when @text is exactly a four-digit year, a dash and a
 *   month 01–12.
 */
gboolean
integrity_month_parse (const char     *text,
                       IntegrityMonth *month)
{
  int year, mon;

  g_return_val_if_fail (month != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  mon = (text[5] - '0') * 10 + (text[6] - '0');
  if (year < 1 || mon < 1 || mon > 12)
    return FALSE;

  *month = integrity_month_new (year, mon);
  return TRUE;
}

char *
integrity_month_to_string (IntegrityMonth month)
{
  return g_strdup_printf ("%04d-%02d", integrity_month_get_year (month),
                          integrity_month_get_month (month));
}

/* "Mar 2021", in the user's language. */
char *
integrity_month_to_label (IntegrityMonth month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (integrity_month_get_year (month),
                                                 integrity_month_get_month (month),
                                                 1, 0, 0, 0);
  return dt != NULL ? g_date_time_format (dt, "%b %Y") : integrity_month_to_string (month);
}

int
integrity_month_get_days (IntegrityMonth month)
{
  return g_date_get_days_in_month ((GDateMonth) integrity_month_get_month (month),
                                   (GDateYear) integrity_month_get_year (month));
}

IntegrityMonth
integrity_month_from_date (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), INTEGRITY_MONTH_NONE);
  return integrity_month_new (g_date_get_year (date), g_date_get_month (date));
}

void
integrity_month_first_day (IntegrityMonth  month,
                           GDate          *date)
{
  g_return_if_fail (date != NULL);
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, (GDateMonth) integrity_month_get_month (month),
                  (GDateYear) integrity_month_get_year (month));
}
