/* integrity-briefing-job.c — gathers what the briefing pack needs, then draws it off the main thread. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-briefing-job.h"

struct _IntegrityBriefingJob
{
  GPtrArray       *addins;   /* IntegrityAddin */
  GPtrArray       *names;    /* char *, NULL-terminated */
  IntegrityFilter *filter;
  char            *force_name;
  char            *marking;
  char            *pdf_path;
  guint            suppress_below;
};

typedef struct
{
  GPtrArray *addins;
  GPtrArray *names;
} Collect;

static void
collect_one (PeasPluginInfo *info,
             IntegrityAddin *addin,
             gpointer        user_data)
{
  Collect *collect = user_data;

  g_ptr_array_add (collect->addins, g_object_ref (addin));
  g_ptr_array_add (collect->names, g_strdup (peas_plugin_info_get_name (info)));
}

/* The active plugins and their names, in the same (sidebar) order. */
void
integrity_briefing_job_collect_plugins (IntegritySession *session,
                                        GPtrArray        *addins,
                                        GPtrArray        *names)
{
  Collect collect = { addins, names };

  integrity_plugin_engine_foreach_addin (integrity_session_get_engine (session), collect_one, &collect);
}

/**
 * integrity_briefing_job_new:
 * @pdf_path: (nullable): where to write the PDF; %NULL to draw only (printing)
 *
 * Main thread: copies what the worker needs from @session.
 */
IntegrityBriefingJob *
integrity_briefing_job_new (IntegritySession      *session,
                            const IntegrityFilter *filter,
                            guint                  suppress_below,
                            const char            *pdf_path)
{
  IntegrityBriefingJob *job = g_new0 (IntegrityBriefingJob, 1);
  GSettings *settings = integrity_session_get_settings (session);

  job->addins = g_ptr_array_new_with_free_func (g_object_unref);
  job->names = g_ptr_array_new_with_free_func (g_free);
  integrity_briefing_job_collect_plugins (session, job->addins, job->names);
  g_ptr_array_add (job->names, NULL);
  job->filter = integrity_filter_copy (filter);
  job->suppress_below = suppress_below;
  job->pdf_path = g_strdup (pdf_path);
  job->force_name = settings != NULL ? g_settings_get_string (settings, "force-name") : g_strdup ("");
  job->marking = settings != NULL ? g_settings_get_string (settings, "protective-marking")
                                  : g_strdup ("OFFICIAL-SENSITIVE");
  return job;
}

void
integrity_briefing_job_free (IntegrityBriefingJob *job)
{
  if (job == NULL)
    return;
  g_ptr_array_unref (job->addins);
  g_ptr_array_unref (job->names);
  integrity_filter_free (job->filter);
  g_free (job->force_name);
  g_free (job->marking);
  g_free (job->pdf_path);
  g_free (job);
}

/**
 * integrity_briefing_job_run:
 *
 * Worker thread (an #IntegrityStoreQueryFunc): draws every page and, when
 * the job has a path, writes the PDF.
 *
 * Returns: (transfer full): the #IntegrityBriefing, its pages drawn
 */
gpointer
integrity_briefing_job_run (sqlite3       *db,
                            gpointer       data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  IntegrityBriefingJob *job = data;
  g_autoptr(IntegrityBriefing) briefing = integrity_briefing_new (db, job->filter);

  integrity_briefing_set_force_name (briefing, job->force_name);
  integrity_briefing_set_marking (briefing, job->marking);
  integrity_briefing_set_suppress_below (briefing, job->suppress_below);
  if (!integrity_briefing_compose (briefing, job->addins, (const char * const *) job->names->pdata,
                                   cancellable, error))
    return NULL;
  if (job->pdf_path != NULL && !integrity_briefing_write_pdf (briefing, job->pdf_path, error))
    return NULL;
  return g_steal_pointer (&briefing);
}

/* Takes @job; integrity_briefing_job_finish() gives the briefing. */
void
integrity_briefing_job_start (IntegrityBriefingJob *job,
                              IntegrityStore       *store,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  integrity_store_query_async (store, integrity_briefing_job_run, job,
                               (GDestroyNotify) integrity_briefing_job_free, g_object_unref,
                               cancellable, callback, user_data);
}

IntegrityBriefing *
integrity_briefing_job_finish (IntegrityStore  *store,
                               GAsyncResult    *result,
                               GError         **error)
{
  return integrity_store_query_finish (store, result, error);
}
