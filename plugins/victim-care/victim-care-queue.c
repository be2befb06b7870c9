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
  IntegrityPagedModel parent_instance;
};

G_DEFINE_FINAL_TYPE (VictimQueueModel, victim_queue_model, INTEGRITY_TYPE_PAGED_MODEL)

static gpointer
copy_query (gconstpointer query)
{
  return victim_queue_query_copy (query);
}

static void
free_query (gpointer query)
{
  victim_queue_query_free (query);
}

static gint64
count_rows (sqlite3       *db,
            gconstpointer  query,
            gint64        *n_all,
            GError       **error)
{
  return victim_queue_count (db, query, error);
}

static GPtrArray *
fetch_rows (sqlite3       *db,
            gconstpointer  query,
            guint          offset,
            guint          limit,
            GError       **error)
{
  return victim_queue_fetch (db, query, offset, limit, error);
}

static gpointer
new_item (IntegrityPagedModel *model)
{
  return g_object_new (VICTIM_TYPE_QUEUE_ITEM, NULL);
}

/* An item shows its old row until the new query's arrives. */
static void
fill_item (IntegrityPagedModel *model,
           gpointer             item,
           gpointer             row)
{
  victim_queue_item_fill (item, row);
}

static void
victim_queue_model_class_init (VictimQueueModelClass *klass)
{
  IntegrityPagedModelClass *paged_class = INTEGRITY_PAGED_MODEL_CLASS (klass);

  paged_class->rows_name = "The work queue";
  paged_class->copy_query = copy_query;
  paged_class->free_query = free_query;
  paged_class->count_rows = count_rows;
  paged_class->fetch_rows = fetch_rows;
  paged_class->new_item = new_item;
  paged_class->fill_item = fill_item;
}

static void
victim_queue_model_init (VictimQueueModel *self)
{
}

VictimQueueModel *
victim_queue_model_new (IntegrityStore *store)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  return g_object_new (VICTIM_TYPE_QUEUE_MODEL,
                       "store", store,
                       "item-type", VICTIM_TYPE_QUEUE_ITEM,
                       "page-size", VICTIM_QUEUE_PAGE_SIZE,
                       "resize-step", INTEGRITY_PAGED_MODEL_VIEW_STEP,
                       "resize-limit", INTEGRITY_PAGED_MODEL_VIEW_LIMIT,
                       NULL);
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

  integrity_paged_model_set_query (INTEGRITY_PAGED_MODEL (self), query);
}

/* The query last set, counted or not. */
const VictimQueueQuery *
victim_queue_model_get_query (VictimQueueModel *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_MODEL (self), NULL);
  return integrity_paged_model_get_latest_query (INTEGRITY_PAGED_MODEL (self));
}

gboolean
victim_queue_model_is_loading (VictimQueueModel *self)
{
  g_return_val_if_fail (VICTIM_IS_QUEUE_MODEL (self), FALSE);
  return integrity_paged_model_is_loading (INTEGRITY_PAGED_MODEL (self));
}
