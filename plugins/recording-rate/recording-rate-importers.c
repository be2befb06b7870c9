/* recording-rate-importers.c — the CSV kinds the recording-rate plugin reads. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recording-rate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "recording-rate-data.h"
#include "recording-rate-importers.h"

/* ---- recording-audit: one row per audited incident ---------------------- */

enum { AUDIT_REF, AUDIT_DATE, AUDIT_DISTRICT, AUDIT_GROUP, AUDIT_DOMESTIC,
       AUDIT_EXPECTED, AUDIT_RECORDED, AUDIT_24H };

static const char *audit_ref_aliases[] = { "incident", "incident_id", "reference", NULL };
static const char *audit_date_aliases[] = { "date_reported", "report_date", NULL };

static IntegrityImportColumn audit_columns[] = {
  [AUDIT_REF] = { "incident_ref", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_KEY, audit_ref_aliases },
  [AUDIT_DATE] = { "reported_date", INTEGRITY_COLUMN_DATE, INTEGRITY_COLUMN_REQUIRED, audit_date_aliases },
  [AUDIT_DISTRICT] = { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_REQUIRED },
  [AUDIT_GROUP] = { "offence_group", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_REQUIRED, NULL, NULL },
  [AUDIT_DOMESTIC] = { "domestic_abuse", INTEGRITY_COLUMN_BOOLEAN, INTEGRITY_COLUMN_REQUIRED },
  [AUDIT_EXPECTED] = { "crimes_expected", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_REQUIRED, NULL, NULL, 0, 10000 },
  [AUDIT_RECORDED] = { "crimes_recorded", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_REQUIRED, NULL, NULL, 0, 10000 },
  [AUDIT_24H] = { "recorded_within_24h", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_REQUIRED, NULL, NULL, 0, 10000 },
};

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
} UpsertStatements;

static void
upsert_statements_free (gpointer data)
{
  UpsertStatements *statements = data;

  sqlite3_finalize (statements->insert);
  sqlite3_finalize (statements->update);
  g_free (statements);
}

static UpsertStatements *
prepare_upsert (sqlite3     *db,
                const char  *insert_sql,
                const char  *update_sql,
                GError     **error)
{
  UpsertStatements *statements = g_new0 (UpsertStatements, 1);
  int rc = sqlite3_prepare_v2 (db, insert_sql, -1, &statements->insert, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, update_sql, -1, &statements->update, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not prepare the import"));
      upsert_statements_free (statements);
      return NULL;
    }
  return statements;
}

static gpointer
audit_begin (IntegrityImporter  *importer,
             sqlite3            *db,
             GError            **error)
{
  return prepare_upsert (db,
                         "INSERT INTO recording_audit (incident_ref, reported_date, month, district_id,"
                         " offence_group, domestic_abuse, crimes_expected, crimes_recorded,"
                         " recorded_within_24h) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                         " ON CONFLICT (incident_ref) DO NOTHING",
                         "UPDATE recording_audit SET reported_date = ?2, month = ?3, district_id = ?4,"
                         " offence_group = ?5, domestic_abuse = ?6, crimes_expected = ?7,"
                         " crimes_recorded = ?8, recorded_within_24h = ?9"
                         " WHERE incident_ref = ?1 AND (reported_date IS NOT ?2 OR district_id IS NOT ?4"
                         " OR offence_group IS NOT ?5 OR domestic_abuse IS NOT ?6"
                         " OR crimes_expected IS NOT ?7 OR crimes_recorded IS NOT ?8"
                         " OR recorded_within_24h IS NOT ?9)",
                         error);
}

static void
bind_audit (const IntegrityImportRow *row,
            sqlite3_stmt             *stmt)
{
  GDate date;

  integrity_import_row_get_date (row, AUDIT_DATE, &date);
  integrity_import_row_bind (row, AUDIT_REF, stmt, 1);
  integrity_import_row_bind (row, AUDIT_DATE, stmt, 2);
  sqlite3_bind_int (stmt, 3, integrity_month_from_date (&date));
  for (int column = AUDIT_DISTRICT; column <= AUDIT_24H; column++)
    integrity_import_row_bind (row, column, stmt, column + 2);
}

/* The bounds of DESIGN.md: 0 ≤ within 24h ≤ recorded ≤ expected. */
static IntegrityImportOutcome
audit_row (const IntegrityImportRow  *row,
           gpointer                   job_data,
           GError                   **error)
{
  UpsertStatements *statements = job_data;
  gint64 expected = integrity_import_row_get_int64 (row, AUDIT_EXPECTED);
  gint64 recorded = integrity_import_row_get_int64 (row, AUDIT_RECORDED);
  gint64 fast = integrity_import_row_get_int64 (row, AUDIT_24H);

  if (recorded > expected)
    return integrity_import_row_reject (row, error, AUDIT_RECORDED,
                                        _("%lld is more than crimes_expected (%lld)"),
                                        (long long) recorded, (long long) expected);
  if (fast > recorded)
    return integrity_import_row_reject (row, error, AUDIT_24H,
                                        _("%lld is more than crimes_recorded (%lld)"),
                                        (long long) fast, (long long) recorded);

  bind_audit (row, statements->insert);
  bind_audit (row, statements->update);
  return integrity_import_step_upsert (statements->insert, statements->update, error);
}

/* ---- recorded-crime: monthly recorded volumes ---------------------------- */

enum { VOLUME_MONTH, VOLUME_DISTRICT, VOLUME_GROUP, VOLUME_RECORDED };

static IntegrityImportColumn volume_columns[] = {
  [VOLUME_MONTH] = { "month", INTEGRITY_COLUMN_MONTH, INTEGRITY_COLUMN_KEY },
  [VOLUME_DISTRICT] = { "district", INTEGRITY_COLUMN_DISTRICT, INTEGRITY_COLUMN_KEY },
  [VOLUME_GROUP] = { "offence_group", INTEGRITY_COLUMN_ENUM, INTEGRITY_COLUMN_KEY, NULL, NULL },
  [VOLUME_RECORDED] = { "recorded", INTEGRITY_COLUMN_INTEGER, INTEGRITY_COLUMN_REQUIRED, NULL, NULL, 0, G_MAXINT32 },
};

static gpointer
volume_begin (IntegrityImporter  *importer,
              sqlite3            *db,
              GError            **error)
{
  return prepare_upsert (db,
                         "INSERT INTO recording_volume (month, district_id, offence_group, recorded)"
                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                         "UPDATE recording_volume SET recorded = ?4 WHERE month = ?1"
                         " AND district_id = ?2 AND offence_group = ?3 AND recorded IS NOT ?4",
                         error);
}

static IntegrityImportOutcome
volume_row (const IntegrityImportRow  *row,
            gpointer                   job_data,
            GError                   **error)
{
  UpsertStatements *statements = job_data;
  sqlite3_stmt *both[] = { statements->insert, statements->update };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      sqlite3_bind_int (both[i], 1, integrity_import_row_get_month (row, VOLUME_MONTH));
      integrity_import_row_bind (row, VOLUME_DISTRICT, both[i], 2);
      integrity_import_row_bind (row, VOLUME_GROUP, both[i], 3);
      integrity_import_row_bind (row, VOLUME_RECORDED, both[i], 4);
    }
  return integrity_import_step_upsert (statements->insert, statements->update, error);
}

/* ---- police-uk-street: the open data portal's street-level file ---------- */

/* Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,
 * LSOA code,LSOA name,Crime type,Last outcome category,Context */
enum { STREET_ID, STREET_MONTH, STREET_REPORTED_BY, STREET_FALLS_WITHIN, STREET_LONGITUDE,
       STREET_LATITUDE, STREET_LOCATION, STREET_LSOA_CODE, STREET_LSOA_NAME, STREET_TYPE,
       STREET_OUTCOME, STREET_CONTEXT };

static const IntegrityImportColumn street_columns[] = {
  [STREET_ID] = { "Crime ID", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_MONTH] = { "Month", INTEGRITY_COLUMN_MONTH, INTEGRITY_COLUMN_REQUIRED },
  [STREET_REPORTED_BY] = { "Reported by", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_REQUIRED },
  [STREET_FALLS_WITHIN] = { "Falls within", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_LONGITUDE] = { "Longitude", INTEGRITY_COLUMN_DECIMAL, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_LATITUDE] = { "Latitude", INTEGRITY_COLUMN_DECIMAL, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_LOCATION] = { "Location", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_LSOA_CODE] = { "LSOA code", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_LSOA_NAME] = { "LSOA name", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_TYPE] = { "Crime type", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_REQUIRED },
  [STREET_OUTCOME] = { "Last outcome category", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
  [STREET_CONTEXT] = { "Context", INTEGRITY_COLUMN_TEXT, INTEGRITY_COLUMN_OPTIONAL },
};

/**
 * recording_rate_street_district:
 * @lsoa_name: (nullable): e.g. "Bolton 001A"
 *
 * Returns: the district the police.uk LSOA name is in ("Bolton"), or
 *   "Unknown" when the crime has no location.
 */
char *
recording_rate_street_district (const char *lsoa_name)
{
  g_autofree char *name = g_strstrip (g_strdup (lsoa_name != NULL ? lsoa_name : ""));
  char *space = strrchr (name, ' ');

  if (*name == '\0')
    return g_strdup ("Unknown");
  /* The trailing code: three digits and a letter. */
  if (space != NULL && strlen (space + 1) == 4
      && g_ascii_isdigit (space[1]) && g_ascii_isdigit (space[2]) && g_ascii_isdigit (space[3])
      && g_ascii_isalpha (space[4]))
    *space = '\0';
  return g_strdup (name);
}

typedef struct
{
  GHashTable *counts;     /* "month\tdistrict\ttype" → count */
  GHashTable *months;     /* months the file covers (replaced whole) */
} StreetJob;

static void
street_job_free (gpointer data)
{
  StreetJob *job = data;

  g_hash_table_unref (job->counts);
  g_hash_table_unref (job->months);
  g_free (job);
}

static gpointer
street_begin (IntegrityImporter  *importer,
              sqlite3            *db,
              GError            **error)
{
  StreetJob *job = g_new0 (StreetJob, 1);

  job->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->months = g_hash_table_new (NULL, NULL);
  return job;
}

/* Rows are counted, not stored: the file has no natural key for a crime
 * (anti-social behaviour has no Crime ID) and the dashboard needs counts. */
static IntegrityImportOutcome
street_row (const IntegrityImportRow  *row,
            gpointer                   job_data,
            GError                   **error)
{
  StreetJob *job = job_data;
  const char *type = integrity_import_row_get_text (row, STREET_TYPE);
  IntegrityMonth month = integrity_import_row_get_month (row, STREET_MONTH);
  g_autofree char *district = NULL;
  char *key;
  gpointer count;

  g_hash_table_add (job->months, GINT_TO_POINTER (month));
  if (g_ascii_strcasecmp (type, "Anti-social behaviour") == 0)
    return INTEGRITY_IMPORT_ROW_UNCHANGED;

  district = recording_rate_street_district (integrity_import_row_is_null (row, STREET_LSOA_NAME)
                                             ? NULL : integrity_import_row_get_text (row, STREET_LSOA_NAME));
  key = g_strdup_printf ("%d\t%s\t%s", month, district, type);
  count = g_hash_table_lookup (job->counts, key);
  g_hash_table_replace (job->counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (count) + 1));
  return INTEGRITY_IMPORT_ROW_INSERTED;
}

/* Importing a month again replaces it, never doubles it. */
static gboolean
street_finish (IntegrityImporter  *importer,
               sqlite3            *db,
               gpointer            job_data,
               GError            **error)
{
  StreetJob *job = job_data;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  rc = sqlite3_prepare_v2 (db, "DELETE FROM recording_street WHERE month = ?1", -1, &clear, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO recording_street (month, district_id, crime_type, crimes)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("Could not store the street-level counts"));

  g_hash_table_iter_init (&iter, job->months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_bind_int (clear, 1, GPOINTER_TO_INT (key));
      rc = sqlite3_step (clear);
      sqlite3_reset (clear);
      if (rc != SQLITE_DONE)
        return integrity_sqlite_error (error, db, rc, _("Could not store the street-level counts"));
    }

  g_hash_table_iter_init (&iter, job->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\t", 3);
      gint64 district_id = integrity_district_ensure (db, parts[1], error);

      if (district_id < 0)
        return FALSE;
      sqlite3_bind_int (insert, 1, atoi (parts[0]));
      sqlite3_bind_int64 (insert, 2, district_id);
      sqlite3_bind_text (insert, 3, parts[2], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, GPOINTER_TO_INT (value));
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        return integrity_sqlite_error (error, db, rc, _("Could not store the street-level counts"));
    }
  return TRUE;
}

GPtrArray *
recording_rate_create_importers (void)
{
  static const IntegrityImporterInfo audit = {
    .kind = "recording-audit",
    .component = RECORDING_RATE_ID,
    .title = N_("Crime recording audit"),
    .description = N_("One row per audited incident: how many crimes should have been recorded, "
                      "how many were, and how many within 24 hours."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = audit_columns,
    .n_columns = G_N_ELEMENTS (audit_columns),
    .begin = audit_begin,
    .row = audit_row,
    .free_job_data = upsert_statements_free,
  };
  static const IntegrityImporterInfo volume = {
    .kind = "recorded-crime",
    .component = RECORDING_RATE_ID,
    .title = N_("Recorded crime volumes"),
    .description = N_("Crimes recorded a month, by district and offence group."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = volume_columns,
    .n_columns = G_N_ELEMENTS (volume_columns),
    .begin = volume_begin,
    .row = volume_row,
    .free_job_data = upsert_statements_free,
  };
  static const IntegrityImporterInfo street = {
    .kind = "police-uk-street",
    .component = RECORDING_RATE_ID,
    .title = N_("police.uk street-level crimes"),
    .description = N_("The open data portal’s street-level file, exactly as published: counted by "
                      "month, district and crime type; anti-social behaviour is not counted."),
    .translation_domain = GETTEXT_PACKAGE,
    .columns = street_columns,
    .n_columns = G_N_ELEMENTS (street_columns),
    .begin = street_begin,
    .row = street_row,
    .finish = street_finish,
    .free_job_data = street_job_free,
  };
  GPtrArray *importers = g_ptr_array_new_with_free_func (g_object_unref);

  /* The offence-group columns take the shared vocabulary. */
  audit_columns[AUDIT_GROUP].values = integrity_offence_groups ();
  volume_columns[VOLUME_GROUP].values = integrity_offence_groups ();

  g_ptr_array_add (importers, integrity_importer_new (&audit, NULL));
  g_ptr_array_add (importers, integrity_importer_new (&volume, NULL));
  g_ptr_array_add (importers, integrity_importer_new (&street, NULL));
  return importers;
}
