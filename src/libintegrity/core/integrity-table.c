/* integrity-table.c — tables to CSV or XLSX: headers, types, dates as dates. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-table"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>

#include "integrity-table.h"

/* The most rows a worksheet holds, the header included. */
#define XLSX_MAX_ROWS 1048576

struct _IntegrityTableWriter
{
  IntegrityTableFormat  format;
  char                 *path;
  IntegrityTableColumn *columns;
  guint                 n_columns;
  guint32               row;          /* the next row to write; 0 is the header */

  /* CSV */
  GFileOutputStream    *out;
  GString              *line;

  /* XLSX */
  lxw_workbook         *workbook;
  lxw_worksheet        *worksheet;
  lxw_format           *bold;
  lxw_format           *date;
  double               *widths;
};

/**
 * integrity_table_format_for_path:
 * @path: a file name
 *
 * Returns: XLSX for a name ending in `.xlsx` (any case), else CSV
 */
IntegrityTableFormat
integrity_table_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, INTEGRITY_TABLE_FORMAT_CSV);

  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".xlsx") ? INTEGRITY_TABLE_FORMAT_XLSX : INTEGRITY_TABLE_FORMAT_CSV;
}

static gboolean
set_xlsx_error (GError    **error,
                const char *path,
                lxw_error   code)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, lxw_strerror (code));
  return FALSE;
}

static void
csv_field (GString    *line,
           const char *field,
           gboolean    last)
{
  if (field != NULL && strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else if (field != NULL)
    g_string_append (line, field);
  g_string_append (line, last ? "\r\n" : ",");
}

static gboolean
flush_csv (IntegrityTableWriter  *self,
           GError               **error)
{
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (self->out), self->line->str, self->line->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (self->line, 0);
  return TRUE;
}

/**
 * integrity_table_writer_new:
 * @path: the file to write, replaced only when the writer finishes (CSV) or
 *   closes (XLSX); the extension chooses the format
 * @sheet_name: (nullable): the worksheet's name in XLSX (at most 31 characters)
 * @columns: (array length=n_columns): each column's heading and type
 * @n_columns: how many
 *
 * Starts a table with a header row. Safe on a worker thread.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
IntegrityTableWriter *
integrity_table_writer_new (const char                 *path,
                            const char                 *sheet_name,
                            const IntegrityTableColumn *columns,
                            guint                       n_columns,
                            GError                    **error)
{
  g_autoptr(IntegrityTableWriter) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (IntegrityTableWriter, 1);
  self->format = integrity_table_format_for_path (path);
  self->path = g_strdup (path);
  self->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  self->n_columns = n_columns;

  if (self->format == INTEGRITY_TABLE_FORMAT_CSV)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      self->out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
      if (self->out == NULL)
        return NULL;
      self->line = g_string_new (NULL);
      for (guint i = 0; i < n_columns; i++)
        csv_field (self->line, columns[i].heading, i + 1 == n_columns);
    }
  else
    {
      lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
      lxw_error code;
      const char *wanted = sheet_name != NULL && sheet_name[0] != '\0' ? sheet_name : "Sheet1";
      /* g_utf8_substring() reads past the end when asked for more characters
       * than there are (AddressSanitizer found it): clamp to the length. */
      g_autofree char *name = g_utf8_substring (wanted, 0, MIN (g_utf8_strlen (wanted, -1), 31));

      self->workbook = workbook_new_opt (path, &options);
      if (self->workbook == NULL)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno != 0 ? errno : EIO),
                       _("Could not write “%s”: %s"), path, g_strerror (errno != 0 ? errno : EIO));
          return NULL;
        }
      /* Characters a sheet name may not hold become spaces. */
      for (char *p = name; *p != '\0'; p++)
        if (strchr ("\\/?*[]:", *p) != NULL)
          *p = ' ';
      self->worksheet = workbook_add_worksheet (self->workbook, name);
      if (self->worksheet == NULL)
        self->worksheet = workbook_add_worksheet (self->workbook, NULL);
      self->bold = workbook_add_format (self->workbook);
      format_set_bold (self->bold);
      self->date = workbook_add_format (self->workbook);
      format_set_num_format (self->date, "yyyy-mm-dd");
      self->widths = g_new0 (double, n_columns);
      for (guint i = 0; i < n_columns; i++)
        {
          self->widths[i] = MAX (10.0, g_utf8_strlen (columns[i].heading, -1) + 2.0);
          if (columns[i].type == INTEGRITY_TABLE_DATE)
            self->widths[i] = MAX (self->widths[i], 12.0);
          worksheet_set_column (self->worksheet, (lxw_col_t) i, (lxw_col_t) i, self->widths[i],
                                columns[i].type == INTEGRITY_TABLE_DATE ? self->date : NULL);
          code = worksheet_write_string (self->worksheet, 0, (lxw_col_t) i, columns[i].heading, self->bold);
          if (code != LXW_NO_ERROR)
            return set_xlsx_error (error, path, code), NULL;
        }
      worksheet_freeze_panes (self->worksheet, 1, 0);
    }
  self->row = 1;
  return g_steal_pointer (&self);
}

static lxw_error
write_xlsx_cell (IntegrityTableWriter *self,
                 lxw_col_t             col,
                 IntegrityTableType    type,
                 const char           *text)
{
  char *end = NULL;

  switch (type)
    {
    case INTEGRITY_TABLE_INTEGER:
    case INTEGRITY_TABLE_NUMBER:
      {
        double value = g_ascii_strtod (text, &end);

        if (end != text && *end == '\0' && isfinite (value))
          return worksheet_write_number (self->worksheet, self->row, col, value, NULL);
        break;
      }
    case INTEGRITY_TABLE_DATE:
      {
        unsigned year, month, day;
        char rest;

        if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3
            && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) && year >= 1900)
          {
            lxw_datetime when = { .year = (int) year, .month = (int) month, .day = (int) day };

            return worksheet_write_datetime (self->worksheet, self->row, col, &when, self->date);
          }
        break;
      }
    case INTEGRITY_TABLE_TEXT:
    default:
      break;
    }
  return worksheet_write_string (self->worksheet, self->row, col, text, NULL);
}

/**
 * integrity_table_writer_add_row:
 * @cells: (array zero-terminated=1): the row's cells as text, one a column;
 *   fewer leave the rest blank
 *
 * Returns: %FALSE with @error set if the row could not be written
 */
gboolean
integrity_table_writer_add_row (IntegrityTableWriter  *self,
                                const char * const    *cells,
                                GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);

  if (self->format == INTEGRITY_TABLE_FORMAT_CSV)
    {
      gboolean ended = FALSE;

      for (guint i = 0; i < self->n_columns; i++)
        {
          ended = ended || cells[i] == NULL;
          csv_field (self->line, ended ? NULL : cells[i], i + 1 == self->n_columns);
        }
      self->row++;
      return self->line->len < 65536 || flush_csv (self, error);
    }

  if (self->row >= XLSX_MAX_ROWS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not write “%s”: a spreadsheet holds at most %u rows; export to CSV instead"),
                   self->path, (guint) XLSX_MAX_ROWS - 1);
      return FALSE;
    }
  for (guint i = 0; i < self->n_columns && cells[i] != NULL; i++)
    {
      lxw_error code;

      if (cells[i][0] == '\0')
        continue;
      code = write_xlsx_cell (self, (lxw_col_t) i, self->columns[i].type, cells[i]);
      if (code != LXW_NO_ERROR)
        return set_xlsx_error (error, self->path, code);
      if (self->columns[i].type == INTEGRITY_TABLE_TEXT)
        {
          double width = MIN (60.0, g_utf8_strlen (cells[i], -1) + 2.0);

          if (width > self->widths[i])
            {
              self->widths[i] = width;
              worksheet_set_column (self->worksheet, (lxw_col_t) i, (lxw_col_t) i, width, NULL);
            }
        }
    }
  self->row++;
  return TRUE;
}

/**
 * integrity_table_writer_finish:
 *
 * Writes what is left and closes the file: only now does it replace @path.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
integrity_table_writer_finish (IntegrityTableWriter  *self,
                               GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->format == INTEGRITY_TABLE_FORMAT_CSV)
    {
      gboolean ok = flush_csv (self, error)
                    && g_output_stream_close (G_OUTPUT_STREAM (self->out), NULL, error);

      g_clear_object (&self->out);
      return ok;
    }
  else
    {
      lxw_error code;

      if (self->row > 1)
        worksheet_autofilter (self->worksheet, 0, 0, self->row - 1, (lxw_col_t) (self->n_columns - 1));
      code = workbook_close (self->workbook);
      self->workbook = NULL;
      if (code != LXW_NO_ERROR)
        return set_xlsx_error (error, self->path, code);
      return TRUE;
    }
}

/* Frees the writer; one not finished leaves @path as it was (CSV) or
 * unwritten (XLSX). */
void
integrity_table_writer_free (IntegrityTableWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closing with a cancelled cancellable abandons the replacement. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (self->out), cancelled, NULL);
      g_object_unref (self->out);
    }
  if (self->workbook != NULL)
    {
      workbook_close (self->workbook);
      g_remove (self->path);
    }
  if (self->line != NULL)
    g_string_free (self->line, TRUE);
  g_free (self->widths);
  g_free (self->columns);
  g_free (self->path);
  g_free (self);
}

/**
 * integrity_table_export:
 * @items: the rows, in the order to write them
 * @columns: (array length=n_columns): each column's heading and type
 * @row_func: (scope call): gives an item's cells
 * @path: the file; `.xlsx` writes a spreadsheet, anything else CSV
 *
 * Writes a whole list as a table, CSV or XLSX by the name's extension.
 *
 * Returns: %FALSE with @error set if it could not be written
 */
gboolean
integrity_table_export (GListModel                 *items,
                        const IntegrityTableColumn *columns,
                        guint                       n_columns,
                        IntegrityTableRowFunc       row_func,
                        gpointer                    user_data,
                        const char                 *path,
                        GError                    **error)
{
  g_autoptr(IntegrityTableWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);
  g_return_val_if_fail (row_func != NULL, FALSE);

  writer = integrity_table_writer_new (path, NULL, columns, n_columns, error);
  if (writer == NULL)
    return FALSE;
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_auto(GStrv) cells = row_func (item, user_data);

      if (!integrity_table_writer_add_row (writer, (const char * const *) cells, error))
        return FALSE;
    }
  return integrity_table_writer_finish (writer, error);
}
