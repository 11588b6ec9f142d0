#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LB_TYPE_DATE_BUTTON (lb_date_button_get_type ())
G_DECLARE_FINAL_TYPE (LbDateButton, lb_date_button, LB, DATE_BUTTON, GtkWidget)

/* A button that shows a date, or its label when none is set, and picks
 * one from a calendar in a popover.  The date is text, YYYY-MM-DD. */
const char *lb_date_button_get_date  (LbDateButton *self);
void        lb_date_button_set_date  (LbDateButton *self,
                                      const char   *date);
gboolean    lb_date_button_get_gdate (LbDateButton *self,
                                      GDate        *date);

G_END_DECLS
