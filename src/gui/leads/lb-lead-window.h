#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD_WINDOW (lb_lead_window_get_type ())
G_DECLARE_FINAL_TYPE (LbLeadWindow, lb_lead_window, LB, LEAD_WINDOW, AdwWindow)

LbLeadWindow *lb_lead_window_new         (GtkWindow    *parent,
                                          LbStore      *store,
                                          gint64        lead_id);
gint64        lb_lead_window_get_lead_id (LbLeadWindow *self);

G_END_DECLS
