/* integrity-thread.h — background threads yield to the window (the library's own). SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _integrity_thread_lower_priority (int         niceness,
                                       const char *what);

void     _integrity_thread_frame_begin    (void);
void     _integrity_thread_frame_end      (void);
gboolean _integrity_thread_frame_holds    (void);
void     _integrity_thread_yield_to_frame (void);

G_END_DECLS
