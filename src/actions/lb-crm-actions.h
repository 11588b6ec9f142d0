#pragma once

#include "lb-store-crm.h"

G_BEGIN_DECLS

/* Accounts, contacts and deals (SPEC 3.4).  Each operation is one
 * transaction: it completes, or it changes nothing and sets @error with
 * a message a user can act on. */

gboolean lb_account_check    (LbStore    *store,
                              LbAccount  *account,
                              GError    **error);
gint64   lb_account_create   (LbStore    *store,
                              LbAccount  *account,
                              GError    **error);
gboolean lb_account_save     (LbStore    *store,
                              LbAccount  *account,
                              GError    **error);

gboolean lb_contact_check    (LbStore    *store,
                              LbContact  *contact,
                              GError    **error);
gint64   lb_contact_create   (LbStore    *store,
                              LbContact  *contact,
                              GError    **error);
gboolean lb_contact_save     (LbStore    *store,
                              LbContact  *contact,
                              GError    **error);

gboolean lb_deal_check       (LbStore    *store,
                              LbDeal     *deal,
                              GError    **error);
gint64   lb_deal_create      (LbStore    *store,
                              LbDeal     *deal,
                              GError    **error);
gboolean lb_deal_save        (LbStore    *store,
                              LbDeal     *deal,
                              GError    **error);

/* @kind is "account", "contact" or "deal" */
gboolean lb_record_trash     (LbStore    *store,
                              const char *kind,
                              gint64      id,
                              GError    **error);
gboolean lb_record_restore   (LbStore    *store,
                              const char *kind,
                              gint64      id,
                              GError    **error);
gboolean lb_record_purge     (LbStore    *store,
                              const char *kind,
                              gint64      id,
                              GError    **error);


/* pipelines and their ordered stages, by name ignoring case */
gboolean lb_pipeline_add     (LbStore    *store,
                              const char *name,
                              GError    **error);
gboolean lb_pipeline_rename  (LbStore    *store,
                              const char *pipeline,
                              const char *name,
                              GError    **error);
gboolean lb_pipeline_remove  (LbStore    *store,
                              const char *pipeline,
                              GError    **error);
gboolean lb_stage_add        (LbStore    *store,
                              const char *pipeline,
                              const char *name,
                              GError    **error);
gboolean lb_stage_rename     (LbStore    *store,
                              const char *pipeline,
                              const char *stage,
                              const char *name,
                              GError    **error);
gboolean lb_stage_remove     (LbStore    *store,
                              const char *pipeline,
                              const char *stage,
                              GError    **error);
gboolean lb_stage_move       (LbStore    *store,
                              const char *pipeline,
                              const char *stage,
                              guint       position,
                              GError    **error);

G_END_DECLS
