#pragma once

#include <gio/gio.h>

#include "lb-enums.h"
#include "lb-lead.h"
#include "lb-lead-filter.h"
#include "lb-ref-item.h"

G_BEGIN_DECLS

#define LB_TYPE_STORE (lb_store_get_type ())
G_DECLARE_FINAL_TYPE (LbStore, lb_store, LB, STORE, GObject)

/* The schema version this program writes (PRAGMA user_version). */
#define LB_STORE_SCHEMA_VERSION 3

/* How many backups are kept next to the database. */
#define LB_STORE_BACKUPS_KEPT 7

/* connection */
char         *lb_store_default_path        (void);
LbStore      *lb_store_open                (const char          *path,
                                            GError             **error);
void          lb_store_release_memory      (void);
LbStore      *lb_store_open_reader         (LbStore             *self,
                                            GError             **error);
const char   *lb_store_get_path            (LbStore             *self);
int           lb_store_get_schema_version  (LbStore             *self);
gint64        lb_store_now                 (LbStore             *self);
void          lb_store_set_clock           (LbStore             *self,
                                            gint64               unix_time);

/* transactions: nest; the outermost one is BEGIN IMMEDIATE … COMMIT */
gboolean      lb_store_begin               (LbStore             *self,
                                            GError             **error);
gboolean      lb_store_commit              (LbStore             *self,
                                            GError             **error);
void          lb_store_rollback            (LbStore             *self);

/* data safety */
gboolean      lb_store_backup_to           (LbStore             *self,
                                            const char          *dest_path,
                                            GError             **error);
char         *lb_store_daily_backup        (LbStore             *self,
                                            GError             **error);
char         *lb_store_find_newest_backup  (const char          *db_path);
GPtrArray    *lb_store_list_backups        (const char          *db_path);
gboolean      lb_store_restore_backup      (const char          *db_path,
                                            const char          *backup_path,
                                            char               **aside_path,
                                            GError             **error);
gboolean      lb_store_check               (LbStore             *self,
                                            char               **report,
                                            GError             **error);
gboolean      lb_store_optimize            (LbStore             *self,
                                            GError             **error);

/* settings */
char         *lb_store_get_setting         (LbStore             *self,
                                            const char          *key);
gboolean      lb_store_set_setting         (LbStore             *self,
                                            const char          *key,
                                            const char          *value,
                                            GError             **error);

/* reference lists */
GListModel   *lb_store_list_refs           (LbStore             *self,
                                            LbRefKind            kind,
                                            GError             **error);
LbRefItem    *lb_store_find_ref            (LbStore             *self,
                                            LbRefKind            kind,
                                            const char          *name);
gint64        lb_store_add_ref             (LbStore             *self,
                                            LbRefKind            kind,
                                            const char          *name,
                                            GError             **error);
gboolean      lb_store_rename_ref          (LbStore             *self,
                                            gint64               id,
                                            const char          *name,
                                            GError             **error);
gboolean      lb_store_remove_ref          (LbStore             *self,
                                            gint64               id,
                                            GError             **error);
gint64        lb_store_count_ref_uses      (LbStore             *self,
                                            gint64               id);
gint64        lb_store_add_ref_with_rate   (LbStore             *self,
                                            LbRefKind            kind,
                                            const char          *name,
                                            gint64               rate,
                                            GError             **error);
gboolean      lb_store_set_ref_rate        (LbStore             *self,
                                            gint64               id,
                                            gint64               rate,
                                            GError             **error);
gint64        lb_store_count_products_at_rate (LbStore          *self,
                                            gint64               rate);
gboolean      lb_store_move_products_rate  (LbStore             *self,
                                            gint64               from,
                                            gint64               to,
                                            gint64               now,
                                            gint64              *changed,
                                            GError             **error);

/* leads: the raw rows; rules live in actions/lb-lead-actions.c */
gboolean      lb_store_insert_lead         (LbStore             *self,
                                            LbLead              *lead,
                                            GError             **error);
gboolean      lb_store_update_lead         (LbStore             *self,
                                            LbLead              *lead,
                                            GError             **error);
LbLead       *lb_store_get_lead            (LbStore             *self,
                                            gint64               id,
                                            GError             **error);
GPtrArray    *lb_store_get_leads           (LbStore             *self,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
gboolean      lb_store_set_lead_deleted_at (LbStore             *self,
                                            gint64               id,
                                            gint64               deleted_at,
                                            GError             **error);
gboolean      lb_store_purge_lead          (LbStore             *self,
                                            gint64               id,
                                            GError             **error);
gint64        lb_store_find_lead_by_email  (LbStore             *self,
                                            const char          *email,
                                            gint64               except_id);
gint64        lb_store_find_lead_by_phone  (LbStore             *self,
                                            const char          *phone,
                                            gint64               except_id);
GArray       *lb_store_query_lead_ids      (LbStore             *self,
                                            const LbLeadFilter  *filter,
                                            guint                limit,
                                            GError             **error);
GArray       *lb_store_query_first_lead_ids (LbStore             *self,
                                             const LbLeadFilter  *filter,
                                             guint                limit,
                                             gboolean            *complete,
                                             GError             **error);
gint64        lb_store_count_leads         (LbStore             *self,
                                            const LbLeadFilter  *filter,
                                            GError             **error);
GPtrArray    *lb_store_hot_leads           (LbStore             *self,
                                            guint                limit,
                                            GError             **error);
gboolean      lb_store_account_exists      (LbStore             *self,
                                            gint64               id);
gboolean      lb_store_contact_exists      (LbStore             *self,
                                            gint64               id);

/* bulk work (CSV import) */
gint64        lb_store_set_cache_size      (LbStore             *self,
                                            gint64               kib);

typedef struct _LbLeadBulk LbLeadBulk;

LbLeadBulk   *lb_store_lead_bulk_begin     (LbStore             *self,
                                            GError             **error);
gint64        lb_store_lead_bulk_get_n_before (LbLeadBulk       *bulk);
gboolean      lb_store_lead_bulk_defer_indexes (LbLeadBulk      *bulk,
                                            GError             **error);
gboolean      lb_store_lead_bulk_sync      (LbLeadBulk          *bulk,
                                            GError             **error);
gboolean      lb_store_lead_bulk_end       (LbLeadBulk          *bulk,
                                            GError             **error);
void          lb_store_lead_bulk_free      (LbLeadBulk          *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbLeadBulk, lb_store_lead_bulk_free)

G_END_DECLS
