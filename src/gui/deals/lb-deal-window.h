#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_DEAL_WINDOW (lb_deal_window_get_type ())
G_DECLARE_FINAL_TYPE (LbDealWindow, lb_deal_window, LB, DEAL_WINDOW, AdwWindow)

G_END_DECLS
