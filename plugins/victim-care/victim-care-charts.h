/* victim-care-charts.h — the page's charts, built from its figures. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-data.h"

G_BEGIN_DECLS

GPtrArray *victim_care_build_charts (const VictimPageData *data);

G_END_DECLS
