#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "lb-error.h"
#include "lb-store-private.h"

struct _LbStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* open transactions */
  int         schema_version;
  gint64      clock;        /* fixed "now" for tests, 0 for the real time */
  gboolean    read_only;
};

G_DEFINE_FINAL_TYPE (LbStore, lb_store, G_TYPE_OBJECT)

/* helpers */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
file_exists_nonempty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                       _("“%s” is not a file. Give the path of a database file."), path);
          return FALSE;
        }
      return TRUE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;

  return value;
}

static void
refuse_file (const char  *path,
             int          rc,
             GError     **error)
{
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE,
                 _("“%s” is not a Leadbook database or it is damaged (%s). "
                   "It was left untouched; open a backup or choose another file."),
                 path, sqlite3_errstr (rc));
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_BUSY,
                 _("The database “%s” is locked by another program. Try again in a moment."),
                 path);
  else
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                 _("Cannot open the database “%s”: %s"), path, sqlite3_errstr (rc));
}

/* SQLite 3.40 can damage a WAL database when one connection checkpoints
 * passively while another writes (the "WAL-reset" bug, fixed in 3.51.3).
 * So no connection checkpoints passively: this hook replaces the
 * automatic checkpoint with a TRUNCATE checkpoint, which holds the write
 * lock (waiting up to the busy timeout for it), so no other connection,
 * in this process or in the GUI/CLI next to it, writes meanwhile.  When
 * the lock cannot be had, the next commit tries again. */
#define CHECKPOINT_FRAMES 1000

static int
wal_hook (gpointer    user_data,
          sqlite3    *db,
          const char *db_name,
          int         n_frames)
{
  if (n_frames >= CHECKPOINT_FRAMES)
    sqlite3_wal_checkpoint_v2 (db, db_name, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  return SQLITE_OK;
}

static gboolean
configure_connection (LbStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 0);

  if (!lb_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (!self->read_only)
    {
      if (!lb_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !lb_store_exec (self, "PRAGMA synchronous = NORMAL", error))
        return FALSE;
      sqlite3_wal_hook (self->db, wal_hook, self);
    }
  /* Page caches in KiB: the main connection keeps what the open pages
   * read again and again; a reader runs one query in a worker thread
   * and goes, so a small cache is enough (SPEC 5, memory). */
  return lb_store_exec (self, "PRAGMA temp_store = MEMORY", error) &&
         lb_store_exec (self, self->read_only ? "PRAGMA cache_size = -4000"
                                              : "PRAGMA cache_size = -8000", error);
}

/**
 * lb_store_release_memory:
 *
 * Hands the memory that finished worker queries freed back to the
 * system.  glibc keeps what a thread frees in that thread's arena, so
 * after a query over a million leads the process would go on holding
 * its page cache and sort buffers.  Call it when such a query is done.
 */
void
lb_store_release_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static char *
backup_basename_prefix (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  return g_strconcat (base, ".backup-", NULL);
}

static void
prune_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = lb_store_list_backups (db_path);

  while (backups->len > LB_STORE_BACKUPS_KEPT)
    {
      g_unlink (g_ptr_array_index (backups, 0));
      g_ptr_array_remove_index (backups, 0);
    }
}

static char *
make_backup (LbStore     *self,
             const char  *suffix,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *prefix = backup_basename_prefix (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  name = g_strconcat (prefix, stamp, suffix ? suffix : "", ".db", NULL);
  dest = g_build_filename (dir, name, NULL);
  for (guint n = 2; g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      g_free (dest);
      name = g_strdup_printf ("%s%s%s-%u.db", prefix, stamp, suffix ? suffix : "", n);
      dest = g_build_filename (dir, name, NULL);
    }

  if (!lb_store_backup_to (self, dest, error))
    return NULL;

  prune_backups (self->path);

  return g_steal_pointer (&dest);
}

/* GObject overrides */

static void
lb_store_finalize (GObject *object)
{
  LbStore *self = (LbStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA analysis_limit = 2000; PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lb_store_parent_class)->finalize (object);
}

static void
lb_store_class_init (LbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_store_finalize;
}

static void
lb_store_init (LbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* private API */

sqlite3 *
lb_store_get_db (LbStore *self)
{
  return self->db;
}

void
lb_store_set_error (LbStore  *self,
                    GError  **error)
{
  int rc = sqlite3_errcode (self->db);

  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_BUSY,
                 _("The database is busy in another program. Try again in a moment."));
  else if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    refuse_file (self->path, rc, error);
  else if (rc == SQLITE_READONLY)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                 _("The database “%s” is read-only."), self->path);
  else if (rc == SQLITE_FULL)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                 _("The disk holding “%s” is full. Free some space and try again."),
                 self->path);
  else
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                 _("Database error: %s"), sqlite3_errmsg (self->db));
}

/* Hands out a cached, reset statement with no bindings.  The caller
 * must be done with it before preparing the same SQL again. */
sqlite3_stmt *
lb_store_prepare (LbStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      lb_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
lb_store_exec (LbStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      lb_store_set_error (self, error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Steps a statement that returns no rows, then resets it. */
gboolean
lb_store_step_done (LbStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
lb_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
lb_bind_id (sqlite3_stmt *stmt,
            int           index,
            gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
lb_column_text (sqlite3_stmt *stmt,
                int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Steps a write; a UNIQUE violation becomes LB_INPUT_ERROR_DUPLICATE
 * with @duplicate_message when one is given. */
gboolean
lb_store_step_write (LbStore       *self,
                     sqlite3_stmt  *stmt,
                     const char    *duplicate_message,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc == SQLITE_CONSTRAINT && duplicate_message != NULL &&
      strstr (sqlite3_errmsg (self->db), "UNIQUE") != NULL)
    g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE, duplicate_message);
  else
    lb_store_set_error (self, error);

  return FALSE;
}

/* Reads a row whose columns are the record's text fields, then its
 * integer fields, in the order of its field tables. */
void
lb_read_record_fields (sqlite3_stmt *stmt,
                       LbRecord     *record)
{
  LbRecordClass *klass = LB_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_text; i++)
    lb_record_set_text (record, i, lb_column_text (stmt, i));
  for (guint i = 0; i < klass->n_int; i++)
    lb_record_set_int (record, i, sqlite3_column_int64 (stmt, klass->n_text + i));
}

/* "%text%" for LIKE … ESCAPE '\', with the wildcards of @text escaped. */
char *
lb_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* public API */

/**
 * lb_store_default_path:
 *
 * Returns: (transfer full): $LEADBOOK_DB, or the per-user database
 *   under the XDG data folder
 */
char *
lb_store_default_path (void)
{
  const char *env = g_getenv ("LEADBOOK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "leadbook", "leadbook.db", NULL);
}

/**
 * lb_store_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the database, refusing a file that is not a Leadbook database,
 * is damaged or was made by a newer program without writing to it, and
 * brings an older schema up to date after taking a backup.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LbStore *
lb_store_open (const char  *path,
               GError     **error)
{
  return lb_store_open_at_version (path, LB_STORE_SCHEMA_VERSION, error);
}

LbStore *
lb_store_open_at_version (const char  *path,
                          int          target_version,
                          GError     **error)
{
  g_autoptr(LbStore) self = NULL;
  gboolean existed;
  int rc = SQLITE_OK;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  existed = file_exists_nonempty (path);
  if (!ensure_file (path, error))
    return NULL;

  self = g_object_new (LB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      refuse_file (path, rc, error);
      return NULL;
    }

  /* Read before anything writes: a foreign or newer file stays as it was. */
  sqlite3_busy_timeout (self->db, 5000);
  query_int (self->db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc != SQLITE_OK)
    {
      refuse_file (path, rc, error);
      return NULL;
    }
  version = query_int (self->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      refuse_file (path, rc, error);
      return NULL;
    }
  if (version > LB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer Leadbook (schema %d; "
                     "this version knows up to %d). It was left untouched; "
                     "open it with a newer Leadbook."),
                   path, version, LB_STORE_SCHEMA_VERSION);
      return NULL;
    }
  if (version == 0 && existed)
    {
      int n_tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema", &rc);

      if (n_tables > 0)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is an SQLite database of another program, not a Leadbook "
                         "database. It was left untouched; choose another file."),
                       path);
          return NULL;
        }
    }

  if (!configure_connection (self, error))
    return NULL;

  /* One step at a time, each after a backup of what came before (a new,
   * empty database needs none). */
  for (int v = version; v < target_version; v++)
    {
      if (version > 0)
        {
          g_autofree char *suffix = g_strdup_printf ("-pre-v%d", v + 1);
          g_autofree char *backup = make_backup (self, suffix, error);

          if (backup == NULL)
            return NULL;
        }
      if (!lb_store_migrate (self, v, v + 1, error))
        return NULL;
    }
  self->schema_version = MAX (version, target_version);

  return g_steal_pointer (&self);
}

/**
 * lb_store_open_reader:
 *
 * Opens a second, read-only connection to the same file, for queries
 * that run in a worker thread.  Use it from one thread at a time.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
LbStore *
lb_store_open_reader (LbStore  *self,
                      GError  **error)
{
  g_autoptr(LbStore) reader = NULL;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  reader = g_object_new (LB_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->read_only = TRUE;
  reader->schema_version = self->schema_version;
  reader->clock = self->clock;

  rc = sqlite3_open_v2 (self->path, &reader->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      refuse_file (self->path, rc, error);
      return NULL;
    }
  if (!configure_connection (reader, error))
    return NULL;

  return g_steal_pointer (&reader);
}

const char *
lb_store_get_path (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  return self->path;
}

int
lb_store_get_schema_version (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), 0);
  return self->schema_version;
}

/* Seconds since the epoch; a fixed clock when a test set one. */
gint64
lb_store_now (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (self->clock != 0)
    return self->clock;
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
lb_store_set_clock (LbStore *self,
                    gint64   unix_time)
{
  g_return_if_fail (LB_IS_STORE (self));
  self->clock = unix_time;
}

gboolean
lb_store_begin (LbStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup (self->read_only ? "BEGIN" : "BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT lb_%u", self->depth);

  if (!lb_store_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
lb_store_commit (LbStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE lb_%u", self->depth - 1);

  if (!lb_store_exec (self, sql, error))
    {
      lb_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
lb_store_rollback (LbStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (LB_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO lb_%u; RELEASE lb_%u", self->depth - 1, self->depth - 1);

  if (!lb_store_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  self->depth--;
}

/* Copies the whole database with SQLite's backup API; the copy is
 * written to a temporary name first, so a failed backup leaves no
 * half-written file. */
gboolean
lb_store_backup_to (LbStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (tmp_path);
  fd = g_open (tmp_path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), dest_path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (rc != SQLITE_OK || g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), dest_path,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * lb_store_list_backups:
 *
 * Returns: (transfer full) (element-type filename): the backups next to
 *   @db_path, oldest first
 */
GPtrArray *
lb_store_list_backups (const char *db_path)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *prefix = backup_basename_prefix (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));

  /* The names hold a UTC time stamp, so their order is the time order. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir_path, g_ptr_array_index (names, i), NULL));

  return paths;
}

char *
lb_store_find_newest_backup (const char *db_path)
{
  g_autoptr(GPtrArray) backups = lb_store_list_backups (db_path);

  if (backups->len == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (backups, backups->len - 1));
}

/**
 * lb_store_daily_backup:
 *
 * Takes a backup unless one was already taken today (UTC), and keeps
 * the newest %LB_STORE_BACKUPS_KEPT.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL
 *   when none was needed or on error (then @error is set)
 */
char *
lb_store_daily_backup (LbStore  *self,
                       GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d");
  g_autofree char *prefix = backup_basename_prefix (self->path);
  g_autofree char *newest = lb_store_find_newest_backup (self->path);

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  if (newest != NULL)
    {
      g_autofree char *base = g_path_get_basename (newest);

      if (g_str_has_prefix (base + strlen (prefix), today))
        return NULL;
    }

  return make_backup (self, NULL, error);
}

/**
 * lb_store_check:
 * @report: (out) (transfer full): what the checks found, one line each
 *
 * Runs SQLite's integrity and foreign key checks.
 *
 * Returns: %TRUE when the database is sound
 */
gboolean
lb_store_check (LbStore  *self,
                char    **report,
                GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!(stmt = lb_store_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = lb_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        ok = FALSE;
      g_string_append_printf (out, "integrity: %s\n", line);
    }
  sqlite3_reset (stmt);

  if (!(stmt = lb_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ok = FALSE;
      g_string_append_printf (out, "foreign key: %s row %" PRId64 " refers to a missing %s\n",
                              lb_column_text (stmt, 0), (gint64)sqlite3_column_int64 (stmt, 1),
                              lb_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (ok)
    g_string_append (out, "foreign keys: ok\n");

  if (report != NULL)
    *report = g_string_free (g_steal_pointer (&out), FALSE);

  if (!ok)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE,
                 _("The database “%s” failed its checks; restore a backup."), self->path);
  return ok;
}

/* Refreshes the statistics the query planner picks indexes by; after
 * bulk changes such as demo data or an import.  Sampled, so it takes a
 * moment even on a million leads. */
gboolean
lb_store_optimize (LbStore  *self,
                   GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  return lb_store_exec (self, "PRAGMA analysis_limit = 2000; ANALYZE", error);
}

/**
 * lb_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the stored value, %NULL if unset
 */
char *
lb_store_get_setting (LbStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (lb_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* Stores @value, or removes the setting when @value is NULL or empty. */
gboolean
lb_store_set_setting (LbStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (value == NULL || *value == '\0')
    {
      stmt = lb_store_prepare (self, "DELETE FROM setting WHERE key = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = lb_store_prepare (self,
                               "INSERT INTO setting (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    }

  return lb_store_step_done (self, stmt, error);
}

/**
 * lb_store_restore_backup:
 * @db_path: the database that cannot be opened
 * @backup_path: the backup to put in its place
 * @aside_path: (out) (optional) (transfer full): where the old file went
 *
 * Puts @backup_path in the place of a damaged database.  The damaged
 * file, and its -wal and -shm files when present, are renamed aside to
 * `<file>.damaged-YYYYMMDD-HHMMSS`, never overwritten or deleted; the
 * stale journal must not be replayed onto the backup.
 *
 * Returns: %TRUE when @db_path now holds a copy of the backup
 */
gboolean
lb_store_restore_backup (const char  *db_path,
                         const char  *backup_path,
                         char       **aside_path,
                         GError     **error)
{
  static const char * const journals[] = { "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) copy_error = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  aside = g_strconcat (db_path, ".damaged-", stamp, NULL);
  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", db_path, stamp, n);
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && g_rename (db_path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot move the damaged database “%s” aside: %s"),
                   db_path, g_strerror (saved));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_autofree char *journal = g_strconcat (db_path, journals[i], NULL);
      g_autofree char *journal_aside = g_strconcat (aside, journals[i], NULL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS) && g_rename (journal, journal_aside) != 0)
        {
          int saved = errno;
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                       _("Cannot move “%s” aside: %s"), journal, g_strerror (saved));
          return FALSE;
        }
    }

  source = g_file_new_for_path (backup_path);
  dest = g_file_new_for_path (db_path);
  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot copy the backup “%s” to “%s”: %s"),
                   backup_path, db_path, copy_error->message);
      return FALSE;
    }
  g_chmod (db_path, 0600);

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);

  return TRUE;
}

/**
 * lb_store_set_cache_size:
 * @kib: the page cache of this connection, in KiB
 *
 * For bulk work on this connection (an import): a bigger page cache
 * keeps the indexes being written in memory.
 *
 * Returns: the size it had, in KiB, to set it back with
 */
gint64
lb_store_set_cache_size (LbStore *self,
                         gint64   kib)
{
  g_autofree char *sql = NULL;
  gint64 old;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (kib > 0, 0);

  /* A negative size is in KiB, a positive one in pages. */
  old = query_int (self->db, "PRAGMA cache_size", &rc);
  if (old > 0)
    old = old * query_int (self->db, "PRAGMA page_size", &rc) / 1024;
  else
    old = -old;

  /* PRAGMA takes no bound parameters; the number is ours, not user data. */
  sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GINT64_FORMAT, kib);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Cannot set the cache size: %s", sqlite3_errmsg (self->db));

  return old > 0 ? old : kib;
}
