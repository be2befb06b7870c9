/* recording-rate-page.h — the recording-rate page. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define RECORDING_RATE_TYPE_PAGE (recording_rate_page_get_type ())
G_DECLARE_FINAL_TYPE (RecordingRatePage, recording_rate_page, RECORDING_RATE, PAGE, GtkWidget)

GtkWidget *recording_rate_page_new          (IntegrityContext  *context);
gboolean   recording_rate_page_is_loaded    (RecordingRatePage *self);
guint      recording_rate_page_get_n_tiles  (RecordingRatePage *self);
GPtrArray *recording_rate_page_get_charts   (RecordingRatePage *self);

G_END_DECLS
