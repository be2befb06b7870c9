/* test-stats.c — recording rates and their intervals. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#define assert_close(a, b, tol) g_assert_cmpfloat_with_epsilon ((a), (b), (tol))

/* Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3. */
static void
test_wilson_published_values (void)
{
  struct { guint64 x, n; double lo, hi; } cases[] = {
    { 81, 263, 0.2553, 0.3662 },
    { 15, 148, 0.0624, 0.1605 },
    { 0, 20, 0.0000, 0.1611 },
    { 1, 29, 0.0061, 0.1718 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IntegrityProportion r = integrity_wilson_interval (cases[i].x, cases[i].n, INTEGRITY_Z_95);
      assert_close (r.lo, cases[i].lo, 0.00051);
      assert_close (r.hi, cases[i].hi, 0.00051);
      g_assert_cmpfloat (r.lo, <=, r.p);
      g_assert_cmpfloat (r.p, <=, r.hi);
    }
}

static void
test_wilson_edges (void)
{
  IntegrityProportion none = integrity_wilson_interval (0, 1, INTEGRITY_Z_95);
  IntegrityProportion all = integrity_wilson_interval (1, 1, INTEGRITY_Z_95);
  IntegrityProportion empty = integrity_wilson_interval (0, 0, INTEGRITY_Z_95);
  IntegrityProportion big = integrity_wilson_interval (777000, 1000000, INTEGRITY_Z_95);

  /* p = 0 and p = 1 with n = 1: the interval is wide and stays in 0..1. */
  assert_close (none.p, 0.0, 1e-12);
  assert_close (none.lo, 0.0, 1e-12);
  assert_close (none.hi, 0.7935, 0.0001);
  assert_close (all.p, 1.0, 1e-12);
  assert_close (all.lo, 0.2065, 0.0001);
  assert_close (all.hi, 1.0, 1e-12);

  /* No sample: no rate, never 0%. */
  g_assert_true (isnan (empty.p) && isnan (empty.lo) && isnan (empty.hi));

  /* A large sample: a narrow interval around p. */
  g_assert_cmpfloat (big.hi - big.lo, <, 0.002);
}

/* DESIGN.md: r = 77.7%, volume 279,100 → about 80,100 unrecorded, about
 * 219 a day. */
static void
test_unrecorded_estimate (void)
{
  double missed = integrity_estimate_unrecorded (279100, 0.777);
  g_autofree char *text = integrity_format_count (round (missed / 100) * 100);

  assert_close (missed, 80102, 1.0);
  g_assert_cmpstr (text, ==, "80,100");
  g_assert_cmpint ((int) (missed / 365), ==, 219);

  g_assert_true (isnan (integrity_estimate_unrecorded (1000, 0)));
  g_assert_true (isnan (integrity_estimate_unrecorded (1000, NAN)));
  assert_close (integrity_estimate_unrecorded (1000, 1.0), 0.0, 1e-12);
}

static void
test_median (void)
{
  double odd[] = { 5, 1, 3 };
  double even[] = { 4, 1, 3, 2 };

  assert_close (integrity_median (odd, 3), 3, 1e-12);
  assert_close (integrity_median (even, 4), 2.5, 1e-12);
  g_assert_true (isnan (integrity_median (NULL, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/wilson-published-values", test_wilson_published_values);
  g_test_add_func ("/stats/wilson-edges", test_wilson_edges);
  g_test_add_func ("/stats/unrecorded-estimate", test_unrecorded_estimate);
  g_test_add_func ("/stats/median", test_median);
  return g_test_run ();
}
