/* integrity-test-util.c — shared helpers for the test programs. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "integrity-test-util.h"

char *
itest_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("integrity-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
itest_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      itest_remove_tree (child);
    }
  g_rmdir (path);
}

/* How much longer than usual a wait may take: tools/test sets
 * INTEGRITY_TEST_SLOWDOWN for the sanitizer build, several times slower, as
 * meson's --timeout-multiplier does for whole tests. */
static guint
slowdown (void)
{
  const char *factor = g_getenv ("INTEGRITY_TEST_SLOWDOWN");
  guint64 value = factor != NULL ? g_ascii_strtoull (factor, NULL, 10) : 1;

  return (guint) CLAMP (value, 1, 20);
}

/* Runs the default main context until @condition holds; FALSE on timeout. */
gboolean
itest_wait_until (ItestCondition condition,
                  gpointer       data,
                  guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000 * slowdown ();

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
itest_spin (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A file under ../shared/data, or NULL when this checkout has none (a
 * user's clone): the caller then skips with g_test_skip(). */
char *
itest_shared_data_path (const char *relative)
{
  const char *root = g_getenv ("INTEGRITY_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

char *
itest_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* TRUE when a mapped label under @widget shows @text. */
gboolean
itest_label_in_tree (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (itest_label_in_tree (child, text))
      return TRUE;
  return FALSE;
}

/* How many widgets of @type, @widget included, are on screen. */
guint
itest_count_mapped (GtkWidget *widget,
                    GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += itest_count_mapped (child, type);
  return n;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
  gboolean    shown;
} LabelWait;

static gboolean
label_settled (gpointer data)
{
  LabelWait *wait = data;

  return itest_label_in_tree (wait->widget, wait->text) == wait->shown;
}

/* Waits until a mapped label under @widget shows @text, or (@shown FALSE)
 * none does; FALSE on timeout. */
gboolean
itest_wait_for_label (GtkWidget  *widget,
                      const char *text,
                      gboolean    shown,
                      guint       timeout_ms)
{
  LabelWait wait = { widget, text, shown };

  return itest_wait_until (label_settled, &wait, timeout_ms);
}

typedef struct
{
  GtkWidget *widget;
  GType      type;
  guint      n;
} MappedWait;

static gboolean
enough_mapped (gpointer data)
{
  MappedWait *wait = data;

  return itest_count_mapped (wait->widget, wait->type) >= wait->n;
}

/* Waits until at least @n widgets of @type are on screen under @widget: a
 * page has loaded when its tiles or charts are; FALSE on timeout. */
gboolean
itest_wait_for_mapped (GtkWidget *widget,
                       GType      type,
                       guint      n,
                       guint      timeout_ms)
{
  MappedWait wait = { widget, type, n };

  return itest_wait_until (enough_mapped, &wait, timeout_ms);
}

/* The first widget of @type, @widget included, for which @match (if any)
 * holds; shown or not. */
GtkWidget *
itest_find_widget (GtkWidget        *widget,
                   GType             type,
                   ItestWidgetMatch  match,
                   gconstpointer     data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = itest_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of each page of @pdf as pdftotext -raw reads it, wrapped lines
 * joined, with an empty string after the last page (each page ends with a
 * form feed); or NULL, the test skipped, where poppler-utils is missing. */
char **
itest_pdf_pages (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  char **pages;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  {
    const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    g_strdelimit (pages[i], "\n", ' ');
  return pages;
}

/* The index of the page holding @text, or -1. */
int
itest_find_page (char       **pages,
                 const char  *text)
{
  for (int i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], text) != NULL)
      return i;
  return -1;
}

/* With KEEP_TEST_DIR set, a test's folder stays, to look at what it wrote. */
static void
remove_test_dir (char **dir)
{
  if (g_getenv ("KEEP_TEST_DIR") == NULL)
    itest_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

void
itest_store_set_up (ItestStore          *fixture,
                    const char          *component,
                    ItestMigrationsFunc  migrations,
                    ItestImportersFunc   importers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const IntegrityMigration *list;
  gsize n;

  fixture->dir = itest_make_temp_dir ();
  path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->store = integrity_store_open (path, &error);
  g_assert_no_error (error);
  list = migrations (&n);
  g_assert_true (integrity_store_register_migrations (fixture->store, component, list, n, &error));
  g_assert_no_error (error);
  fixture->importers = importers ();
}

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *) pointer_location == NULL;
}

/* Drops the caller's @store and waits (a few seconds at most) for the
 * store itself to go: a query still on a worker thread holds it, and its
 * files must outlive that query, or the worker fails to open them and the
 * widget that asked warns into the next test. */
static void
release_store (IntegrityStore **store)
{
  GObject *alive = (GObject *) *store;

  if (alive == NULL)
    return;
  g_object_add_weak_pointer (alive, (gpointer *) &alive);
  g_clear_object (store);
  itest_wait_until (is_null, &alive, 5000);
  if (alive != NULL)
    {
      g_test_message ("The store is still held %u ms after its test ended", 5000);
      g_object_remove_weak_pointer (alive, (gpointer *) &alive);
    }
}

void
itest_store_tear_down (ItestStore    *fixture,
                       gconstpointer  data)
{
  g_clear_pointer (&fixture->importers, g_ptr_array_unref);
  release_store (&fixture->store);
  remove_test_dir (&fixture->dir);
}

/* Writes @contents to @name in the fixture's folder (or, @contents NULL,
 * takes @name as the path of a file) and imports it as @kind. Each row's
 * error goes to the test log before the import is asserted to succeed, or
 * (@expect_ok FALSE) to fail. */
IntegrityImportJob *
itest_store_import (ItestStore *fixture,
                    const char *kind,
                    const char *name,
                    const char *contents,
                    gboolean    expect_ok)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IntegrityImportJob *job;
  gboolean ok;

  if (contents != NULL)
    {
      path = g_build_filename (fixture->dir, name, NULL);
      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
    }
  job = integrity_import_job_new (fixture->store, itest_find_importer (fixture->importers, kind),
                                  path != NULL ? path : name);
  ok = integrity_import_job_run (job, NULL, &error);
  for (guint i = 0; i < integrity_import_job_get_n_errors (job); i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (integrity_import_job_get_errors (job), i));
  g_assert_cmpint (ok, ==, expect_ok);
  return job;
}

/* The importer of @kind among a plugin's @importers; there must be one. */
IntegrityImporter *
itest_find_importer (GPtrArray  *importers,
                     const char *kind)
{
  for (guint i = 0; i < importers->len; i++)
    if (g_strcmp0 (integrity_importer_get_kind (g_ptr_array_index (importers, i)), kind) == 0)
      return g_ptr_array_index (importers, i);
  g_assert_not_reached ();
}

#ifdef ITEST_HAVE_APP
void
itest_session_set_up (ItestSession  *fixture,
                      gconstpointer  active_plugins)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = itest_make_temp_dir ();
  path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->session = integrity_session_new (path, &error);
  g_assert_no_error (error);
  fixture->settings = g_object_ref (integrity_session_get_settings (fixture->session));
  g_settings_set_strv (fixture->settings, "active-plugins", active_plugins);
}

/* Puts back the settings the fixture and the window change; a test that
 * changes others resets them itself, before this. */
void
itest_session_tear_down (ItestSession  *fixture,
                         gconstpointer  data)
{
  IntegrityStore *store;

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      /* The window's last events run while the session is still there. */
      itest_spin (10);
    }
  g_settings_reset (fixture->settings, "active-plugins");
  g_settings_reset (fixture->settings, "last-page");
  store = g_object_ref (integrity_session_get_store (fixture->session));
  g_clear_object (&fixture->session);
  release_store (&store);
  g_clear_object (&fixture->settings);
  remove_test_dir (&fixture->dir);
}

void
itest_session_generate_demo (ItestSession *fixture,
                             guint         scale,
                             guint32       seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (integrity_session_generate_demo (fixture->session, scale, seed, &error));
  g_assert_no_error (error);
}

void
itest_session_open_window (ItestSession *fixture)
{
  g_assert_null (fixture->window);
  fixture->window = integrity_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
overview_settled (gpointer data)
{
  GtkWidget *overview = integrity_window_get_page (data, "overview");
  GtkWidget *stack = gtk_widget_get_first_child (overview);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "loading") != 0;
}

/* Waits until the overview has finished loading: its figures, or its
 * empty state; FALSE on timeout. */
gboolean
itest_wait_for_overview (IntegrityWindow *window,
                         guint            timeout_ms)
{
  return itest_wait_until (overview_settled, window, timeout_ms);
}
#endif
