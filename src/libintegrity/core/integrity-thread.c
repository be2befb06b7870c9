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

/* While the window paints a frame, background work waits, so on a
 * two-core machine the frame and the display server have both cores: a
 * lower priority alone still let a query or a drawing take the main
 * thread's core for 2-4 ms in the middle of a frame. A frame that runs
 * over the budget stops holding them back, and so does one whose end
 * never came: nothing waits for more than a frame's time. */

#define FRAME_HOLD_US (16 * G_TIME_SPAN_MILLISECOND)

static gint   frame_painting;  /* atomic: read without the lock on the way past */
static gint64 frame_began;     /* monotonic µs, under frame_mutex */
static GMutex frame_mutex;
static GCond  frame_ended;

/* Called on the main thread as a frame begins to paint. */
void
_integrity_thread_frame_begin (void)
{
  g_mutex_lock (&frame_mutex);
  frame_began = g_get_monotonic_time ();
  g_atomic_int_set (&frame_painting, TRUE);
  g_mutex_unlock (&frame_mutex);
}

/* Called on the main thread when the frame is painted: waiting work goes on. */
void
_integrity_thread_frame_end (void)
{
  g_mutex_lock (&frame_mutex);
  g_atomic_int_set (&frame_painting, FALSE);
  g_cond_broadcast (&frame_ended);
  g_mutex_unlock (&frame_mutex);
}

/* TRUE while a frame is painting and still within its time. */
gboolean
_integrity_thread_frame_holds (void)
{
  gboolean holds;

  if (!g_atomic_int_get (&frame_painting))
    return FALSE;
  g_mutex_lock (&frame_mutex);
  holds = frame_painting && g_get_monotonic_time () - frame_began < FRAME_HOLD_US;
  g_mutex_unlock (&frame_mutex);
  return holds;
}

/**
 * _integrity_thread_yield_to_frame:
 *
 * For background threads, between pieces of their work: returns at once
 * unless a frame is painting, else when that frame is painted or has had
 * its time. A frame begun meanwhile does not hold the caller again, so
 * back-to-back frames cannot starve it.
 */
void
_integrity_thread_yield_to_frame (void)
{
  gint64 began;

  if (!g_atomic_int_get (&frame_painting))
    return;
  g_mutex_lock (&frame_mutex);
  began = frame_began;
  while (frame_painting && frame_began == began
         && g_cond_wait_until (&frame_ended, &frame_mutex, began + FRAME_HOLD_US))
    ;
  g_mutex_unlock (&frame_mutex);
}
