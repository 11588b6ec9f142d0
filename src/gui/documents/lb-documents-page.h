#pragma once

#include "lb-enums.h"
#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_DOCUMENTS_PAGE (lb_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentsPage, lb_documents_page, LB, DOCUMENTS_PAGE, LbPage)

/* One class for two pages: the orders (kind "order") and the invoices
 * (kind "invoice"). */
LbDocKind   lb_documents_page_get_kind        (LbDocumentsPage *self);
GListModel *lb_documents_page_get_model       (LbDocumentsPage *self);
const char *lb_documents_page_get_state       (LbDocumentsPage *self);
gint64      lb_documents_page_get_selected_id (LbDocumentsPage *self);
gboolean    lb_documents_page_select          (LbDocumentsPage *self,
                                               gint64           document_id);

G_END_DECLS
