#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The status of a lead (SPEC 3.1).  Converted is set only by the
 * Convert action. */
typedef enum
{
  LB_LEAD_STATUS_NEW,
  LB_LEAD_STATUS_CONTACTED,
  LB_LEAD_STATUS_LOST,
  LB_LEAD_STATUS_CONVERTED,
} LbLeadStatus;

/* Ordered from cold to hot so that sorting by rating makes sense. */
typedef enum
{
  LB_RATING_COLD,
  LB_RATING_WARM,
  LB_RATING_HOT,
} LbRating;

/* The user-editable reference lists. */
typedef enum
{
  LB_REF_SOURCE,
  LB_REF_CATEGORY,
  LB_REF_TAG,
  LB_REF_CAMPAIGN,
  LB_REF_SELLING_DIRECTION,
  LB_REF_DISTRIBUTION_CHANNEL,
  LB_REF_ORDER_TYPE,
  LB_REF_INVOICE_TYPE,
  LB_REF_INDUSTRY,
  LB_REF_TAX_RATE,
} LbRefKind;

#define LB_REF_KIND_N_KINDS (LB_REF_TAX_RATE + 1)

/* The status of a deal (SPEC 3.4). */
typedef enum
{
  LB_DEAL_STATUS_OPEN,
  LB_DEAL_STATUS_WON,
  LB_DEAL_STATUS_LOST,
} LbDealStatus;

/* Orders and invoices share one table and one shape. */
typedef enum
{
  LB_DOC_ORDER,
  LB_DOC_INVOICE,
} LbDocKind;

/* SPEC 3.5. */
typedef enum
{
  LB_ORDER_STATUS_DRAFT,
  LB_ORDER_STATUS_CONFIRMED,
  LB_ORDER_STATUS_FULFILLED,
  LB_ORDER_STATUS_CANCELLED,
} LbOrderStatus;

/* SPEC 3.6. */
typedef enum
{
  LB_INVOICE_STATUS_DRAFT,
  LB_INVOICE_STATUS_SENT,
  LB_INVOICE_STATUS_PARTIALLY_PAID,
  LB_INVOICE_STATUS_PAID,
  LB_INVOICE_STATUS_OVERDUE,
  LB_INVOICE_STATUS_CANCELLED,
  LB_INVOICE_STATUS_VOID,
} LbInvoiceStatus;

typedef enum
{
  LB_PAYMENT_METHOD_CASH,
  LB_PAYMENT_METHOD_BANK_TRANSFER,
  LB_PAYMENT_METHOD_CARD,
  LB_PAYMENT_METHOD_OTHER,
} LbPaymentMethod;

/* The columns a lead list can be sorted by. */
typedef enum
{
  LB_LEAD_SORT_CREATED,
  LB_LEAD_SORT_TITLE,
  LB_LEAD_SORT_NAME,
  LB_LEAD_SORT_COMPANY,
  LB_LEAD_SORT_EMAIL,
  LB_LEAD_SORT_PHONE,
  LB_LEAD_SORT_SOURCE,
  LB_LEAD_SORT_CATEGORY,
  LB_LEAD_SORT_STATUS,
  LB_LEAD_SORT_RATING,
  LB_LEAD_SORT_UPDATED,
  LB_LEAD_SORT_DELETED,
} LbLeadSort;

const char *lb_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    lb_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

const char *lb_lead_status_to_label (LbLeadStatus status);
const char *lb_rating_to_label      (LbRating     rating);
const char *lb_ref_kind_to_label    (LbRefKind    kind);
const char *lb_deal_status_to_label (LbDealStatus status);
const char *lb_order_status_to_label (LbOrderStatus status);
const char *lb_invoice_status_to_label (LbInvoiceStatus status);
const char *lb_payment_method_to_label (LbPaymentMethod method);

G_END_DECLS
