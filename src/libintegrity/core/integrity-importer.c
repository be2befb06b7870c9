/* integrity-importer.c — a kind of CSV file a plugin can import. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "integrity-import-private.h"

struct _IntegrityImporter
{
  GObject                parent_instance;

  IntegrityImporterInfo  info;       /* a deep copy: strings owned by strings */
  GStringChunk          *strings;
  IntegrityImportColumn *columns;
  GPtrArray             *lists;      /* the copied aliases and values arrays */
  char                 **normalised; /* per column: name, then aliases, normalised */
  gpointer               user_data;
};

G_DEFINE_FINAL_TYPE (IntegrityImporter, integrity_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (integrity-import-error-quark, integrity_import_error)

static void
integrity_importer_finalize (GObject *object)
{
  IntegrityImporter *self = INTEGRITY_IMPORTER (object);

  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_free (self->columns);
  g_free (self->normalised);

  G_OBJECT_CLASS (integrity_importer_parent_class)->finalize (object);
}

static void
integrity_importer_class_init (IntegrityImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = integrity_importer_finalize;
}

static void
integrity_importer_init (IntegrityImporter *self)
{
  self->strings = g_string_chunk_new (512);
  self->lists = g_ptr_array_new_with_free_func (g_free);
}

const char *
integrity_column_type_to_string (IntegrityColumnType type)
{
  switch (type)
    {
    case INTEGRITY_COLUMN_TEXT: return "text";
    case INTEGRITY_COLUMN_INTEGER: return "integer";
    case INTEGRITY_COLUMN_DECIMAL: return "decimal";
    case INTEGRITY_COLUMN_DATE: return "date";
    case INTEGRITY_COLUMN_MONTH: return "month";
    case INTEGRITY_COLUMN_BOOLEAN: return "boolean";
    case INTEGRITY_COLUMN_ENUM: return "enum";
    case INTEGRITY_COLUMN_DISTRICT: return "district";
    default: return "unknown";
    }
}

/* Header names match whatever their case and separators: "Crime ID",
 * "crime_id" and "crime-id" are one name. */
char *
_integrity_import_normalise_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  gboolean separator = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        separator = TRUE;
      else
        {
          if (separator && out->len > 0)
            g_string_append_c (out, '_');
          separator = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static const char *const *
copy_list (IntegrityImporter *self,
           const char *const *list)
{
  guint n = list != NULL ? g_strv_length ((char **) list) : 0;
  const char **copy;

  if (list == NULL)
    return NULL;
  copy = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy[i] = g_string_chunk_insert (self->strings, list[i]);
  g_ptr_array_add (self->lists, copy);
  return copy;
}

static const char *
copy_string (IntegrityImporter *self,
             const char        *text)
{
  return text != NULL ? g_string_chunk_insert (self->strings, text) : NULL;
}

/**
 * integrity_importer_new:
 * @info: the declaration; copied, so it may be on the stack
 * @user_data: for the callbacks, see integrity_importer_get_user_data()
 *
 * Declares a kind of file. Register it with integrity_context_add_importer()
 * in the plugin's load(), and remove it in unload().
 */
IntegrityImporter *
integrity_importer_new (const IntegrityImporterInfo *info,
                        gpointer                     user_data)
{
  IntegrityImporter *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->kind != NULL && info->component != NULL, NULL);
  g_return_val_if_fail (info->columns != NULL && info->n_columns > 0, NULL);
  g_return_val_if_fail (info->row != NULL, NULL);

  self = g_object_new (INTEGRITY_TYPE_IMPORTER, NULL);
  self->info = *info;
  self->user_data = user_data;
  self->info.kind = copy_string (self, info->kind);
  self->info.component = copy_string (self, info->component);
  self->info.title = copy_string (self, info->title != NULL ? info->title : info->kind);
  self->info.description = copy_string (self, info->description != NULL ? info->description : "");
  self->info.translation_domain = copy_string (self, info->translation_domain);

  self->columns = g_new0 (IntegrityImportColumn, info->n_columns);
  self->normalised = g_new0 (char *, info->n_columns);
  for (guint i = 0; i < info->n_columns; i++)
    {
      const IntegrityImportColumn *from = &info->columns[i];
      IntegrityImportColumn *to = &self->columns[i];
      g_autofree char *name = _integrity_import_normalise_name (from->name);

      g_return_val_if_fail (from->name != NULL, self);
      g_return_val_if_fail (from->type != INTEGRITY_COLUMN_ENUM || from->values != NULL, self);
      *to = *from;
      if (to->flags & INTEGRITY_COLUMN_KEY)
        to->flags |= INTEGRITY_COLUMN_REQUIRED;
      to->name = copy_string (self, from->name);
      to->aliases = copy_list (self, from->aliases);
      to->values = copy_list (self, from->values);
      self->normalised[i] = g_string_chunk_insert (self->strings, name);
    }
  self->info.columns = self->columns;
  return self;
}

const IntegrityImporterInfo *
_integrity_importer_get_info (IntegrityImporter *self)
{
  return &self->info;
}

const char *
integrity_importer_get_kind (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  return self->info.kind;
}

const char *
integrity_importer_get_component (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  return self->info.component;
}

const char *
integrity_importer_get_title (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  if (self->info.translation_domain != NULL)
    return g_dgettext (self->info.translation_domain, self->info.title);
  return self->info.title;
}

const char *
integrity_importer_get_description (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  if (self->info.translation_domain != NULL && self->info.description[0] != '\0')
    return g_dgettext (self->info.translation_domain, self->info.description);
  return self->info.description;
}

gpointer
integrity_importer_get_user_data (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  return self->user_data;
}

guint
integrity_importer_get_n_columns (IntegrityImporter *self)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), 0);
  return self->info.n_columns;
}

const IntegrityImportColumn *
integrity_importer_get_column (IntegrityImporter *self,
                               guint              column)
{
  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (column < self->info.n_columns, NULL);
  return &self->columns[column];
}

/**
 * integrity_importer_find_column:
 * @header_name: a name from a file's header row
 *
 * Returns: the index of the column with that name or alias, or -1
 */
int
integrity_importer_find_column (IntegrityImporter *self,
                                const char        *header_name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), -1);
  g_return_val_if_fail (header_name != NULL, -1);

  wanted = _integrity_import_normalise_name (header_name);
  for (guint i = 0; i < self->info.n_columns; i++)
    {
      if (strcmp (self->normalised[i], wanted) == 0)
        return (int) i;
      for (guint j = 0; self->columns[i].aliases != NULL && self->columns[i].aliases[j]; j++)
        {
          g_autofree char *alias = _integrity_import_normalise_name (self->columns[i].aliases[j]);
          if (strcmp (alias, wanted) == 0)
            return (int) i;
        }
    }
  return -1;
}

/**
 * integrity_importer_describe:
 *
 * Returns: the kind, its title and description and one line per column
 *   (type, required or optional, key, aliases, allowed values or range),
 *   as `integrity import --list` prints it
 */
char *
integrity_importer_describe (IntegrityImporter *self)
{
  GString *out;

  g_return_val_if_fail (INTEGRITY_IS_IMPORTER (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s — %s\n", self->info.kind, integrity_importer_get_title (self));
  if (self->info.description[0] != '\0')
    g_string_append_printf (out, "  %s\n", integrity_importer_get_description (self));
  for (guint i = 0; i < self->info.n_columns; i++)
    {
      const IntegrityImportColumn *column = &self->columns[i];

      g_string_append_printf (out, "  %-24s %-9s %s", column->name,
                              integrity_column_type_to_string (column->type),
                              (column->flags & INTEGRITY_COLUMN_KEY) ? _("required, key")
                              : (column->flags & INTEGRITY_COLUMN_REQUIRED) ? _("required")
                              : _("optional"));
      if (column->type == INTEGRITY_COLUMN_ENUM)
        {
          g_autofree char *values = g_strjoinv ("|", (char **) column->values);
          g_string_append_printf (out, "; %s %s", _("one of"), values);
        }
      if (column->type == INTEGRITY_COLUMN_INTEGER && column->min < column->max)
        g_string_append_printf (out, "; %" G_GINT64_FORMAT "…%" G_GINT64_FORMAT,
                                column->min, column->max);
      if (column->aliases != NULL && column->aliases[0] != NULL)
        {
          g_autofree char *aliases = g_strjoinv ("”, “", (char **) column->aliases);
          g_string_append_printf (out, "; %s “%s”", _("also"), aliases);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/**
 * integrity_importer_guess:
 * @importers: (element-type IntegrityImporter): the registered importers
 * @header: a file's header row
 *
 * The importer whose columns best match @header: one with every required
 * column before any other, then the most columns matched.
 *
 * Returns: (transfer full) (nullable): the best match, %NULL when no column matches
 */
IntegrityImporter *
integrity_importer_guess (GListModel        *importers,
                          const char *const *header)
{
  g_autoptr(IntegrityImporter) best = NULL;
  int best_score = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (importers), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (importers); i++)
    {
      g_autoptr(IntegrityImporter) importer = g_list_model_get_item (importers, i);
      g_autofree gboolean *seen = g_new0 (gboolean, importer->info.n_columns);
      int matched = 0;
      int missing = 0;
      int score;

      for (guint j = 0; header[j] != NULL; j++)
        {
          int column = integrity_importer_find_column (importer, header[j]);
          if (column >= 0 && !seen[column])
            {
              seen[column] = TRUE;
              matched++;
            }
        }
      for (guint c = 0; c < importer->info.n_columns; c++)
        if ((importer->columns[c].flags & INTEGRITY_COLUMN_REQUIRED) && !seen[c])
          missing++;

      score = missing == 0 ? 10000 + matched : matched * 10 - missing;
      if (matched > 0 && score > best_score)
        {
          best_score = score;
          g_set_object (&best, importer);
        }
    }
  return g_steal_pointer (&best);
}
