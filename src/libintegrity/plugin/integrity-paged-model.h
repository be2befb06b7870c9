/* integrity-paged-model.h — a list model that reads its rows a page at a time on a worker. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <sqlite3.h>

#include "core/integrity-store.h"

G_BEGIN_DECLS

#define INTEGRITY_TYPE_PAGED_MODEL (integrity_paged_model_get_type ())

/* What suits a GTK 4.8 list or column view for "resize-step" and
 * "resize-limit": rows added or removed a turn, and the row beyond which
 * the view makes no row widgets (with the list at the top, about 200). */
#define INTEGRITY_PAGED_MODEL_VIEW_STEP  25
#define INTEGRITY_PAGED_MODEL_VIEW_LIMIT 300
G_DECLARE_DERIVABLE_TYPE (IntegrityPagedModel, integrity_paged_model, INTEGRITY, PAGED_MODEL, GObject)

/**
 * IntegrityPagedModelClass:
 * @rows_name: what the rows are, for warnings ("The work queue")
 * @copy_query: copies a query, a plain value handed to workers
 * @free_query: frees one
 * @count_rows: (worker) the rows @query matches, or -1 with @error set;
 *   may set @n_all (preset to -1: the same) to the rows of the unfiltered query
 * @fetch_rows: (worker) @limit rows of @query from @offset, or %NULL with
 *   @error set; the array's free function must accept %NULL
 * @new_item: a placeholder item, of the model's item type
 * @fill_item: fills @item with @row (transfer full), or @row %NULL when the
 *   query has no row there
 * @reset_item: (optional) back to a placeholder, when a new query is applied
 * @item_is_shown: (optional) when set, a page none of whose items is shown
 *   is dropped by a new query rather than kept and read again
 */
struct _IntegrityPagedModelClass
{
  GObjectClass parent_class;

  const char  *rows_name;
  gpointer   (*copy_query)    (gconstpointer         query);
  void       (*free_query)    (gpointer              query);
  gint64     (*count_rows)    (sqlite3              *db,
                               gconstpointer         query,
                               gint64               *n_all,
                               GError              **error);
  GPtrArray *(*fetch_rows)    (sqlite3              *db,
                               gconstpointer         query,
                               guint                 offset,
                               guint                 limit,
                               GError              **error);
  gpointer   (*new_item)      (IntegrityPagedModel  *self);
  void       (*fill_item)     (IntegrityPagedModel  *self,
                               gpointer              item,
                               gpointer              row);
  void       (*reset_item)    (IntegrityPagedModel  *self,
                               gpointer              item);
  gboolean   (*item_is_shown) (IntegrityPagedModel  *self,
                               gpointer              item);

  gpointer padding[8];
};

void            integrity_paged_model_set_query        (IntegrityPagedModel *self,
                                                        gconstpointer        query);
void            integrity_paged_model_set_counted      (IntegrityPagedModel *self,
                                                        gconstpointer        query,
                                                        guint                n_all,
                                                        guint                n_matching);
gconstpointer   integrity_paged_model_get_query        (IntegrityPagedModel *self);
gconstpointer   integrity_paged_model_get_latest_query (IntegrityPagedModel *self);
IntegrityStore *integrity_paged_model_get_store        (IntegrityPagedModel *self);
guint           integrity_paged_model_get_page_size    (IntegrityPagedModel *self);
guint           integrity_paged_model_get_n_all        (IntegrityPagedModel *self);
guint           integrity_paged_model_get_n_matching   (IntegrityPagedModel *self);
gboolean        integrity_paged_model_is_loading       (IntegrityPagedModel *self);
gboolean        integrity_paged_model_is_resizing      (IntegrityPagedModel *self);
void            integrity_paged_model_set_view         (IntegrityPagedModel *self,
                                                        GtkWidget           *view);

G_END_DECLS
