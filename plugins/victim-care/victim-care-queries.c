/* victim-care-queries.c — the work queue and a case's timeline, read on a worker. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "victim-care"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "victim-care-queries.h"

VictimQueueQuery *
victim_queue_query_copy (const VictimQueueQuery *query)
{
  VictimQueueQuery *copy = g_memdup2 (query, sizeof *query);

  copy->district = g_strdup (query->district);
  copy->search = g_strdup (query->search);
  return copy;
}

void
victim_queue_query_free (VictimQueueQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->district);
  g_free (query->search);
  g_free (query);
}

void
victim_queue_row_free (VictimQueueRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_ref);
  g_free (row->district);
  g_free (row->decision);
  g_free (row);
}

char *
victim_queue_row_describe_due (const VictimQueueRow *row)
{
  switch (row->kind)
    {
    case VICTIM_DUE_REFERRAL:
      return g_strdup (_("Refer to support"));
    case VICTIM_DUE_CLOSURE:
      return g_strdup (_("Tell victim of closure"));
    case VICTIM_DUE_DECISION:
    default:
      /* Translators: %s is a key decision, e.g. "Arrest" */
      return g_strdup_printf (_("Tell victim: %s"), victim_decision_label (row->decision));
    }
}

/* The WHERE clause from constant fragments, by which filters are set, so
 * each shape of query uses its index; every value is bound:
 * ?1 as-at, ?2 district, ?3 kind, ?4 search pattern. */
static char *
build_query (const VictimQueueQuery *query,
             gint64                  district,
             const char             *select,
             const char             *order)
{
  GString *sql = g_string_new (select);

  g_string_append (sql, " FROM victim_queue q JOIN district d ON d.id = q.district_id WHERE ");
  switch (query->when)
    {
    case VICTIM_WHEN_OVERDUE:
      g_string_append (sql, "q.deadline < ?1");
      break;
    case VICTIM_WHEN_DUE_TODAY:
      g_string_append (sql, "q.deadline = ?1");
      break;
    case VICTIM_WHEN_ALL:
    default:
      g_string_append (sql, "q.deadline <= ?1");
      break;
    }
  if (district >= 0)
    g_string_append (sql, " AND q.district_id = ?2");
  if (query->kind >= 0)
    g_string_append (sql, " AND q.kind = ?3");
  if (query->search != NULL && *query->search != '\0')
    g_string_append (sql, " AND q.case_ref LIKE ?4 ESCAPE '\\'");
  if (order != NULL)
    g_string_append (sql, order);
  return g_string_free (sql, FALSE);
}

static char *
like_prefix (const char *search)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static int
prepare_query (sqlite3                 *db,
               const VictimQueueQuery  *query,
               const char              *select,
               const char              *order,
               GDate                   *as_at,
               sqlite3_stmt           **stmt)
{
  gint64 district = integrity_district_lookup (db, query->district);
  g_autofree char *sql = build_query (query, district, select, order);
  g_autofree char *pattern = NULL;
  char day[16];
  int rc;

  *as_at = query->as_at;
  if (!g_date_valid (as_at) && !victim_read_as_at (db, as_at))
    g_date_set_time_t (as_at, time (NULL));
  rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  victim_format_date (as_at, day);
  sqlite3_bind_text (*stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (district >= 0)
    sqlite3_bind_int64 (*stmt, 2, district);
  if (query->kind >= 0)
    sqlite3_bind_int (*stmt, 3, query->kind);
  if (query->search != NULL && *query->search != '\0')
    {
      pattern = like_prefix (query->search);
      sqlite3_bind_text (*stmt, 4, pattern, -1, SQLITE_TRANSIENT);
    }
  return SQLITE_OK;
}

gint64
victim_queue_count (sqlite3                 *db,
                    const VictimQueueQuery  *query,
                    GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate as_at;
  int rc = prepare_query (db, query, "SELECT count(*)", NULL, &as_at, &stmt);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  integrity_sqlite_error (error, db, rc, _("Could not count the work queue"));
  return -1;
}

static const char *
order_by (const VictimQueueQuery *query)
{
  /* Ties break on the key, so pages never overlap. */
  static const char * const orders[2][4] = {
    { " ORDER BY q.deadline, q.case_ref, q.kind, q.item",
      " ORDER BY q.case_ref, q.kind, q.item",
      " ORDER BY d.name, q.deadline, q.case_ref, q.kind, q.item",
      " ORDER BY q.kind, q.item, q.deadline, q.case_ref" },
    { " ORDER BY q.deadline DESC, q.case_ref, q.kind, q.item",
      " ORDER BY q.case_ref DESC, q.kind, q.item",
      " ORDER BY d.name DESC, q.deadline, q.case_ref, q.kind, q.item",
      " ORDER BY q.kind DESC, q.item DESC, q.deadline, q.case_ref" },
  };

  return orders[query->descending ? 1 : 0][CLAMP (query->sort, 0, 3)];
}

static GPtrArray *
fetch (sqlite3                 *db,
       const VictimQueueQuery  *query,
       gint64                   offset,
       gint64                   limit,
       GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) victim_queue_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *order = g_strconcat (order_by (query), " LIMIT ?5 OFFSET ?6", NULL);
  GDate as_at;
  int rc;

  rc = prepare_query (db, query, "SELECT q.case_ref, d.name, q.kind, q.item, q.deadline, q.enhanced",
                      order, &as_at, &stmt);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 5, limit);
      sqlite3_bind_int64 (stmt, 6, offset);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VictimQueueRow *row = g_new0 (VictimQueueRow, 1);
      const char *item = (const char *) sqlite3_column_text (stmt, 3);

      row->case_ref = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->district = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->kind = sqlite3_column_int (stmt, 2);
      if (row->kind == VICTIM_DUE_DECISION && item != NULL)
        row->decision = g_strndup (item, strcspn (item, " "));
      victim_parse_date ((const char *) sqlite3_column_text (stmt, 4), &row->deadline);
      row->enhanced = sqlite3_column_int (stmt, 5);
      if (g_date_valid (&row->deadline))
        row->days_overdue = MAX (0, integrity_calendar_working_days_between (&row->deadline, &as_at));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the work queue"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * victim_queue_fetch:
 *
 * One page of the queue, in the query's order. Runs on a worker thread.
 */
GPtrArray *
victim_queue_fetch (sqlite3                 *db,
                    const VictimQueueQuery  *query,
                    guint                    offset,
                    guint                    limit,
                    GError                 **error)
{
  g_return_val_if_fail (db != NULL && query != NULL, NULL);
  return fetch (db, query, offset, limit, error);
}

/**
 * victim_queue_export:
 * @path: the file; XLSX for a name ending .xlsx, else CSV
 *
 * The whole queue as the page shows it (filter and order), through the
 * shared table exporter, in pages so memory stays flat. References only:
 * the store has no names. Worker thread.
 */
gboolean
victim_queue_export (sqlite3                 *db,
                     const VictimQueueQuery  *query,
                     const char              *path,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  static const IntegrityTableColumn columns[] = {
    { "case_ref", INTEGRITY_TABLE_TEXT },
    { "district", INTEGRITY_TABLE_TEXT },
    { "due", INTEGRITY_TABLE_TEXT },
    { "decision", INTEGRITY_TABLE_TEXT },
    { "deadline", INTEGRITY_TABLE_DATE },
    { "working_days_overdue", INTEGRITY_TABLE_INTEGER },
    { "enhanced_rights", INTEGRITY_TABLE_TEXT },
  };
  g_autoptr(IntegrityTableWriter) writer = integrity_table_writer_new (path, _("Work Queue"), columns,
                                                                      G_N_ELEMENTS (columns), error);
  gint64 offset = 0;

  if (writer == NULL)
    return FALSE;
  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = fetch (db, query, offset, 2000, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          VictimQueueRow *row = g_ptr_array_index (rows, i);
          static const char * const kinds[] = { "referral", "decision", "closure" };
          char deadline[16], days[16];
          const char *cells[8];

          victim_format_date (&row->deadline, deadline);
          g_snprintf (days, sizeof days, "%d", row->days_overdue);
          cells[0] = row->case_ref;
          cells[1] = row->district != NULL ? row->district : "";
          cells[2] = kinds[CLAMP (row->kind, 0, 2)];
          cells[3] = row->decision != NULL ? row->decision : "";
          cells[4] = deadline;
          cells[5] = days;
          cells[6] = row->enhanced ? "Y" : "N";
          cells[7] = NULL;
          if (!integrity_table_writer_add_row (writer, cells, error))
            return FALSE;
        }
      if (rows->len < 2000)
        return integrity_table_writer_finish (writer, error);
      offset += rows->len;
    }
}

void
victim_timeline_entry_free (VictimTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry);
}

static VictimTimelineEntry *
add_entry (GPtrArray   *entries,
           const GDate *date,
           char        *title,
           char        *detail)
{
  VictimTimelineEntry *entry = g_new0 (VictimTimelineEntry, 1);

  entry->date = *date;
  entry->title = title;
  entry->detail = detail;
  g_ptr_array_add (entries, entry);
  return entry;
}

static char *
format_day (const GDate *date)
{
  char text[64];

  if (!g_date_valid (date))
    return g_strdup (_("not yet"));
  g_date_strftime (text, sizeof text, "%-d %b %Y", date);
  return g_strdup (text);
}

/* A deadline: when it fell, when it was done, and where it stands. */
static void
add_deadline (GPtrArray   *entries,
              const char  *title,
              const GDate *deadline,
              const GDate *done,
              const GDate *as_at)
{
  g_autofree char *due = format_day (deadline);
  g_autofree char *when = format_day (done);
  int late = 0;
  IntegrityDeadlineStatus status = integrity_deadline_get_status (deadline, done, as_at, &late);
  VictimTimelineEntry *entry;

  entry = add_entry (entries, g_date_valid (done) ? done : deadline, g_strdup (title),
                     g_date_valid (done)
                     /* Translators: "Due 5 Mar 2021, done 8 Mar 2021" */
                     ? g_strdup_printf (_("Due %s, done %s"), due, when)
                     : g_strdup_printf (_("Due %s, not done"), due));
  entry->is_deadline = TRUE;
  entry->status = status;
}

/* Stable, so an event comes before the deadline it starts. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const VictimTimelineEntry *x = *(VictimTimelineEntry * const *) a;
  const VictimTimelineEntry *y = *(VictimTimelineEntry * const *) b;

  return g_date_compare (&x->date, &y->date);
}

/**
 * victim_case_timeline:
 *
 * The case's events and deadlines in date order, each deadline met,
 * missed, due or overdue as seen from @as_at. Runs on a worker thread.
 */
GPtrArray *
victim_case_timeline (sqlite3      *db,
                      const char   *case_ref,
                      const GDate  *as_at,
                      GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) victim_timeline_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) decisions = NULL;
  GDate recorded, contact, assessment, referral, closed, informed, deadline;
  gboolean domestic, enhanced;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT recorded_date, first_contact_date, needs_assessment_date, support_referral_date,"
                           " support_declined, closed_date, outcome_code, victim_informed_date, supervisor_reviewed,"
                           " domestic_abuse, enhanced_rights, offence_group FROM victim_case WHERE case_ref = ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, case_ref, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        return g_steal_pointer (&entries);
      integrity_sqlite_error (error, db, rc, _("Could not read the case"));
      return NULL;
    }

  victim_parse_date ((const char *) sqlite3_column_text (stmt, 0), &recorded);
  victim_parse_date ((const char *) sqlite3_column_text (stmt, 1), &contact);
  victim_parse_date ((const char *) sqlite3_column_text (stmt, 2), &assessment);
  victim_parse_date ((const char *) sqlite3_column_text (stmt, 3), &referral);
  victim_parse_date ((const char *) sqlite3_column_text (stmt, 5), &closed);
  victim_parse_date ((const char *) sqlite3_column_text (stmt, 7), &informed);
  domestic = sqlite3_column_int (stmt, 9);
  enhanced = sqlite3_column_int (stmt, 10);

  add_entry (entries, &recorded, g_strdup (_("Crime recorded")),
             g_strdup_printf ("%s%s%s", integrity_offence_group_label ((const char *) sqlite3_column_text (stmt, 11)),
                              domestic ? _(", domestic abuse") : "",
                              enhanced || domestic ? _(", enhanced rights") : ""));
  if (g_date_valid (&contact))
    add_entry (entries, &contact, g_strdup (_("First contact")),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day after recording",
                                             "%d working days after recording",
                                             (gulong) integrity_calendar_working_days_between (&recorded, &contact)),
                                integrity_calendar_working_days_between (&recorded, &contact)));
  if (g_date_valid (&assessment))
    add_entry (entries, &assessment, g_strdup (_("Needs assessment")), g_strdup (""));
  integrity_victims_code_referral_deadline (&recorded, &deadline);
  if (sqlite3_column_int (stmt, 4))
    add_entry (entries, &recorded, g_strdup (_("Support offered")), g_strdup (_("The victim declined support")));
  else
    add_deadline (entries, _("Referral to support"), &deadline, &referral, as_at);

  rc = sqlite3_prepare_v2 (db, "SELECT decision, decision_date, victim_informed_date FROM victim_decision"
                           " WHERE case_ref = ?1", -1, &decisions, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (decisions, 1, case_ref, -1, SQLITE_TRANSIENT);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (decisions)) == SQLITE_ROW)
    {
      const char *decision = (const char *) sqlite3_column_text (decisions, 0);
      GDate decided, told;
      g_autofree char *title = NULL;

      victim_parse_date ((const char *) sqlite3_column_text (decisions, 1), &decided);
      victim_parse_date ((const char *) sqlite3_column_text (decisions, 2), &told);
      integrity_victims_code_inform_deadline (&decided, enhanced, domestic, &deadline);
      add_entry (entries, &decided, g_strdup (victim_decision_label (decision)), g_strdup (_("Key decision")));
      /* Translators: %s is a key decision, e.g. "Arrest" */
      title = g_strdup_printf (_("Victim told: %s"), victim_decision_label (decision));
      add_deadline (entries, title, &deadline, &told, as_at);
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, db, rc, _("Could not read the case’s decisions"));
      return NULL;
    }

  if (g_date_valid (&closed))
    {
      add_entry (entries, &closed, g_strdup (_("Case closed")),
                 g_strdup_printf (_("Outcome %d; %s"), sqlite3_column_int (stmt, 6),
                                  sqlite3_column_int (stmt, 8) ? _("reviewed by a supervisor")
                                                               : _("not reviewed by a supervisor")));
      integrity_victims_code_inform_deadline (&closed, enhanced, domestic, &deadline);
      add_deadline (entries, _("Victim told of closure"), &deadline, &informed, as_at);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}
