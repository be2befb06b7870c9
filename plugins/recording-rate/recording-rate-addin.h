/* recording-rate-addin.h — the recording-rate plugin's IntegrityAddin. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define RECORDING_RATE_TYPE_ADDIN (recording_rate_addin_get_type ())
G_DECLARE_FINAL_TYPE (RecordingRateAddin, recording_rate_addin, RECORDING_RATE, ADDIN, GObject)

G_END_DECLS
