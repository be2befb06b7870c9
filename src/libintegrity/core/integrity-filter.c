/* integrity-filter.c — the period and district every page follows. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-filter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-filter.h"

G_DEFINE_BOXED_TYPE (IntegrityFilter, integrity_filter, integrity_filter_copy, integrity_filter_free)

IntegrityFilter *
integrity_filter_new (IntegrityMonth  from,
                      IntegrityMonth  to,
                      const char     *district)
{
  IntegrityFilter *filter = g_new0 (IntegrityFilter, 1);

  filter->from = MIN (from, to);
  filter->to = MAX (from, to);
  filter->district = g_strdup (district);
  return filter;
}

IntegrityFilter *
integrity_filter_copy (const IntegrityFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  return integrity_filter_new (filter->from, filter->to, filter->district);
}

void
integrity_filter_free (IntegrityFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->district);
  g_free (filter);
}

gboolean
integrity_filter_equal (const IntegrityFilter *a,
                        const IntegrityFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->from == b->from && a->to == b->to && g_strcmp0 (a->district, b->district) == 0;
}

int
integrity_filter_get_n_months (const IntegrityFilter *filter)
{
  g_return_val_if_fail (filter != NULL, 0);
  return filter->to - filter->from + 1;
}

/* The period of the same length just before, for "change since" figures. */
IntegrityFilter *
integrity_filter_previous_period (const IntegrityFilter *filter)
{
  int n;

  g_return_val_if_fail (filter != NULL, NULL);
  n = integrity_filter_get_n_months (filter);
  return integrity_filter_new (filter->from - n, filter->to - n, filter->district);
}

/**
 * integrity_filter_new_default:
 * @has_data: whether @first and @last are the months the store holds
 *
 * The period every view starts on: the last twelve months that have data,
 * or the last twelve months to today when there is none.
 */
IntegrityFilter *
integrity_filter_new_default (gboolean        has_data,
                              IntegrityMonth  first,
                              IntegrityMonth  last,
                              const char     *district)
{
  if (!has_data)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      last = integrity_month_new (g_date_time_get_year (now), g_date_time_get_month (now));
      first = last - 11;
    }
  return integrity_filter_new (MAX (first, last - 11), last, district);
}

/* "Apr 2020 – Mar 2021, all districts" */
char *
integrity_filter_describe (const IntegrityFilter *filter)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (filter != NULL, NULL);

  from = integrity_month_to_label (filter->from);
  to = integrity_month_to_label (filter->to);
  if (filter->district != NULL)
    /* Translators: a period and a district, e.g. "Apr 2020 – Mar 2021, Bolton" */
    return g_strdup_printf (_("%s – %s, %s"), from, to, filter->district);
  /* Translators: a period, e.g. "Apr 2020 – Mar 2021, all districts" */
  return g_strdup_printf (_("%s – %s, all districts"), from, to);
}
