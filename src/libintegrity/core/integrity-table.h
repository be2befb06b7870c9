/* integrity-table.h — tables to CSV or XLSX: headers, types, dates as dates. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a column's cells are written. Cells always arrive as text: numbers in
 * the C locale ("12", "-3.5"), dates as YYYY-MM-DD; an empty or NULL cell is
 * left blank. CSV writes the text as it is; XLSX writes numbers as numbers
 * and dates as dates (formatted yyyy-mm-dd), and text that does not parse as
 * its type as text. */
typedef enum
{
  INTEGRITY_TABLE_TEXT,
  INTEGRITY_TABLE_INTEGER,
  INTEGRITY_TABLE_NUMBER,
  INTEGRITY_TABLE_DATE,
} IntegrityTableType;

typedef struct
{
  const char         *heading;
  IntegrityTableType  type;
} IntegrityTableColumn;

typedef enum
{
  INTEGRITY_TABLE_FORMAT_CSV,
  INTEGRITY_TABLE_FORMAT_XLSX,
} IntegrityTableFormat;

/* One row's cells (n_columns of them, a NULL-terminated array) for @item. */
typedef char **(*IntegrityTableRowFunc) (gpointer item,
                                         gpointer user_data);

typedef struct _IntegrityTableWriter IntegrityTableWriter;

IntegrityTableFormat  integrity_table_format_for_path (const char                 *path);
IntegrityTableWriter *integrity_table_writer_new      (const char                 *path,
                                                       const char                 *sheet_name,
                                                       const IntegrityTableColumn *columns,
                                                       guint                       n_columns,
                                                       GError                    **error);
gboolean              integrity_table_writer_add_row  (IntegrityTableWriter       *self,
                                                       const char * const         *cells,
                                                       GError                    **error);
gboolean              integrity_table_writer_finish   (IntegrityTableWriter       *self,
                                                       GError                    **error);
void                  integrity_table_writer_free     (IntegrityTableWriter       *self);

gboolean              integrity_table_export          (GListModel                 *items,
                                                       const IntegrityTableColumn *columns,
                                                       guint                       n_columns,
                                                       IntegrityTableRowFunc       row_func,
                                                       gpointer                    user_data,
                                                       const char                 *path,
                                                       GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IntegrityTableWriter, integrity_table_writer_free)

G_END_DECLS
