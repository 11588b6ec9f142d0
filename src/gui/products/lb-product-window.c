#define G_LOG_DOMAIN "lb-product-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-document-actions.h"
#include "lb-error.h"
#include "lb-money.h"
#include "lb-product-window.h"
#include "lb-settings.h"
#include "lb-tax-rate-picker.h"

/* The editor of one catalog product (SPEC 3.4): a form bound to a
 * working copy of the product.  The price and the tax rate are read with
 * the exact parsers of lb-money; the SKU's uniqueness and the required
 * fields are the actions' rules, whose messages show on the row at
 * fault.  The default tax rate is picked from the named tax rates, or
 * typed as "Other Rate"; either way the product stores a percentage. */

/* The places a message can show in the form. */
typedef enum
{
  ERROR_SKU,        /* the SKU is taken */
  ERROR_REQUIRED,   /* any other refusal of the action: SKU and name */
  ERROR_PRICE,
  ERROR_TAX_RATE,
  N_ERRORS
} ErrorPlace;

static const char * const error_properties[N_ERRORS] = {
  [ERROR_SKU] = "sku",
  [ERROR_REQUIRED] = "name",
  [ERROR_PRICE] = "unit-price",
  [ERROR_TAX_RATE] = "tax-rate",
};

/* A message shown in the form: the rows it is about (they get the
 * "error" style class) and a row right below them holding the text. */
typedef struct
{
  GtkWidget *rows[2];
  GtkWidget *message_row;
  GtkLabel  *label;
} FieldError;

struct _LbProductWindow
{
  AdwWindow         parent_instance;

  LbStore          *store;
  gint64            product_id;
  LbProduct        *product;           /* the working copy the form edits */
  char             *currency;
  gboolean          loaded;
  gboolean          modified;
  gboolean          discard;           /* close without asking */
  GtkWindow        *discard_dialog;
  FieldError        errors[N_ERRORS];

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkButton        *save_button;
  AdwEntryRow      *sku_row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *unit_row;
  AdwEntryRow      *unit_price_row;
  GtkLabel         *currency_label;
  LbTaxRatePicker  *tax_rate_picker;
  AdwEntryRow      *tax_rate_row;
  GtkSwitch        *active_switch;
};

G_DEFINE_FINAL_TYPE (LbProductWindow, lb_product_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRODUCT_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void lb_product_window_update_actions (LbProductWindow *self);

/* helpers */

static void
show_toast (LbProductWindow *self,
            const char      *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);   /* a toast's title is markup */

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_error (LbProductWindow *self,
             ErrorPlace       place)
{
  FieldError *e = &self->errors[place];

  if (e->message_row == NULL || !gtk_widget_get_visible (e->message_row))
    return;

  gtk_widget_set_visible (e->message_row, FALSE);
  gtk_label_set_text (e->label, "");
  for (guint i = 0; i < G_N_ELEMENTS (e->rows) && e->rows[i] != NULL; i++)
    {
      gtk_widget_remove_css_class (e->rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (e->rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (e->rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
clear_all_errors (LbProductWindow *self)
{
  for (guint place = 0; place < N_ERRORS; place++)
    clear_error (self, place);
}

/* Shows @message below the rows of @place; of a pair of rows, only the
 * empty ones are marked.  Returns the first row marked. */
static GtkWidget *
show_field_error (LbProductWindow *self,
                  ErrorPlace       place,
                  const char      *message)
{
  FieldError *e = &self->errors[place];
  GtkWidget *first = NULL;

  gtk_label_set_text (e->label, message);
  gtk_widget_set_visible (e->message_row, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (e->rows) && e->rows[i] != NULL; i++)
    {
      GtkWidget *row = e->rows[i];

      if (e->rows[1] != NULL && *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
        continue;

      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      if (first == NULL)
        first = row;
    }

  return first;
}

/* Adds the hidden message row for @place right below @after, in the
 * same list. */
static void
add_message_row (LbProductWindow *self,
                 ErrorPlace       place,
                 GtkWidget       *after,
                 GtkWidget       *row,
                 GtkWidget       *other_row)
{
  FieldError *e = &self->errors[place];
  GtkWidget *list = gtk_widget_get_parent (after);
  GtkWidget *box;
  GtkWidget *icon;

  g_assert (GTK_IS_LIST_BOX (list));

  e->rows[0] = row;
  e->rows[1] = other_row;
  e->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (e->label, TRUE);
  gtk_label_set_wrap_mode (e->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (e->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (e->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (e->label), "error");

  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->label));

  e->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (e->message_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (e->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (e->message_row), FALSE);
  gtk_widget_set_focusable (e->message_row, FALSE);
  gtk_widget_set_visible (e->message_row, FALSE);

  gtk_list_box_insert (GTK_LIST_BOX (list), e->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (after)) + 1);
}

/* Reads the amount or percentage a row holds with the exact parser of
 * lb-money; surrounding spaces are not part of the number. */
static gboolean
parse_row (LbProductWindow  *self,
           ErrorPlace        place,
           gint64           *out,
           GError          **error)
{
  AdwEntryRow *row = place == ERROR_PRICE ? self->unit_price_row : self->tax_rate_row;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (place == ERROR_PRICE)
    return lb_money_parse_for_currency (text, self->currency, out, error);

  return lb_percent_parse (text, out, error);
}

/* Checks a number row the user just left, or is saving; shows what is
 * wrong with it.  Returns the row to fix, or NULL. */
static GtkWidget *
check_number_row (LbProductWindow *self,
                  ErrorPlace       place,
                  gint64          *out)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  clear_error (self, place);
  if (parse_row (self, place, &value, &error))
    {
      if (out != NULL)
        *out = value;
      return NULL;
    }

  return show_field_error (self, place, error->message);
}

/* callbacks */

static gboolean
text_to_editable (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
int_to_boolean (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int64 (from) != 0);
  return TRUE;
}

static gboolean
boolean_to_int (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_int64 (to, g_value_get_boolean (from) ? 1 : 0);
  return TRUE;
}

static void
mark_modified (LbProductWindow *self)
{
  if (self->modified)
    return;

  self->modified = TRUE;
  lb_product_window_update_actions (self);
}

static void
on_product_notify (LbProductWindow *self,
                   GParamSpec      *pspec,
                   LbProduct       *product)
{
  if (g_str_equal (pspec->name, "sku"))
    clear_error (self, ERROR_SKU);
  if (g_str_equal (pspec->name, "sku") || g_str_equal (pspec->name, "name"))
    clear_error (self, ERROR_REQUIRED);

  mark_modified (self);
}

static void
on_number_changed (LbProductWindow *self,
                   AdwEntryRow     *row)
{
  clear_error (self, row == self->unit_price_row ? ERROR_PRICE : ERROR_TAX_RATE);
  mark_modified (self);
}

/* A named rate chosen: the typed row, hidden now, takes its
 * percentage, so "Other Rate" starts from it. */
static void
on_tax_rate_selected (LbProductWindow *self,
                      GParamSpec      *pspec,
                      LbTaxRatePicker *picker)
{
  gint64 rate = 0;

  if (lb_tax_rate_picker_get_choice (picker, &rate) == LB_TAX_RATE_CHOICE_NAMED)
    {
      g_autofree char *text = lb_percent_format (rate);

      gtk_editable_set_text (GTK_EDITABLE (self->tax_rate_row), text);
    }

  clear_error (self, ERROR_TAX_RATE);
  mark_modified (self);
}

static void
on_number_focus_leave (GtkEventControllerFocus *controller,
                       LbProductWindow         *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Focus also leaves while the window goes away, its rows with it. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || gtk_widget_in_destruction (row) ||
      self->unit_price_row == NULL || self->tax_rate_row == NULL || !self->loaded)
    return;

  /* Say what is wrong as soon as the user moves on, not only on Save;
   * an empty row waits for the Save. */
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) == '\0')
    return;
  check_number_row (self, row == GTK_WIDGET (self->unit_price_row) ? ERROR_PRICE : ERROR_TAX_RATE,
                    NULL);
}

static void
on_discard_response (LbProductWindow  *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The dialog has closed itself, but it still points at this window
   * until its last reference goes, after this handler. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* actions */

static void
lb_product_window_update_actions (LbProductWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.save", self->loaded);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lb_product_window_save (LB_PRODUCT_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Asks before unsaved changes are thrown away. */
static void
ask_discard (LbProductWindow *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (self->discard_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The changes you made to this product are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response),
                           self, G_CONNECT_SWAPPED);

  self->discard_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->discard_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Fills the form from the product (the text rows and the switch follow
 * it through bindings), then starts listening for changes. */
static void
lb_product_window_load (LbProductWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) rates_error = NULL;
  g_autoptr(GListModel) rates = NULL;
  g_autofree char *rate_text = NULL;
  gint64 rate = 0;

  self->currency = lb_settings_get (self->store, LB_SETTING_CURRENCY, NULL);
  if (self->currency == NULL)
    self->currency = g_strdup ("EUR");
  gtk_label_set_text (self->currency_label, self->currency);

  if (self->product_id != 0)
    {
      self->product = lb_store_get_product (self->store, self->product_id, &error);
      self->loaded = self->product != NULL;
      if (self->product == NULL)
        {
          show_toast (self, error->message);
          self->product = lb_product_new ();
        }
    }
  else
    {
      self->product = lb_product_new ();
      self->loaded = TRUE;
      lb_record_set_int (LB_RECORD (self->product), LB_PRODUCT_ACTIVE, 1);
    }

  g_object_bind_property_full (self->product, "sku", self->sku_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->product, "name", self->name_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->product, "unit", self->unit_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->product, "active", self->active_switch, "active",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               int_to_boolean, boolean_to_int, NULL, NULL);

  /* The named tax rates; without them (or when they cannot be read)
   * the rate is typed. */
  rates = lb_store_list_refs (self->store, LB_REF_TAX_RATE, &rates_error);
  if (rates == NULL)
    show_toast (self, rates_error->message);
  lb_tax_rate_picker_set_rates (self->tax_rate_picker, rates);
  if (lb_tax_rate_picker_get_n_rates (self->tax_rate_picker) == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tax_rate_row), _("Default Tax Rate"));

  /* The numbers as the CLI writes them: a dot and the currency's
   * decimals; a new product starts with no price and no tax. */
  if (self->product_id != 0 && self->loaded)
    {
      LbRecord *record = LB_RECORD (self->product);
      g_autofree char *price = lb_money_format (lb_record_get_int (record, LB_PRODUCT_UNIT_PRICE),
                                                lb_currency_decimals (self->currency));

      rate = lb_record_get_int (record, LB_PRODUCT_TAX_RATE);
      gtk_editable_set_text (GTK_EDITABLE (self->unit_price_row), price);
      gtk_window_set_title (GTK_WINDOW (self),
                            lb_record_get_text (record, LB_PRODUCT_NAME));
      gtk_button_set_label (self->save_button, _("_Save"));
    }

  /* The first named rate with the product's percentage, else "Other
   * Rate" with the percentage typed in. */
  lb_tax_rate_picker_select_rate (self->tax_rate_picker, rate);
  rate_text = lb_percent_format (rate);
  gtk_editable_set_text (GTK_EDITABLE (self->tax_rate_row), rate_text);

  g_signal_connect_object (self->product, "notify", G_CALLBACK (on_product_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_price_row, "changed", G_CALLBACK (on_number_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tax_rate_row, "changed", G_CALLBACK (on_number_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tax_rate_picker, "notify::selected", G_CALLBACK (on_tax_rate_selected),
                           self, G_CONNECT_SWAPPED);

  lb_product_window_update_actions (self);
}

/* GtkWindow overrides */

static gboolean
lb_product_window_close_request (GtkWindow *window)
{
  LbProductWindow *self = LB_PRODUCT_WINDOW (window);

  if (self->modified && !self->discard)
    {
      ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (lb_product_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
lb_product_window_constructed (GObject *object)
{
  LbProductWindow *self = (LbProductWindow *)object;

  G_OBJECT_CLASS (lb_product_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));
  lb_product_window_load (self);
}

static void
lb_product_window_dispose (GObject *object)
{
  LbProductWindow *self = (LbProductWindow *)object;

  if (self->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog),
                                    (gpointer *)&self->discard_dialog);
      gtk_window_destroy (g_steal_pointer (&self->discard_dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_PRODUCT_WINDOW);

  G_OBJECT_CLASS (lb_product_window_parent_class)->dispose (object);
}

static void
lb_product_window_finalize (GObject *object)
{
  LbProductWindow *self = (LbProductWindow *)object;

  g_clear_object (&self->product);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (lb_product_window_parent_class)->finalize (object);
}

static void
lb_product_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbProductWindow *self = LB_PRODUCT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_product_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbProductWindow *self = LB_PRODUCT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      self->product_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_product_window_class_init (LbProductWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lb_product_window_constructed;
  object_class->dispose = lb_product_window_dispose;
  object_class->finalize = lb_product_window_finalize;
  object_class->get_property = lb_product_window_get_property;
  object_class->set_property = lb_product_window_set_property;
  window_class->close_request = lb_product_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbProductWindow::saved:
   * @id: the id of the product that was created or saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LB_TYPE_TAX_RATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/products/lb-product-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, sku_row);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, unit_price_row);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, currency_label);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, tax_rate_picker);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, tax_rate_row);
  gtk_widget_class_bind_template_child (widget_class, LbProductWindow, active_switch);

  gtk_widget_class_install_action (widget_class, "product.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "product.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "product.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "product.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "product.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "product.cancel", NULL);
}

static void
lb_product_window_init (LbProductWindow *self)
{
  GtkWidget *sku;
  GtkWidget *name;
  GtkWidget *number_rows[2];

  gtk_widget_init_template (GTK_WIDGET (self));

  sku = GTK_WIDGET (self->sku_row);
  name = GTK_WIDGET (self->name_row);
  number_rows[0] = GTK_WIDGET (self->unit_price_row);
  number_rows[1] = GTK_WIDGET (self->tax_rate_row);

  add_message_row (self, ERROR_SKU, sku, sku, NULL);
  add_message_row (self, ERROR_REQUIRED, name, sku, name);
  add_message_row (self, ERROR_PRICE, number_rows[0], number_rows[0], NULL);
  add_message_row (self, ERROR_TAX_RATE, number_rows[1], number_rows[1], NULL);

  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect_object (controller, "leave", G_CALLBACK (on_number_focus_leave), self, 0);
      gtk_widget_add_controller (number_rows[i], controller);
    }
}

/* public API */

/**
 * lb_product_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @product_id: the product to edit, or 0 for a new product
 *
 * Returns: (transfer none): a new product window; like every toplevel
 *   it lives until it is closed
 */
LbProductWindow *
lb_product_window_new (GtkWindow *parent,
                       LbStore   *store,
                       gint64     product_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (product_id >= 0, NULL);

  return g_object_new (LB_TYPE_PRODUCT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "product-id", product_id,
                       NULL);
}

/* The product the window edits; 0 until a new one is created. */
gint64
lb_product_window_get_product_id (LbProductWindow *self)
{
  g_return_val_if_fail (LB_IS_PRODUCT_WINDOW (self), 0);

  return self->product_id;
}

/* Whether the form holds changes that are not saved. */
gboolean
lb_product_window_get_modified (LbProductWindow *self)
{
  g_return_val_if_fail (LB_IS_PRODUCT_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * lb_product_window_save:
 *
 * Creates or saves the product as the form holds it.  On success emits
 * #LbProductWindow::saved and closes the window; when a number cannot
 * be read or the action refuses, shows the message on the row at fault
 * and keeps everything typed.
 *
 * Returns: %TRUE when the product was stored
 */
gboolean
lb_product_window_save (LbProductWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *price_row;
  GtkWidget *rate_row;
  gint64 price = 0;
  gint64 rate = 0;
  gint64 id;

  g_return_val_if_fail (LB_IS_PRODUCT_WINDOW (self), FALSE);

  if (!self->loaded)
    return FALSE;

  clear_all_errors (self);

  price_row = check_number_row (self, ERROR_PRICE, &price);
  rate_row = NULL;
  if (lb_tax_rate_picker_get_choice (self->tax_rate_picker, &rate) != LB_TAX_RATE_CHOICE_NAMED)
    rate_row = check_number_row (self, ERROR_TAX_RATE, &rate);
  if (price_row != NULL || rate_row != NULL)
    {
      gtk_widget_grab_focus (price_row != NULL ? price_row : rate_row);
      return FALSE;
    }

  g_signal_handlers_block_by_func (self->product, on_product_notify, self);
  lb_record_set_int (LB_RECORD (self->product), LB_PRODUCT_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (self->product), LB_PRODUCT_TAX_RATE, rate);

  if (self->product_id == 0)
    id = lb_product_create (self->store, self->product, &error);
  else
    id = lb_product_save (self->store, self->product, &error) ? self->product_id : 0;
  g_signal_handlers_unblock_by_func (self->product, on_product_notify, self);

  if (id == 0)
    {
      GtkWidget *row = NULL;

      if (g_error_matches (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE))
        row = show_field_error (self, ERROR_SKU, error->message);
      else if (error->domain == LB_INPUT_ERROR)
        row = show_field_error (self, ERROR_REQUIRED, error->message);
      else
        show_toast (self, error->message);

      if (row != NULL)
        gtk_widget_grab_focus (row);
      return FALSE;
    }

  self->product_id = id;
  self->modified = FALSE;
  self->discard = TRUE;

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/**
 * lb_product_window_get_row:
 * @property: "sku", "name", "unit", "unit-price", "tax-rate" (the
 *   percentage typed as "Other Rate"), "tax-rate-choice" (the
 *   #LbTaxRatePicker of the named rates) or "active"
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
lb_product_window_get_row (LbProductWindow *self,
                           const char      *property)
{
  g_return_val_if_fail (LB_IS_PRODUCT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (g_str_equal (property, "sku"))
    return GTK_WIDGET (self->sku_row);
  if (g_str_equal (property, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (property, "unit"))
    return GTK_WIDGET (self->unit_row);
  if (g_str_equal (property, "unit-price"))
    return GTK_WIDGET (self->unit_price_row);
  if (g_str_equal (property, "tax-rate"))
    return GTK_WIDGET (self->tax_rate_row);
  if (g_str_equal (property, "tax-rate-choice"))
    return GTK_WIDGET (self->tax_rate_picker);
  if (g_str_equal (property, "active"))
    return GTK_WIDGET (self->active_switch);

  return NULL;
}

/**
 * lb_product_window_get_error_label:
 * @property: "sku" (a SKU taken), "name" (the SKU and the name
 *   required, and any other refusal of the save), "unit-price" or
 *   "tax-rate"
 *
 * Returns: (transfer none) (nullable): the label that shows the message
 *   about @property in the form
 */
GtkWidget *
lb_product_window_get_error_label (LbProductWindow *self,
                                   const char      *property)
{
  g_return_val_if_fail (LB_IS_PRODUCT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (guint place = 0; place < N_ERRORS; place++)
    if (g_str_equal (error_properties[place], property))
      return GTK_WIDGET (self->errors[place].label);

  return NULL;
}
