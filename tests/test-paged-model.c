/* test-paged-model.c — IntegrityPagedModel against a small table. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-test-util.h"

/* ---- a model of the numbers in [min, max) of a table of 0..N_ROWS-1 ------- */

#define N_ROWS    45
#define PAGE_SIZE 10

typedef struct
{
  int min;
  int max;
} NumberQuery;

#define TEST_TYPE_NUMBER_ITEM (test_number_item_get_type ())
G_DECLARE_FINAL_TYPE (TestNumberItem, test_number_item, TEST, NUMBER_ITEM, GObject)

struct _TestNumberItem
{
  GObject  parent_instance;
  int     *value;   /* NULL: a placeholder */
  guint    fills;
};

G_DEFINE_FINAL_TYPE (TestNumberItem, test_number_item, G_TYPE_OBJECT)

static void
test_number_item_finalize (GObject *object)
{
  g_clear_pointer (&TEST_NUMBER_ITEM (object)->value, g_free);
  G_OBJECT_CLASS (test_number_item_parent_class)->finalize (object);
}

static void
test_number_item_class_init (TestNumberItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_number_item_finalize;
}

static void
test_number_item_init (TestNumberItem *self)
{
}

#define TEST_TYPE_NUMBER_MODEL (test_number_model_get_type ())
G_DECLARE_FINAL_TYPE (TestNumberModel, test_number_model, TEST, NUMBER_MODEL, IntegrityPagedModel)

struct _TestNumberModel
{
  IntegrityPagedModel parent_instance;
};

G_DEFINE_FINAL_TYPE (TestNumberModel, test_number_model, INTEGRITY_TYPE_PAGED_MODEL)

static gpointer
copy_query (gconstpointer query)
{
  return g_memdup2 (query, sizeof (NumberQuery));
}

static void
free_query (gpointer query)
{
  g_free (query);
}

static gint64
count_rows (sqlite3       *db,
            gconstpointer  data,
            gint64        *n_all,
            GError       **error)
{
  const NumberQuery *query = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM numbers WHERE n >= ?1 AND n < ?2", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, sqlite3_errmsg (db));
      return -1;
    }
  sqlite3_bind_int (stmt, 1, query->min);
  sqlite3_bind_int (stmt, 2, query->max);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  *n_all = N_ROWS;
  return n;
}

static GPtrArray *
fetch_rows (sqlite3       *db,
            gconstpointer  data,
            guint          offset,
            guint          limit,
            GError       **error)
{
  const NumberQuery *query = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT n FROM numbers WHERE n >= ?1 AND n < ?2 ORDER BY n LIMIT ?3 OFFSET ?4",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, query->min);
  sqlite3_bind_int (stmt, 2, query->max);
  sqlite3_bind_int (stmt, 3, (int) limit);
  sqlite3_bind_int (stmt, 4, (int) offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (stmt, 0);

      g_ptr_array_add (rows, g_memdup2 (&n, sizeof n));
    }
  return g_steal_pointer (&rows);
}

static gpointer
new_item (IntegrityPagedModel *model)
{
  return g_object_new (TEST_TYPE_NUMBER_ITEM, NULL);
}

static void
fill_item (IntegrityPagedModel *model,
           gpointer             item,
           gpointer             row)
{
  TestNumberItem *self = item;

  g_clear_pointer (&self->value, g_free);
  self->value = row;
  self->fills++;
}

static void
test_number_model_class_init (TestNumberModelClass *klass)
{
  IntegrityPagedModelClass *paged_class = INTEGRITY_PAGED_MODEL_CLASS (klass);

  paged_class->rows_name = "The numbers";
  paged_class->copy_query = copy_query;
  paged_class->free_query = free_query;
  paged_class->count_rows = count_rows;
  paged_class->fetch_rows = fetch_rows;
  paged_class->new_item = new_item;
  paged_class->fill_item = fill_item;
}

static void
test_number_model_init (TestNumberModel *self)
{
}

/* ---- fixture -------------------------------------------------------------- */

typedef struct
{
  char            *dir;
  IntegrityStore  *store;
  IntegrityPagedModel *model;
  GArray          *changes;   /* of Change */
} Fixture;

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) sql = g_string_new ("CREATE TABLE numbers (n INTEGER PRIMARY KEY);");

  f->dir = itest_make_temp_dir ();
  path = g_build_filename (f->dir, "integrity.db", NULL);
  f->store = integrity_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < N_ROWS; i++)
    g_string_append_printf (sql, "INSERT INTO numbers VALUES (%d);", i);
  g_assert_true (integrity_store_exec (f->store, sql->str, &error));
  g_assert_no_error (error);
  f->model = g_object_new (TEST_TYPE_NUMBER_MODEL,
                           "store", f->store,
                           "item-type", TEST_TYPE_NUMBER_ITEM,
                           "page-size", PAGE_SIZE,
                           "resize-step", GPOINTER_TO_UINT (data),
                           "resize-limit", 30,
                           NULL);
  f->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->model);
  itest_spin (50);   /* the workers' last callbacks */
  g_clear_object (&f->store);
  g_clear_pointer (&f->changes, g_array_unref);
  itest_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static gboolean
counted (gpointer data)
{
  IntegrityPagedModel *model = data;

  return !integrity_paged_model_is_loading (model) && !integrity_paged_model_is_resizing (model);
}

static gboolean
item_loaded (gpointer data)
{
  return TEST_NUMBER_ITEM (data)->value != NULL;
}

static void
set_query_and_wait (Fixture *f,
                    int      min,
                    int      max)
{
  NumberQuery query = { min, max };

  integrity_paged_model_set_query (f->model, &query);
  g_assert_true (integrity_paged_model_is_loading (f->model));
  g_assert_true (itest_wait_until (counted, f->model, 5000));
}

static TestNumberItem *
get_loaded_item (Fixture *f,
                 guint    position)
{
  TestNumberItem *item = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_nonnull (item);
  g_assert_true (itest_wait_until (item_loaded, item, 5000));
  return item;
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  Change *change;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->model)) == TEST_TYPE_NUMBER_ITEM);
  g_assert_null (integrity_paged_model_get_query (f->model));

  set_query_and_wait (f, 0, 33);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 33);
  g_assert_cmpuint (integrity_paged_model_get_n_matching (f->model), ==, 33);
  g_assert_cmpuint (integrity_paged_model_get_n_all (f->model), ==, N_ROWS);
  g_assert_cmpint (((const NumberQuery *) integrity_paged_model_get_query (f->model))->max, ==, 33);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 0);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 33);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 33));
}

static void
test_page_on_demand (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TestNumberItem) item = NULL;
  g_autoptr(TestNumberItem) again = NULL;
  g_autoptr(TestNumberItem) last = NULL;

  set_query_and_wait (f, 5, 40);
  item = g_list_model_get_item (G_LIST_MODEL (f->model), 12);
  g_assert_null (item->value);   /* a placeholder until its page is read */
  g_assert_true (itest_wait_until (item_loaded, item, 5000));
  g_assert_cmpint (*item->value, ==, 17);
  again = g_list_model_get_item (G_LIST_MODEL (f->model), 12);
  g_assert_true (again == item);
  last = get_loaded_item (f, 34);   /* a short last page */
  g_assert_cmpint (*last->value, ==, 39);
}

static void
test_new_query_keeps_items (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TestNumberItem) item = NULL;
  g_autoptr(TestNumberItem) same = NULL;
  Change *change;
  NumberQuery query = { 10, 25 };

  set_query_and_wait (f, 0, 30);
  item = get_loaded_item (f, 3);
  g_array_set_size (f->changes, 0);

  /* Until the count, the old rows stay. */
  integrity_paged_model_set_query (f->model, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 30);
  g_assert_cmpint (((const NumberQuery *) integrity_paged_model_get_latest_query (f->model))->min, ==, 10);
  g_assert_true (itest_wait_until (counted, f->model, 5000));

  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 15);
  g_assert_cmpuint (change->removed, ==, 15);
  g_assert_cmpuint (change->added, ==, 0);

  /* The item is the same, filled again in place. */
  same = g_list_model_get_item (G_LIST_MODEL (f->model), 3);
  g_assert_true (same == item);
  g_assert_true (itest_wait_until (item_loaded, item, 5000));
  while (*item->value != 13)
    g_assert_true (g_main_context_iteration (NULL, TRUE));
  g_assert_cmpuint (item->fills, ==, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  NumberQuery first = { 0, 40 }, second = { 0, 7 };
  Change *change;

  integrity_paged_model_set_query (f->model, &first);
  integrity_paged_model_set_query (f->model, &second);
  g_assert_true (itest_wait_until (counted, f->model, 5000));
  itest_spin (100);

  /* Only the last query's count is applied. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 7);
  g_assert_cmpint (((const NumberQuery *) integrity_paged_model_get_query (f->model))->max, ==, 7);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->added, ==, 7);

  /* A model gone with work in flight: the work is cancelled, nothing leaks. */
  integrity_paged_model_set_query (f->model, &first);
  g_clear_object (&f->model);
}

static void
test_resize_step (Fixture       *f,
                  gconstpointer  data)
{
  set_query_and_wait (f, 0, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_ROWS);
  /* 0 → 10 → 20 → 30 (the limit) → 45. */
  g_assert_cmpuint (f->changes->len, ==, 4);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, 10);
  g_assert_cmpuint (g_array_index (f->changes, Change, 3).position, ==, 30);
  g_assert_cmpuint (g_array_index (f->changes, Change, 3).added, ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/paged-model/count", Fixture, NULL, fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/paged-model/page-on-demand", Fixture, NULL, fixture_set_up, test_page_on_demand, fixture_tear_down);
  g_test_add ("/paged-model/new-query-keeps-items", Fixture, NULL, fixture_set_up, test_new_query_keeps_items,
              fixture_tear_down);
  g_test_add ("/paged-model/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/paged-model/resize-step", Fixture, GUINT_TO_POINTER (10), fixture_set_up, test_resize_step,
              fixture_tear_down);
  return g_test_run ();
}
