/* integrity-cli.c — the command-line commands. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "integrity-cli-private.h"
#include "integrity-session.h"

typedef int (*CommandFunc) (int argc, char *argv[]);

typedef struct
{
  const char  *name;
  const char  *synopsis;
  const char  *summary;
  CommandFunc  run;
} Command;

static int run_demo    (int argc, char *argv[]);
static int run_check   (int argc, char *argv[]);
static int run_plugins (int argc, char *argv[]);
static int run_import  (int argc, char *argv[]);
static int run_kpis    (int argc, char *argv[]);

static const Command commands[] = {
  { "demo", "[--store PATH] [--scale N] [--seed N]",
    N_("Generate a demo store"), run_demo },
  { "import", "KIND FILE... [--store PATH] | --list",
    N_("Import CSV files, all or none; --list shows every KIND and its columns"), run_import },
  { "kpis", "[--json] [--from YYYY-MM] [--to YYYY-MM] [--district NAME]",
    N_("Print every headline figure for the period and district"), run_kpis },
  { "export-briefing", "OUT.pdf [--store PATH] [--from YYYY-MM] [--to YYYY-MM] [--district NAME] [--suppress-below N]",
    N_("Write the briefing pack as an A4 PDF"), integrity_cli_run_export_briefing },
  { "check", "[--store PATH]",
    N_("Check the store’s integrity and schema versions"), run_check },
  { "plugins", "[--store PATH]",
    N_("List plugins with their state and any error"), run_plugins },
  { "screenshot", "OUT.png [--page ID] [--width W --height H] [--store PATH]",
    N_("Render the window, or one page, to PNG without showing it (needs a display)"),
    integrity_cli_run_screenshot },
};

static const Command *
find_command (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, word) == 0)
      return &commands[i];
  return NULL;
}

gboolean
integrity_cli_is_command (const char *word)
{
  return find_command (word) != NULL;
}

/* The list of commands, appended to `integrity --help`. */
char *
integrity_cli_describe_commands (void)
{
  GString *out = g_string_new (_("Commands:"));

  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  integrity %s %s\n      %s\n", commands[i].name,
                            commands[i].synopsis, _(commands[i].summary));
  g_string_append (out, _("Exit status: 0 done, 1 bad input (nothing changed), 2 usage, "
                          "3 store error."));
  return g_string_free (out, FALSE);
}

static gboolean
parse_options_for (const Command  *command,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, command->synopsis);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("integrity %s: %s\n", command->name, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Parses @command's options, printing any error: FALSE is a usage error. */
gboolean
integrity_cli_parse_options (const char     *command,
                             GOptionEntry   *entries,
                             int            *argc,
                             char         ***argv)
{
  const Command *found = find_command (command);

  g_return_val_if_fail (found != NULL, FALSE);
  return parse_options_for (found, entries, argc, argv);
}

/* A damaged store: say where the last backup is and how to get it back. */
static void
print_backup_hint (const char *command,
                   const char *store_path)
{
  g_autofree char *default_path = store_path == NULL ? integrity_store_get_default_path () : NULL;
  const char *path = store_path != NULL ? store_path : default_path;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *backup = integrity_store_find_backup (path, &modified);
  g_autofree char *when = NULL;

  if (backup == NULL)
    {
      g_printerr ("integrity %s: %s\n", command, _("there is no backup of this store"));
      return;
    }
  when = g_date_time_format (modified, "%Y-%m-%d %H:%M");
  g_printerr (_("integrity %s: the last backup, from %s, is %s: open Integrity on this store "
                "to restore it (the damaged file is kept as %s.damaged)\n"),
              command, when, backup, path);
}

IntegritySession *
integrity_cli_open_session (const char *command,
                            const char *store_path,
                            int        *status)
{
  g_autoptr(GError) error = NULL;
  IntegritySession *session = integrity_session_new (store_path, &error);

  if (session == NULL)
    {
      g_printerr ("integrity %s: %s\n", command, error->message);
      if (g_error_matches (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT))
        print_backup_hint (command, store_path);
      *status = INTEGRITY_EXIT_STORE;
      return NULL;
    }
  return session;
}

static int
run_demo (int   argc,
          char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GError) error = NULL;
  int scale = 1;
  int seed = 2018;
  int status = INTEGRITY_EXIT_OK;
  IntegrityStore *store;
  gboolean generated;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store to create (default: the demo store)"), N_("PATH") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_("Times the volume of one force over three years"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed gives the same data"), "N" },
    { NULL }
  };

  if (!integrity_cli_parse_options ("demo", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  if (scale < 1 || scale > 1000)
    {
      g_printerr ("integrity demo: %s\n", _("--scale must be between 1 and 1000"));
      return INTEGRITY_EXIT_USAGE;
    }
  if (store_path == NULL)
    store_path = integrity_session_get_demo_path ();
  if (g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("integrity demo: %s\n",
                  _("The store already exists; give a new --store PATH or remove it first"));
      return INTEGRITY_EXIT_BAD_INPUT;
    }

  session = integrity_cli_open_session ("demo", store_path, &status);
  if (session == NULL)
    return status;
  store = integrity_session_get_store (session);
  /* The store is new, with no reader and nothing to lose: while the demo
   * fills it, a rollback journal writes each page once, where WAL writes it
   * to the log and again into the store at the checkpoint (the journal
   * holds only the few pages the store had before). The generator writes
   * every row after the rows it refers to: checking each key would add a
   * tenth to the writing for nothing, and `integrity check` verifies them.
   * Both settings come back after; if SQLite refuses one, it is slower. */
  integrity_store_exec (store, "PRAGMA journal_mode=DELETE; PRAGMA foreign_keys=OFF", NULL);
  generated = integrity_session_generate_demo (session, (guint) scale, (guint32) seed, &error);
  integrity_store_exec (store, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL", NULL);
  if (!generated)
    {
      g_printerr ("integrity demo: %s\n", error->message);
      return INTEGRITY_EXIT_STORE;
    }
  g_print (_("Demo store written to %s (scale %d, seed %d)\n"), store_path, scale, seed);
  return INTEGRITY_EXIT_OK;
}

static int
run_check (int   argc,
           char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { NULL }
  };

  if (!integrity_cli_parse_options ("check", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  if (store_path != NULL && !g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("integrity check: %s: %s\n", store_path, _("no such store"));
      return INTEGRITY_EXIT_STORE;
    }

  session = integrity_cli_open_session ("check", store_path, &status);
  if (session == NULL)
    return status;

  if (!integrity_store_check (integrity_session_get_store (session), report, &error))
    {
      g_print ("%s", report->str);
      g_printerr ("integrity check: %s\n", error->message);
      return INTEGRITY_EXIT_STORE;
    }
  g_print ("%s: ok\n%s", integrity_store_get_path (integrity_session_get_store (session)),
           report->str);
  if (integrity_store_is_read_only (integrity_session_get_store (session)))
    g_print ("%s\n", integrity_store_get_read_only_reason (integrity_session_get_store (session)));
  return INTEGRITY_EXIT_OK;
}

static int
run_plugins (int   argc,
             char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GPtrArray) plugins = NULL;
  IntegrityPluginEngine *engine;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { NULL }
  };

  if (!integrity_cli_parse_options ("plugins", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;

  session = integrity_cli_open_session ("plugins", store_path, &status);
  if (session == NULL)
    return status;
  engine = integrity_session_get_engine (session);
  plugins = integrity_plugin_engine_list_plugins (engine);

  for (guint i = 0; i < plugins->len; i++)
    {
      PeasPluginInfo *info = g_ptr_array_index (plugins, i);
      const char *id = peas_plugin_info_get_module_name (info);
      const char *problem = integrity_plugin_engine_get_error (engine, id);
      const char *state = problem != NULL ? "failed"
                        : integrity_plugin_engine_is_active (engine, id) ? "active" : "inactive";

      g_print ("%s\t%s\t%s\t%s\n", id, peas_plugin_info_get_name (info), state,
               problem != NULL ? problem : "");
    }
  return INTEGRITY_EXIT_OK;
}

static void
print_importers (GListModel *importers)
{
  if (g_list_model_get_n_items (importers) == 0)
    g_printerr ("integrity import: %s\n", _("no active plugin imports files"));
  for (guint i = 0; i < g_list_model_get_n_items (importers); i++)
    {
      g_autoptr(IntegrityImporter) importer = g_list_model_get_item (importers, i);
      g_autofree char *text = integrity_importer_describe (importer);

      g_print ("%s%s", i > 0 ? "\n" : "", text);
    }
}

/* Returns the exit status for one file, inside the command's transaction. */
static int
import_file (IntegrityStore    *store,
             IntegrityImporter *importer,
             const char        *path,
             GPtrArray         *summaries)
{
  g_autoptr(IntegrityImportJob) job = integrity_import_job_new (store, importer, path);
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  if (!integrity_import_job_run (job, NULL, &error))
    {
      if (!g_error_matches (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_INVALID))
        {
          g_printerr ("integrity import: %s\n", error->message);
          return INTEGRITY_EXIT_STORE;
        }
      messages = integrity_import_job_get_errors (job);
      for (guint i = 0; i < messages->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (messages, i));
      if (integrity_import_job_get_n_errors (job) >= INTEGRITY_IMPORT_MAX_ERRORS)
        g_printerr (_("%s: stopped after %d errors\n"), integrity_import_job_get_file_name (job),
                    INTEGRITY_IMPORT_MAX_ERRORS);
      return INTEGRITY_EXIT_BAD_INPUT;
    }

  messages = integrity_import_job_get_warnings (job);
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (messages, i));
  {
    g_autofree char *summary = integrity_import_job_describe (job);
    g_autofree char *details = integrity_import_job_describe_details (job);
    g_ptr_array_add (summaries, g_strdup_printf ("%s (%s)", summary, details));
  }
  return INTEGRITY_EXIT_OK;
}

static int
run_import (int   argc,
            char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(GError) error = NULL;
  IntegrityImporter *importer;
  IntegrityStore *store;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  gboolean list = FALSE;
  gboolean several;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List every KIND with its columns"), NULL },
    { NULL }
  };

  if (!integrity_cli_parse_options ("import", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  if (!list && argc < 4)
    {
      g_printerr ("integrity import: %s\n",
                  _("give a KIND and one or more FILEs; integrity import --list shows the kinds"));
      return INTEGRITY_EXIT_USAGE;
    }

  session = integrity_cli_open_session ("import", store_path, &status);
  if (session == NULL)
    return status;
  if (list)
    {
      print_importers (integrity_context_get_importers (integrity_session_get_context (session)));
      return INTEGRITY_EXIT_OK;
    }

  importer = integrity_context_lookup_importer (integrity_session_get_context (session), argv[2]);
  if (importer == NULL)
    {
      g_printerr (_("integrity import: unknown KIND '%s'; integrity import --list shows the kinds\n"),
                  argv[2]);
      return INTEGRITY_EXIT_USAGE;
    }

  /* All files or none: several files are savepoints inside one
   * transaction. One file is a transaction of its own, the job's: a
   * savepoint keeps an undo copy of each page it changes until it ends,
   * where a bulk transaction keeps one statement's at a time. */
  store = integrity_session_get_store (session);
  several = argc > 4;
  if (several && !integrity_store_begin (store, &error))
    {
      g_printerr ("integrity import: %s\n", error->message);
      return INTEGRITY_EXIT_STORE;
    }
  for (int i = 3; i < argc && status != INTEGRITY_EXIT_STORE; i++)
    {
      int file_status = import_file (store, importer, argv[i], summaries);
      status = MAX (status, file_status);
    }
  if (several && status == INTEGRITY_EXIT_OK && !integrity_store_commit (store, &error))
    {
      g_printerr ("integrity import: %s\n", error->message);
      status = INTEGRITY_EXIT_STORE;
    }
  if (status != INTEGRITY_EXIT_OK)
    {
      if (several)
        integrity_store_rollback (store);
      g_printerr ("integrity import: %s\n", _("nothing was imported"));
      return status;
    }
  for (guint i = 0; i < summaries->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (summaries, i));
  return status;
}

/* The period and district options every reporting command shares:
 * default the last twelve months with data, all districts. */
IntegrityFilter *
integrity_cli_parse_filter (const char        *command,
                            IntegritySession  *session,
                            const char        *from_text,
                            const char        *to_text,
                            const char        *district,
                            int               *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = integrity_session_default_filter (session, district, &error);
  IntegrityMonth from, to;

  if (filter == NULL)
    {
      g_printerr ("integrity %s: %s\n", command, error->message);
      *status = INTEGRITY_EXIT_STORE;
      return NULL;
    }
  if ((from_text != NULL && !integrity_month_parse (from_text, &from))
      || (to_text != NULL && !integrity_month_parse (to_text, &to)))
    {
      g_printerr ("integrity %s: %s\n", command, _("months are written YYYY-MM, e.g. 2021-03"));
      *status = INTEGRITY_EXIT_USAGE;
      return NULL;
    }
  if (to_text != NULL)
    {
      int n = integrity_filter_get_n_months (filter);
      filter->to = to;
      if (from_text == NULL)
        filter->from = to - (n - 1);
    }
  if (from_text != NULL)
    filter->from = from;
  if (filter->from > filter->to)
    {
      g_printerr ("integrity %s: %s\n", command, _("--from is after --to"));
      *status = INTEGRITY_EXIT_USAGE;
      return NULL;
    }
  return g_steal_pointer (&filter);
}

static int
run_kpis (int   argc,
          char *argv[])
{
  g_autofree char *store_path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *district = NULL;
  g_autofree char *output = NULL;
  g_autofree char *force = NULL;
  g_autoptr(IntegritySession) session = NULL;
  g_autoptr(IntegrityFilter) filter = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = INTEGRITY_EXIT_OK;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, N_("The store (default: yours)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (shape in the README)"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First month of the period"), "YYYY-MM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last month of the period"), "YYYY-MM" },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("One district (default: all)"), N_("NAME") },
    { NULL }
  };

  if (!integrity_cli_parse_options ("kpis", entries, &argc, &argv))
    return INTEGRITY_EXIT_USAGE;
  session = integrity_cli_open_session ("kpis", store_path, &status);
  if (session == NULL)
    return status;
  filter = integrity_cli_parse_filter ("kpis", session, from, to, district, &status);
  if (filter == NULL)
    return status;

  kpis = integrity_session_collect_kpis (session, filter, &error);
  if (kpis == NULL)
    {
      g_printerr ("integrity kpis: %s\n", error->message);
      return INTEGRITY_EXIT_STORE;
    }
  if (integrity_session_get_settings (session) != NULL)
    force = g_settings_get_string (integrity_session_get_settings (session), "force-name");
  output = json
    ? integrity_kpis_to_json (kpis, filter, force,
                              integrity_store_is_demo (integrity_session_get_store (session)))
    : integrity_kpis_to_text (kpis, filter);
  g_print ("%s", output);
  return INTEGRITY_EXIT_OK;
}

int
integrity_cli_run (int   argc,
                   char *argv[])
{
  const Command *command = find_command (argv[1]);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status;

  g_return_val_if_fail (command != NULL, INTEGRITY_EXIT_USAGE);

  /* Let the command's own option parser see "integrity COMMAND [args]". */
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);
  status = command->run (argc, (char **) args->pdata);
  fflush (stdout);
  return status;
}
