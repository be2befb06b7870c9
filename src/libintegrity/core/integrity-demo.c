/* integrity-demo.c — what every plugin's demo generator shares. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-demo"

#include "config.h"

#include <math.h>

#include "integrity-demo.h"
#include "integrity-store.h"

/* Fictional places: demo data must never look like a real force's. */
static const char *district_names[] = {
  "Northgate", "Riverside", "Eastfield", "Westmoor", "Southbank", "Central",
};

/* How each district differs from the force, in recording-rate points:
 * two lag (Eastfield, Westmoor), so league tables have a story. */
static const double district_effects[] = { 0.02, 0.01, -0.06, -0.04, 0.015, 0.005 };

IntegrityMonth
integrity_demo_first_month (void)
{
  return integrity_month_new (2018, 7);
}

IntegrityMonth
integrity_demo_last_month (void)
{
  return integrity_month_new (2021, 12);
}

guint
integrity_demo_n_districts (guint scale)
{
  return G_N_ELEMENTS (district_names) * MAX (scale, 1);
}

/* "Northgate" for the first force, "Northgate 2" for the second. */
char *
integrity_demo_district_name (guint index)
{
  guint force = index / G_N_ELEMENTS (district_names);
  const char *name = district_names[index % G_N_ELEMENTS (district_names)];

  return force == 0 ? g_strdup (name) : g_strdup_printf ("%s %u", name, force + 1);
}

double
integrity_demo_district_effect (guint index)
{
  return district_effects[index % G_N_ELEMENTS (district_effects)];
}

/**
 * integrity_demo_add_districts:
 * @ids: (element-type gint64): receives each district's id, in index order
 */
gboolean
integrity_demo_add_districts (IntegrityStore  *store,
                              guint            scale,
                              GArray          *ids,
                              GError         **error)
{
  guint n = integrity_demo_n_districts (scale);

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  g_array_set_size (ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = integrity_demo_district_name (i);
      gint64 id = integrity_store_ensure_district (store, name, error);

      if (id < 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* Box–Muller: one standard normal draw. */
double
integrity_demo_normal (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

guint
integrity_demo_binomial (GRand  *rand,
                         guint   n,
                         double  p)
{
  guint k = 0;

  p = CLAMP (p, 0.0, 1.0);
  if (n > 64)
    {
      /* Normal approximation: exact enough for demo volumes, and fast. */
      double mean = n * p;
      double sd = sqrt (n * p * (1.0 - p));
      double draw = round (mean + sd * integrity_demo_normal (rand));
      return (guint) CLAMP (draw, 0.0, (double) n);
    }
  for (guint i = 0; i < n; i++)
    if (g_rand_double (rand) < p)
      k++;
  return k;
}

guint
integrity_demo_poisson (GRand  *rand,
                        double  mean)
{
  double limit, product;
  guint k = 0;

  if (mean <= 0)
    return 0;
  if (mean > 30)
    return (guint) MAX (0.0, round (mean + sqrt (mean) * integrity_demo_normal (rand)));

  limit = exp (-mean);
  product = g_rand_double (rand);
  while (product > limit)
    {
      k++;
      product *= g_rand_double (rand);
    }
  return k;
}

/* Drops the schema objects of @type named in @names that exist, keeping
 * their CREATE statements in @saved. */
static gboolean
suspend_objects (IntegrityStore      *store,
                 const char          *type,
                 const char * const  *names,
                 GPtrArray           *saved,
                 GError             **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (names != NULL && saved != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  for (guint i = 0; rc == SQLITE_OK && names[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          char *drop = sqlite3_mprintf ("DROP %s \"%w\"", type, names[i]);

          g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          sqlite3_reset (stmt);
          rc = sqlite3_exec (db, drop, NULL, NULL, NULL);
          sqlite3_free (drop);
        }
      else if (rc == SQLITE_DONE)
        rc = sqlite3_reset (stmt);
    }
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo");
  return TRUE;
}

/**
 * integrity_demo_suspend_triggers:
 * @names: (array zero-terminated=1): the triggers that keep rollups in step, row by row
 * @saved: (element-type utf8): receives their CREATE TRIGGER statements
 *
 * A demo writes millions of rows in one transaction: adding them to the
 * rollups a batch at a time (a district's rows, say) is several times
 * faster than a rollup upsert per row. Inside the demo's transaction.
 */
gboolean
integrity_demo_suspend_triggers (IntegrityStore      *store,
                                 const char * const  *names,
                                 GPtrArray           *saved,
                                 GError             **error)
{
  return suspend_objects (store, "trigger", names, saved, error);
}

/**
 * integrity_demo_suspend_indexes:
 * @names: (array zero-terminated=1): indexes the rows are written out of their order
 * @saved: (element-type utf8): receives their CREATE INDEX statements
 *
 * An index whose entries arrive in no order costs a page read and write
 * for each once it outgrows the cache; made again after the rows
 * (integrity_demo_resume_triggers() takes these too), it is one sort.
 * The same statements make the same indexes. Inside the demo's transaction.
 */
gboolean
integrity_demo_suspend_indexes (IntegrityStore      *store,
                                const char * const  *names,
                                GPtrArray           *saved,
                                GError             **error)
{
  return suspend_objects (store, "index", names, saved, error);
}

/**
 * integrity_demo_resume_triggers:
 * @saved: (element-type utf8): from integrity_demo_suspend_triggers() or
 *   integrity_demo_suspend_indexes()
 *
 * Puts the triggers (or indexes) back, once the caller has brought the
 * rollups in step with the rows written meanwhile.
 */
gboolean
integrity_demo_resume_triggers (IntegrityStore  *store,
                                GPtrArray       *saved,
                                GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  int rc = SQLITE_OK;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);

  for (guint i = 0; rc == SQLITE_OK && i < saved->len; i++)
    rc = sqlite3_exec (db, g_ptr_array_index (saved, i), NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo");
  return TRUE;
}

/**
 * integrity_demo_insert_sql:
 * @table_columns: "table (a, b, c)": the caller's constant, never input
 * @n_columns: how many columns @table_columns names
 * @n_rows: rows a statement writes
 *
 * Each run of a statement costs SQLite about half as much again as the
 * row it writes (cursors opened and closed, the statement begun and
 * ended): a statement that writes a hundred rows writes them about a
 * third faster. Row r's column c is parameter r × @n_columns + c + 1.
 *
 * Returns: (transfer full): the INSERT
 */
char *
integrity_demo_insert_sql (const char *table_columns,
                           guint       n_columns,
                           guint       n_rows)
{
  GString *sql;

  g_return_val_if_fail (table_columns != NULL && n_columns > 0 && n_rows > 0, NULL);

  sql = g_string_new ("INSERT INTO ");
  g_string_append (sql, table_columns);
  g_string_append (sql, " VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r == 0 ? "(?" : ", (?");
      for (guint c = 1; c < n_columns; c++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

/**
 * integrity_demo_max_rowid:
 * @table: one of the caller's tables with rowids (a constant, never input)
 * @rowid: (out): its largest rowid, 0 when it is empty
 *
 * Rows added afterwards get larger rowids: a batch of them is the rows
 * after this mark, found through the rowid without a scan.
 */
gboolean
integrity_demo_max_rowid (IntegrityStore  *store,
                          const char      *table,
                          gint64          *rowid,
                          GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *sql;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL && rowid != NULL, FALSE);

  sql = sqlite3_mprintf ("SELECT coalesce(max(rowid), 0) FROM \"%w\"", table);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *rowid = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  return integrity_sqlite_error (error, db, rc, "demo");
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/**
 * integrity_demo_prepare_batch:
 * @sql: statements separated by semicolons, run after each batch of rows
 *
 * Returns: (transfer full) (element-type sqlite3_stmt): the statements,
 *   prepared once for every batch, or %NULL on error
 */
GPtrArray *
integrity_demo_prepare_batch (IntegrityStore  *store,
                              const char      *sql,
                              GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (finalize_statement);

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  while (*sql != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *rest = NULL;
      int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, &rest);

      if (rc != SQLITE_OK)
        {
          integrity_sqlite_error (error, db, rc, "demo");
          return NULL;
        }
      if (stmt != NULL)  /* NULL for the blank after the last semicolon */
        g_ptr_array_add (statements, stmt);
      sql = rest;
    }
  return g_steal_pointer (&statements);
}

/**
 * integrity_demo_run_batch:
 * @statements: (element-type sqlite3_stmt): from integrity_demo_prepare_batch()
 * @values: (array length=n_values): bound to ?1, ?2… of each statement that has them
 *
 * Runs each statement once, in order: typically, sums the rows written
 * since a mark (integrity_demo_max_rowid()) into the rollups.
 */
gboolean
integrity_demo_run_batch (IntegrityStore  *store,
                          GPtrArray       *statements,
                          const gint64    *values,
                          guint            n_values,
                          GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  for (guint i = 0; i < statements->len; i++)
    {
      sqlite3_stmt *stmt = g_ptr_array_index (statements, i);
      int n = MIN (sqlite3_bind_parameter_count (stmt), (int) n_values);
      int rc;

      for (int p = 0; p < n; p++)
        sqlite3_bind_int64 (stmt, p + 1, values[p]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return integrity_sqlite_error (error, db, rc, "demo");
    }
  return TRUE;
}

/**
 * integrity_demo_set_checks:
 * @enabled: %FALSE while writing generated rows, %TRUE after
 *
 * Whether CHECK constraints are checked. A CHECK (x IN (0, 1, 2)) makes
 * SQLite build a temporary b-tree for every row written: for millions of
 * rows that the generator makes valid, that costs as much as the insert
 * itself. Enabled again, every statement is prepared again with its
 * checks, and `integrity check` verifies the rows against them. Enable
 * them again whatever happens: the setting outlives the transaction.
 */
gboolean
integrity_demo_set_checks (IntegrityStore  *store,
                           gboolean         enabled,
                           GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);

  return integrity_store_exec (store, enabled ? "PRAGMA ignore_check_constraints=OFF"
                                              : "PRAGMA ignore_check_constraints=ON", error);
}

/**
 * integrity_demo_swap_pragma:
 * @name: a pragma that takes and reports an integer, such as "cache_size"
 *   or "temp_store" (the caller's constant, never input)
 * @value: its value from now on
 *
 * For a stretch of the demo that wants SQLite set otherwise. Some settings
 * cannot change inside a transaction in some states (temp_store once a
 * temporary table exists): then it stays as it was, which costs only time
 * or memory, never data.
 *
 * Returns: its value before, to put back
 */
gint64
integrity_demo_swap_pragma (IntegrityStore *store,
                            const char     *name,
                            gint64          value)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 before = 0;
  char *sql;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  sql = sqlite3_mprintf ("PRAGMA \"%w\"", name);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    before = sqlite3_column_int64 (stmt, 0);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("PRAGMA \"%w\" = %lld", name, (long long) value);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  return before;
}

/**
 * integrity_demo_put_number:
 * @out: where the digits go: room for MAX (10, @min_digits) and a nul
 * @min_digits: zero-padded to this many, as printf's "%0*u"
 *
 * For the references of millions of rows, without printf's parsing.
 *
 * Returns: the end of the digits written (the nul), to append to
 */
char *
integrity_demo_put_number (char  *out,
                           guint  value,
                           guint  min_digits)
{
  char digits[10];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  for (; min_digits > n; min_digits--)
    *out++ = '0';
  while (n > 0)
    *out++ = digits[--n];
  *out = '\0';
  return out;
}

/* The tables integrity_demo_open_part() gave a part: the plugins', which
 * integrity_demo_copy_part() copies (the core's stay behind). */
#define PART_TABLES "integrity-demo-part-tables"

static gboolean
exec_bound (sqlite3     *db,
            const char  *sql,
            const char  *text,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return integrity_sqlite_error (error, db, rc, "demo");
  return TRUE;
}

/**
 * integrity_demo_open_part:
 * @store: the store a demo is for, outside a transaction
 * @path: a new file for the part, next to @store
 *
 * SQLite writes a store from one thread at a time. To generate on two
 * threads, one writes @store and the other a part store of its own,
 * copied into @store in the same transaction at the end
 * (integrity_demo_copy_part()): SQLite copies a table into an empty one of
 * the same shape page by page, about ten times faster than the rows were
 * written. A part has @store's
 * tables, indexes, triggers and districts, so a plugin's generator writes
 * it as it would @store, with the same district ids. It is written
 * without a journal: if anything fails, it is deleted.
 *
 * Returns: (transfer full): the part, or %NULL
 */
IntegrityStore *
integrity_demo_open_part (IntegrityStore  *store,
                          const char      *path,
                          GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(IntegrityStore) part = NULL;
  g_autoptr(sqlite3_stmt) schema = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) districts = NULL;
  g_autoptr(sqlite3_stmt) add_district = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *part_db;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  part = integrity_store_open (path, error);
  if (part == NULL)
    return NULL;
  part_db = integrity_store_get_connection (part);
  if (!integrity_store_exec (part, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                             " PRAGMA foreign_keys=OFF; PRAGMA cache_size=-8192", error))
    return NULL;

  /* In the order they were made: tables before the indexes and triggers on them. */
  rc = sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                           " AND name NOT LIKE 'sqlite%' ORDER BY type <> 'table', rowid", -1, &schema, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo"), NULL;
  rc = sqlite3_prepare_v2 (part_db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", -1, &exists, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (schema)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (schema, 1);

      sqlite3_bind_text (exists, 1, name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (exists);
      sqlite3_reset (exists);
      if (rc == SQLITE_ROW)
        rc = SQLITE_OK;  /* the core's: the part made it itself */
      else if (rc == SQLITE_DONE)
        {
          rc = sqlite3_exec (part_db, (const char *) sqlite3_column_text (schema, 2), NULL, NULL, NULL);
          if (rc == SQLITE_OK && g_str_equal ((const char *) sqlite3_column_text (schema, 0), "table"))
            g_ptr_array_add (tables, g_strdup (name));
        }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, part_db, rc, "demo"), NULL;

  /* The districts @store has, with their ids: the generators add the rest. */
  rc = sqlite3_prepare_v2 (db, "SELECT id, name, key FROM district ORDER BY id", -1, &districts, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (part_db, "INSERT INTO district (id, name, key) VALUES (?1, ?2, ?3)",
                             -1, &add_district, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (districts)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (add_district, 1, sqlite3_column_int64 (districts, 0));
      sqlite3_bind_value (add_district, 2, sqlite3_column_value (districts, 1));
      sqlite3_bind_value (add_district, 3, sqlite3_column_value (districts, 2));
      rc = sqlite3_step (add_district);
      sqlite3_reset (add_district);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, part_db, rc, "demo"), NULL;

  g_ptr_array_add (tables, NULL);
  g_object_set_data_full (G_OBJECT (part), PART_TABLES, g_ptr_array_free (g_steal_pointer (&tables), FALSE),
                          (GDestroyNotify) g_strfreev);
  return g_steal_pointer (&part);
}

/**
 * integrity_demo_attach_part:
 * @name: the schema name it gets in @store (the caller's constant)
 *
 * Outside a transaction: SQLite attaches no store inside one.
 */
gboolean
integrity_demo_attach_part (IntegrityStore  *store,
                            IntegrityStore  *part,
                            const char      *name,
                            GError         **error)
{
  char *sql;
  gboolean ok;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (INTEGRITY_IS_STORE (part), FALSE);

  sql = sqlite3_mprintf ("ATTACH ?1 AS \"%w\"", name);
  ok = exec_bound (integrity_store_get_connection (store), sql, integrity_store_get_path (part), error);
  sqlite3_free (sql);
  return ok;
}

/**
 * integrity_demo_copy_part:
 * @part: written, from integrity_demo_open_part()
 * @name: the schema it is attached as (integrity_demo_attach_part())
 *
 * Copies the part's districts and plugin tables into @store, inside the
 * caller's transaction. The copy is SQLite's page-by-page transfer only
 * into an empty table with no triggers and, with foreign keys on, no
 * keys to check: the triggers are put back after; the caller turns
 * foreign keys off.
 */
gboolean
integrity_demo_copy_part (IntegrityStore  *store,
                          IntegrityStore  *part,
                          const char      *name,
                          GError         **error)
{
  sqlite3 *db = integrity_store_get_connection (store);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) list = NULL;
  g_autoptr(sqlite3_stmt) differ = NULL;
  const char * const *tables;
  char *sql;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (store), FALSE);
  g_return_val_if_fail (INTEGRITY_IS_STORE (part), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  sql = sqlite3_mprintf ("INSERT INTO main.district (id, name, key) SELECT id, name, key"
                         " FROM \"%w\".district WHERE id NOT IN (SELECT id FROM main.district)", name);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\".district p JOIN main.district m USING (id)"
                         " WHERE p.key IS NOT m.key", name);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql, -1, &differ, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK && (rc = sqlite3_step (differ)) == SQLITE_ROW)
    rc = SQLITE_OK;
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, "demo");
  /* An id that names two districts: only if generators added districts differently. */
  if (sqlite3_column_int64 (differ, 0) > 0)
    {
      g_set_error_literal (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_SQL,
                           "demo: the part disagrees with the store on its districts");
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_schema WHERE type = 'trigger'", -1, &list, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (list)) == SQLITE_ROW)
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, db, rc, "demo");
  g_ptr_array_add (triggers, NULL);
  if (!integrity_demo_suspend_triggers (store, (const char * const *) triggers->pdata, saved, error))
    return FALSE;

  tables = g_object_get_data (G_OBJECT (part), PART_TABLES);
  g_return_val_if_fail (tables != NULL, FALSE);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      sql = sqlite3_mprintf ("INSERT INTO main.\"%w\" SELECT * FROM \"%w\".\"%w\"", tables[t], name, tables[t]);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return integrity_sqlite_error (error, db, rc, "demo");
    }
  return integrity_demo_resume_triggers (store, saved, error);
}
