#pragma once

#include "lb-enums.h"
#include "lb-record.h"

G_BEGIN_DECLS

/* The fields orders and invoices share (SPEC 3.5, 3.6).  Dates are
 * written YYYY-MM-DD; "kind" is an LbDocKind; "status" an LbOrderStatus
 * or LbInvoiceStatus; "discount-kind" an LbDiscountKind with "discount"
 * in basis points or minor units; "pricing-locked" 1 or 0;
 * "manual-number" 1 when the user typed the number.  The names, the
 * status label and the totals (subtotal … balance, minor units) are
 * filled when the document is read, not stored. */

typedef enum
{
  LB_DOC_NUMBER,
  LB_DOC_TYPE,
  LB_DOC_DOC_DATE,
  LB_DOC_DUE_DATE,
  LB_DOC_CURRENCY,
  LB_DOC_NOTES,
  LB_DOC_TERMS,
  LB_DOC_DELIVERY_ADDRESS,
  LB_DOC_ACCOUNT_NAME,
  LB_DOC_CONTACT_NAME,
  LB_DOC_LEAD_TITLE,
  LB_DOC_STATUS_LABEL,
  LB_DOC_N_TEXT
} LbDocText;

typedef enum
{
  LB_DOC_ID,
  LB_DOC_KIND,
  LB_DOC_STATUS,
  LB_DOC_ACCOUNT_ID,
  LB_DOC_CONTACT_ID,
  LB_DOC_LEAD_ID,
  LB_DOC_DEAL_ID,
  LB_DOC_ORDER_ID,
  LB_DOC_DISCOUNT_KIND,
  LB_DOC_DISCOUNT,
  LB_DOC_PRICING_LOCKED,
  LB_DOC_MANUAL_NUMBER,
  LB_DOC_ISSUED_AT,
  LB_DOC_CREATED_AT,
  LB_DOC_UPDATED_AT,
  LB_DOC_SUBTOTAL,
  LB_DOC_DISCOUNT_TOTAL,
  LB_DOC_TAX,
  LB_DOC_TOTAL,
  LB_DOC_PAID,
  LB_DOC_BALANCE,
  LB_DOC_N_INT
} LbDocInt;

extern const char * const lb_document_text_names[LB_DOC_N_TEXT];
extern const char * const lb_document_int_names[LB_DOC_N_INT];

G_END_DECLS
