#pragma once

#include "lb-store.h"

G_BEGIN_DECLS

typedef void (*LbDemoProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

gboolean lb_demo_add_leads (LbStore         *store,
                            guint            n_leads,
                            guint32          seed,
                            LbDemoProgress   progress,
                            gpointer         user_data,
                            GError         **error);

G_END_DECLS
