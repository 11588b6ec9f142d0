#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_PREFERENCES_WINDOW (lb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, LB, PREFERENCES_WINDOW, AdwPreferencesWindow)

LbPreferencesWindow *lb_preferences_window_new (GtkWindow *parent,
                                                LbStore   *store);

G_END_DECLS
