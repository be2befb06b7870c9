/* integrity-format.c — how figures are written. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "integrity-format.h"

/* Thousands separated with commas, as UK statistics are published,
 * whatever the locale's LC_NUMERIC: briefing packs must read the same on
 * every analyst's desktop. */
char *
integrity_format_count (double value)
{
  GString *out;
  char digits[32];
  gsize n;
  gsize lead;

  if (!isfinite (value))
    return g_strdup ("–");
  out = g_string_new (NULL);

  g_snprintf (digits, sizeof digits, "%.0f", fabs (round (value)));
  n = strlen (digits);
  if (round (value) < 0)
    g_string_append_c (out, '-');
  lead = n % 3 == 0 ? 3 : n % 3;
  g_string_append_len (out, digits, lead);
  for (gsize i = lead; i < n; i += 3)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, digits + i, 3);
    }
  return g_string_free (out, FALSE);
}

char *
integrity_format_value (double          value,
                        IntegrityFormat format)
{
  if (!isfinite (value))
    return g_strdup ("–");

  switch (format)
    {
    case INTEGRITY_FORMAT_PERCENT:
      return g_strdup_printf ("%.1f%%", value * 100.0);
    case INTEGRITY_FORMAT_DAYS:
      /* Translators: a number of days, e.g. "3.5 days" */
      return g_strdup_printf (_("%.1f days"), value);
    case INTEGRITY_FORMAT_DECIMAL:
      if (fabs (value) >= 1000)
        return integrity_format_count (value);
      return g_strdup_printf ("%.1f", value);
    case INTEGRITY_FORMAT_COUNT:
    default:
      return integrity_format_count (value);
    }
}

/* "+1.2 pts", "−340": percentages change by percentage points. */
char *
integrity_format_delta (double          delta,
                        IntegrityFormat format)
{
  const char *sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  g_autofree char *magnitude = NULL;

  if (!isfinite (delta))
    return g_strdup ("–");

  switch (format)
    {
    case INTEGRITY_FORMAT_PERCENT:
      /* Translators: a change in percentage points, e.g. "+1.2 pts" */
      return g_strdup_printf (_("%s%.1f pts"), sign, fabs (delta) * 100.0);
    case INTEGRITY_FORMAT_DAYS:
    case INTEGRITY_FORMAT_DECIMAL:
      magnitude = g_strdup_printf ("%.1f", fabs (delta));
      break;
    case INTEGRITY_FORMAT_COUNT:
    default:
      magnitude = integrity_format_count (fabs (delta));
      break;
    }
  return g_strconcat (sign, magnitude, NULL);
}

/* A stored ISO 8601 time, local: " 3 Mar 2021 10:04". Unparsable: as given. */
char *
integrity_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (iso8601 != NULL, NULL);

  when = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (when == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%e %b %Y %H:%M");
}
