/* integrity-list-fill.c — long lists filled a few rows per main-loop turn. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-list-fill.h"

#include "integrity-in-view-wait.h"

/* A list view makes and binds a row widget for each row it adds near what
 * is on screen, and unmakes one for each it loses: two thousand rows spliced
 * in one go made the window miss frames for a third of a second, and taking
 * away the two hundred rows a GTK 4.8 column view had made widgets for cost
 * 50 ms of one frame. So the new rows take the place of the old a chunk per
 * turn from the top, below the redraw priority, frames painted in between:
 * the first chunk at once (what a person sees), old rows further down for a
 * few frames at most. Cheaper still, where the items allow it, is to refill
 * the rows already there: their widgets stay and only their text changes
 * (bench-list: 17 against 50-60 ms of CPU a turn of 25 rows of 8 columns). */

#define FILL_KEY "integrity-list-fill"
#define PENDING_KEY "integrity-list-fill-pending"

typedef struct
{
  GListStore          *store;   /* not owned: the job lives in the store's data */
  GPtrArray           *items;
  guint                next;    /* of items, and its position in the store */
  guint                n_old;   /* old rows still after it */
  IntegrityListRefill  refill;  /* NULL: old rows are replaced, not refilled */
  guint                source_id;
} FillJob;

static void
fill_job_free (gpointer data)
{
  FillJob *job = data;

  g_clear_handle_id (&job->source_id, g_source_remove);
  g_ptr_array_unref (job->items);
  g_free (job);
}

/* Puts the next chunk in place of as many old rows; FALSE once every item
 * is in and every old row gone. */
static gboolean
fill_next_chunk (FillJob *job)
{
  guint n_new = MIN (INTEGRITY_LIST_FILL_CHUNK, job->items->len - job->next);
  guint n_old = MIN (INTEGRITY_LIST_FILL_CHUNK, job->n_old);

  if (job->refill != NULL && n_new > 0 && n_old > 0)
    {
      n_new = n_old = MIN (n_new, n_old);
      for (guint i = job->next; i < job->next + n_new; i++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (job->store), i);

          job->refill (row, g_ptr_array_index (job->items, i));
        }
    }
  else
    g_list_store_splice (job->store, job->next, n_old, job->items->pdata + job->next, n_new);
  job->next += n_new;
  job->n_old -= n_old;
  return job->next < job->items->len || job->n_old > 0;
}

static gboolean
on_fill_idle (gpointer data)
{
  FillJob *job = data;

  if (fill_next_chunk (job))
    return G_SOURCE_CONTINUE;
  job->source_id = 0;
  /* Frees the job. */
  g_object_set_data (G_OBJECT (job->store), FILL_KEY, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * integrity_list_store_replace_gradually:
 * @store: the list
 * @items: (transfer none): the new items, of @store's item type
 *
 * Replaces every item of @store with @items: the first
 * %INTEGRITY_LIST_FILL_CHUNK at once, in place of as many old items, the
 * rest a chunk per main-loop turn, old items going as new ones come.
 * A later call supersedes a fill still under way; so does disposing @store.
 */
void
integrity_list_store_replace_gradually (GListStore *store,
                                        GPtrArray  *items)
{
  integrity_list_store_refill_gradually (store, items, NULL);
}

/**
 * integrity_list_store_refill_gradually:
 * @refill: (nullable): gives an item in @store the contents of one of
 *   @items; NULL replaces items as integrity_list_store_replace_gradually()
 *
 * As integrity_list_store_replace_gradually(), but the items already in
 * @store are refilled in place from @items, a chunk per turn, and only the
 * difference in length is added or removed.
 */
void
integrity_list_store_refill_gradually (GListStore          *store,
                                       GPtrArray           *items,
                                       IntegrityListRefill  refill)
{
  FillJob *job;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  g_object_set_data (G_OBJECT (store), PENDING_KEY, NULL);
  g_object_set_data (G_OBJECT (store), FILL_KEY, NULL);
  job = g_new0 (FillJob, 1);
  job->store = store;
  job->refill = refill;
  job->items = g_ptr_array_ref (items);
  job->n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (!fill_next_chunk (job))
    {
      fill_job_free (job);
      return;
    }
  job->source_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_fill_idle, job, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, job->source_id), "[integrity] list fill");
  g_object_set_data_full (G_OBJECT (store), FILL_KEY, job, fill_job_free);
}

/* Rows waiting for their list to come into view ------------------------ */

/* A list below the fold is filled when scrolled to: GTK 4.8 makes, lays out
 * and draws the rows of a list view that nobody can see, and refilling the
 * recording-rate drill-down below the charts was half of a filter change's
 * longest stall. */
typedef struct
{
  GListStore          *store;  /* not owned: the wait lives in its data */
  GPtrArray           *items;
  IntegrityListRefill  refill;
  IntegrityInViewWait *wait;
} PendingFill;

static void
pending_fill_free (gpointer data)
{
  PendingFill *pending = data;

  g_clear_pointer (&pending->wait, integrity_in_view_wait_free);
  g_ptr_array_unref (pending->items);
  g_free (pending);
}

static void
on_pending_seen (gpointer data)
{
  PendingFill *pending = data;
  g_autoptr(GPtrArray) items = g_ptr_array_ref (pending->items);

  /* Frees the wait. */
  integrity_list_store_refill_gradually (pending->store, items, pending->refill);
}

/**
 * integrity_list_store_refill_in_view:
 * @view: the widget that shows @store (a list's scrolled window, say)
 *
 * As integrity_list_store_refill_gradually(), at once if @view is on
 * screen, else once it has been scrolled into view or shown. A later call,
 * or a fill, supersedes one still waiting.
 */
void
integrity_list_store_refill_in_view (GListStore          *store,
                                     GPtrArray           *items,
                                     IntegrityListRefill  refill,
                                     GtkWidget           *view)
{
  PendingFill *pending;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);
  g_return_if_fail (GTK_IS_WIDGET (view));

  if (integrity_widget_is_seen (view))
    {
      integrity_list_store_refill_gradually (store, items, refill);
      return;
    }
  g_object_set_data (G_OBJECT (store), PENDING_KEY, NULL);
  pending = g_new0 (PendingFill, 1);
  pending->store = store;
  pending->items = g_ptr_array_ref (items);
  pending->refill = refill;
  pending->wait = integrity_in_view_wait_new (view, on_pending_seen, pending);
  g_object_set_data_full (G_OBJECT (store), PENDING_KEY, pending, pending_fill_free);
}

/* TRUE while rows from integrity_list_store_replace_gradually() are still to come. */
gboolean
integrity_list_store_is_filling (GListStore *store)
{
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  return g_object_get_data (G_OBJECT (store), FILL_KEY) != NULL;
}
