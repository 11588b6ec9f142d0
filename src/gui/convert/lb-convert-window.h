#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_CONVERT_WINDOW (lb_convert_window_get_type ())
G_DECLARE_FINAL_TYPE (LbConvertWindow, lb_convert_window, LB, CONVERT_WINDOW, AdwWindow)

/* Signals: "converted" (gint64 id). */
LbConvertWindow *lb_convert_window_new (GtkWindow *parent,
                                       LbStore   *store,
                                       gint64     lead_id);

G_END_DECLS
