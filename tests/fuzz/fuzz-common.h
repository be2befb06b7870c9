/* fuzz-common.h — what the harnesses share. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <fcntl.h>
#include <sys/mman.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

/* The readers take a path: the input goes into one in-memory file
 * (memfd), rewritten for every input, named by its /proc/self/fd path. */
static inline char *
fuzz_write_input (const guint8 *data,
                  size_t        size)
{
  static int fd = -1;

  if (fd < 0)
    fd = memfd_create ("integrity-fuzz-input", MFD_CLOEXEC);
  g_assert (fd >= 0);
  g_assert (ftruncate (fd, 0) == 0);
  g_assert (size == 0 || pwrite (fd, data, size, 0) == (ssize_t) size);
  return g_strdup_printf ("/proc/self/fd/%d", fd);
}
