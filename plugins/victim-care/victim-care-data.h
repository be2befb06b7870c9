/* victim-care-data.h — the victim-care tables and the figures read from them. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <integrity.h>

G_BEGIN_DECLS

#define VICTIM_CARE_ID "victim-care"

/* Targets in the core `target` table, by name, with these defaults. */
#define VICTIM_TARGET_REFERRAL          "victim-referral"
#define VICTIM_TARGET_DECISIONS         "victim-decisions"
#define VICTIM_TARGET_CLOSURE_INFORMED  "victim-closure-informed"
#define VICTIM_TARGET_CLOSURE_REVIEWED  "victim-closure-reviewed"
#define VICTIM_TARGET_FIRST_CONTACT     "victim-first-contact-days"
#define VICTIM_DEFAULT_TARGET           0.90
#define VICTIM_DEFAULT_FIRST_CONTACT    1.0

/* Where a deadline stands, as stored: done in time, done late, not done. */
typedef enum
{
  VICTIM_STATE_PENDING = 0,
  VICTIM_STATE_MET     = 1,
  VICTIM_STATE_MISSED  = 2,
} VictimState;

/* What a row of the work queue is waiting for. */
typedef enum
{
  VICTIM_DUE_REFERRAL = 0,
  VICTIM_DUE_DECISION = 1,
  VICTIM_DUE_CLOSURE  = 2,
} VictimDueKind;

/* The compliance rates the page charts by month. */
typedef enum
{
  VICTIM_RATE_REFERRAL,
  VICTIM_RATE_DECISIONS_ENHANCED,
  VICTIM_RATE_DECISIONS_STANDARD,
  VICTIM_RATE_CLOSURE_INFORMED,
  VICTIM_RATE_CLOSURE_REVIEWED,
  VICTIM_N_RATES
} VictimRate;

typedef enum
{
  VICTIM_OUTCOME_CHARGE,
  VICTIM_OUTCOME_OUT_OF_COURT,
  VICTIM_OUTCOME_VICTIM_SUPPORTS,
  VICTIM_OUTCOME_NO_SUPPORT,
  VICTIM_OUTCOME_NO_SUPPORT_DOMESTIC,
  VICTIM_OUTCOME_NO_SUSPECT,
  VICTIM_OUTCOME_OTHER,
  VICTIM_N_OUTCOMES
} VictimOutcomeBand;

#define VICTIM_N_AGE_BANDS 4
#define VICTIM_N_SUPPORT_OUTCOMES 4
#define VICTIM_CONTACT_DAYS_CAP 30  /* the contact histogram's last bucket: 30 or more */

typedef struct
{
  guint64 done;   /* in time */
  guint64 due;    /* deadlines that have passed, or were met */
} VictimCount;

typedef struct
{
  char    *name;
  guint64  bands[VICTIM_N_AGE_BANDS];
} VictimCaseload;

/* Everything the page draws for one filter, read in one go on a worker. */
typedef struct
{
  IntegrityFilter *filter;
  GDate            as_at;          /* the latest day in the data, at most today */
  double           targets[VICTIM_N_RATES];
  double           target_contact;
  GPtrArray       *annotations;    /* IntegrityAnnotation */
  /* Per month of the filter (index 0 is filter->from), VICTIM_N_RATES each. */
  GArray          *months;         /* VictimCount */
  GArray          *month_contact;  /* double: median working days, NAN without data */
  VictimCount      totals[VICTIM_N_RATES];
  VictimCount      previous[VICTIM_N_RATES];
  double           contact_median;
  double           contact_previous;
  guint64          contact_n;
  guint64          view_recorded;  /* outcomes 14, 16 with the victim's view recorded */
  guint64          view_outcomes;
  /* Outcomes by closing month, VICTIM_N_OUTCOMES each. */
  GArray          *outcomes;       /* guint64 */
  GPtrArray       *caseload;       /* VictimCaseload, one per district */
  /* Support line referrals a week, VICTIM_N_SUPPORT_OUTCOMES each. */
  GArray          *weeks;          /* double: Julian day of the Monday */
  GArray          *week_counts;    /* guint64 */
  guint64          support_total;
  guint64          queue_overdue;
  guint64          queue_due_today;
} VictimPageData;

const IntegrityMigration *victim_care_migrations          (gsize                  *n_migrations);

const char               *victim_rate_label               (VictimRate              rate);
const char               *victim_outcome_band_label       (VictimOutcomeBand       band);
VictimOutcomeBand         victim_outcome_band             (int                     outcome_code,
                                                           gboolean                domestic_abuse);
const char               *victim_age_band_label           (guint                   band);
const char               *victim_support_outcome_id       (guint                   outcome);
const char               *victim_support_outcome_label    (guint                   outcome);
const char               *victim_decision_label           (const char             *decision);
const char * const       *victim_decisions                (void);

VictimState               victim_deadline_state           (const GDate            *deadline,
                                                           const GDate            *done);
gboolean                  victim_parse_date               (const char             *text,
                                                           GDate                  *date);
void                      victim_format_date              (const GDate            *date,
                                                           char                    out[16]);

gboolean                  victim_read_as_at               (sqlite3                *db,
                                                           GDate                  *as_at);
double                    victim_count_rate               (const VictimCount      *count);

VictimPageData           *victim_care_query_page          (sqlite3                *db,
                                                           const IntegrityFilter  *filter,
                                                           GError                **error);
void                      victim_page_data_free           (VictimPageData         *data);
int                       victim_page_data_n_months       (const VictimPageData   *data);
const VictimCount        *victim_page_data_month          (const VictimPageData   *data,
                                                           int                     month_index,
                                                           VictimRate              rate);

void                      victim_care_kpis_from_data      (const VictimPageData   *data,
                                                           GPtrArray              *kpis);
void                      victim_care_collect_kpis        (sqlite3                *db,
                                                           const IntegrityFilter  *filter,
                                                           GPtrArray              *kpis);
gboolean                  victim_care_data_range          (sqlite3                *db,
                                                           IntegrityMonth         *first,
                                                           IntegrityMonth         *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VictimPageData, victim_page_data_free)

G_END_DECLS
