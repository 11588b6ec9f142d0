#include "config.h"

#include <string.h>

#include "lb-convert-window.h"
#include "lb-crm-actions.h"
#include "lb-dashboard-page.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-error.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-money.h"
#include "lb-validate.h"

/* The Convert assistant (SPEC 3.2) and the dashboard's Hot Leads,
 * stage chart and overdue invoices. */

typedef struct
{
  guint               n_converted;
  gint64              lead_id;
  gboolean            has_result;
  LbConversionResult  result;
} Converted;

/* helpers */

static void
converted_cb (LbConvertWindow *window,
              gint64           lead_id,
              Converted       *converted)
{
  converted->n_converted++;
  converted->lead_id = lead_id;
  converted->has_result = lb_convert_window_get_result (window, &converted->result);
}

/* A hot lead named @first @last of the company @company (or none). */
static gint64
add_lead (LbStore    *store,
          const char *first,
          const char *last,
          const char *company)
{
  g_autofree char *email = g_strdup_printf ("%s@example.com", first);
  g_autoptr(LbLead) lead = lb_test_make_lead (first, last, email, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_lead_set_rating (lead, LB_RATING_HOT);
  if (company != NULL)
    {
      lb_lead_set_new_company (lead, TRUE);
      lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, company);
      lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, "initech.example");
      lb_lead_set_text (lead, LB_LEAD_COMPANY_TIN, "123456789");
      lb_lead_set_text (lead, LB_LEAD_CITY, "Austin");
    }

  id = lb_lead_create (store, lead, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_account (LbStore    *store,
             const char *name)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  id = lb_account_create (store, account, &error);
  g_assert_no_error (error);

  return id;
}

static LbLeadStatus
lead_status (LbStore *store,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = lb_store_get_lead (store, id, &error);

  g_assert_no_error (error);
  return lb_lead_get_status (lead);
}

/* How many accounts, contacts and deals there are, trash included. */
static guint
count_records (LbStore *store)
{
  GListModel *(*list[]) (LbStore *, const LbRecordFilter *, GError **) = {
    lb_store_list_accounts, lb_store_list_contacts, lb_store_list_deals,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    for (guint trash = 0; trash < 2; trash++)
      {
        g_autoptr(GListModel) model = NULL;
        g_autoptr(GError) error = NULL;
        LbRecordFilter filter;

        lb_record_filter_init (&filter);
        filter.trash = trash;
        model = list[i] (store, &filter, &error);
        g_assert_no_error (error);
        n += g_list_model_get_n_items (model);
      }

  return n;
}

/* A sent invoice to a new account @customer for 500.00, due in 30 days. */
static gint64
add_sent_invoice (LbStore    *store,
                  const char *customer)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lb_store_today (store);
  gint64 id;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, add_account (store, customer));
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, today);
  id = lb_invoice_create (store, invoice, &error);
  g_assert_no_error (error);
  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, "Consulting");
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 1000);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, 50000);
  lb_document_add_line (store, LB_DOC_INVOICE, id, line, &error);
  g_assert_no_error (error);
  lb_invoice_send (store, id, &error);
  g_assert_no_error (error);

  return id;
}

/* The overdue sweep as of 60 days from now; returns how many invoices
 * became Overdue. */
static int
sweep_later (LbStore *store)
{
  g_autofree char *today = lb_store_today (store);
  g_autoptr(GError) error = NULL;
  char later_text[16];
  GDate later;
  int n;

  g_assert_true (lb_parse_date (today, &later, NULL));
  g_date_add_days (&later, 60);
  g_date_strftime (later_text, sizeof later_text, "%Y-%m-%d", &later);
  n = lb_invoice_sweep (store, later_text, &error);
  g_assert_no_error (error);

  return n;
}

static LbConvertWindow *
open_assistant (LbGuiFixture *fixture,
                gint64        lead_id,
                Converted    *converted)
{
  LbConvertWindow *window = lb_convert_window_new (GTK_WINDOW (fixture->window),
                                                   fixture->base.store, lead_id);

  g_signal_connect (window, "converted", G_CALLBACK (converted_cb), converted);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_iterate (50);

  return window;
}

static gpointer
child (LbConvertWindow *window,
       const char      *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_CONVERT_WINDOW, name);
}

static void
activate (LbConvertWindow *window,
          const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  lb_gui_test_iterate (20);
}

static void
set_text (LbConvertWindow *window,
          const char      *row,
          const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, row)), text);
}

/* The group of the deal's fields, shown while "Create a deal" is on. */
static GtkWidget *
deal_group (LbConvertWindow *window)
{
  return gtk_widget_get_ancestor (child (window, "deal_name_row"), ADW_TYPE_PREFERENCES_GROUP);
}

static const char *
get_text (LbConvertWindow *window,
          const char      *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (window, row)));
}

/* Selects the entry @label of a combo row. */
static void
choose (LbConvertWindow *window,
        const char      *row,
        const char      *label)
{
  AdwComboRow *combo = child (window, row);
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }

  g_error ("“%s” is not a choice of %s", label, row);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Runs Convert and waits until the window closed. */
static void
convert_and_wait (LbConvertWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  activate (window, "convert.convert");
  g_assert_true (lb_gui_test_wait (is_gone, &weak, 5000));
}

/* Collects the descendants of @widget of @type, in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (found, c);
      collect (c, type, found);
    }
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static GtkWidget *
find_image (GtkWidget  *widget,
            const char *icon_name)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  collect (widget, GTK_TYPE_IMAGE, images);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)), icon_name) == 0)
      return g_ptr_array_index (images, i);

  return NULL;
}

static LbDashboardPage *
dashboard (LbGuiFixture *fixture)
{
  return LB_DASHBOARD_PAGE (lb_window_get_page_widget (fixture->window, "dashboard"));
}

static gpointer
dashboard_child (LbGuiFixture *fixture,
                 const char   *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (dashboard (fixture)), LB_TYPE_DASHBOARD_PAGE, name);
}

/* tests: the assistant */

/* A lead with a company: the contact and a new account come pre-filled;
 * with the deal turned on, Convert creates all three, linked. */
static void
test_new_account (LbGuiFixture  *fixture,
                  gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  gint64 lead_id = add_lead (store, "Ann", "Lee", "Initech");
  Converted converted = { 0 };
  LbConvertWindow *window = open_assistant (fixture, lead_id, &converted);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbContact) contact = NULL;
  g_autoptr(LbAccount) account = NULL;
  g_autoptr(LbDeal) deal = NULL;
  g_autoptr(LbLead) lead = NULL;

  /* step 1 */
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "contact");
  g_assert_cmpstr (adw_window_title_get_subtitle (child (window, "window_title")), ==,
                   "Step 1 of 3");
  g_assert_cmpstr (get_text (window, "contact_first_name_row"), ==, "Ann");
  g_assert_cmpstr (get_text (window, "contact_last_name_row"), ==, "Lee");
  g_assert_cmpstr (get_text (window, "contact_email_row"), ==, "Ann@example.com");
  g_assert_cmpstr (get_text (window, "contact_city_row"), ==, "Austin");
  g_assert_false (gtk_widget_get_visible (child (window, "back_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "convert_button")));
  set_text (window, "contact_middle_name_row", "Q");
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-contact");
  activate (window, "convert.next");
  g_assert_null (lb_convert_window_get_message (window));

  /* step 2: a new account, from the lead's company */
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "account");
  g_assert_cmpstr (adw_window_title_get_subtitle (child (window, "window_title")), ==,
                   "Step 2 of 3");
  g_assert_true (gtk_check_button_get_active (child (window, "new_check")));
  g_assert_true (gtk_widget_get_visible (child (window, "new_account_box")));
  g_assert_false (gtk_widget_get_visible (child (window, "existing_group")));
  g_assert_cmpstr (get_text (window, "account_name_row"), ==, "Initech");
  g_assert_cmpstr (get_text (window, "account_tin_row"), ==, "123456789");
  g_assert_cmpstr (get_text (window, "account_city_row"), ==, "Austin");
  g_assert_true (gtk_widget_get_visible (child (window, "back_button")));
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-account-new");
  activate (window, "convert.next");

  /* step 3: the deal, turned on */
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "deal");
  g_assert_true (gtk_widget_get_visible (child (window, "convert_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "next_button")));
  g_assert_false (gtk_widget_get_visible (deal_group (window)));
  gtk_switch_set_active (child (window, "deal_switch"), TRUE);
  g_assert_true (gtk_widget_get_visible (deal_group (window)));
  g_assert_cmpstr (get_text (window, "deal_name_row"), ==, "Ann Lee");
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "deal_value_row")), ==, "Value (EUR)");

  /* A value the currency cannot hold is refused before anything is written. */
  set_text (window, "deal_value_row", "1234.567");
  activate (window, "convert.convert");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "deal");
  g_assert_nonnull (lb_convert_window_get_message (window));
  g_assert_true (gtk_widget_has_css_class (child (window, "deal_value_row"), "error"));
  g_assert_cmpuint (converted.n_converted, ==, 0);
  g_assert_cmpuint (count_records (store), ==, 0);

  set_text (window, "deal_value_row", "1234.50");
  g_assert_null (lb_convert_window_get_message (window));
  g_assert_false (gtk_widget_has_css_class (child (window, "deal_value_row"), "error"));
  choose (window, "pipeline_row", "Sales");
  choose (window, "stage_row", "Proposal");
  choose (window, "deal_status_row", "Open");
  set_text (window, "close_date_row", "2026-06-30");
  gtk_spin_button_set_value (child (window, "probability_spin"), 40);
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-deal");
  convert_and_wait (window);

  g_assert_cmpuint (converted.n_converted, ==, 1);
  g_assert_cmpint (converted.lead_id, ==, lead_id);
  g_assert_true (converted.has_result);
  g_assert_cmpint (converted.result.contact_id, >, 0);
  g_assert_cmpint (converted.result.account_id, >, 0);
  g_assert_cmpint (converted.result.deal_id, >, 0);

  contact = lb_store_get_contact (store, converted.result.contact_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_contact_get_text (contact, LB_CONTACT_FIRST_NAME), ==, "Ann");
  g_assert_cmpstr (lb_contact_get_text (contact, LB_CONTACT_MIDDLE_NAME), ==, "Q");
  g_assert_cmpint (lb_contact_get_int (contact, LB_CONTACT_ACCOUNT_ID), ==, converted.result.account_id);
  g_assert_cmpint (lb_contact_get_int (contact, LB_CONTACT_LEAD_ID), ==, lead_id);

  account = lb_store_get_account (store, converted.result.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_account_get_text (account, LB_ACCOUNT_NAME), ==, "Initech");
  g_assert_cmpstr (lb_account_get_text (account, LB_ACCOUNT_WEBSITE), ==, "https://initech.example");
  g_assert_cmpstr (lb_account_get_text (account, LB_ACCOUNT_TIN), ==, "123456789");

  deal = lb_store_get_deal (store, converted.result.deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_NAME), ==, "Ann Lee");
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_VALUE), ==, 123450);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_CURRENCY), ==, "EUR");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_PIPELINE), ==, "Sales");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_STAGE), ==, "Proposal");
  g_assert_cmpint (lb_deal_get_status (deal), ==, LB_DEAL_STATUS_OPEN);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_EXPECTED_CLOSE), ==, "2026-06-30");
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_PROBABILITY), ==, 40);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID), ==, converted.result.account_id);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_CONTACT_ID), ==, converted.result.contact_id);

  lead = lb_store_get_lead (store, lead_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_lead_get_status (lead), ==, LB_LEAD_STATUS_CONVERTED);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_CONTACT_ID), ==, converted.result.contact_id);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID), ==, converted.result.account_id);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_DEAL_ID), ==, converted.result.deal_id);
}

/* A lead without a company starts on Skip; choosing an existing account
 * needs one picked, found by a search. */
static void
test_existing_account (LbGuiFixture  *fixture,
                       gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  gint64 globex = add_account (store, "Globex");
  gint64 lead_id;
  Converted converted = { 0 };
  LbConvertWindow *window;
  GtkListBox *accounts;
  GtkListBoxRow *row;
  GtkWidget *mark;
  g_autoptr(LbContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  add_account (store, "Acme");
  lead_id = add_lead (store, "Bob", "Ray", NULL);
  window = open_assistant (fixture, lead_id, &converted);
  accounts = child (window, "accounts_list");

  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "account");
  g_assert_true (gtk_check_button_get_active (child (window, "skip_check")));
  g_assert_false (gtk_widget_get_visible (child (window, "existing_group")));

  gtk_check_button_set_active (child (window, "existing_check"), TRUE);
  g_assert_true (gtk_widget_get_visible (child (window, "existing_group")));
  g_assert_false (gtk_widget_get_visible (child (window, "new_account_box")));
  g_assert_nonnull (gtk_list_box_get_row_at_index (accounts, 1));

  /* Nothing picked yet: the core's check refuses, and the step stays. */
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "account");
  g_assert_nonnull (lb_convert_window_get_message (window));
  g_assert_nonnull (strstr (lb_convert_window_get_message (window), "existing account"));

  /* The search narrows the list to Globex. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "account_search")), "glob");
  g_signal_emit_by_name (child (window, "account_search"), "search-changed");
  lb_gui_test_iterate (50);
  row = gtk_list_box_get_row_at_index (accounts, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (accounts, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Globex");
  mark = find_image (GTK_WIDGET (row), "object-select-symbolic");
  g_assert_nonnull (mark);
  g_assert_false (gtk_widget_get_visible (mark));
  g_signal_emit_by_name (row, "activate");
  lb_gui_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_null (lb_convert_window_get_message (window));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "chosen_row")), ==, "Globex");
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-account-existing");

  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "deal");
  convert_and_wait (window);

  g_assert_cmpuint (converted.n_converted, ==, 1);
  g_assert_cmpint (converted.result.account_id, ==, globex);
  g_assert_cmpint (converted.result.deal_id, ==, 0);
  contact = lb_store_get_contact (store, converted.result.contact_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_contact_get_int (contact, LB_CONTACT_ACCOUNT_ID), ==, globex);
  g_assert_cmpint (lead_status (store, lead_id), ==, LB_LEAD_STATUS_CONVERTED);
}

/* Next runs the contact check; Back keeps what was typed. */
static void
test_contact_check (LbGuiFixture  *fixture,
                    gconstpointer  data)
{
  gint64 lead_id = add_lead (fixture->base.store, "Cy", "Young", NULL);
  Converted converted = { 0 };
  LbConvertWindow *window = open_assistant (fixture, lead_id, &converted);

  set_text (window, "contact_first_name_row", "");
  set_text (window, "contact_last_name_row", "");
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "contact");
  g_assert_cmpstr (lb_convert_window_get_message (window), ==, "Type the contact’s first or last name.");
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-contact-refused");

  set_text (window, "contact_email_row", "not an address");
  set_text (window, "contact_last_name_row", "Young");
  g_assert_null (lb_convert_window_get_message (window));
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "contact");
  g_assert_nonnull (strstr (lb_convert_window_get_message (window), "not an address"));

  set_text (window, "contact_email_row", "cy@example.org");
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "account");
  activate (window, "convert.back");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "contact");
  g_assert_cmpstr (get_text (window, "contact_last_name_row"), ==, "Young");
  g_assert_cmpstr (get_text (window, "contact_email_row"), ==, "cy@example.org");

  activate (window, "convert.cancel");
  lb_gui_test_iterate (50);
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW));
  g_assert_cmpuint (converted.n_converted, ==, 0);
  g_assert_cmpint (lead_status (fixture->base.store, lead_id), ==, LB_LEAD_STATUS_NEW);
}

/* An account of the same name appears after the account step passed:
 * Convert fails as a whole, on the Account step, and creates nothing. */
static void
test_duplicate_account (LbGuiFixture  *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  gint64 lead_id = add_lead (store, "Dee", "Snider", "Initech");
  Converted converted = { 0 };
  LbConvertWindow *window = open_assistant (fixture, lead_id, &converted);
  const char *message;
  guint n_records;

  set_text (window, "contact_middle_name_row", "X");
  activate (window, "convert.next");
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "deal");
  gtk_switch_set_active (child (window, "deal_switch"), TRUE);
  set_text (window, "deal_value_row", "99");

  add_account (store, "INITECH");
  n_records = count_records (store);

  activate (window, "convert.convert");
  g_assert_true (lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW) == GTK_WINDOW (window));
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "account");
  message = lb_convert_window_get_message (window);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Account: "));
  g_assert_nonnull (strstr (message, "already exists"));
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-account-refused");

  g_assert_cmpuint (converted.n_converted, ==, 0);
  g_assert_cmpuint (count_records (store), ==, n_records);
  g_assert_cmpint (lead_status (store, lead_id), ==, LB_LEAD_STATUS_NEW);

  /* Everything typed is still there. */
  g_assert_cmpstr (get_text (window, "account_name_row"), ==, "Initech");
  g_assert_cmpstr (get_text (window, "contact_middle_name_row"), ==, "X");
  g_assert_true (gtk_switch_get_active (child (window, "deal_switch")));
  g_assert_cmpstr (get_text (window, "deal_value_row"), ==, "99");

  /* Renamed, it goes through. */
  set_text (window, "account_name_row", "Initech Texas");
  g_assert_null (lb_convert_window_get_message (window));
  activate (window, "convert.next");
  convert_and_wait (window);
  g_assert_cmpuint (converted.n_converted, ==, 1);
  g_assert_cmpuint (count_records (store), ==, n_records + 3);
}

/* A converted lead, or one in the trash, shows why and only Close. */
static void
test_not_convertible (LbGuiFixture  *fixture,
                      gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  gint64 done = add_lead (store, "Ed", "Done", NULL);
  gint64 trashed = add_lead (store, "Fay", "Gone", NULL);
  g_autoptr(LbConversion) conversion = NULL;
  g_autoptr(GError) error = NULL;
  Converted converted = { 0 };
  LbConvertWindow *window;

  conversion = lb_conversion_new_for_lead (store, done, &error);
  g_assert_no_error (error);
  lb_lead_convert (store, conversion, NULL, &error);
  g_assert_no_error (error);
  lb_lead_trash (store, trashed, &error);
  g_assert_no_error (error);

  window = open_assistant (fixture, done, &converted);
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "blocked");
  g_assert_nonnull (strstr (lb_convert_window_get_message (window), "already converted"));
  g_assert_false (gtk_widget_get_visible (child (window, "next_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "back_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "convert_button")));
  g_assert_cmpstr (gtk_button_get_label (child (window, "cancel_button")), ==, "_Close");
  lb_gui_test_screenshot (GTK_WIDGET (window), "convert-blocked");
  activate (window, "convert.cancel");
  lb_gui_test_iterate (50);
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW));

  window = open_assistant (fixture, trashed, &converted);
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "blocked");
  g_assert_nonnull (strstr (lb_convert_window_get_message (window), "trash"));
  g_assert_cmpuint (converted.n_converted, ==, 0);
}

/* The lead is converted elsewhere while the assistant is open: Convert
 * then says so and offers only Close. */
static void
test_converted_meanwhile (LbGuiFixture  *fixture,
                          gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  gint64 lead_id = add_lead (store, "Gil", "Twice", NULL);
  g_autoptr(LbConversion) conversion = NULL;
  g_autoptr(GError) error = NULL;
  Converted converted = { 0 };
  LbConvertWindow *window = open_assistant (fixture, lead_id, &converted);
  guint n_records;

  activate (window, "convert.next");
  activate (window, "convert.next");

  conversion = lb_conversion_new_for_lead (store, lead_id, &error);
  g_assert_no_error (error);
  lb_lead_convert (store, conversion, NULL, &error);
  g_assert_no_error (error);
  n_records = count_records (store);

  activate (window, "convert.convert");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "blocked");
  g_assert_nonnull (strstr (lb_convert_window_get_message (window), "already converted"));
  g_assert_cmpuint (converted.n_converted, ==, 0);
  g_assert_cmpuint (count_records (store), ==, n_records);
}

/* tests: the dashboard */

static gboolean
has_convert_window (gpointer data)
{
  return lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW) != NULL;
}

/* A hot lead's row has Open and Convert; Convert opens the assistant,
 * and once converted the lead leaves the hot list. */
static void
test_dashboard_convert (LbGuiFixture  *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbDashboardPage *page = dashboard (fixture);
  GtkListBox *hot_list = dashboard_child (fixture, "hot_list");
  gint64 lead_id = add_lead (store, "Hal", "Hot", "Hooli");
  LbConvertWindow *window;
  GtkListBoxRow *row;
  GtkWidget *button;
  GtkWidget *open;
  gpointer weak;

  lb_gui_test_reload (fixture->window);
  lb_window_show_page (fixture->window, "dashboard");
  g_assert_cmpuint (lb_dashboard_page_get_n_hot (page), ==, 1);
  row = gtk_list_box_get_row_at_index (hot_list, 0);
  g_assert_nonnull (row);
  open = find_button (GTK_WIDGET (row), "win.open-lead");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_is_sensitive (open));
  button = find_button (GTK_WIDGET (row), "dashboard.convert-lead");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->window), "dashboard-hot");

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (lb_gui_test_wait (has_convert_window, NULL, 5000));
  window = LB_CONVERT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW));
  g_assert_cmpint (lb_convert_window_get_lead_id (window), ==, lead_id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (fixture->window));

  /* A second click raises the same assistant. */
  g_signal_emit_by_name (button, "clicked");
  lb_gui_test_iterate (20);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_CONVERT_WINDOW), ==, 1);

  activate (window, "convert.next");
  activate (window, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (window), ==, "deal");
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  activate (window, "convert.convert");
  g_assert_true (lb_gui_test_wait (is_gone, &weak, 5000));

  lb_gui_test_wait_idle (fixture->window);
  g_assert_cmpuint (lb_dashboard_page_get_n_hot (page), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (hot_list, 0));
  g_assert_cmpint (lb_dashboard_page_get_count (page, LB_LEAD_STATUS_CONVERTED), ==, 1);
  g_assert_cmpint (lead_status (store, lead_id), ==, LB_LEAD_STATUS_CONVERTED);
}

/* The chart shows each stage's open deal value, the bars scaled to the
 * largest. */
static void
test_dashboard_stages (LbGuiFixture  *fixture,
                       gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbDashboardPage *page = dashboard (fixture);
  g_autofree char *zero = lb_money_format_locale (0, 2, "EUR");
  g_autofree char *proposal = lb_money_format_locale (250000, 2, "EUR");
  g_autofree char *qualification = lb_money_format_locale (100000, 2, "EUR");
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *stage; gint64 value; LbDealStatus status; } deals[] = {
    { "Proposal", 250000, LB_DEAL_STATUS_OPEN },
    { "Qualification", 100000, LB_DEAL_STATUS_OPEN },
    { "Qualification", 999999, LB_DEAL_STATUS_WON },
  };

  g_assert_cmpstr (lb_dashboard_page_get_stage_total (page, "Sales", "Proposal"), ==, zero);
  g_assert_null (lb_dashboard_page_get_stage_total (page, "Sales", "Nowhere"));

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      g_autoptr(LbDeal) deal = lb_deal_new ();

      lb_deal_set_text (deal, LB_DEAL_NAME, deals[i].stage);
      lb_deal_set_text (deal, LB_DEAL_PIPELINE, "Sales");
      lb_deal_set_text (deal, LB_DEAL_STAGE, deals[i].stage);
      lb_deal_set_int (deal, LB_DEAL_VALUE, deals[i].value);
      lb_deal_set_status (deal, deals[i].status);
      lb_deal_create (store, deal, &error);
      g_assert_no_error (error);
    }
  lb_gui_test_reload (fixture->window);

  g_assert_cmpstr (lb_dashboard_page_get_stage_total (page, "Sales", "Proposal"), ==, proposal);
  g_assert_cmpstr (lb_dashboard_page_get_stage_total (page, "Sales", "Qualification"), ==,
                   qualification);
  g_assert_cmpstr (lb_dashboard_page_get_stage_total (page, "Sales", "Closing"), ==, zero);

  /* Qualification, Proposal, Negotiation, Closing */
  collect (dashboard_child (fixture, "stages_box"), GTK_TYPE_PROGRESS_BAR, bars);
  g_assert_cmpuint (bars->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (g_ptr_array_index (bars, 0)), 0.4, 0.001);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (g_ptr_array_index (bars, 1)), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (g_ptr_array_index (bars, 3)), 0.0, 0.001);

  lb_window_show_page (fixture->window, "dashboard");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->window), "dashboard-stages");
}

static gboolean
has_document_window (gpointer data)
{
  return lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW) != NULL;
}

/* A sent invoice past its due date is listed with its balance, and
 * opens in the document window. */
static void
test_dashboard_overdue (LbGuiFixture  *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbDashboardPage *page = dashboard (fixture);
  GtkListBox *list = dashboard_child (fixture, "overdue_list");
  g_autoptr(LbRecord) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *balance = lb_money_format_locale (50000, 2, "EUR");
  g_autofree char *title = NULL;
  GtkListBoxRow *row;
  gint64 id;

  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (page), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  id = add_sent_invoice (store, "Umbrella");

  /* Sent, not yet overdue: not listed. */
  lb_gui_test_reload (fixture->window);
  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (page), ==, 0);

  /* Due in 30 days; 60 days on, it is overdue. */
  g_assert_cmpint (sweep_later (store), ==, 1);
  lb_gui_test_reload (fixture->window);

  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (page), ==, 1);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  sent = lb_document_load (store, LB_DOC_INVOICE, id, NULL, NULL, &error);
  g_assert_no_error (error);
  title = g_strdup_printf ("%s · Umbrella", lb_record_get_text (sent, LB_DOC_NUMBER));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            lb_record_get_text (sent, LB_DOC_DUE_DATE)));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      found = found || g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), balance) == 0;
    g_assert_true (found);
  }

  lb_window_show_page (fixture->window, "dashboard");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->window), "dashboard-overdue");

  g_signal_emit_by_name (row, "activate");
  g_assert_true (lb_gui_test_wait (has_document_window, NULL, 5000));
}

/* Takes screenshots of the dashboard's page in a window @width wide,
 * at its top and scrolled to its end; returns the page. */
static GtkWidget *
look_at_dashboard (LbStore    *store,
                   int         width,
                   const char *name)
{
  LbWindow *window = lb_window_new (lb_gui_test_get_app (), store);
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  g_autofree char *top = g_strdup_printf ("%s-top", name);
  g_autofree char *bottom = g_strdup_printf ("%s-bottom", name);
  GtkAdjustment *adjustment;
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 780);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_wait_idle (window);
  lb_window_show_page (window, "dashboard");
  lb_gui_test_iterate (300);
  page = lb_window_get_page_widget (window, "dashboard");
  lb_gui_test_screenshot (GTK_WIDGET (window), top);

  collect (page, GTK_TYPE_SCROLLED_WINDOW, scrollers);
  g_assert_cmpuint (scrollers->len, >, 0);
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lb_gui_test_screenshot (GTK_WIDGET (window), bottom);

  return page;
}

/* The dashboard and the assistant, wide and 360 px narrow. */
static void
test_widths (LbGuiFixture  *fixture,
             gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GError) error = NULL;
  LbConvertWindow *assistant;
  GtkWidget *page;
  int min_width;
  gint64 lead_id;

  lead_id = add_lead (store, "Ivy", "Longname-Hyphenated", "Very Long Company Name Incorporated");
  add_lead (store, "Jo", "Short", NULL);
  lb_deal_set_text (deal, LB_DEAL_NAME, "Big one");
  lb_deal_set_text (deal, LB_DEAL_STAGE, "Negotiation");
  lb_deal_set_int (deal, LB_DEAL_VALUE, 123456789);
  lb_deal_create (store, deal, &error);
  g_assert_no_error (error);
  add_sent_invoice (store, "Umbrella Corporation of Greater Metropolitan Areas");
  add_sent_invoice (store, "Acme");
  g_assert_cmpint (sweep_later (store), ==, 2);

  page = look_at_dashboard (store, 1280, "dashboard-wide");
  g_assert_cmpuint (lb_dashboard_page_get_n_hot (LB_DASHBOARD_PAGE (page)), ==, 2);
  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (LB_DASHBOARD_PAGE (page)), ==, 2);

  /* The page itself fits in 360 px (the window's width also depends on
   * the other pages of its stack). */
  page = look_at_dashboard (store, 360, "dashboard-narrow");
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);

  assistant = lb_convert_window_new (GTK_WINDOW (fixture->window), store, lead_id);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 360, 720);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_gui_test_iterate (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (assistant)), <=, 360);
  lb_gui_test_screenshot (GTK_WIDGET (assistant), "convert-narrow-contact");
  activate (assistant, "convert.next");
  lb_gui_test_screenshot (GTK_WIDGET (assistant), "convert-narrow-account");
  activate (assistant, "convert.next");
  gtk_switch_set_active (child (assistant, "deal_switch"), TRUE);
  lb_gui_test_screenshot (GTK_WIDGET (assistant), "convert-narrow-deal");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, LbGuiFixture, NULL, lb_gui_fixture_setup, func, lb_gui_fixture_teardown)

  ADD ("/convert/new-account", test_new_account);
  ADD ("/convert/existing-account", test_existing_account);
  ADD ("/convert/contact-check", test_contact_check);
  ADD ("/convert/duplicate-account", test_duplicate_account);
  ADD ("/convert/not-convertible", test_not_convertible);
  ADD ("/convert/converted-meanwhile", test_converted_meanwhile);
  ADD ("/dashboard/convert", test_dashboard_convert);
  ADD ("/dashboard/stages", test_dashboard_stages);
  ADD ("/dashboard/overdue", test_dashboard_overdue);
  ADD ("/dashboard/widths", test_widths);

#undef ADD

  return lb_gui_test_run ();
}
