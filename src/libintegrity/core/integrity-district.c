/* integrity-district.c — renaming districts (adding them is integrity_store_ensure_district()). SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-district.h"

/**
 * integrity_store_rename_district:
 * @id: the district's id
 * @name: its new name
 *
 * Renames a district, for Preferences. Files naming it the old way still
 * match it only if the key is unchanged; a new name whose key belongs to
 * another district is refused.
 */
gboolean
integrity_store_rename_district (IntegrityStore  *self,
                                 gint64           id,
                                 const char      *name,
                                 GError         **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = NULL;
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  display = integrity_district_normalise (name);
  if (display[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A district needs a name"));
      return FALSE;
    }
  key = integrity_district_key (name);
  db = integrity_store_get_connection (self);

  if (!integrity_store_begin (self, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "UPDATE district SET name = ?1, key = ?2 WHERE id = ?3",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, display, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("There is already a district called “%s”"), display);
      else
        integrity_sqlite_error (error, db, rc, _("Could not rename the district"));
      integrity_store_rollback (self);
      return FALSE;
    }
  if (!integrity_store_commit (self, error))
    {
      integrity_store_rollback (self);
      return FALSE;
    }
  integrity_store_notify_changed (self, "core");
  return TRUE;
}

/**
 * integrity_district_lookup:
 * @name: (nullable): a district name as a filter holds it, any spelling
 *   with the same key; %NULL for all districts
 *
 * Returns: the district's id; -1 for all districts (@name %NULL); 0 for a
 *   name the store does not know, which matches no rows
 */
gint64
integrity_district_lookup (sqlite3    *db,
                           const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (db != NULL, 0);

  if (name == NULL)
    return -1;
  key = integrity_district_key (name);
  if (sqlite3_prepare_v2 (db, "SELECT id FROM district WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * integrity_target_read:
 * @name: the target's name in the `target` table, e.g. "victim-referral"
 * @fallback: the value when the force has not set it
 *
 * Returns: the force's target, or @fallback
 */
double
integrity_target_read (sqlite3    *db,
                       const char *name,
                       double      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (db != NULL && name != NULL, fallback);

  if (sqlite3_prepare_v2 (db, "SELECT value FROM target WHERE name = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_double (stmt, 0);
  return fallback;
}
