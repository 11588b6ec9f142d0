#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_DEALS_PAGE (lb_deals_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDealsPage, lb_deals_page, LB, DEALS_PAGE, LbPage)

G_END_DECLS
