/* integrity-paged-model.c — a list model that reads its rows a page at a time on a worker. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-paged-model"

#include "config.h"

#include "integrity-paged-model.h"

#include "integrity-in-view-wait.h"

/* The model knows how many rows match; an item asked for in a page not read
 * yet is a placeholder, the page is read on a worker, and the items are
 * filled in place (their properties notify). The column view binds only the
 * rows near what is on screen, so a list of tens of thousands reads a page
 * or two and never waits.
 *
 * A new query is counted first, while the model shows the rows it had; then
 * the items of rows both queries have stay (and so their row widgets), to be
 * filled again when their page is read afresh, and the view is told only of
 * the difference in length.
 *
 * GTK 4.8 makes a row widget, a label per column, for each of the first two
 * hundred or so rows, and unmakes them when they go: a few tens of
 * milliseconds a hundred rows. With "resize-step" set, the view is told of
 * rows added or removed near the top that many at a time, once per main-loop
 * turn, below the redraw priority, so frames are painted between; past
 * "resize-limit" rows, the rest at once.
 *
 * GTK 4.8 makes those row widgets even for a list nobody can see (on the
 * hidden side of a stack, below the fold): with a view set, the view is
 * told of rows only while it is mapped and scrolled into view, and the rest
 * wait until it is again. */

typedef struct
{
  IntegrityStore *store;
  GType           item_type;
  guint           page_size;
  guint           resize_step;           /* 0: the view is told of all at once */
  guint           resize_limit;
  gpointer        query;                 /* the rows shown */
  gpointer        counting_query;        /* the query being counted, if any */
  GCancellable   *cancellable;           /* the shown query's pages */
  GCancellable   *counting_cancellable;  /* the next query's count */
  guint           n_all;
  guint           n_matching;            /* the rows the query matches */
  guint           n_items;               /* the rows the view has been told of, on the way to n_matching */
  guint           resize_source;
  gboolean        resizing;              /* n_items is on the way to n_matching */
  GtkWidget      *view;                  /* weak; NULL: the rows are told unseen */
  IntegrityInViewWait *view_wait;        /* while rows wait for the view to be seen */
  GHashTable     *pages;                 /* page index → GPtrArray of items */
  gboolean        loading;
} IntegrityPagedModelPrivate;

enum { PROP_0, PROP_STORE, PROP_ITEM_TYPE, PROP_PAGE_SIZE, PROP_RESIZE_STEP, PROP_RESIZE_LIMIT,
       PROP_LOADING, PROP_RESIZING, PROP_N_ALL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void integrity_paged_model_list_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (IntegrityPagedModel, integrity_paged_model, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (IntegrityPagedModel)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, integrity_paged_model_list_init))

#define GET_PRIV(self) ((IntegrityPagedModelPrivate *) integrity_paged_model_get_instance_private (self))
#define GET_CLASS(self) INTEGRITY_PAGED_MODEL_GET_CLASS (self)

/* ---- pages ---------------------------------------------------------------- */

typedef struct
{
  IntegrityPagedModelClass *klass;
  gpointer                  query;
  guint                     offset;
  guint                     limit;
} PageRequest;

static void
page_request_free (gpointer data)
{
  PageRequest *request = data;

  request->klass->free_query (request->query);
  g_type_class_unref (request->klass);
  g_free (request);
}

static gpointer
fetch_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PageRequest *request = data;

  return request->klass->fetch_rows (db, request->query, request->offset, request->limit, error);
}

typedef struct
{
  IntegrityPagedModel *model;
  guint                page;
} PageCall;

static void
page_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree PageCall *call = user_data;
  g_autoptr(IntegrityPagedModel) self = call->model;
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  IntegrityPagedModelClass *klass = GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  GPtrArray *items;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s could not be read: %s", klass->rows_name, error->message);
      return;
    }
  if (priv->pages == NULL || (items = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (call->page))) == NULL)
    return;
  /* Rows are handed over: the items own them from now on; the rest go with the array. */
  for (guint i = 0; i < items->len; i++)
    klass->fill_item (self, g_ptr_array_index (items, i),
                      i < rows->len ? g_steal_pointer (&g_ptr_array_index (rows, i)) : NULL);
}

/* Reads @page of the shown query on a worker; page_fetched() fills its items. */
static void
request_page (IntegrityPagedModel *self,
              guint                page)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  IntegrityPagedModelClass *klass = GET_CLASS (self);
  PageRequest *request = g_new0 (PageRequest, 1);
  PageCall *call = g_new0 (PageCall, 1);

  request->klass = g_type_class_ref (G_TYPE_FROM_INSTANCE (self));
  request->query = klass->copy_query (priv->query);
  request->offset = page * priv->page_size;
  request->limit = priv->page_size;
  call->model = g_object_ref (self);
  call->page = page;
  integrity_store_query_async (priv->store, fetch_page, request, page_request_free,
                               (GDestroyNotify) g_ptr_array_unref, priv->cancellable, page_fetched, call);
}

/* A page's items cover its positions the view has been told of or will be. */
static guint
page_length (IntegrityPagedModel *self,
             guint                page)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  guint first = page * priv->page_size;
  guint end = MAX (priv->n_items, priv->n_matching);

  return end > first ? MIN (priv->page_size, end - first) : 0;
}

static GPtrArray *
ensure_page (IntegrityPagedModel *self,
             guint                page)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  GPtrArray *items = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    return items;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = page_length (self, page); i > 0; i--)
    g_ptr_array_add (items, GET_CLASS (self)->new_item (self));
  g_hash_table_insert (priv->pages, GUINT_TO_POINTER (page), items);
  request_page (self, page);
  return items;
}

/* After a new count: the pages read so far keep their items, trimmed or
 * topped up to the new length, and are read again for the new query. */
static void
reuse_pages (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  IntegrityPagedModelClass *klass = GET_CLASS (self);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, priv->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;
      guint page = GPOINTER_TO_UINT (key), length = page_length (self, page);
      gboolean keep = length > 0;

      if (keep && klass->item_is_shown != NULL)
        {
          keep = FALSE;
          for (guint i = 0; i < MIN (items->len, length) && !keep; i++)
            keep = klass->item_is_shown (self, g_ptr_array_index (items, i));
        }
      if (!keep)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (items->len > length)
        g_ptr_array_set_size (items, length);
      for (guint i = 0; klass->reset_item != NULL && i < items->len; i++)
        klass->reset_item (self, g_ptr_array_index (items, i));
      while (items->len < length)
        g_ptr_array_add (items, klass->new_item (self));
      request_page (self, page);
    }
}

/* ---- resizing ------------------------------------------------------------- */

static void
set_resizing (IntegrityPagedModel *self,
              gboolean             resizing)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  if (priv->resizing == resizing)
    return;
  priv->resizing = resizing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIZING]);
}

static gboolean
view_is_seen (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  return priv->view == NULL || integrity_widget_is_seen (priv->view);
}

/* Tells the view of the next rows added or removed; FALSE once it knows them all. */
static gboolean
resize_step (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  guint from = priv->n_items, step = priv->resize_step, limit = priv->resize_limit;

  if (from < priv->n_matching)
    {
      priv->n_items = step == 0 || from >= limit ? priv->n_matching : MIN (priv->n_matching, from + step);
      g_list_model_items_changed (G_LIST_MODEL (self), from, 0, priv->n_items - from);
    }
  else if (from > priv->n_matching)
    {
      if (step == 0)
        priv->n_items = priv->n_matching;
      else
        priv->n_items = from > limit ? MAX (priv->n_matching, limit)
                                     : MAX (priv->n_matching, from - MIN (from, step));
      g_list_model_items_changed (G_LIST_MODEL (self), priv->n_items, from - priv->n_items, 0);
    }
  return priv->n_items != priv->n_matching;
}

static void resize (IntegrityPagedModel *self);

static gboolean
on_resize_idle (gpointer data)
{
  IntegrityPagedModel *self = data;

  if (view_is_seen (self) && resize_step (self))
    return G_SOURCE_CONTINUE;
  GET_PRIV (self)->resize_source = 0;
  resize (self);
  return G_SOURCE_REMOVE;
}

static void
on_view_seen (gpointer data)
{
  IntegrityPagedModel *self = data;

  g_clear_pointer (&GET_PRIV (self)->view_wait, integrity_in_view_wait_free);
  resize (self);
}

/* Tells the view of the next rows added or removed now and the rest a step
 * per turn while it is seen; else all wait until it is. */
static void
resize (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  g_assert (priv->resize_source == 0 && priv->view_wait == NULL);
  if (priv->n_items != priv->n_matching && !view_is_seen (self))
    priv->view_wait = integrity_in_view_wait_new (priv->view, on_view_seen, self);
  else if (resize_step (self))
    {
      priv->resize_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_resize_idle, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, priv->resize_source),
                                "[integrity] paged model rows");
    }
  set_resizing (self, priv->n_items != priv->n_matching);
}

static void
stop_resizing (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  g_clear_handle_id (&priv->resize_source, g_source_remove);
  g_clear_pointer (&priv->view_wait, integrity_in_view_wait_free);
}

/* The rows of @query replace the old. */
static void
apply_query (IntegrityPagedModel *self,
             gconstpointer        query,
             guint                n_all,
             guint                n_matching)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  IntegrityPagedModelClass *klass = GET_CLASS (self);
  gboolean was_loading = priv->loading;
  gpointer copy = klass->copy_query (query);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  g_clear_pointer (&priv->query, klass->free_query);
  priv->query = copy;
  g_clear_pointer (&priv->counting_query, klass->free_query);
  priv->n_all = n_all;
  priv->n_matching = n_matching;
  priv->loading = FALSE;
  reuse_pages (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALL]);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  stop_resizing (self);
  resize (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- counting ------------------------------------------------------------- */

typedef struct
{
  IntegrityPagedModelClass *klass;
  gpointer                  query;
} CountRequest;

static void
count_request_free (gpointer data)
{
  CountRequest *request = data;

  request->klass->free_query (request->query);
  g_type_class_unref (request->klass);
  g_free (request);
}

typedef struct
{
  gint64 n_all;
  gint64 n_matching;
} Counts;

static gpointer
count_rows (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CountRequest *request = data;
  Counts counts = { -1, 0 };

  counts.n_matching = request->klass->count_rows (db, request->query, &counts.n_all, error);
  if (counts.n_matching < 0)
    return NULL;
  if (counts.n_all < 0)
    counts.n_all = counts.n_matching;
  return g_memdup2 (&counts, sizeof counts);
}

typedef struct
{
  IntegrityPagedModel *model;
  gpointer             query;
} CountCall;

static void
rows_counted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CountCall *call = user_data;
  g_autoptr(IntegrityPagedModel) self = call->model;
  IntegrityPagedModelClass *klass = GET_CLASS (self);
  gpointer query = call->query;
  g_autoptr(GError) error = NULL;
  g_autofree Counts *counts = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);

  g_free (call);
  if (counts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      klass->free_query (query);
      return;
    }
  if (counts == NULL)
    g_warning ("%s could not be counted: %s", klass->rows_name, error->message);
  apply_query (self, query, counts != NULL ? (guint) MIN (counts->n_all, (gint64) G_MAXUINT) : 0,
               counts != NULL ? (guint) MIN (counts->n_matching, (gint64) G_MAXUINT) : 0);
  klass->free_query (query);
}

static void
cancel_counting (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  g_cancellable_cancel (priv->counting_cancellable);
  g_clear_object (&priv->counting_cancellable);
  if (priv->counting_query != NULL)
    g_clear_pointer (&priv->counting_query, GET_CLASS (self)->free_query);
}

/* ---- GListModel ----------------------------------------------------------- */

static GType
integrity_paged_model_get_item_type (GListModel *model)
{
  return GET_PRIV (INTEGRITY_PAGED_MODEL (model))->item_type;
}

static guint
integrity_paged_model_get_n_items (GListModel *model)
{
  return GET_PRIV (INTEGRITY_PAGED_MODEL (model))->n_items;
}

static gpointer
integrity_paged_model_get_item (GListModel *model,
                                guint       position)
{
  IntegrityPagedModel *self = INTEGRITY_PAGED_MODEL (model);
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  GPtrArray *items;

  if (position >= priv->n_items)
    return NULL;
  items = ensure_page (self, position / priv->page_size);
  return g_object_ref (g_ptr_array_index (items, position % priv->page_size));
}

static void
integrity_paged_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = integrity_paged_model_get_item_type;
  iface->get_n_items = integrity_paged_model_get_n_items;
  iface->get_item = integrity_paged_model_get_item;
}

/* ---- GObject -------------------------------------------------------------- */

static void
integrity_paged_model_dispose (GObject *object)
{
  IntegrityPagedModel *self = INTEGRITY_PAGED_MODEL (object);
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  cancel_counting (self);
  stop_resizing (self);
  if (priv->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (priv->view), (gpointer *) &priv->view);
  priv->view = NULL;
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->pages, g_hash_table_unref);
  if (priv->query != NULL)
    g_clear_pointer (&priv->query, GET_CLASS (self)->free_query);
  G_OBJECT_CLASS (integrity_paged_model_parent_class)->dispose (object);
}

static void
integrity_paged_model_constructed (GObject *object)
{
  IntegrityPagedModel *self = INTEGRITY_PAGED_MODEL (object);
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);
  IntegrityPagedModelClass *klass = GET_CLASS (self);

  G_OBJECT_CLASS (integrity_paged_model_parent_class)->constructed (object);

  g_assert (INTEGRITY_IS_STORE (priv->store));
  g_assert (g_type_is_a (priv->item_type, G_TYPE_OBJECT));
  g_assert (klass->copy_query != NULL && klass->free_query != NULL);
  g_assert (klass->count_rows != NULL && klass->fetch_rows != NULL);
  g_assert (klass->new_item != NULL && klass->fill_item != NULL);
}

static void
integrity_paged_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (INTEGRITY_PAGED_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, priv->page_size);
      break;
    case PROP_RESIZE_STEP:
      g_value_set_uint (value, priv->resize_step);
      break;
    case PROP_RESIZE_LIMIT:
      g_value_set_uint (value, priv->resize_limit);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_RESIZING:
      g_value_set_boolean (value, priv->resizing);
      break;
    case PROP_N_ALL:
      g_value_set_uint (value, priv->n_all);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_paged_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (INTEGRITY_PAGED_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;
    case PROP_PAGE_SIZE:
      priv->page_size = g_value_get_uint (value);
      break;
    case PROP_RESIZE_STEP:
      priv->resize_step = g_value_get_uint (value);
      break;
    case PROP_RESIZE_LIMIT:
      priv->resize_limit = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
integrity_paged_model_class_init (IntegrityPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = integrity_paged_model_dispose;
  object_class->constructed = integrity_paged_model_constructed;
  object_class->get_property = integrity_paged_model_get_property;
  object_class->set_property = integrity_paged_model_set_property;

  klass->rows_name = "The rows";

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, INTEGRITY_TYPE_STORE, construct);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT, construct);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, G_MAXUINT / 2, 200, construct);
  /* Rows added or removed at a time, 0 for all at once, and the row beyond
   * which the view makes no row widgets: past it, the rest at once. */
  properties[PROP_RESIZE_STEP] =
    g_param_spec_uint ("resize-step", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_RESIZE_LIMIT] =
    g_param_spec_uint ("resize-limit", NULL, NULL, 0, G_MAXUINT, 0, construct);
  /* TRUE from a query set to count until its rows are counted. */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  /* TRUE while the view is yet to be told of rows added or removed: a few
   * a turn, or once it is seen again. */
  properties[PROP_RESIZING] = g_param_spec_boolean ("resizing", NULL, NULL, FALSE, readable);
  /* The rows of the unfiltered query, when the count tells: else the items. */
  properties[PROP_N_ALL] = g_param_spec_uint ("n-all", NULL, NULL, 0, G_MAXUINT, 0, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
integrity_paged_model_init (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv = GET_PRIV (self);

  priv->page_size = 200;
  priv->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* ---- public --------------------------------------------------------------- */

/**
 * integrity_paged_model_set_query:
 *
 * Counts the rows @query matches on a worker, then replaces the model's
 * rows with them; until then the model shows the rows it had. A query set
 * while one is counted cancels it; the new count cancels the old query's
 * pages.
 */
void
integrity_paged_model_set_query (IntegrityPagedModel *self,
                                 gconstpointer        query)
{
  IntegrityPagedModelPrivate *priv;
  IntegrityPagedModelClass *klass;
  CountRequest *request;
  CountCall *call;

  g_return_if_fail (INTEGRITY_IS_PAGED_MODEL (self));
  g_return_if_fail (query != NULL);

  priv = GET_PRIV (self);
  klass = GET_CLASS (self);
  cancel_counting (self);
  priv->counting_cancellable = g_cancellable_new ();
  priv->counting_query = klass->copy_query (query);
  if (!priv->loading)
    {
      priv->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  request = g_new0 (CountRequest, 1);
  request->klass = g_type_class_ref (G_TYPE_FROM_INSTANCE (self));
  request->query = klass->copy_query (query);
  call = g_new0 (CountCall, 1);
  call->model = g_object_ref (self);
  call->query = klass->copy_query (query);
  integrity_store_query_async (priv->store, count_rows, request, count_request_free, g_free,
                               priv->counting_cancellable, rows_counted, call);
}

/**
 * integrity_paged_model_set_counted:
 *
 * As integrity_paged_model_set_query(), for a query whose rows were counted
 * already (the same search in another order, say): the model changes at once.
 */
void
integrity_paged_model_set_counted (IntegrityPagedModel *self,
                                   gconstpointer        query,
                                   guint                n_all,
                                   guint                n_matching)
{
  g_return_if_fail (INTEGRITY_IS_PAGED_MODEL (self));
  g_return_if_fail (query != NULL);

  cancel_counting (self);
  apply_query (self, query, n_all, n_matching);
}

/* (nullable): the query whose rows are shown; NULL before the first is counted */
gconstpointer
integrity_paged_model_get_query (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), NULL);
  return GET_PRIV (self)->query;
}

/* (nullable): the query last set, whether counted yet or not */
gconstpointer
integrity_paged_model_get_latest_query (IntegrityPagedModel *self)
{
  IntegrityPagedModelPrivate *priv;

  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), NULL);
  priv = GET_PRIV (self);
  return priv->counting_query != NULL ? priv->counting_query : priv->query;
}

IntegrityStore *
integrity_paged_model_get_store (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), NULL);
  return GET_PRIV (self)->store;
}

guint
integrity_paged_model_get_page_size (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), 0);
  return GET_PRIV (self)->page_size;
}

guint
integrity_paged_model_get_n_all (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), 0);
  return GET_PRIV (self)->n_all;
}

/* The rows the query matches: the items, once the model is not resizing. */
guint
integrity_paged_model_get_n_matching (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), 0);
  return GET_PRIV (self)->n_matching;
}

gboolean
integrity_paged_model_is_loading (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), FALSE);
  return GET_PRIV (self)->loading;
}

gboolean
integrity_paged_model_is_resizing (IntegrityPagedModel *self)
{
  g_return_val_if_fail (INTEGRITY_IS_PAGED_MODEL (self), FALSE);
  return GET_PRIV (self)->resizing;
}

/**
 * integrity_paged_model_set_view:
 * @view: (nullable): the widget that shows the rows (a list's scrolled
 *   window, say); NULL for none
 *
 * From now on the model tells its view of rows added or removed only while
 * @view is mapped and, in a scrolled window, scrolled into view; the rest
 * wait until it is again. The count is known and "loading" ends all the
 * same. Weak: a view gone is as none.
 */
void
integrity_paged_model_set_view (IntegrityPagedModel *self,
                                GtkWidget           *view)
{
  IntegrityPagedModelPrivate *priv;

  g_return_if_fail (INTEGRITY_IS_PAGED_MODEL (self));
  g_return_if_fail (view == NULL || GTK_IS_WIDGET (view));

  priv = GET_PRIV (self);
  if (priv->view == view)
    return;
  if (priv->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (priv->view), (gpointer *) &priv->view);
  priv->view = view;
  if (view != NULL)
    g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &priv->view);
  stop_resizing (self);
  resize (self);
}
