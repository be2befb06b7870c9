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

/**
 * integrity_demo_suspend_triggers:
 * @names: (array zero-terminated=1): the triggers that keep rollups in step, row by row
 * @saved: (element-type utf8): receives their CREATE TRIGGER statements
 *
 * A demo writes millions of rows in one transaction: summing them into the
 * rollups once at the end (integrity_demo_resume_triggers()) is several
 * times faster than a rollup upsert per row. Inside the demo's transaction.
 */
gboolean
integrity_demo_suspend_triggers (IntegrityStore      *store,
                                 const char * const  *names,
                                 GPtrArray           *saved,
                                 GError             **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (names != NULL && saved != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && names[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\"", names[i]);

          g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          sqlite3_reset (stmt);
          rc = sqlite3_exec (db, drop, NULL, NULL, NULL);
          sqlite3_free (drop);
        }
      else if (rc == SQLITE_DONE)
        rc = sqlite3_reset (stmt);
    }
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo");
  return TRUE;
}

/**
 * integrity_demo_resume_triggers:
 * @saved: (element-type utf8): from integrity_demo_suspend_triggers()
 * @rebuild_sql: rebuilds the rollups from the raw rows, as the triggers would have
 */
gboolean
integrity_demo_resume_triggers (IntegrityStore  *store,
                                GPtrArray       *saved,
                                const char      *rebuild_sql,
                                GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (saved != NULL && rebuild_sql != NULL, FALSE);

  rc = sqlite3_exec (db, rebuild_sql, NULL, NULL, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < saved->len; i++)
    rc = sqlite3_exec (db, g_ptr_array_index (saved, i), NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo");
  return TRUE;
}
