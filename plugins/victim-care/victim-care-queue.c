/* victim-care-queue.c — the work queue as a list model that fetches pages on demand. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "victim-care-queue.h"

/* The model knows only how many rows match. An item asked for in a page
 * not yet read is a placeholder; the page is read on a worker and the
 * placeholders are filled in place (their properties notify), so the
 * column view binds only the rows on screen and never waits. */

struct _VictimQueueItem
{
  GObject         parent_instance;
  VictimQueueRow *row;
};

enum { ITEM_PROP_0, ITEM_PROP_LOADED, ITEM_PROP_CASE_REF, ITEM_PROP_DISTRICT, ITEM_PROP_DUE,
       ITEM_PROP_DEADLINE, ITEM_PROP_OVERDUE, N_ITEM_PROPS };
static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (VictimQueueItem, victim_queue_item, G_TYPE_OBJECT)

static void
victim_queue_item_finalize (GObject *object)
{
  VictimQueueItem *self = VICTIM_QUEUE_ITEM (object);

  g_clear_pointer (&self->row, victim_queue_row_free);
  G_OBJECT_CLASS (victim_queue_item_parent_class)->finalize (object);
}

static char *
format_deadline (const VictimQueueRow *row)
{
  char text[64];

  g_date_strftime (text, sizeof text, "%a %-d %b %Y", &row->deadline);
  return g_strdup (text);
}

static char *
format_overdue (const VictimQueueRow *row)
{
  if (row->days_overdue == 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf ("%d", row->days_overdue);
}

static void
victim_queue_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VictimQueueItem *self = VICTIM_QUEUE_ITEM (object);
  const VictimQueueRow *row = self->row;

  if (prop_id == ITEM_PROP_LOADED)
    {
      g_value_set_boolean (value, row != NULL);
      return;
    }
  if (row == NULL)
    {
      g_value_set_string (value, prop_id == ITEM_PROP_CASE_REF ? "…" : "");
      return;
    }
  switch (prop_id)
    {
    case ITEM_PROP_CASE_REF:
      g_value_set_string (value, row->case_ref);
      break;
    case ITEM_PROP_DISTRICT:
      g_value_set_string (value, row->district);
      break;
    case ITEM_PROP_DUE:
      g_value_take_string (value, victim_queue_row_describe_due (row));
      break;
    case ITEM_PROP_DEADLINE:
      g_value_take_string (value, format_deadline (row));
      break;
    case ITEM_PROP_OVERDUE:
      g_value_take_string (value, format_overdue (row));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
victim_queue_item_class_init (VictimQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, NULL, "case-ref", "district", "due", "deadline", "overdue" };

  object_class->finalize = victim_queue_item_finalize;
  object_class->get_property = victim_queue_item_get_property;

  item_properties[ITEM_PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = ITEM_PROP_CASE_REF; i < N_ITEM_PROPS; i++)
    item_properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
victim_queue_item_init (VictimQueueItem *self)
{
}

static void
victim_queue_item_fill (VictimQueueItem *self,
                        VictimQueueRow  *row)
{
  g_clear_pointer (&self->row, victim_queue_row_free);
  self->row = row;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = ITEM_PROP_LOADED; i < N_ITEM_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
victim_queue_item_is_loaded (VictimQueueItem *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_ITEM (self), FALSE);
  return self->row != NULL;
}

const char *
victim_queue_item_get_case_ref (VictimQueueItem *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_ITEM (self), NULL);
  return self->row != NULL ? self->row->case_ref : NULL;
}

const VictimQueueRow *
victim_queue_item_get_row (VictimQueueItem *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_ITEM (self), NULL);
  return self->row;
}

/* ---- the model ------------------------------------------------------------ */

struct _VictimQueueModel
{
  GObject           parent_instance;
  IntegrityStore   *store;
  VictimQueueQuery *query;
  GCancellable     *cancellable;  /* the current query's count and pages */
  guint             n_items;
  GHashTable       *pages;        /* page index → GPtrArray of VictimQueueItem */
  gboolean          loading;
};

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void victim_queue_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VictimQueueModel, victim_queue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, victim_queue_model_list_init))

typedef struct
{
  VictimQueueQuery *query;
  guint             page;
} PageRequest;

static void
page_request_free (gpointer data)
{
  PageRequest *request = data;

  victim_queue_query_free (request->query);
  g_free (request);
}

static gpointer
fetch_page (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PageRequest *request = data;

  return victim_queue_fetch (db, request->query, request->page * VICTIM_QUEUE_PAGE_SIZE,
                             VICTIM_QUEUE_PAGE_SIZE, error);
}

typedef struct
{
  VictimQueueModel *model;
  guint             page;
} PageCall;

static void
page_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree PageCall *call = user_data;
  g_autoptr(VictimQueueModel) self = call->model;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  GPtrArray *items;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The work queue could not be read: %s", error->message);
      return;
    }
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (call->page));
  if (items == NULL)
    return;
  /* Rows are handed over: the placeholders own them from now on. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < items->len; i++)
    victim_queue_item_fill (g_ptr_array_index (items, i), i < rows->len ? g_ptr_array_index (rows, i) : NULL);
  for (guint i = items->len; i < rows->len; i++)
    victim_queue_row_free (g_ptr_array_index (rows, i));
}

/* Reads @page of the current query on a worker; page_fetched() fills its items. */
static void
request_page (VictimQueueModel *self,
              guint             page)
{
  PageRequest *request = g_new0 (PageRequest, 1);
  PageCall *call = g_new0 (PageCall, 1);

  request->query = victim_queue_query_copy (self->query);
  request->page = page;
  call->model = g_object_ref (self);
  call->page = page;
  integrity_store_query_async (self->store, fetch_page, request, page_request_free,
                               (GDestroyNotify) g_ptr_array_unref, self->cancellable, page_fetched, call);
}

/* One item per row of @page that the list has now. */
static void
fit_page (VictimQueueModel *self,
          guint             page,
          GPtrArray        *items)
{
  guint first = page * VICTIM_QUEUE_PAGE_SIZE;
  guint wanted = MIN (self->n_items - first, VICTIM_QUEUE_PAGE_SIZE);

  if (items->len > wanted)
    g_ptr_array_set_size (items, wanted);
  while (items->len < wanted)
    g_ptr_array_add (items, g_object_new (VICTIM_TYPE_QUEUE_ITEM, NULL));
}

static GPtrArray *
ensure_page (VictimQueueModel *self,
             guint             page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    return items;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  fit_page (self, page, items);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  request_page (self, page);
  return items;
}

/* After a new count: the pages read so far keep their items, trimmed or
 * topped up to the new length, and are read again for the new query; an
 * item shows its old row until the new one arrives. */
static void
reuse_pages (VictimQueueModel *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (page * VICTIM_QUEUE_PAGE_SIZE >= self->n_items)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      fit_page (self, page, value);
      request_page (self, page);
    }
}

static GType
victim_queue_model_get_item_type (GListModel *model)
{
  return VICTIM_TYPE_QUEUE_ITEM;
}

static guint
victim_queue_model_get_n_items (GListModel *model)
{
  return VICTIM_QUEUE_MODEL (model)->n_items;
}

static gpointer
victim_queue_model_get_item (GListModel *model,
                             guint       position)
{
  VictimQueueModel *self = VICTIM_QUEUE_MODEL (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = ensure_page (self, position / VICTIM_QUEUE_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (items, position % VICTIM_QUEUE_PAGE_SIZE));
}

static void
victim_queue_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = victim_queue_model_get_item_type;
  iface->get_n_items = victim_queue_model_get_n_items;
  iface->get_item = victim_queue_model_get_item;
}

static void
victim_queue_model_dispose (GObject *object)
{
  VictimQueueModel *self = VICTIM_QUEUE_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->query, victim_queue_query_free);
  G_OBJECT_CLASS (victim_queue_model_parent_class)->dispose (object);
}

static void
victim_queue_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VictimQueueModel *self = VICTIM_QUEUE_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
victim_queue_model_class_init (VictimQueueModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = victim_queue_model_dispose;
  object_class->get_property = victim_queue_model_get_property;

  /* TRUE from a new query until its row count is known. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
victim_queue_model_init (VictimQueueModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

VictimQueueModel *
victim_queue_model_new (IntegrityStore *store)
{
  VictimQueueModel *self = g_object_new (VICTIM_TYPE_QUEUE_MODEL, NULL);

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  return self;
}

static gpointer
count_rows (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 n = victim_queue_count (db, data, error);

  return n < 0 ? NULL : g_memdup2 (&n, sizeof n);
}

static void
rows_counted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VictimQueueModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *n = integrity_store_query_finish (INTEGRITY_STORE (source), result, &error);
  guint removed = self->n_items;

  if (n == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("The work queue could not be counted: %s", error->message);
    }
  self->n_items = n != NULL ? (guint) MIN (*n, (gint64) G_MAXUINT) : 0;
  self->loading = FALSE;
  reuse_pages (self);
  /* Rows both queries have keep their items (and so their widgets): only
   * the difference in length is a change of the list. */
  if (removed != self->n_items)
    {
      guint kept = MIN (removed, self->n_items);
      g_list_model_items_changed (G_LIST_MODEL (self), kept, removed - kept, self->n_items - kept);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * victim_queue_model_set_query:
 *
 * Counts the rows matching @query on a worker, then replaces the model's
 * rows; a query set while one is in flight cancels it.
 */
void
victim_queue_model_set_query (VictimQueueModel       *self,
                              const VictimQueueQuery *query)
{
  g_return_if_fail (VICTIM_IS_QUEUE_MODEL (self));
  g_return_if_fail (query != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->query, victim_queue_query_free);
  self->query = victim_queue_query_copy (query);
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  integrity_store_query_async (self->store, count_rows, victim_queue_query_copy (query),
                               (GDestroyNotify) victim_queue_query_free, g_free, self->cancellable,
                               rows_counted, g_object_ref (self));
}

const VictimQueueQuery *
victim_queue_model_get_query (VictimQueueModel *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_MODEL (self), NULL);
  return self->query;
}

gboolean
victim_queue_model_is_loading (VictimQueueModel *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_MODEL (self), FALSE);
  return self->loading;
}
