/* The product's promise end to end: a new user goes from a lead to a
 * sent, partly paid, overdue and finally paid invoice in the GUI.
 *
 * Everything is done the way a user does it: window actions, buttons,
 * forms and dialogs, on a database the application opened itself (so
 * that its overdue sweep runs on it).  After each step the widgets and
 * the store are read back. */

#include "config.h"

#include <string.h>

#include "lb-convert-window.h"
#include "lb-dashboard-page.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-documents-page.h"
#include "lb-gui-test.h"
#include "lb-lead-window.h"
#include "lb-leads-page.h"
#include "lb-money.h"
#include "lb-preferences-window.h"
#include "lb-product-window.h"
#include "lb-products-page.h"
#include "lb-settings.h"
#include "lb-store-docs.h"

#define NOW 1773144000  /* 2026-03-10 12:00 UTC */
#define DAY 86400

typedef struct
{
  char     *dir;
  LbWindow *window;     /* the main window the application opened */
  LbStore  *store;      /* the application's */
} Fixture;

/* The temporary folders, removed once the application (which keeps its
 * database open until it goes) is gone. */
static GPtrArray *test_dirs;

/* helpers: the main loop and widgets */

/* Runs the main loop a little, then until nothing is pending (a choice
 * in a list is stored when idle). */
static void
iterate (void)
{
  lb_gui_test_iterate (20);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
app_not_busy (gpointer data)
{
  return !lb_application_get_busy (lb_gui_test_get_app ());
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  iterate ();
}

/* Selects the choice labelled @label in a combo row. */
static void
choose (gpointer    row,
        const char *label)
{
  GListModel *model;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        iterate ();
        return;
      }

  g_error ("“%s” is not a choice", label);
}

static const char *
chosen (gpointer row)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                                     adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static const char *
get_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* The first widget named @name under @root, depth first. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a mapped label or inscription under @root shows @text (with
 * @css_class, a label with that style class), e.g. in a toast or a
 * list row. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text,
             const char *css_class)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root) && css_class == NULL)
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (root));

  if (shown != NULL && strstr (shown, text) != NULL && gtk_widget_get_mapped (root) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text, css_class))
      return TRUE;
  return FALSE;
}

/* The visible toplevel titled @title, or NULL. */
static GtkWindow *
find_window_titled (const char *title)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0 && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
present_and_wait (gpointer window)
{
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lb_gui_test_wait (window_is_active, window, 5000));
  iterate ();
}

/* Scrolls the view holding @widget to its top, or to its end. */
static void
scroll_view (GtkWidget *widget,
             gboolean   to_end)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, to_end ? gtk_adjustment_get_upper (adjustment) : 0);
  iterate ();
}

static char *
money (gint64 amount)
{
  return lb_money_format_locale (amount, 2, "EUR");
}

static void
assert_label_amount (gpointer label,
                     gint64   amount)
{
  g_autofree char *expected = money (amount);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
}

/* helpers: the windows of the journey */

static gpointer
page (Fixture    *f,
      const char *name)
{
  return lb_window_get_page_widget (f->window, name);
}

static gpointer
doc_child (LbDocumentWindow *window,
           const char       *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_DOCUMENT_WINDOW, name);
}

static gpointer
lead_child (LbLeadWindow *window,
            const char   *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_LEAD_WINDOW, name);
}

static gpointer
convert_child (LbConvertWindow *window,
               const char      *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_CONVERT_WINDOW, name);
}

/* Shows a page as its row in the sidebar does. */
static void
show_page (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", name));
  lb_gui_test_wait_idle (f->window);
  iterate ();
  g_assert_cmpstr (lb_window_get_page (f->window), ==, name);
}

/* The invoice as the store holds it, with its totals. */
static LbRecord *
load_invoice (Fixture     *f,
              gint64       id,
              LbDocTotals *totals)
{
  g_autoptr(GError) error = NULL;
  LbRecord *doc = lb_document_load (f->store, LB_DOC_INVOICE, id, NULL, totals, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gint64
stored_status (Fixture *f,
               gint64   id)
{
  g_autoptr(LbRecord) doc = load_invoice (f, id, NULL);

  return lb_record_get_int (doc, LB_DOC_STATUS);
}

static gint64
stored_balance (Fixture *f,
                gint64   id)
{
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(LbRecord) doc = load_invoice (f, id, &totals);

  return totals.balance;
}

/* Records a payment of @amount through the Record Payment dialog the
 * doc.pay action opens; the dialog's amount starts as the balance. */
static void
pay_through_dialog (LbDocumentWindow *window,
                    gint64            balance,
                    const char       *amount,
                    const char       *reference)
{
  g_autofree char *prefilled = lb_money_format (balance, 2);
  GtkWindow *dialog;
  gpointer weak;

  activate (window, "doc.pay");
  dialog = find_window_titled ("Record Payment");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (get_text (find_named (GTK_WIDGET (dialog), "payment-amount")), ==, prefilled);

  set_text (find_named (GTK_WIDGET (dialog), "payment-amount"), amount);
  set_text (find_named (GTK_WIDGET (dialog), "payment-reference"), reference);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  click (find_named (GTK_WIDGET (dialog), "payment-record"));
  /* recorded: the dialog is gone */
  g_assert_true (lb_gui_test_wait (is_gone, &weak, 5000));
}

/* The rows named "document" listed beside @empty_row (a lead's block). */
static GtkWidget *
first_document_row (GtkWidget *empty_row)
{
  for (GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_parent (empty_row));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), "document") == 0 && gtk_widget_get_visible (row))
      return row;

  return NULL;
}

/* fixture */

/* The application opens a new database, as on a first start, and
 * shows its main window; the clock is then fixed. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  LbApplication *app = lb_gui_test_get_app ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("leadbook-journey-XXXXXX", &error);
  g_assert_no_error (error);
  g_ptr_array_add (test_dirs, g_strdup (f->dir));
  path = g_build_filename (f->dir, "leadbook.db", NULL);

  g_assert_true (lb_application_open_database (app, path));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LB_IS_WINDOW (l->data))
      f->window = l->data;
  g_assert_nonnull (f->window);
  f->store = lb_application_get_store (app);
  g_assert_true (lb_window_get_store (f->window) == f->store);
  g_assert_cmpstr (lb_store_get_path (f->store), ==, path);

  /* the day's backup, taken in a thread, first */
  g_assert_true (lb_gui_test_wait (app_not_busy, NULL, 20000));
  lb_store_set_clock (f->store, NOW);
  /* the minute timer's check, on the fixed date */
  lb_application_check_date (app);

  lb_gui_test_wait_idle (f->window);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  f->window = NULL;
  lb_gui_test_destroy_windows ();
  g_clear_pointer (&f->dir, g_free);
}

/* the journey */

static void
test_journey (Fixture       *f,
              gconstpointer  data)
{
  LbApplication *app = lb_gui_test_get_app ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = NULL;
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *overdue_subtitle = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  LbPreferencesWindow *preferences;
  LbProductsPage *products;
  LbProductWindow *product_window;
  LbLeadsPage *leads;
  LbLeadWindow *lead_window;
  LbConvertWindow *assistant;
  LbDocumentWindow *window;
  LbDocumentsPage *invoices;
  LbDashboardPage *dashboard;
  GtkListBoxRow *overdue_row;
  GtkWidget *row;
  GtkButton *primary;
  gpointer weak;
  gint64 lead_id;
  gint64 account_id;
  gint64 invoice_id;

  /* 1a. Preferences: invoices are made from leads with the type "Standard". */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();
  preferences = LB_PREFERENCES_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  choose (lb_preferences_window_get_setting_row (preferences, LB_SETTING_INVOICE_TYPE), "Standard");
  setting = lb_settings_get (f->store, LB_SETTING_INVOICE_TYPE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (setting, ==, "Standard");
  gtk_window_close (GTK_WINDOW (preferences));
  iterate ();
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_PREFERENCES_WINDOW));

  /* 1b. A product in the catalog, through the Products page. */
  show_page (f, "products");
  products = LB_PRODUCTS_PAGE (page (f, "products"));
  g_assert_cmpstr (lb_products_page_get_state (products), ==, "empty");
  activate (products, "products.new");
  product_window = LB_PRODUCT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_PRODUCT_WINDOW));
  g_assert_nonnull (product_window);
  set_text (lb_product_window_get_row (product_window, "sku"), "CONS-DAY");
  set_text (lb_product_window_get_row (product_window, "name"), "Consulting day");
  set_text (lb_product_window_get_row (product_window, "unit"), "day");
  set_text (lb_product_window_get_row (product_window, "unit-price"), "500.00");
  choose (lb_product_window_get_row (product_window, "tax-rate-choice"), "Standard (20 %)");
  activate (product_window, "product.save");
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_PRODUCT_WINDOW));
  product = lb_store_find_product (f->store, "CONS-DAY");
  g_assert_nonnull (product);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE), ==, 50000);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE), ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (lb_products_page_get_model (products)), ==, 1);

  /* 1c. A lead with a company, through the "New Lead" window action. */
  show_page (f, "leads");
  leads = LB_LEADS_PAGE (page (f, "leads"));
  activate (f->window, "win.new-lead");
  lead_window = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (lead_window);
  g_assert_cmpint (lb_lead_window_get_lead_id (lead_window), ==, 0);
  set_text (lb_lead_window_get_row (lead_window, "first-name"), "Grace");
  set_text (lb_lead_window_get_row (lead_window, "last-name"), "Hopper");
  set_text (lb_lead_window_get_row (lead_window, "email"), "grace@initech.example");
  choose (lb_lead_window_get_row (lead_window, "source"), "Website");
  set_text (lb_lead_window_get_row (lead_window, "company"), "Initech");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (lb_lead_window_get_row (lead_window,
                                                                                   "new-company")),
                                         TRUE);
  set_text (lb_lead_window_get_row (lead_window, "company-name"), "Initech");
  set_text (lb_lead_window_get_row (lead_window, "company-tin"), "123456789");
  set_text (lb_lead_window_get_row (lead_window, "city"), "Austin");
  weak = lead_window;
  g_object_add_weak_pointer (G_OBJECT (lead_window), &weak);
  activate (lead_window, "lead.save");
  g_assert_true (lb_gui_test_wait (is_gone, &weak, 5000));
  lb_gui_test_wait_idle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (leads))), ==, 1);
  {
    g_autoptr(LbLead) listed = g_list_model_get_item (G_LIST_MODEL (lb_leads_page_get_list (leads)), 0);

    lead_id = lb_lead_get_id (listed);
  }
  lead = lb_store_get_lead (f->store, lead_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_lead_get_title (lead), ==, "Grace Hopper");
  g_assert_true (lb_lead_get_new_company (lead));
  g_assert_cmpstr (lb_lead_get_text (lead, LB_LEAD_COMPANY_NAME), ==, "Initech");
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_ACCOUNT_ID), ==, 0);

  /* 2a. The lead opens from its row; Create Invoice opens the Draft. */
  g_signal_emit_by_name (lb_gui_test_get_child (GTK_WIDGET (leads), LB_TYPE_LEADS_PAGE, "column_view"),
                         "activate", lb_lead_list_find (lb_leads_page_get_list (leads), lead_id));
  iterate ();
  lead_window = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (lead_window);
  g_assert_cmpint (lb_lead_window_get_lead_id (lead_window), ==, lead_id);
  g_assert_true (gtk_widget_get_visible (lead_child (lead_window, "no_invoices_row")));
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW));
  click (lead_child (lead_window, "create_invoice_button"));

  window = LB_DOCUMENT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (lb_document_window_get_kind (window), ==, LB_DOC_INVOICE);
  invoice_id = lb_document_window_get_document_id (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Draft Invoice");
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Draft");
  g_assert_cmpstr (adw_preferences_row_get_title (doc_child (window, "lead_link_row")), ==,
                   "From lead “Grace Hopper”");
  /* not converted yet: no customer */
  g_assert_cmpstr (chosen (doc_child (window, "account_row")), ==, "None");
  doc = load_invoice (f, invoice_id, NULL);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_LEAD_ID), ==, lead_id);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_ACCOUNT_ID), ==, 0);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_TYPE), ==, "Standard");
  g_clear_object (&doc);

  /* 2b. A catalog line through the Add-a-Line form: 2 days at 500.00 + 20 %. */
  gtk_widget_grab_focus (doc_child (window, "add_description_row"));   /* scrolls it into view */
  lb_gui_test_iterate (100);
  gtk_popover_popup (doc_child (window, "product_popover"));
  iterate ();
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (doc_child (window, "product_list"), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Consulting day");
  g_signal_emit_by_name (doc_child (window, "product_list"), "row-activated", row);
  iterate ();
  g_assert_cmpstr (get_text (doc_child (window, "add_description_row")), ==, "Consulting day");
  g_assert_cmpstr (get_text (doc_child (window, "add_price_row")), ==, "500.00");
  g_assert_cmpstr (chosen (doc_child (window, "add_tax_picker")), ==, "Standard (20 %)");
  set_text (doc_child (window, "add_quantity_row"), "2");
  click (doc_child (window, "add_line_button"));

  /* the live total, and the store's */
  assert_label_amount (doc_child (window, "subtotal_label"), 100000);
  assert_label_amount (doc_child (window, "total_label"), 120000);
  g_assert_false (gtk_widget_get_visible (doc_child (window, "no_lines_row")));
  doc = load_invoice (f, invoice_id, &totals);
  g_assert_cmpint (totals.subtotal, ==, 100000);
  g_assert_cmpint (totals.tax, ==, 20000);
  g_assert_cmpint (totals.total, ==, 120000);
  g_clear_object (&doc);
  lb_doc_totals_clear (&totals);

  /* 2c. Send is the next step, but the core wants a customer first. */
  primary = doc_child (window, "primary_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), ==, "doc.send");
  click (GTK_WIDGET (primary));
  g_assert_true (shows_label (GTK_WIDGET (window), "choose the customer account first", NULL));
  g_assert_cmpint (stored_status (f, invoice_id), ==, LB_INVOICE_STATUS_DRAFT);
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Draft");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Draft Invoice");

  /* 2d. The user converts the lead in its window; the assistant makes
   * the account from the lead's company. */
  present_and_wait (lead_window);
  click (lead_child (lead_window, "convert_button"));
  assistant = LB_CONVERT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW));
  g_assert_nonnull (assistant);
  g_assert_cmpint (lb_convert_window_get_lead_id (assistant), ==, lead_id);
  g_assert_cmpstr (lb_convert_window_get_step (assistant), ==, "contact");
  g_assert_cmpstr (get_text (convert_child (assistant, "contact_first_name_row")), ==, "Grace");
  activate (assistant, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (assistant), ==, "account");
  g_assert_true (gtk_check_button_get_active (convert_child (assistant, "new_check")));
  g_assert_cmpstr (get_text (convert_child (assistant, "account_name_row")), ==, "Initech");
  activate (assistant, "convert.next");
  g_assert_cmpstr (lb_convert_window_get_step (assistant), ==, "deal");
  weak = assistant;
  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);
  activate (assistant, "convert.convert");
  g_assert_true (lb_gui_test_wait (is_gone, &weak, 5000));

  g_clear_object (&lead);
  lead = lb_store_get_lead (f->store, lead_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_lead_get_status (lead), ==, LB_LEAD_STATUS_CONVERTED);
  account_id = lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID);
  g_assert_cmpint (account_id, >, 0);
  g_assert_true (gtk_widget_get_visible (lead_child (lead_window, "converted_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (lead_child (lead_window, "converted_account_row")), ==,
                   "Initech");

  /* 2e. Back in the invoice, the new account is the customer. */
  present_and_wait (window);
  choose (doc_child (window, "account_row"), "Initech");
  doc = load_invoice (f, invoice_id, NULL);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_ACCOUNT_ID), ==, account_id);
  g_clear_object (&doc);
  g_assert_cmpstr (chosen (doc_child (window, "account_row")), ==, "Initech");

  /* 2f. Send: numbered, Sent, and the next step is Record Payment. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), ==, "doc.send");
  click (GTK_WIDGET (primary));
  doc = load_invoice (f, invoice_id, NULL);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_SENT);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "INV-2026-0001");
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_DOC_DATE), ==, "2026-03-10");
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_DUE_DATE), ==, "2026-04-09");
  due_text = g_strdup (lb_record_get_text (doc, LB_DOC_DUE_DATE));
  g_clear_object (&doc);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Invoice INV-2026-0001");
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Sent");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (primary)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), ==, "doc.pay");
  g_assert_cmpstr (gtk_button_get_label (primary), ==, "Record _Payment…");
  g_assert_false (gtk_widget_get_visible (doc_child (window, "add_group")));
  assert_label_amount (doc_child (window, "balance_label"), 120000);

  /* 3. A partial payment through the dialog: 400.00 of 1,200.00. */
  pay_through_dialog (window, 120000, "400.00", "BANK-0001");
  g_assert_cmpint (stored_status (f, invoice_id), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);
  g_assert_cmpint (stored_balance (f, invoice_id), ==, 80000);
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Partially Paid");
  assert_label_amount (doc_child (window, "paid_label"), 40000);
  assert_label_amount (doc_child (window, "balance_label"), 80000);
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "summary_caption")), ==, "Balance Due");
  assert_label_amount (doc_child (window, "summary_label"), 80000);
  g_assert_nonnull (find_named (doc_child (window, "payments_group"), "payment"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), ==, "doc.pay");

  /* 4. The due date passes.  On the same day the check does nothing... */
  g_assert_false (lb_application_check_date (app));
  g_assert_cmpint (stored_status (f, invoice_id), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);

  /* ...the day after the due date it runs the overdue sweep. */
  lb_store_set_clock (f->store, NOW + 31 * DAY);   /* 2026-04-10 */
  g_assert_true (lb_application_check_date (app));
  g_assert_false (lb_application_check_date (app));
  lb_gui_test_wait_idle (f->window);
  iterate ();
  g_assert_cmpint (stored_status (f, invoice_id), ==, LB_INVOICE_STATUS_OVERDUE);
  g_assert_cmpint (stored_balance (f, invoice_id), ==, 80000);

  /* the open document window follows */
  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Overdue");
  g_assert_true (gtk_widget_has_css_class (doc_child (window, "status_label"), "error"));
  assert_label_amount (doc_child (window, "balance_label"), 80000);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), ==, "doc.pay");
  scroll_view (doc_child (window, "status_label"), FALSE);
  lb_gui_test_screenshot (GTK_WIDGET (window), "journey-document-overdue");

  /* so does the lead's Invoices block, though nothing touched that window */
  row = first_document_row (lead_child (lead_window, "no_invoices_row"));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · Overdue · "));

  /* the Invoices page lists it with its badge */
  show_page (f, "invoices");
  invoices = LB_DOCUMENTS_PAGE (page (f, "invoices"));
  g_assert_cmpuint (g_list_model_get_n_items (lb_documents_page_get_model (invoices)), ==, 1);
  doc = g_list_model_get_item (lb_documents_page_get_model (invoices), 0);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_ID), ==, invoice_id);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_STATUS_LABEL), ==, "Overdue");
  g_clear_object (&doc);
  {
    GtkWidget *view = lb_gui_test_get_child (GTK_WIDGET (invoices), LB_TYPE_DOCUMENTS_PAGE, "column_view");
    g_autofree char *balance = money (80000);

    g_assert_true (shows_label (view, "Overdue", "overdue"));
    g_assert_true (shows_label (view, "INV-2026-0001", NULL));
    g_assert_true (shows_label (view, balance, NULL));
  }
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "journey-invoices-overdue");

  /* the dashboard's overdue block shows it with its balance */
  show_page (f, "dashboard");
  dashboard = LB_DASHBOARD_PAGE (page (f, "dashboard"));
  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (dashboard), ==, 1);
  overdue_row = gtk_list_box_get_row_at_index (lb_gui_test_get_child (GTK_WIDGET (dashboard),
                                                                      LB_TYPE_DASHBOARD_PAGE,
                                                                      "overdue_list"), 0);
  g_assert_nonnull (overdue_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (overdue_row)), ==,
                   "INV-2026-0001 · Initech");
  overdue_subtitle = g_strdup_printf ("Due %s · 1 day overdue", due_text);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (overdue_row)), ==, overdue_subtitle);
  {
    g_autofree char *balance = money (80000);

    g_assert_true (shows_label (GTK_WIDGET (overdue_row), balance, NULL));
  }
  scroll_view (GTK_WIDGET (overdue_row), TRUE);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "journey-dashboard-overdue");

  /* 5. The rest is paid: Paid, nothing owed, no payment offered. */
  present_and_wait (window);
  pay_through_dialog (window, 80000, "800.00", "BANK-0002");
  doc = load_invoice (f, invoice_id, &totals);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_PAID);
  g_assert_cmpint (totals.paid, ==, 120000);
  g_assert_cmpint (totals.balance, ==, 0);
  g_clear_object (&doc);
  payments = lb_store_get_payments (f->store, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);

  g_assert_cmpstr (gtk_label_get_text (doc_child (window, "status_label")), ==, "Paid");
  assert_label_amount (doc_child (window, "balance_label"), 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (primary)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (primary)), !=, "doc.pay");
  g_assert_false (gtk_widget_is_sensitive (doc_child (window, "pay_button")));
  /* the action refuses now: no dialog */
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.pay", NULL);
  iterate ();
  g_assert_null (find_window_titled ("Record Payment"));
  lb_gui_test_screenshot (GTK_WIDGET (window), "journey-document-paid");

  /* the lead's Invoices block lists it as Paid */
  row = first_document_row (lead_child (lead_window, "no_invoices_row"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "INV-2026-0001");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · Paid · Standard"));
  g_assert_false (gtk_widget_get_visible (lead_child (lead_window, "no_invoices_row")));

  /* and the main window's lists follow: nothing overdue any more */
  lb_gui_test_wait_idle (f->window);
  g_assert_cmpuint (lb_dashboard_page_get_n_overdue (dashboard), ==, 0);
  doc = g_list_model_get_item (lb_documents_page_get_model (invoices), 0);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_STATUS_LABEL), ==, "Paid");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  lb_gui_test_init (&argc, &argv);
  test_dirs = g_ptr_array_new_with_free_func (g_free);

  g_test_add ("/journey/lead-to-paid-invoice", Fixture, NULL, setup, test_journey, teardown);

  status = lb_gui_test_run ();

  /* The application closed its database as it went. */
  for (guint i = 0; i < test_dirs->len; i++)
    lb_test_remove_tree (g_ptr_array_index (test_dirs, i));
  g_ptr_array_unref (test_dirs);

  return status;
}
