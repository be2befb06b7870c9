/* integrity-application.c — the application. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-application"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-application.h"
#include "integrity-cli.h"
#include "integrity-preferences.h"
#include "integrity-window.h"

struct _IntegrityApplication
{
  AdwApplication    parent_instance;

  char             *store_path;
  gboolean          demo;
  IntegritySession *session;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (IntegrityApplication, integrity_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "store", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this store instead of your own"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a generated demo store"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
show_error_and_quit (IntegrityApplication *self,
                     const char           *heading,
                     const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens (generating when new) the demo store in place of the current one. */
static gboolean
open_demo_session (IntegrityApplication  *self,
                   GError               **error)
{
  g_autofree char *path = integrity_session_get_demo_path ();
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(IntegritySession) session = integrity_session_new (path, error);

  if (session == NULL)
    return FALSE;
  if ((fresh || !integrity_store_has_data (integrity_session_get_store (session)))
      && !integrity_session_generate_demo (session, 1, 2018, error))
    return FALSE;

  g_set_object (&self->session, session);
  return TRUE;
}

static void
present_window (IntegrityApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (integrity_window_new (self, self->session));
  gtk_window_present (window);
}

/* The store that activate opens: --store, the demo store, or the user's. */
static char *
store_path_to_open (IntegrityApplication *self)
{
  if (self->store_path != NULL)
    return g_strdup (self->store_path);
  if (self->demo)
    return integrity_session_get_demo_path ();
  return integrity_store_get_default_path ();
}

static void
on_restore_response (AdwMessageDialog     *dialog,
                     const char           *response,
                     IntegrityApplication *self)
{
  g_autofree char *path = store_path_to_open (self);
  g_autoptr(GError) error = NULL;

  /* Hold the application while the dialog, its only window, goes away. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_strcmp0 (response, "restore") == 0)
    {
      if (integrity_store_restore_backup (path, &error))
        self->session = integrity_session_new (path, &error);
      if (self->session != NULL)
        present_window (self);
      else
        show_error_and_quit (self, _("The Backup Could Not Be Restored"), error->message);
    }
  g_application_release (G_APPLICATION (self));
}

/* A damaged store with a backup beside it: offer to put the backup back.
 * Returns FALSE when there is no backup to offer. */
static gboolean
offer_backup (IntegrityApplication *self,
              const char           *problem)
{
  g_autofree char *path = store_path_to_open (self);
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *backup = integrity_store_find_backup (path, &modified);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (backup == NULL)
    return FALSE;
  when = g_date_time_format (modified, "%e %B %Y, %H:%M");
  body = g_strdup_printf (_("%s\n\nRestore the backup from %s? Anything imported since then "
                            "will need importing again. The damaged file is kept as “%s.damaged”."),
                          problem, g_strstrip (when), path);
  dialog = adw_message_dialog_new (NULL, _("The Store Is Damaged"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
integrity_application_activate (GApplication *app)
{
  IntegrityApplication *self = INTEGRITY_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    {
      if (self->demo)
        open_demo_session (self, &error);
      else
        self->session = integrity_session_new (self->store_path, &error);
    }

  if (self->session == NULL)
    {
      if (g_error_matches (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT)
          && offer_backup (self, error->message))
        return;
      show_error_and_quit (self, _("The Store Could Not Be Opened"),
                           error != NULL ? error->message : "");
      return;
    }
  present_window (self);
}

static int
integrity_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  IntegrityApplication *self = INTEGRITY_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("integrity %s\n", VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "store", "^ay", &self->store_path);
  self->demo = g_variant_dict_contains (options, "demo");

  /* A window on another store is another instance; on the same store the
   * running window is presented (the default unique behaviour). */
  if (self->store_path != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  /* The store's page check (about 100 ms for a force's data) runs while
   * GTK and the window start up; opening the store waits for its verdict. */
  {
    g_autofree char *path = store_path_to_open (self);

    integrity_store_check_ahead (path);
  }
  return -1;
}

static void
apply_colour_scheme (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (settings, "colour-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Close rather than quit, so windows save their size and page. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  IntegrityApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  IntegrityPreferences *preferences;

  if (self->session == NULL)
    return;
  preferences = integrity_preferences_new (parent, self->session);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  IntegrityApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Integrity developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APP_ID,
                        "application-name", _("Integrity"),
                        "developer-name", _("The Integrity developers"),
                        "version", VERSION,
                        "comments", _("Follow a crime-data-integrity improvement plan: "
                                      "recording rates, victim care and training."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_open_demo (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  IntegrityApplication *self = user_data;
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (!open_demo_session (self, &error))
    {
      show_error_and_quit (self, _("Demo Data Could Not Be Generated"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (integrity_window_new (self, self->session)));
  if (old != NULL)
    gtk_window_destroy (old);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit },
  { "preferences", on_preferences },
  { "about", on_about },
  { "open-demo", on_open_demo },
};

static void
integrity_application_startup (GApplication *app)
{
  IntegrityApplication *self = INTEGRITY_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export-briefing", { "<Control>e", NULL } },
    { "win.presentation", { "F5", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.help", { "F1", NULL } },
    { "win.show-overview", { "<Alt>1", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (integrity_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = integrity_settings_new_if_installed ();
  if (self->settings != NULL)
    {
      g_signal_connect (self->settings, "changed::colour-scheme",
                        G_CALLBACK (apply_colour_scheme), NULL);
      apply_colour_scheme (self->settings, "colour-scheme", NULL);
    }
}

static void
integrity_application_shutdown (GApplication *app)
{
  IntegrityApplication *self = INTEGRITY_APPLICATION (app);

  g_clear_object (&self->session);
  G_APPLICATION_CLASS (integrity_application_parent_class)->shutdown (app);
}

static void
integrity_application_finalize (GObject *object)
{
  IntegrityApplication *self = INTEGRITY_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_free (self->store_path);

  G_OBJECT_CLASS (integrity_application_parent_class)->finalize (object);
}

static void
integrity_application_class_init (IntegrityApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = integrity_application_finalize;
  app_class->activate = integrity_application_activate;
  app_class->startup = integrity_application_startup;
  app_class->shutdown = integrity_application_shutdown;
  app_class->handle_local_options = integrity_application_handle_local_options;
}

static void
integrity_application_init (IntegrityApplication *self)
{
  g_autofree char *commands = integrity_cli_describe_commands ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[COMMAND]"));
  g_application_set_option_context_description (G_APPLICATION (self), commands);
}

IntegrityApplication *
integrity_application_new (void)
{
  return g_object_new (INTEGRITY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

IntegritySession *
integrity_application_get_session (IntegrityApplication *self)
{
  g_return_val_if_fail (INTEGRITY_IS_APPLICATION (self), NULL);
  return self->session;
}
