/* training-outstanding-model.c — who is not through, as a list model that reads its rows on demand. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-outstanding-item.h"
#include "training-outstanding-model.h"

/* An IntegrityPagedModel of TrainingOutstandingItem. A new query keeps only
 * the pages with an item on screen, their items back to pending until their
 * page is read afresh, and the view is told of rows added or removed near
 * the top a few at a time (see integrity-paged-model.c). */

struct _TrainingOutstandingModel
{
  IntegrityPagedModel parent_instance;
};

enum { PROP_0, PROP_COUNTING, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TrainingOutstandingModel, training_outstanding_model, INTEGRITY_TYPE_PAGED_MODEL)

static gpointer
copy_query (gconstpointer query)
{
  return training_outstanding_query_copy (query);
}

static void
free_query (gpointer query)
{
  training_outstanding_query_free (query);
}

static gint64
count_rows (sqlite3       *db,
            gconstpointer  query,
            gint64        *n_all,
            GError       **error)
{
  guint all = 0, matching = 0;

  if (!training_outstanding_count (db, query, &all, &matching, error))
    return -1;
  *n_all = all;
  return matching;
}

static GPtrArray *
fetch_rows (sqlite3       *db,
            gconstpointer  query,
            guint          offset,
            guint          limit,
            GError       **error)
{
  return training_outstanding_fetch (db, query, offset, limit, error);
}

static gpointer
new_item (IntegrityPagedModel *model)
{
  return training_outstanding_item_new_pending ();
}

/* A row the query no longer has leaves its item pending. */
static void
fill_item (IntegrityPagedModel *model,
           gpointer             item,
           gpointer             row)
{
  const TrainingOutstandingQuery *query = integrity_paged_model_get_query (model);

  if (row == NULL)
    return;
  training_outstanding_item_fill (item, row, query->as_at);
  training_outstanding_free (row);
}

static void
reset_item (IntegrityPagedModel *model,
            gpointer             item)
{
  training_outstanding_item_reset (item);
}

static gboolean
item_is_shown (IntegrityPagedModel *model,
               gpointer             item)
{
  return training_outstanding_item_is_shown (item);
}

static void
training_outstanding_model_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, integrity_paged_model_is_loading (INTEGRITY_PAGED_MODEL (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
training_outstanding_model_class_init (TrainingOutstandingModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IntegrityPagedModelClass *paged_class = INTEGRITY_PAGED_MODEL_CLASS (klass);

  object_class->get_property = training_outstanding_model_get_property;

  paged_class->rows_name = "The officers outstanding";
  paged_class->copy_query = copy_query;
  paged_class->free_query = free_query;
  paged_class->count_rows = count_rows;
  paged_class->fetch_rows = fetch_rows;
  paged_class->new_item = new_item;
  paged_class->fill_item = fill_item;
  paged_class->reset_item = reset_item;
  paged_class->item_is_shown = item_is_shown;

  /* TRUE from a query set to count until its rows are counted: "loading". */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_loading_changed (TrainingOutstandingModel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static void
training_outstanding_model_init (TrainingOutstandingModel *self)
{
  g_signal_connect (self, "notify::loading", G_CALLBACK (on_loading_changed), NULL);
}

TrainingOutstandingModel *
training_outstanding_model_new (IntegrityStore *store)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);

  return g_object_new (TRAINING_TYPE_OUTSTANDING_MODEL,
                       "store", store,
                       "item-type", TRAINING_TYPE_OUTSTANDING_ITEM,
                       "page-size", TRAINING_OUTSTANDING_PAGE_SIZE,
                       "resize-step", INTEGRITY_PAGED_MODEL_VIEW_STEP,
                       "resize-limit", INTEGRITY_PAGED_MODEL_VIEW_LIMIT,
                       NULL);
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
  g_return_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self));
  g_return_if_fail (query != NULL);

  integrity_paged_model_set_query (INTEGRITY_PAGED_MODEL (self), query);
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

  integrity_paged_model_set_counted (INTEGRITY_PAGED_MODEL (self), query, n_all, n_matching);
}

/* (nullable): before the first query */
const TrainingOutstandingQuery *
training_outstanding_model_get_query (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), NULL);
  return integrity_paged_model_get_query (INTEGRITY_PAGED_MODEL (self));
}

IntegrityStore *
training_outstanding_model_get_store (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), NULL);
  return integrity_paged_model_get_store (INTEGRITY_PAGED_MODEL (self));
}

/* The rows the query matches: the items, once the model is not resizing. */
guint
training_outstanding_model_get_n_matching (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), 0);
  return integrity_paged_model_get_n_matching (INTEGRITY_PAGED_MODEL (self));
}

/* Everyone outstanding, whatever the search: the items are those it matches. */
guint
training_outstanding_model_get_n_all (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), 0);
  return integrity_paged_model_get_n_all (INTEGRITY_PAGED_MODEL (self));
}

gboolean
training_outstanding_model_is_counting (TrainingOutstandingModel *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_MODEL (self), FALSE);
  return integrity_paged_model_is_loading (INTEGRITY_PAGED_MODEL (self));
}
