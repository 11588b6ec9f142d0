#pragma once

#include <glib-object.h>

#include "lb-enums.h"

G_BEGIN_DECLS

#define LB_TYPE_REF_ITEM (lb_ref_item_get_type ())
G_DECLARE_FINAL_TYPE (LbRefItem, lb_ref_item, LB, REF_ITEM, GObject)

/* One entry of a reference list: a source, a category, a tag, … */
LbRefItem  *lb_ref_item_new          (gint64      id,
                                      LbRefKind   kind,
                                      const char *name,
                                      int         position);
gint64      lb_ref_item_get_id       (LbRefItem  *self);
LbRefKind   lb_ref_item_get_kind     (LbRefItem  *self);
const char *lb_ref_item_get_name     (LbRefItem  *self);
int         lb_ref_item_get_position (LbRefItem  *self);

/* An entry of the list of tax rates carries its percentage. */
LbRefItem  *lb_ref_item_new_tax_rate (gint64      id,
                                      const char *name,
                                      int         position,
                                      gint64      rate);
gint64      lb_ref_item_get_rate     (LbRefItem  *self);

G_END_DECLS
