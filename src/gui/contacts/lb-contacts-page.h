#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_CONTACTS_PAGE (lb_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (LbContactsPage, lb_contacts_page, LB, CONTACTS_PAGE, LbPage)

GListModel *lb_contacts_page_get_model       (LbContactsPage *self);
const char *lb_contacts_page_get_state       (LbContactsPage *self);
gint64      lb_contacts_page_get_selected_id (LbContactsPage *self);
gboolean    lb_contacts_page_select          (LbContactsPage *self,
                                              gint64          contact_id);

G_END_DECLS
