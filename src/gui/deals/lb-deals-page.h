#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_DEALS_PAGE (lb_deals_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDealsPage, lb_deals_page, LB, DEALS_PAGE, LbPage)

GListModel *lb_deals_page_get_model        (LbDealsPage *self);
gint64      lb_deals_page_get_selected_id  (LbDealsPage *self);
gboolean    lb_deals_page_select           (LbDealsPage *self,
                                            gint64       deal_id);
const char *lb_deals_page_get_state        (LbDealsPage *self);
const char *lb_deals_page_get_view         (LbDealsPage *self);
void        lb_deals_page_set_view         (LbDealsPage *self,
                                            const char  *view);
GtkWidget  *lb_deals_page_get_stage_column (LbDealsPage *self,
                                            const char  *pipeline,
                                            const char  *stage);

G_END_DECLS
