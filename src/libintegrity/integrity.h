/* integrity.h — the one header a plugin includes. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>
#include <libpeas/peas.h>
#include <sqlite3.h>

#include "core/integrity-annotation.h"
#include "core/integrity-calendar.h"
#include "core/integrity-csv.h"
#include "core/integrity-deadline.h"
#include "core/integrity-demo.h"
#include "core/integrity-district.h"
#include "core/integrity-filter.h"
#include "core/integrity-format.h"
#include "core/integrity-i18n.h"
#include "core/integrity-import-job.h"
#include "core/integrity-importer.h"
#include "core/integrity-kpi.h"
#include "core/integrity-month.h"
#include "core/integrity-stats.h"
#include "core/integrity-store.h"
#include "core/integrity-table.h"

#include "chart/integrity-chart.h"
#include "chart/integrity-chart-render.h"
#include "chart/integrity-chart-scale.h"
#include "chart/integrity-chart-style.h"
#include "chart/integrity-chart-view.h"
#include "chart/integrity-frame-steps.h"
#include "chart/integrity-kpi-tile.h"
#include "chart/integrity-in-view.h"
#include "chart/integrity-widget-reuse.h"
#include "chart/integrity-width-first-layout.h"
#include "core/integrity-vocabulary.h"

#include "plugin/integrity-addin.h"
#include "plugin/integrity-briefing.h"
#include "plugin/integrity-briefing-pack.h"
#include "plugin/integrity-context.h"
#include "plugin/integrity-list-fill.h"
#include "plugin/integrity-page-reload.h"
#include "plugin/integrity-paged-model.h"
#include "plugin/integrity-plugin-engine.h"
