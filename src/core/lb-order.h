#pragma once

#include "lb-document.h"

G_BEGIN_DECLS

#define LB_TYPE_ORDER (lb_order_get_type ())
G_DECLARE_FINAL_TYPE (LbOrder, lb_order, LB, ORDER, LbRecord)

/* A sales order (SPEC 3.5).  Its fields are the document fields of
 * lb-document.h (LB_DOC_NUMBER, …); "status" holds an LbOrderStatus. */

LbOrder *lb_order_new    (void);
LbOrder *lb_order_copy   (LbOrder *self);
gint64 lb_order_get_id (LbOrder *self);

G_END_DECLS
