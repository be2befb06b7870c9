/* integrity-kpi.h — one headline figure. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "integrity-filter.h"
#include "integrity-format.h"

G_BEGIN_DECLS

typedef enum
{
  INTEGRITY_KPI_STATUS_NONE,     /* no target, or no data */
  INTEGRITY_KPI_STATUS_GOOD,
  INTEGRITY_KPI_STATUS_WARNING,
  INTEGRITY_KPI_STATUS_BAD,
} IntegrityKpiStatus;

/* A plain value that plugins fill on a worker thread; NAN means "no data". */
typedef struct
{
  char              *plugin_id;
  char              *id;
  char              *label;
  char              *explanation;  /* one sentence */
  IntegrityFormat    format;
  double             value;
  double             lo;           /* interval, NAN when there is none */
  double             hi;
  double             previous;     /* the period of the same length before */
  double             target;
  gboolean           higher_is_better;
  IntegrityKpiStatus status;
  guint64            sample_size;  /* cases behind the value, for suppression */
  GArray            *sparkline;    /* double, NAN for gaps */
} IntegrityKpi;

#define INTEGRITY_TYPE_KPI (integrity_kpi_get_type ())

GType              integrity_kpi_get_type          (void) G_GNUC_CONST;
IntegrityKpi      *integrity_kpi_new               (const char         *plugin_id,
                                                    const char         *id,
                                                    const char         *label,
                                                    IntegrityFormat     format);
IntegrityKpi      *integrity_kpi_copy              (const IntegrityKpi *kpi);
void               integrity_kpi_free              (IntegrityKpi       *kpi);
void               integrity_kpi_add_spark         (IntegrityKpi       *kpi,
                                                    double              value);
IntegrityKpiStatus integrity_kpi_status_for_target (double              value,
                                                    double              target,
                                                    double              warning_margin,
                                                    gboolean            higher_is_better);
const char        *integrity_kpi_status_to_string  (IntegrityKpiStatus  status);
const char        *integrity_kpi_status_to_label   (IntegrityKpiStatus  status);

const char        *integrity_format_to_string      (IntegrityFormat     format);
char              *integrity_kpis_to_json          (GPtrArray          *kpis,
                                                    const IntegrityFilter *filter,
                                                    const char         *force_name,
                                                    gboolean            demo);
char              *integrity_kpis_to_text          (GPtrArray          *kpis,
                                                    const IntegrityFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityKpi, integrity_kpi_free)

G_END_DECLS
