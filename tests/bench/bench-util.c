/* bench-util.c — small pieces the benchmarks share. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>

#include "bench-util.h"

gint64
bench_thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}
