#pragma once

#include "lb-invoice-math.h"
#include "lb-store-docs.h"

G_BEGIN_DECLS

/* Products, orders and invoices (SPEC 3.3–3.7).  Every operation is one
 * transaction: it completes, or it changes nothing and sets @error with
 * a message a user can act on.  The status machines live here and
 * nowhere else. */

/* products */
gint64     lb_product_create              (LbStore          *store,
                                           LbProduct        *product,
                                           GError          **error);
gboolean   lb_product_save                (LbStore          *store,
                                           LbProduct        *product,
                                           GError          **error);
gboolean   lb_product_set_price           (LbStore          *store,
                                           const char       *sku,
                                           gint64            unit_price,
                                           GError          **error);

/* reading with totals */
LbRecord  *lb_document_load               (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            id,
                                           GPtrArray       **lines,
                                           LbDocTotals      *totals,
                                           GError          **error);

/* creating */
gint64     lb_invoice_create              (LbStore          *store,
                                           LbInvoice        *invoice,
                                           GError          **error);
gint64     lb_lead_create_order           (LbStore          *store,
                                           gint64            lead_id,
                                           GError          **error);
gint64     lb_lead_create_invoice         (LbStore          *store,
                                           gint64            lead_id,
                                           GError          **error);
gint64     lb_deal_create_invoice         (LbStore          *store,
                                           gint64            deal_id,
                                           GError          **error);
gint64     lb_order_create_invoice        (LbStore          *store,
                                           gint64            order_id,
                                           GError          **error);

/* editing a Draft */
gboolean   lb_document_save               (LbStore          *store,
                                           LbRecord         *doc,
                                           GError          **error);
gint64     lb_document_add_line           (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           LbLine           *line,
                                           GError          **error);
gboolean   lb_document_update_line        (LbStore          *store,
                                           LbDocKind         kind,
                                           LbLine           *line,
                                           GError          **error);
gboolean   lb_document_remove_line        (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           gint64            line_id,
                                           GError          **error);
gboolean   lb_document_set_discount       (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           LbDiscountKind    discount_kind,
                                           gint64            discount,
                                           GError          **error);
gboolean   lb_invoice_use_current_pricing (LbStore          *store,
                                           gint64            invoice_id,
                                           GError          **error);
gboolean   lb_document_use_current_pricing (LbStore         *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           GError          **error);
gboolean   lb_document_lock_pricing       (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           GError          **error);
gboolean   lb_document_delete             (LbStore          *store,
                                           LbDocKind         kind,
                                           gint64            document_id,
                                           GError          **error);
gboolean   lb_document_can_delete         (LbRecord         *doc);

/* a deal's product lines (SPEC 3.4), the lines a deal's invoice gets */
gint64     lb_deal_add_line               (LbStore          *store,
                                           gint64            deal_id,
                                           LbLine           *line,
                                           GError          **error);
gboolean   lb_deal_remove_line            (LbStore          *store,
                                           gint64            deal_id,
                                           gint64            line_id,
                                           GError          **error);

/* the invoice status machine */
gboolean   lb_invoice_can                 (LbRecord         *invoice,
                                           const char       *action);
gboolean   lb_invoice_send                (LbStore          *store,
                                           gint64            invoice_id,
                                           GError          **error);
gint64     lb_invoice_pay                 (LbStore          *store,
                                           gint64            invoice_id,
                                           gint64            amount,
                                           const char       *paid_on,
                                           LbPaymentMethod   method,
                                           const char       *reference,
                                           GError          **error);
gboolean   lb_invoice_remove_payment      (LbStore          *store,
                                           gint64            payment_id,
                                           GError          **error);
gboolean   lb_invoice_cancel              (LbStore          *store,
                                           gint64            invoice_id,
                                           GError          **error);
gboolean   lb_invoice_void                (LbStore          *store,
                                           gint64            invoice_id,
                                           GError          **error);
int        lb_invoice_sweep               (LbStore          *store,
                                           const char       *today,
                                           GError          **error);

/* the order status machine */
gboolean   lb_order_can                   (LbRecord         *order,
                                           const char       *action);
gboolean   lb_order_confirm               (LbStore          *store,
                                           gint64            order_id,
                                           GError          **error);
gboolean   lb_order_fulfil                (LbStore          *store,
                                           gint64            order_id,
                                           GError          **error);
gboolean   lb_order_cancel                (LbStore          *store,
                                           gint64            order_id,
                                           GError          **error);

char      *lb_document_format_number      (const char       *pattern,
                                           int               year,
                                           int               month,
                                           gint64            counter);
char      *lb_store_today                 (LbStore          *store);

G_END_DECLS
