/* victim-care-schema.h — the victim-care rows, with the deadlines worked out on the way in. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "victim-care-data.h"

G_BEGIN_DECLS

/* A case as it is stored. Dates are cleared (g_date_clear) when empty;
 * the deadlines and their states are derived when the row is bound, so
 * the importer and the demo store exactly the same figures. */
typedef struct
{
  const char *case_ref;
  const char *crime_ref;
  gint64      district_id;
  const char *offence_group;
  gboolean    domestic_abuse;
  gboolean    enhanced_rights;
  GDate       recorded;
  GDate       first_contact;
  GDate       needs_assessment;
  GDate       referral;
  gboolean    support_declined;
  gboolean    closed;
  GDate       closed_date;
  int         outcome_code;     /* -1: none */
  GDate       informed;         /* of the closure */
  gboolean    supervisor_reviewed;
  gboolean    victim_view_recorded;
} VictimCaseRow;

typedef struct
{
  const char *case_ref;
  const char *decision;
  GDate       decided;
  GDate       informed;
  gint64      district_id;      /* the case's */
  gboolean    enhanced;         /* the case's enhanced rights or domestic abuse */
} VictimDecisionRow;

typedef struct
{
  const char *referral_ref;
  GDate       received;
  gint64      district_id;
  const char *offence_group;
  const char *outcome;
  GDate       recorded;
} VictimSupportRow;

void      victim_case_row_init          (VictimCaseRow           *row);
void      victim_decision_row_init      (VictimDecisionRow       *row);

char     *victim_case_insert_sql        (void);
char     *victim_case_update_sql        (void);
void      victim_case_row_bind          (const VictimCaseRow     *row,
                                         sqlite3_stmt            *stmt);
char     *victim_decision_insert_sql    (void);
char     *victim_decision_update_sql    (void);
void      victim_decision_row_bind      (const VictimDecisionRow *row,
                                         sqlite3_stmt            *stmt);
char     *victim_support_insert_sql     (void);
char     *victim_support_update_sql     (void);
void      victim_support_row_bind       (const VictimSupportRow  *row,
                                         sqlite3_stmt            *stmt);

gboolean  victim_recompute_decisions    (sqlite3                 *db,
                                         const char              *case_ref,
                                         GError                 **error);

G_END_DECLS
