/* integrity-store.c — the one local SQLite store. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "integrity-store.h"
#include "integrity-thread.h"

/* The core schema. A store whose core version is above the last entry here
 * was written by a newer Integrity and opens read-only. */
static const IntegrityMigration core_migrations[] = {
  { 1,
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE district (id INTEGER PRIMARY KEY,"
    "                       name TEXT NOT NULL,"
    "                       key TEXT NOT NULL UNIQUE);"
    "CREATE TABLE import_log (id INTEGER PRIMARY KEY,"
    "                         file_name TEXT NOT NULL,"
    "                         sha256 TEXT NOT NULL,"
    "                         kind TEXT NOT NULL,"
    "                         rows_inserted INTEGER NOT NULL DEFAULT 0,"
    "                         rows_updated INTEGER NOT NULL DEFAULT 0,"
    "                         imported_at TEXT NOT NULL);"
    "CREATE INDEX import_log_time ON import_log (imported_at);"
    "CREATE TABLE annotation (id INTEGER PRIMARY KEY,"
    "                         date TEXT NOT NULL,"
    "                         text TEXT NOT NULL);"
    "CREATE INDEX annotation_date ON annotation (date);"
    "CREATE TABLE target (name TEXT PRIMARY KEY, value REAL NOT NULL);" },
};

struct _IntegrityStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GMainContext *owner_context;
  char         *read_only_reason;
  char         *reader_name;   /* what readers open: the path, or an immutable URI */
  int           reader_flags;
  guint         transaction_depth;
  guint         bulk : 1;       /* integrity_store_begin_bulk() changed settings the transaction's end puts back */
  guint         read_only : 1;
  guint         existed : 1;
  guint         backed_up : 1;  /* the backup holds the store as it was opened */
};

G_DEFINE_FINAL_TYPE (IntegrityStore, integrity_store, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (integrity-store-error-quark, integrity_store_error)

gboolean
integrity_sqlite_error (GError    **error,
                        sqlite3    *db,
                        int         rc,
                        const char *what)
{
  const char *hint = NULL;
  int code;
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = INTEGRITY_STORE_ERROR_BUSY;
      hint = _("the store is busy: another program is writing to it; try again when it has finished");
      break;
    case SQLITE_FULL:
      code = INTEGRITY_STORE_ERROR_FULL;
      hint = _("the disk is full; free some space and try again");
      break;
    case SQLITE_IOERR:
      /* A write refused for want of space or over a file-size limit is a
       * full disk to the person at the keyboard, not an I/O fault. */
      if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)
        {
          code = INTEGRITY_STORE_ERROR_FULL;
          hint = system_errno == EFBIG
            ? _("the disk is full: the store would be too large for this disk or account")
            : _("the disk is full; free some space and try again");
        }
      else if (rc == SQLITE_IOERR_WRITE)
        {
          code = INTEGRITY_STORE_ERROR_SQL;
          hint = _("writing to the disk failed: the disk may be full or failing");
        }
      else
        code = INTEGRITY_STORE_ERROR_SQL;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = INTEGRITY_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
      code = INTEGRITY_STORE_ERROR_READ_ONLY;
      break;
    default:
      code = INTEGRITY_STORE_ERROR_SQL;
      break;
    }

  if (hint != NULL)
    g_set_error (error, INTEGRITY_STORE_ERROR, code, "%s: %s (%s)", what, hint,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, INTEGRITY_STORE_ERROR, code, "%s: %s", what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

char *
integrity_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "integrity", "store.sqlite", NULL);
}

static void
integrity_store_finalize (GObject *object)
{
  IntegrityStore *self = INTEGRITY_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_free (self->path);
  g_free (self->read_only_reason);
  g_free (self->reader_name);

  G_OBJECT_CLASS (integrity_store_parent_class)->finalize (object);
}

static void
integrity_store_class_init (IntegrityStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = integrity_store_finalize;

  /**
   * IntegrityStore::changed:
   * @component: the component whose tables changed ("core", a plugin id)
   *
   * Emitted on the thread that opened the store after a write commits.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
integrity_store_init (IntegrityStore *self)
{
}

gboolean
integrity_store_exec (IntegrityStore  *self,
                      const char      *sql,
                      GError         **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, self->db, rc, _("Could not update the store"));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* The store holds personal data: the folder is the user's alone and the
 * file is readable by its owner only. Looser modes are tightened. */
static gboolean
secure_location (const char  *path,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *default_path = integrity_store_get_default_path ();
  GStatBuf st;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }

  /* The default folder is ours: keep it private. A folder given with
   * --store may be shared (a USB stick, /tmp) and is left alone. */
  if (g_strcmp0 (path, default_path) == 0 && g_stat (folder, &st) == 0 && (st.st_mode & 077) != 0)
    {
      g_message ("The store's folder %s was open to others (mode %o); restricting it to its owner",
                 folder, (unsigned) (st.st_mode & 0777));
      if (g_chmod (folder, 0700) != 0)
        g_warning ("Could not restrict %s: %s", folder, g_strerror (errno));
    }

  /* No descriptor of ours on a store that exists: closing one drops every
   * POSIX lock the process holds on the file (its connections', another
   * store's on the same file), and another process could then write under
   * them. A new file has no locks to drop. */
  if (g_stat (path, &st) != 0)
    {
      fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        close (fd);
      return TRUE;  /* or a read-only location: open_connection says so */
    }
  if ((st.st_mode & 077) != 0 && g_access (path, W_OK) == 0)
    {
      /* A message, not a warning: it is the user's file, not a bug. */
      g_message ("Store %s was readable by others (mode %o); restricting it to its owner",
                 path, (unsigned) (st.st_mode & 0777));
      if (g_chmod (path, 0600) != 0)
        g_warning ("Could not restrict %s: %s", path, g_strerror (errno));
    }
  return TRUE;
}

/* SQLite counts every allocation under one process-wide lock, for
 * statistics Integrity never reads: with two threads writing (a demo) or
 * readers on worker threads, they wait on that lock (a tenth of a demo's
 * time went to it). It can only be turned off before SQLite starts; if
 * something started it first, it goes on counting. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static gboolean
configure_connection (sqlite3  *db,
                      gboolean  writer,
                      GError  **error)
{
  const char *pragmas = writer
    ? "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
    : "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;";
  int rc;

  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  rc = sqlite3_exec (db, pragmas, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, db, rc, _("The store could not be opened"));
  return TRUE;
}

static int
read_version (sqlite3    *db,
              const char *component)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT version FROM schema_version WHERE component = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, component, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return 0;
}

int
integrity_store_get_schema_version (IntegrityStore *self,
                                    const char     *component)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), 0);
  g_return_val_if_fail (component != NULL, 0);

  return read_version (self->db, component);
}

static void
become_read_only (IntegrityStore *self,
                  const char     *reason)
{
  sqlite3 *db = NULL;

  if (!self->read_only)
    {
      if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
          && configure_connection (db, FALSE, NULL))
        {
          sqlite3_close_v2 (self->db);
          self->db = db;
        }
      else if (db != NULL)
        sqlite3_close_v2 (db);
      self->read_only = TRUE;
    }
  if (self->read_only_reason == NULL)
    self->read_only_reason = g_strdup (reason);
  g_message ("%s", reason);
}

char *
integrity_store_get_backup_path (IntegrityStore *self)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);

  return g_strconcat (self->path, ".backup", NULL);
}

/* A consistent copy of the whole store, taken before any migration, so a
 * failed upgrade can always be undone by hand. */
static gboolean
write_backup (IntegrityStore  *self,
              GError         **error)
{
  g_autofree char *backup_path = integrity_store_get_backup_path (self);
  g_autofree char *partial_path = g_strconcat (backup_path, ".partial", NULL);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (partial_path, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, copy, rc, _("Could not create the backup"));
      sqlite3_close_v2 (copy);
      return FALSE;
    }
  g_chmod (partial_path, 0600);

  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    {
      integrity_sqlite_error (error, copy, sqlite3_errcode (copy), _("Could not create the backup"));
      sqlite3_close_v2 (copy);
      g_unlink (partial_path);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  sqlite3_close_v2 (copy);

  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, NULL, rc, _("Could not create the backup"));
      g_unlink (partial_path);
      return FALSE;
    }
  if (g_rename (partial_path, backup_path) != 0)
    {
      int saved = errno;
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("Could not create the backup “%s”: %s"), backup_path, g_strerror (saved));
      g_unlink (partial_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_any_schema (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM schema_version WHERE version > 0 LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
integrity_store_register_migrations (IntegrityStore           *self,
                                     const char               *component,
                                     const IntegrityMigration *migrations,
                                     gsize                     n_migrations,
                                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) record = NULL;
  int current;
  int latest;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);
  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (migrations != NULL || n_migrations == 0, FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  for (gsize i = 0; i < n_migrations; i++)
    g_return_val_if_fail (migrations[i].version == (int) i + 1, FALSE);

  latest = (int) n_migrations;
  current = read_version (self->db, component);

  if (current > latest)
    {
      g_autofree char *reason =
        g_strdup_printf (_("This store was written by a newer version of Integrity "
                           "(“%s” schema %d; this version knows up to %d). "
                           "It is open read-only."), component, current, latest);
      become_read_only (self, reason);
      return TRUE;
    }
  if (current == latest)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_READ_ONLY,
                   _("The store is read-only, so “%s” cannot be upgraded from schema %d to %d"),
                   component, current, latest);
      return FALSE;
    }

  /* One backup per opening, before the first migration: a later
   * component's upgrade must not overwrite it with a half-upgraded store. */
  if (self->existed && !self->backed_up && has_any_schema (self->db))
    {
      if (!write_backup (self, error))
        return FALSE;
      self->backed_up = TRUE;
    }

  if (!integrity_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = current; v < latest; v++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!integrity_store_exec (self, migrations[v].sql, &local_error))
        {
          integrity_store_exec (self, "ROLLBACK", NULL);
          g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_MIGRATION,
                       _("Upgrading “%s” to schema %d failed, and the store was left as it was: %s"),
                       component, v + 1, local_error->message);
          return FALSE;
        }
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO schema_version (component, version) VALUES (?1, ?2) "
                           "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                           -1, &record, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (record, 1, component, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (record, 2, latest);
      rc = sqlite3_step (record);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      integrity_sqlite_error (error, self->db, rc, _("Could not record the schema version"));
      integrity_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (!integrity_store_exec (self, "COMMIT", error))
    {
      integrity_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_debug ("Upgraded %s from schema %d to %d", component, current, latest);
  return TRUE;
}

static gboolean
open_connection (IntegrityStore  *self,
                 GError         **error)
{
  int rc;

  if (g_access (self->path, W_OK) != 0 && g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL);
      self->read_only = TRUE;
      self->read_only_reason =
        g_strdup_printf (_("The store “%s” cannot be written (no permission or a read-only disk). "
                           "It is open read-only."), self->path);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("The store “%s” could not be opened: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!configure_connection (self->db, !self->read_only, error))
    {
      if (g_error_matches (*error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT))
        g_prefix_error (error, _("“%s” is damaged or is not an Integrity store. "), self->path);
      return FALSE;
    }
  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Stores up to this size get SQLite's quick_check at every open, about
 * 100 ms for a force's three years (24 MB); larger ones rely on
 * `integrity check`. */
#define QUICK_CHECK_MAX_SIZE (64 * 1024 * 1024)

/* SQLite's own handle on @db's main file, or NULL: reading through it
 * opens no descriptor of ours, whose close would drop every POSIX lock the
 * process holds on the file. */
static sqlite3_file *
main_file (sqlite3 *db)
{
  sqlite3_file *file = NULL;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK
      || file == NULL || file->pMethods == NULL)
    return NULL;
  return file;
}

/* The first @size bytes of @path into @header: @size, or -1. Read through
 * a connection of its own, whose close SQLite puts off while any other
 * connection of the process holds a lock on the file: closing a
 * descriptor of ours would drop those locks. Opening reads nothing. */
static gssize
read_file_header (const char *path,
                  guint8     *header,
                  int         size)
{
  sqlite3 *db = NULL;
  sqlite3_file *file;
  gssize got = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && (file = main_file (db)) != NULL
      && file->pMethods->xRead (file, header, size, 0) == SQLITE_OK)
    got = size;
  sqlite3_close_v2 (db);
  return got;
}

/* A damaged file must be caught at open, before anything is shown or
 * written (even the journal mode is a write): a file cut short (a failed
 * copy, a full disk) or emptied. SQLite would take a file shorter than one
 * page for a new, empty store. */
static gboolean
check_file_shape (IntegrityStore  *self,
                  GError         **error)
{
  g_autofree char *backup = g_strconcat (self->path, ".backup", NULL);
  guint8 header[100];
  GStatBuf st;
  gssize got = 0;

  if (g_stat (self->path, &st) != 0)
    return TRUE;

  if (st.st_size == 0)
    {
      /* An empty file is a new store, unless a backup shows there was one. */
      if (self->existed && g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: the file is empty"), self->path);
          return FALSE;
        }
      return TRUE;
    }
  if (st.st_size < 512)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is only %" G_GUINT64_FORMAT " bytes long"),
                   self->path, (guint64) st.st_size);
      return FALSE;
    }

  got = read_file_header (self->path, header, sizeof header);
  /* Only an SQLite file has a page count to trust; anything else SQLite
   * itself rejects as "not a database". */
  if (got == (gssize) sizeof header && memcmp (header, "SQLite format 3", 16) == 0)
    {
      guint32 page_size = ((guint32) header[16] << 8) | header[17];
      guint32 pages = read_be32 (header + 28);

      if (page_size == 1)
        page_size = 65536;
      /* The page count in the header is valid when its "version-valid-for"
       * matches the change counter (the SQLite file format, section 1.3.9). */
      if (page_size >= 512
          && (st.st_size % page_size != 0
              || (read_be32 (header + 92) == read_be32 (header + 24)
                  && (guint64) st.st_size < (guint64) pages * page_size)))
        {
          g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: the file has been cut short "
                         "(%llu bytes of %llu)"),
                       self->path, (unsigned long long) st.st_size,
                       (unsigned long long) pages * page_size);
          return FALSE;
        }
    }
  return TRUE;
}

/* quick_check reads every page, in the order of the tables' trees: from a
 * cold cache (the first start of the day) that is thousands of small reads,
 * 370 ms for the 24 MB of scale 1, where one pass through the file from
 * start to end takes 27 ms and the check then 84 ms. Warm, the pass is a
 * few milliseconds. Only the cache is filled: a read that fails is the
 * check's to report. */
#define READ_THROUGH_CHUNK (1024 * 1024)

static void
read_file_through (sqlite3 *db)
{
  sqlite3_file *file = main_file (db);
  sqlite3_int64 size = 0;
  g_autofree char *chunk = NULL;

  if (file == NULL || file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    return;
  chunk = g_malloc (READ_THROUGH_CHUNK);
  for (sqlite3_int64 at = 0; at < size; at += READ_THROUGH_CHUNK)
    if (file->pMethods->xRead (file, chunk, (int) MIN (READ_THROUGH_CHUNK, size - at), at) != SQLITE_OK)
      break;
}

/* SQLite's quick_check on @db: "ok", the first problem it found, or NULL
 * when it could not run; @prepared (nullable) says whether it could even
 * start. */
static char *
quick_check_verdict (sqlite3  *db,
                     gboolean *prepared)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  gboolean started;

  read_file_through (db);
  started = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &check, NULL) == SQLITE_OK;

  if (prepared != NULL)
    *prepared = started;
  if (!started || sqlite3_step (check) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (check, 0));
}

/* The file as it was when checked: a check ahead counts only for the same. */
typedef struct
{
  goffset size;
  gint64  modified_ns;
  guint64 inode;
} FileState;

static gboolean
get_file_state (const char *path,
                FileState  *state)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  state->size = st.st_size;
  state->inode = st.st_ino;
#ifdef __linux__
  state->modified_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
#else
  state->modified_ns = (gint64) st.st_mtime * G_GINT64_CONSTANT (1000000000);
#endif
  return TRUE;
}

typedef struct
{
  char      *path;
  FileState  state;
  GThread   *thread;
} CheckAhead;

G_LOCK_DEFINE_STATIC (check_ahead);
static CheckAhead *check_ahead;

static gpointer
check_ahead_thread (gpointer data)
{
  CheckAhead *ahead = data;
  sqlite3 *db = NULL;
  char *verdict = NULL;

  /* No verdict unless the check ran: opening read-only can fail where the
   * store's own connection will not, and the open then checks itself. */
  if (sqlite3_open_v2 (ahead->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    verdict = quick_check_verdict (db, NULL);
  sqlite3_close_v2 (db);
  return verdict;
}

/* Waits for @ahead's check and lets it go: its verdict, or NULL. */
static char *
check_ahead_finish (CheckAhead *ahead)
{
  char *verdict = g_thread_join (ahead->thread);

  g_free (ahead->path);
  g_free (ahead);
  return verdict;
}

/**
 * integrity_store_check_ahead:
 * @path: the store about to be opened
 *
 * Starts SQLite's page check of @path on a thread, so that it runs while
 * the app starts up. integrity_store_open() on the same, unchanged file
 * takes its verdict instead of checking again; it still checks before it
 * shows or writes anything. Does nothing for a missing or large file.
 */
void
integrity_store_check_ahead (const char *path)
{
  CheckAhead *ahead;
  CheckAhead *previous;
  FileState state;

  g_return_if_fail (path != NULL);

  if (!get_file_state (path, &state) || state.size > QUICK_CHECK_MAX_SIZE)
    return;
  configure_sqlite ();
  ahead = g_new0 (CheckAhead, 1);
  ahead->path = g_strdup (path);
  ahead->state = state;
  ahead->thread = g_thread_new ("store-check", check_ahead_thread, ahead);
  G_LOCK (check_ahead);
  /* One at a time: a second call replaces the first, once it is done. */
  previous = check_ahead;
  check_ahead = ahead;
  G_UNLOCK (check_ahead);
  if (previous != NULL)
    g_free (check_ahead_finish (previous));
}

/* The verdict of a check ahead of @path, if one was started on the file as
 * it is now; NULL when there is none to take. */
static char *
take_check_ahead (const char      *path,
                  const FileState *now)
{
  CheckAhead *ahead;
  FileState checked;
  char *verdict;

  G_LOCK (check_ahead);
  ahead = check_ahead;
  if (ahead != NULL && g_strcmp0 (ahead->path, path) == 0)
    check_ahead = NULL;
  else
    ahead = NULL;
  G_UNLOCK (check_ahead);
  if (ahead == NULL)
    return NULL;
  checked = ahead->state;
  verdict = check_ahead_finish (ahead);
  if (now->size != checked.size || now->modified_ns != checked.modified_ns || now->inode != checked.inode)
    g_clear_pointer (&verdict, g_free);
  return verdict;
}

/* Pages overwritten: SQLite's quick_check, for stores small enough. */
static gboolean
check_pages (IntegrityStore  *self,
             GError         **error)
{
  g_autofree char *verdict = NULL;
  FileState now;

  if (!get_file_state (self->path, &now) || now.size > QUICK_CHECK_MAX_SIZE)
    return TRUE;
  verdict = take_check_ahead (self->path, &now);
  if (verdict == NULL)
    {
      gboolean prepared;

      /* On the store's own connection a check that starts but cannot
       * finish is damage: its pages cannot be read. */
      verdict = quick_check_verdict (self->db, &prepared);
      if (!prepared)
        return TRUE;
    }
  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), self->path,
                   verdict != NULL ? verdict : sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

/**
 * integrity_store_find_backup:
 * @path: a store file
 * @modified: (out) (optional): when the backup was written, local time
 *
 * Returns: (nullable): the path of @path's backup (`<store>.backup`, written
 *   before every schema upgrade), or %NULL when there is none
 */
char *
integrity_store_find_backup (const char  *path,
                             GDateTime  **modified)
{
  g_autofree char *backup = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  backup = g_strconcat (path, ".backup", NULL);
  if (g_stat (backup, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  if (modified != NULL)
    *modified = g_date_time_new_from_unix_local (st.st_mtime);
  return g_steal_pointer (&backup);
}

/**
 * integrity_store_restore_backup:
 * @path: a store file, typically one integrity_store_open() found damaged
 *
 * Puts the backup (`<store>.backup`) in place of the store. The damaged
 * file is kept beside it as `<store>.damaged`, never deleted. The backup is
 * checked first: a damaged backup is not restored.
 */
gboolean
integrity_store_restore_backup (const char  *path,
                                GError     **error)
{
  g_autofree char *backup = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gboolean sound = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  backup = integrity_store_find_backup (path, NULL);
  if (backup == NULL)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("There is no backup of “%s”"), path);
      return FALSE;
    }

  if (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      g_autofree char *verdict = quick_check_verdict (db, NULL);

      sound = g_strcmp0 (verdict, "ok") == 0;
    }
  sqlite3_close_v2 (db);
  if (!sound)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged too, so it was not restored"), backup);
      return FALSE;
    }

  /* Copy first, then swap with renames: a crash part-way leaves either the
   * damaged store or the restored one in place, never half a file. */
  partial = g_strconcat (path, ".restoring", NULL);
  from = g_file_new_for_path (backup);
  to = g_file_new_for_path (partial);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("The backup could not be copied: %s"), local_error->message);
      return FALSE;
    }
  g_chmod (partial, 0600);

  damaged = g_strconcat (path, ".damaged", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (path, damaged) != 0)
    {
      int saved = errno;
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("“%s” could not be moved aside: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  /* The damaged file's journal belongs with it, not with the backup. */
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *journal = g_strconcat (path, suffix, NULL);
      g_autofree char *kept = g_strconcat (damaged, suffix, NULL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        g_rename (journal, kept);
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_OPEN,
                   _("The backup could not be put in place of “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_message ("Restored the store's backup; the damaged file is kept as %s", damaged);
  return TRUE;
}

/* A store in WAL mode needs its -shm file to be read; in a folder we cannot
 * write, SQLite cannot create it. With no -wal file (or an empty one, left
 * by a reader) the main file holds
 * every committed row, so it can be read as an immutable snapshot.
 * Returns FALSE when it reopened the store (so the caller retries). */
static gboolean
open_immutable (IntegrityStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return TRUE;
  escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_free (self->reader_name);
  self->reader_name = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  self->reader_flags = SQLITE_OPEN_URI;
  if (sqlite3_open_v2 (self->reader_name, &db, SQLITE_OPEN_READONLY | self->reader_flags, NULL)
      != SQLITE_OK || !configure_connection (db, FALSE, NULL))
    {
      sqlite3_close_v2 (db);
      return TRUE;
    }
  sqlite3_close_v2 (self->db);
  self->db = db;
  return FALSE;
}

/**
 * integrity_store_open:
 * @path: (nullable): the store file; %NULL for the user's default store
 *
 * Opens the store, creating it (mode 0600 in a 0700 folder) when missing,
 * and brings the core schema up to date. A store written by a newer version
 * opens read-only: see integrity_store_get_read_only_reason().
 */
IntegrityStore *
integrity_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(IntegrityStore) self = NULL;
  g_autofree char *default_path = NULL;
  g_autoptr(sqlite3_stmt) probe = NULL;
  int rc;

  if (path == NULL)
    path = default_path = integrity_store_get_default_path ();

  configure_sqlite ();
  self = g_object_new (INTEGRITY_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->owner_context = g_main_context_ref_thread_default ();
  self->existed = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!secure_location (path, error))
    return NULL;
  if (self->existed && !check_file_shape (self, error))
    return NULL;
  if (!open_connection (self, error))
    return NULL;

  /* Reading the schema is the first real read: a damaged file fails here. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &probe, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (probe);
  if (((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)
      && self->read_only && !open_immutable (self))
    {
      g_clear_pointer (&probe, sqlite3_finalize);
      rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &probe, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (probe);
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not an Integrity store: %s"),
                   path, sqlite3_errmsg (self->db));
      return NULL;
    }
  if (!check_pages (self, error))
    return NULL;

  if (!self->read_only
      && !integrity_store_exec (self,
                                "CREATE TABLE IF NOT EXISTS schema_version ("
                                "  component TEXT PRIMARY KEY,"
                                "  version INTEGER NOT NULL)", error))
    return NULL;

  if (!integrity_store_register_migrations (self, "core", core_migrations,
                                            G_N_ELEMENTS (core_migrations), error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
integrity_store_get_path (IntegrityStore *self)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);
  return self->path;
}

gboolean
integrity_store_is_read_only (IntegrityStore *self)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
integrity_store_get_read_only_reason (IntegrityStore *self)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);
  return self->read_only_reason;
}

/**
 * integrity_store_get_connection:
 *
 * The store's one write connection. Use it from one thread at a time, and
 * inside integrity_store_begin()/integrity_store_commit() when writing.
 */
sqlite3 *
integrity_store_get_connection (IntegrityStore *self)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);
  return self->db;
}

/**
 * integrity_store_open_reader:
 *
 * A new read-only connection for a worker thread; close it with
 * sqlite3_close() on the same thread.
 */
sqlite3 *
integrity_store_open_reader (IntegrityStore  *self,
                             GError         **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (self->reader_name != NULL ? self->reader_name : self->path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | self->reader_flags, NULL);
  if (rc != SQLITE_OK || !configure_connection (db, FALSE, error))
    {
      if (rc != SQLITE_OK)
        integrity_sqlite_error (error, db, rc, _("The store could not be read"));
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

static gboolean
begin (IntegrityStore  *self,
       const char      *how,
       GError         **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_READ_ONLY, "%s",
                   self->read_only_reason);
      return FALSE;
    }

  sql = self->transaction_depth == 0
    ? g_strdup (how)
    : g_strdup_printf ("SAVEPOINT integrity_%u", self->transaction_depth);
  if (!integrity_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/**
 * integrity_store_begin:
 *
 * Starts a transaction, or a savepoint inside the one already open, so a
 * function that writes can be called both alone and as part of a larger write.
 */
gboolean
integrity_store_begin (IntegrityStore  *self,
                       GError         **error)
{
  return begin (self, "BEGIN IMMEDIATE", error);
}

/**
 * integrity_store_begin_deferred:
 *
 * As integrity_store_begin(), but the transaction takes each database's
 * lock only when it first reads or writes it, where BEGIN IMMEDIATE locks
 * every attached one at once: another connection can go on writing an
 * attached store until this transaction reads it (a demo's part store,
 * integrity_demo_open_part()).
 */
gboolean
integrity_store_begin_deferred (IntegrityStore  *self,
                                GError         **error)
{
  return begin (self, "BEGIN DEFERRED", error);
}

/* A transaction of many small writes: SQLite's page cache large enough
 * that a big file's B-tree pages are not spilled to the WAL again and again
 * (a fixed bound, whatever the file's size), and each statement's undo
 * record (its statement journal) kept in memory. A statement that fires a
 * trigger keeps one, and past 64 KiB SQLite moves it to a temporary file
 * for the rest of the transaction: an import of 200,000 audit rows, whose
 * triggers keep the rollups, made 2.5 million writes to it. One statement's
 * record holds only the pages that statement changed. */
#define BULK_CACHE_KIB 32768
#define BULK_CACHE_PRAGMA "PRAGMA cache_size = -" G_STRINGIFY (BULK_CACHE_KIB)
#define BULK_PRAGMAS "PRAGMA temp_store = MEMORY; " BULK_CACHE_PRAGMA

/* After the outermost transaction ends, or a bulk one could not begin:
 * puts back what integrity_store_begin_bulk() changed. */
static void
transaction_ended (IntegrityStore *self)
{
  if (self->transaction_depth > 0 || !self->bulk)
    return;
  self->bulk = FALSE;
  integrity_store_exec (self, INTEGRITY_STORE_USUAL_CACHE_PRAGMAS, NULL);
}

/**
 * integrity_store_begin_bulk:
 *
 * As integrity_store_begin(), for a transaction of many small writes (an
 * import of a file): it writes less and faster, with some tens of MB more
 * memory while it is open. Inside a transaction already open it is a
 * savepoint with the larger page cache only: a savepoint keeps an undo copy
 * of every page it changes until it ends, which must not be in memory.
 */
gboolean
integrity_store_begin_bulk (IntegrityStore  *self,
                            GError         **error)
{
  gboolean outermost;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);

  outermost = self->transaction_depth == 0;
  /* Before BEGIN: SQLite will not change temp_store inside a transaction. */
  if (!self->read_only && !integrity_store_exec (self, outermost ? BULK_PRAGMAS : BULK_CACHE_PRAGMA, error))
    return FALSE;
  self->bulk = TRUE;
  if (!begin (self, "BEGIN IMMEDIATE", error))
    {
      transaction_ended (self);  /* outermost: the settings go back now */
      return FALSE;
    }
  return TRUE;
}

gboolean
integrity_store_commit (IntegrityStore  *self,
                        GError         **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  sql = self->transaction_depth == 1
    ? g_strdup ("COMMIT")
    : g_strdup_printf ("RELEASE integrity_%u", self->transaction_depth - 1);
  if (!integrity_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth--;
  transaction_ended (self);
  return TRUE;
}

void
integrity_store_rollback (IntegrityStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (INTEGRITY_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  sql = self->transaction_depth == 1
    ? g_strdup ("ROLLBACK")
    : g_strdup_printf ("ROLLBACK TO integrity_%u; RELEASE integrity_%u",
                       self->transaction_depth - 1, self->transaction_depth - 1);
  /* A failed COMMIT may already have ended the transaction. */
  if (!integrity_store_exec (self, sql, NULL) && self->transaction_depth == 1)
    g_debug ("Rollback found no open transaction");
  self->transaction_depth--;
  transaction_ended (self);
}

typedef struct
{
  IntegrityStore *store;
  char           *component;
} ChangedEmission;

static gboolean
emit_changed_cb (gpointer data)
{
  ChangedEmission *emission = data;

  g_signal_emit (emission->store, signals[CHANGED],
                 g_quark_from_string (emission->component), emission->component);
  g_object_unref (emission->store);
  g_free (emission->component);
  g_free (emission);
  return G_SOURCE_REMOVE;
}

/**
 * integrity_store_notify_changed:
 * @component: "core" or a plugin id
 *
 * Announces that @component's tables changed. Safe from any thread: the
 * signal is emitted on the thread that opened the store.
 */
void
integrity_store_notify_changed (IntegrityStore *self,
                                const char     *component)
{
  ChangedEmission *emission;

  g_return_if_fail (INTEGRITY_IS_STORE (self));
  g_return_if_fail (component != NULL);

  emission = g_new0 (ChangedEmission, 1);
  emission->store = g_object_ref (self);
  emission->component = g_strdup (component);
  g_main_context_invoke (self->owner_context, emit_changed_cb, emission);
}

char *
integrity_store_get_meta (IntegrityStore *self,
                          const char     *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

gboolean
integrity_store_set_meta (IntegrityStore  *self,
                          const char      *key,
                          const char      *value,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!integrity_store_begin (self, error))
    return FALSE;

  rc = value != NULL
    ? sqlite3_prepare_v2 (self->db,
                          "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL)
    : sqlite3_prepare_v2 (self->db, "DELETE FROM meta WHERE key = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (value != NULL)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      integrity_sqlite_error (error, self->db, rc, _("Could not save a setting in the store"));
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
 * integrity_store_log_import:
 * @file_name: the file's base name (never its folder: paths can name people)
 *
 * Records an import in `import_log`. Call inside the import's transaction,
 * so the log and the rows commit or roll back together.
 */
gboolean
integrity_store_log_import (IntegrityStore  *self,
                            const char      *file_name,
                            const char      *sha256,
                            const char      *kind,
                            gint64           rows_inserted,
                            gint64           rows_updated,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_name != NULL && kind != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO import_log (file_name, sha256, kind, rows_inserted,"
                           " rows_updated, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, file_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, sha256 != NULL ? sha256 : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, rows_inserted);
      sqlite3_bind_int64 (stmt, 5, rows_updated);
      sqlite3_bind_text (stmt, 6, when, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, self->db, rc, _("Could not log the import"));
  return TRUE;
}

/* "  north   GATE " → "north GATE": trimmed, inner runs of white space
 * collapsed to one space. */
char *
integrity_district_normalise (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* The district's identity: the same name in another case or spacing is
 * the same district. */
char *
integrity_district_key (const char *name)
{
  g_autofree char *normal = integrity_district_normalise (name);

  return g_utf8_casefold (normal, -1);
}

/**
 * integrity_district_ensure:
 * @db: a write connection, inside a transaction
 *
 * Returns: the id of the district called @name (matched by
 *   integrity_district_key()), adding it when new; -1 on error.
 */
gint64
integrity_district_ensure (sqlite3     *db,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  normal = integrity_district_normalise (name);
  key = g_utf8_casefold (normal, -1);
  if (*normal == '\0')
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_SQL,
                   _("A district needs a name"));
      return -1;
    }

  /* The no-op update makes RETURNING give the id of an existing row too. */
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO district (name, key) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id",
                           -1, &upsert, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (upsert, 1, normal, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (upsert, 2, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (upsert);
    }
  if (rc != SQLITE_ROW)
    {
      integrity_sqlite_error (error, db, rc, _("Could not add the district"));
      return -1;
    }
  id = sqlite3_column_int64 (upsert, 0);
  return id;
}

gint64
integrity_store_ensure_district (IntegrityStore  *self,
                                 const char      *name,
                                 GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), -1);
  return integrity_district_ensure (self->db, name, error);
}

gboolean
integrity_store_is_demo (IntegrityStore *self)
{
  g_autofree char *demo = integrity_store_get_meta (self, "demo");

  return demo != NULL && g_strcmp0 (demo, "0") != 0;
}

/* Every import and every demo generation writes import_log, so a store
 * with no log rows holds no data to show. */
gboolean
integrity_store_has_data (IntegrityStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM import_log LIMIT 1", -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * integrity_store_check:
 * @report: (nullable): receives one line per finding and the schema versions
 *
 * Runs SQLite's integrity and foreign-key checks. Returns %FALSE with an
 * error when the store is damaged or inconsistent.
 */
gboolean
integrity_store_check (IntegrityStore  *self,
                       GString         *report,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) keys = NULL;
  g_autoptr(sqlite3_stmt) versions = NULL;
  guint problems = 0;
  int rc;

  g_return_val_if_fail (INTEGRITY_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &check, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, self->db, rc, _("The store could not be checked"));
  while ((rc = sqlite3_step (check)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (check, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          problems++;
          if (report != NULL)
            g_string_append_printf (report, "integrity: %s\n", line);
        }
    }
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, self->db, rc, _("The store could not be checked"));

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &keys, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, self->db, rc, _("The store could not be checked"));
  while ((rc = sqlite3_step (keys)) == SQLITE_ROW)
    {
      problems++;
      if (report != NULL)
        g_string_append_printf (report, "foreign key: row %lld of %s has no parent in %s\n",
                                (long long) sqlite3_column_int64 (keys, 1),
                                (const char *) sqlite3_column_text (keys, 0),
                                (const char *) sqlite3_column_text (keys, 2));
    }

  if (report != NULL
      && sqlite3_prepare_v2 (self->db,
                             "SELECT component, version FROM schema_version ORDER BY component",
                             -1, &versions, NULL) == SQLITE_OK)
    while (sqlite3_step (versions) == SQLITE_ROW)
      g_string_append_printf (report, "schema %s: %d\n",
                              (const char *) sqlite3_column_text (versions, 0),
                              sqlite3_column_int (versions, 1));

  if (problems > 0)
    {
      g_set_error (error, INTEGRITY_STORE_ERROR, INTEGRITY_STORE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE, "The store has %u problem",
                                "The store has %u problems", problems), problems);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  IntegrityStoreQueryFunc func;
  gpointer                data;
  GDestroyNotify          data_free;
  GDestroyNotify          result_free;
} QueryTask;

static void
query_task_free (QueryTask *task)
{
  if (task->data_free != NULL)
    task->data_free (task->data);
  g_free (task);
}

/* SQLite calls this every QUERY_YIELD_STEPS virtual machine steps of a
 * query (some tens of microseconds): a query waits out a frame in the
 * middle of its work rather than at its end. */
#define QUERY_YIELD_STEPS 1000

static int
query_yield_to_frame (void *unused)
{
  (void) unused;
  _integrity_thread_yield_to_frame ();
  return 0;  /* go on */
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IntegrityStore *self = source_object;
  QueryTask *query = task_data;
  GError *error = NULL;
  sqlite3 *db;
  gpointer result;

  /* GLib's shared task threads: once lowered, they stay lower for any
   * later background task of the app, which is as it should be. */
  _integrity_thread_lower_priority (5, "Store queries");
  db = integrity_store_open_reader (self, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sqlite3_progress_handler (db, QUERY_YIELD_STEPS, query_yield_to_frame, NULL);
  result = query->func (db, query->data, cancellable, &error);
  sqlite3_close_v2 (db);

  if (error != NULL)
    {
      if (result != NULL && query->result_free != NULL)
        query->result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, query->result_free);
}

/**
 * integrity_store_query_async:
 * @func: runs on a worker thread with its own read-only connection
 *
 * Runs a query off the main thread, so no read ever stalls a frame.
 */
void
integrity_store_query_async (IntegrityStore          *self,
                             IntegrityStoreQueryFunc  func,
                             gpointer                 data,
                             GDestroyNotify           data_free,
                             GDestroyNotify           result_free,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryTask *query;

  g_return_if_fail (INTEGRITY_IS_STORE (self));
  g_return_if_fail (func != NULL);

  query = g_new0 (QueryTask, 1);
  query->func = func;
  query->data = data;
  query->data_free = data_free;
  query->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, integrity_store_query_async);
  g_task_set_task_data (task, query, (GDestroyNotify) query_task_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, query_thread);
}

gpointer
integrity_store_query_finish (IntegrityStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (INTEGRITY_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
