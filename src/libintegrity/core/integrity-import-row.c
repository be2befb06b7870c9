/* integrity-import-row.c — typed conversion and validation of imported values. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "integrity-import-private.h"
#include "integrity-store.h"

/* Offending values are quoted back to the person importing, shortened. */
#define QUOTE_MAX 60

static void
quote_value (GString    *out,
             const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw, -1);

  g_string_append_c (out, '\'');
  if (g_utf8_strlen (valid, -1) > QUOTE_MAX)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, QUOTE_MAX);
      g_string_append_printf (out, "%s…", head);
    }
  else
    g_string_append (out, valid);
  g_string_append_c (out, '\'');
}

static char *
trim (char *raw)
{
  char *end;

  while (*raw == ' ' || *raw == '\t' || *raw == '\r' || *raw == '\n')
    raw++;
  end = raw + strlen (raw);
  while (end > raw && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
    end--;
  *end = '\0';
  return raw;
}

/* "YYYY-MM-DD", or "YYYY-MM" when @day is 0, into @out (at least 11 bytes). */
static void
format_date (char *out,
             int   year,
             int   month,
             int   day)
{
  out[0] = (char) ('0' + year / 1000 % 10);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '\0';
  if (day > 0)
    {
      out[7] = '-';
      out[8] = (char) ('0' + day / 10);
      out[9] = (char) ('0' + day % 10);
      out[10] = '\0';
    }
}

/* Exactly @n ASCII digits at @p. */
static gboolean
read_digits (const char *p,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

static gboolean
parse_date (const char           *text,
            IntegrityImportValue *value)
{
  gsize length = strlen (text);
  int y, m, d;

  if (length == 10 && text[4] == '-' && text[7] == '-')
    {
      if (!read_digits (text, 4, &y) || !read_digits (text + 5, 2, &m)
          || !read_digits (text + 8, 2, &d))
        return FALSE;
    }
  else
    {
      /* DD/MM/YYYY, also written D/M/YYYY. */
      const char *slash1 = strchr (text, '/');
      const char *slash2 = slash1 != NULL ? strchr (slash1 + 1, '/') : NULL;
      guint day_len = slash1 != NULL ? (guint) (slash1 - text) : 0;
      guint month_len = slash2 != NULL ? (guint) (slash2 - slash1 - 1) : 0;

      if (slash2 == NULL || day_len < 1 || day_len > 2 || month_len < 1 || month_len > 2
          || strlen (slash2 + 1) != 4
          || !read_digits (text, day_len, &d) || !read_digits (slash1 + 1, month_len, &m)
          || !read_digits (slash2 + 1, 4, &y))
        return FALSE;
    }
  if (y < 1000 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  value->year = y;
  value->month = m;
  value->day = d;
  format_date (value->formatted, y, m, d);
  return TRUE;
}

static gboolean
parse_month (const char           *text,
             IntegrityImportValue *value)
{
  int y, m;

  if (strlen (text) != 7 || text[4] != '-' || !read_digits (text, 4, &y)
      || !read_digits (text + 5, 2, &m) || y < 1000 || m < 1 || m > 12)
    return FALSE;
  value->year = y;
  value->month = m;
  value->day = 1;
  format_date (value->formatted, y, m, 0);
  return TRUE;
}

static gboolean
parse_integer (const char *text,
               gint64     *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 v = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      if (v > (G_MAXINT64 - (guint64) (*p - '0')) / 10)
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
    }
  *out = negative ? -(gint64) v : (gint64) v;
  return TRUE;
}

static gboolean
parse_decimal (const char *text,
               double     *out)
{
  char *end = NULL;
  double v;

  /* Plain decimal notation only: no hex, inf or nan that strtod knows. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
      return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gint64     *out)
{
  static const char *const yes[] = { "y", "yes", "true", "1" };
  static const char *const no[] = { "n", "no", "false", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        return (*out = 1), TRUE;
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        return (*out = 0), TRUE;
    }
  return FALSE;
}

/*
 * _integrity_import_convert:
 * @raw: the field as read; trimmed in place
 * @problem: receives what is wrong, e.g. "'31/02/2021' is not a valid date"
 *
 * The one place where text from a file becomes a typed value.
 */
gboolean
_integrity_import_convert (const IntegrityImportColumn *column,
                           char                        *raw,
                           IntegrityImportValue        *value,
                           GString                     *problem)
{
  char *text = trim (raw);

  memset (value, 0, sizeof *value);
  value->text = text;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_string_append (problem, _("the text is not valid UTF-8 (save the file as UTF-8)"));
      return FALSE;
    }
  if (*text == '\0')
    {
      value->is_null = TRUE;
      if (column->flags & INTEGRITY_COLUMN_REQUIRED)
        {
          g_string_append (problem, _("a value is required"));
          return FALSE;
        }
      return TRUE;
    }

  switch (column->type)
    {
    case INTEGRITY_COLUMN_TEXT:
    case INTEGRITY_COLUMN_DISTRICT:
      return TRUE;

    case INTEGRITY_COLUMN_INTEGER:
      if (!parse_integer (text, &value->integer))
        {
          quote_value (problem, text);
          g_string_append (problem, _(" is not a whole number"));
          return FALSE;
        }
      if (column->min < column->max && (value->integer < column->min || value->integer > column->max))
        {
          quote_value (problem, text);
          g_string_append_printf (problem, _(" is outside the range %lld to %lld"),
                                  (long long) column->min, (long long) column->max);
          return FALSE;
        }
      value->decimal = (double) value->integer;
      return TRUE;

    case INTEGRITY_COLUMN_DECIMAL:
      if (!parse_decimal (text, &value->decimal))
        {
          quote_value (problem, text);
          g_string_append (problem, _(" is not a number"));
          return FALSE;
        }
      return TRUE;

    case INTEGRITY_COLUMN_DATE:
      if (!parse_date (text, value))
        {
          quote_value (problem, text);
          g_string_append (problem, _(" is not a valid date"));
          return FALSE;
        }
      return TRUE;

    case INTEGRITY_COLUMN_MONTH:
      if (!parse_month (text, value))
        {
          quote_value (problem, text);
          g_string_append (problem, _(" is not a valid month (YYYY-MM)"));
          return FALSE;
        }
      return TRUE;

    case INTEGRITY_COLUMN_BOOLEAN:
      if (!parse_boolean (text, &value->integer))
        {
          quote_value (problem, text);
          g_string_append (problem, _(" is not yes or no (Y/N, yes/no, true/false, 1/0)"));
          return FALSE;
        }
      return TRUE;

    case INTEGRITY_COLUMN_ENUM:
      for (guint i = 0; column->values[i] != NULL; i++)
        if (g_ascii_strcasecmp (column->values[i], text) == 0)
          {
            value->text = column->values[i];
            return TRUE;
          }
      {
        g_autofree char *allowed = g_strjoinv (", ", (char **) column->values);
        quote_value (problem, text);
        g_string_append_printf (problem, _(" is not one of: %s"), allowed);
      }
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

static const IntegrityImportValue *
get_value (const IntegrityImportRow *row,
           guint                     column)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (column < integrity_importer_get_n_columns (row->importer), NULL);
  return &row->values[column];
}

const char *
integrity_import_row_get_file_name (const IntegrityImportRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return row->file_name;
}

/* The physical line of the file where the row starts. */
guint
integrity_import_row_get_line (const IntegrityImportRow *row)
{
  g_return_val_if_fail (row != NULL, 0);
  return row->line;
}

/* An optional column missing from the file, or an empty value. */
gboolean
integrity_import_row_is_null (const IntegrityImportRow *row,
                              guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);
  return value == NULL || value->is_null;
}

/**
 * integrity_import_row_get_text:
 *
 * Returns: (nullable): TEXT as trimmed, ENUM as declared, DATE as
 *   "YYYY-MM-DD", MONTH as "YYYY-MM", DISTRICT its name, others as read;
 *   %NULL when null. Valid during the row function only.
 */
const char *
integrity_import_row_get_text (const IntegrityImportRow *row,
                               guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);

  if (value == NULL || value->is_null)
    return NULL;
  if (value->formatted[0] != '\0')
    return value->formatted;
  return value->text;
}

/* INTEGER, BOOLEAN (1/0), DISTRICT (its id); 0 when null. */
gint64
integrity_import_row_get_int64 (const IntegrityImportRow *row,
                                guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);
  return value != NULL ? value->integer : 0;
}

double
integrity_import_row_get_double (const IntegrityImportRow *row,
                                 guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);
  return value != NULL ? value->decimal : 0.0;
}

gboolean
integrity_import_row_get_boolean (const IntegrityImportRow *row,
                                  guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);
  return value != NULL && value->integer != 0;
}

/* Returns %FALSE, leaving @date alone, when null. */
gboolean
integrity_import_row_get_date (const IntegrityImportRow *row,
                               guint                     column,
                               GDate                    *date)
{
  const IntegrityImportValue *value = get_value (row, column);

  g_return_val_if_fail (date != NULL, FALSE);
  if (value == NULL || value->is_null || value->year == 0)
    return FALSE;
  g_date_set_dmy (date, (GDateDay) value->day, (GDateMonth) value->month, (GDateYear) value->year);
  return TRUE;
}

/* MONTH or DATE; INTEGRITY_MONTH_NONE when null. */
IntegrityMonth
integrity_import_row_get_month (const IntegrityImportRow *row,
                                guint                     column)
{
  const IntegrityImportValue *value = get_value (row, column);

  if (value == NULL || value->is_null || value->year == 0)
    return INTEGRITY_MONTH_NONE;
  return integrity_month_new (value->year, value->month);
}

/* The id in the district table; 0 when null. */
gint64
integrity_import_row_get_district_id (const IntegrityImportRow *row,
                                      guint                     column)
{
  return integrity_import_row_get_int64 (row, column);
}

/**
 * integrity_import_row_bind:
 *
 * Binds the column's typed value, or NULL, to @parameter of @stmt: TEXT,
 * ENUM, DATE and MONTH as text, INTEGER and BOOLEAN as integers, DECIMAL
 * as a real, DISTRICT as its id. The text is bound without a copy: step
 * @stmt before the row function returns.
 *
 * Returns: the SQLite result code
 */
int
integrity_import_row_bind (const IntegrityImportRow *row,
                           guint                     column,
                           sqlite3_stmt             *stmt,
                           int                       parameter)
{
  const IntegrityImportValue *value = get_value (row, column);

  g_return_val_if_fail (value != NULL, SQLITE_MISUSE);
  g_return_val_if_fail (stmt != NULL, SQLITE_MISUSE);

  if (value->is_null)
    return sqlite3_bind_null (stmt, parameter);
  switch (integrity_importer_get_column (row->importer, column)->type)
    {
    case INTEGRITY_COLUMN_INTEGER:
    case INTEGRITY_COLUMN_BOOLEAN:
    case INTEGRITY_COLUMN_DISTRICT:
      return sqlite3_bind_int64 (stmt, parameter, value->integer);
    case INTEGRITY_COLUMN_DECIMAL:
      return sqlite3_bind_double (stmt, parameter, value->decimal);
    case INTEGRITY_COLUMN_DATE:
    case INTEGRITY_COLUMN_MONTH:
      return sqlite3_bind_text (stmt, parameter, value->formatted, -1, SQLITE_STATIC);
    case INTEGRITY_COLUMN_TEXT:
    case INTEGRITY_COLUMN_ENUM:
    default:
      return sqlite3_bind_text (stmt, parameter, value->text, -1, SQLITE_STATIC);
    }
}

/**
 * integrity_import_row_reject:
 * @column: the column the message is about
 * @format: what is wrong, e.g. "'%s' is before recorded_date"
 *
 * Refuses the row from a row function: the import lists
 * "FILE:LINE: column 'name': message" and imports nothing.
 *
 * Returns: %INTEGRITY_IMPORT_ROW_FAILED, to return from the row function
 */
IntegrityImportOutcome
integrity_import_row_reject (const IntegrityImportRow  *row,
                             GError                   **error,
                             guint                      column,
                             const char                *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_val_if_fail (row != NULL, INTEGRITY_IMPORT_ROW_FAILED);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, INTEGRITY_IMPORT_ERROR, INTEGRITY_IMPORT_ERROR_ROW, "column '%s': %s",
               integrity_importer_get_column (row->importer, column)->name, message);
  return INTEGRITY_IMPORT_ROW_FAILED;
}

/**
 * integrity_import_row_add_warning:
 * @format: what the import did about the row, e.g. "completed %s and %s:
 *   the earlier date is kept"
 *
 * Notes something about an accepted row for the import's summary:
 * integrity_import_job_get_warnings() lists "FILE:LINE: message". Call it
 * from the row function only, on the thread running the import.
 */
void
integrity_import_row_add_warning (const IntegrityImportRow *row,
                                  const char               *format,
                                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (row != NULL && format != NULL);
  g_return_if_fail (row->job != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _integrity_import_job_add_warning (row->job, g_strdup_printf ("%s:%u: %s", row->file_name,
                                                                row->line, message));
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    integrity_sqlite_error (error, sqlite3_db_handle (stmt), rc, _("Could not write a row"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/**
 * integrity_import_step_upsert:
 * @insert: a bound `INSERT … ON CONFLICT (key) DO NOTHING`
 * @update: a bound `UPDATE … SET … WHERE key = … AND (a IS NOT ?1 OR …)`,
 *   which changes the row only where a value differs
 *
 * The natural-key upsert most row functions need, telling a new row from a
 * changed one and from one imported before unchanged.
 */
IntegrityImportOutcome
integrity_import_step_upsert (sqlite3_stmt  *insert,
                              sqlite3_stmt  *update,
                              GError       **error)
{
  sqlite3 *db;

  g_return_val_if_fail (insert != NULL && update != NULL, INTEGRITY_IMPORT_ROW_FAILED);

  db = sqlite3_db_handle (insert);
  if (!step_done (insert, error))
    return INTEGRITY_IMPORT_ROW_FAILED;
  if (sqlite3_changes (db) > 0)
    return INTEGRITY_IMPORT_ROW_INSERTED;
  if (!step_done (update, error))
    return INTEGRITY_IMPORT_ROW_FAILED;
  return sqlite3_changes (db) > 0 ? INTEGRITY_IMPORT_ROW_UPDATED : INTEGRITY_IMPORT_ROW_UNCHANGED;
}

struct _IntegrityImportUpsert
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
};

/**
 * integrity_import_upsert_new:
 * @insert_sql: `INSERT … VALUES (?1, …) ON CONFLICT (key) DO NOTHING`
 * @update_sql: `UPDATE … SET … WHERE key = ?1 AND (…) IS NOT (…)`
 *
 * The two statements of the usual natural-key upsert, where parameter N
 * of both is the importer's column N − 1. Made in a begin function, it
 * serves as the job data: free it with integrity_import_upsert_free().
 *
 * Returns: (nullable): the statements, or %NULL with @error set
 */
IntegrityImportUpsert *
integrity_import_upsert_new (sqlite3     *db,
                             const char  *insert_sql,
                             const char  *update_sql,
                             GError     **error)
{
  IntegrityImportUpsert *self;
  int rc;

  g_return_val_if_fail (db != NULL && insert_sql != NULL && update_sql != NULL, NULL);

  self = g_new0 (IntegrityImportUpsert, 1);
  rc = sqlite3_prepare_v2 (db, insert_sql, -1, &self->insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, update_sql, -1, &self->update, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, db, rc, _("Could not prepare the import"));
      integrity_import_upsert_free (self);
      return NULL;
    }
  return self;
}

void
integrity_import_upsert_free (gpointer upsert)
{
  IntegrityImportUpsert *self = upsert;

  if (self == NULL)
    return;
  sqlite3_finalize (self->insert);
  sqlite3_finalize (self->update);
  g_free (self);
}

/* Binds every column of @row (column N to parameter N + 1) and upserts it. */
IntegrityImportOutcome
integrity_import_upsert_row (IntegrityImportUpsert     *self,
                             const IntegrityImportRow  *row,
                             GError                   **error)
{
  g_return_val_if_fail (self != NULL && row != NULL, INTEGRITY_IMPORT_ROW_FAILED);

  for (guint c = 0; c < integrity_importer_get_n_columns (row->importer); c++)
    {
      integrity_import_row_bind (row, c, self->insert, (int) c + 1);
      integrity_import_row_bind (row, c, self->update, (int) c + 1);
    }
  return integrity_import_step_upsert (self->insert, self->update, error);
}
