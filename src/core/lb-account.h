#pragma once

#include "lb-enums.h"
#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_ACCOUNT (lb_account_get_type ())
G_DECLARE_FINAL_TYPE (LbAccount, lb_account, LB, ACCOUNT, LbRecord)

/* A customer company (SPEC 3.4): name unique ignoring case. */

/* Text fields, each a property of the same name ("name", …). */
typedef enum
{
  LB_ACCOUNT_NAME,
  LB_ACCOUNT_INDUSTRY,
  LB_ACCOUNT_WEBSITE,
  LB_ACCOUNT_TIN,
  LB_ACCOUNT_PHONE,
  LB_ACCOUNT_EMAIL,
  LB_ACCOUNT_STREET,
  LB_ACCOUNT_CITY,
  LB_ACCOUNT_POSTAL_CODE,
  LB_ACCOUNT_REGION,
  LB_ACCOUNT_COUNTRY,
  LB_ACCOUNT_NOTES,
  LB_ACCOUNT_N_TEXT
} LbAccountText;

/* Integer fields: ids (0 = none), amounts, timestamps (unix seconds). */
typedef enum
{
  LB_ACCOUNT_ID,
  LB_ACCOUNT_LEAD_ID,
  LB_ACCOUNT_CREATED_AT,
  LB_ACCOUNT_UPDATED_AT,
  LB_ACCOUNT_DELETED_AT,
  LB_ACCOUNT_N_INT
} LbAccountInt;

LbAccount       *lb_account_new       (void);
LbAccount       *lb_account_copy      (LbAccount       *self);
gint64       lb_account_get_id    (LbAccount       *self);

#define lb_account_get_text(self, field) lb_record_get_text (LB_RECORD (self), (field))
#define lb_account_set_text(self, field, value) lb_record_set_text (LB_RECORD (self), (field), (value))
#define lb_account_get_int(self, field) lb_record_get_int (LB_RECORD (self), (field))
#define lb_account_set_int(self, field, value) lb_record_set_int (LB_RECORD (self), (field), (value))

G_END_DECLS
