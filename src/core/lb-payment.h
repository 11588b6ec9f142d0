#pragma once

#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_PAYMENT (lb_payment_get_type ())
G_DECLARE_FINAL_TYPE (LbPayment, lb_payment, LB, PAYMENT, LbRecord)

/* A payment on an invoice (SPEC 3.7): "amount" > 0 in minor units,
 * "paid-on" YYYY-MM-DD, "method" an LbPaymentMethod. */

/* Text fields, each a property of the same name. */
typedef enum
{
  LB_PAYMENT_PAID_ON,
  LB_PAYMENT_REFERENCE,
  LB_PAYMENT_N_TEXT
} LbPaymentText;

/* Integer fields. */
typedef enum
{
  LB_PAYMENT_ID,
  LB_PAYMENT_INVOICE_ID,
  LB_PAYMENT_AMOUNT,
  LB_PAYMENT_METHOD,
  LB_PAYMENT_CREATED_AT,
  LB_PAYMENT_N_INT
} LbPaymentInt;
LbPayment *lb_payment_new    (void);
LbPayment *lb_payment_copy   (LbPayment *self);
gint64 lb_payment_get_id (LbPayment *self);

G_END_DECLS
