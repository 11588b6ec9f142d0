#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_ACCOUNT_WINDOW (lb_account_window_get_type ())
G_DECLARE_FINAL_TYPE (LbAccountWindow, lb_account_window, LB, ACCOUNT_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id), "trashed" (gint64 id). */
LbAccountWindow *lb_account_window_new (GtkWindow *parent,
                                       LbStore   *store,
                                       gint64     account_id);

G_END_DECLS
