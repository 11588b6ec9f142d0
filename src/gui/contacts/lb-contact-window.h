#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_CONTACT_WINDOW (lb_contact_window_get_type ())
G_DECLARE_FINAL_TYPE (LbContactWindow, lb_contact_window, LB, CONTACT_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id), "trashed" (gint64 id), and "changed"
 * (gint64 id): records linked to the contact (deals, its lead) changed
 * in a window opened from this one. */
LbContactWindow *lb_contact_window_new             (GtkWindow       *parent,
                                                    LbStore         *store,
                                                    gint64           contact_id);
gint64           lb_contact_window_get_contact_id  (LbContactWindow *self);
void             lb_contact_window_set_account_id  (LbContactWindow *self,
                                                    gint64           account_id);
gboolean         lb_contact_window_get_modified    (LbContactWindow *self);
gboolean         lb_contact_window_save            (LbContactWindow *self);
GtkWidget       *lb_contact_window_get_row         (LbContactWindow *self,
                                                    const char      *property);
GtkWidget       *lb_contact_window_get_error_label (LbContactWindow *self,
                                                    const char      *property);

G_END_DECLS
