/* integrity-stats.c — the statistics every plugin shares. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "integrity-stats.h"

/**
 * integrity_wilson_interval:
 * @successes: e.g. crimes recorded
 * @n: e.g. crimes that should have been recorded
 * @z: the normal quantile, %INTEGRITY_Z_95 for a 95% interval
 *
 * The Wilson score interval: unlike p ± z·SE it stays inside 0..1 and is
 * honest for small samples and for rates near 0% or 100%.
 */
IntegrityProportion
integrity_wilson_interval (guint64 successes,
                           guint64 n,
                           double  z)
{
  IntegrityProportion result = { NAN, NAN, NAN, successes, n };
  double p, z2, denominator, centre, half;

  g_return_val_if_fail (successes <= n, result);
  if (n == 0)
    return result;

  p = (double) successes / (double) n;
  z2 = z * z;
  denominator = 1.0 + z2 / (double) n;
  centre = (p + z2 / (2.0 * (double) n)) / denominator;
  half = z * sqrt (p * (1.0 - p) / (double) n + z2 / (4.0 * (double) n * (double) n)) / denominator;

  result.p = p;
  result.lo = MAX (0.0, centre - half);
  result.hi = MIN (1.0, centre + half);
  return result;
}

/**
 * integrity_estimate_unrecorded:
 * @recorded_volume: crimes recorded in the period
 * @recording_rate: the share of crimes that should have been recorded that were
 *
 * If a share r of all crimes is recorded and V were, about V / r should
 * have been, so V × (1 − r) / r were missed. NAN when r is 0 or unknown.
 */
double
integrity_estimate_unrecorded (double recorded_volume,
                               double recording_rate)
{
  if (!isfinite (recorded_volume) || !isfinite (recording_rate)
      || recording_rate <= 0.0 || recording_rate > 1.0)
    return NAN;
  return recorded_volume * (1.0 - recording_rate) / recording_rate;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values in place; NAN when empty. */
double
integrity_median (double *values,
                  gsize   n_values)
{
  if (n_values == 0)
    return NAN;
  qsort (values, n_values, sizeof (double), compare_doubles);
  if (n_values % 2 == 1)
    return values[n_values / 2];
  return (values[n_values / 2 - 1] + values[n_values / 2]) / 2.0;
}
