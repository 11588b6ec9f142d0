#pragma once

#include "lb-store.h"

G_BEGIN_DECLS

/* The lead operations of SPEC 3.1.  Each is one transaction: it
 * completes, or it changes nothing and sets @error (LB_LEAD_ERROR, with
 * the code naming the field at fault, or LB_STORE_ERROR). */

gboolean  lb_lead_check      (LbStore  *store,
                              LbLead   *lead,
                              GError  **error);
gint64    lb_lead_create     (LbStore  *store,
                              LbLead   *lead,
                              GError  **error);
gboolean  lb_lead_save       (LbStore  *store,
                              LbLead   *lead,
                              GError  **error);
gboolean  lb_lead_trash      (LbStore  *store,
                              gint64    id,
                              GError  **error);
gboolean  lb_lead_restore    (LbStore  *store,
                              gint64    id,
                              GError  **error);
gboolean  lb_lead_purge      (LbStore  *store,
                              gint64    id,
                              GError  **error);
gint64    lb_lead_replicate  (LbStore  *store,
                              gint64    id,
                              GError  **error);

/* CSV import (src/io/lb-lead-import.c): no transaction of its own */
gint64    lb_lead_create_in_import (LbStore  *store,
                                    LbLead   *lead,
                                    GError  **error);

G_END_DECLS
