#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD_FILTER_BAR (lb_lead_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (LbLeadFilterBar, lb_lead_filter_bar, LB, LEAD_FILTER_BAR, GtkWidget)

/* The leads page's filters: status, source, category, tag, rating and
 * a created-date range.  Emits LbLeadFilterBar::changed once per change
 * the user makes. */
void      lb_lead_filter_bar_set_store    (LbLeadFilterBar *self,
                                           LbStore         *store);
void      lb_lead_filter_bar_reload_refs  (LbLeadFilterBar *self);
void      lb_lead_filter_bar_apply        (LbLeadFilterBar *self,
                                           LbLeadFilter    *filter);
gboolean  lb_lead_filter_bar_is_active    (LbLeadFilterBar *self);
void      lb_lead_filter_bar_clear        (LbLeadFilterBar *self);

G_END_DECLS
