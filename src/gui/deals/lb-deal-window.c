#define G_LOG_DOMAIN "lb-deal-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lb-crm-actions.h"
#include "lb-deal-window.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-lead-window.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* The editor of one deal (SPEC 3.4): a form bound to a working copy of
 * the deal.  The value is typed as text and parsed exactly in the deal's
 * currency, the expected close date with the core's date parser; the
 * rest of the rules live in lb_deal_check(), whose message shows below
 * the name.  A stored deal also lists its product lines, which are
 * added and removed at once through their own actions. */

/* Where the form shows a message. */
typedef enum
{
  FIELD_FORM,     /* a refused create or save: below the name */
  FIELD_VALUE,
  FIELD_CLOSE,
  FIELD_LINE,     /* a refused line: in the "Add a Line" row */
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  [FIELD_FORM] = "form",
  [FIELD_VALUE] = "value",
  [FIELD_CLOSE] = "expected-close",
  [FIELD_LINE] = "line",
};

/* A message shown in the form: the row it is about (it gets the "error"
 * style class) and a row right below it holding the text. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *message_row;
  GtkLabel  *label;
} FieldError;

/* The choices of the status row, in the order shown. */
static const LbDealStatus status_choices[] = {
  LB_DEAL_STATUS_OPEN, LB_DEAL_STATUS_WON, LB_DEAL_STATUS_LOST,
};

struct _LbDealWindow
{
  AdwWindow         parent_instance;

  LbStore          *store;
  gint64            deal_id;
  LbDeal           *deal;            /* the working copy the form edits */
  char             *currency;        /* the deal's, in which the value is typed */
  gboolean          loaded;
  gboolean          modified;
  gboolean          discard;         /* close without asking */
  guint             filling;         /* > 0 while the form fills its choices */
  GtkWindow        *discard_dialog;
  GArray           *account_ids;     /* the id of each account choice; 0 = None */
  GArray           *contact_ids;
  GArray           *product_ids;     /* 0 = written in */
  GPtrArray        *line_rows;
  FieldError        errors[N_FIELDS];

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkButton        *save_button;
  GtkWidget        *menu_button;
  AdwEntryRow      *name_row;
  AdwEntryRow      *value_row;
  AdwComboRow      *status_row;
  GtkSpinButton    *probability_spin;
  AdwEntryRow      *close_row;
  GtkMenuButton    *close_button;
  GtkCalendar      *close_calendar;
  AdwActionRow     *lead_row;
  AdwComboRow      *account_row;
  AdwComboRow      *contact_row;
  AdwComboRow      *pipeline_row;
  AdwComboRow      *stage_row;
  GtkWidget        *lines_group;
  GtkListBox       *lines_list;
  AdwExpanderRow   *add_line_row;
  AdwComboRow      *product_row;
  AdwEntryRow      *line_description_row;
  AdwEntryRow      *line_quantity_row;
  AdwEntryRow      *line_price_row;
  GtkWidget        *add_line_button_row;
  GtkTextView      *notes_view;
  GtkLabel         *footer_label;
};

G_DEFINE_FINAL_TYPE (LbDealWindow, lb_deal_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  N_PROPS
};

enum {
  SAVED,
  TRASHED,
  INVOICE_CREATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void lb_deal_window_update_actions (LbDealWindow *self);

/* helpers */

static void
show_toast (LbDealWindow *self,
            const char   *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);   /* a toast's title is markup */

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_trashed (LbDealWindow *self)
{
  return lb_deal_get_int (self->deal, LB_DEAL_DELETED_AT) != 0;
}

static void
clear_error (LbDealWindow *self,
             Field         field)
{
  FieldError *e = &self->errors[field];

  if (e->message_row == NULL || !gtk_widget_get_visible (e->message_row))
    return;

  gtk_widget_set_visible (e->message_row, FALSE);
  gtk_label_set_text (e->label, "");
  gtk_widget_remove_css_class (e->row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (e->row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (e->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
clear_all_errors (LbDealWindow *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    clear_error (self, field);
}

/* Shows @message below the row of @field; with @focus, moves the focus
 * to that row.  The form's own message (a refused save) marks no row:
 * the action does not say which field it is about. */
static void
show_field_error (LbDealWindow *self,
                  Field         field,
                  const char   *message,
                  gboolean      focus)
{
  FieldError *e = &self->errors[field];

  gtk_label_set_text (e->label, message);
  gtk_widget_set_visible (e->message_row, TRUE);

  if (field != FIELD_FORM)
    {
      gtk_widget_add_css_class (e->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (e->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (e->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  if (field == FIELD_LINE)
    adw_expander_row_set_expanded (self->add_line_row, TRUE);

  if (focus)
    gtk_widget_grab_focus (e->row);
}

/* Adds the hidden message row for @field right below @row, in the same
 * list. */
static void
add_message_row (LbDealWindow *self,
                 Field         field,
                 GtkWidget    *row)
{
  FieldError *e = &self->errors[field];
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *box;
  GtkWidget *icon;

  g_assert (GTK_IS_LIST_BOX (list));

  e->row = row;
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
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
}

/* The value as typed, in minor units of the deal's currency; empty is 0. */
static gboolean
read_value (LbDealWindow  *self,
            gint64        *value,
            GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));

  *value = 0;
  if (*text == '\0')
    return TRUE;

  return lb_money_parse_for_currency (text, self->currency, value, error);
}

/* The expected close date as typed: empty, or a date the core reads. */
static gboolean
check_close_date (LbDealWindow  *self,
                  GError       **error)
{
  g_autofree char *text = lb_normalize_text (lb_deal_get_text (self->deal, LB_DEAL_EXPECTED_CLOSE));
  GDate date;

  return text == NULL || lb_parse_date (text, &date, error);
}

static void
set_modified (LbDealWindow *self)
{
  if (self->filling > 0 || self->modified)
    return;

  self->modified = TRUE;
  lb_deal_window_update_actions (self);
}

static char *
contact_label (LbContact *contact)
{
  g_autofree char *name = g_strjoin (" ",
                                     lb_contact_get_text (contact, LB_CONTACT_FIRST_NAME) ?: "",
                                     lb_contact_get_text (contact, LB_CONTACT_LAST_NAME) ?: "",
                                     NULL);

  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  if (lb_contact_get_text (contact, LB_CONTACT_EMAIL) != NULL)
    return g_strdup (lb_contact_get_text (contact, LB_CONTACT_EMAIL));

  return g_strdup_printf (_("Contact %" PRId64), lb_contact_get_id (contact));
}

static void
fill_accounts (LbDealWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id = lb_deal_get_int (self->deal, LB_DEAL_ACCOUNT_ID);
  LbRecordFilter filter;
  guint selected = 0;
  guint n;

  g_array_set_size (self->account_ids, 0);
  gtk_string_list_append (names, C_("account", "None"));
  g_array_append_val (self->account_ids, (gint64) { 0 });

  lb_record_filter_init (&filter);
  accounts = lb_store_list_accounts (self->store, &filter, &error);
  if (accounts == NULL)
    show_toast (self, error->message);

  n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = lb_account_get_id (account);

      if (id == account_id)
        selected = self->account_ids->len;
      gtk_string_list_append (names, lb_account_get_text (account, LB_ACCOUNT_NAME));
      g_array_append_val (self->account_ids, id);
    }

  /* An account in the trash stays a choice, so that saving the deal
   * never drops it behind the user's back. */
  if (account_id != 0 && selected == 0)
    {
      const char *name = lb_deal_get_text (self->deal, LB_DEAL_ACCOUNT_NAME);
      g_autofree char *fallback = g_strdup_printf (_("Account %" PRId64), account_id);

      selected = self->account_ids->len;
      gtk_string_list_append (names, name != NULL ? name : fallback);
      g_array_append_val (self->account_ids, account_id);
    }

  self->filling++;
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, selected);
  self->filling--;
}

/* The contacts of the chosen account (all of them without one).  With
 * @keep, a contact the list does not hold stays a choice (the deal as
 * loaded); otherwise the deal's contact becomes None. */
static void
fill_contacts (LbDealWindow *self,
               gboolean      keep)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact_id = lb_deal_get_int (self->deal, LB_DEAL_CONTACT_ID);
  LbRecordFilter filter;
  guint selected = 0;
  guint n;

  g_array_set_size (self->contact_ids, 0);
  gtk_string_list_append (names, C_("contact", "None"));
  g_array_append_val (self->contact_ids, (gint64) { 0 });

  lb_record_filter_init (&filter);
  filter.account_id = lb_deal_get_int (self->deal, LB_DEAL_ACCOUNT_ID);
  contacts = lb_store_list_contacts (self->store, &filter, &error);
  if (contacts == NULL)
    show_toast (self, error->message);

  n = contacts != NULL ? g_list_model_get_n_items (contacts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *label = contact_label (contact);
      gint64 id = lb_contact_get_id (contact);

      if (id == contact_id)
        selected = self->contact_ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (self->contact_ids, id);
    }

  if (contact_id != 0 && selected == 0)
    {
      if (keep)
        {
          const char *name = lb_deal_get_text (self->deal, LB_DEAL_CONTACT_NAME);
          g_autofree char *fallback = g_strdup_printf (_("Contact %" PRId64), contact_id);

          selected = self->contact_ids->len;
          gtk_string_list_append (names, name != NULL && *name != '\0' ? name : fallback);
          g_array_append_val (self->contact_ids, contact_id);
        }
      else
        lb_deal_set_int (self->deal, LB_DEAL_CONTACT_ID, 0);
    }

  self->filling++;
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->contact_row, selected);
  self->filling--;
}

/* Index of @name in @names ignoring case, or G_MAXUINT. */
static guint
find_name (char       **names,
           const char  *name)
{
  for (guint i = 0; name != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return i;

  return G_MAXUINT;
}

/* The stages of the deal's pipeline; the deal keeps its stage when the
 * pipeline has one of that name, or takes the first. */
static void
fill_stages (LbDealWindow *self)
{
  const char *pipeline = lb_deal_get_text (self->deal, LB_DEAL_PIPELINE);
  g_auto(GStrv) stages = pipeline != NULL ? lb_store_list_stages (self->store, pipeline) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (stages != NULL ? (const char * const *)stages : NULL);
  guint selected = stages != NULL ? find_name (stages, lb_deal_get_text (self->deal, LB_DEAL_STAGE)) : G_MAXUINT;

  if (selected == G_MAXUINT)
    {
      selected = stages != NULL && stages[0] != NULL ? 0 : GTK_INVALID_LIST_POSITION;
      lb_deal_set_text (self->deal, LB_DEAL_STAGE, selected == 0 ? stages[0] : NULL);
    }
  else
    lb_deal_set_text (self->deal, LB_DEAL_STAGE, stages[selected]);

  self->filling++;
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->stage_row, selected);
  self->filling--;
}

static void
fill_pipelines (LbDealWindow *self)
{
  g_auto(GStrv) pipelines = lb_store_list_pipelines (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *)pipelines);
  guint selected = find_name (pipelines, lb_deal_get_text (self->deal, LB_DEAL_PIPELINE));

  if (selected == G_MAXUINT)
    {
      selected = pipelines[0] != NULL ? 0 : GTK_INVALID_LIST_POSITION;
      lb_deal_set_text (self->deal, LB_DEAL_PIPELINE, selected == 0 ? pipelines[0] : NULL);
    }
  else
    lb_deal_set_text (self->deal, LB_DEAL_PIPELINE, pipelines[selected]);

  self->filling++;
  adw_combo_row_set_model (self->pipeline_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->pipeline_row, selected);
  self->filling--;

  fill_stages (self);
}

static void
fill_products (LbDealWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_array_set_size (self->product_ids, 0);
  gtk_string_list_append (names, _("Written in"));
  g_array_append_val (self->product_ids, (gint64) { 0 });

  products = lb_store_list_products (self->store, NULL, TRUE, &error);
  if (products == NULL)
    show_toast (self, error->message);

  n = products != NULL ? g_list_model_get_n_items (products) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbProduct) product = g_list_model_get_item (products, i);
      g_autofree char *label = NULL;
      gint64 id = lb_product_get_id (product);

      /* Translators: a product in a list of choices: its name and its SKU */
      label = g_strdup_printf (C_("product choice", "%s (%s)"),
                               lb_record_get_text (LB_RECORD (product), LB_PRODUCT_NAME),
                               lb_record_get_text (LB_RECORD (product), LB_PRODUCT_SKU));
      gtk_string_list_append (names, label);
      g_array_append_val (self->product_ids, id);
    }

  self->filling++;
  adw_combo_row_set_model (self->product_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->product_row, 0);
  self->filling--;
}

static GtkWidget *
make_line_row (LbDealWindow *self,
               LbLine       *line)
{
  LbRecord *r = LB_RECORD (line);
  g_autofree char *quantity = lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY));
  g_autofree char *price = lb_money_format_locale (lb_record_get_int (r, LB_LINE_UNIT_PRICE),
                                                   lb_currency_decimals (self->currency),
                                                   self->currency);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *description = lb_record_get_text (r, LB_LINE_DESCRIPTION);

  /* Translators: a product line of a deal: its quantity and unit price */
  subtitle = g_strdup_printf (_("Quantity %s · Unit price %s"), quantity, price);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description != NULL ? description : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the tooltip of the button that removes a line of a deal */
  remove_label = g_strdup_printf (_("Remove “%s”"), description != NULL ? description : "");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "deal.remove-line");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                          g_variant_new_int64 (lb_line_get_id (line)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
fill_lines (LbDealWindow *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->line_rows->len; i++)
    gtk_list_box_remove (self->lines_list, g_ptr_array_index (self->line_rows, i));
  g_ptr_array_set_size (self->line_rows, 0);

  lines = lb_store_get_lines (self->store, 0, self->deal_id, &error);
  if (lines == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *row = make_line_row (self, g_ptr_array_index (lines, i));

      gtk_list_box_append (self->lines_list, row);
      g_ptr_array_add (self->line_rows, row);
    }
}

static void
reset_line_form (LbDealWindow *self)
{
  self->filling++;
  adw_combo_row_set_selected (self->product_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->line_description_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->line_quantity_row), "1");
  gtk_editable_set_text (GTK_EDITABLE (self->line_price_row), "");
  self->filling--;
}

static void
update_footer (LbDealWindow *self)
{
  g_autofree char *created = lb_format_date_time (lb_deal_get_int (self->deal, LB_DEAL_CREATED_AT));
  g_autofree char *updated = lb_format_date_time (lb_deal_get_int (self->deal, LB_DEAL_UPDATED_AT));
  g_autofree char *text = NULL;

  if (self->deal_id == 0 || !self->loaded)
    return;

  /* Translators: the times a deal was created and last changed */
  text = g_strdup_printf (_("Created %s · Updated %s"), created, updated);
  gtk_label_set_text (self->footer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), TRUE);
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

static void
on_deal_notify (LbDealWindow *self,
                GParamSpec   *pspec,
                LbDeal       *deal)
{
  if (g_str_equal (pspec->name, "expected-close"))
    clear_error (self, FIELD_CLOSE);
  if (self->filling == 0)
    clear_error (self, FIELD_FORM);

  set_modified (self);
}

static void
on_value_changed (LbDealWindow *self)
{
  clear_error (self, FIELD_VALUE);
  set_modified (self);
}

static void
on_status_selected (LbDealWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->filling == 0 && selected < G_N_ELEMENTS (status_choices))
    lb_deal_set_status (self->deal, status_choices[selected]);
}

static void
on_account_selected (LbDealWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->account_row);

  if (self->filling > 0 || selected >= self->account_ids->len)
    return;

  lb_deal_set_int (self->deal, LB_DEAL_ACCOUNT_ID, g_array_index (self->account_ids, gint64, selected));
  fill_contacts (self, FALSE);
}

static void
on_contact_selected (LbDealWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->contact_row);

  if (self->filling > 0 || selected >= self->contact_ids->len)
    return;

  lb_deal_set_int (self->deal, LB_DEAL_CONTACT_ID, g_array_index (self->contact_ids, gint64, selected));
}

static void
on_pipeline_selected (LbDealWindow *self)
{
  GListModel *names = adw_combo_row_get_model (self->pipeline_row);
  guint selected = adw_combo_row_get_selected (self->pipeline_row);

  if (self->filling > 0 || names == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  lb_deal_set_text (self->deal, LB_DEAL_PIPELINE,
                    gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
  fill_stages (self);
}

static void
on_stage_selected (LbDealWindow *self)
{
  GListModel *names = adw_combo_row_get_model (self->stage_row);
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (self->filling > 0 || names == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  lb_deal_set_text (self->deal, LB_DEAL_STAGE,
                    gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
}

/* A product chosen for a new line: its name, and its price when the
 * catalog's currency is the deal's. */
static void
on_product_selected (LbDealWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->product_row);
  g_autoptr(LbProduct) product = NULL;
  g_autofree char *catalog_currency = NULL;
  g_autofree char *price = NULL;
  gint64 id;

  clear_error (self, FIELD_LINE);
  if (self->filling > 0 || selected >= self->product_ids->len)
    return;

  id = g_array_index (self->product_ids, gint64, selected);
  if (id == 0)
    return;

  product = lb_store_get_product (self->store, id, NULL);
  if (product == NULL)
    return;

  catalog_currency = lb_settings_get (self->store, LB_SETTING_CURRENCY, NULL);
  if (g_strcmp0 (catalog_currency, self->currency) == 0)
    price = lb_money_format (lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE),
                             lb_currency_decimals (self->currency));

  gtk_editable_set_text (GTK_EDITABLE (self->line_description_row),
                         lb_record_get_text (LB_RECORD (product), LB_PRODUCT_NAME));
  gtk_editable_set_text (GTK_EDITABLE (self->line_price_row), price != NULL ? price : "");
}

/* Checks the value and the date as soon as the user leaves their row,
 * with the same parsers the save uses. */
static void
on_row_focus_leave (GtkEventControllerFocus *controller,
                    LbDealWindow            *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (row == GTK_WIDGET (self->value_row) && !read_value (self, &value, &error))
    show_field_error (self, FIELD_VALUE, error->message, FALSE);
  else if (row == GTK_WIDGET (self->close_row) && !check_close_date (self, &error))
    show_field_error (self, FIELD_CLOSE, error->message, FALSE);
}

static void
on_calendar_show (LbDealWindow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = lb_normalize_text (lb_deal_get_text (self->deal, LB_DEAL_EXPECTED_CLOSE));
  GDate date;

  if (text != NULL && lb_parse_date (text, &date, NULL))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->filling++;
  gtk_calendar_select_day (self->close_calendar, when);
  self->filling--;
}

static void
on_calendar_day_selected (LbDealWindow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (self->filling > 0)
    return;

  when = gtk_calendar_get_date (self->close_calendar);
  text = g_date_time_format (when, "%Y-%m-%d");
  lb_deal_set_text (self->deal, LB_DEAL_EXPECTED_CLOSE, text);
  gtk_menu_button_popdown (self->close_button);
}

static void
on_discard_response (LbDealWindow     *self,
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
lb_deal_window_update_actions (LbDealWindow *self)
{
  gboolean existing = self->deal_id != 0;
  gboolean editable = self->loaded && !is_trashed (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.delete", existing && editable);
  /* The invoice is made from the stored deal, so unsaved changes come first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.create-invoice",
                                 existing && editable && !self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.add-line", existing && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.remove-line", existing && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.open-lead",
                                 lb_deal_get_int (self->deal, LB_DEAL_LEAD_ID) != 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lb_deal_window_save (LB_DEAL_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDealWindow *self = LB_DEAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_record_trash (self->store, "deal", self->deal_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* Whoever opened the window offers Undo; unsaved edits go with the deal. */
  self->discard = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[TRASHED], 0, self->deal_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
create_invoice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbDealWindow *self = LB_DEAL_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  LbDocumentWindow *window;
  gint64 id;

  id = lb_deal_create_invoice (self->store, self->deal_id, &error);
  if (id == 0)
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[INVOICE_CREATED], 0, id);

  window = lb_document_window_new (parent != NULL ? parent : GTK_WINDOW (self),
                                   self->store, LB_DOC_INVOICE, id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_lead_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbDealWindow *self = LB_DEAL_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 lead_id = lb_deal_get_int (self->deal, LB_DEAL_LEAD_ID);

  /* The main window opens lead windows and listens to them. */
  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-lead", "x", lead_id))
    return;

  gtk_window_present (GTK_WINDOW (lb_lead_window_new (parent, self->store, lead_id)));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LbDealWindow *self = LB_DEAL_WINDOW (widget);
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *price_text = NULL;
  guint selected = adw_combo_row_get_selected (self->product_row);
  gint64 product_id = 0;
  gint64 quantity;
  gint64 price = -1;   /* the product's */

  clear_error (self, FIELD_LINE);

  if (selected < self->product_ids->len)
    product_id = g_array_index (self->product_ids, gint64, selected);

  quantity_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->line_quantity_row))));
  price_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->line_price_row))));
  if (!lb_quantity_parse (quantity_text, &quantity, &error) ||
      (*price_text != '\0' && !lb_money_parse_for_currency (price_text, self->currency, &price, &error)))
    {
      show_field_error (self, FIELD_LINE, error->message, FALSE);
      return;
    }

  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION,
                      gtk_editable_get_text (GTK_EDITABLE (self->line_description_row)));
  lb_record_set_int (LB_RECORD (line), LB_LINE_PRODUCT_ID, product_id);
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, quantity);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);   /* the product's rate, or none */

  if (lb_deal_add_line (self->store, self->deal_id, line, &error) == 0)
    {
      show_field_error (self, FIELD_LINE, error->message, FALSE);
      return;
    }

  fill_lines (self);
  reset_line_form (self);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbDealWindow *self = LB_DEAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_deal_remove_line (self->store, self->deal_id, g_variant_get_int64 (param), &error))
    {
      show_toast (self, error->message);
      return;
    }

  fill_lines (self);
}

/* Asks before unsaved changes are thrown away. */
static void
ask_discard (LbDealWindow *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (self->discard_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The changes you made to this deal are not saved."));
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

/* Fills the form from the deal (the widgets follow it through bindings
 * and the handlers above), then starts listening for changes. */
static void
lb_deal_window_load (LbDealWindow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value_title = NULL;
  guint status_index = 0;
  gint64 lead_id;

  if (self->deal_id != 0)
    {
      self->deal = lb_store_get_deal (self->store, self->deal_id, &error);
      self->loaded = self->deal != NULL;
      if (self->deal == NULL)
        {
          show_toast (self, error->message);
          self->deal = lb_deal_new ();
        }
    }
  else
    {
      g_autofree char *currency = lb_settings_get (self->store, LB_SETTING_CURRENCY, NULL);

      self->deal = lb_deal_new ();
      self->loaded = TRUE;
      lb_deal_set_text (self->deal, LB_DEAL_CURRENCY, currency);
    }

  if (lb_deal_get_text (self->deal, LB_DEAL_CURRENCY) != NULL)
    self->currency = g_strdup (lb_deal_get_text (self->deal, LB_DEAL_CURRENCY));
  else
    self->currency = lb_settings_get (self->store, LB_SETTING_CURRENCY, NULL);

  self->filling++;

  g_object_bind_property_full (self->deal, "name", self->name_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->deal, "expected-close", self->close_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (self->deal, "notes", gtk_text_view_get_buffer (self->notes_view), "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property (self->deal, "probability", self->probability_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* The value in the deal's currency, with exactly its decimals. */
  /* Translators: the title of a deal's value row, with its currency code */
  value_title = g_strdup_printf (_("Value (%s)"), self->currency != NULL ? self->currency : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
  g_free (value_title);
  /* Translators: the title of the unit price row of a new line, with its currency code */
  value_title = g_strdup_printf (_("Unit Price (%s)"), self->currency != NULL ? self->currency : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_price_row), value_title);
  if (self->deal_id != 0)
    {
      g_autofree char *value = lb_money_format (lb_deal_get_int (self->deal, LB_DEAL_VALUE),
                                                lb_currency_decimals (self->currency));

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    {
      gtk_string_list_append (statuses, lb_deal_status_to_label (status_choices[i]));
      if (status_choices[i] == lb_deal_get_status (self->deal))
        status_index = i;
    }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, status_index);

  fill_accounts (self);
  fill_contacts (self, TRUE);
  fill_pipelines (self);

  self->filling--;

  g_signal_connect_object (self->status_row, "notify::selected",
                           G_CALLBACK (on_status_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_row, "notify::selected",
                           G_CALLBACK (on_account_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_row, "notify::selected",
                           G_CALLBACK (on_contact_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pipeline_row, "notify::selected",
                           G_CALLBACK (on_pipeline_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_row, "notify::selected",
                           G_CALLBACK (on_stage_selected), self, G_CONNECT_SWAPPED);

  /* what only a stored deal shows */
  if (self->deal_id != 0 && self->loaded)
    {
      gtk_window_set_title (GTK_WINDOW (self), lb_deal_get_text (self->deal, LB_DEAL_NAME));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (self->menu_button, TRUE);
      gtk_widget_set_visible (self->lines_group, TRUE);
      fill_products (self);
      fill_lines (self);
      g_signal_connect_object (self->product_row, "notify::selected",
                               G_CALLBACK (on_product_selected), self, G_CONNECT_SWAPPED);
      update_footer (self);

      if (is_trashed (self))
        show_toast (self, _("This deal is in the trash. Restore it to change it."));
    }

  lead_id = lb_deal_get_int (self->deal, LB_DEAL_LEAD_ID);
  if (lead_id != 0)
    {
      g_autoptr(LbLead) lead = lb_store_get_lead (self->store, lead_id, NULL);
      g_autofree char *fallback = g_strdup_printf (_("Lead %" PRId64), lead_id);

      adw_action_row_set_subtitle (self->lead_row,
                                   lead != NULL && lb_lead_get_title (lead) != NULL ?
                                   lb_lead_get_title (lead) : fallback);
      gtk_widget_set_visible (GTK_WIDGET (self->lead_row), TRUE);
    }

  g_signal_connect_object (self->deal, "notify", G_CALLBACK (on_deal_notify),
                           self, G_CONNECT_SWAPPED);

  self->modified = FALSE;
  lb_deal_window_update_actions (self);
}

/* GtkWindow overrides */

static gboolean
lb_deal_window_close_request (GtkWindow *window)
{
  LbDealWindow *self = LB_DEAL_WINDOW (window);

  if (self->modified && !self->discard)
    {
      ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (lb_deal_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
lb_deal_window_constructed (GObject *object)
{
  LbDealWindow *self = (LbDealWindow *)object;

  G_OBJECT_CLASS (lb_deal_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));
  lb_deal_window_load (self);
}

static void
lb_deal_window_dispose (GObject *object)
{
  LbDealWindow *self = (LbDealWindow *)object;

  if (self->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog),
                                    (gpointer *)&self->discard_dialog);
      gtk_window_destroy (g_steal_pointer (&self->discard_dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_DEAL_WINDOW);

  G_OBJECT_CLASS (lb_deal_window_parent_class)->dispose (object);
}

static void
lb_deal_window_finalize (GObject *object)
{
  LbDealWindow *self = (LbDealWindow *)object;

  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->product_ids, g_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->deal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_deal_window_parent_class)->finalize (object);
}

static void
lb_deal_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LbDealWindow *self = LB_DEAL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_deal_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LbDealWindow *self = LB_DEAL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_deal_window_class_init (LbDealWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lb_deal_window_constructed;
  object_class->dispose = lb_deal_window_dispose;
  object_class->finalize = lb_deal_window_finalize;
  object_class->get_property = lb_deal_window_get_property;
  object_class->set_property = lb_deal_window_set_property;
  window_class->close_request = lb_deal_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbDealWindow::saved:
   * @id: the id of the deal that was created or saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LbDealWindow::trashed:
   * @id: the id of the deal moved to the trash
   */
  signals[TRASHED] = g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LbDealWindow::invoice-created:
   * @id: the id of the Draft invoice made from the deal
   */
  signals[INVOICE_CREATED] = g_signal_new ("invoice-created", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/deals/lb-deal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, value_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, probability_spin);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, close_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, close_calendar);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, lead_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, stage_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, lines_group);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, lines_list);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, add_line_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, product_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, line_description_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, line_quantity_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, line_price_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, add_line_button_row);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LbDealWindow, footer_label);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);

  gtk_widget_class_install_action (widget_class, "deal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "deal.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "deal.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "deal.create-invoice", NULL, create_invoice_action);
  gtk_widget_class_install_action (widget_class, "deal.open-lead", NULL, open_lead_action);
  gtk_widget_class_install_action (widget_class, "deal.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "deal.remove-line", "x", remove_line_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "deal.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "deal.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "deal.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "deal.cancel", NULL);
}

static void
lb_deal_window_init (LbDealWindow *self)
{
  GtkWidget *live_rows[2];

  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->line_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  add_message_row (self, FIELD_FORM, GTK_WIDGET (self->name_row));
  add_message_row (self, FIELD_VALUE, GTK_WIDGET (self->value_row));
  add_message_row (self, FIELD_CLOSE, GTK_WIDGET (self->close_row));
  add_message_row (self, FIELD_LINE, self->add_line_button_row);

  gtk_list_box_set_placeholder (self->lines_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No lines: an invoice made from the deal gets one line for its value"),
                                              "wrap", TRUE,
                                              "margin-top", 12,
                                              "margin-bottom", 12,
                                              "margin-start", 12,
                                              "margin-end", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));

  live_rows[0] = GTK_WIDGET (self->value_row);
  live_rows[1] = GTK_WIDGET (self->close_row);
  for (guint i = 0; i < G_N_ELEMENTS (live_rows); i++)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect_object (controller, "leave", G_CALLBACK (on_row_focus_leave), self, 0);
      gtk_widget_add_controller (live_rows[i], controller);
    }
}

/* public API */

/**
 * lb_deal_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @deal_id: the deal to edit, or 0 for a new deal
 *
 * Returns: (transfer none): a new deal window; like every toplevel it
 *   lives until it is closed
 */
LbDealWindow *
lb_deal_window_new (GtkWindow *parent,
                    LbStore   *store,
                    gint64     deal_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id >= 0, NULL);

  return g_object_new (LB_TYPE_DEAL_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);
}

gint64
lb_deal_window_get_deal_id (LbDealWindow *self)
{
  g_return_val_if_fail (LB_IS_DEAL_WINDOW (self), 0);

  return self->deal_id;
}

/* Whether the form holds changes that are not saved. */
gboolean
lb_deal_window_get_modified (LbDealWindow *self)
{
  g_return_val_if_fail (LB_IS_DEAL_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * lb_deal_window_save:
 *
 * Creates or saves the deal as the form holds it.  On success emits
 * #LbDealWindow::saved and closes the window; when the value, the date
 * or the action is refused, shows the message in the form and keeps
 * everything typed.
 *
 * Returns: %TRUE when the deal was stored
 */
gboolean
lb_deal_window_save (LbDealWindow *self)
{
  g_autoptr(GError) value_error = NULL;
  g_autoptr(GError) close_error = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  gint64 id;

  g_return_val_if_fail (LB_IS_DEAL_WINDOW (self), FALSE);

  if (!self->loaded)
    return FALSE;

  clear_all_errors (self);

  if (!read_value (self, &value, &value_error))
    show_field_error (self, FIELD_VALUE, value_error->message, TRUE);
  if (!check_close_date (self, &close_error))
    show_field_error (self, FIELD_CLOSE, close_error->message, value_error == NULL);
  if (value_error != NULL || close_error != NULL)
    return FALSE;

  lb_deal_set_int (self->deal, LB_DEAL_VALUE, value);

  if (self->deal_id == 0)
    id = lb_deal_create (self->store, self->deal, &error);
  else
    id = lb_deal_save (self->store, self->deal, &error) ? self->deal_id : 0;

  if (id == 0)
    {
      show_field_error (self, FIELD_FORM, error->message, TRUE);
      return FALSE;
    }

  self->deal_id = id;
  self->modified = FALSE;
  self->discard = TRUE;

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/**
 * lb_deal_window_get_error:
 * @field: "form" (a refused save), "value", "expected-close" or "line"
 *
 * Returns: (nullable): the message the form shows for @field, or %NULL
 */
const char *
lb_deal_window_get_error (LbDealWindow *self,
                          const char   *field)
{
  g_return_val_if_fail (LB_IS_DEAL_WINDOW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      FieldError *e = &self->errors[f];

      if (g_str_equal (field_names[f], field))
        return gtk_widget_get_visible (e->message_row) ? gtk_label_get_text (e->label) : NULL;
    }

  g_return_val_if_reached (NULL);
}
