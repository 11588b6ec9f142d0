#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_EMPTY_PAGE (lb_empty_page_get_type ())
G_DECLARE_FINAL_TYPE (LbEmptyPage, lb_empty_page, LB, EMPTY_PAGE, LbPage)

/* A page a later version fills: its title, an icon and one line on
 * what it will hold.  It offers no buttons. */
const char *lb_empty_page_get_title       (LbEmptyPage *self);
const char *lb_empty_page_get_description (LbEmptyPage *self);

G_END_DECLS
