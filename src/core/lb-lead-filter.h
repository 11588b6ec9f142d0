#pragma once

#include <glib-object.h>

#include "lb-enums.h"

G_BEGIN_DECLS

#define LB_TYPE_LEAD_FILTER (lb_lead_filter_get_type ())

/* What a lead list shows: every field is optional and they combine
 * with AND.  Reference values are names, matched ignoring case. */
typedef struct
{
  int         status;      /* an LbLeadStatus, or -1 for any */
  char       *source;
  char       *category;
  char      **tags;        /* any of these */
  int         rating;      /* an LbRating, or -1 for any */
  char       *owner;
  gint64      since;       /* created at or after (unix time), 0 for none */
  gint64      until;       /* created before (unix time), 0 for none */
  char       *search;      /* free text over title, names, email, phone, company */
  gboolean    trash;       /* the trash instead of the live leads */
  LbLeadSort  sort;
  gboolean    descending;
} LbLeadFilter;

GType         lb_lead_filter_get_type (void) G_GNUC_CONST;
LbLeadFilter *lb_lead_filter_new      (void);
LbLeadFilter *lb_lead_filter_copy     (const LbLeadFilter *self);
void          lb_lead_filter_free     (LbLeadFilter       *self);
gboolean      lb_lead_filter_equal    (const LbLeadFilter *a,
                                       const LbLeadFilter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbLeadFilter, lb_lead_filter_free)

G_END_DECLS
