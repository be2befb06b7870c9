/* integrity-cli-briefing.c — integrity export-briefing OUT.pdf. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-briefing-job.h"
#include "integrity-cli-private.h"

int
integrity_cli_run_export_briefing (int   argc,
                                   char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *district = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(IntegrityFilter) filter = NULL;
  g_autoptr(IntegrityBriefingJob) job = NULL;
  g_autoptr(IntegrityBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  int suppress = 0;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First month of the period"), "YYYY-MM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last month of the period"), "YYYY-MM" },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("One district (default: all)"), N_("NAME") },
    { "suppress-below", 0, 0, G_OPTION_ARG_INT, &suppress,
      N_("Show counts below N as “<N” and withhold rates on fewer than N cases"), "N" },
    { NULL }
  };

  if (!integrity_cli_parse_options ("export-briefing", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  if (argc != 3)
    {
      g_printerr ("integrity export-briefing: %s\n", _("give one OUT.pdf"));
      return INTEGRITY_EXIT_USAGE;
    }
  if (suppress < 0 || suppress > 1000000)
    {
      g_printerr ("integrity export-briefing: %s\n", _("--suppress-below must be between 0 and 1000000"));
      return INTEGRITY_EXIT_USAGE;
    }
  if (store_path != NULL && !g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("integrity export-briefing: %s: %s\n", store_path, _("no such store"));
      return INTEGRITY_EXIT_STORE;
    }

  session = integrity_cli_open_session ("export-briefing", store_path, &status);
  if (session == NULL)
    return status;
  filter = integrity_cli_parse_filter ("export-briefing", session, from, to, district, &status);
  if (filter == NULL)
    return status;

  db = integrity_store_open_reader (integrity_session_get_store (session), &error);
  if (db == NULL)
    {
      g_printerr ("integrity export-briefing: %s\n", error->message);
      return INTEGRITY_EXIT_STORE;
    }
  job = integrity_briefing_job_new (session, filter, (guint) suppress, argv[2]);
  briefing = integrity_briefing_job_run (db, job, NULL, &error);
  sqlite3_close (db);
  if (briefing == NULL)
    {
      g_printerr ("integrity export-briefing: %s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) ? INTEGRITY_EXIT_BAD_INPUT
                                                                   : INTEGRITY_EXIT_STORE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n",
                        integrity_briefing_get_n_pages (briefing)),
           argv[2], integrity_briefing_get_n_pages (briefing));
  return INTEGRITY_EXIT_OK;
}
