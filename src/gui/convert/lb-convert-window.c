#define G_LOG_DOMAIN "lb-convert-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-convert-window.h"
#include "lb-error.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* The Convert assistant (SPEC 3.2): three steps in one window, each a
 * form bound to a part of an LbConversion.  Next runs the step's check
 * from the core, Convert runs lb_lead_convert(); a refusal is shown on
 * the step at fault, with everything typed kept. */

typedef enum
{
  STEP_CONTACT,
  STEP_ACCOUNT,
  STEP_DEAL,
  N_STEPS
} Step;

/* How many accounts the existing-account list shows at most. */
#define ACCOUNTS_SHOWN 50

struct _LbConvertWindow
{
  AdwWindow            parent_instance;

  LbStore             *store;
  gint64               lead_id;
  LbConversion        *conversion;      /* NULL when the lead cannot be converted */
  gboolean             blocked;         /* the lead cannot be converted */
  char                *blocked_reason;
  gboolean             converted;
  LbConversionResult   result;
  Step                 step;
  GPtrArray           *accounts_shown;  /* LbAccount, one per row of accounts_list */
  GtkWidget           *messages[N_STEPS];
  GtkLabel            *message_labels[N_STEPS];

  /* template widgets */
  GtkButton           *cancel_button;
  GtkWidget           *back_button;
  GtkWidget           *next_button;
  GtkWidget           *convert_button;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkWidget           *step_boxes[N_STEPS];
  AdwStatusPage       *blocked_page;
  AdwPreferencesGroup *contact_group;
  GtkWidget           *contact_rows[LB_CONTACT_N_TEXT];
  GtkCheckButton      *skip_check;
  GtkCheckButton      *existing_check;
  GtkCheckButton      *new_check;
  GtkWidget           *existing_group;
  AdwActionRow        *chosen_row;
  GtkSearchEntry      *account_search;
  GtkListBox          *accounts_list;
  GtkLabel            *accounts_placeholder;
  GtkLabel            *accounts_more_label;
  GtkWidget           *new_account_box;
  GtkWidget           *account_rows[LB_ACCOUNT_N_TEXT];
  AdwComboRow         *industry_row;
  GtkSwitch           *deal_switch;
  AdwEntryRow         *deal_name_row;
  AdwEntryRow         *deal_value_row;
  AdwComboRow         *pipeline_row;
  AdwComboRow         *stage_row;
  AdwComboRow         *deal_status_row;
  AdwEntryRow         *close_date_row;
  GtkPopover          *close_date_popover;
  GtkCalendar         *close_date_calendar;
  GtkSpinButton       *probability_spin;
};

G_DEFINE_FINAL_TYPE (LbConvertWindow, lb_convert_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LEAD_ID,
  N_PROPS
};

enum {
  CONVERTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The stack pages of the steps. */
static const char * const step_pages[N_STEPS] = { "contact", "account", "deal" };

/* lb_lead_convert() names the step at fault with these prefixes. */
static const char * const step_prefixes[N_STEPS] = {
  N_("Contact: "),
  N_("Account: "),
  N_("Deal: "),
};

/* The contact and account fields that have a row, named after the
 * field's property: "postal-code" → contact_postal_code_row,
 * account_postal_code_row. */
static const guint contact_fields[] = {
  LB_CONTACT_FIRST_NAME, LB_CONTACT_MIDDLE_NAME, LB_CONTACT_LAST_NAME, LB_CONTACT_EMAIL,
  LB_CONTACT_PHONE, LB_CONTACT_STREET, LB_CONTACT_CITY, LB_CONTACT_POSTAL_CODE,
  LB_CONTACT_REGION, LB_CONTACT_COUNTRY,
};
static const guint account_fields[] = {
  LB_ACCOUNT_NAME, LB_ACCOUNT_WEBSITE, LB_ACCOUNT_TIN, LB_ACCOUNT_STREET, LB_ACCOUNT_CITY,
  LB_ACCOUNT_POSTAL_CODE, LB_ACCOUNT_REGION, LB_ACCOUNT_COUNTRY,
};
/* The choices of the deal status row, in the order shown. */
static const LbDealStatus status_choices[] = {
  LB_DEAL_STATUS_OPEN, LB_DEAL_STATUS_WON, LB_DEAL_STATUS_LOST,
};

static void lb_convert_window_update_actions (LbConvertWindow *self);

/* helpers */

static gboolean
is_ready (LbConvertWindow *self)
{
  return self->conversion != NULL && !self->blocked && !self->converted;
}

/* Shows @message at the top of @step's page, or hides it for %NULL. */
static void
show_message (LbConvertWindow *self,
              Step             step,
              const char      *message)
{
  GtkWidget *scroller;

  if (message == NULL && !gtk_widget_get_visible (self->messages[step]))
    return;

  gtk_label_set_text (self->message_labels[step], message != NULL ? message : "");
  gtk_widget_set_visible (self->messages[step], message != NULL);
  if (message == NULL)
    return;

  scroller = gtk_widget_get_ancestor (self->messages[step], GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}

/* Builds the hidden message box at the top of @step's page. */
static void
add_message (LbConvertWindow *self,
             Step             step)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_margin_top (icon, 12);
  gtk_widget_add_css_class (icon, "error");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_visible (box, FALSE);
  gtk_box_prepend (GTK_BOX (self->step_boxes[step]), box);

  self->messages[step] = box;
  self->message_labels[step] = GTK_LABEL (label);
}

/* The step whose part of the conversion @error is about: the core
 * prefixes its message with the step's name. */
static Step
step_of_error (LbConvertWindow *self,
               const GError    *error)
{
  for (Step step = 0; step < N_STEPS; step++)
    if (g_str_has_prefix (error->message, g_dgettext (GETTEXT_PACKAGE, step_prefixes[step])))
      return step;

  return self->step;
}

static void
go_to_step (LbConvertWindow *self,
            Step             step)
{
  GtkWidget *focus;

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_pages[step]);
  lb_convert_window_update_actions (self);

  switch (step)
    {
    case STEP_CONTACT:
      focus = self->contact_rows[LB_CONTACT_FIRST_NAME];
      break;

    case STEP_ACCOUNT:
      if (gtk_check_button_get_active (self->existing_check))
        focus = GTK_WIDGET (self->existing_check);
      else if (gtk_check_button_get_active (self->new_check))
        focus = GTK_WIDGET (self->new_check);
      else
        focus = GTK_WIDGET (self->skip_check);
      break;

    case STEP_DEAL:
    case N_STEPS:
    default:
      focus = GTK_WIDGET (self->deal_switch);
      break;
    }
  gtk_widget_grab_focus (focus);
}

/* The lead cannot be converted: say why, and offer only Close. */
static void
show_blocked (LbConvertWindow *self,
              const char      *reason)
{
  g_autofree char *markup = g_markup_escape_text (reason, -1);

  self->blocked = TRUE;
  g_free (self->blocked_reason);
  self->blocked_reason = g_strdup (reason);
  adw_status_page_set_description (self->blocked_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "blocked");
  lb_convert_window_update_actions (self);
}

/* Reads the typed value into the deal, in the deal's currency; empty
 * means no value. */
static gboolean
read_deal_value (LbConvertWindow  *self,
                 GError          **error)
{
  LbDeal *deal = self->conversion->deal;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deal_value_row))));
  gint64 value = 0;

  if (!self->conversion->with_deal)
    return TRUE;

  /* A probability still being typed counts too. */
  gtk_spin_button_update (self->probability_spin);

  if (*text != '\0' &&
      !lb_money_parse_for_currency (text, lb_deal_get_text (deal, LB_DEAL_CURRENCY), &value, error))
    return FALSE;

  lb_deal_set_int (deal, LB_DEAL_VALUE, value);
  return TRUE;
}

/* The check behind a step's Next. */
static gboolean
check_step (LbConvertWindow  *self,
            Step              step,
            GError          **error)
{
  switch (step)
    {
    case STEP_CONTACT:
      return lb_conversion_check_contact (self->store, self->conversion, error);

    case STEP_ACCOUNT:
      return lb_conversion_check_account (self->store, self->conversion, error);

    case STEP_DEAL:   /* the last step has Convert instead */
    case N_STEPS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
account_detail (LbAccount *account)
{
  const char *industry = lb_account_get_text (account, LB_ACCOUNT_INDUSTRY);
  const char *city = lb_account_get_text (account, LB_ACCOUNT_CITY);

  if (industry != NULL && city != NULL)
    return g_strdup_printf (C_("account industry and city", "%s · %s"), industry, city);

  return g_strdup (industry != NULL ? industry : city);
}

static void
show_chosen_account (LbConvertWindow *self,
                     const char      *name)
{
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : _("None yet"), -1);

  adw_action_row_set_subtitle (self->chosen_row, escaped);
}

/* Marks the chosen account's row. */
static void
update_account_marks (LbConvertWindow *self)
{
  for (guint i = 0; i < self->accounts_shown->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->accounts_list, i);
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "lb-mark");
      gboolean chosen = lb_account_get_id (g_ptr_array_index (self->accounts_shown, i)) ==
                        self->conversion->account_id;

      gtk_widget_set_visible (mark, chosen);
    }
}

/* Lists the live accounts that match the search; the chosen one has a
 * check mark. */
static void
fill_accounts (LbConvertWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->account_search));
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  LbRecordFilter filter;
  GtkListBoxRow *old;
  guint n;

  while ((old = gtk_list_box_get_row_at_index (self->accounts_list, 0)) != NULL)
    gtk_list_box_remove (self->accounts_list, GTK_WIDGET (old));
  g_ptr_array_set_size (self->accounts_shown, 0);

  lb_record_filter_init (&filter);
  filter.search = *search != '\0' ? g_strdup (search) : NULL;
  accounts = lb_store_list_accounts (self->store, &filter, &error);
  lb_record_filter_clear (&filter);

  if (accounts == NULL)
    {
      gtk_label_set_text (self->accounts_placeholder, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->accounts_more_label), FALSE);
      return;
    }

  if (*search != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("No account matches “%s”."), search);
      gtk_label_set_text (self->accounts_placeholder, text);
    }
  else
    gtk_label_set_text (self->accounts_placeholder,
                        _("There are no accounts yet. Create a new one instead."));

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < MIN (n, ACCOUNTS_SHOWN); i++)
    {
      g_autoptr(LbAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *title = g_markup_escape_text (lb_account_get_text (account, LB_ACCOUNT_NAME), -1);
      g_autofree char *detail = account_detail (account);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (detail != NULL)
        {
          g_autofree char *subtitle = g_markup_escape_text (detail, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_widget_set_tooltip_text (mark, _("Chosen"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
      g_object_set_data (G_OBJECT (row), "lb-mark", mark);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      g_ptr_array_add (self->accounts_shown, g_steal_pointer (&account));
      gtk_list_box_append (self->accounts_list, row);
    }
  update_account_marks (self);

  if (n > ACCOUNTS_SHOWN)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("Showing %u of %u account; search to find the others.",
                                        "Showing %u of %u accounts; search to find the others.", n),
                              ACCOUNTS_SHOWN, n);
      gtk_label_set_text (self->accounts_more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_more_label), n > ACCOUNTS_SHOWN);
}

/* Fills a combo row with @names and selects @value (ignoring case),
 * else the first. */
static void
fill_combo (AdwComboRow        *row,
            const char * const *names,
            const char         *value)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (names);
  guint selected = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (value != NULL && g_ascii_strcasecmp (names[i], value) == 0)
      {
        selected = i;
        break;
      }

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
}

static const char *
combo_get_string (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);

  if (model == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (model))
    return NULL;

  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

/* The industry choices: none, the reference list, and the account's
 * value when the list no longer holds it. */
static void
fill_industries (LbConvertWindow *self)
{
  const char *value = lb_account_get_text (self->conversion->account, LB_ACCOUNT_INDUSTRY);
  g_autoptr(GListModel) refs = lb_store_list_refs (self->store, LB_REF_INDUSTRY, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  gboolean found = value == NULL;
  guint n = refs != NULL ? g_list_model_get_n_items (refs) : 0;

  g_strv_builder_add (builder, C_("choice", "None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (refs, i);
      const char *name = lb_ref_item_get_name (item);

      found = found || g_ascii_strcasecmp (name, value) == 0;
      g_strv_builder_add (builder, name);
    }
  if (!found)
    g_strv_builder_add (builder, value);
  names = g_strv_builder_end (builder);

  fill_combo (self->industry_row, (const char * const *)names, value);
}

static void
fill_stages (LbConvertWindow *self)
{
  LbDeal *deal = self->conversion->deal;
  const char *pipeline = lb_deal_get_text (deal, LB_DEAL_PIPELINE);
  g_auto(GStrv) stages = pipeline != NULL ? lb_store_list_stages (self->store, pipeline) : NULL;

  fill_combo (self->stage_row, (const char * const *)stages, lb_deal_get_text (deal, LB_DEAL_STAGE));
  lb_deal_set_text (deal, LB_DEAL_STAGE, combo_get_string (self->stage_row));
}

static void
fill_pipelines (LbConvertWindow *self)
{
  LbDeal *deal = self->conversion->deal;
  g_auto(GStrv) pipelines = lb_store_list_pipelines (self->store);

  fill_combo (self->pipeline_row, (const char * const *)pipelines,
              lb_deal_get_text (deal, LB_DEAL_PIPELINE));
  lb_deal_set_text (deal, LB_DEAL_PIPELINE, combo_get_string (self->pipeline_row));
  fill_stages (self);
}

static void
update_account_mode (LbConvertWindow *self)
{
  LbConvertAccountMode mode = self->conversion->account_mode;

  gtk_widget_set_visible (self->existing_group, mode == LB_CONVERT_ACCOUNT_EXISTING);
  gtk_widget_set_visible (self->new_account_box, mode == LB_CONVERT_ACCOUNT_NEW);
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

/* A change to a step's fields makes its message stale. */
static void
on_contact_notify (LbConvertWindow *self)
{
  show_message (self, STEP_CONTACT, NULL);
}

static void
on_account_notify (LbConvertWindow *self)
{
  show_message (self, STEP_ACCOUNT, NULL);
}

static void
on_deal_notify (LbConvertWindow *self)
{
  show_message (self, STEP_DEAL, NULL);
}

static void
on_value_changed (LbConvertWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->deal_value_row), "error");
  show_message (self, STEP_DEAL, NULL);
}

static void
on_mode_toggled (LbConvertWindow *self,
                 GtkCheckButton  *check)
{
  if (!gtk_check_button_get_active (check) || self->conversion == NULL)
    return;

  if (check == self->existing_check)
    self->conversion->account_mode = LB_CONVERT_ACCOUNT_EXISTING;
  else if (check == self->new_check)
    self->conversion->account_mode = LB_CONVERT_ACCOUNT_NEW;
  else
    self->conversion->account_mode = LB_CONVERT_ACCOUNT_SKIP;

  show_message (self, STEP_ACCOUNT, NULL);
  update_account_mode (self);
}

static void
account_activated_cb (LbConvertWindow *self,
                      GtkListBoxRow   *row,
                      GtkListBox      *list)
{
  int index = gtk_list_box_row_get_index (row);
  LbAccount *account;

  if (self->conversion == NULL || index < 0 || (guint)index >= self->accounts_shown->len)
    return;

  account = g_ptr_array_index (self->accounts_shown, index);
  self->conversion->account_id = lb_account_get_id (account);
  show_chosen_account (self, lb_account_get_text (account, LB_ACCOUNT_NAME));
  update_account_marks (self);
  show_message (self, STEP_ACCOUNT, NULL);
}

static void
on_search_changed (LbConvertWindow *self)
{
  fill_accounts (self);
}

static void
on_industry_selected (LbConvertWindow *self)
{
  const char *name = adw_combo_row_get_selected (self->industry_row) == 0
                     ? NULL : combo_get_string (self->industry_row);

  lb_account_set_text (self->conversion->account, LB_ACCOUNT_INDUSTRY, name);
}

static void
on_pipeline_selected (LbConvertWindow *self)
{
  const char *pipeline = combo_get_string (self->pipeline_row);
  LbDeal *deal = self->conversion->deal;

  if (g_strcmp0 (pipeline, lb_deal_get_text (deal, LB_DEAL_PIPELINE)) == 0)
    return;

  lb_deal_set_text (deal, LB_DEAL_PIPELINE, pipeline);
  lb_deal_set_text (deal, LB_DEAL_STAGE, NULL);
  fill_stages (self);
}

static void
on_stage_selected (LbConvertWindow *self)
{
  lb_deal_set_text (self->conversion->deal, LB_DEAL_STAGE, combo_get_string (self->stage_row));
}

static void
on_status_selected (LbConvertWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->deal_status_row);

  if (selected < G_N_ELEMENTS (status_choices))
    lb_deal_set_status (self->conversion->deal, status_choices[selected]);
}

static void
on_probability_changed (LbConvertWindow *self)
{
  lb_deal_set_int (self->conversion->deal, LB_DEAL_PROBABILITY,
                   gtk_spin_button_get_value_as_int (self->probability_spin));
}

static void
on_deal_switch (LbConvertWindow *self)
{
  self->conversion->with_deal = gtk_switch_get_active (self->deal_switch);
  show_message (self, STEP_DEAL, NULL);
}

/* The calendar opens on the typed date, or today. */
static void
on_close_date_popover_show (LbConvertWindow *self)
{
  const char *text = lb_deal_get_text (self->conversion->deal, LB_DEAL_EXPECTED_CLOSE);
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (text != NULL && lb_parse_date (text, &date, NULL))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  else
    when = g_date_time_new_now_local ();

  g_signal_handlers_block_matched (self->close_date_calendar, G_SIGNAL_MATCH_DATA,
                                   0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->close_date_calendar, when);
  g_signal_handlers_unblock_matched (self->close_date_calendar, G_SIGNAL_MATCH_DATA,
                                     0, 0, NULL, NULL, self);
}

static void
on_close_date_picked (LbConvertWindow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->close_date_calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  lb_deal_set_text (self->conversion->deal, LB_DEAL_EXPECTED_CLOSE, text);
  gtk_popover_popdown (self->close_date_popover);
}

/* actions */

static void
lb_convert_window_update_actions (LbConvertWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = is_ready (self);
  g_autofree char *subtitle = NULL;

  gtk_widget_action_set_enabled (widget, "convert.back", ready && self->step > STEP_CONTACT);
  gtk_widget_action_set_enabled (widget, "convert.next", ready && self->step < STEP_DEAL);
  gtk_widget_action_set_enabled (widget, "convert.convert", ready && self->step == STEP_DEAL);

  gtk_widget_set_visible (self->back_button, ready && self->step > STEP_CONTACT);
  gtk_widget_set_visible (self->next_button, ready && self->step < STEP_DEAL);
  gtk_widget_set_visible (self->convert_button, ready && self->step == STEP_DEAL);
  gtk_button_set_label (self->cancel_button, self->blocked ? _("_Close") : _("_Cancel"));

  if (ready)
    /* Translators: the assistant's progress, e.g. "Step 2 of 3" */
    subtitle = g_strdup_printf (_("Step %u of %u"), self->step + 1, (guint)N_STEPS);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbConvertWindow *self = LB_CONVERT_WINDOW (widget);

  if (is_ready (self) && self->step > STEP_CONTACT)
    go_to_step (self, self->step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbConvertWindow *self = LB_CONVERT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!is_ready (self) || self->step >= STEP_DEAL)
    return;

  show_message (self, self->step, NULL);
  if (!check_step (self, self->step, &error))
    {
      show_message (self, self->step, error->message);
      return;
    }

  go_to_step (self, self->step + 1);
}

static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbConvertWindow *self = LB_CONVERT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LbConversionResult result = { 0 };
  Step at_fault;

  if (!is_ready (self))
    return;

  for (Step step = 0; step < N_STEPS; step++)
    show_message (self, step, NULL);

  if (!read_deal_value (self, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deal_value_row), "error");
      show_message (self, STEP_DEAL, error->message);
      go_to_step (self, STEP_DEAL);
      return;
    }

  if (!lb_lead_convert (self->store, self->conversion, &result, &error))
    {
      /* Converted or trashed meanwhile, or gone: nothing left to do here. */
      if (g_error_matches (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CONVERTED) ||
          g_error_matches (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED) ||
          g_error_matches (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND))
        {
          show_blocked (self, error->message);
          return;
        }

      at_fault = step_of_error (self, error);
      go_to_step (self, at_fault);
      show_message (self, at_fault, error->message);
      return;
    }

  self->converted = TRUE;
  self->result = result;
  lb_convert_window_update_actions (self);

  g_object_ref (self);
  g_signal_emit (self, signals[CONVERTED], 0, self->lead_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/* loading */

static void
bind_rows (LbRecord     *record,
           GtkWidget   **rows,
           const guint  *fields,
           guint         n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_object_bind_property_full (record, lb_record_text_name (record, fields[i]),
                                 rows[fields[i]], "text",
                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                 text_to_editable, NULL, NULL, NULL);
}

/* Fills the steps from the conversion the core prepared, then starts
 * listening for changes. */
static void
lb_convert_window_load (LbConvertWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(GStrvBuilder) statuses = g_strv_builder_new ();
  g_auto(GStrv) status_names = NULL;
  g_autofree char *description = NULL;
  g_autofree char *value_title = NULL;
  LbConversion *conversion;
  LbDeal *deal;
  guint status_index = 0;
  gint64 value;

  self->conversion = lb_conversion_new_for_lead (self->store, self->lead_id, &error);
  if (self->conversion == NULL)
    {
      show_blocked (self, error->message);
      return;
    }
  conversion = self->conversion;
  deal = conversion->deal;

  lead = lb_store_get_lead (self->store, self->lead_id, NULL);
  if (lead != NULL)
    {
      /* Translators: the contact step's hint; %s is the lead's title */
      description = g_strdup_printf (_("From the lead “%s”; change anything before it is created"),
                                     lb_lead_get_title (lead));
      adw_preferences_group_set_description (self->contact_group, description);
    }

  /* step 1 */
  bind_rows (LB_RECORD (conversion->contact), self->contact_rows, contact_fields,
             G_N_ELEMENTS (contact_fields));

  /* step 2 */
  bind_rows (LB_RECORD (conversion->account), self->account_rows, account_fields,
             G_N_ELEMENTS (account_fields));
  fill_industries (self);
  if (conversion->account_id != 0)
    {
      g_autoptr(LbAccount) account = lb_store_get_account (self->store, conversion->account_id, NULL);

      show_chosen_account (self, account != NULL ? lb_account_get_text (account, LB_ACCOUNT_NAME) : NULL);
    }
  else
    show_chosen_account (self, NULL);
  fill_accounts (self);
  switch (conversion->account_mode)
    {
    case LB_CONVERT_ACCOUNT_EXISTING:
      gtk_check_button_set_active (self->existing_check, TRUE);
      break;

    case LB_CONVERT_ACCOUNT_NEW:
      gtk_check_button_set_active (self->new_check, TRUE);
      break;

    case LB_CONVERT_ACCOUNT_SKIP:
    default:
      gtk_check_button_set_active (self->skip_check, TRUE);
      break;
    }
  update_account_mode (self);

  /* step 3 */
  if (lb_deal_get_text (deal, LB_DEAL_CURRENCY) == NULL)
    {
      g_autofree char *currency = lb_settings_get (self->store, LB_SETTING_CURRENCY, NULL);
      lb_deal_set_text (deal, LB_DEAL_CURRENCY, currency);
    }
  if (lb_deal_get_text (deal, LB_DEAL_CURRENCY) != NULL)
    {
      /* Translators: the deal value's row; %s is a currency code, e.g. EUR */
      value_title = g_strdup_printf (_("Value (%s)"), lb_deal_get_text (deal, LB_DEAL_CURRENCY));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deal_value_row), value_title);
    }
  value = lb_deal_get_int (deal, LB_DEAL_VALUE);
  if (value > 0)
    {
      g_autofree char *text = lb_money_format (value, lb_currency_decimals (lb_deal_get_text (deal, LB_DEAL_CURRENCY)));
      gtk_editable_set_text (GTK_EDITABLE (self->deal_value_row), text);
    }
  g_object_bind_property_full (deal, "name", self->deal_name_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  g_object_bind_property_full (deal, "expected-close", self->close_date_row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
  fill_pipelines (self);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    {
      g_strv_builder_add (statuses, lb_deal_status_to_label (status_choices[i]));
      if (status_choices[i] == lb_deal_get_status (deal))
        status_index = i;
    }
  status_names = g_strv_builder_end (statuses);
  fill_combo (self->deal_status_row, (const char * const *)status_names, NULL);
  adw_combo_row_set_selected (self->deal_status_row, status_index);
  gtk_spin_button_set_value (self->probability_spin, lb_deal_get_int (deal, LB_DEAL_PROBABILITY));
  gtk_switch_set_active (self->deal_switch, conversion->with_deal);

  /* listening */
  g_signal_connect_object (conversion->contact, "notify", G_CALLBACK (on_contact_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (conversion->account, "notify", G_CALLBACK (on_account_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (deal, "notify", G_CALLBACK (on_deal_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deal_value_row, "changed", G_CALLBACK (on_value_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_check, "toggled", G_CALLBACK (on_mode_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->existing_check, "toggled", G_CALLBACK (on_mode_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_check, "toggled", G_CALLBACK (on_mode_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_search, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->industry_row, "notify::selected", G_CALLBACK (on_industry_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pipeline_row, "notify::selected", G_CALLBACK (on_pipeline_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_row, "notify::selected", G_CALLBACK (on_stage_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deal_status_row, "notify::selected", G_CALLBACK (on_status_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->probability_spin, "value-changed", G_CALLBACK (on_probability_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deal_switch, "notify::active", G_CALLBACK (on_deal_switch),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->close_date_popover, "show", G_CALLBACK (on_close_date_popover_show),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->close_date_calendar, "day-selected", G_CALLBACK (on_close_date_picked),
                           self, G_CONNECT_SWAPPED);

  go_to_step (self, STEP_CONTACT);
}

/* GObject overrides */

static void
lb_convert_window_constructed (GObject *object)
{
  LbConvertWindow *self = (LbConvertWindow *)object;

  G_OBJECT_CLASS (lb_convert_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));
  lb_convert_window_load (self);
}

static void
lb_convert_window_dispose (GObject *object)
{
  LbConvertWindow *self = (LbConvertWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_CONVERT_WINDOW);
  g_clear_pointer (&self->accounts_shown, g_ptr_array_unref);

  G_OBJECT_CLASS (lb_convert_window_parent_class)->dispose (object);
}

static void
lb_convert_window_finalize (GObject *object)
{
  LbConvertWindow *self = (LbConvertWindow *)object;

  g_clear_pointer (&self->conversion, lb_conversion_free);
  g_clear_pointer (&self->blocked_reason, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_convert_window_parent_class)->finalize (object);
}

static void
lb_convert_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbConvertWindow *self = LB_CONVERT_WINDOW (object);

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
lb_convert_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbConvertWindow *self = LB_CONVERT_WINDOW (object);

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

/* Binds the rows of @record's @fields to @offset + field in the
 * instance. */
static void
bind_field_rows (GtkWidgetClass *widget_class,
                 const char     *prefix,
                 LbRecord       *record,
                 gsize           offset,
                 const guint    *fields,
                 guint           n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_%s_row", prefix,
                                               lb_record_text_name (record, fields[i]));

      g_strdelimit (name, "-", '_');
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE,
                                                 offset + fields[i] * sizeof (GtkWidget *));
    }
}

static void
lb_convert_window_class_init (LbConvertWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(LbContact) contact = lb_contact_new ();   /* for the field names */
  g_autoptr(LbAccount) account = lb_account_new ();

  object_class->constructed = lb_convert_window_constructed;
  object_class->dispose = lb_convert_window_dispose;
  object_class->finalize = lb_convert_window_finalize;
  object_class->get_property = lb_convert_window_get_property;
  object_class->set_property = lb_convert_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbConvertWindow::converted:
   * @lead_id: the lead that was converted
   *
   * Emitted after a successful conversion, right before the window
   * closes; lb_convert_window_get_result() then gives what was created.
   */
  signals[CONVERTED] = g_signal_new ("converted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/convert/lb-convert-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, convert_button);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "contact_box", FALSE,
                                             G_STRUCT_OFFSET (LbConvertWindow, step_boxes[STEP_CONTACT]));
  gtk_widget_class_bind_template_child_full (widget_class, "account_box", FALSE,
                                             G_STRUCT_OFFSET (LbConvertWindow, step_boxes[STEP_ACCOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "deal_box", FALSE,
                                             G_STRUCT_OFFSET (LbConvertWindow, step_boxes[STEP_DEAL]));
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, blocked_page);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, contact_group);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, skip_check);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, existing_check);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, new_check);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, existing_group);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, account_search);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, accounts_placeholder);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, accounts_more_label);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, new_account_box);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, industry_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, deal_switch);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, deal_name_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, deal_value_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, stage_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, deal_status_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, close_date_row);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, close_date_popover);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, close_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, LbConvertWindow, probability_spin);
  gtk_widget_class_bind_template_callback (widget_class, account_activated_cb);
  bind_field_rows (widget_class, "contact", LB_RECORD (contact),
                   G_STRUCT_OFFSET (LbConvertWindow, contact_rows),
                   contact_fields, G_N_ELEMENTS (contact_fields));
  bind_field_rows (widget_class, "account", LB_RECORD (account),
                   G_STRUCT_OFFSET (LbConvertWindow, account_rows),
                   account_fields, G_N_ELEMENTS (account_fields));

  gtk_widget_class_install_action (widget_class, "convert.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "convert.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "convert.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "convert.convert", NULL, convert_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "convert.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "convert.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "convert.next", NULL);
}

static void
lb_convert_window_init (LbConvertWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->accounts_shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (Step step = 0; step < N_STEPS; step++)
    add_message (self, step);
}

/* public API */

/**
 * lb_convert_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @lead_id: the lead to convert
 *
 * Returns: (transfer none): a new Convert assistant; like every
 *   toplevel it lives until it is closed
 */
LbConvertWindow *
lb_convert_window_new (GtkWindow *parent,
                       LbStore   *store,
                       gint64     lead_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (lead_id >= 0, NULL);

  return g_object_new (LB_TYPE_CONVERT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "lead-id", lead_id,
                       NULL);
}

gint64
lb_convert_window_get_lead_id (LbConvertWindow *self)
{
  g_return_val_if_fail (LB_IS_CONVERT_WINDOW (self), 0);

  return self->lead_id;
}

/**
 * lb_convert_window_get_step:
 *
 * Returns: the step shown: "contact", "account" or "deal", or
 *   "blocked" when the lead cannot be converted
 */
const char *
lb_convert_window_get_step (LbConvertWindow *self)
{
  g_return_val_if_fail (LB_IS_CONVERT_WINDOW (self), NULL);

  return self->blocked ? "blocked" : step_pages[self->step];
}

/**
 * lb_convert_window_get_message:
 *
 * Returns: (nullable): the message the step shown holds (a refusal of
 *   the core), or the reason the lead cannot be converted
 */
const char *
lb_convert_window_get_message (LbConvertWindow *self)
{
  g_return_val_if_fail (LB_IS_CONVERT_WINDOW (self), NULL);

  if (self->blocked)
    return self->blocked_reason;
  if (!gtk_widget_get_visible (self->messages[self->step]))
    return NULL;
  return gtk_label_get_text (self->message_labels[self->step]);
}

/**
 * lb_convert_window_get_result:
 * @out: (out): the ids of what the conversion created
 *
 * Returns: %TRUE once the lead was converted (and @out is filled)
 */
gboolean
lb_convert_window_get_result (LbConvertWindow    *self,
                              LbConversionResult *out)
{
  g_return_val_if_fail (LB_IS_CONVERT_WINDOW (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!self->converted)
    return FALSE;

  *out = self->result;
  return TRUE;
}
