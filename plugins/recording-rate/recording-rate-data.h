/* recording-rate-data.h — the recording-rate tables and the figures read from them. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define RECORDING_RATE_ID "recording-rate"
#define RECORDING_RATE_DEFAULT_TARGET 0.90
#define RECORDING_RATE_24H_DEFAULT_TARGET 0.90

/* Sums of the audit sample: crimes that should have been recorded
 * (expected), those that were, and those recorded within 24 hours. */
typedef struct
{
  guint64 incidents;
  guint64 expected;
  guint64 recorded;
  guint64 within_24h;
} RecordingSums;

typedef struct
{
  char          *name;
  RecordingSums  sums;
} RecordingDistrict;

typedef struct
{
  char   *label;
  double  crimes;
} RecordingVolume;

/* Everything the page draws for one filter, read in one go on a worker. */
typedef struct
{
  IntegrityFilter *filter;
  double           target;
  double           target_24h;
  GPtrArray       *annotations;     /* IntegrityAnnotation */
  gboolean         has_audit;
  /* Per month of the filter, from → to (index 0 is filter->from). */
  GArray          *months;          /* RecordingSums, one per category per month */
  GArray          *monthly_volume;  /* double, NAN where no volume data */
  RecordingSums    categories[INTEGRITY_N_CATEGORIES];
  RecordingSums    previous[INTEGRITY_N_CATEGORIES];
  GPtrArray       *districts;       /* RecordingDistrict, lowest rate first */
  GPtrArray       *volume_by_type;  /* RecordingVolume, largest first */
  char            *volume_source;   /* what the volumes were counted from */
  double           volume_total;
  int              volume_days;
} RecordingPageData;

const IntegrityMigration *recording_rate_migrations         (gsize                 *n_migrations);

RecordingPageData        *recording_rate_query_page         (sqlite3               *db,
                                                             const IntegrityFilter *filter,
                                                             GError               **error);
void                      recording_page_data_free          (RecordingPageData     *data);
const RecordingSums      *recording_page_data_month         (const RecordingPageData *data,
                                                             int                    month_index,
                                                             IntegrityCategory      category);
int                       recording_page_data_n_months      (const RecordingPageData *data);

IntegrityProportion       recording_sums_rate               (const RecordingSums   *sums);
IntegrityProportion       recording_sums_24h_rate           (const RecordingSums   *sums);
double                    recording_unrecorded_per_day      (double                 volume,
                                                             int                    days,
                                                             double                 rate);

void                      recording_rate_kpis_from_data     (const RecordingPageData *data,
                                                             GPtrArray             *kpis);
void                      recording_rate_collect_kpis       (sqlite3               *db,
                                                             const IntegrityFilter *filter,
                                                             GPtrArray             *kpis);
gboolean                  recording_rate_data_range         (sqlite3               *db,
                                                             IntegrityMonth        *first,
                                                             IntegrityMonth        *last);

/* One audited incident, for the drill-down table. */
typedef struct
{
  char *incident_ref;
  char *reported_date;
  char *district;
  char *offence_group;
  int   domestic_abuse;
  int   expected;
  int   recorded;
  int   within_24h;
} RecordingIncident;

GPtrArray                *recording_rate_query_incidents    (sqlite3               *db,
                                                             IntegrityMonth         first,
                                                             IntegrityMonth         last,
                                                             const char            *district,
                                                             guint                  limit,
                                                             GError               **error);
void                      recording_incident_free           (RecordingIncident     *incident);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecordingPageData, recording_page_data_free)

G_END_DECLS
