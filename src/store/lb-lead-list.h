#pragma once

#include <gio/gio.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD_LIST (lb_lead_list_get_type ())
G_DECLARE_FINAL_TYPE (LbLeadList, lb_lead_list, LB, LEAD_LIST, GObject)

/* A GListModel of LbLead over the store (SPEC 5).  A query fetches the
 * ordered ids of every match (in a worker thread, on a read-only
 * connection); rows are read 100 at a time when the view asks for them
 * and a window of pages is cached, so a list of a million leads never
 * holds a million objects.
 *
 * A query for a new filter (or into an empty list) shows its first
 * rows, up to LB_LEAD_LIST_FIRST_ROWS, as soon as they are found, while
 * the rest is read; the list is not "complete" until then. */

#define LB_LEAD_LIST_FIRST_ROWS 300

LbLeadList         *lb_lead_list_new          (LbStore             *store);
LbStore            *lb_lead_list_get_store    (LbLeadList          *self);
const LbLeadFilter *lb_lead_list_get_filter   (LbLeadList          *self);
void                lb_lead_list_set_filter   (LbLeadList          *self,
                                               const LbLeadFilter  *filter);
void                lb_lead_list_reload       (LbLeadList          *self);
gboolean            lb_lead_list_reload_sync  (LbLeadList          *self,
                                               GError             **error);
gboolean            lb_lead_list_get_loading  (LbLeadList          *self);
gboolean            lb_lead_list_get_complete (LbLeadList          *self);
gint64              lb_lead_list_get_id       (LbLeadList          *self,
                                               guint                position);
guint               lb_lead_list_find         (LbLeadList          *self,
                                               gint64               id);

G_END_DECLS
