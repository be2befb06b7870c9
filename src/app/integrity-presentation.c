/* integrity-presentation.c — presentation mode: every chart, full screen, one at a time. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "integrity-presentation.h"

#define PRESENTATION_FONT_SCALE 1.7

struct _IntegrityPresentation
{
  AdwWindow         parent_instance;

  IntegritySession *session;
  GCancellable     *cancellable;
  GPtrArray        *charts;     /* IntegrityChart, NULL until loaded */
  guint             position;
  guint             advance_id;

  GtkWidget        *stack;
  GtkWidget        *view;
  GtkWidget        *counter;
};

G_DEFINE_FINAL_TYPE (IntegrityPresentation, integrity_presentation, ADW_TYPE_WINDOW)

typedef struct
{
  GPtrArray       *addins;
  IntegrityFilter *filter;
} ChartRequest;

static void
chart_request_free (gpointer data)
{
  ChartRequest *request = data;

  g_ptr_array_unref (request->addins);
  integrity_filter_free (request->filter);
  g_free (request);
}

static gpointer
collect_charts (sqlite3       *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ChartRequest *request = data;
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < request->addins->len && !g_cancellable_is_cancelled (cancellable); i++)
    integrity_addin_collect_charts (g_ptr_array_index (request->addins, i), db, request->filter,
                                    charts, cancellable);
  return charts;
}

static void
show_position (IntegrityPresentation *self)
{
  g_autofree char *counter = NULL;

  if (self->charts == NULL || self->charts->len == 0)
    return;
  integrity_chart_view_set_chart (INTEGRITY_CHART_VIEW (self->view),
                                  g_ptr_array_index (self->charts, self->position));
  /* Translators: the slide counter in presentation mode, e.g. "3 / 12" */
  counter = g_strdup_printf (_("%u / %u"), self->position + 1, self->charts->len);
  gtk_label_set_text (GTK_LABEL (self->counter), counter);
}

/**
 * integrity_presentation_step:
 * @delta: +1 next, -1 previous
 *
 * Moves through the slides, stopping at either end.
 */
void
integrity_presentation_step (IntegrityPresentation *self,
                             int                    delta)
{
  int target;

  g_return_if_fail (INTEGRITY_IS_PRESENTATION (self));

  if (self->charts == NULL || self->charts->len == 0)
    return;
  target = CLAMP ((int) self->position + delta, 0, (int) self->charts->len - 1);
  self->position = (guint) target;
  show_position (self);
}

static gboolean
advance (gpointer data)
{
  IntegrityPresentation *self = data;

  /* A wall screen goes round and round. */
  if (self->charts != NULL && self->charts->len > 0)
    {
      self->position = (self->position + 1) % self->charts->len;
      show_position (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
charts_collected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IntegrityPresentation) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *charts = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  GSettings *settings;

  if (charts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not gather the charts to present: %s", error->message);
      return;
    }
  self->charts = charts;
  self->position = 0;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), charts->len > 0 ? "slides" : "empty");
  show_position (self);

  settings = integrity_session_get_settings (self->session);
  if (settings != NULL && g_settings_get_uint (settings, "presentation-interval") > 0 && charts->len > 1)
    self->advance_id = g_timeout_add_seconds (g_settings_get_uint (settings, "presentation-interval"),
                                              advance, self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  integrity_presentation_step (INTEGRITY_PRESENTATION (widget), g_variant_get_int32 (parameter));
}

static void
integrity_presentation_dispose (GObject *object)
{
  IntegrityPresentation *self = INTEGRITY_PRESENTATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->advance_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  G_OBJECT_CLASS (integrity_presentation_parent_class)->dispose (object);
}

static void
integrity_presentation_class_init (IntegrityPresentationClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Page_Down, GDK_KEY_space, GDK_KEY_Down };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Page_Up, GDK_KEY_BackSpace, GDK_KEY_Up };

  G_OBJECT_CLASS (klass)->dispose = integrity_presentation_dispose;
  gtk_widget_class_install_action (widget_class, "presentation.step", "i", step_action);
  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, next_keys[i], 0, "presentation.step", "i", 1);
      gtk_widget_class_add_binding_action (widget_class, previous_keys[i], 0, "presentation.step", "i", -1);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "presentation.step", "i", -10000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "presentation.step", "i", 10000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "window.close", NULL);
}

static void
integrity_presentation_init (IntegrityPresentation *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "integrity-presentation");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), gtk_spinner_new (), "loading");
  integrity_spinner_spin_while_mapped (GTK_SPINNER (gtk_stack_get_child_by_name (GTK_STACK (self->stack), "loading")));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-presentation-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Present"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No active plugin has charts for this period. Press Escape to leave."));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  self->view = integrity_chart_view_new (NULL);
  integrity_chart_view_set_font_scale (INTEGRITY_CHART_VIEW (self->view), PRESENTATION_FONT_SCALE);
  gtk_widget_set_margin_top (self->view, 24);
  gtk_widget_set_margin_bottom (self->view, 48);
  gtk_widget_set_margin_start (self->view, 32);
  gtk_widget_set_margin_end (self->view, 32);
  gtk_stack_add_named (GTK_STACK (self->stack), self->view, "slides");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->stack);

  self->counter = gtk_label_new (NULL);
  gtk_widget_set_halign (self->counter, GTK_ALIGN_END);
  gtk_widget_set_valign (self->counter, GTK_ALIGN_END);
  gtk_widget_set_margin_end (self->counter, 18);
  gtk_widget_set_margin_bottom (self->counter, 12);
  gtk_widget_add_css_class (self->counter, "dim-label");
  gtk_widget_add_css_class (self->counter, "numeric");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->counter);
  adw_window_set_content (ADW_WINDOW (self), overlay);
}

/* A full-screen window of every active plugin's charts, for @session's filter. */
IntegrityPresentation *
integrity_presentation_new (IntegritySession *session)
{
  IntegrityPresentation *self;
  ChartRequest *request;

  g_return_val_if_fail (INTEGRITY_IS_SESSION (session), NULL);

  self = g_object_new (INTEGRITY_TYPE_PRESENTATION, NULL);
  self->session = g_object_ref (session);
  request = g_new0 (ChartRequest, 1);
  request->addins = integrity_plugin_engine_dup_addins (integrity_session_get_engine (session));
  request->filter = integrity_context_dup_filter (integrity_session_get_context (session));
  integrity_store_query_async (integrity_session_get_store (session), collect_charts, request,
                               chart_request_free, (GDestroyNotify) g_ptr_array_unref,
                               self->cancellable, charts_collected, g_object_ref (self));
  return self;
}

/* For tests: FALSE until the charts are in; then the slide and the count. */
gboolean
integrity_presentation_get_position (IntegrityPresentation *self,
                                     guint                 *position,
                                     guint                 *n_slides)
{
  g_return_val_if_fail (INTEGRITY_IS_PRESENTATION (self), FALSE);

  if (self->charts == NULL)
    return FALSE;
  *position = self->position;
  *n_slides = self->charts->len;
  return TRUE;
}

IntegrityChart *
integrity_presentation_get_chart (IntegrityPresentation *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PRESENTATION (self), NULL);
  return integrity_chart_view_get_chart (INTEGRITY_CHART_VIEW (self->view));
}
