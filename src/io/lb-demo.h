#pragma once

#include "lb-store.h"

G_BEGIN_DECLS

typedef void (*LbDemoProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

/* The word lists the demo leads are made of, for other generators
 * (bench/bench-import writes demo leads as CSV). */
typedef enum
{
  LB_DEMO_FIRST_NAMES,
  LB_DEMO_LAST_NAMES,
  LB_DEMO_COMPANIES,
  LB_DEMO_CITIES,
} LbDemoWords;

const char * const *lb_demo_words (LbDemoWords  which,
                                   guint       *n_words);

gboolean lb_demo_add_leads (LbStore         *store,
                            guint            n_leads,
                            guint32          seed,
                            LbDemoProgress   progress,
                            gpointer         user_data,
                            GError         **error);

gboolean lb_demo_add_invoices (LbStore  *store,
                               guint     n_invoices,
                               guint32   seed,
                               GError  **error);

G_END_DECLS
