#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_PRODUCT_WINDOW (lb_product_window_get_type ())
G_DECLARE_FINAL_TYPE (LbProductWindow, lb_product_window, LB, PRODUCT_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id). */
LbProductWindow *lb_product_window_new             (GtkWindow       *parent,
                                                    LbStore         *store,
                                                    gint64           product_id);
gint64           lb_product_window_get_product_id  (LbProductWindow *self);
gboolean         lb_product_window_get_modified    (LbProductWindow *self);
gboolean         lb_product_window_save            (LbProductWindow *self);
GtkWidget       *lb_product_window_get_row         (LbProductWindow *self,
                                                    const char      *property);
GtkWidget       *lb_product_window_get_error_label (LbProductWindow *self,
                                                    const char      *property);

G_END_DECLS
