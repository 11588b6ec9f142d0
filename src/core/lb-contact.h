#pragma once

#include "lb-enums.h"
#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_CONTACT (lb_contact_get_type ())
G_DECLARE_FINAL_TYPE (LbContact, lb_contact, LB, CONTACT, LbRecord)

/* A person (SPEC 3.4), optionally working for an account.
 * "account-name" is read from the linked account, not stored. */

/* Text fields, each a property of the same name ("first-name", …). */
typedef enum
{
  LB_CONTACT_FIRST_NAME,
  LB_CONTACT_MIDDLE_NAME,
  LB_CONTACT_LAST_NAME,
  LB_CONTACT_EMAIL,
  LB_CONTACT_PHONE,
  LB_CONTACT_STREET,
  LB_CONTACT_CITY,
  LB_CONTACT_POSTAL_CODE,
  LB_CONTACT_REGION,
  LB_CONTACT_COUNTRY,
  LB_CONTACT_NOTES,
  LB_CONTACT_ACCOUNT_NAME,
  LB_CONTACT_N_TEXT
} LbContactText;

/* Integer fields: ids (0 = none), amounts, timestamps (unix seconds). */
typedef enum
{
  LB_CONTACT_ID,
  LB_CONTACT_ACCOUNT_ID,
  LB_CONTACT_LEAD_ID,
  LB_CONTACT_CREATED_AT,
  LB_CONTACT_UPDATED_AT,
  LB_CONTACT_DELETED_AT,
  LB_CONTACT_N_INT
} LbContactInt;

LbContact       *lb_contact_new       (void);
LbContact       *lb_contact_copy      (LbContact       *self);
gint64       lb_contact_get_id    (LbContact       *self);
char        *lb_contact_dup_full_name (LbContact   *self);

#define lb_contact_get_text(self, field) lb_record_get_text (LB_RECORD (self), (field))
#define lb_contact_set_text(self, field, value) lb_record_set_text (LB_RECORD (self), (field), (value))
#define lb_contact_get_int(self, field) lb_record_get_int (LB_RECORD (self), (field))
#define lb_contact_set_int(self, field, value) lb_record_set_int (LB_RECORD (self), (field), (value))

G_END_DECLS
