#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_DASHBOARD_PAGE (lb_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDashboardPage, lb_dashboard_page, LB, DASHBOARD_PAGE, LbPage)

gboolean    lb_dashboard_page_get_loading     (LbDashboardPage *self);
gint64      lb_dashboard_page_get_count       (LbDashboardPage *self,
                                               LbLeadStatus     status);
guint       lb_dashboard_page_get_n_hot       (LbDashboardPage *self);
const char *lb_dashboard_page_get_stage_total (LbDashboardPage *self,
                                               const char      *pipeline,
                                               const char      *stage);
guint       lb_dashboard_page_get_n_overdue   (LbDashboardPage *self);

G_END_DECLS
