/* integrity-frame-steps.h — work spread over frames, one step a frame. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*IntegrityFrameStep) (gpointer item);

void     integrity_frame_steps_start     (GtkWidget          *widget,
                                          const char         *name,
                                          GPtrArray          *items,
                                          IntegrityFrameStep  step);
void     integrity_frame_steps_first_now (GtkWidget          *widget,
                                          const char         *name,
                                          GPtrArray          *items,
                                          IntegrityFrameStep  step);
gboolean integrity_frame_steps_finish    (GtkWidget          *widget,
                                          const char         *name);
gboolean integrity_frame_steps_pending   (void);
void     integrity_frame_steps_hold_workers (GtkWidget   *window);

G_END_DECLS
