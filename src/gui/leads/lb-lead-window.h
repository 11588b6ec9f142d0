#pragma once

#include <adwaita.h>

#include "lb-error.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD_WINDOW (lb_lead_window_get_type ())
G_DECLARE_FINAL_TYPE (LbLeadWindow, lb_lead_window, LB, LEAD_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id) after the lead was created or stored,
 * converted (the Convert assistant), or when an order or invoice made
 * from it was created, changed or deleted, so that lists refresh;
 * "trashed" (gint64 id). */

LbLeadWindow *lb_lead_window_new             (GtkWindow    *parent,
                                              LbStore      *store,
                                              gint64        lead_id);
gint64        lb_lead_window_get_lead_id     (LbLeadWindow *self);
gboolean      lb_lead_window_save            (LbLeadWindow *self);
gboolean      lb_lead_window_get_modified    (LbLeadWindow *self);
void          lb_lead_window_refresh_documents (LbLeadWindow *self);
GtkWidget    *lb_lead_window_get_row         (LbLeadWindow *self,
                                              const char   *property);
GtkWidget    *lb_lead_window_get_error_label (LbLeadWindow *self,
                                              LbLeadError   code);

G_END_DECLS
