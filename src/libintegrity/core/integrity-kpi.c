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
