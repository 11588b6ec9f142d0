#pragma once

#include <sqlite3.h>

#include "lb-record.h"
#include "lb-store.h"

G_BEGIN_DECLS

/* For the files of src/store/ only: the rest of the program never sees
 * SQL or a statement. */

sqlite3      *lb_store_get_db     (LbStore      *self);
sqlite3_stmt *lb_store_prepare    (LbStore      *self,
                                   const char   *sql,
                                   GError      **error);
gboolean      lb_store_exec       (LbStore      *self,
                                   const char   *sql,
                                   GError      **error);
gboolean      lb_store_step_done  (LbStore      *self,
                                   sqlite3_stmt *stmt,
                                   GError      **error);
void          lb_store_set_error  (LbStore      *self,
                                   GError      **error);

void          lb_bind_text        (sqlite3_stmt *stmt,
                                   int           index,
                                   const char   *text);
void          lb_bind_id          (sqlite3_stmt *stmt,
                                   int           index,
                                   gint64        id);
const char   *lb_column_text      (sqlite3_stmt *stmt,
                                   int           column);
gboolean      lb_store_step_write (LbStore      *self,
                                   sqlite3_stmt *stmt,
                                   const char   *duplicate_message,
                                   GError      **error);
void          lb_read_record_fields (sqlite3_stmt *stmt,
                                     LbRecord     *record);
char         *lb_like_pattern     (const char   *text);

/* lb-store-schema.c */
gboolean      lb_store_migrate    (LbStore      *self,
                                   int           from_version,
                                   int           to_version,
                                   GError      **error);

/* lb-store.c: opens and migrates only up to @version; for tests of
 * migrations from older schemas. */
LbStore      *lb_store_open_at_version (const char  *path,
                                        int          version,
                                        GError     **error);

G_END_DECLS
