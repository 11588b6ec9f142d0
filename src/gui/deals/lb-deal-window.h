#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_DEAL_WINDOW (lb_deal_window_get_type ())
G_DECLARE_FINAL_TYPE (LbDealWindow, lb_deal_window, LB, DEAL_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id), "trashed" (gint64 id),
 * "invoice-created" (gint64 invoice id). */
LbDealWindow *lb_deal_window_new          (GtkWindow    *parent,
                                           LbStore      *store,
                                           gint64        deal_id);
gint64        lb_deal_window_get_deal_id  (LbDealWindow *self);
gboolean      lb_deal_window_get_modified (LbDealWindow *self);
gboolean      lb_deal_window_save         (LbDealWindow *self);
const char   *lb_deal_window_get_error    (LbDealWindow *self,
                                           const char   *field);

G_END_DECLS
