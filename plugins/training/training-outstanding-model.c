/* training-outstanding-model.c — who is not through, as a list model that reads its rows on demand. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-outstanding-item.h"
#include "training-outstanding-model.h"

/* The model knows how many rows match; an item asked for in a page not
 * read yet is a pending item, the page is read on a worker, and the items
 * are filled in place. The column view binds only the rows near what is on
 * screen, so a list of tens of thousands reads a page or two.
 *
 * GTK 4.8 makes a row widget, a label per column, for each of the first two
 * hundred or so rows, and unmakes them when they go: a few tens of
 * milliseconds a hundred rows. So a new query keeps the items already shown
 * (filled again in place, when their page is read afresh), and the view is
 * told of rows added or removed near the top a few at a time, once per
 * main-loop turn, below the redraw priority, so frames are painted between. */

/* Rows added or removed at a time, and the row beyond which the view makes
 * no row widgets (with the list at the top, about 200): past it, the rest
 * at once. */
#define RESIZE_STEP  25
#define RESIZE_LIMIT 300

struct _TrainingOutstandingModel
{
  GObject                   parent_instance;
  IntegrityStore           *store;
  TrainingOutstandingQuery *query;        /* the rows shown */
  GCancellable             *cancellable;  /* their pages */
  GCancellable             *counting_cancellable;  /* the next query's count */
  guint                     n_all;
  guint                     n_matching;   /* the rows the query matches */
  guint                     n_items;      /* the rows the view has been told of, on the way to n_matching */
  guint                     resize_source;
  GHashTable               *pages;        /* page index → GPtrArray of TrainingOutstandingItem */
  gboolean                  counting;
};

enum { PROP_0, PROP_COUNTING, PROP_RESIZING, PROP_N_ALL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void training_outstanding_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrainingOutstandingModel, training_outstanding_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, training_outstanding_model_list_init))

typedef struct
{
  TrainingOutstandingQuery *query;
  guint                     page;
} PageRequest;

static void
page_request_free (gpointer data)
{
  PageRequest *request = data;

  training_outstanding_query_free (request->query);
  g_free (request);
}

static gpointer
fetch_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PageRequest *request = data;

  return training_outstanding_fetch (db, request->query, request->page * TRAINING_OUTSTANDING_PAGE_SIZE,
                                     TRAINING_OUTSTANDING_PAGE_SIZE, error);
}

typedef struct
{
  TrainingOutstandingModel *model;
  guint                     page;
} PageCall;

static void
page_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree PageCall *call = user_data;
  g_autoptr(TrainingOutstandingModel) self = call->model;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  GPtrArray *items;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The officers outstanding could not be read: %s", error->message);
      return;
    }
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (call->page));
  for (guint i = 0; items != NULL && i < MIN (items->len, rows->len); i++)
    training_outstanding_item_fill (g_ptr_array_index (items, i), g_ptr_array_index (rows, i), self->query->as_at);
}

static void
request_page (TrainingOutstandingModel *self,
              guint                     page)
{
  PageRequest *request = g_new0 (PageRequest, 1);
  PageCall *call = g_new0 (PageCall, 1);

  request->query = training_outstanding_query_copy (self->query);
  request->page = page;
  call->model = g_object_ref (self);
  call->page = page;
  integrity_store_query_async (self->store, fetch_page, request, page_request_free,
                               (GDestroyNotify) g_ptr_array_unref, self->cancellable, page_fetched, call);
}

/* A page's items cover its positions the view has been told of or will be. */
static guint
page_length (TrainingOutstandingModel *self,
             guint                     page)
{
  guint first = page * TRAINING_OUTSTANDING_PAGE_SIZE;
  guint end = MAX (self->n_items, self->n_matching);

  return end > first ? MIN (TRAINING_OUTSTANDING_PAGE_SIZE, end - first) : 0;
}

static GPtrArray *
ensure_page (TrainingOutstandingModel *self,
             guint                     page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    return items;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = page_length (self, page); i > 0; i--)
    g_ptr_array_add (items, training_outstanding_item_new_pending ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  request_page (self, page);
  return items;
}

static GType
training_outstanding_model_get_item_type (GListModel *model)
{
  return TRAINING_TYPE_OUTSTANDING_ITEM;
}

static guint
training_outstanding_model_get_n_items (GListModel *model)
{
  return TRAINING_OUTSTANDING_MODEL (model)->n_items;
}

static gpointer
training_outstanding_model_get_item (GListModel *model,
                                     guint       position)
{
  TrainingOutstandingModel *self = TRAINING_OUTSTANDING_MODEL (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = ensure_page (self, position / TRAINING_OUTSTANDING_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (items, position % TRAINING_OUTSTANDING_PAGE_SIZE));
}

static void
training_outstanding_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = training_outstanding_model_get_item_type;
  iface->get_n_items = training_outstanding_model_get_n_items;
  iface->get_item = training_outstanding_model_get_item;
}

static void
training_outstanding_model_dispose (GObject *object)
{
  TrainingOutstandingModel *self = TRAINING_OUTSTANDING_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->counting_cancellable);
  g_clear_object (&self->counting_cancellable);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->query, training_outstanding_query_free);
  G_OBJECT_CLASS (training_outstanding_model_parent_class)->dispose (object);
}

static void
training_outstanding_model_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TrainingOutstandingModel *self = TRAINING_OUTSTANDING_MODEL (object);

  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;
    case PROP_RESIZING:
      g_value_set_boolean (value, self->resize_source != 0);
      break;
    case PROP_N_ALL:
      g_value_set_uint (value, self->n_all);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
training_outstanding_model_class_init (TrainingOutstandingModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = training_outstanding_model_dispose;
  object_class->get_property = training_outstanding_model_get_property;

  /* TRUE from a query set to count until its rows are counted. */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* TRUE while the view is told of rows added or removed a few at a time. */
  properties[PROP_RESIZING] =
    g_param_spec_boolean ("resizing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Everyone outstanding, whatever the search: the items are those it matches. */
  properties[PROP_N_ALL] =
    g_param_spec_uint ("n-all", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
training_outstanding_model_init (TrainingOutstandingModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

TrainingOutstandingModel *
training_outstanding_model_new (IntegrityStore *store)
{
  TrainingOutstandingModel *self;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);

  self = g_object_new (TRAINING_TYPE_OUTSTANDING_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
set_resizing (TrainingOutstandingModel *self,
              guint                     source)
{
  gboolean was_resizing = self->resize_source != 0;

  self->resize_source = source;
  if (was_resizing != (source != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIZING]);
}

/* Tells the view of the next few rows added or removed; FALSE once it knows them all. */
static gboolean
resize_step (TrainingOutstandingModel *self)
{
  guint from = self->n_items;

  if (from < self->n_matching)
    {
      self->n_items = from >= RESIZE_LIMIT ? self->n_matching : MIN (self->n_matching, from + RESIZE_STEP);
      g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->n_items - from);
    }
  else if (from > self->n_matching)
    {
      self->n_items = from > RESIZE_LIMIT ? MAX (self->n_matching, RESIZE_LIMIT)
                                          : MAX (self->n_matching, from - MIN (from, RESIZE_STEP));
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, from - self->n_items, 0);
    }
  return self->n_items != self->n_matching;
}

static gboolean
on_resize_idle (gpointer data)
{
  TrainingOutstandingModel *self = data;

  if (resize_step (self))
    return G_SOURCE_CONTINUE;
  set_resizing (self, 0);
  return G_SOURCE_REMOVE;
}

/* The rows of @query replace the old: the items on screen stay, to be filled
 * again when their page is read afresh; the others go. */
static void
apply_query (TrainingOutstandingModel       *self,
             const TrainingOutstandingQuery *query,
             guint                           n_all,
             guint                           n_matching)
{
  gboolean was_counting = self->counting;
  GHashTableIter iter;
  gpointer key, value;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->query, training_outstanding_query_free);
  self->query = training_outstanding_query_copy (query);
  self->n_all = n_all;
  self->n_matching = n_matching;
  self->counting = FALSE;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;
      guint page = GPOINTER_TO_UINT (key), length = page_length (self, page);
      gboolean shown = FALSE;

      for (guint i = 0; i < MIN (items->len, length) && !shown; i++)
        shown = training_outstanding_item_is_shown (g_ptr_array_index (items, i));
      if (!shown)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (items->len > length)
        g_ptr_array_set_size (items, length);
      for (guint i = 0; i < items->len; i++)
        training_outstanding_item_reset (g_ptr_array_index (items, i));
      while (items->len < length)
        g_ptr_array_add (items, training_outstanding_item_new_pending ());
      request_page (self, page);
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALL]);
  if (was_counting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (resize_step (self))
    {
      set_resizing (self, g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_resize_idle, self, NULL));
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->resize_source),
                                "[training] outstanding rows");
    }
  else
    set_resizing (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct
{
  guint n_all;
  guint n_matching;
} Counts;

static gpointer
count_rows (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Counts counts = { 0, 0 };

  if (!training_outstanding_count (db, data, &counts.n_all, &counts.n_matching, error))
    return NULL;
  return g_memdup2 (&counts, sizeof counts);
}

typedef struct
{
  TrainingOutstandingModel *model;
  TrainingOutstandingQuery *query;
} CountCall;

static void
rows_counted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CountCall *call = user_data;
  g_autoptr(TrainingOutstandingModel) self = call->model;
  g_autoptr(TrainingOutstandingQuery) query = call->query;
  g_autoptr(GError) error = NULL;
  g_autofree Counts *counts = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  g_free (call);
  if (counts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("The officers outstanding could not be counted: %s", error->message);
    }
  apply_query (self, query, counts != NULL ? counts->n_all : 0, counts != NULL ? counts->n_matching : 0);
}

static void
cancel_counting (TrainingOutstandingModel *self)
{
  g_cancellable_cancel (self->counting_cancellable);
  g_clear_object (&self->counting_cancellable);
}

/**
 * training_outstanding_model_set_query:
 *
 * Counts the rows @query matches on a worker, then replaces the model's
 * rows with them; until then the model shows the rows it had. A query set
 * while one is counted cancels it.
 */
void
training_outstanding_model_set_query (TrainingOutstandingModel       *self,
                                      const TrainingOutstandingQuery *query)
{
  CountCall *call;

  g_return_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self));
  g_return_if_fail (query != NULL);

  cancel_counting (self);
  self->counting_cancellable = g_cancellable_new ();
  if (!self->counting)
    {
      self->counting = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
    }
  call = g_new0 (CountCall, 1);
  call->model = g_object_ref (self);
  call->query = training_outstanding_query_copy (query);
  integrity_store_query_async (self->store, count_rows, training_outstanding_query_copy (query),
                               (GDestroyNotify) training_outstanding_query_free, g_free,
                               self->counting_cancellable, rows_counted, call);
}

/**
 * training_outstanding_model_set_counted:
 *
 * As training_outstanding_model_set_query(), for a query whose rows were
 * counted already (with the page's figures, or the same search in another
 * order): the model changes at once.
 */
void
training_outstanding_model_set_counted (TrainingOutstandingModel       *self,
                                        const TrainingOutstandingQuery *query,
                                        guint                           n_all,
                                        guint                           n_matching)
{
  g_return_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self));
  g_return_if_fail (query != NULL);

  cancel_counting (self);
  apply_query (self, query, n_all, n_matching);
}

/* (nullable): before the first query */
const TrainingOutstandingQuery *
training_outstanding_model_get_query (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), NULL);
  return self->query;
}

IntegrityStore *
training_outstanding_model_get_store (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), NULL);
  return self->store;
}

/* The rows the query matches: the items, once the model is not resizing. */
guint
training_outstanding_model_get_n_matching (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), 0);
  return self->n_matching;
}

gboolean
training_outstanding_model_is_resizing (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), FALSE);
  return self->resize_source != 0;
}

guint
training_outstanding_model_get_n_all (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), 0);
  return self->n_all;
}

gboolean
training_outstanding_model_is_counting (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), FALSE);
  return self->counting;
}
