#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_PRODUCTS_PAGE (lb_products_page_get_type ())
G_DECLARE_FINAL_TYPE (LbProductsPage, lb_products_page, LB, PRODUCTS_PAGE, LbPage)

G_END_DECLS
