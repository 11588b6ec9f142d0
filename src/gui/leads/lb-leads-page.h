#pragma once

#include "lb-lead-list.h"
#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_LEADS_PAGE (lb_leads_page_get_type ())
G_DECLARE_FINAL_TYPE (LbLeadsPage, lb_leads_page, LB, LEADS_PAGE, LbPage)

LbLeadList *lb_leads_page_get_list   (LbLeadsPage *self);
gint64      lb_leads_page_get_selected_id (LbLeadsPage *self);
gboolean    lb_leads_page_select     (LbLeadsPage *self,
                                      gint64       lead_id);
const char *lb_leads_page_get_state  (LbLeadsPage *self);

G_END_DECLS
