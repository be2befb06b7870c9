/* integrity-deadline.h — deadlines in working days, and the Victims' Code. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a deadline stands, seen from a given day. */
typedef enum
{
  INTEGRITY_DEADLINE_MET,       /* done on or before the deadline */
  INTEGRITY_DEADLINE_MISSED,    /* done, after the deadline */
  INTEGRITY_DEADLINE_DUE,       /* not done yet, and the deadline is today or later */
  INTEGRITY_DEADLINE_OVERDUE,   /* not done yet, and the deadline has passed */
} IntegrityDeadlineStatus;

/* Victims' Code (England and Wales), in working days. */
#define INTEGRITY_VICTIMS_CODE_REFERRAL_DAYS        2  /* referral to support, from recording */
#define INTEGRITY_VICTIMS_CODE_INFORM_DAYS          5  /* each key decision told to the victim */
#define INTEGRITY_VICTIMS_CODE_INFORM_DAYS_ENHANCED 1  /* the same, for victims with enhanced rights */

IntegrityDeadlineStatus integrity_deadline_get_status              (const GDate *deadline,
                                                                    const GDate *event,
                                                                    const GDate *today,
                                                                    int         *working_days_late);

guint                   integrity_victims_code_days_to_inform      (gboolean     enhanced_rights,
                                                                    gboolean     domestic_abuse);
void                    integrity_victims_code_referral_deadline   (const GDate *recorded,
                                                                    GDate       *deadline);
void                    integrity_victims_code_inform_deadline     (const GDate *decided,
                                                                    gboolean     enhanced_rights,
                                                                    gboolean     domestic_abuse,
                                                                    GDate       *deadline);

G_END_DECLS
