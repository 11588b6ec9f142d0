#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a tax rate picker has chosen. */
typedef enum
{
  LB_TAX_RATE_CHOICE_NAMED,   /* a named tax rate of the list */
  LB_TAX_RATE_CHOICE_OTHER,   /* a percentage the user types */
  LB_TAX_RATE_CHOICE_EXTRA,   /* the caller's extra choice, e.g. "Entered Amount" */
} LbTaxRateChoice;

#define LB_TYPE_TAX_RATE_PICKER (lb_tax_rate_picker_get_type ())
G_DECLARE_FINAL_TYPE (LbTaxRatePicker, lb_tax_rate_picker, LB, TAX_RATE_PICKER, AdwComboRow)

/* A combo row offering the named tax rates ("Standard (20 %)", …),
 * then "Other Rate" for a percentage typed in the row given as
 * "entry", then an optional extra choice.  The entry row shows only
 * while "Other Rate" or the extra choice is chosen; the picker hides
 * itself when it would offer a single choice.  It never touches the
 * entry's text: the window reads and writes it in its own way. */
GtkWidget       *lb_tax_rate_picker_new              (void);
void             lb_tax_rate_picker_set_rates        (LbTaxRatePicker *self,
                                                      GListModel      *rates);
guint            lb_tax_rate_picker_get_n_rates      (LbTaxRatePicker *self);
void             lb_tax_rate_picker_set_entry        (LbTaxRatePicker *self,
                                                      GtkWidget       *entry);
GtkWidget       *lb_tax_rate_picker_get_entry        (LbTaxRatePicker *self);
void             lb_tax_rate_picker_set_extra_choice (LbTaxRatePicker *self,
                                                      const char      *label);
const char      *lb_tax_rate_picker_get_extra_choice (LbTaxRatePicker *self);
LbTaxRateChoice  lb_tax_rate_picker_get_choice       (LbTaxRatePicker *self,
                                                      gint64          *rate);
gboolean         lb_tax_rate_picker_select_rate      (LbTaxRatePicker *self,
                                                      gint64           rate);
void             lb_tax_rate_picker_select_other     (LbTaxRatePicker *self);
void             lb_tax_rate_picker_select_extra     (LbTaxRatePicker *self);

G_END_DECLS
