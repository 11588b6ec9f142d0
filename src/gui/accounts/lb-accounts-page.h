#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_ACCOUNTS_PAGE (lb_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (LbAccountsPage, lb_accounts_page, LB, ACCOUNTS_PAGE, LbPage)

G_END_DECLS
