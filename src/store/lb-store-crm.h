#pragma once

#include "lb-account.h"
#include "lb-contact.h"
#include "lb-deal.h"
#include "lb-store.h"

G_BEGIN_DECLS

/* Accounts, contacts, deals and pipelines: the raw rows.  The rules
 * live in actions/lb-crm-actions.c and actions/lb-convert.c. */

/* What a list of accounts, contacts or deals shows. */
typedef struct
{
  char     *search;      /* words that must start words of the name, email, … */
  gboolean  trash;
  gint64    account_id;  /* contacts and deals of one account; 0 for all */
  gint64    contact_id;  /* deals of one contact; 0 for all */
  gint64    lead_id;     /* records created from one lead; 0 for all */
  int       status;      /* deals: an LbDealStatus, or -1 for any */
} LbRecordFilter;

void           lb_record_filter_init      (LbRecordFilter  *filter);
void           lb_record_filter_clear     (LbRecordFilter  *filter);

/* A pipeline stage with the open deals in it, for the board and the
 * dashboard. */
typedef struct
{
  char   *pipeline;
  char   *stage;
  gint64  n_deals;
  gint64  value;        /* sum of the open deals' values, minor units */
  char   *currency;     /* NULL when the deals mix currencies */
} LbStageTotal;

void           lb_stage_total_free        (LbStageTotal    *total);

gboolean       lb_store_insert_account    (LbStore         *self,
                                           LbAccount       *account,
                                           GError         **error);
gboolean       lb_store_update_account    (LbStore         *self,
                                           LbAccount       *account,
                                           GError         **error);
LbAccount     *lb_store_get_account       (LbStore         *self,
                                           gint64           id,
                                           GError         **error);
gint64         lb_store_find_account      (LbStore         *self,
                                           const char      *name,
                                           gint64           except_id);
GListModel    *lb_store_list_accounts     (LbStore         *self,
                                           const LbRecordFilter *filter,
                                           GError         **error);

gboolean       lb_store_insert_contact    (LbStore         *self,
                                           LbContact       *contact,
                                           GError         **error);
gboolean       lb_store_update_contact    (LbStore         *self,
                                           LbContact       *contact,
                                           GError         **error);
LbContact     *lb_store_get_contact       (LbStore         *self,
                                           gint64           id,
                                           GError         **error);
GListModel    *lb_store_list_contacts     (LbStore         *self,
                                           const LbRecordFilter *filter,
                                           GError         **error);

gboolean       lb_store_insert_deal       (LbStore         *self,
                                           LbDeal          *deal,
                                           GError         **error);
gboolean       lb_store_update_deal       (LbStore         *self,
                                           LbDeal          *deal,
                                           GError         **error);
LbDeal        *lb_store_get_deal          (LbStore         *self,
                                           gint64           id,
                                           GError         **error);
GListModel    *lb_store_list_deals        (LbStore         *self,
                                           const LbRecordFilter *filter,
                                           GError         **error);
GPtrArray     *lb_store_stage_totals      (LbStore         *self,
                                           GError         **error);

/* "account", "contact" or "deal": the trash of each kind */
gboolean       lb_store_set_deleted_at    (LbStore         *self,
                                           const char      *kind,
                                           gint64           id,
                                           gint64           deleted_at,
                                           GError         **error);
gboolean       lb_store_purge             (LbStore         *self,
                                           const char      *kind,
                                           gint64           id,
                                           GError         **error);

gboolean       lb_store_mark_lead_converted (LbStore       *self,
                                             gint64         lead_id,
                                             gint64         contact_id,
                                             gint64         account_id,
                                             gint64         deal_id,
                                             gint64         now,
                                             GError       **error);

/* pipelines and their ordered stages */
char         **lb_store_list_pipelines    (LbStore         *self);
char         **lb_store_list_stages       (LbStore         *self,
                                           const char      *pipeline);
gboolean       lb_store_add_pipeline      (LbStore         *self,
                                           const char      *name,
                                           GError         **error);
gboolean       lb_store_add_stage         (LbStore         *self,
                                           const char      *pipeline,
                                           const char      *name,
                                           GError         **error);
gboolean       lb_store_rename_pipeline   (LbStore         *self,
                                           const char      *pipeline,
                                           const char      *name,
                                           GError         **error);
gboolean       lb_store_rename_stage      (LbStore         *self,
                                           const char      *pipeline,
                                           const char      *stage,
                                           const char      *name,
                                           GError         **error);
gboolean       lb_store_remove_pipeline   (LbStore         *self,
                                           const char      *pipeline,
                                           GError         **error);
gboolean       lb_store_remove_stage      (LbStore         *self,
                                           const char      *pipeline,
                                           const char      *stage,
                                           GError         **error);
gboolean       lb_store_move_stage        (LbStore         *self,
                                           const char      *pipeline,
                                           const char      *stage,
                                           guint            position,
                                           GError         **error);

G_END_DECLS
