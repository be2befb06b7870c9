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
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_annotation_free);
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
