#pragma once

#include <adwaita.h>

#include "lb-convert.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_CONVERT_WINDOW (lb_convert_window_get_type ())
G_DECLARE_FINAL_TYPE (LbConvertWindow, lb_convert_window, LB, CONVERT_WINDOW, AdwWindow)

/* Signals: "converted" (gint64 lead_id), emitted once the lead was
 * converted, right before the window closes. */
LbConvertWindow *lb_convert_window_new         (GtkWindow          *parent,
                                                LbStore            *store,
                                                gint64              lead_id);
gint64           lb_convert_window_get_lead_id (LbConvertWindow    *self);
const char      *lb_convert_window_get_step    (LbConvertWindow    *self);
const char      *lb_convert_window_get_message (LbConvertWindow    *self);
gboolean         lb_convert_window_get_result  (LbConvertWindow    *self,
                                                LbConversionResult *out);

G_END_DECLS
