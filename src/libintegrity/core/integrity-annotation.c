/* integrity-annotation.c — dated notes shown on every time chart. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-annotation.h"
#include "integrity-store.h"

void
integrity_annotation_free (IntegrityAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->text);
  g_free (annotation);
}

static GPtrArray *
read_rows (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_annotation_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IntegrityAnnotation *note = g_new0 (IntegrityAnnotation, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      g_date_clear (&note->date, 1);
      g_date_set_parse (&note->date, (const char *) sqlite3_column_text (stmt, 1));
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (g_date_valid (&note->date))
        g_ptr_array_add (notes, note);
      else
        integrity_annotation_free (note);
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the annotations"));
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/**
 * integrity_annotations_read:
 *
 * Returns: (transfer full) (element-type IntegrityAnnotation): the notes
 *   dated within the months @from to @to, oldest first
 */
GPtrArray *
integrity_annotations_read (sqlite3         *db,
                            IntegrityMonth   from,
                            IntegrityMonth   to,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *after = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  first = g_strdup_printf ("%04d-%02d-01", integrity_month_get_year (from), integrity_month_get_month (from));
  after = g_strdup_printf ("%04d-%02d-01", integrity_month_get_year (to + 1), integrity_month_get_month (to + 1));
  rc = sqlite3_prepare_v2 (db, "SELECT id, date, text FROM annotation WHERE date >= ?1 AND date < ?2"
                               " ORDER BY date", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the annotations"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, after, -1, SQLITE_STATIC);
  return read_rows (db, stmt, error);
}

/**
 * integrity_annotations_read_all:
 *
 * Returns: (transfer full) (element-type IntegrityAnnotation): every note,
 *   newest first
 */
GPtrArray *
integrity_annotations_read_all (sqlite3  *db,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  rc = sqlite3_prepare_v2 (db, "SELECT id, date, text FROM annotation ORDER BY date DESC, id DESC",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the annotations"));
      return NULL;
    }
  return read_rows (db, stmt, error);
}

/* One statement in its own transaction; the store then signals "core". */
static gint64
write_note (IntegrityStore  *store,
            const char      *sql,
            gint64           id,
            const GDate     *date,
            const char      *text,
            GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char iso[16] = "";
  gint64 row;
  int rc;

  if (!integrity_store_begin (store, error))
    return -1;
  if (date != NULL)
    g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (date != NULL)
        sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
      if (text != NULL)
        sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not save the annotation"));
      integrity_store_rollback (store);
      return -1;
    }
  row = id > 0 ? id : sqlite3_last_insert_rowid (db);
  if (id > 0 && sqlite3_changes (db) == 0)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_SQL,
                   _("The annotation no longer exists"));
      integrity_store_rollback (store);
      return -1;
    }
  if (!integrity_store_commit (store, error))
    return -1;
  integrity_store_notify_changed (store, "core");
  return row;
}

/**
 * integrity_annotation_add:
 * @text: a short note, e.g. "Crime support line opened"
 *
 * Returns: the new note's id, or -1 with @error set
 */
gint64
integrity_annotation_add (IntegrityStore  *store,
                          const GDate     *date,
                          const char      *text,
                          GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);
  g_return_val_if_fail (text != NULL, -1);

  return write_note (store, "INSERT INTO annotation (id, date, text) VALUES (NULLIF (?1, 0), ?2, ?3)",
                     0, date, text, error);
}

gboolean
integrity_annotation_update (IntegrityStore  *store,
                             gint64           id,
                             const GDate     *date,
                             const char      *text,
                             GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (id > 0 && date != NULL && g_date_valid (date) && text != NULL, FALSE);

  return write_note (store, "UPDATE annotation SET date = ?2, text = ?3 WHERE id = ?1",
                     id, date, text, error) > 0;
}

gboolean
integrity_annotation_delete (IntegrityStore  *store,
                             gint64           id,
                             GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return write_note (store, "DELETE FROM annotation WHERE id = ?1", id, NULL, NULL, error) > 0;
}
