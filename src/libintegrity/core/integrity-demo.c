/* integrity-demo.c — what every plugin's demo generator shares. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-demo"

#include "config.h"

#include <math.h>

#include "integrity-demo.h"
#include "integrity-store.h"

/* Fictional places: demo data must never look like a real force's. */
static const char *district_names[] = {
  "Northgate", "Riverside", "Eastfield", "Westmoor", "Southbank", "Central",
};

/* How each district differs from the force, in recording-rate points:
 * two lag (Eastfield, Westmoor), so league tables have a story. */
static const double district_effects[] = { 0.02, 0.01, -0.06, -0.04, 0.015, 0.005 };

IntegrityMonth
integrity_demo_first_month (void)
{
  return integrity_month_new (2018, 7);
}

IntegrityMonth
integrity_demo_last_month (void)
{
  return integrity_month_new (2021, 12);
}

guint
integrity_demo_n_districts (guint scale)
{
  return G_N_ELEMENTS (district_names) * MAX (scale, 1);
}

/* "Northgate" for the first force, "Northgate 2" for the second. */
char *
integrity_demo_district_name (guint index)
{
  guint force = index / G_N_ELEMENTS (district_names);
  const char *name = district_names[index % G_N_ELEMENTS (district_names)];

  return force == 0 ? g_strdup (name) : g_strdup_printf ("%s %u", name, force + 1);
}

double
integrity_demo_district_effect (guint index)
{
  return district_effects[index % G_N_ELEMENTS (district_effects)];
}

/**
 * integrity_demo_add_districts:
 * @ids: (element-type gint64): receives each district's id, in index order
 */
gboolean
integrity_demo_add_districts (IntegrityStore  *store,
                              guint            scale,
                              GArray          *ids,
                              GError         **error)
{
  guint n = integrity_demo_n_districts (scale);

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  g_array_set_size (ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = integrity_demo_district_name (i);
      gint64 id = integrity_store_ensure_district (store, name, error);

      if (id < 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* Box–Muller: one standard normal draw. */
double
integrity_demo_normal (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

guint
integrity_demo_binomial (GRand  *rand,
                         guint   n,
                         double  p)
{
  guint k = 0;

  p = CLAMP (p, 0.0, 1.0);
  if (n > 64)
    {
      /* Normal approximation: exact enough for demo volumes, and fast. */
      double mean = n * p;
      double sd = sqrt (n * p * (1.0 - p));
      double draw = round (mean + sd * integrity_demo_normal (rand));
      return (guint) CLAMP (draw, 0.0, (double) n);
    }
  for (guint i = 0; i < n; i++)
    if (g_rand_double (rand) < p)
      k++;
  return k;
}

guint
integrity_demo_poisson (GRand  *rand,
                        double  mean)
{
  double limit, product;
  guint k = 0;

  if (mean <= 0)
    return 0;
  if (mean > 30)
    return (guint) MAX (0.0, round (mean + sqrt (mean) * integrity_demo_normal (rand)));

  limit = exp (-mean);
  product = g_rand_double (rand);
  while (product > limit)
    {
      k++;
      product *= g_rand_double (rand);
    }
  return k;
}
