/* integrity-briefing-job.h — gathers what the briefing pack needs, then draws it off the main thread. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-session.h"

G_BEGIN_DECLS

typedef struct _IntegrityBriefingJob IntegrityBriefingJob;

IntegrityBriefingJob *integrity_briefing_job_new  (IntegritySession      *session,
                                                   const IntegrityFilter *filter,
                                                   guint                  suppress_below,
                                                   const char            *pdf_path);
void                  integrity_briefing_job_free (IntegrityBriefingJob  *job);
gpointer              integrity_briefing_job_run  (sqlite3               *db,
                                                   gpointer               job,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
void                  integrity_briefing_job_start (IntegrityBriefingJob *job,
                                                   IntegrityStore        *store,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
IntegrityBriefing    *integrity_briefing_job_finish (IntegrityStore      *store,
                                                   GAsyncResult          *result,
                                                   GError               **error);
void                  integrity_briefing_job_collect_plugins (IntegritySession *session,
                                                              GPtrArray        *addins,
                                                              GPtrArray        *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityBriefingJob, integrity_briefing_job_free)

G_END_DECLS
