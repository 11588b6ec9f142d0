#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_DOCUMENTS_PAGE (lb_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentsPage, lb_documents_page, LB, DOCUMENTS_PAGE, LbPage)

G_END_DECLS
