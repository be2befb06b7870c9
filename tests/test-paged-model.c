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
  GtkWidget       *window;    /* for the tests with a view */
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
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
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

/* All N_ROWS told, a step of 10 at a time: 0 → 10 → 20 → 30 (the limit) → 45. */
static void
assert_stepped_to_all (Fixture *f)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_ROWS);
  g_assert_cmpuint (f->changes->len, ==, 4);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, 10);
  g_assert_cmpuint (g_array_index (f->changes, Change, 3).position, ==, 30);
  g_assert_cmpuint (g_array_index (f->changes, Change, 3).added, ==, 15);
}

static void
test_resize_step (Fixture       *f,
                  gconstpointer  data)
{
  set_query_and_wait (f, 0, N_ROWS);
  assert_stepped_to_all (f);
}

/* ---- with a view ---------------------------------------------------------- */

static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *item)
{
  gtk_list_item_set_child (item, gtk_label_new ("row"));
}

/* A list of the model's rows in a scrolled window, which the model is told
 * is its view. */
static GtkWidget *
add_list (Fixture *f)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (f->model)));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  integrity_paged_model_set_view (f->model, scroller);
  return scroller;
}

static void
show_window (Fixture   *f,
             GtkWidget *child)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (f->window), child);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (itest_wait_until ((ItestCondition) gtk_widget_get_mapped, f->window, 5000));
  itest_spin (50);
}

static gboolean
count_known (gpointer data)
{
  return !integrity_paged_model_is_loading (data);
}

/* The count is known, "loading" ends, and the view has been told of no row. */
static void
query_unseen (Fixture *f,
              int      max)
{
  NumberQuery query = { 0, max };

  integrity_paged_model_set_query (f->model, &query);
  g_assert_true (itest_wait_until (count_known, f->model, 5000));
  itest_spin (50);
  g_assert_cmpuint (integrity_paged_model_get_n_matching (f->model), ==, (guint) max);
  g_assert_true (integrity_paged_model_is_resizing (f->model));
}

/* A window showing the "front" side of a stack, the list on its "rows" side. */
static GtkStack *
show_stack (Fixture *f)
{
  GtkWidget *stack = gtk_stack_new ();

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Briefing"), "front");
  gtk_stack_add_named (GTK_STACK (stack), add_list (f), "rows");
  show_window (f, stack);
  return GTK_STACK (stack);
}

/* A list on the hidden side of a stack gets no rows, so no row widgets,
 * until it is shown; then a step a turn as ever. */
static void
test_waits_while_hidden (Fixture       *f,
                         gconstpointer  data)
{
  GtkStack *stack = show_stack (f);

  query_unseen (f, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_cmpuint (f->changes->len, ==, 0);

  gtk_stack_set_visible_child_name (stack, "rows");
  g_assert_true (itest_wait_until (counted, f->model, 5000));
  assert_stepped_to_all (f);

  /* Hidden again, a shorter list: the rows the view has stay until it is shown. */
  gtk_stack_set_visible_child_name (stack, "front");
  query_unseen (f, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_ROWS);
  gtk_stack_set_visible_child_name (stack, "rows");
  g_assert_true (itest_wait_until (counted, f->model, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 7);
}

static void
hide_on_first_rows (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GtkStack   *stack)
{
  gtk_stack_set_visible_child_name (stack, "front");
}

/* Hidden mid-way, the view is told of no more rows until shown again. */
static void
test_stops_when_hidden (Fixture       *f,
                        gconstpointer  data)
{
  GtkStack *stack = show_stack (f);
  NumberQuery query = { 0, N_ROWS };
  gulong handler;

  gtk_stack_set_visible_child_name (stack, "rows");

  handler = g_signal_connect (f->model, "items-changed", G_CALLBACK (hide_on_first_rows), stack);
  integrity_paged_model_set_query (f->model, &query);
  g_assert_true (itest_wait_until (count_known, f->model, 5000));
  g_signal_handler_disconnect (f->model, handler);
  itest_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 10);
  g_assert_true (integrity_paged_model_is_resizing (f->model));

  gtk_stack_set_visible_child_name (stack, "rows");
  g_assert_true (itest_wait_until (counted, f->model, 5000));
  assert_stepped_to_all (f);
}

/* A list below the fold of a scrolled page gets its rows once scrolled to. */
static void
test_waits_below_the_fold (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *page = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *above = gtk_label_new ("Charts");
  GtkAdjustment *adjustment;

  gtk_widget_set_size_request (above, -1, 2000);
  gtk_box_append (GTK_BOX (box), above);
  gtk_box_append (GTK_BOX (box), add_list (f));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), box);
  show_window (f, page);

  query_unseen (f, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (itest_wait_until (counted, f->model, 5000));
  assert_stepped_to_all (f);
}

/* The view goes while rows wait for it, then the model: nothing is left
 * connected (the sanitizer build checks). */
static void
test_view_gone (Fixture       *f,
                gconstpointer  data)
{
  show_stack (f);
  query_unseen (f, N_ROWS);

  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  itest_spin (50);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_clear_object (&f->model);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/paged-model/count", Fixture, NULL, fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/paged-model/page-on-demand", Fixture, NULL, fixture_set_up, test_page_on_demand, fixture_tear_down);
  g_test_add ("/paged-model/new-query-keeps-items", Fixture, NULL, fixture_set_up, test_new_query_keeps_items,
              fixture_tear_down);
  g_test_add ("/paged-model/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/paged-model/resize-step", Fixture, GUINT_TO_POINTER (10), fixture_set_up, test_resize_step,
              fixture_tear_down);
  g_test_add ("/paged-model/waits-while-hidden", Fixture, GUINT_TO_POINTER (10), fixture_set_up,
              test_waits_while_hidden, fixture_tear_down);
  g_test_add ("/paged-model/stops-when-hidden", Fixture, GUINT_TO_POINTER (10), fixture_set_up,
              test_stops_when_hidden, fixture_tear_down);
  g_test_add ("/paged-model/waits-below-the-fold", Fixture, GUINT_TO_POINTER (10), fixture_set_up,
              test_waits_below_the_fold, fixture_tear_down);
  g_test_add ("/paged-model/view-gone", Fixture, GUINT_TO_POINTER (10), fixture_set_up, test_view_gone,
              fixture_tear_down);
  return g_test_run ();
}
