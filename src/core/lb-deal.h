#pragma once

#include "lb-enums.h"
#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_DEAL (lb_deal_get_type ())
G_DECLARE_FINAL_TYPE (LbDeal, lb_deal, LB, DEAL, LbRecord)

/* An opportunity (SPEC 3.4).  "value" is in minor units of "currency";
 * "expected-close" is a date written YYYY-MM-DD; "account-name" and
 * "contact-name" are read from the links, not stored. */

/* Text fields, each a property of the same name ("name", …). */
typedef enum
{
  LB_DEAL_NAME,
  LB_DEAL_CURRENCY,
  LB_DEAL_PIPELINE,
  LB_DEAL_STAGE,
  LB_DEAL_EXPECTED_CLOSE,
  LB_DEAL_NOTES,
  LB_DEAL_ACCOUNT_NAME,
  LB_DEAL_CONTACT_NAME,
  LB_DEAL_N_TEXT
} LbDealText;

/* Integer fields: ids (0 = none), amounts, timestamps (unix seconds). */
typedef enum
{
  LB_DEAL_ID,
  LB_DEAL_ACCOUNT_ID,
  LB_DEAL_CONTACT_ID,
  LB_DEAL_VALUE,
  LB_DEAL_PROBABILITY,
  LB_DEAL_LEAD_ID,
  LB_DEAL_CREATED_AT,
  LB_DEAL_UPDATED_AT,
  LB_DEAL_DELETED_AT,
  LB_DEAL_N_INT
} LbDealInt;

LbDeal       *lb_deal_new       (void);
LbDeal       *lb_deal_copy      (LbDeal       *self);
gint64       lb_deal_get_id    (LbDeal       *self);
LbDealStatus  lb_deal_get_status  (LbDeal       *self);
void          lb_deal_set_status  (LbDeal       *self,
                                   LbDealStatus  status);

#define lb_deal_get_text(self, field) lb_record_get_text (LB_RECORD (self), (field))
#define lb_deal_set_text(self, field, value) lb_record_set_text (LB_RECORD (self), (field), (value))
#define lb_deal_get_int(self, field) lb_record_get_int (LB_RECORD (self), (field))
#define lb_deal_set_int(self, field, value) lb_record_set_int (LB_RECORD (self), (field), (value))

G_END_DECLS
