#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_PRODUCTS_PAGE (lb_products_page_get_type ())
G_DECLARE_FINAL_TYPE (LbProductsPage, lb_products_page, LB, PRODUCTS_PAGE, LbPage)

GListModel *lb_products_page_get_model       (LbProductsPage *self);
const char *lb_products_page_get_state       (LbProductsPage *self);
gint64      lb_products_page_get_selected_id (LbProductsPage *self);
gboolean    lb_products_page_select          (LbProductsPage *self,
                                              gint64          product_id);

G_END_DECLS
