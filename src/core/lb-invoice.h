#pragma once

#include "lb-document.h"

G_BEGIN_DECLS

#define LB_TYPE_INVOICE (lb_invoice_get_type ())
G_DECLARE_FINAL_TYPE (LbInvoice, lb_invoice, LB, INVOICE, LbRecord)

/* An invoice (SPEC 3.6).  Its fields are the document fields of
 * lb-document.h (LB_DOC_NUMBER, …); "status" holds an LbInvoiceStatus. */

LbInvoice *lb_invoice_new    (void);
LbInvoice *lb_invoice_copy   (LbInvoice *self);
gint64 lb_invoice_get_id (LbInvoice *self);

G_END_DECLS
