#pragma once

#include "lb-lead-list.h"
#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_TRASH_PAGE (lb_trash_page_get_type ())
G_DECLARE_FINAL_TYPE (LbTrashPage, lb_trash_page, LB, TRASH_PAGE, LbPage)

LbLeadList *lb_trash_page_get_list  (LbTrashPage *self);
const char *lb_trash_page_get_state (LbTrashPage *self);

G_END_DECLS
