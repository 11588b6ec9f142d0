#define G_LOG_DOMAIN "lb-tax-rate-picker"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "lb-money.h"
#include "lb-ref-item.h"
#include "lb-tax-rate-picker.h"

/* The choice of a tax rate where a product or a line takes one: the
 * named rates of the list (LB_REF_TAX_RATE) in list order, "Other
 * Rate" for any percentage, and the caller's extra choice.  What is
 * stored stays a percentage: the name only helps to pick it. */

struct _LbTaxRatePicker
{
  AdwComboRow     parent_instance;

  GArray         *rates;          /* gint64 basis points, one per named choice */
  char          **names;          /* the names of the named choices */
  char           *extra_choice;
  GtkWidget      *entry;          /* weak */

  /* template children */
  GtkStringList  *choices;
};

G_DEFINE_FINAL_TYPE (LbTaxRatePicker, lb_tax_rate_picker, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_EXTRA_CHOICE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

/* "20 %", "5.5 %" with the locale's decimal point: a label, never
 * read back. */
static char *
format_rate (gint64 rate)
{
  const struct lconv *conventions = localeconv ();
  const char *point = conventions != NULL && conventions->decimal_point != NULL &&
                      conventions->decimal_point[0] != '\0' ? conventions->decimal_point : ".";
  g_autofree char *number = lb_percent_format (rate);
  g_auto(GStrv) parts = g_strsplit (number, ".", -1);
  g_autofree char *local = g_strjoinv (point, parts);

  /* Translators: a percentage, e.g. "20 %" */
  return g_strdup_printf (_("%s %%"), local);
}

static guint
n_named (LbTaxRatePicker *self)
{
  return self->rates->len;
}

/* Shows the entry row while the choice needs one, and the picker
 * while it has something to choose. */
static void
update_visibility (LbTaxRatePicker *self)
{
  guint n_choices = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  gtk_widget_set_visible (GTK_WIDGET (self), n_choices > 1);
  if (self->entry != NULL)
    gtk_widget_set_visible (self->entry,
                            lb_tax_rate_picker_get_choice (self, NULL) != LB_TAX_RATE_CHOICE_NAMED);
}

/* Fills the list of choices from @names and @rates, keeping what was
 * chosen: the same percentage, "Other Rate" or the extra choice. */
static void
rebuild (LbTaxRatePicker  *self,
         char            **names,
         GArray           *rates)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 rate = 0;
  LbTaxRateChoice choice = lb_tax_rate_picker_get_choice (self, &rate);

  for (guint i = 0; i < rates->len; i++)
    {
      g_autofree char *percent = format_rate (g_array_index (rates, gint64, i));

      /* Translators: a named tax rate and its percentage, e.g. "Standard (20 %)" */
      g_ptr_array_add (labels, g_strdup_printf (C_("tax rate", "%s (%s)"), names[i], percent));
    }
  /* Without named rates, the only rate is the one typed. */
  g_ptr_array_add (labels, g_strdup (rates->len > 0 ? _("Other Rate") : C_("tax rate", "Rate")));
  if (self->extra_choice != NULL)
    g_ptr_array_add (labels, g_strdup (self->extra_choice));
  g_ptr_array_add (labels, NULL);

  g_clear_pointer (&self->rates, g_array_unref);
  self->rates = g_array_ref (rates);
  g_strfreev (self->names);
  self->names = g_strdupv (names);

  gtk_string_list_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                          (const char * const *)labels->pdata);

  if (choice == LB_TAX_RATE_CHOICE_NAMED)
    lb_tax_rate_picker_select_rate (self, rate);
  else if (choice == LB_TAX_RATE_CHOICE_EXTRA && self->extra_choice != NULL)
    lb_tax_rate_picker_select_extra (self);
  else
    lb_tax_rate_picker_select_other (self);

  update_visibility (self);
}

static void
clear_entry (LbTaxRatePicker *self)
{
  if (self->entry != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->entry), (gpointer *)&self->entry);
  self->entry = NULL;
}

/* callbacks */

static void
on_selected (LbTaxRatePicker *self)
{
  update_visibility (self);
}

/* GObject overrides */

static void
lb_tax_rate_picker_dispose (GObject *object)
{
  LbTaxRatePicker *self = LB_TAX_RATE_PICKER (object);

  clear_entry (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_TAX_RATE_PICKER);

  G_OBJECT_CLASS (lb_tax_rate_picker_parent_class)->dispose (object);
}

static void
lb_tax_rate_picker_finalize (GObject *object)
{
  LbTaxRatePicker *self = LB_TAX_RATE_PICKER (object);

  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->extra_choice, g_free);

  G_OBJECT_CLASS (lb_tax_rate_picker_parent_class)->finalize (object);
}

static void
lb_tax_rate_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbTaxRatePicker *self = LB_TAX_RATE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_EXTRA_CHOICE:
      g_value_set_string (value, self->extra_choice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_tax_rate_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbTaxRatePicker *self = LB_TAX_RATE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      lb_tax_rate_picker_set_entry (self, g_value_get_object (value));
      break;

    case PROP_EXTRA_CHOICE:
      lb_tax_rate_picker_set_extra_choice (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_tax_rate_picker_class_init (LbTaxRatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_tax_rate_picker_dispose;
  object_class->finalize = lb_tax_rate_picker_finalize;
  object_class->get_property = lb_tax_rate_picker_get_property;
  object_class->set_property = lb_tax_rate_picker_set_property;

  /**
   * LbTaxRatePicker:entry:
   *
   * The row where a rate not in the list is typed; shown only while
   * "Other Rate" or the extra choice is chosen.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LbTaxRatePicker:extra-choice:
   *
   * The label of a last choice after "Other Rate", or %NULL for none.
   */
  properties[PROP_EXTRA_CHOICE] =
    g_param_spec_string ("extra-choice", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/lb-tax-rate-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LbTaxRatePicker, choices);
}

static void
lb_tax_rate_picker_init (LbTaxRatePicker *self)
{
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *no_names[] = { NULL };

  self->rates = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);
  rebuild (self, no_names, none);
}

/* public API */

GtkWidget *
lb_tax_rate_picker_new (void)
{
  return g_object_new (LB_TYPE_TAX_RATE_PICKER, NULL);
}

/**
 * lb_tax_rate_picker_set_rates:
 * @rates: (nullable): the list of tax rates, #LbRefItem of
 *   %LB_REF_TAX_RATE in list order, as lb_store_list_refs() gives it
 *
 * Offers @rates.  What was chosen stays chosen: the same percentage,
 * or "Other Rate" when the list no longer holds it.  A list that did
 * not change changes nothing, not even the selection.
 */
void
lb_tax_rate_picker_set_rates (LbTaxRatePicker *self,
                              GListModel      *rates)
{
  guint n = rates != NULL ? g_list_model_get_n_items (rates) : 0;
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  gboolean same;

  g_return_if_fail (LB_IS_TAX_RATE_PICKER (self));
  g_return_if_fail (rates == NULL || G_IS_LIST_MODEL (rates));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (rates, i);
      gint64 rate = lb_ref_item_get_rate (item);

      if (rate < 0)
        continue;
      g_array_append_val (values, rate);
      g_strv_builder_add (builder, lb_ref_item_get_name (item));
    }
  names = g_strv_builder_end (builder);

  same = values->len == self->rates->len && g_strv_equal ((const char * const *)names,
                                                          (const char * const *)self->names);
  for (guint i = 0; same && i < values->len; i++)
    same = g_array_index (values, gint64, i) == g_array_index (self->rates, gint64, i);
  if (same)
    return;

  rebuild (self, names, values);
}

/* How many named rates the picker offers. */
guint
lb_tax_rate_picker_get_n_rates (LbTaxRatePicker *self)
{
  g_return_val_if_fail (LB_IS_TAX_RATE_PICKER (self), 0);

  return n_named (self);
}

void
lb_tax_rate_picker_set_entry (LbTaxRatePicker *self,
                              GtkWidget       *entry)
{
  g_return_if_fail (LB_IS_TAX_RATE_PICKER (self));
  g_return_if_fail (entry == NULL || GTK_IS_WIDGET (entry));

  if (self->entry == entry)
    return;

  clear_entry (self);
  self->entry = entry;
  if (entry != NULL)
    g_object_add_weak_pointer (G_OBJECT (entry), (gpointer *)&self->entry);

  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

GtkWidget *
lb_tax_rate_picker_get_entry (LbTaxRatePicker *self)
{
  g_return_val_if_fail (LB_IS_TAX_RATE_PICKER (self), NULL);

  return self->entry;
}

void
lb_tax_rate_picker_set_extra_choice (LbTaxRatePicker *self,
                                     const char      *label)
{
  g_autoptr(GArray) rates = NULL;
  g_auto(GStrv) names = NULL;

  g_return_if_fail (LB_IS_TAX_RATE_PICKER (self));

  if (g_strcmp0 (self->extra_choice, label) == 0)
    return;

  g_free (self->extra_choice);
  self->extra_choice = g_strdup (label);

  /* rebuild() replaces them */
  rates = g_array_ref (self->rates);
  names = g_strdupv (self->names);
  rebuild (self, names, rates);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA_CHOICE]);
}

const char *
lb_tax_rate_picker_get_extra_choice (LbTaxRatePicker *self)
{
  g_return_val_if_fail (LB_IS_TAX_RATE_PICKER (self), NULL);

  return self->extra_choice;
}

/**
 * lb_tax_rate_picker_get_choice:
 * @rate: (out) (optional): the percentage of the named rate chosen, in
 *   basis points; untouched for the other choices
 *
 * Returns: what is chosen
 */
LbTaxRateChoice
lb_tax_rate_picker_get_choice (LbTaxRatePicker *self,
                               gint64          *rate)
{
  guint selected;

  g_return_val_if_fail (LB_IS_TAX_RATE_PICKER (self), LB_TAX_RATE_CHOICE_OTHER);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected < n_named (self))
    {
      if (rate != NULL)
        *rate = g_array_index (self->rates, gint64, selected);
      return LB_TAX_RATE_CHOICE_NAMED;
    }
  if (self->extra_choice != NULL && selected == n_named (self) + 1)
    return LB_TAX_RATE_CHOICE_EXTRA;

  return LB_TAX_RATE_CHOICE_OTHER;
}

/**
 * lb_tax_rate_picker_select_rate:
 * @rate: a percentage in basis points
 *
 * Chooses the first named rate with @rate as its percentage, or "Other
 * Rate" when the list has none.  A named rate already chosen with that
 * percentage stays chosen (two names may share a percentage).
 *
 * Returns: whether a named rate was chosen
 */
gboolean
lb_tax_rate_picker_select_rate (LbTaxRatePicker *self,
                                gint64           rate)
{
  gint64 current = 0;

  g_return_val_if_fail (LB_IS_TAX_RATE_PICKER (self), FALSE);

  if (lb_tax_rate_picker_get_choice (self, &current) == LB_TAX_RATE_CHOICE_NAMED && current == rate)
    return TRUE;

  for (guint i = 0; i < n_named (self); i++)
    if (g_array_index (self->rates, gint64, i) == rate)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return TRUE;
      }

  lb_tax_rate_picker_select_other (self);
  return FALSE;
}

void
lb_tax_rate_picker_select_other (LbTaxRatePicker *self)
{
  g_return_if_fail (LB_IS_TAX_RATE_PICKER (self));

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), n_named (self));
}

void
lb_tax_rate_picker_select_extra (LbTaxRatePicker *self)
{
  g_return_if_fail (LB_IS_TAX_RATE_PICKER (self));
  g_return_if_fail (self->extra_choice != NULL);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), n_named (self) + 1);
}
