#define G_LOG_DOMAIN "lb-document-window"

#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lb-date-button.h"
#include "lb-deal-window.h"
#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-document-share.h"
#include "lb-document-window.h"
#include "lb-lead-window.h"
#include "lb-money.h"
#include "lb-store-crm.h"
#include "lb-tax-rate-picker.h"
#include "lb-validate.h"

/* The editor of one order or invoice.  Everything it changes goes
 * through the document actions at once: a header field when the user
 * leaves it (or presses Enter), a line the same way, a status change
 * from the header bar.  After each change the document is read again
 * with lb_document_load(), so the totals shown are the core's.  A
 * refused change keeps what the user typed, with the core's message
 * right below it.  A line's tax rate is picked from the named tax
 * rates or typed; the line stores the percentage.
 *
 * The header bar's menu also prints the document (the GTK print dialog
 * with its preview), exports it as a PDF (a native file chooser) and
 * sends it by email (see lb-document-share.c). */

/* The header fields, each with a row in the "Details" group. */
typedef enum
{
  FIELD_NUMBER,
  FIELD_TYPE,
  FIELD_DATE,
  FIELD_DUE_DATE,
  FIELD_ACCOUNT,
  FIELD_CONTACT,
  FIELD_CURRENCY,
  FIELD_DELIVERY_ADDRESS,
  FIELD_NOTES,
  FIELD_TERMS,
  N_FIELDS
} Field;

/* The editable parts of a line. */
typedef enum
{
  LINE_DESCRIPTION,
  LINE_QUANTITY,
  LINE_PRICE,
  LINE_DISCOUNT,
  LINE_TAX,
  N_LINE_FIELDS
} LineField;

/* A message shown right below the row it is about. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *message_row;
  GtkLabel  *label;
  gboolean   mark_row;    /* the row gets the "error" style too */
} Message;

/* The widgets of one line; owned by its expander row. */
typedef struct
{
  gint64           line_id;
  AdwExpanderRow  *expander;
  GtkWidget       *entries[N_LINE_FIELDS];
  AdwComboRow     *discount_kind_row;
  LbTaxRatePicker *tax_picker;        /* a named rate, another rate or an amount */
  GtkLabel        *amount_label;
  GtkWidget       *remove_row;
  Message          messages[N_LINE_FIELDS];
} LineRow;

/* The widgets of the Record Payment dialog; owned by the dialog. */
typedef struct
{
  GtkWidget    *amount_row;
  LbDateButton *date_button;
  AdwComboRow  *method_row;
  GtkWidget    *reference_row;
  Message       message;
} PayDialog;

struct _LbDocumentWindow
{
  AdwWindow         parent_instance;

  LbStore          *store;
  LbDocKind         kind;
  gint64            id;
  LbRecord         *doc;               /* as stored, totals filled */
  GPtrArray        *lines;             /* of LbLine, net and tax filled */
  LbDocTotals       totals;
  GPtrArray        *payments;          /* of LbPayment */
  GListModel       *tax_rates;         /* the named tax rates, of LbRefItem */
  GArray           *account_ids;       /* the account row's choices */
  GArray           *contact_ids;       /* the contact row's choices */
  GPtrArray        *line_rows;         /* of LineRow, in the order shown */
  GPtrArray        *tax_rows;
  GPtrArray        *payment_rows;
  LbProduct        *add_product;       /* the catalog item of the new line */
  AdwToast         *error_toast;       /* weak: the last refusal shown */
  gboolean          updating;          /* the widgets are following the document */
  guint             pending_fields;    /* chosen in a list, stored when idle */
  guint             apply_source;
  gboolean          discard;           /* close without asking */
  GtkWindow        *pay_dialog;
  GtkWindow        *discard_dialog;
  GtkPrintOperation *print_operation;  /* while its dialog is open */
  GtkPrintSettings *print_settings;    /* of the last print */
  GtkPageSetup     *page_setup;
  GtkFileChooserNative *export_chooser;
  GtkWidget        *field_rows[N_FIELDS];
  Message           messages[N_FIELDS];
  Message           discount_message;
  GtkWidget        *add_rows[N_LINE_FIELDS];
  Message           add_messages[N_LINE_FIELDS];
  Message           add_message;       /* a refusal of the new line */

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *primary_button;
  GtkPopover       *actions_popover;
  GtkWidget        *print_button;
  GtkWidget        *export_button;
  GtkWidget        *email_button;
  GtkWidget        *send_button;
  GtkWidget        *pay_button;
  GtkWidget        *confirm_button;
  GtkWidget        *fulfil_button;
  GtkWidget        *create_invoice_button;
  GtkWidget        *pricing_button;
  GtkWidget        *lock_pricing_button;
  GtkWidget        *cancel_button;
  GtkLabel         *cancel_label;
  GtkWidget        *void_button;
  GtkWidget        *delete_button;
  GtkLabel         *status_label;
  GtkLabel         *summary_caption;
  GtkLabel         *summary_label;
  GtkWidget        *body;
  GtkWidget        *number_row;
  AdwComboRow      *type_row;
  GtkWidget        *date_row;
  LbDateButton     *date_button;
  GtkWidget        *due_date_row;
  LbDateButton     *due_date_button;
  AdwComboRow      *account_row;
  AdwComboRow      *contact_row;
  GtkWidget        *currency_row;
  GtkWidget        *delivery_address_row;
  GtkWidget        *notes_row;
  GtkWidget        *terms_row;
  AdwPreferencesGroup *lines_group;
  GtkWidget        *no_lines_row;
  GtkWidget        *add_group;
  AdwActionRow     *add_product_row;
  GtkWidget        *product_clear_button;
  GtkPopover       *product_popover;
  GtkWidget        *product_search;
  GtkListBox       *product_list;
  GtkWidget        *product_empty_label;
  GtkWidget        *add_description_row;
  GtkWidget        *add_quantity_row;
  GtkWidget        *add_price_row;
  LbTaxRatePicker  *add_tax_picker;
  GtkWidget        *add_tax_row;
  GtkWidget        *add_line_button;
  AdwComboRow      *discount_kind_row;
  GtkWidget        *discount_value_row;
  GtkLabel         *subtotal_label;
  GtkWidget        *discount_total_row;
  GtkLabel         *discount_total_label;
  GtkLabel         *total_label;
  GtkWidget        *paid_row;
  GtkLabel         *paid_label;
  GtkWidget        *balance_row;
  GtkLabel         *balance_label;
  GtkWidget        *payments_group;
  GtkWidget        *no_payments_row;
  GtkWidget        *links_group;
  AdwActionRow     *lead_link_row;
  AdwActionRow     *order_link_row;
  AdwActionRow     *deal_link_row;
  GtkLabel         *footer_label;
};

G_DEFINE_FINAL_TYPE (LbDocumentWindow, lb_document_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_DOCUMENT_ID,
  N_PROPS
};

enum {
  CHANGED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The text fields of the header, and the document field each edits. */
static const struct {
  Field     field;
  LbDocText text;
} text_fields[] = {
  { FIELD_NUMBER, LB_DOC_NUMBER },
  { FIELD_CURRENCY, LB_DOC_CURRENCY },
  { FIELD_DELIVERY_ADDRESS, LB_DOC_DELIVERY_ADDRESS },
  { FIELD_NOTES, LB_DOC_NOTES },
  { FIELD_TERMS, LB_DOC_TERMS },
};

static void lb_document_window_update_actions (LbDocumentWindow *self);
static void lb_document_window_load           (LbDocumentWindow *self);
static void apply_entry                       (LbDocumentWindow *self,
                                               GtkWidget        *entry);

/* helpers: numbers as the user reads and types them */


/* What the user typed in @editable, trimmed, with a dot for the
 * locale's decimal point: the form the core's parsers read. */
static char *
typed_number (GtkWidget *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
  const char *point = lb_locale_decimal_point ();
  g_auto(GStrv) parts = NULL;

  if (g_str_equal (point, "."))
    return g_steal_pointer (&text);

  parts = g_strsplit (text, point, -1);
  return g_strjoinv (".", parts);
}

static const char *
doc_currency (LbDocumentWindow *self)
{
  return self->doc != NULL ? lb_record_get_text (self->doc, LB_DOC_CURRENCY) : NULL;
}

static guint
doc_decimals (LbDocumentWindow *self)
{
  return lb_currency_decimals (doc_currency (self));
}

/* "1,234.50 EUR" as the locale writes it. */
static char *
format_amount (LbDocumentWindow *self,
               gint64            amount)
{
  return lb_money_format_locale (amount, doc_decimals (self), doc_currency (self));
}

static char *
edit_amount (LbDocumentWindow *self,
             gint64            amount)
{
  return lb_number_localize (lb_money_format (amount, doc_decimals (self)));
}

static gboolean
parse_amount (LbDocumentWindow  *self,
              GtkWidget         *editable,
              gint64            *out,
              GError           **error)
{
  g_autofree char *text = typed_number (editable);

  if (doc_currency (self) == NULL)
    return lb_money_parse (text, doc_decimals (self), out, error);
  return lb_money_parse_for_currency (text, doc_currency (self), out, error);
}

/* An entry row the user may or may not change now; a read-only one
 * hides its pencil (style.css). */
static void
set_row_editable (GtkWidget *row,
                  gboolean   editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
  if (editable)
    gtk_widget_remove_css_class (row, "read-only");
  else
    gtk_widget_add_css_class (row, "read-only");
}

static gboolean
entry_is_empty (GtkWidget *editable)
{
  g_autofree char *text = lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (editable)));

  return text == NULL;
}

/* Sets the text of an entry the program fills, only when it differs,
 * so the cursor of an unchanged entry stays where it is. */
static void
set_entry_text (GtkWidget  *editable,
                const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* helpers: messages */

/* Adds a hidden message row right below @row, in the same list. */
static void
message_init (Message   *m,
              GtkWidget *row,
              gboolean   mark_row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *box;
  GtkWidget *icon;

  g_assert (GTK_IS_LIST_BOX (list));

  m->row = row;
  m->mark_row = mark_row;
  m->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (m->label, TRUE);
  gtk_label_set_wrap_mode (m->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (m->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (m->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (m->label), "error");

  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->label));

  m->message_row = adw_preferences_row_new ();
  gtk_widget_set_name (m->message_row, "message");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (m->message_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (m->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (m->message_row), FALSE);
  gtk_widget_set_focusable (m->message_row, FALSE);
  gtk_widget_set_visible (m->message_row, FALSE);

  gtk_list_box_insert (GTK_LIST_BOX (list), m->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
}

static gboolean
message_shown (const Message *m)
{
  return m->message_row != NULL && gtk_widget_get_visible (m->message_row);
}

static void
message_show (Message    *m,
              const char *text)
{
  gtk_label_set_text (m->label, text);
  gtk_widget_set_visible (m->message_row, TRUE);

  if (!m->mark_row)
    return;
  gtk_widget_add_css_class (m->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (m->row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
message_clear (Message *m)
{
  if (!message_shown (m))
    return;

  gtk_widget_set_visible (m->message_row, FALSE);
  gtk_label_set_text (m->label, "");
  if (!m->mark_row)
    return;
  gtk_widget_remove_css_class (m->row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (m->row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (m->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_toast (LbDocumentWindow *self,
            const char       *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);   /* a toast's title is markup */

  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that stays, with a button that opens @uri. */
static void
show_toast_with_uri (LbDocumentWindow *self,
                     const char       *message,
                     const char       *button_label,
                     const char       *uri)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, "doc.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* helpers: the document */

static gboolean
is_invoice (LbDocumentWindow *self)
{
  return self->kind == LB_DOC_INVOICE;
}

static gint64
doc_int (LbDocumentWindow *self,
         LbDocInt          field)
{
  return self->doc != NULL ? lb_record_get_int (self->doc, field) : 0;
}

static const char *
doc_text (LbDocumentWindow *self,
          LbDocText         field)
{
  return self->doc != NULL ? lb_record_get_text (self->doc, field) : NULL;
}

/* Whether the status machine of the document's kind allows @action
 * on it as it is now. */
static gboolean
doc_can (LbDocumentWindow *self,
         const char       *action)
{
  if (self->doc == NULL)
    return FALSE;
  if (is_invoice (self))
    return lb_invoice_can (self->doc, action);
  return lb_order_can (self->doc, action);
}

/* Whether the document is a Draft, the only state that changes. */
static gboolean
is_editable (LbDocumentWindow *self)
{
  return doc_can (self, "edit");
}

/* Whether a change the user made may be stored now: not while the
 * widgets follow the document, nor while the window goes away. */
static gboolean
can_apply (LbDocumentWindow *self)
{
  return !self->updating && self->doc != NULL &&
         !gtk_widget_in_destruction (GTK_WIDGET (self)) && is_editable (self);
}

static LbRecord *
copy_document (LbDocumentWindow *self)
{
  LbRecord *copy = g_object_new (G_OBJECT_TYPE (self->doc), NULL);

  lb_record_copy_fields (copy, self->doc);
  return copy;
}

static LbLine *
find_line (LbDocumentWindow *self,
           gint64            line_id)
{
  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    {
      LbLine *line = g_ptr_array_index (self->lines, i);

      if (lb_line_get_id (line) == line_id)
        return line;
    }
  return NULL;
}

static char *
contact_name (LbContact *contact)
{
  const char *parts[] = {
    lb_contact_get_text (contact, LB_CONTACT_FIRST_NAME),
    lb_contact_get_text (contact, LB_CONTACT_LAST_NAME),
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_strv_builder_add (builder, parts[i]);
  names = g_strv_builder_end (builder);

  if (names[0] == NULL)
    return g_strdup (lb_contact_get_text (contact, LB_CONTACT_EMAIL));
  return g_strjoinv (" ", names);
}

/* Emitted after every change: reads the document again and tells the
 * listeners. */
static void
document_changed (LbDocumentWindow *self)
{
  /* A refusal shown before is stale now. */
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
  lb_document_window_load (self);
  g_signal_emit (self, signals[CHANGED], 0, self->id);
}

/* helpers: filling the widgets from the document */

static void
refresh_title (LbDocumentWindow *self)
{
  const char *number = doc_text (self, LB_DOC_NUMBER);
  const char *account = doc_text (self, LB_DOC_ACCOUNT_NAME);
  g_autofree char *title = NULL;

  if (self->doc == NULL)
    title = g_strdup (is_invoice (self) ? _("Invoice") : _("Order"));
  else if (number != NULL)
    /* Translators: a window title, e.g. "Invoice INV-2026-0001" */
    title = g_strdup_printf (is_invoice (self) ? _("Invoice %s") : _("Order %s"), number);
  else
    title = g_strdup (is_invoice (self) ? _("Draft Invoice") : _("Draft Order"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, account != NULL ? account : "");
}

static void
refresh_status (LbDocumentWindow *self)
{
  static const char * const classes[] = { "accent", "success", "warning", "error", "dim-label" };
  gint64 status = doc_int (self, LB_DOC_STATUS);
  const char *style = "dim-label";
  const char *label;
  gboolean owed = FALSE;
  g_autofree char *amount = NULL;

  if (is_invoice (self))
    {
      label = lb_invoice_status_to_label (status);
      switch (status)
        {
        case LB_INVOICE_STATUS_SENT:
          style = "accent";
          owed = TRUE;
          break;
        case LB_INVOICE_STATUS_PARTIALLY_PAID:
          style = "warning";
          owed = TRUE;
          break;
        case LB_INVOICE_STATUS_OVERDUE:
          style = "error";
          owed = TRUE;
          break;
        case LB_INVOICE_STATUS_PAID:
          style = "success";
          break;
        default:
          break;
        }
    }
  else
    {
      label = lb_order_status_to_label (status);
      if (status == LB_ORDER_STATUS_CONFIRMED)
        style = "accent";
      else if (status == LB_ORDER_STATUS_FULFILLED)
        style = "success";
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
  gtk_label_set_text (self->status_label, self->doc != NULL ? label : "");

  amount = format_amount (self, owed ? self->totals.balance : self->totals.total);
  gtk_label_set_text (self->summary_caption, owed ? _("Balance Due") : _("Total"));
  gtk_label_set_text (self->summary_label, amount);
}

static void
fill_type_row (LbDocumentWindow *self)
{
  LbRefKind ref = is_invoice (self) ? LB_REF_INVOICE_TYPE : LB_REF_ORDER_TYPE;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) refs = lb_store_list_refs (self->store, ref, NULL);
  const char *value = doc_text (self, LB_DOC_TYPE);
  guint selected = 0;
  guint n = refs != NULL ? g_list_model_get_n_items (refs) : 0;

  gtk_string_list_append (names, C_("choice", "None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (refs, i);
      const char *name = lb_ref_item_get_name (item);

      if (value != NULL && g_ascii_strcasecmp (name, value) == 0)
        selected = i + 1;
      gtk_string_list_append (names, name);
    }

  /* A type the list no longer holds stays a choice. */
  if (value != NULL && selected == 0)
    {
      selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, value);
    }

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->type_row, selected);
}

static void
fill_account_row (LbDocumentWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 current = doc_int (self, LB_DOC_ACCOUNT_ID);
  gint64 none = 0;
  guint selected = 0;
  guint n;
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  accounts = lb_store_list_accounts (self->store, &filter, &error);
  lb_record_filter_clear (&filter);
  if (accounts == NULL)
    show_toast (self, error->message);

  g_array_set_size (self->account_ids, 0);
  gtk_string_list_append (names, C_("choice", "None"));
  g_array_append_val (self->account_ids, none);

  n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = lb_account_get_id (account);

      if (id == current)
        selected = self->account_ids->len;
      gtk_string_list_append (names, lb_account_get_text (account, LB_ACCOUNT_NAME));
      g_array_append_val (self->account_ids, id);
    }

  /* An account in the trash still shows as the customer. */
  if (current != 0 && selected == 0)
    {
      const char *name = doc_text (self, LB_DOC_ACCOUNT_NAME);
      g_autofree char *fallback = g_strdup_printf (_("Account %" PRId64), current);

      selected = self->account_ids->len;
      gtk_string_list_append (names, name != NULL ? name : fallback);
      g_array_append_val (self->account_ids, current);
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, selected);
}

/* The contacts of the customer account, or every contact without one. */
static void
fill_contact_row (LbDocumentWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 current = doc_int (self, LB_DOC_CONTACT_ID);
  gint64 none = 0;
  guint selected = 0;
  guint n;
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  filter.account_id = doc_int (self, LB_DOC_ACCOUNT_ID);
  contacts = lb_store_list_contacts (self->store, &filter, &error);
  lb_record_filter_clear (&filter);
  if (contacts == NULL)
    show_toast (self, error->message);

  g_array_set_size (self->contact_ids, 0);
  gtk_string_list_append (names, C_("choice", "None"));
  g_array_append_val (self->contact_ids, none);

  n = contacts != NULL ? g_list_model_get_n_items (contacts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *name = contact_name (contact);
      gint64 id = lb_contact_get_id (contact);

      if (id == current)
        selected = self->contact_ids->len;
      gtk_string_list_append (names, name != NULL ? name : "");
      g_array_append_val (self->contact_ids, id);
    }

  if (current != 0 && selected == 0)
    {
      const char *name = doc_text (self, LB_DOC_CONTACT_NAME);
      g_autofree char *fallback = g_strdup_printf (_("Contact %" PRId64), current);

      selected = self->contact_ids->len;
      gtk_string_list_append (names, name != NULL ? name : fallback);
      g_array_append_val (self->contact_ids, current);
    }

  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->contact_row, selected);
}

/* A date button reads "None" without a date, else just the date. */
static void
update_date_label (LbDateButton *button)
{
  g_object_set (button, "label", lb_date_button_get_date (button) == NULL ? C_("date", "None") : NULL, NULL);
}

static void
refresh_details (LbDocumentWindow *self)
{
  gboolean editable = is_editable (self);
  const char *delivery = doc_text (self, LB_DOC_DELIVERY_ADDRESS);

  /* A document that no longer changes shows only what it holds. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = self->field_rows[text_fields[i].field];
      const char *value = doc_text (self, text_fields[i].text);

      if (!message_shown (&self->messages[text_fields[i].field]))
        set_entry_text (row, value);
      set_row_editable (row, editable);
      gtk_widget_set_visible (row, editable || value != NULL);
    }
  /* Orders are numbered when they are made. */
  set_row_editable (GTK_WIDGET (self->number_row), editable && is_invoice (self));
  gtk_widget_set_visible (self->number_row,
                          is_invoice (self) ? editable || doc_text (self, LB_DOC_NUMBER) != NULL
                                            : doc_text (self, LB_DOC_NUMBER) != NULL);
  gtk_widget_set_visible (self->delivery_address_row,
                          delivery != NULL || (editable && !is_invoice (self)));

  if (!message_shown (&self->messages[FIELD_DATE]))
    lb_date_button_set_date (self->date_button, doc_text (self, LB_DOC_DOC_DATE));
  if (!message_shown (&self->messages[FIELD_DUE_DATE]))
    lb_date_button_set_date (self->due_date_button, doc_text (self, LB_DOC_DUE_DATE));
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_date_button), editable);
  gtk_widget_set_visible (self->due_date_row,
                          is_invoice (self) && (editable || doc_text (self, LB_DOC_DUE_DATE) != NULL));
  update_date_label (self->date_button);
  update_date_label (self->due_date_button);

  if (!message_shown (&self->messages[FIELD_TYPE]))
    fill_type_row (self);
  if (!message_shown (&self->messages[FIELD_ACCOUNT]))
    fill_account_row (self);
  if (!message_shown (&self->messages[FIELD_CONTACT]))
    fill_contact_row (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contact_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), editable || doc_text (self, LB_DOC_TYPE) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_row),
                          editable || doc_int (self, LB_DOC_CONTACT_ID) != 0);
}

/* "2 × 50.00 · discount 10 % · tax 20 %" */
static char *
line_summary (LbDocumentWindow *self,
              LbLine           *line)
{
  LbRecord *r = LB_RECORD (line);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quantity = lb_number_localize (lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY)));
  g_autofree char *price = lb_money_format_locale (lb_record_get_int (r, LB_LINE_UNIT_PRICE),
                                                   doc_decimals (self), NULL);
  gint64 discount = lb_record_get_int (r, LB_LINE_DISCOUNT);
  gint64 tax = lb_record_get_int (r, LB_LINE_TAX);

  /* Translators: a line's quantity and unit price, e.g. "2 × 50.00" */
  g_ptr_array_add (parts, g_strdup_printf (_("%s × %s"), quantity, price));

  if (lb_record_get_int (r, LB_LINE_DISCOUNT_KIND) == LB_DISCOUNT_PERCENT && discount != 0)
    {
      g_autofree char *text = lb_number_localize (lb_percent_format (discount));
      /* Translators: a line's discount, e.g. "discount 10 %" */
      g_ptr_array_add (parts, g_strdup_printf (_("discount %s %%"), text));
    }
  else if (lb_record_get_int (r, LB_LINE_DISCOUNT_KIND) == LB_DISCOUNT_AMOUNT && discount != 0)
    {
      g_autofree char *text = lb_money_format_locale (discount, doc_decimals (self), NULL);
      /* Translators: a line's discount, e.g. "discount 5.00" */
      g_ptr_array_add (parts, g_strdup_printf (_("discount %s"), text));
    }

  if (lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_AMOUNT)
    {
      g_autofree char *text = lb_money_format_locale (tax, doc_decimals (self), NULL);
      /* Translators: a tax amount typed on a line, e.g. "tax 3.50" */
      g_ptr_array_add (parts, g_strdup_printf (_("tax %s"), text));
    }
  else
    {
      g_autofree char *text = lb_number_localize (lb_percent_format (tax));
      /* Translators: a line's tax rate, e.g. "tax 20 %" */
      g_ptr_array_add (parts, g_strdup_printf (_("tax %s %%"), text));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* Shows the value row of a discount or tax for the kind chosen. */
static void
update_line_value_rows (LineRow *row)
{
  guint discount_kind = adw_combo_row_get_selected (row->discount_kind_row);
  LbTaxRateChoice tax_choice = lb_tax_rate_picker_get_choice (row->tax_picker, NULL);
  GtkWidget *discount = row->entries[LINE_DISCOUNT];

  gtk_widget_set_visible (discount, discount_kind != LB_DISCOUNT_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (discount),
                                 discount_kind == LB_DISCOUNT_PERCENT ? _("Discount (%)")
                                                                      : _("Discount Amount"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->entries[LINE_TAX]),
                                 tax_choice == LB_TAX_RATE_CHOICE_EXTRA ? _("Tax Amount")
                                                                        : _("Tax Rate (%)"));
}

/* Fills the widgets of @row from @line; text the user typed and the
 * core refused stays, with its message. */
static void
update_line_row (LbDocumentWindow *self,
                 LineRow          *row,
                 LbLine           *line)
{
  LbRecord *r = LB_RECORD (line);
  const char *description = lb_record_get_text (r, LB_LINE_DESCRIPTION);
  gint64 discount = lb_record_get_int (r, LB_LINE_DISCOUNT);
  gint64 tax = lb_record_get_int (r, LB_LINE_TAX);
  gboolean discount_percent = lb_record_get_int (r, LB_LINE_DISCOUNT_KIND) == LB_DISCOUNT_PERCENT;
  gboolean tax_amount = lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_AMOUNT;
  gboolean editable = is_editable (self);
  g_autofree char *summary = line_summary (self, line);
  g_autofree char *amount = format_amount (self, lb_record_get_int (r, LB_LINE_NET));
  char *texts[N_LINE_FIELDS] = { NULL, };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 description != NULL ? description : "");
  adw_expander_row_set_subtitle (row->expander, summary);
  gtk_label_set_text (row->amount_label, amount);

  texts[LINE_DESCRIPTION] = g_strdup (description);
  texts[LINE_QUANTITY] = lb_number_localize (lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY)));
  texts[LINE_PRICE] = edit_amount (self, lb_record_get_int (r, LB_LINE_UNIT_PRICE));
  texts[LINE_DISCOUNT] = discount == 0 ? g_strdup ("")
                         : discount_percent ? lb_number_localize (lb_percent_format (discount))
                         : edit_amount (self, discount);
  texts[LINE_TAX] = tax_amount ? edit_amount (self, tax) : lb_number_localize (lb_percent_format (tax));

  for (LineField f = 0; f < N_LINE_FIELDS; f++)
    {
      if (!message_shown (&row->messages[f]))
        set_entry_text (row->entries[f], texts[f]);
      set_row_editable (GTK_WIDGET (row->entries[f]), editable);
      g_free (texts[f]);
    }
  if (!message_shown (&row->messages[LINE_DISCOUNT]))
    adw_combo_row_set_selected (row->discount_kind_row, lb_record_get_int (r, LB_LINE_DISCOUNT_KIND));
  /* a rate shows as the first named rate with its percentage */
  lb_tax_rate_picker_set_rates (row->tax_picker, self->tax_rates);
  if (!message_shown (&row->messages[LINE_TAX]))
    {
      if (tax_amount)
        lb_tax_rate_picker_select_extra (row->tax_picker);
      else
        lb_tax_rate_picker_select_rate (row->tax_picker, tax);
    }
  update_line_value_rows (row);

  gtk_widget_set_sensitive (GTK_WIDGET (row->discount_kind_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (row->tax_picker), editable);
  gtk_widget_set_visible (row->remove_row, editable);
}

static void on_entry_activated     (LbDocumentWindow *self,
                                    GtkWidget        *entry);
static void on_entry_leave         (GtkEventControllerFocus *controller,
                                    LbDocumentWindow        *self);
static void on_line_kind_selected  (LbDocumentWindow *self,
                                    GParamSpec       *pspec,
                                    AdwComboRow      *combo);

/* Makes @entry apply its text on Enter and when the focus leaves it. */
static void
connect_entry (LbDocumentWindow *self,
               GtkWidget        *entry)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (on_entry_leave), self, 0);
  gtk_widget_add_controller (entry, controller);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_entry_activated),
                           self, G_CONNECT_SWAPPED);
}

static GtkWidget *
line_entry_new (LbDocumentWindow *self,
                LineRow          *row,
                LineField         field,
                const char       *title,
                const char       *name)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_widget_set_name (entry, name);
  g_object_set_data (G_OBJECT (entry), "lb-line-row", row);
  g_object_set_data (G_OBJECT (entry), "lb-line-field", GINT_TO_POINTER (field));
  if (field != LINE_DESCRIPTION)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), GTK_INPUT_PURPOSE_NUMBER);
  connect_entry (self, entry);
  adw_expander_row_add_row (row->expander, entry);
  message_init (&row->messages[field], entry, TRUE);

  return entry;
}

static AdwComboRow *
line_combo_new (LbDocumentWindow   *self,
                LineRow            *row,
                const char         *title,
                const char         *name,
                const char * const *choices)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *combo = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  gtk_widget_set_name (combo, name);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  g_object_set_data (G_OBJECT (combo), "lb-line-row", row);
  adw_expander_row_add_row (row->expander, combo);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_line_kind_selected),
                           self, G_CONNECT_SWAPPED);

  return ADW_COMBO_ROW (combo);
}

/* The rows of a line: its summary, and below it, the fields to edit. */
static LineRow *
line_row_new (LbDocumentWindow *self,
              LbLine           *line)
{
  const char *discount_kinds[] = { C_("discount", "None"), _("Percentage"), _("Fixed Amount"), NULL };
  LineRow *row = g_new0 (LineRow, 1);
  GtkWidget *remove_row;
  GtkWidget *button;

  row->line_id = lb_line_get_id (line);
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (row->expander), "line");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  g_object_set_data_full (G_OBJECT (row->expander), "lb-line-row", row, g_free);

  row->amount_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->amount_label), "line-amount");
  gtk_widget_add_css_class (GTK_WIDGET (row->amount_label), "numeric");
  adw_expander_row_add_action (row->expander, GTK_WIDGET (row->amount_label));
  adw_preferences_group_add (self->lines_group, GTK_WIDGET (row->expander));

  row->entries[LINE_DESCRIPTION] = line_entry_new (self, row, LINE_DESCRIPTION, _("Description"),
                                                   "line-description");
  row->entries[LINE_QUANTITY] = line_entry_new (self, row, LINE_QUANTITY, _("Quantity"),
                                                "line-quantity");
  row->entries[LINE_PRICE] = line_entry_new (self, row, LINE_PRICE, _("Unit Price"), "line-price");
  row->discount_kind_row = line_combo_new (self, row, _("Discount"), "line-discount-kind",
                                           discount_kinds);
  row->entries[LINE_DISCOUNT] = line_entry_new (self, row, LINE_DISCOUNT, _("Discount (%)"),
                                                "line-discount");
  row->tax_picker = LB_TAX_RATE_PICKER (lb_tax_rate_picker_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->tax_picker), _("Tax"));
  gtk_widget_set_name (GTK_WIDGET (row->tax_picker), "line-tax-choice");
  lb_tax_rate_picker_set_extra_choice (row->tax_picker, _("Entered Amount"));
  lb_tax_rate_picker_set_rates (row->tax_picker, self->tax_rates);
  g_object_set_data (G_OBJECT (row->tax_picker), "lb-line-row", row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->tax_picker));
  g_signal_connect_object (row->tax_picker, "notify::selected", G_CALLBACK (on_line_kind_selected),
                           self, G_CONNECT_SWAPPED);
  row->entries[LINE_TAX] = line_entry_new (self, row, LINE_TAX, _("Tax Rate (%)"), "line-tax");
  lb_tax_rate_picker_set_entry (row->tax_picker, row->entries[LINE_TAX]);

  button = gtk_button_new_with_mnemonic (_("_Remove Line"));
  gtk_widget_set_name (button, "line-remove");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 8);
  gtk_widget_set_margin_bottom (button, 8);
  gtk_widget_set_margin_start (button, 12);
  gtk_widget_set_margin_end (button, 12);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.remove-line");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", row->line_id);

  remove_row = row->remove_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (remove_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (remove_row), FALSE);
  gtk_widget_set_focusable (remove_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (remove_row), button);
  adw_expander_row_add_row (row->expander, remove_row);

  return row;
}

/* Shows the lines: in place when they are the same lines as before (so
 * the focus and what is unfolded stay), built again otherwise. */
static void
refresh_lines (LbDocumentWindow *self)
{
  guint n = self->lines != NULL ? self->lines->len : 0;
  gboolean same = n == self->line_rows->len;
  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; same && i < n; i++)
    {
      LineRow *row = g_ptr_array_index (self->line_rows, i);

      same = row->line_id == lb_line_get_id (g_ptr_array_index (self->lines, i));
    }

  if (!same)
    {
      for (guint i = 0; i < self->line_rows->len; i++)
        {
          LineRow *row = g_ptr_array_index (self->line_rows, i);

          if (adw_expander_row_get_expanded (row->expander))
            g_array_append_val (expanded, row->line_id);
          /* frees @row with the expander */
          adw_preferences_group_remove (self->lines_group, GTK_WIDGET (row->expander));
        }
      g_ptr_array_set_size (self->line_rows, 0);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->line_rows, line_row_new (self, g_ptr_array_index (self->lines, i)));
    }

  for (guint i = 0; i < n; i++)
    {
      LineRow *row = g_ptr_array_index (self->line_rows, i);

      update_line_row (self, row, g_ptr_array_index (self->lines, i));
      for (guint j = 0; j < expanded->len; j++)
        if (g_array_index (expanded, gint64, j) == row->line_id)
          adw_expander_row_set_expanded (row->expander, TRUE);
    }

  gtk_widget_set_visible (self->no_lines_row, n == 0);
  gtk_widget_set_visible (self->add_group, is_editable (self));
  lb_tax_rate_picker_set_rates (self->add_tax_picker, self->tax_rates);
}

/* The pricing mode of a Draft, where its lines are: whether a new
 * catalog price reaches them.  Other documents no longer change. */
static void
refresh_pricing (LbDocumentWindow *self)
{
  const char *description = NULL;

  if (is_editable (self) && doc_int (self, LB_DOC_PRICING_LOCKED) != 0)
    description = _("Prices locked: a change in the catalog does not reach this document.");
  else if (is_editable (self))
    description = _("Current pricing: a new catalog price updates the catalog lines.");

  adw_preferences_group_set_description (self->lines_group, description);
}

static void
refresh_discount (LbDocumentWindow *self)
{
  gint64 kind = doc_int (self, LB_DOC_DISCOUNT_KIND);
  gint64 value = doc_int (self, LB_DOC_DISCOUNT);
  gboolean editable = is_editable (self);
  guint selected;

  if (!message_shown (&self->discount_message))
    {
      g_autofree char *text = value == 0 ? g_strdup ("")
                              : kind == LB_DISCOUNT_PERCENT ? lb_number_localize (lb_percent_format (value))
                              : edit_amount (self, value);

      adw_combo_row_set_selected (self->discount_kind_row, kind);
      set_entry_text (self->discount_value_row, text);
    }

  selected = adw_combo_row_get_selected (self->discount_kind_row);
  gtk_widget_set_visible (self->discount_value_row, selected != LB_DISCOUNT_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discount_value_row),
                                 selected == LB_DISCOUNT_PERCENT ? _("Discount (%)")
                                                                 : _("Discount Amount"));
  set_row_editable (GTK_WIDGET (self->discount_value_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discount_kind_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->discount_kind_row), editable || kind != LB_DISCOUNT_NONE);
}

static GtkWidget *
amount_row_new (const char *title,
                const char *amount)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
refresh_totals (LbDocumentWindow *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (self->discount_total_row));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->discount_total_row)) + 1;
  GArray *rates = self->totals.tax_by_rate;
  gboolean issued = is_invoice (self) && doc_int (self, LB_DOC_ISSUED_AT) != 0;
  g_autofree char *subtotal = format_amount (self, self->totals.subtotal);
  g_autofree char *discount = format_amount (self, -self->totals.discount);
  g_autofree char *total = format_amount (self, self->totals.total);
  g_autofree char *paid = format_amount (self, self->totals.paid);
  g_autofree char *balance = format_amount (self, self->totals.balance);

  gtk_label_set_text (self->subtotal_label, subtotal);
  gtk_label_set_text (self->discount_total_label, discount);
  gtk_widget_set_visible (self->discount_total_row, self->totals.discount != 0);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->paid_label, paid);
  gtk_label_set_text (self->balance_label, balance);
  gtk_widget_set_visible (self->paid_row, issued);
  gtk_widget_set_visible (self->balance_row, issued);

  /* the tax of each rate */
  for (guint i = 0; i < self->tax_rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (self->tax_rows, i));
  g_ptr_array_set_size (self->tax_rows, 0);

  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      const LbTaxByRate *rate = &g_array_index (rates, LbTaxByRate, i);
      g_autofree char *amount = format_amount (self, rate->tax);
      g_autofree char *percent = lb_number_localize (lb_percent_format (rate->rate_bp));
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (rate->manual)
        title = g_strdup (_("Tax (entered amounts)"));
      else
        /* Translators: the tax of one rate, e.g. "Tax 20 %" */
        title = g_strdup_printf (_("Tax %s %%"), percent);
      row = amount_row_new (title, amount);

      gtk_list_box_insert (list, row, position++);
      g_ptr_array_add (self->tax_rows, row);
    }
  if (self->tax_rows->len == 0)
    {
      g_autofree char *none = format_amount (self, 0);
      GtkWidget *row = amount_row_new (_("Tax"), none);

      gtk_list_box_insert (list, row, position);
      g_ptr_array_add (self->tax_rows, row);
    }
}

static void
refresh_payments (LbDocumentWindow *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (self->no_payments_row));
  guint n = self->payments != NULL ? self->payments->len : 0;

  for (guint i = 0; i < self->payment_rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (self->payment_rows, i));
  g_ptr_array_set_size (self->payment_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      LbRecord *payment = g_ptr_array_index (self->payments, i);
      gint64 method = lb_record_get_int (payment, LB_PAYMENT_METHOD);
      const char *reference = lb_record_get_text (payment, LB_PAYMENT_REFERENCE);
      g_autofree char *amount = format_amount (self, lb_record_get_int (payment, LB_PAYMENT_AMOUNT));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (reference != NULL)
        /* Translators: a payment's date, method and reference */
        subtitle = g_strdup_printf (C_("payment", "%s · %s · %s"),
                                    lb_record_get_text (payment, LB_PAYMENT_PAID_ON),
                                    lb_payment_method_to_label (method), reference);
      else
        /* Translators: a payment's date and method */
        subtitle = g_strdup_printf (C_("payment", "%s · %s"),
                                    lb_record_get_text (payment, LB_PAYMENT_PAID_ON),
                                    lb_payment_method_to_label (method));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "payment");

      gtk_widget_set_name (button, "payment-remove");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Remove Payment"));
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.remove-payment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        lb_payment_get_id (LB_PAYMENT (payment)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (list, row);
      g_ptr_array_add (self->payment_rows, row);
    }

  gtk_widget_set_visible (self->no_payments_row, n == 0);
  gtk_widget_set_visible (self->payments_group,
                          is_invoice (self) && (doc_int (self, LB_DOC_ISSUED_AT) != 0 || n > 0));
}

static void
refresh_links (LbDocumentWindow *self)
{
  gint64 lead_id = doc_int (self, LB_DOC_LEAD_ID);
  gint64 order_id = doc_int (self, LB_DOC_ORDER_ID);
  gint64 deal_id = doc_int (self, LB_DOC_DEAL_ID);

  if (lead_id != 0)
    {
      const char *lead = doc_text (self, LB_DOC_LEAD_TITLE);
      g_autofree char *fallback = g_strdup_printf (_("Lead %" PRId64), lead_id);
      /* Translators: the lead a document was made from */
      g_autofree char *title = g_strdup_printf (_("From lead “%s”"), lead != NULL ? lead : fallback);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_link_row), title);
    }

  if (order_id != 0)
    {
      g_autoptr(LbRecord) order = lb_store_get_document (self->store, LB_DOC_ORDER, order_id, NULL);
      const char *number = order != NULL ? lb_record_get_text (order, LB_DOC_NUMBER) : NULL;
      g_autofree char *fallback = g_strdup_printf ("%" PRId64, order_id);
      /* Translators: the order an invoice was made from */
      g_autofree char *title = g_strdup_printf (_("From order %s"), number != NULL ? number : fallback);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->order_link_row), title);
    }

  if (deal_id != 0)
    {
      g_autoptr(LbDeal) deal = lb_store_get_deal (self->store, deal_id, NULL);
      const char *name = deal != NULL ? lb_deal_get_text (deal, LB_DEAL_NAME) : NULL;
      g_autofree char *fallback = g_strdup_printf (_("Deal %" PRId64), deal_id);
      /* Translators: the deal a document belongs to */
      g_autofree char *title = g_strdup_printf (_("Deal “%s”"), name != NULL ? name : fallback);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deal_link_row), title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->lead_link_row), lead_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->order_link_row), order_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->deal_link_row), deal_id != 0);
  gtk_widget_set_visible (self->links_group, lead_id != 0 || order_id != 0 || deal_id != 0);
}

static void
refresh_footer (LbDocumentWindow *self)
{
  g_autofree char *created = lb_format_date_time (doc_int (self, LB_DOC_CREATED_AT));
  g_autofree char *updated = lb_format_date_time (doc_int (self, LB_DOC_UPDATED_AT));
  g_autofree char *text = NULL;

  if (self->doc == NULL)
    return;

  /* Translators: the times a document was created and last changed */
  text = g_strdup_printf (_("Created %s · Updated %s"), created, updated);
  gtk_label_set_text (self->footer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), TRUE);
}

static void
refresh (LbDocumentWindow *self)
{
  self->updating = TRUE;

  refresh_title (self);
  refresh_status (self);
  /* nothing to show of a document that cannot be read */
  gtk_widget_set_visible (self->body, self->doc != NULL);
  if (self->doc != NULL)
    {
      refresh_details (self);
      refresh_lines (self);
      refresh_pricing (self);
      refresh_discount (self);
      refresh_totals (self);
      refresh_payments (self);
      refresh_links (self);
      refresh_footer (self);
    }

  self->updating = FALSE;
  lb_document_window_update_actions (self);
}

/* helpers: storing what the user changed */

/* Puts the value of header @field as the form shows it into @copy.
 * Returns whether it differs from the stored one. */
static gboolean
read_field (LbDocumentWindow *self,
            Field             field,
            LbRecord         *copy)
{
  g_autofree char *text = NULL;
  guint selected;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (text_fields[i].field != field)
        continue;

      text = lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->field_rows[field])));
      lb_record_set_text (copy, text_fields[i].text, text);
      return g_strcmp0 (text, doc_text (self, text_fields[i].text)) != 0;
    }

  switch (field)
    {
    case FIELD_TYPE:
      selected = adw_combo_row_get_selected (self->type_row);
      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        text = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (self->type_row)),
                                                     selected));
      lb_record_set_text (copy, LB_DOC_TYPE, text);
      return g_strcmp0 (text, doc_text (self, LB_DOC_TYPE)) != 0;

    case FIELD_DATE:
      lb_record_set_text (copy, LB_DOC_DOC_DATE, lb_date_button_get_date (self->date_button));
      return g_strcmp0 (lb_date_button_get_date (self->date_button), doc_text (self, LB_DOC_DOC_DATE)) != 0;

    case FIELD_DUE_DATE:
      lb_record_set_text (copy, LB_DOC_DUE_DATE, lb_date_button_get_date (self->due_date_button));
      return g_strcmp0 (lb_date_button_get_date (self->due_date_button),
                        doc_text (self, LB_DOC_DUE_DATE)) != 0;

    case FIELD_ACCOUNT:
      selected = adw_combo_row_get_selected (self->account_row);
      id = selected < self->account_ids->len ? g_array_index (self->account_ids, gint64, selected) : 0;
      lb_record_set_int (copy, LB_DOC_ACCOUNT_ID, id);
      return id != doc_int (self, LB_DOC_ACCOUNT_ID);

    case FIELD_CONTACT:
      selected = adw_combo_row_get_selected (self->contact_row);
      id = selected < self->contact_ids->len ? g_array_index (self->contact_ids, gint64, selected) : 0;
      lb_record_set_int (copy, LB_DOC_CONTACT_ID, id);
      return id != doc_int (self, LB_DOC_CONTACT_ID);

    default:
      g_assert_not_reached ();
    }
}

/* Saves header @field as the form shows it (lb_document_save), or
 * shows the core's refusal below its row. */
static void
apply_field (LbDocumentWindow *self,
             Field             field)
{
  g_autoptr(LbRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_apply (self))
    return;

  copy = copy_document (self);
  if (!read_field (self, field, copy))
    {
      message_clear (&self->messages[field]);
      return;
    }

  if (!lb_document_save (self->store, copy, &error))
    {
      message_show (&self->messages[field], error->message);
      return;
    }

  message_clear (&self->messages[field]);
  document_changed (self);
}

/* Reads a discount or tax value row: a percentage or an amount,
 * nothing typed being 0. */
static gboolean
read_value (LbDocumentWindow  *self,
            GtkWidget         *entry,
            gboolean           percent,
            gint64            *out,
            GError           **error)
{
  g_autofree char *text = typed_number (entry);

  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (percent)
    return lb_percent_parse (text, out, error);
  return parse_amount (self, entry, out, error);
}

/* Puts the value of @field as @row shows it into @line. */
static gboolean
read_line_field (LbDocumentWindow  *self,
                 LineRow           *row,
                 LineField          field,
                 LbLine            *line,
                 GError           **error)
{
  LbRecord *r = LB_RECORD (line);
  GtkWidget *entry = row->entries[field];
  g_autofree char *text = NULL;
  gint64 value = 0;
  guint kind;

  switch (field)
    {
    case LINE_DESCRIPTION:
      text = lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
      lb_record_set_text (r, LB_LINE_DESCRIPTION, text);
      return TRUE;

    case LINE_QUANTITY:
      text = typed_number (entry);
      if (!lb_quantity_parse (text, &value, error))
        return FALSE;
      lb_record_set_int (r, LB_LINE_QUANTITY, value);
      return TRUE;

    case LINE_PRICE:
      if (!parse_amount (self, entry, &value, error))
        return FALSE;
      lb_record_set_int (r, LB_LINE_UNIT_PRICE, value);
      return TRUE;

    case LINE_DISCOUNT:
      kind = adw_combo_row_get_selected (row->discount_kind_row);
      if (kind != LB_DISCOUNT_NONE && !read_value (self, entry, kind == LB_DISCOUNT_PERCENT, &value, error))
        return FALSE;
      lb_record_set_int (r, LB_LINE_DISCOUNT_KIND, kind);
      lb_record_set_int (r, LB_LINE_DISCOUNT, value);
      return TRUE;

    case LINE_TAX:
      switch (lb_tax_rate_picker_get_choice (row->tax_picker, &value))
        {
        case LB_TAX_RATE_CHOICE_NAMED:
          kind = LB_TAX_RATE;
          break;
        case LB_TAX_RATE_CHOICE_OTHER:
          kind = LB_TAX_RATE;
          if (!read_value (self, entry, TRUE, &value, error))
            return FALSE;
          break;
        case LB_TAX_RATE_CHOICE_EXTRA:
        default:
          kind = LB_TAX_AMOUNT;
          if (!read_value (self, entry, FALSE, &value, error))
            return FALSE;
          break;
        }
      lb_record_set_int (r, LB_LINE_TAX_KIND, kind);
      lb_record_set_int (r, LB_LINE_TAX, value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
lines_equal (LbLine *a,
             LbLine *b)
{
  static const LbLineInt fields[] = {
    LB_LINE_QUANTITY, LB_LINE_UNIT_PRICE, LB_LINE_DISCOUNT_KIND, LB_LINE_DISCOUNT,
    LB_LINE_TAX_KIND, LB_LINE_TAX,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (lb_record_get_int (LB_RECORD (a), fields[i]) != lb_record_get_int (LB_RECORD (b), fields[i]))
      return FALSE;

  return g_strcmp0 (lb_record_get_text (LB_RECORD (a), LB_LINE_DESCRIPTION),
                    lb_record_get_text (LB_RECORD (b), LB_LINE_DESCRIPTION)) == 0;
}

/* Stores @field of a line as its row shows it (lb_document_update_line),
 * or shows why not below the row. */
static void
apply_line_field (LbDocumentWindow *self,
                  LineRow          *row,
                  LineField         field)
{
  LbLine *stored = find_line (self, row->line_id);
  g_autoptr(LbLine) line = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_apply (self) || stored == NULL)
    return;

  line = lb_line_copy (stored);
  if (!read_line_field (self, row, field, line, &error))
    {
      message_show (&row->messages[field], error->message);
      return;
    }
  if (lines_equal (line, stored))
    {
      message_clear (&row->messages[field]);
      return;
    }

  if (!lb_document_update_line (self->store, self->kind, line, &error))
    {
      message_show (&row->messages[field], error->message);
      return;
    }

  message_clear (&row->messages[field]);
  document_changed (self);
}

static void
apply_discount (LbDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->discount_kind_row);
  gint64 value = 0;

  if (!can_apply (self))
    return;

  if (kind != LB_DISCOUNT_NONE &&
      !read_value (self, self->discount_value_row, kind == LB_DISCOUNT_PERCENT, &value, &error))
    {
      message_show (&self->discount_message, error->message);
      return;
    }
  if (kind == doc_int (self, LB_DOC_DISCOUNT_KIND) && value == doc_int (self, LB_DOC_DISCOUNT))
    {
      message_clear (&self->discount_message);
      return;
    }

  if (!lb_document_set_discount (self->store, self->kind, self->id, kind, value, &error))
    {
      message_show (&self->discount_message, error->message);
      return;
    }

  message_clear (&self->discount_message);
  document_changed (self);
}

/* Applies the text of an entry of the form: a header field, a field of
 * a line or the document discount. */
static void
apply_entry (LbDocumentWindow *self,
             GtkWidget        *entry)
{
  LineRow *row = g_object_get_data (G_OBJECT (entry), "lb-line-row");
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "lb-field"));

  if (!can_apply (self))
    return;

  if (row != NULL)
    apply_line_field (self, row, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "lb-line-field")));
  else if (entry == self->discount_value_row)
    apply_discount (self);
  else if (field > 0)
    apply_field (self, field - 1);
}

/* Applies the entry that holds the focus, if any. */
static void
apply_focused_entry (LbDocumentWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

  if (entry != NULL)
    apply_entry (self, entry);
}

/* Whether closing would lose something: a change the core refused, or
 * a line typed but not added. */
static gboolean
has_unsaved (LbDocumentWindow *self)
{
  if (!is_editable (self))
    return FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    if (message_shown (&self->messages[i]))
      return TRUE;
  if (message_shown (&self->discount_message))
    return TRUE;
  for (guint i = 0; i < self->line_rows->len; i++)
    {
      LineRow *row = g_ptr_array_index (self->line_rows, i);

      for (guint f = 0; f < N_LINE_FIELDS; f++)
        if (message_shown (&row->messages[f]))
          return TRUE;
    }

  return !entry_is_empty (self->add_description_row) || !entry_is_empty (self->add_price_row);
}

/* helpers: the new line */

static void
set_add_product (LbDocumentWindow *self,
                 LbProduct        *product)
{
  g_set_object (&self->add_product, product);

  if (product != NULL)
    {
      LbRecord *r = LB_RECORD (product);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", lb_record_get_text (r, LB_PRODUCT_SKU),
                                                   lb_record_get_text (r, LB_PRODUCT_NAME));
      g_autofree char *price = edit_amount (self, lb_record_get_int (r, LB_PRODUCT_UNIT_PRICE));
      g_autofree char *tax = lb_number_localize (lb_percent_format (lb_record_get_int (r, LB_PRODUCT_TAX_RATE)));

      adw_action_row_set_subtitle (self->add_product_row, subtitle);
      set_entry_text (self->add_description_row, lb_record_get_text (r, LB_PRODUCT_NAME));
      set_entry_text (self->add_price_row, price);
      /* the product's own rate: its name when the list has one */
      lb_tax_rate_picker_select_rate (self->add_tax_picker, lb_record_get_int (r, LB_PRODUCT_TAX_RATE));
      set_entry_text (self->add_tax_row, tax);
    }
  else
    {
      adw_action_row_set_subtitle (self->add_product_row, _("None: the line is written in"));
    }

  gtk_widget_set_visible (self->product_clear_button, product != NULL);
}

/* A new line starts without tax: the named rate of 0 % if the list
 * has one, else "Other Rate" with nothing typed. */
static void
reset_add_tax (LbDocumentWindow *self)
{
  lb_tax_rate_picker_select_rate (self->add_tax_picker, 0);
  set_entry_text (self->add_tax_row, NULL);
}

static void
reset_add_form (LbDocumentWindow *self)
{
  set_add_product (self, NULL);
  set_entry_text (self->add_description_row, NULL);
  set_entry_text (self->add_quantity_row, "1");
  set_entry_text (self->add_price_row, NULL);
  reset_add_tax (self);
  for (guint i = 0; i < N_LINE_FIELDS; i++)
    if (self->add_rows[i] != NULL)
      message_clear (&self->add_messages[i]);
  message_clear (&self->add_message);
}

static void
fill_products (LbDocumentWindow *self)
{
  g_autofree char *search = lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->product_search)));
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list))) != NULL)
    gtk_list_box_remove (self->product_list, child);

  products = lb_store_list_products (self->store, search, TRUE, &error);
  if (products == NULL)
    show_toast (self, error->message);

  n = products != NULL ? g_list_model_get_n_items (products) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbProduct) product = g_list_model_get_item (products, i);
      LbRecord *r = LB_RECORD (product);
      g_autofree char *price = format_amount (self, lb_record_get_int (r, LB_PRODUCT_UNIT_PRICE));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", lb_record_get_text (r, LB_PRODUCT_SKU), price);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lb_record_get_text (r, LB_PRODUCT_NAME));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "lb-product", g_object_ref (product), g_object_unref);
      gtk_list_box_append (self->product_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->product_list), n > 0);
  gtk_widget_set_visible (self->product_empty_label, n == 0);
}

/* helpers: other windows */

static GtkWindow *
window_parent (LbDocumentWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return parent != NULL ? parent : GTK_WINDOW (self);
}

static void
forward_changed (LbDocumentWindow *self,
                 gint64            id,
                 LbDocumentWindow *other)
{
  g_signal_emit (self, signals[CHANGED], 0, id);
}

static void
forward_deleted (LbDocumentWindow *self,
                 gint64            id,
                 LbDocumentWindow *other)
{
  g_signal_emit (self, signals[DELETED], 0, id);
}

/* Raises the window of a document, opening it when none is open. */
static void
open_document (LbDocumentWindow *self,
               LbDocKind         kind,
               gint64            id)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *window = NULL;

  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    if (LB_IS_DOCUMENT_WINDOW (l->data) && LB_DOCUMENT_WINDOW (l->data)->kind == kind &&
        LB_DOCUMENT_WINDOW (l->data)->id == id)
      window = l->data;
  g_list_free (toplevels);

  if (window == NULL)
    {
      window = GTK_WINDOW (lb_document_window_new (window_parent (self), self->store, kind, id));
      g_signal_connect_object (window, "changed", G_CALLBACK (forward_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "deleted", G_CALLBACK (forward_deleted), self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

/* Runs the status action @what (with @arg, the payment of
 * "remove-payment"), shows the core's refusal or the result. */
static void
run_action (LbDocumentWindow *self,
            const char       *what,
            gint64            arg)
{
  g_autoptr(GError) error = NULL;
  gboolean invoice = is_invoice (self);
  gint64 created = 0;
  gboolean ok;

  if (g_str_equal (what, "send"))
    ok = lb_invoice_send (self->store, self->id, &error);
  else if (g_str_equal (what, "cancel"))
    ok = invoice ? lb_invoice_cancel (self->store, self->id, &error)
                 : lb_order_cancel (self->store, self->id, &error);
  else if (g_str_equal (what, "void"))
    ok = lb_invoice_void (self->store, self->id, &error);
  else if (g_str_equal (what, "use-current-pricing"))
    ok = lb_document_use_current_pricing (self->store, self->kind, self->id, &error);
  else if (g_str_equal (what, "lock-pricing"))
    ok = lb_document_lock_pricing (self->store, self->kind, self->id, &error);
  else if (g_str_equal (what, "confirm"))
    ok = lb_order_confirm (self->store, self->id, &error);
  else if (g_str_equal (what, "fulfil"))
    ok = lb_order_fulfil (self->store, self->id, &error);
  else if (g_str_equal (what, "create-invoice"))
    ok = (created = lb_order_create_invoice (self->store, self->id, &error)) != 0;
  else if (g_str_equal (what, "remove-payment"))
    ok = lb_invoice_remove_payment (self->store, arg, &error);
  else if (g_str_equal (what, "delete"))
    ok = lb_document_delete (self->store, self->kind, self->id, &error);
  else
    g_assert_not_reached ();

  if (!ok)
    {
      show_toast (self, error->message);
      /* What the buttons offer follows the store, changed elsewhere or not. */
      lb_document_window_load (self);
      return;
    }

  if (g_str_equal (what, "delete"))
    {
      self->discard = TRUE;
      g_object_ref (self);
      g_signal_emit (self, signals[DELETED], 0, self->id);
      gtk_window_close (GTK_WINDOW (self));
      g_object_unref (self);
      return;
    }

  document_changed (self);
  if (created != 0)
    {
      g_signal_emit (self, signals[CHANGED], 0, created);
      open_document (self, LB_DOC_INVOICE, created);
    }
}

/* callbacks */

static void
on_active_notify (LbDocumentWindow *self,
                  GParamSpec       *pspec,
                  gpointer          user_data)
{
  /* What the user typed was stored when the focus left the window. */
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->doc != NULL &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    lb_document_window_load (self);
}

static void
on_date_notify (LbDateButton *button,
                GParamSpec   *pspec,
                gpointer      user_data)
{
  update_date_label (button);
}

static void
on_entry_activated (LbDocumentWindow *self,
                    GtkWidget        *entry)
{
  apply_entry (self, entry);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                LbDocumentWindow        *self)
{
  apply_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
apply_pending_fields (gpointer data)
{
  LbDocumentWindow *self = data;
  guint pending = self->pending_fields;

  self->apply_source = 0;
  self->pending_fields = 0;
  for (Field field = 0; field < N_FIELDS; field++)
    if (pending & (1u << field))
      apply_field (self, field);

  return G_SOURCE_REMOVE;
}

/* A choice in a list or a date is stored once the list has finished
 * choosing: storing it reads the document again, which fills the
 * lists anew. */
static void
on_field_selected (LbDocumentWindow *self,
                   GParamSpec       *pspec,
                   GtkWidget        *widget)
{
  if (self->updating)
    return;

  for (Field field = 0; field < N_FIELDS; field++)
    if (self->field_rows[field] == widget ||
        (field == FIELD_DATE && widget == GTK_WIDGET (self->date_button)) ||
        (field == FIELD_DUE_DATE && widget == GTK_WIDGET (self->due_date_button)))
      self->pending_fields |= 1u << field;

  if (self->apply_source == 0)
    self->apply_source = g_idle_add (apply_pending_fields, self);
}

static void
on_line_kind_selected (LbDocumentWindow *self,
                       GParamSpec       *pspec,
                       AdwComboRow      *combo)
{
  LineRow *row = g_object_get_data (G_OBJECT (combo), "lb-line-row");
  LineField field = combo == row->discount_kind_row ? LINE_DISCOUNT : LINE_TAX;
  LbLine *stored = find_line (self, row->line_id);
  gboolean was_amount;
  LbTaxRateChoice choice;
  gint64 rate = 0;

  if (self->updating)
    return;

  if (field == LINE_DISCOUNT)
    {
      /* A value typed for one kind means something else for the other. */
      gtk_editable_set_text (GTK_EDITABLE (row->entries[field]), "");
      update_line_value_rows (row);
      apply_line_field (self, row, field);
      return;
    }

  choice = lb_tax_rate_picker_get_choice (row->tax_picker, &rate);
  was_amount = stored != NULL && lb_record_get_int (LB_RECORD (stored), LB_LINE_TAX_KIND) == LB_TAX_AMOUNT;
  if (choice == LB_TAX_RATE_CHOICE_NAMED)
    {
      /* The rate row, hidden now, holds it, for "Other Rate" to start from. */
      g_autofree char *text = lb_number_localize (lb_percent_format (rate));

      gtk_editable_set_text (GTK_EDITABLE (row->entries[field]), text);
    }
  else if ((choice == LB_TAX_RATE_CHOICE_EXTRA) != was_amount)
    /* An amount typed means something else as a rate, and the other way. */
    gtk_editable_set_text (GTK_EDITABLE (row->entries[field]), "");

  update_line_value_rows (row);
  apply_line_field (self, row, field);
}

static void
on_discount_kind_selected (LbDocumentWindow *self,
                           GParamSpec       *pspec,
                           AdwComboRow      *combo)
{
  guint kind = adw_combo_row_get_selected (combo);

  if (self->updating)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->discount_value_row), "");
  gtk_widget_set_visible (self->discount_value_row, kind != LB_DISCOUNT_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discount_value_row),
                                 kind == LB_DISCOUNT_PERCENT ? _("Discount (%)") : _("Discount Amount"));
  apply_discount (self);
}

static void
on_add_entry_activated (LbDocumentWindow *self,
                        GtkWidget        *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "doc.add-line", NULL);
}

static void
product_popover_show_cb (LbDocumentWindow *self,
                         GtkPopover       *popover)
{
  gtk_editable_set_text (GTK_EDITABLE (self->product_search), "");
  fill_products (self);
  gtk_widget_grab_focus (self->product_search);
}

static void
product_search_changed_cb (LbDocumentWindow *self,
                           GtkSearchEntry   *entry)
{
  fill_products (self);
}

static void
product_activated_cb (LbDocumentWindow *self,
                      GtkListBoxRow    *row,
                      GtkListBox       *list)
{
  set_add_product (self, g_object_get_data (G_OBJECT (row), "lb-product"));
  gtk_popover_popdown (self->product_popover);
  gtk_widget_grab_focus (self->add_quantity_row);
}

static void
product_search_activate_cb (LbDocumentWindow *self,
                            GtkSearchEntry   *entry)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->product_list, 0);

  if (first != NULL)
    product_activated_cb (self, first, self->product_list);
}

static void
product_clear_cb (LbDocumentWindow *self,
                  GtkButton        *button)
{
  set_add_product (self, NULL);
  set_entry_text (self->add_description_row, NULL);
  set_entry_text (self->add_price_row, NULL);
  reset_add_tax (self);
}

/* A named rate chosen for the new line: the rate row, hidden now,
 * holds it, for "Other Rate" to start from. */
static void
on_add_tax_selected (LbDocumentWindow *self,
                     GParamSpec       *pspec,
                     LbTaxRatePicker  *picker)
{
  gint64 rate = 0;

  if (self->updating)
    return;

  if (lb_tax_rate_picker_get_choice (picker, &rate) == LB_TAX_RATE_CHOICE_NAMED)
    {
      g_autofree char *text = lb_number_localize (lb_percent_format (rate));

      set_entry_text (self->add_tax_row, text);
    }
  message_clear (&self->add_messages[LINE_TAX]);
}

static void
on_confirm_response (LbDocumentWindow *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  const char *what = g_object_get_data (G_OBJECT (dialog), "lb-what");
  const gint64 *arg = g_object_get_data (G_OBJECT (dialog), "lb-arg");

  if (g_strcmp0 (response, "confirm") != 0)
    return;

  /* The dialog has closed itself, but points at this window until its
   * last reference goes, after this handler. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  run_action (self, what, *arg);
}

static void
on_discard_response (LbDocumentWindow *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_lead_saved (LbDocumentWindow *self,
               gint64            id,
               GtkWindow        *window)
{
  lb_document_window_load (self);
}

static void
on_pay_record (LbDocumentWindow *self)
{
  PayDialog *pay;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  gint64 amount;
  guint method;

  if (self->pay_dialog == NULL)
    return;
  pay = g_object_get_data (G_OBJECT (self->pay_dialog), "lb-pay");

  if (!parse_amount (self, pay->amount_row, &amount, &error))
    {
      message_show (&pay->message, error->message);
      return;
    }
  method = adw_combo_row_get_selected (pay->method_row);
  reference = lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (pay->reference_row)));

  if (lb_invoice_pay (self->store, self->id, amount, lb_date_button_get_date (pay->date_button),
                      method, reference, &error) == 0)
    {
      message_show (&pay->message, error->message);
      return;
    }

  gtk_window_destroy (self->pay_dialog);
  document_changed (self);
}

/* actions */

static void
lb_document_window_update_actions (LbDocumentWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean invoice = is_invoice (self);
  gboolean editable = is_editable (self);
  gboolean can_send = invoice && doc_can (self, "send");
  gboolean can_pay = invoice && doc_can (self, "pay");
  gboolean can_confirm = !invoice && doc_can (self, "confirm");
  gboolean can_fulfil = !invoice && doc_can (self, "fulfil");
  gboolean can_invoice = !invoice && doc_can (self, "create-invoice");
  const char *primary_action = NULL;
  const char *primary_label = NULL;

  gtk_widget_action_set_enabled (widget, "doc.send", can_send);
  gtk_widget_action_set_enabled (widget, "doc.pay", can_pay);
  gtk_widget_action_set_enabled (widget, "doc.void", invoice && doc_can (self, "void"));
  gtk_widget_action_set_enabled (widget, "doc.use-current-pricing", doc_can (self, "use-current-pricing"));
  gtk_widget_action_set_enabled (widget, "doc.lock-pricing", doc_can (self, "lock-pricing"));
  gtk_widget_action_set_enabled (widget, "doc.remove-payment", invoice && doc_can (self, "remove-payment"));
  gtk_widget_action_set_enabled (widget, "doc.cancel", doc_can (self, "cancel"));
  gtk_widget_action_set_enabled (widget, "doc.delete", doc_can (self, "delete"));
  gtk_widget_action_set_enabled (widget, "doc.confirm", can_confirm);
  gtk_widget_action_set_enabled (widget, "doc.fulfil", can_fulfil);
  gtk_widget_action_set_enabled (widget, "doc.create-invoice", can_invoice);
  gtk_widget_action_set_enabled (widget, "doc.add-line", editable);
  gtk_widget_action_set_enabled (widget, "doc.remove-line", editable);
  gtk_widget_action_set_enabled (widget, "doc.open-lead", doc_int (self, LB_DOC_LEAD_ID) != 0);
  gtk_widget_action_set_enabled (widget, "doc.open-order", doc_int (self, LB_DOC_ORDER_ID) != 0);
  gtk_widget_action_set_enabled (widget, "doc.open-deal", doc_int (self, LB_DOC_DEAL_ID) != 0);
  /* any document that could be read, whatever its status */
  gtk_widget_action_set_enabled (widget, "doc.print", self->doc != NULL);
  gtk_widget_action_set_enabled (widget, "doc.export-pdf", self->doc != NULL);
  gtk_widget_action_set_enabled (widget, "doc.email", self->doc != NULL);

  /* The next step, at hand in the header bar. */
  if (can_send)
    primary_action = "doc.send", primary_label = _("_Send");
  else if (can_pay)
    primary_action = "doc.pay", primary_label = _("Record _Payment…");
  else if (can_confirm)
    primary_action = "doc.confirm", primary_label = _("_Confirm");
  else if (can_fulfil)
    primary_action = "doc.fulfil", primary_label = _("_Fulfil");
  else if (can_invoice)
    primary_action = "doc.create-invoice", primary_label = _("Create _Invoice");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), primary_action);
  if (primary_label != NULL)
    gtk_button_set_label (self->primary_button, primary_label);
  gtk_widget_set_visible (GTK_WIDGET (self->primary_button), primary_action != NULL);
}

/* Asks before an action that cannot be undone; runs @what on "confirm". */
static void
confirm (LbDocumentWindow *self,
         const char       *what,
         gint64            arg,
         const char       *heading,
         const char       *body,
         const char       *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "confirm", label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "lb-what", g_strdup (what), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "lb-arg", g_memdup2 (&arg, sizeof arg), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  const char *what = action_name + strlen ("doc.");

  gtk_popover_popdown (self->actions_popover);

  if (g_str_equal (what, "cancel") && is_invoice (self))
    confirm (self, what, 0, _("Cancel This Invoice?"),
             _("A cancelled invoice is kept but can no longer be changed or sent."),
             _("Cancel _Invoice"));
  else if (g_str_equal (what, "cancel"))
    confirm (self, what, 0, _("Cancel This Order?"),
             _("A cancelled order is kept but can no longer be confirmed or invoiced."),
             _("Cancel _Order"));
  else if (g_str_equal (what, "void"))
    confirm (self, what, 0, _("Void This Invoice?"),
             _("A void invoice keeps its number but is no longer owed."), _("_Void"));
  else if (g_str_equal (what, "delete"))
    confirm (self, what, 0, _("Delete This Draft?"),
             _("The draft and its lines are removed for good."), _("_Delete"));
  else
    run_action (self, what, 0);
}

static void
remove_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  gint64 payment_id = g_variant_get_int64 (param);
  g_autofree char *body = NULL;
  g_autofree char *amount = NULL;

  for (guint i = 0; self->payments != NULL && i < self->payments->len; i++)
    {
      LbRecord *payment = g_ptr_array_index (self->payments, i);

      if (lb_payment_get_id (LB_PAYMENT (payment)) != payment_id)
        continue;
      amount = format_amount (self, lb_record_get_int (payment, LB_PAYMENT_AMOUNT));
      /* Translators: the amount and date of a payment about to be removed */
      body = g_strdup_printf (_("The payment of %s made on %s is removed, and the invoice’s "
                                "status is worked out again."),
                              amount, lb_record_get_text (payment, LB_PAYMENT_PAID_ON));
    }

  confirm (self, "remove-payment", payment_id, _("Remove This Payment?"), body, _("_Remove"));
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  const char *methods[] = {
    lb_payment_method_to_label (LB_PAYMENT_METHOD_CASH),
    lb_payment_method_to_label (LB_PAYMENT_METHOD_BANK_TRANSFER),
    lb_payment_method_to_label (LB_PAYMENT_METHOD_CARD),
    lb_payment_method_to_label (LB_PAYMENT_METHOD_OTHER),
    NULL,
  };
  g_autoptr(GtkStringList) method_model = gtk_string_list_new (methods);
  g_autofree char *today = lb_store_today (self->store);
  g_autofree char *balance = edit_amount (self, self->totals.balance);
  /* Translators: the amount row of a payment, with the currency code */
  g_autofree char *amount_title = g_strdup_printf (_("Amount (%s)"), doc_currency (self));
  PayDialog *pay = g_new0 (PayDialog, 1);
  GtkEventController *shortcuts;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *button;
  GtkWidget *list;
  GtkWidget *row;

  gtk_popover_popdown (self->actions_popover);

  if (self->pay_dialog != NULL)
    {
      g_free (pay);
      gtk_window_present (self->pay_dialog);
      return;
    }

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Record Payment"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, -1);
  gtk_widget_set_size_request (dialog, 320, -1);
  g_object_set_data_full (G_OBJECT (dialog), "lb-pay", pay, g_free);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, shortcuts);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_set_name (button, "payment-record");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_pay_record), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 24);
  gtk_widget_set_margin_bottom (list, 24);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);

  pay->amount_row = adw_entry_row_new ();
  gtk_widget_set_name (pay->amount_row, "payment-amount");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pay->amount_row), amount_title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (pay->amount_row), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (pay->amount_row), balance);
  g_signal_connect_object (pay->amount_row, "entry-activated", G_CALLBACK (on_pay_record),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), pay->amount_row);
  message_init (&pay->message, pay->amount_row, TRUE);

  pay->date_button = g_object_new (LB_TYPE_DATE_BUTTON, "valign", GTK_ALIGN_CENTER, NULL);
  g_signal_connect (pay->date_button, "notify::date", G_CALLBACK (on_date_notify), NULL);
  lb_date_button_set_date (pay->date_button, today);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (pay->date_button));
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  pay->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (pay->method_row), "payment-method");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pay->method_row), _("Method"));
  adw_combo_row_set_model (pay->method_row, G_LIST_MODEL (method_model));
  adw_combo_row_set_selected (pay->method_row, LB_PAYMENT_METHOD_BANK_TRANSFER);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pay->method_row));

  pay->reference_row = adw_entry_row_new ();
  gtk_widget_set_name (pay->reference_row, "payment-reference");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pay->reference_row), _("Reference"));
  g_signal_connect_object (pay->reference_row, "entry-activated", G_CALLBACK (on_pay_record),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), pay->reference_row);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), list);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  self->pay_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->pay_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (pay->amount_row);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description =
    lb_normalize_text (gtk_editable_get_text (GTK_EDITABLE (self->add_description_row)));
  g_autofree char *quantity_text = typed_number (self->add_quantity_row);
  g_autofree char *tax_text = typed_number (self->add_tax_row);
  LbRecord *r = LB_RECORD (line);
  gint64 quantity = 0;
  gint64 price = -1;     /* from the product */
  gint64 tax = -1;
  gboolean ok = TRUE;

  for (guint i = 0; i < N_LINE_FIELDS; i++)
    if (self->add_rows[i] != NULL)
      message_clear (&self->add_messages[i]);
  message_clear (&self->add_message);

  if (!lb_quantity_parse (quantity_text, &quantity, &error))
    {
      message_show (&self->add_messages[LINE_QUANTITY], error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  if (!entry_is_empty (self->add_price_row) && !parse_amount (self, self->add_price_row, &price, &error))
    {
      message_show (&self->add_messages[LINE_PRICE], error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  if (lb_tax_rate_picker_get_choice (self->add_tax_picker, &tax) != LB_TAX_RATE_CHOICE_NAMED &&
      *tax_text != '\0' && !lb_percent_parse (tax_text, &tax, &error))
    {
      message_show (&self->add_messages[LINE_TAX], error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  if (!ok)
    return;

  lb_record_set_text (r, LB_LINE_DESCRIPTION, description);
  if (self->add_product != NULL)
    lb_record_set_int (r, LB_LINE_PRODUCT_ID, lb_product_get_id (self->add_product));
  lb_record_set_int (r, LB_LINE_QUANTITY, quantity);
  lb_record_set_int (r, LB_LINE_UNIT_PRICE, price);
  lb_record_set_int (r, LB_LINE_TAX_KIND, LB_TAX_RATE);
  lb_record_set_int (r, LB_LINE_TAX, tax);

  if (lb_document_add_line (self->store, self->kind, self->id, line, &error) == 0)
    {
      message_show (&self->add_message, error->message);
      return;
    }

  reset_add_form (self);
  document_changed (self);
  gtk_widget_grab_focus (self->add_description_row);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_document_remove_line (self->store, self->kind, self->id, g_variant_get_int64 (param), &error))
    {
      show_toast (self, error->message);
      return;
    }
  document_changed (self);
}

static void
open_lead_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  gint64 lead_id = doc_int (self, LB_DOC_LEAD_ID);
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *window = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    if (LB_IS_LEAD_WINDOW (l->data) && lb_lead_window_get_lead_id (LB_LEAD_WINDOW (l->data)) == lead_id)
      window = l->data;
  g_list_free (toplevels);

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* The main window opens lead windows and listens to them. */
  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-lead", "x", lead_id))
    return;

  window = GTK_WINDOW (lb_lead_window_new (window_parent (self), self->store, lead_id));
  g_signal_connect_object (window, "saved", G_CALLBACK (on_lead_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (window);
}

static void
open_order_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);

  open_document (self, LB_DOC_ORDER, doc_int (self, LB_DOC_ORDER_ID));
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  GtkWindow *window;

  window = GTK_WINDOW (lb_deal_window_new (window_parent (self), self->store,
                                           doc_int (self, LB_DOC_DEAL_ID)));
  gtk_window_present (window);
}

static void
on_print_done (LbDocumentWindow        *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* the next print starts from the choices of this one */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_toast (self, error->message);
    }

  if (operation == self->print_operation)
    g_clear_object (&self->print_operation);
}

/* The print dialog, with GTK's preview and the page setup. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_popover_popdown (self->actions_popover);
  if (self->print_operation != NULL)
    return;   /* its dialog is open */

  operation = lb_document_print_operation_new (self->store, self->kind, self->id, &error);
  if (operation == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, G_CONNECT_SWAPPED);

  self->print_operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* unless "done" told already */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation == operation)
    {
      show_toast (self, error != NULL ? error->message : _("The document could not be printed."));
      g_clear_object (&self->print_operation);
    }
}

static void
on_export_response (LbDocumentWindow     *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chooser == self->export_chooser)
    g_clear_object (&self->export_chooser);

  if (file != NULL)
    lb_document_window_export_to (self, file);
}

/* Asks where to save the PDF, offering the document's file name. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(LbDocumentRender) render = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  gtk_popover_popdown (self->actions_popover);
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
      return;
    }

  render = lb_document_render_new (self->store, self->kind, self->id, &error);
  if (render == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  name = lb_document_render_dup_file_name (render);

  self->export_chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (chooser, filter);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  gtk_file_chooser_set_current_name (chooser, name);

  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (on_export_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
on_email_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GWeakRef *window_ref = data;
  g_autoptr(LbDocumentWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  if (lb_document_send_email_finish (result, &path, &error))
    return;
  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* the message names the PDF; its folder is a click away */
  if (path != NULL)
    {
      g_autofree char *folder_path = g_path_get_dirname (path);
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      g_autofree char *uri = g_file_get_uri (folder);

      show_toast_with_uri (self, error->message, _("Open _Folder"), uri);
    }
  else
    show_toast (self, error->message);
}

/* A new message in the mail client, with the PDF attached. */
static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (widget);
  GWeakRef *window_ref = g_new0 (GWeakRef, 1);

  gtk_popover_popdown (self->actions_popover);

  g_weak_ref_init (window_ref, self);
  lb_document_send_email_async (self->store, self->kind, self->id, GTK_WINDOW (self), NULL,
                                on_email_sent, window_ref);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (self), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    show_toast (self, error->message);
}

/* Opens a PDF exported, or the folder of one, in the user's application. */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_show_uri_full (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME,
                     NULL, on_uri_shown, NULL);
}

/* Asks before changes the core refused, or a line not added, are lost. */
static void
ask_discard (LbDocumentWindow *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (self->discard_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("Some changes are not stored: a change that was refused, "
                                     "or a line you have not added yet."));
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

/* Reads the document, its lines, totals and payments, and shows them. */
static void
lb_document_window_load (LbDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GListModel) rates = NULL;
  LbDocTotals totals = { 0, };
  LbRecord *doc;

  doc = lb_document_load (self->store, self->kind, self->id, &lines, &totals, &error);
  if (doc == NULL)
    {
      lb_doc_totals_clear (&totals);
      show_toast (self, error->message);
      /* What was read before stays shown; without it, nothing is. */
      if (self->doc == NULL)
        refresh (self);
      else
        lb_document_window_update_actions (self);
      return;
    }

  if (self->kind == LB_DOC_INVOICE)
    {
      payments = lb_store_get_payments (self->store, self->id, &error);
      if (payments == NULL)
        show_toast (self, error->message);
    }

  g_clear_object (&self->doc);
  self->doc = doc;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  self->lines = g_steal_pointer (&lines);
  lb_doc_totals_clear (&self->totals);
  self->totals = totals;
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  self->payments = g_steal_pointer (&payments);

  /* the named tax rates the lines offer; what was read before stays
   * when they cannot be read */
  g_clear_error (&error);
  rates = lb_store_list_refs (self->store, LB_REF_TAX_RATE, &error);
  if (rates != NULL)
    g_set_object (&self->tax_rates, rates);
  else
    show_toast (self, error->message);

  refresh (self);
}

/* GObject overrides */

static gboolean
lb_document_window_close_request (GtkWindow *window)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (window);

  if (!self->discard)
    {
      /* What the user typed or chose last counts, as when they leave the row. */
      apply_focused_entry (self);
      if (self->apply_source != 0)
        {
          g_clear_handle_id (&self->apply_source, g_source_remove);
          apply_pending_fields (self);
        }
      if (has_unsaved (self))
        {
          ask_discard (self);
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (lb_document_window_parent_class)->close_request (window);
}

static void
lb_document_window_constructed (GObject *object)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (object);
  gboolean invoice = is_invoice (self);

  G_OBJECT_CLASS (lb_document_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));

  /* what only one kind has */
  gtk_widget_set_visible (self->send_button, invoice);
  gtk_widget_set_visible (self->pay_button, invoice);
  gtk_widget_set_visible (self->void_button, invoice);
  gtk_widget_set_visible (self->confirm_button, !invoice);
  gtk_widget_set_visible (self->fulfil_button, !invoice);
  gtk_widget_set_visible (self->create_invoice_button, !invoice);
  gtk_label_set_text (self->cancel_label, invoice ? _("Cancel Invoice…") : _("Cancel Order…"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 invoice ? _("Invoice Date") : _("Order Date"));

  lb_document_window_load (self);
  reset_add_tax (self);
}

static void
lb_document_window_dispose (GObject *object)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (object);
  GtkWindow **dialogs[] = { &self->pay_dialog, &self->discard_dialog };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    if (*dialogs[i] != NULL)
      {
        g_object_remove_weak_pointer (G_OBJECT (*dialogs[i]), (gpointer *)dialogs[i]);
        gtk_window_destroy (g_steal_pointer (dialogs[i]));
      }

  if (self->export_chooser != NULL)
    {
      g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->export_chooser);

      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
    }
  if (self->print_operation != NULL)
    {
      g_autoptr(GtkPrintOperation) operation = g_steal_pointer (&self->print_operation);
      GList *toplevels = gtk_window_list_toplevels ();

      /* its print dialog goes with the window, as if cancelled */
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (GTK_IS_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
          gtk_dialog_response (l->data, GTK_RESPONSE_CANCEL);
      g_list_free (toplevels);
      gtk_print_operation_cancel (operation);
    }

  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_clear_weak_pointer (&self->error_toast);
  self->updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_DOCUMENT_WINDOW);

  G_OBJECT_CLASS (lb_document_window_parent_class)->dispose (object);
}

static void
lb_document_window_finalize (GObject *object)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  lb_doc_totals_clear (&self->totals);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  g_clear_object (&self->tax_rates);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tax_rows, g_ptr_array_unref);
  g_clear_pointer (&self->payment_rows, g_ptr_array_unref);
  g_clear_object (&self->add_product);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_document_window_parent_class)->finalize (object);
}

static void
lb_document_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_document_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbDocumentWindow *self = LB_DOCUMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_DOCUMENT_ID:
      self->id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_document_window_class_init (LbDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const status_actions[] = {
    "doc.send", "doc.cancel", "doc.void", "doc.use-current-pricing", "doc.lock-pricing",
    "doc.delete", "doc.confirm", "doc.fulfil", "doc.create-invoice",
  };

  object_class->constructed = lb_document_window_constructed;
  object_class->dispose = lb_document_window_dispose;
  object_class->finalize = lb_document_window_finalize;
  object_class->get_property = lb_document_window_get_property;
  object_class->set_property = lb_document_window_set_property;
  window_class->close_request = lb_document_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* an LbDocKind */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, LB_DOC_ORDER, LB_DOC_INVOICE, LB_DOC_INVOICE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbDocumentWindow::changed:
   * @id: the document that changed: this window's, or one opened from it
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LbDocumentWindow::deleted:
   * @id: the Draft that was deleted
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LB_TYPE_DATE_BUTTON);
  g_type_ensure (LB_TYPE_TAX_RATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/documents/lb-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, actions_popover);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, email_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, send_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, pay_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, fulfil_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, create_invoice_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, pricing_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, lock_pricing_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, cancel_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, void_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, summary_caption);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, body);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, number_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, type_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, due_date_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, due_date_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, delivery_address_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, terms_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, lines_group);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, no_lines_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_group);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_product_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, product_clear_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, product_popover);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, product_search);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, product_list);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, product_empty_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_description_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_quantity_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_price_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_tax_picker);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_tax_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, discount_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, discount_value_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, subtotal_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, discount_total_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, discount_total_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, paid_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, paid_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, balance_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, payments_group);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, no_payments_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, links_group);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, lead_link_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, order_link_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, deal_link_row);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentWindow, footer_label);
  gtk_widget_class_bind_template_callback (widget_class, product_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_clear_cb);

  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    gtk_widget_class_install_action (widget_class, status_actions[i], NULL, status_action);
  gtk_widget_class_install_action (widget_class, "doc.pay", NULL, pay_action);
  gtk_widget_class_install_action (widget_class, "doc.remove-payment", "x", remove_payment_action);
  gtk_widget_class_install_action (widget_class, "doc.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "doc.remove-line", "x", remove_line_action);
  gtk_widget_class_install_action (widget_class, "doc.open-lead", NULL, open_lead_action);
  gtk_widget_class_install_action (widget_class, "doc.open-order", NULL, open_order_action);
  gtk_widget_class_install_action (widget_class, "doc.open-deal", NULL, open_deal_action);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "doc.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "doc.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "doc.open-uri", "s", open_uri_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "doc.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "doc.export-pdf", NULL);
}

static void
lb_document_window_init (LbDocumentWindow *self)
{
  GtkWidget *number_text;

  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->line_rows = g_ptr_array_new ();
  self->tax_rows = g_ptr_array_new ();
  self->payment_rows = g_ptr_array_new ();
  self->kind = LB_DOC_INVOICE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows[FIELD_NUMBER] = self->number_row;
  self->field_rows[FIELD_TYPE] = GTK_WIDGET (self->type_row);
  self->field_rows[FIELD_DATE] = self->date_row;
  self->field_rows[FIELD_DUE_DATE] = self->due_date_row;
  self->field_rows[FIELD_ACCOUNT] = GTK_WIDGET (self->account_row);
  self->field_rows[FIELD_CONTACT] = GTK_WIDGET (self->contact_row);
  self->field_rows[FIELD_CURRENCY] = self->currency_row;
  self->field_rows[FIELD_DELIVERY_ADDRESS] = self->delivery_address_row;
  self->field_rows[FIELD_NOTES] = self->notes_row;
  self->field_rows[FIELD_TERMS] = self->terms_row;

  for (Field field = 0; field < N_FIELDS; field++)
    message_init (&self->messages[field], self->field_rows[field], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = self->field_rows[text_fields[i].field];

      g_object_set_data (G_OBJECT (row), "lb-field", GINT_TO_POINTER (text_fields[i].field + 1));
      connect_entry (self, row);
    }
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (on_field_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_row, "notify::selected", G_CALLBACK (on_field_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_row, "notify::selected", G_CALLBACK (on_field_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_button, "notify::date", G_CALLBACK (on_field_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_date_button, "notify::date", G_CALLBACK (on_field_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self->date_button, "notify::date", G_CALLBACK (on_date_notify), NULL);
  g_signal_connect (self->due_date_button, "notify::date", G_CALLBACK (on_date_notify), NULL);

  /* An empty number on a Draft invoice is given when it is sent. */
  number_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->number_row)));
  if (GTK_IS_TEXT (number_text))
    gtk_text_set_placeholder_text (GTK_TEXT (number_text), _("Given when the invoice is sent"));

  /* the document discount */
  message_init (&self->discount_message, self->discount_value_row, TRUE);
  connect_entry (self, self->discount_value_row);
  g_signal_connect_object (self->discount_kind_row, "notify::selected",
                           G_CALLBACK (on_discount_kind_selected), self, G_CONNECT_SWAPPED);

  /* the new line: Enter in any of its rows adds it */
  self->add_rows[LINE_DESCRIPTION] = self->add_description_row;
  self->add_rows[LINE_QUANTITY] = self->add_quantity_row;
  self->add_rows[LINE_PRICE] = self->add_price_row;
  self->add_rows[LINE_TAX] = self->add_tax_row;
  for (guint i = 0; i < N_LINE_FIELDS; i++)
    if (self->add_rows[i] != NULL)
      {
        message_init (&self->add_messages[i], self->add_rows[i], TRUE);
        g_signal_connect_object (self->add_rows[i], "entry-activated",
                                 G_CALLBACK (on_add_entry_activated), self, G_CONNECT_SWAPPED);
      }
  message_init (&self->add_message, gtk_widget_get_parent (self->add_line_button), FALSE);
  g_signal_connect_object (self->add_tax_picker, "notify::selected", G_CALLBACK (on_add_tax_selected),
                           self, G_CONNECT_SWAPPED);
  set_add_product (self, NULL);

  /* Back in this window, show what changed elsewhere meanwhile (a new
   * catalog price on a Draft with current pricing, the overdue sweep). */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_notify), NULL);
}

/* public API */

/**
 * lb_document_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @kind: an order or an invoice
 * @document_id: the document to show
 *
 * Returns: (transfer none): a new document window; like every toplevel
 *   it lives until it is closed
 */
LbDocumentWindow *
lb_document_window_new (GtkWindow *parent,
                        LbStore   *store,
                        LbDocKind  kind,
                        gint64     document_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == LB_DOC_ORDER || kind == LB_DOC_INVOICE, NULL);
  g_return_val_if_fail (document_id > 0, NULL);

  return g_object_new (LB_TYPE_DOCUMENT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "kind", kind,
                       "document-id", document_id,
                       NULL);
}

LbDocKind
lb_document_window_get_kind (LbDocumentWindow *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENT_WINDOW (self), LB_DOC_INVOICE);

  return self->kind;
}

gint64
lb_document_window_get_document_id (LbDocumentWindow *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENT_WINDOW (self), 0);

  return self->id;
}

/**
 * lb_document_window_export_to:
 * @file: where to write the PDF
 *
 * What Export PDF does once the user chose @file: writes the document
 * there and says so in a toast with an Open button, or shows why it
 * could not (then nothing is written).
 *
 * Returns: whether the PDF was written
 */
gboolean
lb_document_window_export_to (LbDocumentWindow *self,
                              GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (LB_IS_DOCUMENT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("A PDF can only be saved in a folder of this computer."));
      return FALSE;
    }
  if (!lb_document_export_pdf (self->store, self->kind, self->id, path, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: a toast after a PDF was written, e.g. "Saved INV-2026-0001.pdf" */
  message = g_strdup_printf (_("Saved %s"), name);
  show_toast_with_uri (self, message, _("_Open"), uri);
  return TRUE;
}

/**
 * lb_document_window_reload:
 *
 * Shows the document as the store holds it now, after a change made
 * elsewhere (the overdue sweep, another window, a new catalog price on
 * a Draft with current pricing).  The window does so by itself too
 * each time it becomes the active window again.
 */
void
lb_document_window_reload (LbDocumentWindow *self)
{
  g_return_if_fail (LB_IS_DOCUMENT_WINDOW (self));

  lb_document_window_load (self);
}
