/* training-outstanding-query.c — who is not through, counted and read a page at a time. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-data.h"
#include "training-outstanding-item.h"
#include "training-outstanding-query.h"

/* The list can be tens of thousands of officers at national scale: the page
 * counts it, the view reads the rows it shows a page at a time (LIMIT and
 * OFFSET), and search and sort are done here, in SQL, on a worker. The SQL
 * is put together from constant fragments, by which parts a query needs, so
 * each shape uses its index; every value is bound:
 *   ?1 the "as at" day (Julian), ?2 the same as YYYY-MM-DD, ?3 the district,
 *   ?4 the search as a LIKE pattern for the reference, ?5 the ranks whose
 *   label matches (",sergeant,"), ?6 the districts that match (",4,17,"),
 *   ?7 the cohorts and ?8 the modules that match (names between SEPARATOR),
 *   ?9 the ranks in the order of their labels, ?10 limit, ?11 offset. */

#define SEPARATOR "\x1f"

#define MEMBERS \
  " FROM training_member m JOIN training_cohort c ON c.name = m.cohort"
#define OFFICER \
  " JOIN training_officer o ON o.officer_ref = m.officer_ref"
#define DISTRICT \
  " JOIN district d ON d.id = m.district_id"
/* In scope and not through by the day, in a cohort that has started. */
#define OUTSTANDING \
  " WHERE (m.complete_on = 0 OR m.complete_on > ?1) AND (m.left_on = 0 OR m.left_on > ?1) AND c.start_date <= ?2"
#define MISSING_MODULES(alias_ref, alias_cohort) \
  "(SELECT group_concat (r.module, ', ') FROM training_requirement r WHERE r.cohort = " alias_cohort \
  " AND NOT EXISTS (SELECT 1 FROM training_completion x WHERE x.officer_ref = " alias_ref \
  " AND x.module = r.module AND x.completed_date <= ?2))"

TrainingOutstandingQuery *
training_outstanding_query_new (const char  *district,
                                TrainingDay  as_at)
{
  TrainingOutstandingQuery *query = g_new0 (TrainingOutstandingQuery, 1);

  query->district = g_strdup (district);
  query->as_at = as_at;
  query->sort = TRAINING_OUTSTANDING_SORT_DEADLINE;
  return query;
}

TrainingOutstandingQuery *
training_outstanding_query_copy (const TrainingOutstandingQuery *query)
{
  TrainingOutstandingQuery *copy = g_memdup2 (query, sizeof *query);

  copy->district = g_strdup (query->district);
  copy->search = g_strdup (query->search);
  return copy;
}

void
training_outstanding_query_free (TrainingOutstandingQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->district);
  g_free (query->search);
  g_free (query);
}

static gboolean
has_search (const TrainingOutstandingQuery *query)
{
  return query->search != NULL && *query->search != '\0';
}

gboolean
training_outstanding_query_equal (const TrainingOutstandingQuery *a,
                                  const TrainingOutstandingQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->district, b->district) == 0 && a->as_at == b->as_at
      && g_strcmp0 (has_search (a) ? a->search : NULL, has_search (b) ? b->search : NULL) == 0
      && a->sort == b->sort && a->descending == b->descending;
}

void
training_outstanding_free (TrainingOutstanding *row)
{
  if (row == NULL)
    return;
  g_free (row->officer_ref);
  g_free (row->rank);
  g_free (row->district);
  g_free (row->cohort);
  g_free (row->missing);
  g_free (row);
}

/* What the search matches besides the reference, worked out here rather
 * than in SQL: a rank matches by its translated label, and names match
 * without regard to case in any script (LIKE folds ASCII only). */
typedef struct
{
  char    *reference;  /* LIKE pattern */
  GString *ranks;
  GString *districts;
  GString *cohorts;
  GString *modules;
  GString *rank_order;
} SearchTerms;

static void
search_terms_clear (SearchTerms *terms)
{
  g_free (terms->reference);
  g_string_free (terms->ranks, TRUE);
  g_string_free (terms->districts, TRUE);
  g_string_free (terms->cohorts, TRUE);
  g_string_free (terms->modules, TRUE);
  g_string_free (terms->rank_order, TRUE);
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return strstr (folded, needle) != NULL;
}

static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* Names from @sql (first column) that contain @needle, each between SEPARATORs. */
static gboolean
matching_names (sqlite3     *db,
                const char  *sql,
                const char  *needle,
                GString     *names,
                gboolean     as_ids,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (contains_folded ((const char *) sqlite3_column_text (stmt, as_ids ? 1 : 0), needle))
      g_string_append_printf (names, "%s%s", (const char *) sqlite3_column_text (stmt, 0),
                              as_ids ? "," : SEPARATOR);
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not search the officers outstanding"));
  return TRUE;
}

static int
compare_rank_labels (gconstpointer a,
                     gconstpointer b)
{
  return g_utf8_collate (training_rank_label (*(const char * const *) a),
                         training_rank_label (*(const char * const *) b));
}

static gboolean
search_terms_init (SearchTerms                    *terms,
                   sqlite3                        *db,
                   const TrainingOutstandingQuery *query,
                   GError                        **error)
{
  const char * const *ranks = training_ranks ();
  g_autoptr(GPtrArray) by_label = g_ptr_array_new ();
  g_autofree char *needle = has_search (query) ? g_utf8_casefold (query->search, -1) : NULL;

  terms->reference = has_search (query) ? like_pattern (query->search) : NULL;
  terms->ranks = g_string_new (",");
  terms->districts = g_string_new (",");
  terms->cohorts = g_string_new (SEPARATOR);
  terms->modules = g_string_new (SEPARATOR);
  terms->rank_order = g_string_new (",");

  /* The rank column sorts by label, as the person reading it sees it. */
  for (guint i = 0; ranks[i] != NULL; i++)
    g_ptr_array_add (by_label, (gpointer) ranks[i]);
  g_ptr_array_sort (by_label, compare_rank_labels);
  for (guint i = 0; i < by_label->len; i++)
    g_string_append_printf (terms->rank_order, "%s,", (const char *) g_ptr_array_index (by_label, i));

  if (needle == NULL)
    return TRUE;
  for (guint i = 0; ranks[i] != NULL; i++)
    if (contains_folded (training_rank_label (ranks[i]), needle))
      g_string_append_printf (terms->ranks, "%s,", ranks[i]);
  return matching_names (db, "SELECT id, name FROM district", needle, terms->districts, TRUE, error)
      && matching_names (db, "SELECT name FROM training_cohort", needle, terms->cohorts, FALSE, error)
      && matching_names (db, "SELECT DISTINCT module FROM training_requirement", needle, terms->modules, FALSE,
                         error);
}

/* The search as one condition, from the fragments it needs. */
static void
append_search (GString           *sql,
               const SearchTerms *terms)
{
  g_string_append (sql, "(m.officer_ref LIKE ?4 ESCAPE '\\'");
  if (terms->ranks->len > 1)
    g_string_append (sql, " OR instr (?5, ',' || o.rank || ',') > 0");
  if (terms->districts->len > 1)
    g_string_append (sql, " OR instr (?6, ',' || m.district_id || ',') > 0");
  if (terms->cohorts->len > 1)
    g_string_append (sql, " OR instr (?7, char (31) || m.cohort || char (31)) > 0");
  if (terms->modules->len > 1)
    g_string_append (sql, " OR EXISTS (SELECT 1 FROM training_requirement r WHERE r.cohort = m.cohort"
                          " AND instr (?8, char (31) || r.module || char (31)) > 0"
                          " AND NOT EXISTS (SELECT 1 FROM training_completion x WHERE x.officer_ref = m.officer_ref"
                          " AND x.module = r.module AND x.completed_date <= ?2))");
  g_string_append_c (sql, ')');
}

/* Ties fall back to the deadline and the reference, as the list was first
 * read; the member's key last, so that pages never overlap. */
static void
append_order (GString                        *sql,
              const TrainingOutstandingQuery *query)
{
  static const char * const columns[] = {
    [TRAINING_OUTSTANDING_SORT_REFERENCE] = "m.officer_ref",
    [TRAINING_OUTSTANDING_SORT_RANK] = "instr (?9, ',' || o.rank || ',')",
    [TRAINING_OUTSTANDING_SORT_DISTRICT] = "d.name COLLATE NOCASE",
    [TRAINING_OUTSTANDING_SORT_COHORT] = "m.cohort COLLATE NOCASE",
    [TRAINING_OUTSTANDING_SORT_MISSING] = MISSING_MODULES ("m.officer_ref", "m.cohort"),
    [TRAINING_OUTSTANDING_SORT_DEADLINE] = "c.deadline",
  };

  g_string_append_printf (sql, " ORDER BY %s%s, c.deadline, m.officer_ref, m.cohort",
                          columns[CLAMP (query->sort, 0, G_N_ELEMENTS (columns) - 1)],
                          query->descending ? " DESC" : "");
}

static int
prepare (sqlite3                        *db,
         const char                     *sql,
         const TrainingOutstandingQuery *query,
         gint64                          district,
         const SearchTerms              *terms,
         sqlite3_stmt                  **stmt)
{
  g_autofree char *as_at = training_day_to_iso (query->as_at);
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  /* Binding a number the statement does not use is harmless (SQLITE_RANGE). */
  sqlite3_bind_int64 (*stmt, 1, query->as_at);
  sqlite3_bind_text (*stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (*stmt, 3, district);
  sqlite3_bind_text (*stmt, 4, terms->reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (*stmt, 5, terms->ranks->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (*stmt, 6, terms->districts->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (*stmt, 7, terms->cohorts->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (*stmt, 8, terms->modules->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (*stmt, 9, terms->rank_order->str, -1, SQLITE_TRANSIENT);
  return SQLITE_OK;
}

/**
 * training_outstanding_count:
 * @n_all: (out): everyone outstanding for the query's district and day
 * @n_matching: (out): those of them its search matches
 *
 * One pass over the members outstanding. Runs on a worker thread.
 */
gboolean
training_outstanding_count (sqlite3                         *db,
                            const TrainingOutstandingQuery  *query,
                            guint                           *n_all,
                            guint                           *n_matching,
                            GError                         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*), ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SearchTerms terms = { 0 };
  gint64 district;
  gboolean ok;
  int rc;

  g_return_val_if_fail (db != NULL && query != NULL, FALSE);

  if (!search_terms_init (&terms, db, query, error))
    {
      search_terms_clear (&terms);
      return FALSE;
    }
  district = training_lookup_district (db, query->district);
  if (has_search (query))
    {
      g_string_append (sql, "coalesce (sum (");
      append_search (sql, &terms);
      g_string_append (sql, "), 0)" MEMBERS);
      if (terms.ranks->len > 1)
        g_string_append (sql, OFFICER);
    }
  else
    g_string_append (sql, "count(*)" MEMBERS);
  g_string_append (sql, OUTSTANDING);
  if (district >= 0)
    g_string_append (sql, " AND m.district_id = ?3");

  rc = prepare (db, sql->str, query, district, &terms, &stmt);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n_all = (guint) sqlite3_column_int64 (stmt, 0);
      *n_matching = (guint) sqlite3_column_int64 (stmt, 1);
    }
  ok = rc == SQLITE_ROW || integrity_sqlite_error (error, db, rc, _("Could not count the officers outstanding"));
  search_terms_clear (&terms);
  return ok;
}

typedef gboolean (*RowFunc) (TrainingOutstanding *row, gpointer user_data, GError **error);

/* Rows in the query's order, from @offset, at most @limit (-1: all). The
 * modules missing are read for the rows returned only, not for every row
 * the sort considers. */
static gboolean
foreach_row (sqlite3                         *db,
             const TrainingOutstandingQuery  *query,
             gint64                           offset,
             gint64                           limit,
             RowFunc                          func,
             gpointer                         user_data,
             GCancellable                    *cancellable,
             GError                         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT m.officer_ref, o.rank, d.name, m.cohort, c.deadline"
                                         MEMBERS OFFICER DISTRICT OUTSTANDING);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) missing = NULL;
  g_autofree char *as_at = training_day_to_iso (query->as_at);
  SearchTerms terms = { 0 };
  gboolean ok = TRUE;
  gint64 district;
  int rc;

  if (!search_terms_init (&terms, db, query, error))
    {
      search_terms_clear (&terms);
      return FALSE;
    }
  district = training_lookup_district (db, query->district);
  if (district >= 0)
    g_string_append (sql, " AND m.district_id = ?3");
  if (has_search (query))
    {
      g_string_append (sql, " AND ");
      append_search (sql, &terms);
    }
  append_order (sql, query);
  g_string_append (sql, " LIMIT ?10 OFFSET ?11");

  rc = prepare (db, sql->str, query, district, &terms, &stmt);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 10, limit);
      sqlite3_bind_int64 (stmt, 11, offset);
      rc = sqlite3_prepare_v2 (db, "SELECT " MISSING_MODULES ("?3", "?1"), -1, &missing, NULL);
    }
  if (rc == SQLITE_OK)
    sqlite3_bind_text (missing, 2, as_at, -1, SQLITE_STATIC);
  while (ok && (rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrainingOutstanding *row = g_new0 (TrainingOutstanding, 1);

      row->officer_ref = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->rank = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->district = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->cohort = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->deadline = training_day_from_iso ((const char *) sqlite3_column_text (stmt, 4));
      sqlite3_bind_text (missing, 1, row->cohort, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (missing, 3, row->officer_ref, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (missing) == SQLITE_ROW)
        row->missing = g_strdup ((const char *) sqlite3_column_text (missing, 0));
      sqlite3_reset (missing);
      ok = func (row, user_data, error) && !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  search_terms_clear (&terms);
  if (ok && rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, _("Could not read the officers outstanding"));
  return ok;
}

static gboolean
add_row (TrainingOutstanding  *row,
         gpointer              user_data,
         GError              **error)
{
  g_ptr_array_add (user_data, row);
  return TRUE;
}

/**
 * training_outstanding_fetch:
 *
 * Up to @limit rows from @offset, in the query's order. Worker thread.
 * Returns: (transfer container) (element-type TrainingOutstanding)
 */
GPtrArray *
training_outstanding_fetch (sqlite3                         *db,
                            const TrainingOutstandingQuery  *query,
                            guint                            offset,
                            guint                            limit,
                            GError                         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) training_outstanding_free);

  g_return_val_if_fail (db != NULL && query != NULL, NULL);

  if (!foreach_row (db, query, offset, limit, add_row, rows, NULL, error))
    return NULL;
  return g_steal_pointer (&rows);
}

typedef struct
{
  IntegrityTableWriter *writer;
  TrainingDay           as_at;
} WriteRows;

static gboolean
write_row (TrainingOutstanding  *row,
           gpointer              user_data,
           GError              **error)
{
  WriteRows *write = user_data;
  g_autoptr(TrainingOutstandingItem) item = training_outstanding_item_new (row, write->as_at);
  g_auto(GStrv) cells = training_outstanding_item_to_cells (item);

  training_outstanding_free (row);
  return integrity_table_writer_add_row (write->writer, (const char * const *) cells, error);
}

/**
 * training_outstanding_write:
 * @path: the file; XLSX for a name ending .xlsx, else CSV
 *
 * Every row the query matches, in its order, as the list shows them, through
 * the shared table exporter, a row at a time so memory stays flat. Worker.
 */
gboolean
training_outstanding_write (sqlite3                         *db,
                            const TrainingOutstandingQuery  *query,
                            const char                      *path,
                            GCancellable                    *cancellable,
                            GError                         **error)
{
  guint n_columns;
  const IntegrityTableColumn *columns = training_outstanding_columns (&n_columns);
  g_autoptr(IntegrityTableWriter) writer = NULL;
  WriteRows write;

  g_return_val_if_fail (db != NULL && query != NULL && path != NULL, FALSE);

  writer = integrity_table_writer_new (path, _("Outstanding"), columns, n_columns, error);
  if (writer == NULL)
    return FALSE;
  write.writer = writer;
  write.as_at = query->as_at;
  return foreach_row (db, query, 0, -1, write_row, &write, cancellable, error)
      && integrity_table_writer_finish (writer, error);
}
