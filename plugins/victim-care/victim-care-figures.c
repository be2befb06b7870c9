/* victim-care-figures.c — the page's figures and the overview's KPIs, from the rollups. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "victim-care-data.h"

#define N_CONTACT_BUCKETS (VICTIM_CONTACT_DAYS_CAP + 1)

/* The same query with or without a district, so each uses its index:
 * ?1 and ?2 the range, ?3 the district, ?4 the as-at day. */
static int
prepare_range (sqlite3       *db,
               const char    *all_districts,
               const char    *one_district,
               gint64         district,
               int            from,
               int            to,
               const char    *as_at,
               sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v2 (db, district < 0 ? all_districts : one_district, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int (*stmt, 1, from);
  sqlite3_bind_int (*stmt, 2, to);
  if (district >= 0)
    sqlite3_bind_int64 (*stmt, 3, district);
  if (as_at != NULL)
    sqlite3_bind_text (*stmt, 4, as_at, -1, SQLITE_TRANSIENT);
  return SQLITE_OK;
}

/* Adds to the month's cell and the period's total, or to the previous period. */
static void
add_count (VictimPageData *data,
           IntegrityMonth  month,
           VictimRate      rate,
           gint64          done,
           gint64          due)
{
  VictimCount *cell;

  if (month < data->filter->from)
    cell = &data->previous[rate];
  else if (month <= data->filter->to)
    {
      VictimCount *in_month = &g_array_index (data->months, VictimCount,
                                              (month - data->filter->from) * VICTIM_N_RATES + rate);
      in_month->done += done;
      in_month->due += due;
      cell = &data->totals[rate];
    }
  else
    return;
  cell->done += done;
  cell->due += due;
}

static gboolean
read_rates (sqlite3         *db,
            VictimPageData  *data,
            gint64           district,
            const char      *as_at,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(sqlite3_stmt) decisions = NULL;
  g_autoptr(sqlite3_stmt) not_due = NULL;
  int from = data->filter->from - victim_page_data_n_months (data);
  int to = data->filter->to;
  int rc;

  rc = prepare_range (db,
                      "SELECT month, sum(referral_met), sum(referral_missed) + sum(referral_pending)"
                      " FROM victim_case_rollup WHERE month BETWEEN ?1 AND ?2 GROUP BY month",
                      "SELECT month, sum(referral_met), sum(referral_missed) + sum(referral_pending)"
                      " FROM victim_case_rollup WHERE district_id = ?3 AND month BETWEEN ?1 AND ?2 GROUP BY month",
                      district, from, to, NULL, &cases);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (cases)) == SQLITE_ROW)
    add_count (data, sqlite3_column_int (cases, 0), VICTIM_RATE_REFERRAL, sqlite3_column_int64 (cases, 1),
               sqlite3_column_int64 (cases, 1) + sqlite3_column_int64 (cases, 2));
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the support referrals"));

  rc = prepare_range (db,
                      "SELECT month, enhanced, sum(met), sum(decisions) FROM victim_decision_rollup"
                      " WHERE month BETWEEN ?1 AND ?2 GROUP BY month, enhanced",
                      "SELECT month, enhanced, sum(met), sum(decisions) FROM victim_decision_rollup"
                      " WHERE district_id = ?3 AND month BETWEEN ?1 AND ?2 GROUP BY month, enhanced",
                      district, from, to, NULL, &decisions);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (decisions)) == SQLITE_ROW)
    add_count (data, sqlite3_column_int (decisions, 0),
               sqlite3_column_int (decisions, 1) ? VICTIM_RATE_DECISIONS_ENHANCED : VICTIM_RATE_DECISIONS_STANDARD,
               sqlite3_column_int64 (decisions, 2), sqlite3_column_int64 (decisions, 3));
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the key decisions"));

  /* A deadline not yet done that has not yet passed is not a failure:
   * take it out of the due count. Only the last few days' deadlines. */
  if (as_at == NULL)
    return TRUE;
  rc = prepare_range (db,
                      "SELECT kind, month, enhanced, count(*) FROM victim_queue"
                      " WHERE deadline > ?4 AND month BETWEEN ?1 AND ?2 GROUP BY kind, month, enhanced",
                      "SELECT kind, month, enhanced, count(*) FROM victim_queue"
                      " WHERE district_id = ?3 AND deadline > ?4 AND month BETWEEN ?1 AND ?2"
                      " GROUP BY kind, month, enhanced",
                      district, from, to, as_at, &not_due);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (not_due)) == SQLITE_ROW)
    {
      VictimDueKind kind = sqlite3_column_int (not_due, 0);
      VictimRate rate = kind == VICTIM_DUE_REFERRAL ? VICTIM_RATE_REFERRAL
                        : kind == VICTIM_DUE_CLOSURE ? VICTIM_RATE_CLOSURE_INFORMED
                        : sqlite3_column_int (not_due, 2) ? VICTIM_RATE_DECISIONS_ENHANCED
                        : VICTIM_RATE_DECISIONS_STANDARD;

      add_count (data, sqlite3_column_int (not_due, 1), rate, 0, -sqlite3_column_int64 (not_due, 3));
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the open deadlines"));
  return TRUE;
}

static gboolean
read_closures (sqlite3         *db,
               VictimPageData  *data,
               gint64           district,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_months = victim_page_data_n_months (data);
  int rc;

  rc = prepare_range (db,
                      "SELECT month, domestic_abuse, outcome_code, closures, informed,"
                      " reviewed, view_recorded FROM victim_closure_force"
                      " WHERE month BETWEEN ?1 AND ?2",
                      "SELECT month, domestic_abuse, outcome_code, sum(closures), sum(informed),"
                      " sum(reviewed), sum(view_recorded) FROM victim_closure_rollup"
                      " WHERE district_id = ?3 AND month BETWEEN ?1 AND ?2"
                      " GROUP BY month, domestic_abuse, outcome_code",
                      district, data->filter->from - n_months, data->filter->to, NULL, &stmt);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IntegrityMonth month = sqlite3_column_int (stmt, 0);
      int code = sqlite3_column_int (stmt, 2);
      gint64 closures = sqlite3_column_int64 (stmt, 3);

      add_count (data, month, VICTIM_RATE_CLOSURE_INFORMED, sqlite3_column_int64 (stmt, 4), closures);
      add_count (data, month, VICTIM_RATE_CLOSURE_REVIEWED, sqlite3_column_int64 (stmt, 5), closures);
      if (month < data->filter->from)
        continue;
      g_array_index (data->outcomes, guint64, (month - data->filter->from) * VICTIM_N_OUTCOMES
                     + victim_outcome_band (code, sqlite3_column_int (stmt, 1))) += closures;
      if (code == 14 || code == 16)
        {
          data->view_outcomes += closures;
          data->view_recorded += sqlite3_column_int64 (stmt, 6);
        }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the closures"));
  return TRUE;
}

/* The median of a histogram of whole working days; NAN when empty. */
static double
histogram_median (const guint64 *counts,
                  guint64       *n_out)
{
  guint64 n = 0, seen = 0;
  int lower = -1;

  for (int d = 0; d < N_CONTACT_BUCKETS; d++)
    n += counts[d];
  if (n_out != NULL)
    *n_out = n;
  if (n == 0)
    return NAN;
  for (int d = 0; d < N_CONTACT_BUCKETS; d++)
    {
      seen += counts[d];
      if (lower < 0 && seen >= (n + 1) / 2)
        lower = d;
      if (seen >= n / 2 + 1)
        return n % 2 == 1 ? lower : (lower + d) / 2.0;
    }
  return lower;
}

static gboolean
read_contact (sqlite3         *db,
              VictimPageData  *data,
              gint64           district,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_months = victim_page_data_n_months (data);
  g_autofree guint64 *months = g_new0 (guint64, (gsize) n_months * N_CONTACT_BUCKETS);
  guint64 current[N_CONTACT_BUCKETS] = { 0 };
  guint64 previous[N_CONTACT_BUCKETS] = { 0 };
  int rc;

  rc = prepare_range (db,
                      "SELECT month, days, cases FROM victim_contact_force"
                      " WHERE month BETWEEN ?1 AND ?2",
                      "SELECT month, days, sum(cases) FROM victim_contact_rollup"
                      " WHERE district_id = ?3 AND month BETWEEN ?1 AND ?2 GROUP BY month, days",
                      district, data->filter->from - n_months, data->filter->to, NULL, &stmt);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      int days = CLAMP (sqlite3_column_int (stmt, 1), 0, VICTIM_CONTACT_DAYS_CAP);
      guint64 cases = (guint64) sqlite3_column_int64 (stmt, 2);

      if (month < data->filter->from)
        previous[days] += cases;
      else
        {
          current[days] += cases;
          months[(month - data->filter->from) * N_CONTACT_BUCKETS + days] += cases;
        }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the first contacts"));

  data->contact_median = histogram_median (current, &data->contact_n);
  data->contact_previous = histogram_median (previous, NULL);
  for (int i = 0; i < n_months; i++)
    g_array_index (data->month_contact, double, i) = histogram_median (&months[i * N_CONTACT_BUCKETS], NULL);
  return TRUE;
}

static void
victim_caseload_free (VictimCaseload *caseload)
{
  g_free (caseload->name);
  g_free (caseload);
}

/* Open cases by age on the as-at day: the partial index of open cases. */
static gboolean
read_caseload (sqlite3         *db,
               VictimPageData  *data,
               gint64           district,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  static const int ages[] = { 7, 28, 90 };
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT d.name, sum(c.recorded_date >= ?1),"
                           " sum(c.recorded_date < ?1 AND c.recorded_date >= ?2),"
                           " sum(c.recorded_date < ?2 AND c.recorded_date >= ?3), sum(c.recorded_date < ?3)"
                           " FROM victim_case c JOIN district d ON d.id = c.district_id"
                           " WHERE c.status = 'open' AND (?4 < 0 OR c.district_id = ?4)"
                           " GROUP BY c.district_id ORDER BY d.name",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
        {
          GDate day = data->as_at;
          char text[16];

          g_date_subtract_days (&day, ages[i]);
          victim_format_date (&day, text);
          sqlite3_bind_text (stmt, (int) i + 1, text, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (stmt, 4, district);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VictimCaseload *caseload = g_new0 (VictimCaseload, 1);

      caseload->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      for (int b = 0; b < VICTIM_N_AGE_BANDS; b++)
        caseload->bands[b] = (guint64) sqlite3_column_int64 (stmt, b + 1);
      g_ptr_array_add (data->caseload, caseload);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the open caseload"));
  return TRUE;
}

static gboolean
read_support_line (sqlite3         *db,
                   VictimPageData  *data,
                   gint64           district,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate first, last;
  guint32 monday;
  int rc;

  integrity_month_first_day (data->filter->from, &first);
  integrity_month_first_day (data->filter->to, &last);
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  for (monday = g_date_get_julian (&first); monday <= g_date_get_julian (&last); monday += 7)
    {
      double x = monday;
      g_array_append_val (data->weeks, x);
    }
  g_array_set_size (data->week_counts, data->weeks->len * VICTIM_N_SUPPORT_OUTCOMES);

  rc = prepare_range (db,
                      "SELECT week, outcome, referrals FROM victim_support_force"
                      " WHERE week BETWEEN ?1 AND ?2",
                      "SELECT week, outcome, sum(referrals) FROM victim_support_rollup"
                      " WHERE district_id = ?3 AND week BETWEEN ?1 AND ?2 GROUP BY week, outcome",
                      district, (int) g_date_get_julian (&first), (int) g_date_get_julian (&last), NULL, &stmt);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint index = (guint) (sqlite3_column_int (stmt, 0) - (int) g_date_get_julian (&first)) / 7;
      const char *outcome = (const char *) sqlite3_column_text (stmt, 1);

      for (guint o = 0; o < VICTIM_N_SUPPORT_OUTCOMES; o++)
        if (g_strcmp0 (outcome, victim_support_outcome_id (o)) == 0 && index < data->weeks->len)
          {
            guint64 referrals = (guint64) sqlite3_column_int64 (stmt, 2);

            g_array_index (data->week_counts, guint64, index * VICTIM_N_SUPPORT_OUTCOMES + o) += referrals;
            data->support_total += referrals;
          }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the support line"));
  return TRUE;
}

static gboolean
read_queue_counts (sqlite3         *db,
                   VictimPageData  *data,
                   gint64           district,
                   const char      *as_at,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, district < 0
                           ? "SELECT sum(deadline < ?1), sum(deadline = ?1) FROM victim_queue WHERE deadline <= ?1"
                           : "SELECT sum(deadline < ?1), sum(deadline = ?1) FROM victim_queue"
                             " WHERE district_id = ?2 AND deadline <= ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, as_at, -1, SQLITE_TRANSIENT);
      if (district >= 0)
        sqlite3_bind_int64 (stmt, 2, district);
    }
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      data->queue_overdue = (guint64) sqlite3_column_int64 (stmt, 0);
      data->queue_due_today = (guint64) sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the work queue"));
  return TRUE;
}

/**
 * victim_care_query_page:
 *
 * Reads every figure of the page for @filter. Runs on a worker thread.
 */
VictimPageData *
victim_care_query_page (sqlite3                *db,
                        const IntegrityFilter  *filter,
                        GError                **error)
{
  g_autoptr(VictimPageData) data = g_new0 (VictimPageData, 1);
  static const char * const target_names[VICTIM_N_RATES] = {
    VICTIM_TARGET_REFERRAL, VICTIM_TARGET_DECISIONS, VICTIM_TARGET_DECISIONS,
    VICTIM_TARGET_CLOSURE_INFORMED, VICTIM_TARGET_CLOSURE_REVIEWED,
  };
  char as_at[16] = "";
  gboolean has_data;
  int n_months;
  gint64 district;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  data->filter = integrity_filter_copy (filter);
  n_months = victim_page_data_n_months (data);
  for (int r = 0; r < VICTIM_N_RATES; r++)
    data->targets[r] = integrity_target_read (db, target_names[r], VICTIM_DEFAULT_TARGET);
  data->target_contact = integrity_target_read (db, VICTIM_TARGET_FIRST_CONTACT, VICTIM_DEFAULT_FIRST_CONTACT);
  data->months = g_array_new (FALSE, TRUE, sizeof (VictimCount));
  g_array_set_size (data->months, (guint) n_months * VICTIM_N_RATES);
  data->month_contact = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (data->month_contact, (guint) n_months);
  data->outcomes = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_array_set_size (data->outcomes, (guint) n_months * VICTIM_N_OUTCOMES);
  data->caseload = g_ptr_array_new_with_free_func ((GDestroyNotify) victim_caseload_free);
  data->weeks = g_array_new (FALSE, FALSE, sizeof (double));
  data->week_counts = g_array_new (FALSE, TRUE, sizeof (guint64));

  has_data = victim_read_as_at (db, &data->as_at);
  if (has_data)
    victim_format_date (&data->as_at, as_at);
  district = integrity_district_lookup (db, filter->district);
  data->annotations = integrity_annotations_read (db, filter->from, filter->to, error);
  if (data->annotations == NULL
      || !read_rates (db, data, district, has_data ? as_at : NULL, error)
      || !read_closures (db, data, district, error)
      || !read_contact (db, data, district, error)
      || !read_support_line (db, data, district, error))
    return NULL;
  if (has_data && (!read_caseload (db, data, district, error)
                   || !read_queue_counts (db, data, district, as_at, error)))
    return NULL;
  return g_steal_pointer (&data);
}

static char *
explain_rate (VictimRate  rate,
              const char *done,
              const char *due)
{
  switch (rate)
    {
    case VICTIM_RATE_REFERRAL:
      return g_strdup_printf (_("%s of %s victims were referred to support, or declined it, within "
                                "2 working days of the crime being recorded."), done, due);
    case VICTIM_RATE_DECISIONS_ENHANCED:
      return g_strdup_printf (_("%s of %s key decisions were told to victims with enhanced rights "
                                "(domestic abuse always) within 1 working day."), done, due);
    case VICTIM_RATE_DECISIONS_STANDARD:
      return g_strdup_printf (_("%s of %s key decisions were told to other victims within 5 working "
                                "days."), done, due);
    case VICTIM_RATE_CLOSURE_INFORMED:
      return g_strdup_printf (_("%s of %s cases closed in the period had the victim told of the "
                                "closure within the Victims’ Code time limit."), done, due);
    case VICTIM_RATE_CLOSURE_REVIEWED:
    case VICTIM_N_RATES:
    default:
      return g_strdup_printf (_("%s of %s cases closed in the period were reviewed by a supervisor."),
                              done, due);
    }
}

static void
add_rate_kpi (const VictimPageData *data,
              VictimRate            rate,
              const char           *id,
              GPtrArray            *kpis)
{
  const VictimCount *count = &data->totals[rate];
  IntegrityProportion p = integrity_wilson_interval (count->done, count->due, INTEGRITY_Z_95);
  IntegrityKpi *kpi = integrity_kpi_new (VICTIM_CARE_ID, id, victim_rate_label (rate), INTEGRITY_FORMAT_PERCENT);
  int n = victim_page_data_n_months (data);

  kpi->value = p.p;
  kpi->lo = p.lo;
  kpi->hi = p.hi;
  kpi->previous = victim_count_rate (&data->previous[rate]);
  kpi->target = data->targets[rate];
  kpi->sample_size = count->due;
  kpi->status = integrity_kpi_status_for_target (p.p, kpi->target, 0.05, TRUE);
  for (int i = MAX (0, n - 12); i < n; i++)
    integrity_kpi_add_spark (kpi, victim_count_rate (victim_page_data_month (data, i, rate)));
  if (count->due > 0)
    {
      g_autofree char *done = integrity_format_count ((double) count->done);
      g_autofree char *due = integrity_format_count ((double) count->due);

      kpi->explanation = explain_rate (rate, done, due);
    }
  else
    kpi->explanation = g_strdup (_("Nothing was due in this period."));
  g_ptr_array_add (kpis, kpi);
}

/* The six headline figures, for the overview and the page's tiles. */
void
victim_care_kpis_from_data (const VictimPageData *data,
                            GPtrArray            *kpis)
{
  IntegrityKpi *kpi;
  int n = victim_page_data_n_months (data);

  add_rate_kpi (data, VICTIM_RATE_REFERRAL, "referral-in-time", kpis);
  add_rate_kpi (data, VICTIM_RATE_DECISIONS_ENHANCED, "decisions-told-enhanced", kpis);
  add_rate_kpi (data, VICTIM_RATE_DECISIONS_STANDARD, "decisions-told-standard", kpis);
  add_rate_kpi (data, VICTIM_RATE_CLOSURE_INFORMED, "closures-victim-informed", kpis);
  add_rate_kpi (data, VICTIM_RATE_CLOSURE_REVIEWED, "closures-supervisor-reviewed", kpis);

  kpi = integrity_kpi_new (VICTIM_CARE_ID, "days-to-first-contact", _("Working days to first contact"),
                           INTEGRITY_FORMAT_DAYS);
  kpi->higher_is_better = FALSE;
  kpi->value = data->contact_median;
  kpi->previous = data->contact_previous;
  kpi->target = data->target_contact;
  kpi->sample_size = data->contact_n;
  kpi->status = integrity_kpi_status_for_target (kpi->value, kpi->target, 1.0, FALSE);
  for (int i = MAX (0, n - 12); i < n; i++)
    integrity_kpi_add_spark (kpi, g_array_index (data->month_contact, double, i));
  if (data->contact_n > 0)
    {
      g_autofree char *cases = integrity_format_count ((double) data->contact_n);
      kpi->explanation = g_strdup_printf (_("Median working days from recording to first contact with "
                                            "the victim, over %s cases recorded in the period."), cases);
    }
  else
    kpi->explanation = g_strdup (_("No first contacts in this period."));
  g_ptr_array_add (kpis, kpi);
}

void
victim_care_collect_kpis (sqlite3               *db,
                          const IntegrityFilter *filter,
                          GPtrArray             *kpis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VictimPageData) data = victim_care_query_page (db, filter, &error);

  if (data == NULL)
    {
      g_warning ("Victim-care figures could not be read: %s", error->message);
      return;
    }
  victim_care_kpis_from_data (data, kpis);
}
