#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_CONTACT_WINDOW (lb_contact_window_get_type ())
G_DECLARE_FINAL_TYPE (LbContactWindow, lb_contact_window, LB, CONTACT_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id), "trashed" (gint64 id). */
LbContactWindow *lb_contact_window_new (GtkWindow *parent,
                                       LbStore   *store,
                                       gint64     contact_id);

G_END_DECLS
