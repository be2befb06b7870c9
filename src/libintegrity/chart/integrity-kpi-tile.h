/* integrity-kpi-tile.h — one headline figure on the overview. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/integrity-kpi.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_KPI_TILE (integrity_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (IntegrityKpiTile, integrity_kpi_tile, INTEGRITY, KPI_TILE, GtkWidget)

GtkWidget          *integrity_kpi_tile_new     (const IntegrityKpi *kpi);
void                integrity_kpi_tile_set_kpi (IntegrityKpiTile   *self,
                                                const IntegrityKpi *kpi);
const IntegrityKpi *integrity_kpi_tile_get_kpi (IntegrityKpiTile   *self);

G_END_DECLS
