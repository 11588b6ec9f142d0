#define G_LOG_DOMAIN "lb-lead-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lb-account-window.h"
#include "lb-contact-window.h"
#include "lb-convert-window.h"
#include "lb-deal-window.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-lead-actions.h"
#include "lb-lead-window.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-store-crm.h"
#include "lb-validate.h"

/* The editor of one lead (SPEC 3.1): a form bound to a working copy of
 * the lead.  The rules live in the actions; the form shows the message
 * of a refused create or save on the row whose field it names.  An
 * existing lead also offers Convert (SPEC 3.2), links to what its
 * conversion created, and its orders and invoices (SPEC 3.3). */

#define N_ERROR_CODES (LB_LEAD_ERROR_CONVERTED + 1)

/* A message shown in the form: the rows it is about (they get the
 * "error" style class) and a row right below them holding the text. */
typedef struct
{
  GtkWidget *rows[2];
  GtkWidget *message_row;
  GtkLabel  *label;
} FieldError;

struct _LbLeadWindow
{
  AdwWindow         parent_instance;

  LbStore          *store;
  gint64            lead_id;
  LbLead           *lead;              /* the working copy the form edits */
  gboolean          loaded;
  gboolean          modified;
  gboolean          discard;           /* close without asking */
  GtkWindow        *discard_dialog;
  gboolean          has_empty_choice[LB_LEAD_N_TEXT_FIELDS];
  FieldError        errors[N_ERROR_CODES];

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkButton        *save_button;
  GtkWidget        *menu_button;
  GtkWidget        *rows[LB_LEAD_N_TEXT_FIELDS];  /* entry or combo row per field */
  AdwComboRow      *status_row;
  GtkWidget        *converted_row;
  AdwComboRow      *rating_row;
  AdwEntryRow      *tags_row;
  GtkMenuButton    *tags_button;
  AdwActionRow     *account_row;
  AdwExpanderRow   *new_company_row;
  GtkTextView      *description_view;
  GtkLabel         *footer_label;
  GtkWidget        *convert_squeezer;
  GtkWidget        *convert_button;
  GtkWidget        *conversion_group;
  AdwActionRow     *converted_contact_row;
  AdwActionRow     *converted_account_row;
  AdwActionRow     *converted_deal_row;
  AdwPreferencesGroup *orders_group;
  AdwPreferencesGroup *invoices_group;
  GtkWidget        *create_order_button;
  GtkWidget        *create_invoice_button;
  GtkWidget        *no_orders_row;
  GtkWidget        *no_invoices_row;

  GPtrArray        *document_rows;     /* the rows of both blocks */
  gboolean          offer_order;       /* the order-type setting is set */
  gboolean          offer_invoice;     /* the invoice-type setting is set */
};

G_DEFINE_FINAL_TYPE (LbLeadWindow, lb_lead_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LEAD_ID,
  N_PROPS
};

enum {
  SAVED,
  TRASHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The reference lists behind the combo rows.  A required field shows an
 * empty first choice only while it has no value. */
static const struct {
  LbLeadText  field;
  LbRefKind   kind;
  gboolean    optional;
} ref_fields[] = {
  { LB_LEAD_SOURCE, LB_REF_SOURCE, FALSE },
  { LB_LEAD_CATEGORY, LB_REF_CATEGORY, FALSE },
  { LB_LEAD_CAMPAIGN, LB_REF_CAMPAIGN, TRUE },
  { LB_LEAD_SELLING_DIRECTION, LB_REF_SELLING_DIRECTION, TRUE },
  { LB_LEAD_DISTRIBUTION_CHANNEL, LB_REF_DISTRIBUTION_CHANNEL, TRUE },
};

/* The fields checked as soon as the user leaves their row. */
static const struct {
  LbLeadText  field;
  LbLeadError code;
} live_fields[] = {
  { LB_LEAD_EMAIL, LB_LEAD_ERROR_EMAIL },
  { LB_LEAD_PHONE, LB_LEAD_ERROR_PHONE },
  { LB_LEAD_COMPANY_WEBSITE, LB_LEAD_ERROR_WEBSITE },
  { LB_LEAD_COMPANY_TIN, LB_LEAD_ERROR_TIN },
};

/* The choices of the status and rating rows, in the order shown. */
static const LbLeadStatus status_choices[] = {
  LB_LEAD_STATUS_NEW, LB_LEAD_STATUS_CONTACTED, LB_LEAD_STATUS_LOST,
};
static const LbRating rating_choices[] = {
  LB_RATING_HOT, LB_RATING_WARM, LB_RATING_COLD,
};

static void lb_lead_window_update_actions (LbLeadWindow *self);

/* helpers */

/* Every text field but the description and the account name has a row
 * in the template named after its property: "first-name" → first_name_row. */
static gboolean
field_has_row (LbLeadText field)
{
  return field != LB_LEAD_DESCRIPTION && field != LB_LEAD_ACCOUNT_NAME;
}

static void
show_toast (LbLeadWindow *self,
            const char   *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);   /* a toast's title is markup */

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Which message a change of the lead's property @name makes stale. */
static int
error_for_property (const char *name)
{
  static const struct {
    const char  *property;
    LbLeadError  code;
  } map[] = {
    { "first-name", LB_LEAD_ERROR_NAME },
    { "last-name", LB_LEAD_ERROR_NAME },
    { "email", LB_LEAD_ERROR_EMAIL },
    { "phone", LB_LEAD_ERROR_PHONE },
    { "source", LB_LEAD_ERROR_SOURCE },
    { "category", LB_LEAD_ERROR_CATEGORY },
    { "status", LB_LEAD_ERROR_STATUS },
    { "new-company", LB_LEAD_ERROR_COMPANY_NAME },
    { "company-name", LB_LEAD_ERROR_COMPANY_NAME },
    { "company-website", LB_LEAD_ERROR_WEBSITE },
    { "company-tin", LB_LEAD_ERROR_TIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].property, name) == 0)
      return map[i].code;

  return -1;
}

static void
clear_error (LbLeadWindow *self,
             LbLeadError   code)
{
  FieldError *e = &self->errors[code];

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
clear_all_errors (LbLeadWindow *self)
{
  for (guint code = 0; code < N_ERROR_CODES; code++)
    clear_error (self, code);
}

/* Shows @message below the rows of @code; with @focus, moves the focus
 * to the first row the user has to fix. */
static void
show_field_error (LbLeadWindow *self,
                  LbLeadError   code,
                  const char   *message,
                  gboolean      focus)
{
  FieldError *e = code < N_ERROR_CODES ? &self->errors[code] : NULL;
  GtkWidget *focus_row = NULL;

  if (e == NULL || e->message_row == NULL)
    {
      show_toast (self, message);
      return;
    }

  gtk_label_set_text (e->label, message);
  gtk_widget_set_visible (e->message_row, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (e->rows) && e->rows[i] != NULL; i++)
    {
      GtkWidget *row = e->rows[i];

      /* Of a pair of rows (first and last name), mark the empty ones. */
      if (e->rows[1] != NULL && ADW_IS_ENTRY_ROW (row) &&
          *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
        continue;

      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      if (focus_row == NULL)
        focus_row = row;
    }

  /* The new company's fields fold away: unfold them, or while "New
   * company" is off, say the message in a toast as well. */
  if (gtk_widget_is_ancestor (e->message_row, GTK_WIDGET (self->new_company_row)))
    {
      if (!adw_expander_row_get_enable_expansion (self->new_company_row))
        {
          show_toast (self, message);
          return;
        }
      adw_expander_row_set_expanded (self->new_company_row, TRUE);
    }

  if (focus && focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

static void
show_error (LbLeadWindow *self,
            const GError *error)
{
  if (error->domain == LB_LEAD_ERROR)
    show_field_error (self, error->code, error->message, TRUE);
  else
    show_toast (self, error->message);
}

/* Adds the hidden message row for @code right below @after, in the
 * same list. */
static void
add_message_row (LbLeadWindow *self,
                 LbLeadError   code,
                 GtkWidget    *after,
                 GtkWidget    *row,
                 GtkWidget    *other_row)
{
  FieldError *e = &self->errors[code];
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

/* Checks the field of a row the user just left, with the same code the
 * actions use; a website gets its normalized form ("https://…"). */
static void
check_field (LbLeadWindow *self,
             LbLeadText    field,
             LbLeadError   code)
{
  g_autofree char *value = lb_normalize_text (lb_lead_get_text (self->lead, field));
  g_autofree char *website = NULL;
  g_autoptr(GError) error = NULL;

  switch (field)
    {
    case LB_LEAD_EMAIL:
      lb_validate_email (value, &error);
      break;

    case LB_LEAD_PHONE:
      lb_validate_phone (value, &error);
      break;

    case LB_LEAD_COMPANY_TIN:
      lb_validate_tin (value, &error);
      break;

    case LB_LEAD_COMPANY_WEBSITE:
      website = lb_normalize_website (value, &error);
      if (website != NULL && g_strcmp0 (website, lb_lead_get_text (self->lead, field)) != 0)
        lb_lead_set_text (self->lead, field, website);
      break;

    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    show_field_error (self, code, error->message, FALSE);
}

/* Fills a combo row with a reference list and selects the lead's value. */
static void
fill_ref_row (LbLeadWindow *self,
              LbLeadText    field,
              LbRefKind     kind,
              gboolean      optional)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) refs = NULL;
  g_autoptr(GError) error = NULL;
  const char *value = lb_lead_get_text (self->lead, field);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  if (optional)
    gtk_string_list_append (names, C_("choice", "None"));
  else if (value == NULL)
    gtk_string_list_append (names, C_("choice", "Not set"));
  self->has_empty_choice[field] = optional || value == NULL;
  if (self->has_empty_choice[field])
    selected = 0;

  refs = lb_store_list_refs (self->store, kind, &error);
  if (refs == NULL)
    show_toast (self, error->message);

  n = refs != NULL ? g_list_model_get_n_items (refs) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (refs, i);
      const char *name = lb_ref_item_get_name (item);

      if (value != NULL && g_ascii_strcasecmp (name, value) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, name);
    }

  /* A value the list no longer holds stays a choice, so that opening
   * and saving a lead never changes it behind the user's back. */
  if (value != NULL && selected == GTK_INVALID_LIST_POSITION)
    {
      selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, value);
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[field]), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[field]), selected);
}

static void
fill_tags_menu (LbLeadWindow *self)
{
  g_autoptr(GListModel) tags = lb_store_list_refs (self->store, LB_REF_TAG, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = tags != NULL ? g_list_model_get_n_items (tags) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) tag = g_list_model_get_item (tags, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(GString) label = g_string_new (lb_ref_item_get_name (tag));

      /* A menu label reads '_' as a mnemonic. */
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target_value (item, "lead.add-tag",
                                               g_variant_new_string (lb_ref_item_get_name (tag)));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->tags_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_button), n > 0);
}

static void
update_footer (LbLeadWindow *self)
{
  g_autofree char *created = lb_format_date_time (lb_lead_get_int (self->lead, LB_LEAD_CREATED_AT));
  g_autofree char *updated = lb_format_date_time (lb_lead_get_int (self->lead, LB_LEAD_UPDATED_AT));
  g_autofree char *text = NULL;

  if (self->lead_id == 0 || !self->loaded)
    return;

  /* Translators: the times a lead was created and last changed */
  text = g_strdup_printf (_("Created %s · Updated %s"), created, updated);
  gtk_label_set_text (self->footer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), TRUE);
}

static gboolean
is_converted (LbLeadWindow *self)
{
  return lb_lead_get_status (self->lead) == LB_LEAD_STATUS_CONVERTED;
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

  return names[0] != NULL ? g_strjoinv (" ", names) : NULL;
}

/* Shows a link row to a record the conversion created, named @name. */
static void
set_link_row (AdwActionRow *row,
              gint64        id,
              const char   *name)
{
  g_autofree char *fallback = g_strdup_printf ("%" PRId64, id);

  adw_action_row_set_subtitle (row, name != NULL ? name : fallback);
  gtk_widget_set_visible (GTK_WIDGET (row), id != 0);
}

/* The Convert button of an unconverted lead; the links of a converted one. */
static void
update_conversion (LbLeadWindow *self)
{
  gboolean shown = self->lead_id != 0 && self->loaded;
  gint64 contact_id = lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_CONTACT_ID);
  gint64 account_id = lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_ACCOUNT_ID);
  gint64 deal_id = lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_DEAL_ID);

  gtk_widget_set_visible (self->convert_squeezer,
                          shown && !is_converted (self) && !lb_lead_is_trashed (self->lead));
  gtk_widget_set_visible (self->conversion_group,
                          shown && is_converted (self) &&
                          (contact_id != 0 || account_id != 0 || deal_id != 0));
  if (!gtk_widget_get_visible (self->conversion_group))
    return;

  if (contact_id != 0)
    {
      g_autoptr(LbContact) contact = lb_store_get_contact (self->store, contact_id, NULL);
      g_autofree char *name = contact != NULL ? contact_name (contact) : NULL;

      set_link_row (self->converted_contact_row, contact_id, name);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->converted_contact_row), FALSE);

  if (account_id != 0)
    {
      g_autoptr(LbAccount) account = lb_store_get_account (self->store, account_id, NULL);

      set_link_row (self->converted_account_row, account_id,
                    account != NULL ? lb_account_get_text (account, LB_ACCOUNT_NAME) : NULL);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->converted_account_row), FALSE);

  if (deal_id != 0)
    {
      g_autoptr(LbDeal) deal = lb_store_get_deal (self->store, deal_id, NULL);

      set_link_row (self->converted_deal_row, deal_id,
                    deal != NULL ? lb_deal_get_text (deal, LB_DEAL_NAME) : NULL);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->converted_deal_row), FALSE);
}

/* One row of the Orders or Invoices block: number, date and time,
 * status, type and amount; it opens the document. */
static GtkWidget *
document_row_new (LbLeadWindow *self,
                  LbRecord     *listed)
{
  LbDocKind kind = lb_record_get_int (listed, LB_DOC_KIND);
  gint64 id = lb_record_get_int (listed, LB_DOC_ID);
  g_autoptr(LbRecord) loaded = lb_document_load (self->store, kind, id, NULL, NULL, NULL);
  LbRecord *doc = loaded != NULL ? loaded : listed;
  gint64 status = lb_record_get_int (doc, LB_DOC_STATUS);
  const char *number = lb_record_get_text (doc, LB_DOC_NUMBER);
  const char *type = lb_record_get_text (doc, LB_DOC_TYPE);
  const char *currency = lb_record_get_text (doc, LB_DOC_CURRENCY);
  g_autofree char *when = lb_format_date_time (lb_record_get_int (doc, LB_DOC_CREATED_AT));
  g_autofree char *amount = lb_money_format_locale (lb_record_get_int (doc, LB_DOC_TOTAL),
                                                    lb_currency_decimals (currency), currency);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);

  if (type != NULL)
    /* Translators: an order or invoice of a lead: when it was made, its status and type */
    subtitle = g_strdup_printf (_("%s · %s · %s"), when,
                                kind == LB_DOC_ORDER ? lb_order_status_to_label (status)
                                                     : lb_invoice_status_to_label (status),
                                type);
  else
    /* Translators: an order or invoice of a lead: when it was made and its status */
    subtitle = g_strdup_printf (_("%s · %s"), when,
                                kind == LB_DOC_ORDER ? lb_order_status_to_label (status)
                                                     : lb_invoice_status_to_label (status));

  gtk_widget_set_name (row, "document");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 number != NULL ? number : C_("document number", "Draft"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row),
                                  kind == LB_DOC_ORDER ? "lead.open-order" : "lead.open-invoice");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);

  return row;
}

static void
fill_document_block (LbLeadWindow *self,
                     LbDocKind     kind)
{
  AdwPreferencesGroup *group = kind == LB_DOC_ORDER ? self->orders_group : self->invoices_group;
  gboolean offered = kind == LB_DOC_ORDER ? self->offer_order : self->offer_invoice;
  g_autoptr(GListModel) docs = NULL;
  g_autoptr(GError) error = NULL;
  LbDocFilter filter;
  guint n;

  lb_doc_filter_init (&filter, kind);
  filter.lead_id = self->lead_id;
  docs = lb_store_list_documents (self->store, &filter, &error);
  if (docs == NULL)
    show_toast (self, error->message);

  n = docs != NULL ? g_list_model_get_n_items (docs) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRecord) doc = g_list_model_get_item (docs, i);
      GtkWidget *row = document_row_new (self, doc);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->document_rows, row);
    }

  gtk_widget_set_visible (kind == LB_DOC_ORDER ? self->no_orders_row : self->no_invoices_row, n == 0);
  gtk_widget_set_visible (kind == LB_DOC_ORDER ? self->create_order_button : self->create_invoice_button,
                          offered);
  /* Without the setting and without documents there is nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (group), n > 0 || offered);
}

/* The Orders and Invoices blocks, read again. */
static void
update_documents (LbLeadWindow *self)
{
  g_autofree char *order_type = lb_settings_get (self->store, LB_SETTING_ORDER_TYPE, NULL);
  g_autofree char *invoice_type = lb_settings_get (self->store, LB_SETTING_INVOICE_TYPE, NULL);

  self->offer_order = order_type != NULL;
  self->offer_invoice = invoice_type != NULL;

  for (guint i = 0; i < self->document_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->document_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->document_rows, 0);

  if (self->lead_id == 0 || !self->loaded)
    return;

  fill_document_block (self, LB_DOC_ORDER);
  fill_document_block (self, LB_DOC_INVOICE);
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
tags_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  char **tags = g_value_get_boxed (from);

  g_value_take_string (to, tags != NULL ? g_strjoinv (", ", tags) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_tags (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      gboolean duplicate = FALSE;

      if (*tag == '\0')
        continue;
      for (guint j = 0; j < seen->len && !duplicate; j++)
        duplicate = g_ascii_strcasecmp (g_ptr_array_index (seen, j), tag) == 0;
      if (duplicate)
        continue;
      g_ptr_array_add (seen, tag);
      g_strv_builder_add (builder, tag);
    }

  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static void
on_lead_notify (LbLeadWindow *self,
                GParamSpec   *pspec,
                LbLead       *lead)
{
  int code = error_for_property (pspec->name);

  if (code >= 0)
    clear_error (self, code);

  if (!self->modified)
    {
      self->modified = TRUE;
      lb_lead_window_update_actions (self);
    }
}

static void
on_ref_row_selected (LbLeadWindow *self,
                     GParamSpec   *pspec,
                     AdwComboRow  *row)
{
  GListModel *names = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);

  for (LbLeadText field = 0; field < LB_LEAD_N_TEXT_FIELDS; field++)
    {
      if (self->rows[field] != GTK_WIDGET (row))
        continue;

      if (selected == GTK_INVALID_LIST_POSITION ||
          (selected == 0 && self->has_empty_choice[field]))
        lb_lead_set_text (self->lead, field, NULL);
      else
        lb_lead_set_text (self->lead, field,
                          gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
      return;
    }
}

static void
on_status_selected (LbLeadWindow *self,
                    GParamSpec   *pspec,
                    AdwComboRow  *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (status_choices))
    lb_lead_set_status (self->lead, status_choices[selected]);
}

static void
on_rating_selected (LbLeadWindow *self,
                    GParamSpec   *pspec,
                    AdwComboRow  *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (rating_choices))
    lb_lead_set_rating (self->lead, rating_choices[selected]);
}

static void
on_row_focus_leave (GtkEventControllerFocus *controller,
                    LbLeadWindow            *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (live_fields); i++)
    if (self->rows[live_fields[i].field] == row)
      check_field (self, live_fields[i].field, live_fields[i].code);
}

static void
on_discard_response (LbLeadWindow     *self,
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

static void
forward_saved (LbLeadWindow *self,
               gint64        id,
               LbLeadWindow *copy)
{
  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
forward_trashed (LbLeadWindow *self,
                 gint64        id,
                 LbLeadWindow *copy)
{
  g_signal_emit (self, signals[TRASHED], 0, id);
}

/* Shows the lead as stored now, after a change made by an action
 * (a save, the conversion); the form has no unsaved changes then. */
static void
reload_lead (LbLeadWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) stored = lb_store_get_lead (self->store, self->lead_id, &error);

  if (stored == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_handlers_block_by_func (self->lead, on_lead_notify, self);
  g_object_freeze_notify (G_OBJECT (self->lead));
  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    lb_lead_set_text (self->lead, f, lb_lead_get_text (stored, f));
  for (LbLeadInt f = 0; f < LB_LEAD_N_INT_FIELDS; f++)
    lb_lead_set_int (self->lead, f, lb_lead_get_int (stored, f));
  lb_lead_set_status (self->lead, lb_lead_get_status (stored));
  lb_lead_set_rating (self->lead, lb_lead_get_rating (stored));
  lb_lead_set_tags (self->lead, lb_lead_get_tags (stored));
  lb_lead_set_new_company (self->lead, lb_lead_get_new_company (stored));
  g_object_thaw_notify (G_OBJECT (self->lead));
  g_signal_handlers_unblock_by_func (self->lead, on_lead_notify, self);

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    if (status_choices[i] == lb_lead_get_status (self->lead))
      adw_combo_row_set_selected (self->status_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (rating_choices); i++)
    if (rating_choices[i] == lb_lead_get_rating (self->lead))
      adw_combo_row_set_selected (self->rating_row, i);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !is_converted (self));
  gtk_widget_set_visible (self->converted_row, is_converted (self));
  gtk_window_set_title (GTK_WINDOW (self), lb_lead_get_title (self->lead));

  self->modified = FALSE;
  update_footer (self);
  update_conversion (self);
  update_documents (self);
  lb_lead_window_update_actions (self);
}

/* Stores what the form holds before an action that reads the stored
 * lead (Convert, Create Order, Create Invoice); the window stays. */
static gboolean
save_changes (LbLeadWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->modified)
    return TRUE;

  clear_all_errors (self);
  if (!lb_lead_save (self->store, self->lead, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  reload_lead (self);
  g_signal_emit (self, signals[SAVED], 0, self->lead_id);
  return TRUE;
}

static void
on_converted (LbLeadWindow    *self,
              gint64           id,
              LbConvertWindow *window)
{
  reload_lead (self);
  g_signal_emit (self, signals[SAVED], 0, self->lead_id);
}

/* A document made from the lead changed (or went): the blocks show it,
 * and the main window's lists follow through "saved". */
static void
on_document_changed (LbLeadWindow     *self,
                     gint64            id,
                     LbDocumentWindow *window)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  update_documents (self);
  g_signal_emit (self, signals[SAVED], 0, self->lead_id);
}

/* The settings may have changed meanwhile, in Preferences. */
static void
on_active_changed (LbLeadWindow *self,
                   GParamSpec   *pspec,
                   GtkWindow    *window)
{
  if (gtk_window_is_active (window) && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      update_documents (self);
      lb_lead_window_update_actions (self);
    }
}

static GtkWindow *
window_parent (LbLeadWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return parent != NULL ? parent : GTK_WINDOW (self);
}

static void
open_document (LbLeadWindow *self,
               LbDocKind     kind,
               gint64        id)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *window = NULL;

  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    if (LB_IS_DOCUMENT_WINDOW (l->data) &&
        lb_document_window_get_kind (l->data) == kind &&
        lb_document_window_get_document_id (l->data) == id)
      window = l->data;
  g_list_free (toplevels);

  if (window == NULL)
    {
      window = GTK_WINDOW (lb_document_window_new (window_parent (self), self->store, kind, id));
      g_signal_connect_object (window, "changed", G_CALLBACK (on_document_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "deleted", G_CALLBACK (on_document_changed), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

/* actions */

static void
lb_lead_window_update_actions (LbLeadWindow *self)
{
  gboolean existing = self->lead_id != 0;
  gboolean editable = self->loaded && !lb_lead_is_trashed (self->lead);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.add-tag", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.delete", existing && editable);
  /* A copy is made of the stored lead, so unsaved changes come first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.replicate",
                                 existing && editable && !self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.convert",
                                 existing && editable && !is_converted (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.create-order",
                                 existing && editable && self->offer_order);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.create-invoice",
                                 existing && editable && self->offer_invoice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.open-contact",
                                 lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_CONTACT_ID) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.open-account",
                                 lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_ACCOUNT_ID) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead.open-deal",
                                 lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_DEAL_ID) != 0);
}

static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  LbConvertWindow *window;

  if (!save_changes (self))
    return;

  window = lb_convert_window_new (GTK_WINDOW (self), self->store, self->lead_id);
  g_signal_connect_object (window, "converted", G_CALLBACK (on_converted), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
create_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  LbDocKind kind = g_str_equal (action_name, "lead.create-order") ? LB_DOC_ORDER : LB_DOC_INVOICE;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!save_changes (self))
    return;

  id = kind == LB_DOC_ORDER ? lb_lead_create_order (self->store, self->lead_id, &error)
                            : lb_lead_create_invoice (self->store, self->lead_id, &error);
  if (id == 0)
    {
      show_toast (self, error->message);
      return;
    }

  update_documents (self);
  g_signal_emit (self, signals[SAVED], 0, self->lead_id);
  open_document (self, kind, id);
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  open_document (LB_LEAD_WINDOW (widget),
                 g_str_equal (action_name, "lead.open-order") ? LB_DOC_ORDER : LB_DOC_INVOICE,
                 g_variant_get_int64 (param));
}

static void
open_converted_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  GtkWindow *parent = window_parent (self);
  GtkWindow *window;

  if (g_str_equal (action_name, "lead.open-contact"))
    window = GTK_WINDOW (lb_contact_window_new (parent, self->store,
                                                lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_CONTACT_ID)));
  else if (g_str_equal (action_name, "lead.open-account"))
    window = GTK_WINDOW (lb_account_window_new (parent, self->store,
                                                lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_ACCOUNT_ID)));
  else
    window = GTK_WINDOW (lb_deal_window_new (parent, self->store,
                                             lb_lead_get_int (self->lead, LB_LEAD_CONVERTED_DEAL_ID)));

  gtk_window_present (window);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lb_lead_window_save (LB_LEAD_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
replicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LbLeadWindow *copy;
  GtkWindow *parent;
  gint64 id;

  id = lb_lead_replicate (self->store, self->lead_id, &error);
  if (id == 0)
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);

  /* The main window opens lead windows and listens to them for as long
   * as they live; without one, this window passes the copy's signals on. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-lead", "x", id))
    return;

  copy = lb_lead_window_new (parent, self->store, id);
  g_signal_connect_object (copy, "saved", G_CALLBACK (forward_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (copy, "trashed", G_CALLBACK (forward_trashed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (copy));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_lead_trash (self->store, self->lead_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* The main window offers Undo; unsaved edits go with the lead. */
  self->discard = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[TRASHED], 0, self->lead_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (widget);
  const char *tag = g_variant_get_string (param, NULL);
  const char * const *tags = lb_lead_get_tags (self->lead);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) new_tags = NULL;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (tags[i], tag) == 0)
        return;
      g_strv_builder_add (builder, tags[i]);
    }
  g_strv_builder_add (builder, tag);
  new_tags = g_strv_builder_end (builder);

  lb_lead_set_tags (self->lead, (const char * const *)new_tags);
}

/* Asks before unsaved changes are thrown away. */
static void
ask_discard (LbLeadWindow *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (self->discard_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The changes you made to this lead are not saved."));
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

/* Fills the form from the lead (the widgets follow it through bindings
 * and the handlers below), then starts listening for changes. */
static void
lb_lead_window_load (LbLeadWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) ratings = NULL;
  GtkTextBuffer *buffer;
  guint status_index = 0;
  guint rating_index = 0;
  gint64 account_id;

  if (self->lead_id != 0)
    {
      self->lead = lb_store_get_lead (self->store, self->lead_id, &error);
      self->loaded = self->lead != NULL;
      if (self->lead == NULL)
        {
          show_toast (self, error->message);
          self->lead = lb_lead_new ();
        }
    }
  else
    {
      g_autofree char *category = lb_settings_get (self->store, LB_SETTING_DEFAULT_CATEGORY, NULL);

      self->lead = lb_lead_new ();
      self->loaded = TRUE;
      lb_lead_set_text (self->lead, LB_LEAD_CATEGORY, category);
    }

  /* plain text rows */
  for (LbLeadText field = 0; field < LB_LEAD_N_TEXT_FIELDS; field++)
    if (self->rows[field] != NULL && ADW_IS_ENTRY_ROW (self->rows[field]))
      g_object_bind_property_full (self->lead, lb_lead_text_name (field),
                                   self->rows[field], "text",
                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                   text_to_editable, NULL, NULL, NULL);

  buffer = gtk_text_view_get_buffer (self->description_view);
  g_object_bind_property_full (self->lead, "description", buffer, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->lead, "tags", self->tags_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               tags_to_text, text_to_tags, NULL, NULL);
  g_object_bind_property (self->lead, "new-company", self->new_company_row, "enable-expansion",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* lists */
  for (guint i = 0; i < G_N_ELEMENTS (ref_fields); i++)
    {
      fill_ref_row (self, ref_fields[i].field, ref_fields[i].kind, ref_fields[i].optional);
      g_signal_connect_object (self->rows[ref_fields[i].field], "notify::selected",
                               G_CALLBACK (on_ref_row_selected), self, G_CONNECT_SWAPPED);
    }
  fill_tags_menu (self);

  statuses = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    {
      gtk_string_list_append (statuses, lb_lead_status_to_label (status_choices[i]));
      if (status_choices[i] == lb_lead_get_status (self->lead))
        status_index = i;
    }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, status_index);
  g_signal_connect_object (self->status_row, "notify::selected",
                           G_CALLBACK (on_status_selected), self, G_CONNECT_SWAPPED);

  ratings = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rating_choices); i++)
    {
      gtk_string_list_append (ratings, lb_rating_to_label (rating_choices[i]));
      if (rating_choices[i] == lb_lead_get_rating (self->lead))
        rating_index = i;
    }
  adw_combo_row_set_model (self->rating_row, G_LIST_MODEL (ratings));
  adw_combo_row_set_selected (self->rating_row, rating_index);
  g_signal_connect_object (self->rating_row, "notify::selected",
                           G_CALLBACK (on_rating_selected), self, G_CONNECT_SWAPPED);

  /* what only an existing lead shows */
  if (self->lead_id != 0)
    {
      gboolean converted = lb_lead_get_status (self->lead) == LB_LEAD_STATUS_CONVERTED;

      if (self->loaded)
        gtk_window_set_title (GTK_WINDOW (self), lb_lead_get_title (self->lead));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (self->menu_button, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_row), self->loaded && !converted);
      gtk_widget_set_visible (self->converted_row, self->loaded && converted);
      update_footer (self);
      update_conversion (self);
      update_documents (self);

      if (self->loaded && lb_lead_is_trashed (self->lead))
        show_toast (self, _("This lead is in the trash. Restore it to change it."));
    }

  /* With an existing account the company fields do not apply. */
  account_id = lb_lead_get_int (self->lead, LB_LEAD_ACCOUNT_ID);
  if (account_id != 0)
    {
      const char *name = lb_lead_get_text (self->lead, LB_LEAD_ACCOUNT_NAME);
      g_autofree char *fallback = g_strdup_printf (_("Account %" PRId64), account_id);

      adw_action_row_set_subtitle (self->account_row, name != NULL ? name : fallback);
      gtk_widget_set_visible (GTK_WIDGET (self->account_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->new_company_row), FALSE);
    }

  g_signal_connect_object (self->lead, "notify", G_CALLBACK (on_lead_notify),
                           self, G_CONNECT_SWAPPED);

  lb_lead_window_update_actions (self);
}

/* GObject overrides */

static gboolean
lb_lead_window_close_request (GtkWindow *window)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (window);

  if (self->modified && !self->discard)
    {
      ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (lb_lead_window_parent_class)->close_request (window);
}

static void
lb_lead_window_constructed (GObject *object)
{
  LbLeadWindow *self = (LbLeadWindow *)object;

  G_OBJECT_CLASS (lb_lead_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));
  lb_lead_window_load (self);
}

static void
lb_lead_window_dispose (GObject *object)
{
  LbLeadWindow *self = (LbLeadWindow *)object;

  if (self->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog),
                                    (gpointer *)&self->discard_dialog);
      gtk_window_destroy (g_steal_pointer (&self->discard_dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_LEAD_WINDOW);

  G_OBJECT_CLASS (lb_lead_window_parent_class)->dispose (object);
}

static void
lb_lead_window_finalize (GObject *object)
{
  LbLeadWindow *self = (LbLeadWindow *)object;

  g_clear_object (&self->lead);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lb_lead_window_parent_class)->finalize (object);
}

static void
lb_lead_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LEAD_ID:
      g_value_set_int64 (value, self->lead_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_lead_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LbLeadWindow *self = LB_LEAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_LEAD_ID:
      self->lead_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_lead_window_class_init (LbLeadWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lb_lead_window_constructed;
  object_class->dispose = lb_lead_window_dispose;
  object_class->finalize = lb_lead_window_finalize;
  object_class->get_property = lb_lead_window_get_property;
  object_class->set_property = lb_lead_window_set_property;
  window_class->close_request = lb_lead_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbLeadWindow::saved:
   * @id: the id of the lead that was created or saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LbLeadWindow::trashed:
   * @id: the id of the lead moved to the trash
   */
  signals[TRASHED] = g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/leads/lb-lead-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, converted_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, rating_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, tags_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, tags_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, new_company_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, description_view);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, footer_label);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, convert_squeezer);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, convert_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, conversion_group);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, converted_contact_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, converted_account_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, converted_deal_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, orders_group);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, invoices_group);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, create_order_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, create_invoice_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, no_orders_row);
  gtk_widget_class_bind_template_child (widget_class, LbLeadWindow, no_invoices_row);

  for (LbLeadText field = 0; field < LB_LEAD_N_TEXT_FIELDS; field++)
    {
      g_autofree char *name = NULL;

      if (!field_has_row (field))
        continue;
      name = g_strdup_printf ("%s_row", lb_lead_text_name (field));
      g_strdelimit (name, "-", '_');
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE,
                                                 G_STRUCT_OFFSET (LbLeadWindow, rows) +
                                                 field * sizeof (GtkWidget *));
    }

  gtk_widget_class_install_action (widget_class, "lead.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "lead.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "lead.replicate", NULL, replicate_action);
  gtk_widget_class_install_action (widget_class, "lead.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "lead.add-tag", "s", add_tag_action);
  gtk_widget_class_install_action (widget_class, "lead.convert", NULL, convert_action);
  gtk_widget_class_install_action (widget_class, "lead.create-order", NULL, create_document_action);
  gtk_widget_class_install_action (widget_class, "lead.create-invoice", NULL, create_document_action);
  gtk_widget_class_install_action (widget_class, "lead.open-order", "x", open_document_action);
  gtk_widget_class_install_action (widget_class, "lead.open-invoice", "x", open_document_action);
  gtk_widget_class_install_action (widget_class, "lead.open-contact", NULL, open_converted_action);
  gtk_widget_class_install_action (widget_class, "lead.open-account", NULL, open_converted_action);
  gtk_widget_class_install_action (widget_class, "lead.open-deal", NULL, open_converted_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lead.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "lead.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "lead.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lead.cancel", NULL);
}

static void
lb_lead_window_init (LbLeadWindow *self)
{
  GtkWidget **rows = self->rows;
  GtkWidget *title_text;

  self->document_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), self);

  /* A hint the title row shows while it is empty and focused. */
  title_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (rows[LB_LEAD_TITLE])));
  if (GTK_IS_TEXT (title_text))
    gtk_text_set_placeholder_text (GTK_TEXT (title_text), _("Empty: the lead’s name"));

  add_message_row (self, LB_LEAD_ERROR_NAME, rows[LB_LEAD_LAST_NAME],
                   rows[LB_LEAD_FIRST_NAME], rows[LB_LEAD_LAST_NAME]);
  add_message_row (self, LB_LEAD_ERROR_EMAIL, rows[LB_LEAD_EMAIL], rows[LB_LEAD_EMAIL], NULL);
  add_message_row (self, LB_LEAD_ERROR_PHONE, rows[LB_LEAD_PHONE], rows[LB_LEAD_PHONE], NULL);
  add_message_row (self, LB_LEAD_ERROR_SOURCE, rows[LB_LEAD_SOURCE], rows[LB_LEAD_SOURCE], NULL);
  add_message_row (self, LB_LEAD_ERROR_CATEGORY, rows[LB_LEAD_CATEGORY], rows[LB_LEAD_CATEGORY], NULL);
  add_message_row (self, LB_LEAD_ERROR_STATUS, self->converted_row,
                   GTK_WIDGET (self->status_row), NULL);
  add_message_row (self, LB_LEAD_ERROR_ACCOUNT, GTK_WIDGET (self->account_row),
                   GTK_WIDGET (self->account_row), NULL);
  add_message_row (self, LB_LEAD_ERROR_COMPANY_NAME, rows[LB_LEAD_COMPANY_NAME],
                   rows[LB_LEAD_COMPANY_NAME], NULL);
  add_message_row (self, LB_LEAD_ERROR_WEBSITE, rows[LB_LEAD_COMPANY_WEBSITE],
                   rows[LB_LEAD_COMPANY_WEBSITE], NULL);
  add_message_row (self, LB_LEAD_ERROR_TIN, rows[LB_LEAD_COMPANY_TIN],
                   rows[LB_LEAD_COMPANY_TIN], NULL);

  for (guint i = 0; i < G_N_ELEMENTS (live_fields); i++)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect_object (controller, "leave", G_CALLBACK (on_row_focus_leave), self, 0);
      gtk_widget_add_controller (rows[live_fields[i].field], controller);
    }
}

/* public API */

/**
 * lb_lead_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @lead_id: the lead to edit, or 0 for a new lead
 *
 * Returns: (transfer none): a new lead window; like every toplevel it
 *   lives until it is closed
 */
LbLeadWindow *
lb_lead_window_new (GtkWindow *parent,
                    LbStore   *store,
                    gint64     lead_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (lead_id >= 0, NULL);

  return g_object_new (LB_TYPE_LEAD_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "lead-id", lead_id,
                       NULL);
}

gint64
lb_lead_window_get_lead_id (LbLeadWindow *self)
{
  g_return_val_if_fail (LB_IS_LEAD_WINDOW (self), 0);

  return self->lead_id;
}

/* Whether the form holds changes that are not saved. */
gboolean
lb_lead_window_get_modified (LbLeadWindow *self)
{
  g_return_val_if_fail (LB_IS_LEAD_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * lb_lead_window_save:
 *
 * Creates or saves the lead as the form holds it.  On success emits
 * #LbLeadWindow::saved and closes the window; when the action refuses,
 * shows its message on the row at fault and keeps everything typed.
 *
 * Returns: %TRUE when the lead was stored
 */
gboolean
lb_lead_window_save (LbLeadWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (LB_IS_LEAD_WINDOW (self), FALSE);

  if (!self->loaded)
    return FALSE;

  clear_all_errors (self);

  if (self->lead_id == 0)
    id = lb_lead_create (self->store, self->lead, &error);
  else
    id = lb_lead_save (self->store, self->lead, &error) ? self->lead_id : 0;

  if (id == 0)
    {
      show_error (self, error);
      return FALSE;
    }

  self->lead_id = id;
  self->modified = FALSE;
  self->discard = TRUE;

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/**
 * lb_lead_window_get_row:
 * @property: the name of an #LbLead property
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
lb_lead_window_get_row (LbLeadWindow *self,
                        const char   *property)
{
  static const struct {
    const char *property;
    gsize       offset;
  } others[] = {
    { "status", G_STRUCT_OFFSET (LbLeadWindow, status_row) },
    { "rating", G_STRUCT_OFFSET (LbLeadWindow, rating_row) },
    { "tags", G_STRUCT_OFFSET (LbLeadWindow, tags_row) },
    { "new-company", G_STRUCT_OFFSET (LbLeadWindow, new_company_row) },
    { "description", G_STRUCT_OFFSET (LbLeadWindow, description_view) },
    { "account-name", G_STRUCT_OFFSET (LbLeadWindow, account_row) },
  };

  g_return_val_if_fail (LB_IS_LEAD_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (LbLeadText field = 0; field < LB_LEAD_N_TEXT_FIELDS; field++)
    if (field_has_row (field) && g_str_equal (lb_lead_text_name (field), property))
      return self->rows[field];

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i].property, property))
      return G_STRUCT_MEMBER (GtkWidget *, self, others[i].offset);

  return NULL;
}

/**
 * lb_lead_window_get_error_label:
 *
 * Returns: (transfer none) (nullable): the label that shows the message
 *   for @code in the form, or %NULL when such a message is a toast
 */
GtkWidget *
lb_lead_window_get_error_label (LbLeadWindow *self,
                                LbLeadError   code)
{
  g_return_val_if_fail (LB_IS_LEAD_WINDOW (self), NULL);
  g_return_val_if_fail (code < N_ERROR_CODES, NULL);

  return (GtkWidget *)self->errors[code].label;
}

/**
 * lb_lead_window_refresh_documents:
 *
 * Reads the lead's Orders and Invoices blocks again, for a change made
 * elsewhere (the overdue sweep, a payment in another window).
 */
void
lb_lead_window_refresh_documents (LbLeadWindow *self)
{
  g_return_if_fail (LB_IS_LEAD_WINDOW (self));

  if (self->store != NULL && self->lead != NULL)
    update_documents (self);
}
