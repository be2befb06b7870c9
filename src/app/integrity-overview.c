/* integrity-overview.c — the first page: every plugin's headline figures. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "integrity-overview-private.h"

struct _IntegrityOverview
{
  GtkWidget              parent_instance;

  IntegrityContext      *context;
  IntegrityPluginEngine *engine;
  GCancellable          *cancellable;

  GtkWidget             *stack;
  GtkWidget             *empty_page;
  GtkWidget             *summary_label;
  GtkWidget             *kpi_box;     /* a heading and a flow box of tiles per plugin */
  GPtrArray             *tiles;       /* IntegrityKpiTile in kpi_box, in order (not owned) */
  GtkWidget             *no_kpis_label;
  GtkWidget             *notes_list;
};

G_DEFINE_FINAL_TYPE (IntegrityOverview, integrity_overview, GTK_TYPE_WIDGET)

typedef struct
{
  GPtrArray       *addins;
  IntegrityFilter *filter;
} KpiRequest;

typedef struct
{
  gboolean   has_data;
  char      *last_import;
  GPtrArray *kpis;
  GPtrArray *notes;  /* IntegrityAnnotation, newest first */
} KpiResult;

static void
kpi_request_free (gpointer data)
{
  KpiRequest *request = data;

  g_ptr_array_unref (request->addins);
  integrity_filter_free (request->filter);
  g_free (request);
}

static void
kpi_result_free (gpointer data)
{
  KpiResult *result = data;

  g_free (result->last_import);
  g_ptr_array_unref (result->kpis);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

static gpointer
collect_kpis (sqlite3       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  KpiRequest *request = data;
  KpiResult *result = g_new0 (KpiResult, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  result->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);

  if (sqlite3_prepare_v2 (db, "SELECT max(imported_at) FROM import_log", -1, &stmt, NULL)
      == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      result->has_data = TRUE;
      result->last_import = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  for (guint i = 0; i < request->addins->len && !g_cancellable_is_cancelled (cancellable); i++)
    integrity_addin_collect_kpis (g_ptr_array_index (request->addins, i), db,
                                  request->filter, result->kpis, cancellable);
  result->notes = integrity_annotations_read_all (db, NULL);
  return result;
}

static void
on_tile_activated (IntegrityKpiTile  *tile,
                   IntegrityOverview *self)
{
  const IntegrityKpi *kpi = integrity_kpi_tile_get_kpi (tile);
  GtkWidget *widget = GTK_WIDGET (self);

  /* The window's page ids are the plugin ids. */
  gtk_widget_activate_action (widget, "win.show-page", "s", kpi->plugin_id);
}

static GtkWidget *
new_tile_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 12);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), 1);
  return box;
}

/* The tiles on screen are for the same figures, in the same order: a new
 * filter then changes their values rather than making every tile anew. */
static gboolean
same_tiles (IntegrityOverview *self,
            GPtrArray         *kpis)
{
  if (self->tiles->len != kpis->len || kpis->len == 0)
    return FALSE;
  for (guint i = 0; i < kpis->len; i++)
    {
      const IntegrityKpi *shown = integrity_kpi_tile_get_kpi (g_ptr_array_index (self->tiles, i));
      const IntegrityKpi *kpi = g_ptr_array_index (kpis, i);

      if (g_strcmp0 (shown->plugin_id, kpi->plugin_id) != 0 || g_strcmp0 (shown->id, kpi->id) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A heading with the plugin's Name over its tiles, in plugin order. */
static void
show_kpis (IntegrityOverview *self,
           GPtrArray         *kpis)
{
  GtkWidget *child;
  GtkWidget *tiles = NULL;
  const char *group = NULL;

  if (same_tiles (self, kpis))
    {
      for (guint i = 0; i < kpis->len; i++)
        integrity_kpi_tile_set_kpi (g_ptr_array_index (self->tiles, i), g_ptr_array_index (kpis, i));
      return;
    }
  while ((child = gtk_widget_get_first_child (self->kpi_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->kpi_box), child);
  g_ptr_array_set_size (self->tiles, 0);
  for (guint i = 0; i < kpis->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (kpis, i);
      GtkWidget *tile = integrity_kpi_tile_new (kpi);

      if (tiles == NULL || g_strcmp0 (group, kpi->plugin_id) != 0)
        {
          PeasPluginInfo *info = integrity_plugin_engine_get_plugin (self->engine, kpi->plugin_id);
          GtkWidget *heading = gtk_label_new (info != NULL ? peas_plugin_info_get_name (info) : kpi->plugin_id);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
          gtk_box_append (GTK_BOX (self->kpi_box), heading);
          tiles = new_tile_box ();
          gtk_box_append (GTK_BOX (self->kpi_box), tiles);
          group = kpi->plugin_id;
        }
      g_signal_connect (tile, "activated", G_CALLBACK (on_tile_activated), self);
      gtk_flow_box_append (GTK_FLOW_BOX (tiles), tile);
      g_ptr_array_add (self->tiles, tile);
    }
}

static void
kpis_collected (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(IntegrityOverview) self = user_data;
  g_autoptr(GError) error = NULL;
  KpiResult *result;
  GSettings *settings;
  g_autofree char *force = NULL;
  g_autofree char *period = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;

  result = integrity_store_query_finish (INTEGRITY_STORE (source), res, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not compute the overview: %s", error->message);
      return;
    }

  if (!result->has_data)
    {
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty_page);
      kpi_result_free (result);
      return;
    }

  settings = integrity_context_get_settings (self->context);
  force = settings != NULL ? g_settings_get_string (settings, "force-name") : g_strdup ("");
  period = integrity_filter_describe (integrity_context_get_filter (self->context));
  when = integrity_format_timestamp (result->last_import);
  /* Translators: "Greater Example Police · Apr 2020 – Mar 2021, all districts · data imported 3 Mar 2021 10:04" */
  summary = g_strdup_printf (_("%s%s%s · data imported %s"), force,
                             *force != '\0' ? " · " : "", period, when);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  show_kpis (self, result->kpis);
  integrity_overview_show_notes (self, self->notes_list, result->notes);
  gtk_widget_set_visible (self->no_kpis_label, result->kpis->len == 0);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "figures");
  kpi_result_free (result);
}

void
integrity_overview_reload (IntegrityOverview *self)
{
  KpiRequest *request;

  g_return_if_fail (INTEGRITY_IS_OVERVIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (KpiRequest, 1);
  request->addins = integrity_plugin_engine_dup_addins (self->engine);
  request->filter = integrity_context_dup_filter (self->context);
  integrity_store_query_async (integrity_context_get_store (self->context), collect_kpis,
                               request, kpi_request_free, kpi_result_free,
                               self->cancellable, kpis_collected, g_object_ref (self));
}

/* TRUE while the empty state ("No data yet") is showing. */
gboolean
integrity_overview_is_empty (IntegrityOverview *self)
{
  g_return_val_if_fail (INTEGRITY_IS_OVERVIEW (self), FALSE);
  return gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->empty_page;
}

/* TRUE once the first query has answered (figures or the empty state). */
gboolean
integrity_overview_is_loaded (IntegrityOverview *self)
{
  g_return_val_if_fail (INTEGRITY_IS_OVERVIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "loading") != 0;
}

static void
integrity_overview_dispose (GObject *object)
{
  IntegrityOverview *self = INTEGRITY_OVERVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (integrity_overview_parent_class)->dispose (object);
}

static void
integrity_overview_class_init (IntegrityOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = integrity_overview_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
build_empty_page (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Data…"));
  GtkWidget *demo = gtk_button_new_with_mnemonic (_("_Explore Demo Data"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Data Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Import the force’s audit, casework and training files, "
                                     "or explore a generated demo store."));
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import");
  gtk_widget_add_css_class (import, "pill");
  gtk_widget_add_css_class (import, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (demo), "app.open-demo");
  gtk_widget_add_css_class (demo, "pill");
  gtk_box_append (GTK_BOX (buttons), import);
  gtk_box_append (GTK_BOX (buttons), demo);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);
  return status;
}

static void
integrity_overview_init (IntegrityOverview *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->tiles = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  /* Blank until the first query answers, so a full store never flashes
   * the empty state. */
  gtk_stack_add_named (GTK_STACK (self->stack), gtk_box_new (GTK_ORIENTATION_VERTICAL, 0),
                       "loading");
  self->empty_page = build_empty_page ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_page, "empty");

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  gtk_widget_set_margin_top (column, 18);
  gtk_widget_set_margin_bottom (column, 18);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_widget_add_css_class (self->summary_label, "integrity-summary-line");
  gtk_widget_add_css_class (self->summary_label, "dim-label");
  gtk_box_append (GTK_BOX (column), self->summary_label);

  self->no_kpis_label = gtk_label_new (_("No active plugin has figures for this period. "
                                         "Choose another period, or switch plugins on in "
                                         "Preferences."));
  gtk_label_set_wrap (GTK_LABEL (self->no_kpis_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->no_kpis_label), 0);
  gtk_box_append (GTK_BOX (column), self->no_kpis_label);

  self->kpi_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (column), self->kpi_box);

  gtk_box_append (GTK_BOX (column), integrity_overview_build_notes (self, &self->notes_list));

  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "figures");
}

static void
reload_page (GtkWidget *page)
{
  integrity_overview_reload (INTEGRITY_OVERVIEW (page));
}

/* New figures to read: now if the overview is on screen, otherwise when it
 * is next shown. */
static void
on_store_changed (IntegrityOverview *self)
{
  integrity_page_reload_when_shown (GTK_WIDGET (self), reload_page);
}

GtkWidget *
integrity_overview_new (IntegrityContext      *context,
                        IntegrityPluginEngine *engine)
{
  IntegrityOverview *self;

  g_return_val_if_fail (INTEGRITY_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (engine), NULL);

  self = g_object_new (INTEGRITY_TYPE_OVERVIEW, NULL);
  self->context = g_object_ref (context);
  self->engine = g_object_ref (engine);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview"), -1);

  g_signal_connect_object (integrity_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::filter",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "addin-added",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "addin-removed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  on_store_changed (self);
  return GTK_WIDGET (self);
}

IntegrityContext *
_integrity_overview_get_context (IntegrityOverview *self)
{
  return self->context;
}
