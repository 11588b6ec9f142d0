#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_APPLICATION (lb_application_get_type ())
G_DECLARE_FINAL_TYPE (LbApplication, lb_application, LB, APPLICATION, AdwApplication)

LbApplication *lb_application_new             (GApplicationFlags  flags);
LbStore       *lb_application_get_store       (LbApplication     *self);
gboolean       lb_application_get_demo        (LbApplication     *self);
gboolean       lb_application_get_busy        (LbApplication     *self);
char          *lb_application_dup_demo_path   (void);
gboolean       lb_application_open_database   (LbApplication     *self,
                                               const char        *path);
gboolean       lb_application_check_date      (LbApplication     *self);

G_END_DECLS
