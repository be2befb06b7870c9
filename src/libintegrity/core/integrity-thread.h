/* integrity-thread.h — background threads yield to the window (the library's own). SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _integrity_thread_lower_priority (int         niceness,
                                       const char *what);

G_END_DECLS
