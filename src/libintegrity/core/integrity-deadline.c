/* integrity-deadline.c — deadlines in working days, and the Victims' Code. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-deadline"

#include "config.h"

#include "integrity-calendar.h"
#include "integrity-deadline.h"

/**
 * integrity_deadline_get_status:
 * @deadline: the last day on which the event is in time
 * @event: (nullable): the day it happened; %NULL or an invalid (cleared)
 *   date when it has not happened yet
 * @today: the day to judge from
 * @working_days_late: (out) (optional): working days from @deadline to the
 *   event, or to @today when there is no event, as
 *   integrity_calendar_working_days_between() counts them: above 0 when
 *   late, 0 on the deadline, below 0 for the working days to spare. A
 *   weekend straight after the deadline counts 0, though the status says
 *   the deadline has passed.
 *
 * The status compares calendar days: an event on @deadline is in time, one
 * the day after is not; with no event the deadline is due up to and
 * including @deadline itself, and overdue from the next day.
 *
 * Returns: met, missed, due or overdue
 */
IntegrityDeadlineStatus
integrity_deadline_get_status (const GDate *deadline,
                               const GDate *event,
                               const GDate *today,
                               int         *working_days_late)
{
  gboolean happened = event != NULL && g_date_valid (event);
  const GDate *until = happened ? event : today;

  if (working_days_late != NULL)
    *working_days_late = 0;
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), INTEGRITY_DEADLINE_DUE);
  g_return_val_if_fail (happened || (today != NULL && g_date_valid (today)), INTEGRITY_DEADLINE_DUE);

  if (working_days_late != NULL)
    *working_days_late = integrity_calendar_working_days_between (deadline, until);

  if (happened)
    return g_date_compare (event, deadline) <= 0 ? INTEGRITY_DEADLINE_MET : INTEGRITY_DEADLINE_MISSED;
  return g_date_compare (today, deadline) <= 0 ? INTEGRITY_DEADLINE_DUE : INTEGRITY_DEADLINE_OVERDUE;
}

/**
 * integrity_victims_code_days_to_inform:
 * @enhanced_rights: the victim has enhanced rights (most serious crime,
 *   persistently targeted, vulnerable or intimidated, under 18)
 * @domestic_abuse: the case is domestic abuse, whose victims always have
 *   enhanced rights
 *
 * Returns: the working days within which a victim must be told of each key
 *   decision (arrest, interview, charge or no further action, bail, closure)
 */
guint
integrity_victims_code_days_to_inform (gboolean enhanced_rights,
                                       gboolean domestic_abuse)
{
  return enhanced_rights || domestic_abuse ? INTEGRITY_VICTIMS_CODE_INFORM_DAYS_ENHANCED
                                           : INTEGRITY_VICTIMS_CODE_INFORM_DAYS;
}

/**
 * integrity_victims_code_referral_deadline:
 * @recorded: the day the crime was recorded
 * @deadline: (out caller-allocates): the last day for referring the victim
 *   to support: the 2nd working day after @recorded
 */
void
integrity_victims_code_referral_deadline (const GDate *recorded,
                                          GDate       *deadline)
{
  g_return_if_fail (recorded != NULL && g_date_valid (recorded));
  g_return_if_fail (deadline != NULL);

  integrity_calendar_add_working_days (recorded, INTEGRITY_VICTIMS_CODE_REFERRAL_DAYS, deadline);
}

/**
 * integrity_victims_code_inform_deadline:
 * @decided: the day of the key decision
 * @enhanced_rights: the victim has enhanced rights
 * @domestic_abuse: the case is domestic abuse
 * @deadline: (out caller-allocates): the last day for telling the victim:
 *   the 1st working day after @decided with enhanced rights, else the 5th
 */
void
integrity_victims_code_inform_deadline (const GDate *decided,
                                        gboolean     enhanced_rights,
                                        gboolean     domestic_abuse,
                                        GDate       *deadline)
{
  g_return_if_fail (decided != NULL && g_date_valid (decided));
  g_return_if_fail (deadline != NULL);

  integrity_calendar_add_working_days (decided,
                                       integrity_victims_code_days_to_inform (enhanced_rights,
                                                                              domestic_abuse),
                                       deadline);
}
