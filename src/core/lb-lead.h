#pragma once

#include <glib-object.h>

#include "lb-enums.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD (lb_lead_get_type ())
G_DECLARE_FINAL_TYPE (LbLead, lb_lead, LB, LEAD, GObject)

/* The text fields of a lead.  Each is also a GObject property of the
 * same name with '-' for '_' (LB_LEAD_FIRST_NAME is "first-name"). */
typedef enum
{
  LB_LEAD_TITLE,
  LB_LEAD_FIRST_NAME,
  LB_LEAD_MIDDLE_NAME,
  LB_LEAD_LAST_NAME,
  LB_LEAD_EMAIL,
  LB_LEAD_PHONE,
  LB_LEAD_SOURCE,
  LB_LEAD_CATEGORY,
  LB_LEAD_COMPANY,
  LB_LEAD_COMPANY_NAME,
  LB_LEAD_COMPANY_WEBSITE,
  LB_LEAD_COMPANY_TIN,
  LB_LEAD_CAMPAIGN,
  LB_LEAD_SELLING_DIRECTION,
  LB_LEAD_PRODUCT_INTEREST,
  LB_LEAD_OWNER,
  LB_LEAD_STREET,
  LB_LEAD_CITY,
  LB_LEAD_POSTAL_CODE,
  LB_LEAD_REGION,
  LB_LEAD_COUNTRY,
  LB_LEAD_DISTRIBUTION_CHANNEL,
  LB_LEAD_DESCRIPTION,
  LB_LEAD_ACCOUNT_NAME,       /* read from the linked account, not stored */
  LB_LEAD_N_TEXT_FIELDS
} LbLeadText;

/* The integer fields: ids of linked records (0 = none) and timestamps
 * (seconds since the epoch, UTC; 0 = none). */
typedef enum
{
  LB_LEAD_ID,
  LB_LEAD_ACCOUNT_ID,
  LB_LEAD_CONTACT_ID,
  LB_LEAD_CREATED_AT,
  LB_LEAD_UPDATED_AT,
  LB_LEAD_DELETED_AT,
  LB_LEAD_CONVERTED_CONTACT_ID,
  LB_LEAD_CONVERTED_ACCOUNT_ID,
  LB_LEAD_CONVERTED_DEAL_ID,
  LB_LEAD_N_INT_FIELDS
} LbLeadInt;

LbLead             *lb_lead_new              (void);
LbLead             *lb_lead_copy             (LbLead      *self);

const char         *lb_lead_get_text         (LbLead      *self,
                                              LbLeadText   field);
void                lb_lead_set_text         (LbLead      *self,
                                              LbLeadText   field,
                                              const char  *value);
gint64              lb_lead_get_int          (LbLead      *self,
                                              LbLeadInt    field);
void                lb_lead_set_int          (LbLead      *self,
                                              LbLeadInt    field,
                                              gint64       value);
const char         *lb_lead_text_name        (LbLeadText   field);
const char         *lb_lead_int_name         (LbLeadInt    field);

gint64              lb_lead_get_id           (LbLead      *self);
const char         *lb_lead_get_title        (LbLead      *self);
const char         *lb_lead_get_first_name   (LbLead      *self);
const char         *lb_lead_get_last_name    (LbLead      *self);
const char         *lb_lead_get_email        (LbLead      *self);
const char         *lb_lead_get_phone        (LbLead      *self);
LbLeadStatus        lb_lead_get_status       (LbLead      *self);
void                lb_lead_set_status       (LbLead      *self,
                                              LbLeadStatus status);
LbRating            lb_lead_get_rating       (LbLead      *self);
void                lb_lead_set_rating       (LbLead      *self,
                                              LbRating     rating);
gboolean            lb_lead_get_new_company  (LbLead      *self);
void                lb_lead_set_new_company  (LbLead      *self,
                                              gboolean     new_company);
const char * const *lb_lead_get_tags         (LbLead      *self);
void                lb_lead_set_tags         (LbLead      *self,
                                              const char * const *tags);
gboolean            lb_lead_is_trashed       (LbLead      *self);

char               *lb_lead_dup_full_name    (LbLead      *self);
const char         *lb_lead_get_display_company (LbLead   *self);

G_END_DECLS
