#pragma once

#include <adwaita.h>

#include "lb-application.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_WINDOW (lb_window_get_type ())
G_DECLARE_FINAL_TYPE (LbWindow, lb_window, LB, WINDOW, AdwApplicationWindow)

LbWindow   *lb_window_new          (LbApplication *application,
                                    LbStore       *store);
LbStore    *lb_window_get_store    (LbWindow      *self);
void        lb_window_add_toast    (LbWindow      *self,
                                    AdwToast      *toast);
const char *lb_window_get_page     (LbWindow      *self);
void        lb_window_show_page    (LbWindow      *self,
                                    const char    *name);
GtkWidget  *lb_window_get_page_widget (LbWindow   *self,
                                    const char    *name);
void        lb_window_reload       (LbWindow      *self);
void        lb_window_refs_changed (LbWindow      *self);
/* in lb-window-actions.c: what Export Leads… does with the chosen file */
void        lb_window_export_leads_to (LbWindow   *self,
                                    GFile         *file);

G_END_DECLS
