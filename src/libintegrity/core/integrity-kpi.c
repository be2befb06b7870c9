/* integrity-kpi.c — one headline figure. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "integrity-kpi.h"

G_DEFINE_BOXED_TYPE (IntegrityKpi, integrity_kpi, integrity_kpi_copy, integrity_kpi_free)

IntegrityKpi *
integrity_kpi_new (const char      *plugin_id,
                   const char      *id,
                   const char      *label,
                   IntegrityFormat  format)
{
  IntegrityKpi *kpi = g_new0 (IntegrityKpi, 1);

  kpi->plugin_id = g_strdup (plugin_id);
  kpi->id = g_strdup (id);
  kpi->label = g_strdup (label);
  kpi->format = format;
  kpi->value = NAN;
  kpi->lo = NAN;
  kpi->hi = NAN;
  kpi->previous = NAN;
  kpi->target = NAN;
  kpi->higher_is_better = TRUE;
  kpi->sparkline = g_array_new (FALSE, FALSE, sizeof (double));
  return kpi;
}

IntegrityKpi *
integrity_kpi_copy (const IntegrityKpi *kpi)
{
  IntegrityKpi *copy;

  g_return_val_if_fail (kpi != NULL, NULL);

  copy = g_memdup2 (kpi, sizeof *kpi);
  copy->plugin_id = g_strdup (kpi->plugin_id);
  copy->id = g_strdup (kpi->id);
  copy->label = g_strdup (kpi->label);
  copy->explanation = g_strdup (kpi->explanation);
  copy->sparkline = g_array_copy (kpi->sparkline);
  return copy;
}

void
integrity_kpi_free (IntegrityKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->plugin_id);
  g_free (kpi->id);
  g_free (kpi->label);
  g_free (kpi->explanation);
  g_array_unref (kpi->sparkline);
  g_free (kpi);
}

void
integrity_kpi_add_spark (IntegrityKpi *kpi,
                         double        value)
{
  g_return_if_fail (kpi != NULL);
  g_array_append_val (kpi->sparkline, value);
}

/**
 * integrity_kpi_status_for_target:
 * @warning_margin: how far on the wrong side of the target still counts as
 *   a warning rather than bad, in the value's own units
 */
IntegrityKpiStatus
integrity_kpi_status_for_target (double   value,
                                 double   target,
                                 double   warning_margin,
                                 gboolean higher_is_better)
{
  double shortfall;

  if (!isfinite (value) || !isfinite (target))
    return INTEGRITY_KPI_STATUS_NONE;

  shortfall = higher_is_better ? target - value : value - target;
  if (shortfall <= 0)
    return INTEGRITY_KPI_STATUS_GOOD;
  if (shortfall <= warning_margin)
    return INTEGRITY_KPI_STATUS_WARNING;
  return INTEGRITY_KPI_STATUS_BAD;
}

/* Stable identifiers for JSON output. */
const char *
integrity_kpi_status_to_string (IntegrityKpiStatus status)
{
  switch (status)
    {
    case INTEGRITY_KPI_STATUS_GOOD:    return "good";
    case INTEGRITY_KPI_STATUS_WARNING: return "warning";
    case INTEGRITY_KPI_STATUS_BAD:     return "bad";
    case INTEGRITY_KPI_STATUS_NONE:
    default:                           return "none";
    }
}

/* Words beside the colour, so status never relies on colour alone. */
const char *
integrity_kpi_status_to_label (IntegrityKpiStatus status)
{
  switch (status)
    {
    case INTEGRITY_KPI_STATUS_GOOD:    return _("On target");
    case INTEGRITY_KPI_STATUS_WARNING: return _("Near target");
    case INTEGRITY_KPI_STATUS_BAD:     return _("Off target");
    case INTEGRITY_KPI_STATUS_NONE:
    default:                           return _("No target");
    }
}

/* Stable unit names for JSON output. */
const char *
integrity_format_to_string (IntegrityFormat format)
{
  switch (format)
    {
    case INTEGRITY_FORMAT_PERCENT: return "percent";
    case INTEGRITY_FORMAT_DAYS:    return "days";
    case INTEGRITY_FORMAT_DECIMAL: return "decimal";
    case INTEGRITY_FORMAT_COUNT:
    default:                       return "count";
    }
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_number (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/**
 * integrity_kpis_to_json:
 *
 * The documented shape of `integrity kpis --json` (README, "Command line"):
 * an object with "period" {"from","to"}, "district" (null for all),
 * "force", "demo", and "kpis": a list of objects with "plugin", "id",
 * "label", "value", "unit", "interval" ([lo, hi] or null), "previous",
 * "target", "status", "sample_size" and "explanation". Values are plain
 * numbers (percentages as fractions); missing numbers are null.
 */
char *
integrity_kpis_to_json (GPtrArray             *kpis,
                        const IntegrityFilter *filter,
                        const char            *force_name,
                        gboolean               demo)
{
  GString *out = g_string_new ("{\n  \"period\": {\"from\": ");
  g_autofree char *from = integrity_month_to_string (filter->from);
  g_autofree char *to = integrity_month_to_string (filter->to);

  append_json_string (out, from);
  g_string_append (out, ", \"to\": ");
  append_json_string (out, to);
  g_string_append (out, "},\n  \"district\": ");
  append_json_string (out, filter->district);
  g_string_append (out, ",\n  \"force\": ");
  append_json_string (out, force_name != NULL && *force_name != '\0' ? force_name : NULL);
  g_string_append_printf (out, ",\n  \"demo\": %s,\n  \"kpis\": [", demo ? "true" : "false");

  for (guint i = 0; i < kpis->len; i++)
    {
      const IntegrityKpi *kpi = g_ptr_array_index (kpis, i);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      g_string_append (out, "\"plugin\": ");
      append_json_string (out, kpi->plugin_id);
      g_string_append (out, ", \"id\": ");
      append_json_string (out, kpi->id);
      g_string_append (out, ", \"label\": ");
      append_json_string (out, kpi->label);
      g_string_append (out, ", \"value\": ");
      append_json_number (out, kpi->value);
      g_string_append (out, ", \"unit\": ");
      append_json_string (out, integrity_format_to_string (kpi->format));
      g_string_append (out, ", \"interval\": ");
      if (isfinite (kpi->lo) && isfinite (kpi->hi))
        {
          g_string_append_c (out, '[');
          append_json_number (out, kpi->lo);
          g_string_append (out, ", ");
          append_json_number (out, kpi->hi);
          g_string_append_c (out, ']');
        }
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"previous\": ");
      append_json_number (out, kpi->previous);
      g_string_append (out, ", \"target\": ");
      append_json_number (out, kpi->target);
      g_string_append (out, ", \"status\": ");
      append_json_string (out, integrity_kpi_status_to_string (kpi->status));
      g_string_append_printf (out, ", \"sample_size\": %" G_GUINT64_FORMAT ", \"explanation\": ",
                              kpi->sample_size);
      append_json_string (out, kpi->explanation);
      g_string_append_c (out, '}');
    }
  g_string_append (out, kpis->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

/* One line a figure, for people reading a terminal. */
char *
integrity_kpis_to_text (GPtrArray             *kpis,
                        const IntegrityFilter *filter)
{
  g_autofree char *period = integrity_filter_describe (filter);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", period);
  for (guint i = 0; i < kpis->len; i++)
    {
      const IntegrityKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *value = integrity_format_value (kpi->value, kpi->format);
      g_autofree char *lo = integrity_format_value (kpi->lo, kpi->format);
      g_autofree char *hi = integrity_format_value (kpi->hi, kpi->format);

      g_string_append_printf (out, "%-16s %-28s %12s", kpi->plugin_id, kpi->label, value);
      if (isfinite (kpi->lo) && isfinite (kpi->hi))
        g_string_append_printf (out, "  (%s – %s)", lo, hi);
      g_string_append_printf (out, "  %s\n", integrity_kpi_status_to_label (kpi->status));
    }
  return g_string_free (out, FALSE);
}
