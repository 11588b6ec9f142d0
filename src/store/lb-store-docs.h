#pragma once

#include "lb-invoice.h"
#include "lb-line.h"
#include "lb-order.h"
#include "lb-payment.h"
#include "lb-product.h"
#include "lb-store.h"

G_BEGIN_DECLS

/* Products, orders, invoices, their lines and payments: the raw rows.
 * The rules (status machine, numbering, money) live in
 * actions/lb-document-actions.c. */

typedef struct
{
  LbDocKind kind;
  int       status;        /* an LbOrderStatus / LbInvoiceStatus, -1 for any */
  gint64    lead_id;       /* 0 for any */
  gint64    account_id;    /* 0 for any */
  gint64    deal_id;       /* 0 for any */
  gboolean  overdue_first; /* invoices: Overdue first, then by due date */
} LbDocFilter;

void        lb_doc_filter_init          (LbDocFilter   *filter,
                                         LbDocKind      kind);

/* Which document: its kind and id. */
typedef struct
{
  gint64    id;
  LbDocKind kind;
} LbDocRef;

/* products */
gboolean    lb_store_insert_product     (LbStore       *self,
                                         LbProduct     *product,
                                         GError       **error);
gboolean    lb_store_update_product     (LbStore       *self,
                                         LbProduct     *product,
                                         GError       **error);
LbProduct  *lb_store_get_product        (LbStore       *self,
                                         gint64         id,
                                         GError       **error);
LbProduct  *lb_store_find_product       (LbStore       *self,
                                         const char    *sku);
GListModel *lb_store_list_products      (LbStore       *self,
                                         const char    *search,
                                         gboolean       active_only,
                                         GError       **error);

/* orders and invoices: @doc is an LbOrder or an LbInvoice */
gboolean    lb_store_insert_document    (LbStore       *self,
                                         LbRecord      *doc,
                                         GError       **error);
gboolean    lb_store_update_document    (LbStore       *self,
                                         LbRecord      *doc,
                                         GError       **error);
LbRecord   *lb_store_get_document       (LbStore       *self,
                                         LbDocKind      kind,
                                         gint64         id,
                                         GError       **error);
GListModel *lb_store_list_documents     (LbStore       *self,
                                         const LbDocFilter *filter,
                                         GError       **error);
gboolean    lb_store_delete_document    (LbStore       *self,
                                         gint64         id,
                                         GError       **error);
gint64      lb_store_find_document_number (LbStore     *self,
                                         LbDocKind      kind,
                                         const char    *number,
                                         gint64         except_id);
gint64      lb_store_next_sequence      (LbStore       *self,
                                         LbDocKind      kind,
                                         int            year,
                                         GError       **error);
GArray     *lb_store_overdue_candidates (LbStore       *self,
                                         const char    *today,
                                         GError       **error);
GArray     *lb_store_current_drafts_with_product (LbStore *self,
                                         gint64         product_id,
                                         GError       **error);

/* lines of a document (@document_id) or of a deal (@deal_id) */
GPtrArray  *lb_store_get_lines          (LbStore       *self,
                                         gint64         document_id,
                                         gint64         deal_id,
                                         GError       **error);
gboolean    lb_store_insert_line        (LbStore       *self,
                                         LbLine        *line,
                                         gint64         deal_id,
                                         GError       **error);
gboolean    lb_store_update_line        (LbStore       *self,
                                         LbLine        *line,
                                         GError       **error);
gboolean    lb_store_delete_line        (LbStore       *self,
                                         gint64         line_id,
                                         GError       **error);

/* payments */
GPtrArray  *lb_store_get_payments       (LbStore       *self,
                                         gint64         invoice_id,
                                         GError       **error);
gboolean    lb_store_insert_payment     (LbStore       *self,
                                         LbPayment     *payment,
                                         GError       **error);
gint64      lb_store_get_payment_invoice (LbStore      *self,
                                         gint64         payment_id);
gboolean    lb_store_delete_payment     (LbStore       *self,
                                         gint64         payment_id,
                                         GError       **error);

G_END_DECLS
