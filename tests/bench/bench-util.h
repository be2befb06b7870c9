/* bench-util.h — small pieces the benchmarks share. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The calling thread's CPU time in µs: wall time on a shared machine would
 * count other work. */
gint64 bench_thread_cpu_us (void);

G_END_DECLS
