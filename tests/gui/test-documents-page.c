/* The Orders and Invoices pages (one class, two kinds), driven through
 * their real widgets and actions on a temporary database whose
 * documents are made with the actions. */

#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-documents-page.h"
#include "lb-gui-test.h"
#include "lb-settings.h"

#define NOW 1795651200  /* 2026-11-26 00:00 UTC */

enum {
  DRAFT,
  SENT,
  PARTIAL,
  PAID,
  OVERDUE,
  N_INVOICES
};

typedef struct
{
  LbGuiFixture     gui;
  LbDocumentsPage *invoices;
  LbDocumentsPage *orders;
  gint64           ids[N_INVOICES];
} Fixture;

/* helpers */

static LbStore *
store_of (Fixture *fixture)
{
  return fixture->gui.base.store;
}

static gint64
new_invoice (LbStore    *store,
             gint64      account,
             const char *date)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, date);
  id = lb_invoice_create (store, invoice, &error);
  g_assert_no_error (error);

  /* 2 × 100.00 at 20 %: 240.00 */
  lb_record_set_text (LB_RECORD (line), LB_LINE_PRODUCT_SKU, "KIT");
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 2000);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, -1);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
  lb_document_add_line (store, LB_DOC_INVOICE, id, line, &error);
  g_assert_no_error (error);

  return id;
}

static void
send (LbStore *store,
      gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_invoice_send (store, id, &error));
  g_assert_no_error (error);
}

static void
pay (LbStore *store,
     gint64   id,
     gint64   amount)
{
  g_autoptr(GError) error = NULL;

  lb_invoice_pay (store, id, amount, NULL, LB_PAYMENT_METHOD_BANK_TRANSFER, NULL, &error);
  g_assert_no_error (error);
}

/* Five invoices of Acme, one per status, newest first: a Draft, a Sent
 * one, a Partially Paid one, a Paid one and an old one now Overdue. */
static void
add_invoices (Fixture *fixture)
{
  LbStore *store = store_of (fixture);
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 account_id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, "Acme");
  account_id = lb_account_create (store, account, &error);
  g_assert_no_error (error);

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, "KIT");
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, "Kit");
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 10000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, 2000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  lb_product_create (store, product, &error);
  g_assert_no_error (error);

  fixture->ids[DRAFT] = new_invoice (store, account_id, "2026-11-25");
  fixture->ids[SENT] = new_invoice (store, account_id, "2026-11-24");
  send (store, fixture->ids[SENT]);
  fixture->ids[PARTIAL] = new_invoice (store, account_id, "2026-11-23");
  send (store, fixture->ids[PARTIAL]);
  pay (store, fixture->ids[PARTIAL], 4000);
  fixture->ids[PAID] = new_invoice (store, account_id, "2026-11-22");
  send (store, fixture->ids[PAID]);
  pay (store, fixture->ids[PAID], 24000);
  /* Sent in time; the sweep finds it past due now. */
  lb_store_set_clock (store, NOW - 86 * 86400);   /* 2026-09-01 */
  fixture->ids[OVERDUE] = new_invoice (store, account_id, "2026-09-01");
  send (store, fixture->ids[OVERDUE]);
  lb_store_set_clock (store, NOW);
  g_assert_cmpint (lb_invoice_sweep (store, "2026-11-26", &error), ==, 1);
  g_assert_no_error (error);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  lb_test_fixture_setup (&fixture->gui.base, data);
  lb_store_set_clock (store_of (fixture), NOW);
  if (g_strcmp0 (data, "empty") != 0)
    add_invoices (fixture);

  fixture->gui.window = lb_gui_test_open_window (store_of (fixture));
  fixture->invoices = LB_DOCUMENTS_PAGE (lb_window_get_page_widget (fixture->gui.window, "invoices"));
  fixture->orders = LB_DOCUMENTS_PAGE (lb_window_get_page_widget (fixture->gui.window, "orders"));
  lb_window_show_page (fixture->gui.window, "invoices");
  lb_gui_test_iterate (50);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  lb_gui_fixture_teardown (&fixture->gui, data);
}

static guint
n_listed (LbDocumentsPage *page)
{
  return g_list_model_get_n_items (lb_documents_page_get_model (page));
}

/* The document at @position of the page, as the page shows it. */
static LbRecord *
listed (LbDocumentsPage *page,
        guint            position)
{
  LbRecord *doc = g_list_model_get_item (lb_documents_page_get_model (page), position);

  g_assert_nonnull (doc);
  return doc;
}

static gint64
listed_id (LbDocumentsPage *page,
           guint            position)
{
  g_autoptr(LbRecord) doc = listed (page, position);

  return lb_record_get_int (doc, LB_DOC_ID);
}

static guint
count_documents (Fixture   *fixture,
                 LbDocKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) docs = NULL;
  LbDocFilter filter;

  lb_doc_filter_init (&filter, kind);
  docs = lb_store_list_documents (store_of (fixture), &filter, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (docs);
}

static void
activate (LbDocumentsPage *page,
          const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  lb_gui_test_iterate (20);
}

/* Chooses the status labelled @label in the page's status filter. */
static void
choose_status (LbDocumentsPage *page,
               const char      *label)
{
  GtkDropDown *dropdown = lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_DOCUMENTS_PAGE,
                                                 "status_dropdown");
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (dropdown, i);
        lb_gui_test_iterate (20);
        return;
      }

  g_error ("“%s” is not a choice of the status filter", label);
}

/* Whether a label or inscription under @widget shows @text; with
 * @css_class, only a label with that style class counts. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text,
            const char *css_class)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget) && css_class == NULL)
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (g_strcmp0 (shown, text) == 0 && gtk_widget_get_mapped (widget) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text, css_class))
      return TRUE;

  return FALSE;
}

static gboolean
page_shows (LbDocumentsPage *page,
            const char      *text,
            const char      *css_class)
{
  GtkWidget *view = lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_DOCUMENTS_PAGE, "column_view");

  return shows_text (view, text, css_class);
}

/* The item of the row menu labelled @label (as shown, no mnemonic). */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  if (g_type_from_name ("GtkModelButton") == G_OBJECT_TYPE (widget))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *item = find_menu_item (child, label);
      if (item != NULL)
        return item;
    }

  return NULL;
}

static gboolean
delete_offered (LbDocumentsPage *page)
{
  GtkWidget *popover = lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_DOCUMENTS_PAGE,
                                              "row_popover");
  GtkWidget *item = find_menu_item (popover, "Delete Draft…");

  g_assert_nonnull (item);
  return gtk_widget_get_sensitive (item);
}

/* The button labelled @label under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child, label);
      if (button != NULL)
        return button;
    }

  return NULL;
}

/* Answers @dialog as a click on its button @label does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  lb_gui_test_iterate (50);
}

/* tests */

static void
test_invoices_listed (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const labels[N_INVOICES] = {
    [DRAFT] = "Draft", [SENT] = "Sent", [PARTIAL] = "Partially Paid", [PAID] = "Paid",
    [OVERDUE] = "Overdue",
  };
  static const char * const classes[N_INVOICES] = {
    [DRAFT] = "draft", [SENT] = "sent", [PARTIAL] = "partially-paid", [PAID] = "paid",
    [OVERDUE] = "overdue",
  };
  AdwWindowTitle *title = lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                 LB_TYPE_DOCUMENTS_PAGE, "window_title");

  g_assert_cmpint (lb_documents_page_get_kind (fixture->invoices), ==, LB_DOC_INVOICE);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Invoices");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "5 invoices");
  g_assert_cmpstr (lb_documents_page_get_state (fixture->invoices), ==, "list");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES);

  /* Newest first, each with its status and its totals. */
  for (guint i = 0; i < N_INVOICES; i++)
    {
      g_autoptr(LbRecord) doc = listed (fixture->invoices, i);

      g_assert_true (LB_IS_INVOICE (doc));
      g_assert_cmpint (lb_record_get_int (doc, LB_DOC_ID), ==, fixture->ids[i]);
      g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_STATUS_LABEL), ==, labels[i]);
      g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_ACCOUNT_NAME), ==, "Acme");
      g_assert_cmpint (lb_record_get_int (doc, LB_DOC_TOTAL), ==, 24000);
    }

  /* What the rows show: status badges styled per status, "Draft" for a
   * number not given yet, amounts in the currency. */
  for (guint i = 0; i < N_INVOICES; i++)
    g_assert_true (page_shows (fixture->invoices, labels[i], classes[i]));
  g_assert_false (page_shows (fixture->invoices, "Paid", "overdue"));
  g_assert_true (page_shows (fixture->invoices, "Draft", NULL));
  g_assert_true (page_shows (fixture->invoices, "INV-2026-0001", NULL));
  g_assert_true (page_shows (fixture->invoices, "240.00 EUR", NULL));
  g_assert_true (page_shows (fixture->invoices, "200.00 EUR", NULL));   /* the balance */
  g_assert_true (page_shows (fixture->invoices, "0.00 EUR", NULL));
  g_assert_true (page_shows (fixture->invoices, "2026-10-01", NULL));   /* a due date */
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "invoices-page");

  /* Activating a row opens that document. */
  g_signal_emit_by_name (lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                LB_TYPE_DOCUMENTS_PAGE, "column_view"),
                         "activate", PARTIAL);
  lb_gui_test_iterate (20);
  g_assert_cmpint (lb_documents_page_get_selected_id (fixture->invoices), ==, fixture->ids[PARTIAL]);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);

  /* The orders page holds none of them. */
  g_assert_cmpint (lb_documents_page_get_kind (fixture->orders), ==, LB_DOC_ORDER);
  g_assert_cmpuint (n_listed (fixture->orders), ==, 0);
  g_assert_cmpstr (lb_documents_page_get_state (fixture->orders), ==, "empty");
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *dropdown = lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                 LB_TYPE_DOCUMENTS_PAGE, "status_dropdown");
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  /* Any, then every status of an invoice. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 8);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Any Status");

  choose_status (fixture->invoices, "Paid");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, 1);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[PAID]);
  doc = listed (fixture->invoices, 0);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_BALANCE), ==, 0);

  choose_status (fixture->invoices, "Partially Paid");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, 1);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[PARTIAL]);

  choose_status (fixture->invoices, "Overdue");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, 1);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[OVERDUE]);

  choose_status (fixture->invoices, "Void");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, 0);
  g_assert_cmpstr (lb_documents_page_get_state (fixture->invoices), ==, "no-match");

  activate (fixture->invoices, "docs.show-all");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES);
  g_assert_cmpstr (lb_documents_page_get_state (fixture->invoices), ==, "list");

  /* A Draft cancelled before it was issued has no number, and is no
   * Draft any more. */
  g_assert_true (lb_invoice_cancel (store_of (fixture), fixture->ids[DRAFT], &error));
  g_assert_no_error (error);
  lb_gui_test_reload (fixture->gui.window);
  choose_status (fixture->invoices, "Cancelled");
  g_assert_cmpuint (n_listed (fixture->invoices), ==, 1);
  g_assert_true (page_shows (fixture->invoices, "Not issued", NULL));
  g_assert_false (page_shows (fixture->invoices, "Draft", NULL));
  g_assert_true (page_shows (fixture->invoices, "Cancelled", "cancelled"));
}

static void
test_overdue_first (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkToggleButton *overdue = lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                    LB_TYPE_DOCUMENTS_PAGE, "overdue_button");
  GtkColumnView *view = lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                               LB_TYPE_DOCUMENTS_PAGE, "column_view");
  GtkColumnViewColumn *column = lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                       LB_TYPE_DOCUMENTS_PAGE, "balance_column");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overdue)));

  /* The oldest, the overdue one, comes last by date... */
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[DRAFT]);
  g_assert_cmpint (listed_id (fixture->invoices, N_INVOICES - 1), ==, fixture->ids[OVERDUE]);

  /* ...and first when asked, even after a column sorted the list. */
  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  lb_gui_test_iterate (20);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[PAID]);

  gtk_toggle_button_set_active (overdue, TRUE);
  lb_gui_test_iterate (20);
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[OVERDUE]);

  gtk_toggle_button_set_active (overdue, FALSE);
  lb_gui_test_iterate (20);
  g_assert_cmpint (listed_id (fixture->invoices, 0), ==, fixture->ids[DRAFT]);
}

static void
test_new_invoice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  gint64 id;

  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);
  activate (fixture->invoices, "docs.new");

  /* A Draft in the store, listed, selected and open for editing. */
  g_assert_cmpuint (count_documents (fixture, LB_DOC_INVOICE), ==, N_INVOICES + 1);
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES + 1);
  id = lb_documents_page_get_selected_id (fixture->invoices);
  g_assert_cmpint (id, >, fixture->ids[OVERDUE]);
  stored = lb_document_load (store_of (fixture), LB_DOC_INVOICE, id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_record_get_int (stored, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_DRAFT);
  g_assert_null (lb_record_get_text (stored, LB_DOC_NUMBER));
  g_assert_cmpstr (lb_record_get_text (stored, LB_DOC_DOC_DATE), ==, "2026-11-26");

  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);
  window = lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW);
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->gui.window));

  /* Opening it again raises the same window. */
  activate (fixture->invoices, "docs.open");
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);

  /* When the window says it deleted the document, the page follows. */
  g_assert_true (lb_document_delete (store_of (fixture), LB_DOC_INVOICE, id, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (window, "deleted", id);
  lb_gui_test_iterate (20);
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES);

  /* Likewise for a change: here a payment recorded elsewhere. */
  pay (store_of (fixture), fixture->ids[SENT], 24000);
  g_signal_emit_by_name (window, "changed", fixture->ids[SENT]);
  lb_gui_test_iterate (20);
  g_assert_cmpint (listed_id (fixture->invoices, 1), ==, fixture->ids[SENT]);
  {
    g_autoptr(LbRecord) doc = listed (fixture->invoices, 1);
    g_assert_cmpint (lb_record_get_int (doc, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_PAID);
  }
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* Issued: not offered, and the action does nothing. */
  g_assert_true (lb_documents_page_select (fixture->invoices, fixture->ids[SENT]));
  g_assert_false (delete_offered (fixture->invoices));
  activate (fixture->invoices, "docs.delete");
  g_assert_null (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A Draft: asked first; Cancel keeps it. */
  g_assert_true (lb_documents_page_select (fixture->invoices, fixture->ids[DRAFT]));
  g_assert_true (delete_offered (fixture->invoices));
  activate (fixture->invoices, "docs.delete");
  dialog = ADW_MESSAGE_DIALOG (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Draft Invoice?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Acme"));
  lb_gui_test_screenshot (GTK_WIDGET (dialog), "invoices-delete-dialog");
  respond (dialog, "_Cancel");
  g_assert_null (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_documents (fixture, LB_DOC_INVOICE), ==, N_INVOICES);

  /* Delete removes it from the store and the list. */
  activate (fixture->invoices, "docs.delete");
  dialog = ADW_MESSAGE_DIALOG (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  respond (dialog, "_Delete");
  g_assert_null (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_documents (fixture, LB_DOC_INVOICE), ==, N_INVOICES - 1);
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES - 1);
  for (guint i = 0; i < n_listed (fixture->invoices); i++)
    g_assert_cmpint (listed_id (fixture->invoices, i), !=, fixture->ids[DRAFT]);
}

static void
test_orders (Fixture       *fixture,
             gconstpointer  data)
{
  LbStore *store = store_of (fixture);
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  AdwWindowTitle *title;
  GtkWidget *new_button;
  GtkDropDown *dropdown;
  GListModel *choices;
  gint64 lead_id;
  gint64 orders[2];

  lb_window_show_page (fixture->gui.window, "orders");
  lb_gui_test_iterate (20);

  /* No New button: orders come from leads, as the empty page says. */
  title = lb_gui_test_get_child (GTK_WIDGET (fixture->orders), LB_TYPE_DOCUMENTS_PAGE, "window_title");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Orders");
  g_assert_cmpstr (lb_documents_page_get_state (fixture->orders), ==, "empty");
  new_button = lb_gui_test_get_child (GTK_WIDGET (fixture->orders), LB_TYPE_DOCUMENTS_PAGE,
                                      "new_button");
  g_assert_false (gtk_widget_get_visible (new_button));
  g_assert_false (gtk_widget_get_visible (lb_gui_test_get_child (GTK_WIDGET (fixture->orders),
                                                                 LB_TYPE_DOCUMENTS_PAGE,
                                                                 "overdue_button")));
  g_assert_nonnull (strstr (adw_status_page_get_description (lb_gui_test_get_child (GTK_WIDGET (fixture->orders),
                                                                                   LB_TYPE_DOCUMENTS_PAGE,
                                                                                   "empty_status")),
                            "Create Order"));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "orders-page-empty");
  activate (fixture->orders, "docs.new");
  g_assert_cmpuint (count_documents (fixture, LB_DOC_INVOICE), ==, N_INVOICES);
  g_assert_cmpuint (count_documents (fixture, LB_DOC_ORDER), ==, 0);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);

  /* Two orders from a lead, one confirmed. */
  g_assert_true (lb_settings_set (store, LB_SETTING_ORDER_TYPE, "Standard", &error));
  g_assert_no_error (error);
  lead_id = lb_test_add_lead (store, "Ann", "Lee", NULL, NULL);
  orders[0] = lb_lead_create_order (store, lead_id, &error);
  g_assert_no_error (error);
  orders[1] = lb_lead_create_order (store, lead_id, &error);
  g_assert_no_error (error);
  lb_record_set_text (LB_RECORD (line), LB_LINE_PRODUCT_SKU, "KIT");
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 1000);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, -1);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
  lb_document_add_line (store, LB_DOC_ORDER, orders[0], line, &error);
  g_assert_no_error (error);
  g_assert_true (lb_order_confirm (store, orders[0], &error));
  lb_gui_test_reload (fixture->gui.window);

  /* Orders only, and the invoices page keeps its invoices only. */
  g_assert_cmpstr (lb_documents_page_get_state (fixture->orders), ==, "list");
  g_assert_cmpuint (n_listed (fixture->orders), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LbRecord) doc = listed (fixture->orders, i);
      g_assert_true (LB_IS_ORDER (doc));
    }
  g_assert_cmpuint (n_listed (fixture->invoices), ==, N_INVOICES);
  g_assert_true (page_shows (fixture->orders, "SO-2026-0001", NULL));
  g_assert_true (page_shows (fixture->orders, "Confirmed", "confirmed"));
  g_assert_true (page_shows (fixture->orders, "Draft", "draft"));
  g_assert_true (page_shows (fixture->orders, "120.00 EUR", NULL));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "orders-page");

  /* The statuses of an order. */
  dropdown = lb_gui_test_get_child (GTK_WIDGET (fixture->orders), LB_TYPE_DOCUMENTS_PAGE,
                                    "status_dropdown");
  choices = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "Confirmed");
  choose_status (fixture->orders, "Confirmed");
  g_assert_cmpuint (n_listed (fixture->orders), ==, 1);
  g_assert_cmpint (listed_id (fixture->orders, 0), ==, orders[0]);

  /* A confirmed order cannot be deleted; a Draft order can. */
  g_assert_true (lb_documents_page_select (fixture->orders, orders[0]));
  g_assert_false (delete_offered (fixture->orders));
  choose_status (fixture->orders, "Any Status");
  g_assert_true (lb_documents_page_select (fixture->orders, orders[1]));
  g_assert_true (delete_offered (fixture->orders));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (lb_documents_page_get_state (fixture->invoices), ==, "empty");
  g_assert_true (gtk_widget_get_visible (lb_gui_test_get_child (GTK_WIDGET (fixture->invoices),
                                                                LB_TYPE_DOCUMENTS_PAGE,
                                                                "empty_new_button")));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "invoices-page-empty");

  activate (fixture->invoices, "docs.new");
  g_assert_cmpuint (count_documents (fixture, LB_DOC_INVOICE), ==, 1);
  g_assert_cmpstr (lb_documents_page_get_state (fixture->invoices), ==, "list");
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

  g_test_add ("/documents-page/invoices-listed", Fixture, NULL, setup, test_invoices_listed,
              teardown);
  g_test_add ("/documents-page/status-filter", Fixture, NULL, setup, test_status_filter, teardown);
  g_test_add ("/documents-page/overdue-first", Fixture, NULL, setup, test_overdue_first, teardown);
  g_test_add ("/documents-page/new-invoice", Fixture, NULL, setup, test_new_invoice, teardown);
  g_test_add ("/documents-page/delete", Fixture, NULL, setup, test_delete, teardown);
  g_test_add ("/documents-page/orders", Fixture, NULL, setup, test_orders, teardown);
  g_test_add ("/documents-page/empty", Fixture, "empty", setup, test_empty, teardown);

  return lb_gui_test_run ();
}
