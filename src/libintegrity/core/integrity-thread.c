/* integrity-thread.c — background threads yield to the window. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "integrity-thread.h"

/* On a two-core machine a worker on each core takes the main thread's core
 * away in the middle of a frame: a 7 ms frame took 15-33 ms of wall time
 * while the page's queries ran. Workers run at a lower priority, where the
 * system allows, so the window and the display server come first. */

/**
 * _integrity_thread_lower_priority:
 * @niceness: how much lower, in nice steps (up to the lowest, 19)
 * @what: for the debug message when the system refuses
 *
 * Lowers the calling thread's priority, once per thread: later calls on the
 * same thread do nothing (a thread cannot raise it back).
 */
void
_integrity_thread_lower_priority (int         niceness,
                                  const char *what)
{
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
#ifdef __linux__
  {
    /* Linux nice values are per thread; relative to what the thread has,
     * so an app started with `nice` keeps its workers below its window. */
    id_t thread = (id_t) syscall (SYS_gettid);
    int now;

    errno = 0;
    now = getpriority (PRIO_PROCESS, thread);
    if (errno == 0 && setpriority (PRIO_PROCESS, thread, MIN (now + niceness, 19)) != 0)
      g_debug ("%s keep the normal priority: %s", what, g_strerror (errno));
  }
#else
  (void) niceness;
  (void) what;
#endif
}
