/* test-list-fill.c — a long list arrives in chunks and a newer list wins. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>

#include "integrity-test-util.h"

static GPtrArray *
numbered_items (guint       n,
                const char *prefix)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", prefix, i);
      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  return items;
}

static const char *
item_text (GListStore *store,
           guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return gtk_string_object_get_string (item);
}

static void
spin_until_filled (GListStore *store)
{
  for (guint turns = 0; integrity_list_store_is_filling (store); turns++)
    {
      g_assert_cmpuint (turns, <, 1000);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The first chunk shows at once, in order, the rest follows; old rows go. */
static void
test_fill_in_chunks (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) old_rows = numbered_items (3, "old");
  g_autoptr(GPtrArray) rows = numbered_items (INTEGRITY_LIST_FILL_CHUNK * 4 + 7, "row");

  integrity_list_store_replace_gradually (store, old_rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_false (integrity_list_store_is_filling (store));

  integrity_list_store_replace_gradually (store, rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, INTEGRITY_LIST_FILL_CHUNK);
  g_assert_cmpstr (item_text (store, 0), ==, "row 0");
  g_assert_true (integrity_list_store_is_filling (store));

  g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, INTEGRITY_LIST_FILL_CHUNK * 2);

  spin_until_filled (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("row %u", i);
      g_assert_cmpstr (item_text (store, i), ==, expected);
    }
}

/* A long list replaced by a shorter: the new rows take the old rows' place
 * from the top, a chunk per turn, and every old row goes. */
static void
test_replace_long_list (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) old_rows = numbered_items (INTEGRITY_LIST_FILL_CHUNK * 4, "old");
  g_autoptr(GPtrArray) rows = numbered_items (INTEGRITY_LIST_FILL_CHUNK + 3, "row");

  integrity_list_store_replace_gradually (store, old_rows);
  spin_until_filled (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, old_rows->len);

  integrity_list_store_replace_gradually (store, rows);
  g_assert_cmpstr (item_text (store, 0), ==, "row 0");
  g_assert_cmpstr (item_text (store, INTEGRITY_LIST_FILL_CHUNK - 1), ==, "row 24");
  g_assert_cmpstr (item_text (store, INTEGRITY_LIST_FILL_CHUNK), ==, "old 25");
  g_assert_true (integrity_list_store_is_filling (store));

  spin_until_filled (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_str_has_prefix (item_text (store, i), "row"));
}

static GPtrArray *
tagged_objects (guint       n,
                const char *prefix)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (item, "text", g_strdup_printf ("%s %u", prefix, i), g_free);
      g_ptr_array_add (items, item);
    }
  return items;
}

static void
copy_text (gpointer row,
           gpointer from)
{
  g_object_set_data_full (row, "text", g_strdup (g_object_get_data (from, "text")), g_free);
}

static const char *
tag_at (GListStore *store,
        guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return g_object_get_data (item, "text");
}

/* Refilling keeps the items already in the list (so their row widgets),
 * gives them the new contents, and adds or removes only the difference. */
static void
test_refill_in_place (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) old_rows = tagged_objects (INTEGRITY_LIST_FILL_CHUNK * 2 + 10, "old");
  g_autoptr(GPtrArray) fewer = tagged_objects (INTEGRITY_LIST_FILL_CHUNK + 5, "new");
  g_autoptr(GPtrArray) more = tagged_objects (INTEGRITY_LIST_FILL_CHUNK * 3, "more");

  g_list_store_splice (store, 0, 0, old_rows->pdata, old_rows->len);

  integrity_list_store_refill_gradually (store, fewer, copy_text);
  g_assert_cmpstr (tag_at (store, 0), ==, "new 0");
  g_assert_cmpstr (tag_at (store, INTEGRITY_LIST_FILL_CHUNK), ==, "old 25");
  spin_until_filled (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, fewer->len);
  for (guint i = 0; i < fewer->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *expected = g_strdup_printf ("new %u", i);

      g_assert_true (item == g_ptr_array_index (old_rows, i));
      g_assert_cmpstr (g_object_get_data (item, "text"), ==, expected);
    }

  integrity_list_store_refill_gradually (store, more, copy_text);
  spin_until_filled (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, more->len);
  for (guint i = 0; i < more->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *expected = g_strdup_printf ("more %u", i);

      g_assert_true (item == (i < fewer->len ? g_ptr_array_index (old_rows, i) : g_ptr_array_index (more, i)));
      g_assert_cmpstr (g_object_get_data (item, "text"), ==, expected);
    }
}

/* A filter change mid-fill: only the newer rows remain, none of the older
 * fill's rows arrive afterwards. */
static void
test_newer_list_wins (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) first = numbered_items (INTEGRITY_LIST_FILL_CHUNK * 6, "first");
  g_autoptr(GPtrArray) second = numbered_items (INTEGRITY_LIST_FILL_CHUNK + 1, "second");

  integrity_list_store_replace_gradually (store, first);
  g_main_context_iteration (NULL, TRUE);
  integrity_list_store_replace_gradually (store, second);
  spin_until_filled (store);
  itest_spin (20);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, second->len);
  for (guint i = 0; i < second->len; i++)
    g_assert_true (g_str_has_prefix (item_text (store, i), "second"));
}

/* The page goes away mid-fill: the fill stops with its list. */
static void
test_store_freed_mid_fill (void)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) rows = numbered_items (INTEGRITY_LIST_FILL_CHUNK * 3, "row");

  integrity_list_store_replace_gradually (store, rows);
  g_object_unref (store);
  itest_spin (20);
  /* Only this array still holds the rows. */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (G_OBJECT (g_ptr_array_index (rows, i))->ref_count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/list-fill/chunks", test_fill_in_chunks);
  g_test_add_func ("/list-fill/replace-long-list", test_replace_long_list);
  g_test_add_func ("/list-fill/refill-in-place", test_refill_in_place);
  g_test_add_func ("/list-fill/newer-wins", test_newer_list_wins);
  g_test_add_func ("/list-fill/store-freed", test_store_freed_mid_fill);
  return g_test_run ();
}
