/* victim-care-data.c — the figures the page and the overview read. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "victim-care-data.h"

static const char * const decisions[] = {
  "arrest", "interview", "charge", "no_further_action", "bail",
  "released_under_investigation", "not_investigated", "closure", NULL,
};

const char * const *
victim_decisions (void)
{
  return decisions;
}

const char *
victim_decision_label (const char *decision)
{
  static const struct { const char *id, *label; } labels[] = {
    { "arrest", N_("Arrest") },
    { "interview", N_("Interview") },
    { "charge", N_("Charge") },
    { "no_further_action", N_("No further action") },
    { "bail", N_("Bail") },
    { "released_under_investigation", N_("Released under investigation") },
    { "not_investigated", N_("Not investigated") },
    { "closure", N_("Closure") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, decision) == 0)
      return _(labels[i].label);
  return decision;
}

const char *
victim_rate_label (VictimRate rate)
{
  static const char * const labels[] = {
    N_("Referred to support in time"),
    N_("Decisions told in time (enhanced)"),
    N_("Decisions told in time (standard)"),
    N_("Closures told to the victim in time"),
    N_("Closures reviewed by a supervisor"),
  };

  g_return_val_if_fail (rate < VICTIM_N_RATES, NULL);
  return _(labels[rate]);
}

/* Home Office outcome codes, grouped for the outcomes chart. */
VictimOutcomeBand
victim_outcome_band (int      outcome_code,
                     gboolean domestic_abuse)
{
  switch (outcome_code)
    {
    case 1:
      return VICTIM_OUTCOME_CHARGE;
    case 2: case 3: case 4: case 6: case 7: case 8: case 22:
      return VICTIM_OUTCOME_OUT_OF_COURT;
    case 15:
      return VICTIM_OUTCOME_VICTIM_SUPPORTS;
    case 14: case 16:
      return domestic_abuse ? VICTIM_OUTCOME_NO_SUPPORT_DOMESTIC : VICTIM_OUTCOME_NO_SUPPORT;
    case 18:
      return VICTIM_OUTCOME_NO_SUSPECT;
    default:
      return VICTIM_OUTCOME_OTHER;
    }
}

const char *
victim_outcome_band_label (VictimOutcomeBand band)
{
  static const char * const labels[] = {
    N_("Charge or summons (1)"),
    N_("Out-of-court disposal"),
    N_("Victim supports, evidential difficulties (15)"),
    N_("Victim does not support (14, 16)"),
    N_("Victim does not support, domestic abuse (14, 16)"),
    N_("No suspect identified (18)"),
    N_("Other outcomes"),
  };

  g_return_val_if_fail (band < VICTIM_N_OUTCOMES, NULL);
  return _(labels[band]);
}

const char *
victim_age_band_label (guint band)
{
  static const char * const labels[] = {
    N_("0–7 days"), N_("8–28 days"), N_("29–90 days"), N_("Over 90 days"),
  };

  g_return_val_if_fail (band < VICTIM_N_AGE_BANDS, NULL);
  return _(labels[band]);
}

static const char * const support_outcomes[] = { "recorded", "already_recorded", "no_crime", "pending" };

const char *
victim_support_outcome_id (guint outcome)
{
  g_return_val_if_fail (outcome < VICTIM_N_SUPPORT_OUTCOMES, NULL);
  return support_outcomes[outcome];
}

const char *
victim_support_outcome_label (guint outcome)
{
  static const char * const labels[] = {
    N_("Crime recorded"), N_("Already recorded"), N_("No crime"), N_("Pending"),
  };

  g_return_val_if_fail (outcome < VICTIM_N_SUPPORT_OUTCOMES, NULL);
  return _(labels[outcome]);
}

/**
 * victim_deadline_state:
 * @done: (nullable): the day it was done; cleared when not yet
 */
VictimState
victim_deadline_state (const GDate *deadline,
                       const GDate *done)
{
  if (done == NULL || !g_date_valid (done))
    return VICTIM_STATE_PENDING;
  return integrity_deadline_get_status (deadline, done, NULL, NULL) == INTEGRITY_DEADLINE_MET
    ? VICTIM_STATE_MET : VICTIM_STATE_MISSED;
}

/* Stored dates are ISO "YYYY-MM-DD"; @date is cleared for NULL or junk. */
gboolean
victim_parse_date (const char *text,
                   GDate      *date)
{
  unsigned year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

void
victim_format_date (const GDate *date,
                    char         out[16])
{
  g_snprintf (out, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/**
 * victim_read_as_at:
 *
 * The day the queue and the open caseload are seen from: the latest day in
 * the imported data, or today if that is earlier (a store of past data
 * shows the queue as it stood when the data was taken).
 */
gboolean
victim_read_as_at (sqlite3 *db,
                   GDate   *as_at)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate today;

  g_date_clear (as_at, 1);
  if (sqlite3_prepare_v2 (db, "SELECT day FROM victim_latest WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || !victim_parse_date ((const char *) sqlite3_column_text (stmt, 0), as_at))
    return FALSE;
  g_date_set_time_t (&today, time (NULL));
  if (g_date_compare (&today, as_at) < 0)
    *as_at = today;
  return TRUE;
}

double
victim_count_rate (const VictimCount *count)
{
  return count->due > 0 ? (double) count->done / (double) count->due : NAN;
}

int
victim_page_data_n_months (const VictimPageData *data)
{
  return integrity_filter_get_n_months (data->filter);
}

const VictimCount *
victim_page_data_month (const VictimPageData *data,
                        int                   month_index,
                        VictimRate            rate)
{
  g_return_val_if_fail (month_index >= 0 && month_index < victim_page_data_n_months (data), NULL);
  return &g_array_index (data->months, VictimCount, month_index * VICTIM_N_RATES + rate);
}

void
victim_page_data_free (VictimPageData *data)
{
  if (data == NULL)
    return;
  integrity_filter_free (data->filter);
  g_clear_pointer (&data->annotations, g_ptr_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->month_contact, g_array_unref);
  g_clear_pointer (&data->outcomes, g_array_unref);
  g_clear_pointer (&data->caseload, g_ptr_array_unref);
  g_clear_pointer (&data->weeks, g_array_unref);
  g_clear_pointer (&data->week_counts, g_array_unref);
  g_free (data);
}

gboolean
victim_care_data_range (sqlite3        *db,
                        IntegrityMonth *first,
                        IntegrityMonth *last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Min and max of each rollup's first key column: index lookups. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT min(m), max(m) FROM ("
                          " SELECT min(month) AS m FROM victim_case_rollup UNION ALL"
                          " SELECT max(month) FROM victim_case_rollup UNION ALL"
                          " SELECT min(month) FROM victim_decision_rollup UNION ALL"
                          " SELECT max(month) FROM victim_decision_rollup UNION ALL"
                          " SELECT min(month) FROM victim_closure_rollup UNION ALL"
                          " SELECT max(month) FROM victim_closure_rollup)",
                          -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  *first = sqlite3_column_int (stmt, 0);
  *last = sqlite3_column_int (stmt, 1);
  return TRUE;
}
