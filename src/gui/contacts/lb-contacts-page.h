#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_CONTACTS_PAGE (lb_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (LbContactsPage, lb_contacts_page, LB, CONTACTS_PAGE, LbPage)

G_END_DECLS
