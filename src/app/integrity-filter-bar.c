/* integrity-filter-bar.c — period and district choosers in the header bar. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-filter-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "integrity-filter-bar.h"

/* The months offered run from the first to the last month that any active
 * plugin holds data for; the first load selects the last twelve of them. */
struct _IntegrityFilterBar
{
  GtkWidget              parent_instance;

  IntegrityContext      *context;
  IntegrityPluginEngine *engine;
  GCancellable          *cancellable;

  GtkWidget             *from_dropdown;
  GtkWidget             *to_dropdown;
  GtkWidget             *district_dropdown;
  GtkStringList         *months;
  GtkStringList         *districts;

  IntegrityMonth         first;
  guint                  populating : 1;
  guint                  loaded_once : 1;
};

G_DEFINE_FINAL_TYPE (IntegrityFilterBar, integrity_filter_bar, GTK_TYPE_WIDGET)

typedef struct
{
  GPtrArray      *addins;
  IntegrityMonth  first;
  IntegrityMonth  last;
  GPtrArray      *districts;
  gboolean        has_range;
} FilterChoices;

static void
filter_choices_free (gpointer data)
{
  FilterChoices *choices = data;

  g_clear_pointer (&choices->addins, g_ptr_array_unref);
  g_clear_pointer (&choices->districts, g_ptr_array_unref);
  g_free (choices);
}

static gpointer
load_choices (sqlite3       *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  FilterChoices *in = data;
  FilterChoices *out = g_new0 (FilterChoices, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  out->districts = g_ptr_array_new_with_free_func (g_free);
  out->has_range = integrity_addins_get_data_range (in->addins, db, &out->first, &out->last);

  if (sqlite3_prepare_v2 (db, "SELECT name FROM district ORDER BY name COLLATE NOCASE",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (out->districts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return out;
}

static void
push_filter (IntegrityFilterBar *self)
{
  guint from = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->from_dropdown));
  guint to = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->to_dropdown));
  guint district = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown));
  g_autoptr(IntegrityFilter) filter = NULL;
  const char *name = NULL;

  if (self->populating || self->context == NULL
      || from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return;
  if (district != GTK_INVALID_LIST_POSITION && district > 0)
    name = gtk_string_list_get_string (self->districts, district);

  filter = integrity_filter_new (self->first + (int) from, self->first + (int) to, name);
  integrity_context_set_filter (self->context, filter);
}

static void
on_selection_changed (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      IntegrityFilterBar *self)
{
  push_filter (self);
}

/* Makes @list hold @strings (NULL-terminated) by replacing only the run
 * that differs, in one change: each row changed costs the drop-down a row
 * widget. An import most often brings no new district and only the months
 * after the last; a national store lists hundreds of districts, and
 * rebuilding them row by row froze the window for 30-50 ms. */
static void
replace_strings (GtkStringList      *list,
                 const char * const *strings)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_strings = g_strv_length ((char **) strings);
  guint same_start = 0, same_end = 0;
  g_autofree const char **middle = NULL;

  while (same_start < MIN (n_items, n_strings)
         && g_strcmp0 (gtk_string_list_get_string (list, same_start), strings[same_start]) == 0)
    same_start++;
  while (same_end < MIN (n_items, n_strings) - same_start
         && g_strcmp0 (gtk_string_list_get_string (list, n_items - 1 - same_end),
                       strings[n_strings - 1 - same_end]) == 0)
    same_end++;
  if (same_start + same_end == n_items && n_items == n_strings)
    return;
  middle = g_new0 (const char *, n_strings - same_start - same_end + 1);
  memcpy (middle, strings + same_start, (n_strings - same_start - same_end) * sizeof *middle);
  gtk_string_list_splice (list, same_start, n_items - same_start - same_end, middle);
}

static void
choices_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IntegrityFilterBar) self = user_data;
  g_autoptr(GError) error = NULL;
  FilterChoices *choices;
  const IntegrityFilter *current;
  g_autoptr(GDateTime) now = NULL;
  IntegrityMonth first, last, from, to;
  guint district_index = 0;
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) districts = g_ptr_array_new ();  /* borrowed from @choices */

  choices = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  if (choices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the periods and districts: %s", error->message);
      return;
    }

  if (choices->has_range)
    {
      first = choices->first;
      last = choices->last;
    }
  else
    {
      now = g_date_time_new_now_local ();
      last = integrity_month_new (g_date_time_get_year (now), g_date_time_get_month (now));
      first = last - 35;
    }

  current = integrity_context_get_filter (self->context);
  if (self->loaded_once && current->from >= first && current->to <= last)
    {
      from = current->from;
      to = current->to;
    }
  else
    {
      g_autoptr(IntegrityFilter) start = integrity_filter_new_default (TRUE, first, last, NULL);

      from = start->from;
      to = start->to;
    }

  self->populating = TRUE;
  self->first = first;
  for (IntegrityMonth m = first; m <= last; m++)
    g_ptr_array_add (months, integrity_month_to_label (m));
  g_ptr_array_add (months, NULL);
  replace_strings (self->months, (const char * const *) months->pdata);

  g_ptr_array_add (districts, (gpointer) _("All districts"));
  for (guint i = 0; i < choices->districts->len; i++)
    {
      const char *name = g_ptr_array_index (choices->districts, i);

      g_ptr_array_add (districts, (gpointer) name);
      if (g_strcmp0 (name, current->district) == 0)
        district_index = i + 1;
    }
  g_ptr_array_add (districts, NULL);
  replace_strings (self->districts, (const char * const *) districts->pdata);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->from_dropdown), (guint) (from - first));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->to_dropdown), (guint) (to - first));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_dropdown), district_index);
  self->populating = FALSE;
  self->loaded_once = TRUE;

  push_filter (self);
  filter_choices_free (choices);
}

void
integrity_filter_bar_reload (IntegrityFilterBar *self)
{
  FilterChoices *in;

  g_return_if_fail (INTEGRITY_IS_FILTER_BAR (self));
  if (self->context == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  in = g_new0 (FilterChoices, 1);
  in->addins = integrity_plugin_engine_dup_addins (self->engine);
  integrity_store_query_async (integrity_context_get_store (self->context), load_choices,
                               in, filter_choices_free, filter_choices_free,
                               self->cancellable, choices_loaded, g_object_ref (self));
}

/* Another part of the app (a test, presentation, a tile) set the filter:
 * show it, so the header never disagrees with the pages. */
static void
on_context_filter_changed (IntegrityFilterBar *self)
{
  const IntegrityFilter *filter = integrity_context_get_filter (self->context);
  guint n_months = g_list_model_get_n_items (G_LIST_MODEL (self->months));
  guint district_index = 0;

  if (self->populating || !self->loaded_once)
    return;
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->districts)); i++)
    if (filter->district != NULL
        && g_utf8_collate (gtk_string_list_get_string (self->districts, i), filter->district) == 0)
      district_index = i;

  self->populating = TRUE;
  if (filter->from >= self->first && filter->to < self->first + (int) n_months)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->from_dropdown), (guint) (filter->from - self->first));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->to_dropdown), (guint) (filter->to - self->first));
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_dropdown), district_index);
  self->populating = FALSE;
}

static void
on_store_changed (IntegrityStore     *store,
                  const char         *component,
                  IntegrityFilterBar *self)
{
  integrity_filter_bar_reload (self);
}

void
integrity_filter_bar_set_session (IntegrityFilterBar    *self,
                                  IntegrityContext      *context,
                                  IntegrityPluginEngine *engine)
{
  g_return_if_fail (INTEGRITY_IS_FILTER_BAR (self));
  g_return_if_fail (INTEGRITY_IS_CONTEXT (context));
  g_return_if_fail (INTEGRITY_IS_PLUGIN_ENGINE (engine));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->engine = g_object_ref (engine);
  g_signal_connect_object (integrity_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (context, "notify::filter", G_CALLBACK (on_context_filter_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "addin-added", G_CALLBACK (integrity_filter_bar_reload),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "addin-removed", G_CALLBACK (integrity_filter_bar_reload),
                           self, G_CONNECT_SWAPPED);
  integrity_filter_bar_reload (self);
}

static GtkWidget *
add_dropdown (IntegrityFilterBar *self,
              GListModel         *model,
              const char         *accessible_label)
{
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (model), NULL);

  gtk_widget_set_tooltip_text (dropdown, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_set_parent (dropdown, GTK_WIDGET (self));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_selection_changed), self);
  return dropdown;
}

static void
integrity_filter_bar_dispose (GObject *object)
{
  IntegrityFilterBar *self = INTEGRITY_FILTER_BAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->months);
  g_clear_object (&self->districts);
  g_clear_object (&self->context);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (integrity_filter_bar_parent_class)->dispose (object);
}

static void
integrity_filter_bar_class_init (IntegrityFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = integrity_filter_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "integrityfilterbar");
}

static void
integrity_filter_bar_init (IntegrityFilterBar *self)
{
  GtkWidget *dash;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->cancellable = g_cancellable_new ();
  self->months = gtk_string_list_new (NULL);
  self->districts = gtk_string_list_new (NULL);

  self->from_dropdown = add_dropdown (self, G_LIST_MODEL (self->months), _("First month of the period"));
  dash = gtk_label_new ("–");
  gtk_widget_add_css_class (dash, "dim-label");
  gtk_widget_set_parent (dash, GTK_WIDGET (self));
  self->to_dropdown = add_dropdown (self, G_LIST_MODEL (self->months), _("Last month of the period"));
  self->district_dropdown = add_dropdown (self, G_LIST_MODEL (self->districts), _("District"));
}
