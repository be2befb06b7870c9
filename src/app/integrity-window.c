/* integrity-window.c — the main window. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-briefing-dialog.h"
#include "integrity-filter-bar.h"
#include "integrity-help-window.h"
#include "integrity-import-dialog.h"
#include "integrity-overview.h"
#include "integrity-presentation.h"
#include "integrity-window.h"

struct _IntegrityWindow
{
  AdwApplicationWindow  parent_instance;

  IntegritySession     *session;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *message_revealer;
  GtkLabel             *message_label;
  IntegrityFilterBar   *filter_bar;

  GtkWidget            *overview;
};

G_DEFINE_FINAL_TYPE (IntegrityWindow, integrity_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define PAGE_ID_KEY "integrity-page-id"

static GtkWidget *
build_sidebar_row (const char *page_id,
                   const char *title,
                   const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name != NULL ? icon_name
                                                                    : "view-grid-symbolic");
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), PAGE_ID_KEY, g_strdup (page_id), g_free);
  return row;
}

static GtkListBoxRow *
find_row (IntegrityWindow *self,
          const char      *page_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child)
        && g_strcmp0 (g_object_get_data (G_OBJECT (child), PAGE_ID_KEY), page_id) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/**
 * integrity_window_show_page:
 * @page_id: "overview" or a plugin id
 *
 * Returns: %FALSE when there is no such page (e.g. its plugin is off)
 */
gboolean
integrity_window_show_page (IntegrityWindow *self,
                            const char      *page_id)
{
  GtkWidget *page;
  GtkListBoxRow *row;

  g_return_val_if_fail (INTEGRITY_IS_WINDOW (self), FALSE);

  page = gtk_stack_get_child_by_name (self->stack, page_id);
  row = find_row (self, page_id);
  if (page == NULL || row == NULL)
    return FALSE;

  gtk_stack_set_visible_child (self->stack, page);
  gtk_list_box_select_row (self->sidebar, row);
  adw_window_title_set_title (self->window_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->stack, page)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

const char *
integrity_window_get_visible_page (IntegrityWindow *self)
{
  g_return_val_if_fail (INTEGRITY_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
integrity_window_get_page (IntegrityWindow *self,
                           const char      *page_id)
{
  g_return_val_if_fail (INTEGRITY_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, page_id);
}

void
integrity_window_add_toast (IntegrityWindow *self,
                            const char      *message)
{
  g_return_if_fail (INTEGRITY_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_sidebar_row_activated (GtkListBox      *box,
                          GtkListBoxRow   *row,
                          IntegrityWindow *self)
{
  integrity_window_show_page (self, g_object_get_data (G_OBJECT (row), PAGE_ID_KEY));
}

static void
on_back_clicked (GtkButton       *button,
                 IntegrityWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
add_page (IntegrityWindow *self,
          GtkWidget       *page,
          const char      *page_id,
          const char      *title,
          const char      *icon_name)
{
  GtkStackPage *stack_page = gtk_stack_add_titled (self->stack, page, page_id, title);

  gtk_stack_page_set_icon_name (stack_page, icon_name);
  gtk_list_box_append (self->sidebar, build_sidebar_row (page_id, title, icon_name));
}

static void
on_addin_added (IntegrityPluginEngine *engine,
                PeasPluginInfo        *info,
                IntegrityAddin        *addin,
                IntegrityWindow       *self)
{
  const char *id = peas_plugin_info_get_module_name (info);
  GtkWidget *page;

  if (gtk_stack_get_child_by_name (self->stack, id) != NULL)
    return;
  page = integrity_addin_create_page (addin);
  if (page == NULL)
    return;
  add_page (self, page, id, peas_plugin_info_get_name (info), peas_plugin_info_get_icon_name (info));
}

static void
on_addin_removed (IntegrityPluginEngine *engine,
                  PeasPluginInfo        *info,
                  IntegrityAddin        *addin,
                  IntegrityWindow       *self)
{
  const char *id = peas_plugin_info_get_module_name (info);
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, id);
  GtkListBoxRow *row = find_row (self, id);
  gboolean was_visible = page != NULL && gtk_stack_get_visible_child (self->stack) == page;

  if (row != NULL)
    gtk_list_box_remove (self->sidebar, GTK_WIDGET (row));
  if (page != NULL)
    gtk_stack_remove (self->stack, page);
  if (was_visible)
    integrity_window_show_page (self, "overview");
}

static void
on_plugin_failed (IntegrityPluginEngine *engine,
                  PeasPluginInfo        *info,
                  const char            *reason,
                  IntegrityWindow       *self)
{
  /* Translators: "The plugin Training could not be loaded: reason" */
  g_autofree char *message = g_strdup_printf (_("The plugin %s could not be loaded: %s"),
                                              peas_plugin_info_get_name (info), reason);
  integrity_window_add_toast (self, message);
}

static void
add_existing_addin (PeasPluginInfo *info,
                    IntegrityAddin *addin,
                    gpointer        user_data)
{
  on_addin_added (NULL, info, addin, user_data);
}

static void
show_overview (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  integrity_window_show_page (INTEGRITY_WINDOW (widget), "overview");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  integrity_window_show_page (INTEGRITY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
step_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (widget);
  int step = g_strcmp0 (action_name, "win.next-page") == 0 ? 1 : -1;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->sidebar, index + step);

  if (next != NULL)
    integrity_window_show_page (self, g_object_get_data (G_OBJECT (next), PAGE_ID_KEY));
}

static void
update_subtitle (IntegrityWindow *self)
{
  IntegrityStore *store = integrity_session_get_store (self->session);
  g_autofree char *name = g_path_get_basename (integrity_store_get_path (store));
  g_autofree char *default_path = integrity_store_get_default_path ();

  if (integrity_store_is_demo (store))
    adw_window_title_set_subtitle (self->window_title, _("DEMO DATA — generated, not real"));
  else if (g_strcmp0 (default_path, integrity_store_get_path (store)) != 0)
    adw_window_title_set_subtitle (self->window_title, name);
  else
    adw_window_title_set_subtitle (self->window_title, NULL);

  if (integrity_store_get_read_only_reason (store) != NULL)
    {
      gtk_label_set_text (self->message_label, integrity_store_get_read_only_reason (store));
      gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
    }
}

/* Import…, Ctrl+O and the empty overview's button: the import dialog. */
static void
import_data (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  IntegrityImportDialog *dialog = integrity_import_dialog_new (INTEGRITY_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
  integrity_import_dialog_choose_file (dialog);
}

/* Export Briefing… (Ctrl+E): the dialog; Print…: the same pages. */
static void
export_briefing (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (integrity_briefing_dialog_new (INTEGRITY_WINDOW (widget))));
}

static void
show_help (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (integrity_help_window_new (GTK_WINDOW (self), self->session)));
}

static void
print_briefing (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  integrity_briefing_print (INTEGRITY_WINDOW (widget));
}

/* Presentation mode (F5): a full-screen window of every chart. */
static void
start_presentation (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (widget);
  IntegrityPresentation *presentation = integrity_presentation_new (self->session);

  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

/* A CSV file dropped on the window opens the same dialog on it. */
static gboolean
on_file_dropped (GtkDropTarget   *target,
                 const GValue    *value,
                 double           x,
                 double           y,
                 IntegrityWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  IntegrityImportDialog *dialog;

  if (files == NULL || integrity_store_is_read_only (integrity_session_get_store (self->session)))
    return FALSE;
  dialog = integrity_import_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
  integrity_import_dialog_open_file (dialog, files->data);
  return TRUE;
}

static gboolean
integrity_window_close_request (GtkWindow *window)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (window);
  GSettings *settings = integrity_session_get_settings (self->session);
  int width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_string (settings, "last-page", integrity_window_get_visible_page (self));
    }
  return GTK_WINDOW_CLASS (integrity_window_parent_class)->close_request (window);
}

static void
integrity_window_constructed (GObject *object)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (object);
  IntegrityPluginEngine *engine = integrity_session_get_engine (self->session);
  IntegrityContext *context = integrity_session_get_context (self->session);
  GSettings *settings = integrity_session_get_settings (self->session);
  g_autofree char *last_page = NULL;

  G_OBJECT_CLASS (integrity_window_parent_class)->constructed (object);

  self->overview = integrity_overview_new (context, engine);
  add_page (self, self->overview, "overview", _("Overview"), "view-grid-symbolic");

  integrity_plugin_engine_foreach_addin (engine, add_existing_addin, self);
  g_signal_connect_object (engine, "addin-added", G_CALLBACK (on_addin_added), self, 0);
  g_signal_connect_object (engine, "addin-removed", G_CALLBACK (on_addin_removed), self, 0);
  g_signal_connect_object (engine, "plugin-failed", G_CALLBACK (on_plugin_failed), self, 0);

  integrity_filter_bar_set_session (self->filter_bar, context, engine);
  update_subtitle (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 !integrity_store_is_read_only (integrity_session_get_store (self->session)));

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last_page = g_settings_get_string (settings, "last-page");
    }
  if (last_page == NULL || !integrity_window_show_page (self, last_page))
    integrity_window_show_page (self, "overview");
}

static void
integrity_window_dispose (GObject *object)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), INTEGRITY_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (integrity_window_parent_class)->dispose (object);
}

static void
integrity_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IntegrityWindow *self = INTEGRITY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_window_class_init (IntegrityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = integrity_window_constructed;
  object_class->dispose = integrity_window_dispose;
  object_class->set_property = integrity_window_set_property;
  object_class->get_property = integrity_window_get_property;
  window_class->close_request = integrity_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INTEGRITY_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INTEGRITY_TYPE_FILTER_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/integrity-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, IntegrityWindow, filter_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_data);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_briefing);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, show_help);
  gtk_widget_class_install_action (widget_class, "win.presentation", NULL, start_presentation);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, step_page);
  gtk_widget_class_install_action (widget_class, "win.previous-page", NULL, step_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-page", NULL);
}

/* The list, column or grid view holding @widget, if any. */
static GtkWidget *
enclosing_list (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_GRID_VIEW (widget))
      return widget;
  return NULL;
}

/**
 * integrity_window_move_focus:
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * What Tab and Shift+Tab do. In GTK 4.8 every row of a list view is a Tab
 * stop, so a work queue of 700 rows took 700 presses to get past; here Tab
 * leaves a list for the next control (arrow keys move within it), as
 * GTK 4.12's tab-behavior does. Elsewhere it is GTK's own focus chain.
 *
 * Returns: whether focus moved
 */
gboolean
integrity_window_move_focus (IntegrityWindow  *self,
                             GtkDirectionType  direction)
{
  GtkWidget *list;
  gboolean moved;

  g_return_val_if_fail (INTEGRITY_IS_WINDOW (self), FALSE);

  list = enclosing_list (gtk_root_get_focus (GTK_ROOT (self)));
  if (list == NULL)
    return gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IntegrityWindow       *self)
{
  gboolean tab = keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;

  if (!tab || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || enclosing_list (gtk_root_get_focus (GTK_ROOT (self))) == NULL)
    return FALSE;
  integrity_window_move_focus (self, (state & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab
                                     ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
integrity_window_init (IntegrityWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  integrity_frame_steps_hold_workers (GTK_WIDGET (self));
#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

IntegrityWindow *
integrity_window_new (IntegrityApplication *application,
                      IntegritySession     *session)
{
  g_return_val_if_fail (INTEGRITY_IS_SESSION (session), NULL);
  return g_object_new (INTEGRITY_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

IntegritySession *
integrity_window_get_session (IntegrityWindow *self)
{
  g_return_val_if_fail (INTEGRITY_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * integrity_window_add_style:
 *
 * Adds the app's stylesheet to @display, for a window made without the
 * application (which loads it itself): screenshots and benchmarks.
 */
void
integrity_window_add_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  g_return_if_fail (GDK_IS_DISPLAY (display));

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
