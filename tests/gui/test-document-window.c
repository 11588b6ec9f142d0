/* The order and invoice editor, driven through its real widgets. */

#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-gui-test.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-tax-rate-picker.h"

#define NOW 1773144000  /* 2026-03-10 12:00 UTC */

typedef struct
{
  LbTestFixture     base;
  LbDocumentWindow *window;     /* weak: NULL once the window is closed */
  guint             n_changed;
  guint             n_deleted;
  gint64            deleted_id;
} Fixture;

/* helpers */

/* Runs the main loop a little, then until nothing is pending (a choice
 * in a list is stored when idle). */
static void
iterate (void)
{
  lb_gui_test_iterate (20);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_changed (LbDocumentWindow *window,
            gint64            id,
            Fixture          *f)
{
  f->n_changed++;
}

static void
on_deleted (LbDocumentWindow *window,
            gint64            id,
            Fixture          *f)
{
  f->n_deleted++;
  f->deleted_id = id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lb_test_fixture_setup (&f->base, data);
  lb_store_set_clock (f->base.store, NOW);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lb_gui_test_destroy_windows ();
  g_assert_null (f->window);
  lb_test_fixture_teardown (&f->base, data);
}

static gint64
add_account (Fixture    *f,
             const char *name)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  id = lb_account_create (f->base.store, account, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_invoice (Fixture *f,
             gint64   account_id)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account_id);
  id = lb_invoice_create (f->base.store, invoice, &error);
  g_assert_no_error (error);

  return id;
}

static void
add_written_line (Fixture    *f,
                  LbDocKind   kind,
                  gint64      doc,
                  gint64      quantity,
                  gint64      price)
{
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;

  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, "Service");
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, quantity);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, price);
  lb_document_add_line (f->base.store, kind, doc, line, &error);
  g_assert_no_error (error);
}

static LbRecord *
load (Fixture      *f,
      LbDocKind     kind,
      gint64        id,
      LbDocTotals  *totals)
{
  g_autoptr(GError) error = NULL;
  LbRecord *doc = lb_document_load (f->base.store, kind, id, NULL, totals, &error);

  g_assert_no_error (error);
  return doc;
}

static gint64
stored_status (Fixture   *f,
               LbDocKind  kind,
               gint64     id)
{
  g_autoptr(LbRecord) doc = load (f, kind, id, NULL);

  return lb_record_get_int (doc, LB_DOC_STATUS);
}

static LbDocumentWindow *
open_window (Fixture   *f,
             LbDocKind  kind,
             gint64     id)
{
  f->window = lb_document_window_new (NULL, f->base.store, kind, id);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  g_signal_connect (f->window, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->window, "deleted", G_CALLBACK (on_deleted), f);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  return f->window;
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (f->window), LB_TYPE_DOCUMENT_WINDOW, name);
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

/* Whether a label under @root shows @text, e.g. in a toast. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* Types @text in an entry row and presses Enter. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* what Enter does in the row's text */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  iterate ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
assert_label_amount (GtkWidget  *label,
                     gint64      amount)
{
  g_autofree char *expected = lb_money_format_locale (amount, 2, "EUR");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
}

static void
choose (AdwComboRow *row,
        const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        iterate ();
        return;
      }

  g_error ("“%s” is not a choice", label);
}

static const char *
chosen (GtkWidget *combo)
{
  AdwComboRow *row = ADW_COMBO_ROW (combo);

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static gint64
add_product (Fixture    *f,
             const char *sku,
             const char *name,
             gint64      price,
             gint64      tax_rate)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, name);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, tax_rate);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  id = lb_product_create (f->base.store, product, &error);
  g_assert_no_error (error);

  return id;
}

/* Adds @quantity thousandths of a catalog product, at its price. */
static void
add_catalog_line (Fixture   *f,
                  LbDocKind  kind,
                  gint64     doc,
                  gint64     product,
                  gint64     quantity)
{
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;

  lb_record_set_int (LB_RECORD (line), LB_LINE_PRODUCT_ID, product);
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, quantity);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, -1);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
  lb_document_add_line (f->base.store, kind, doc, line, &error);
  g_assert_no_error (error);
}

/* The first line of @id as stored. */
static LbLine *
stored_line (Fixture   *f,
             LbDocKind  kind,
             gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(LbRecord) doc = lb_document_load (f->base.store, kind, id, &lines, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (lines->len, >, 0);
  return g_object_ref (g_ptr_array_index (lines, 0));
}

static gint64
stored_locked (Fixture   *f,
               LbDocKind  kind,
               gint64     id)
{
  g_autoptr(LbRecord) doc = load (f, kind, id, NULL);

  return lb_record_get_int (doc, LB_DOC_PRICING_LOCKED);
}

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
respond (const char *response)
{
  GtkWindow *dialog = lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  iterate ();
}

/* Records a payment of @amount through the dialog; returns it, still
 * open when the payment was refused. */
static GtkWindow *
pay_through_dialog (Fixture    *f,
                    const char *amount)
{
  GtkWindow *dialog;

  click (child (f, "pay_button"));
  dialog = find_window_titled ("Record Payment");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "payment-amount")), amount);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "payment-reference")), "REF-7");
  click (find_named (GTK_WIDGET (dialog), "payment-record"));

  return find_window_titled ("Record Payment");
}

static void
assert_enabled (Fixture    *f,
                const char *button,
                gboolean    enabled)
{
  if (gtk_widget_is_sensitive (child (f, button)) != enabled)
    g_error ("%s is %s", button, enabled ? "disabled" : "enabled");
}

/* tests */

static void
test_live_totals (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(LbRecord) doc = NULL;
  GtkWidget *quantity;

  open_window (f, LB_DOC_INVOICE, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Draft Invoice");
  g_assert_true (gtk_widget_get_visible (child (f, "no_lines_row")));

  /* a written-in line: 2 × 50.00 at 20 % tax */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_description_row")), "Consulting");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_quantity_row")), "2");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_price_row")), "50.00");
  /* a new line starts on the named rate of 0 %; 20 % is picked */
  g_assert_cmpstr (chosen (child (f, "add_tax_picker")), ==, "Zero (0 %)");
  g_assert_false (gtk_widget_get_visible (child (f, "add_tax_row")));
  choose (ADW_COMBO_ROW (child (f, "add_tax_picker")), "Standard (20 %)");
  click (child (f, "add_line_button"));

  assert_label_amount (child (f, "subtotal_label"), 10000);
  assert_label_amount (child (f, "total_label"), 12000);
  g_assert_false (gtk_widget_get_visible (child (f, "no_lines_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "add_description_row"))), ==, "");
  g_assert_cmpstr (chosen (child (f, "add_tax_picker")), ==, "Zero (0 %)");
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (totals.total, ==, 12000);
  g_assert_cmpint (totals.tax, ==, 2000);
  g_assert_cmpuint (f->n_changed, ==, 1);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-draft");

  /* the quantity, changed in the line's row: 3 × 50.00 + 20 % */
  quantity = find_named (child (f, "lines_group"), "line-quantity");
  g_assert_nonnull (quantity);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "2");
  type_and_enter (quantity, "3");
  assert_label_amount (child (f, "total_label"), 18000);
  lb_doc_totals_clear (&totals);
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (totals.total, ==, 18000);

  /* too many decimals: refused, the row says why, nothing changes */
  quantity = find_named (child (f, "lines_group"), "line-quantity");
  type_and_enter (quantity, "1.2345");
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "1.2345");
  assert_label_amount (child (f, "total_label"), 18000);
  type_and_enter (quantity, "3");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));

  /* a document discount of 10 %: 150 − 15 = 135, tax 27, total 162 */
  choose (ADW_COMBO_ROW (child (f, "discount_kind_row")), "Percentage");
  g_assert_true (gtk_widget_get_visible (child (f, "discount_value_row")));
  type_and_enter (child (f, "discount_value_row"), "10");
  assert_label_amount (child (f, "discount_total_label"), -1500);
  assert_label_amount (child (f, "total_label"), 16200);
  lb_doc_totals_clear (&totals);
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (totals.discount, ==, 1500);
  g_assert_cmpint (totals.total, ==, 16200);

  /* a fixed discount above the subtotal is refused by the core */
  choose (ADW_COMBO_ROW (child (f, "discount_kind_row")), "Fixed Amount");
  type_and_enter (child (f, "discount_value_row"), "500.00");
  g_assert_true (gtk_widget_has_css_class (child (f, "discount_value_row"), "error"));
  lb_doc_totals_clear (&totals);
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_DISCOUNT), ==, 0);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-refused");

  /* the line goes: the totals follow */
  click (find_named (child (f, "lines_group"), "line-remove"));
  assert_label_amount (child (f, "subtotal_label"), 0);
  g_assert_true (gtk_widget_get_visible (child (f, "no_lines_row")));

  /* a refused change is not lost silently when closing */
  gtk_window_close (GTK_WINDOW (f->window));
  iterate ();
  g_assert_nonnull (f->window);
  respond ("discard");
  g_assert_null (f->window);
}

static void
test_invoice_status (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  g_autoptr(LbRecord) doc = NULL;
  g_autofree char *title = NULL;
  GtkWindow *dialog;

  add_account (f, "Acme");
  add_written_line (f, LB_DOC_INVOICE, id, 1000, 10000);
  open_window (f, LB_DOC_INVOICE, id);

  /* a Draft: its rows invite editing */
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (child (f, "number_row"))));
  g_assert_false (gtk_widget_has_css_class (child (f, "number_row"), "read-only"));

  /* a Draft: Send is offered, but the core wants an account first */
  assert_enabled (f, "send_button", TRUE);
  assert_enabled (f, "cancel_button", TRUE);
  assert_enabled (f, "pricing_button", TRUE);
  assert_enabled (f, "delete_button", TRUE);
  assert_enabled (f, "pay_button", FALSE);
  assert_enabled (f, "void_button", FALSE);
  click (child (f, "send_button"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "choose the customer account first"));
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_DRAFT);

  /* the account, chosen in the header, is stored at once */
  choose (ADW_COMBO_ROW (child (f, "account_row")), "Acme");
  doc = load (f, LB_DOC_INVOICE, id, NULL);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_ACCOUNT_ID), !=, 0);

  click (child (f, "send_button"));
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_SENT);
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, id, NULL);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "INV-2026-0001");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Invoice INV-2026-0001");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "status_label"))), ==, "Sent");
  /* issued: read-only rows, without the pencil */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child (f, "number_row"))));
  g_assert_true (gtk_widget_has_css_class (child (f, "number_row"), "read-only"));
  assert_enabled (f, "send_button", FALSE);
  assert_enabled (f, "cancel_button", FALSE);
  assert_enabled (f, "pricing_button", FALSE);
  assert_enabled (f, "delete_button", FALSE);
  assert_enabled (f, "pay_button", TRUE);
  assert_enabled (f, "void_button", TRUE);
  /* read-only now */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child (f, "notes_row"))));
  g_assert_false (gtk_widget_get_visible (child (f, "add_group")));

  /* a partial payment through the dialog */
  dialog = pay_through_dialog (f, "40.00");
  g_assert_null (dialog);
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "status_label"))), ==, "Partially Paid");
  assert_label_amount (child (f, "balance_label"), 6000);
  assert_enabled (f, "void_button", FALSE);
  assert_enabled (f, "pay_button", TRUE);
  g_assert_nonnull (find_named (child (f, "payments_group"), "payment"));

  /* more than the balance: the core refuses, the dialog says why */
  dialog = pay_through_dialog (f, "60.01");
  g_assert_nonnull (dialog);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "more than the balance"));
  lb_gui_test_screenshot (GTK_WIDGET (dialog), "document-window-payment-refused");
  gtk_window_destroy (dialog);
  iterate ();

  /* the rest: Paid, and nothing is left to do */
  dialog = pay_through_dialog (f, "60.00");
  g_assert_null (dialog);
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_PAID);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "status_label"))), ==, "Paid");
  assert_label_amount (child (f, "balance_label"), 0);
  assert_enabled (f, "send_button", FALSE);
  assert_enabled (f, "pay_button", FALSE);
  assert_enabled (f, "cancel_button", FALSE);
  assert_enabled (f, "void_button", FALSE);
  assert_enabled (f, "pricing_button", FALSE);
  assert_enabled (f, "delete_button", FALSE);
  g_assert_false (gtk_widget_get_visible (child (f, "primary_button")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 1900);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-paid");

  /* removing a payment works the status out again */
  click (find_named (child (f, "payments_group"), "payment-remove"));
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_PAID);
  respond ("confirm");
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);
  assert_enabled (f, "pay_button", TRUE);

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (f->window)));
  g_assert_cmpstr (title, ==, "Invoice INV-2026-0001");
}

static void
test_manual_number (Fixture       *f,
                    gconstpointer  data)
{
  gint64 first = add_invoice (f, 0);
  gint64 second = add_invoice (f, 0);
  g_autoptr(LbRecord) doc = NULL;
  GtkWidget *number;

  open_window (f, LB_DOC_INVOICE, first);
  type_and_enter (child (f, "number_row"), "X-1");
  doc = load (f, LB_DOC_INVOICE, first, NULL);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "X-1");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Invoice X-1");
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* the same number on another Draft: refused on its row */
  open_window (f, LB_DOC_INVOICE, second);
  number = child (f, "number_row");
  type_and_enter (number, "X-1");
  g_assert_true (gtk_widget_has_css_class (number, "error"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "already used"));
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, second, NULL);
  g_assert_null (lb_record_get_text (doc, LB_DOC_NUMBER));

  type_and_enter (number, "X-2");
  g_assert_false (gtk_widget_has_css_class (number, "error"));
  g_clear_object (&doc);
  doc = load (f, LB_DOC_INVOICE, second, NULL);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "X-2");
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  gint64 lead = lb_test_add_lead (f->base.store, "Ada", "Lovelace", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) order = NULL;
  g_autoptr(LbRecord) invoice = NULL;
  LbDocumentWindow *invoice_window;
  gint64 id;

  lb_settings_set (f->base.store, LB_SETTING_ORDER_TYPE, "Standard", &error);
  g_assert_no_error (error);
  id = lb_lead_create_order (f->base.store, lead, &error);
  g_assert_no_error (error);

  open_window (f, LB_DOC_ORDER, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Order SO-2026-0001");
  g_assert_true (gtk_widget_get_visible (child (f, "lead_link_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (f, "lead_link_row"))),
                   ==, "From lead “Ada Lovelace”");
  g_assert_false (gtk_widget_get_visible (child (f, "send_button")));
  assert_enabled (f, "fulfil_button", FALSE);
  assert_enabled (f, "create_invoice_button", FALSE);

  /* Confirm wants a line */
  click (child (f, "confirm_button"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "it has no lines"));
  g_assert_cmpint (stored_status (f, LB_DOC_ORDER, id), ==, LB_ORDER_STATUS_DRAFT);

  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_description_row")), "Installation");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_price_row")), "80");
  type_and_enter (child (f, "add_price_row"), "80");
  assert_label_amount (child (f, "total_label"), 8000);

  click (child (f, "confirm_button"));
  g_assert_cmpint (stored_status (f, LB_DOC_ORDER, id), ==, LB_ORDER_STATUS_CONFIRMED);
  assert_enabled (f, "confirm_button", FALSE);
  assert_enabled (f, "fulfil_button", TRUE);
  assert_enabled (f, "create_invoice_button", TRUE);
  assert_enabled (f, "delete_button", FALSE);

  click (child (f, "fulfil_button"));
  g_assert_cmpint (stored_status (f, LB_DOC_ORDER, id), ==, LB_ORDER_STATUS_FULFILLED);
  assert_enabled (f, "fulfil_button", FALSE);
  assert_enabled (f, "cancel_button", FALSE);
  assert_enabled (f, "create_invoice_button", TRUE);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-order");

  /* Create Invoice opens the new Draft */
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);
  click (child (f, "create_invoice_button"));
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 2);
  invoice_window = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (LB_IS_DOCUMENT_WINDOW (l->data) && l->data != (gpointer)f->window)
        invoice_window = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (invoice_window);
  g_assert_cmpint (lb_document_window_get_kind (invoice_window), ==, LB_DOC_INVOICE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (invoice_window)), ==, "Draft Invoice");
  invoice = load (f, LB_DOC_INVOICE, lb_document_window_get_document_id (invoice_window), NULL);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_ORDER_ID), ==, id);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_LEAD_ID), ==, lead);
  g_assert_cmpstr (adw_preferences_row_get_title (lb_gui_test_get_child (GTK_WIDGET (invoice_window),
                                                                         LB_TYPE_DOCUMENT_WINDOW,
                                                                         "order_link_row")),
                   ==, "From order SO-2026-0001");
  assert_label_amount (lb_gui_test_get_child (GTK_WIDGET (invoice_window), LB_TYPE_DOCUMENT_WINDOW,
                                              "total_label"), 8000);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;

  open_window (f, LB_DOC_INVOICE, id);
  click (child (f, "delete_button"));
  respond ("keep");
  g_assert_nonnull (f->window);

  click (child (f, "delete_button"));
  respond ("confirm");
  g_assert_null (f->window);
  g_assert_cmpuint (f->n_deleted, ==, 1);
  g_assert_cmpint (f->deleted_id, ==, id);
  doc = lb_store_get_document (f->base.store, LB_DOC_INVOICE, id, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);

  /* a window on it says so, and offers nothing */
  open_window (f, LB_DOC_INVOICE, id);
  g_assert_true (shows_text (GTK_WIDGET (f->window), error->message));
  g_assert_false (gtk_widget_get_visible (child (f, "body")));
  assert_enabled (f, "send_button", FALSE);
  assert_enabled (f, "delete_button", FALSE);
}

static void
test_catalog_line (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(LbRecord) doc = NULL;
  GtkListBoxRow *row;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, "WID-1");
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, "Widget");
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 2500);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, 2000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  lb_product_create (f->base.store, product, &error);
  g_assert_no_error (error);

  open_window (f, LB_DOC_INVOICE, id);

  /* the picker lists the catalog, and searches it as the user types */
  gtk_widget_grab_focus (child (f, "add_description_row"));   /* scrolls the picker into view */
  lb_gui_test_iterate (100);
  gtk_popover_popup (GTK_POPOVER (child (f, "product_popover")));
  iterate ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "product_list")), 0));
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-catalog");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "product_search")), "nothing like it");
  lb_gui_test_iterate (400);
  g_assert_true (gtk_widget_get_visible (child (f, "product_empty_label")));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "product_search")), "wid");
  lb_gui_test_iterate (400);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "product_list")), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (child (f, "product_list"), "row-activated", row);
  iterate ();

  /* its name, price and tax rate fill the new line */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "add_description_row"))), ==, "Widget");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "add_price_row"))), ==, "25.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "add_tax_row"))), ==, "20");
  g_assert_cmpstr (chosen (child (f, "add_tax_picker")), ==, "Standard (20 %)");
  g_assert_true (gtk_widget_get_visible (child (f, "product_clear_button")));
  type_and_enter (child (f, "add_quantity_row"), "4");
  assert_label_amount (child (f, "total_label"), 12000);

  /* a new catalog price reaches the Draft through Use Current Pricing */
  lb_product_set_price (f->base.store, "WID-1", 3000, &error);
  g_assert_no_error (error);
  assert_label_amount (child (f, "total_label"), 12000);
  click (child (f, "pricing_button"));
  assert_label_amount (child (f, "total_label"), 14400);
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (totals.total, ==, 14400);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_PRICING_LOCKED), ==, 0);
}

static void
test_line_tax_rate (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  g_autoptr(LbLine) line = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(LbRecord) doc = NULL;
  GtkWidget *lines;
  GtkWidget *picker;
  GtkWidget *tax;

  add_written_line (f, LB_DOC_INVOICE, id, 1000, 10000);
  open_window (f, LB_DOC_INVOICE, id);
  lines = child (f, "lines_group");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (lines, "line")), TRUE);
  iterate ();

  /* the line's 0 % shows as the named rate; no rate row to type in */
  picker = find_named (lines, "line-tax-choice");
  tax = find_named (lines, "line-tax");
  g_assert_true (LB_IS_TAX_RATE_PICKER (picker));
  g_assert_cmpstr (chosen (picker), ==, "Zero (0 %)");
  g_assert_false (gtk_widget_get_visible (tax));
  assert_label_amount (child (f, "total_label"), 10000);

  /* a named rate picked: stored at once, the totals follow */
  choose (ADW_COMBO_ROW (picker), "Reduced (5 %)");
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX_KIND), ==, LB_TAX_RATE);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 500);
  assert_label_amount (child (f, "total_label"), 10500);
  g_assert_true (shows_text (lines, "tax 5 %"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Tax 5 %"));   /* the totals, by rate */
  doc = load (f, LB_DOC_INVOICE, id, &totals);
  g_assert_cmpint (totals.total, ==, 10500);
  g_assert_cmpstr (chosen (picker), ==, "Reduced (5 %)");
  g_assert_false (gtk_widget_get_visible (tax));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_widget_grab_focus (picker);   /* scrolls the line into view */
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-line-rate-1280");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 1800);   /* all of it, for a look */
  lb_gui_test_iterate (100);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-line-rate-360");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 760);

  /* "Other Rate" starts from the rate the line has; 7.5 typed */
  choose (ADW_COMBO_ROW (picker), "Other Rate");
  g_assert_true (gtk_widget_get_visible (tax));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tax)), ==, "5");
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 500);
  type_and_enter (tax, "7.5");
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 750);
  assert_label_amount (child (f, "total_label"), 10750);
  g_assert_cmpstr (chosen (picker), ==, "Other Rate");
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-line-other-rate");

  /* a percentage the core refuses stays typed, with its message */
  type_and_enter (tax, "7.555");
  g_assert_true (gtk_widget_has_css_class (tax, "error"));
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 750);
  assert_label_amount (child (f, "total_label"), 10750);

  /* a named rate instead: stored, the message gone */
  choose (ADW_COMBO_ROW (picker), "Standard (20 %)");
  g_assert_false (gtk_widget_has_css_class (tax, "error"));
  g_assert_false (gtk_widget_get_visible (tax));
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 2000);
  assert_label_amount (child (f, "total_label"), 12000);

  /* an amount entered instead of a rate */
  choose (ADW_COMBO_ROW (picker), "Entered Amount");
  g_assert_true (gtk_widget_get_visible (tax));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tax)), ==, "Tax Amount");
  /* stored at once as an amount of 0, the rate typed before meaning nothing now */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tax)), ==, "0.00");
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX_KIND), ==, LB_TAX_AMOUNT);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 0);
  type_and_enter (tax, "3.50");
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX_KIND), ==, LB_TAX_AMOUNT);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 350);
  assert_label_amount (child (f, "total_label"), 10350);
  g_assert_cmpstr (chosen (picker), ==, "Entered Amount");

  /* and back to a rate */
  choose (ADW_COMBO_ROW (picker), "Zero (0 %)");
  g_clear_object (&line);
  line = stored_line (f, LB_DOC_INVOICE, id);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX_KIND), ==, LB_TAX_RATE);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_TAX), ==, 0);
  assert_label_amount (child (f, "total_label"), 10000);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tax)), ==, "Tax Rate (%)");
}

static void
test_add_line_rate (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_invoice (f, 0);
  gint64 product = add_product (f, "WID-1", "Widget", 2500, 2000);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  GtkListBoxRow *row;
  LbRecord *line;

  open_window (f, LB_DOC_INVOICE, id);

  /* the product fills its own rate; another named rate is picked */
  gtk_widget_grab_focus (child (f, "add_description_row"));   /* scrolls the picker into view */
  lb_gui_test_iterate (100);
  gtk_popover_popup (GTK_POPOVER (child (f, "product_popover")));
  iterate ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "product_list")), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (child (f, "product_list"), "row-activated", row);
  iterate ();
  g_assert_cmpstr (chosen (child (f, "add_tax_picker")), ==, "Standard (20 %)");
  choose (ADW_COMBO_ROW (child (f, "add_tax_picker")), "Reduced (5 %)");
  g_assert_false (gtk_widget_get_visible (child (f, "add_tax_row")));
  gtk_widget_grab_focus (child (f, "add_tax_picker"));
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-add-line-rate");
  type_and_enter (child (f, "add_quantity_row"), "2");
  assert_label_amount (child (f, "total_label"), 5250);

  /* a written-in line at a rate typed as "Other Rate" */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_description_row")), "Setup");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "add_price_row")), "10");
  choose (ADW_COMBO_ROW (child (f, "add_tax_picker")), "Other Rate");
  g_assert_true (gtk_widget_get_visible (child (f, "add_tax_row")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 760);
  lb_gui_test_iterate (100);
  gtk_widget_grab_focus (child (f, "add_tax_row"));
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-add-line-other-rate-360");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 760);

  /* refused first: nothing added, the message on the rate row */
  type_and_enter (child (f, "add_tax_row"), "abc");
  g_assert_true (gtk_widget_has_css_class (child (f, "add_tax_row"), "error"));
  assert_label_amount (child (f, "total_label"), 5250);
  type_and_enter (child (f, "add_tax_row"), "7.5");
  g_assert_false (gtk_widget_has_css_class (child (f, "add_tax_row"), "error"));
  assert_label_amount (child (f, "total_label"), 6325);

  doc = lb_document_load (f->base.store, LB_DOC_INVOICE, id, &lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpint (lb_record_get_int (line, LB_LINE_PRODUCT_ID), ==, product);
  g_assert_cmpint (lb_record_get_int (line, LB_LINE_UNIT_PRICE), ==, 2500);
  g_assert_cmpint (lb_record_get_int (line, LB_LINE_TAX), ==, 500);
  line = g_ptr_array_index (lines, 1);
  g_assert_cmpint (lb_record_get_int (line, LB_LINE_PRODUCT_ID), ==, 0);
  g_assert_cmpint (lb_record_get_int (line, LB_LINE_TAX), ==, 750);

  /* the form starts again on 0 % */
  g_assert_cmpstr (chosen (child (f, "add_tax_picker")), ==, "Zero (0 %)");
  g_assert_false (gtk_widget_get_visible (child (f, "add_tax_row")));
}

static const char *
lines_description (Fixture *f)
{
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (f, "lines_group")));
}

/* The pricing actions of a Draft of @kind, then @issue (Send or
 * Confirm) locks it and leaves nothing to choose. */
static void
check_pricing (Fixture    *f,
               LbDocKind   kind,
               gint64      id,
               const char *issue)
{
  open_window (f, kind, id);

  /* a Draft starts locked */
  g_assert_cmpint (stored_locked (f, kind, id), ==, 1);
  assert_enabled (f, "pricing_button", TRUE);
  assert_enabled (f, "lock_pricing_button", FALSE);
  g_assert_true (gtk_widget_get_visible (child (f, "pricing_button")));
  g_assert_cmpstr (lines_description (f), ==,
                   "Prices locked: a change in the catalog does not reach this document.");

  click (child (f, "pricing_button"));
  g_assert_cmpint (stored_locked (f, kind, id), ==, 0);
  assert_enabled (f, "pricing_button", TRUE);
  assert_enabled (f, "lock_pricing_button", TRUE);
  g_assert_cmpstr (lines_description (f), ==,
                   "Current pricing: a new catalog price updates the catalog lines.");
  g_assert_cmpuint (f->n_changed, ==, 1);

  click (child (f, "lock_pricing_button"));
  g_assert_cmpint (stored_locked (f, kind, id), ==, 1);
  assert_enabled (f, "lock_pricing_button", FALSE);
  assert_enabled (f, "pricing_button", TRUE);
  g_assert_cmpstr (lines_description (f), ==,
                   "Prices locked: a change in the catalog does not reach this document.");

  click (child (f, "pricing_button"));
  g_assert_cmpint (stored_locked (f, kind, id), ==, 0);
  gtk_popover_popup (GTK_POPOVER (child (f, "actions_popover")));
  iterate ();
  lb_gui_test_screenshot (child (f, "actions_popover"),
                          kind == LB_DOC_INVOICE ? "document-window-invoice-pricing-menu"
                                                 : "document-window-order-pricing-menu");
  gtk_popover_popdown (GTK_POPOVER (child (f, "actions_popover")));

  /* issued: locked, and neither offered any more */
  click (child (f, issue));
  g_assert_cmpint (stored_status (f, kind, id), !=, 0);
  g_assert_cmpint (stored_locked (f, kind, id), ==, 1);
  assert_enabled (f, "pricing_button", FALSE);
  assert_enabled (f, "lock_pricing_button", FALSE);
  g_assert_true (lines_description (f) == NULL || *lines_description (f) == '\0');
  g_assert_false (shows_text (GTK_WIDGET (f->window), "pricing"));
  g_assert_false (shows_text (GTK_WIDGET (f->window), "Prices locked"));
}

static void
test_pricing_invoice (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_invoice (f, add_account (f, "Acme"));

  add_written_line (f, LB_DOC_INVOICE, id, 1000, 10000);
  check_pricing (f, LB_DOC_INVOICE, id, "send_button");
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_SENT);
}

static void
test_pricing_order (Fixture       *f,
                    gconstpointer  data)
{
  gint64 lead = lb_test_add_lead (f->base.store, "Ada", "Lovelace", NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_settings_set (f->base.store, LB_SETTING_ORDER_TYPE, "Standard", &error);
  g_assert_no_error (error);
  id = lb_lead_create_order (f->base.store, lead, &error);
  g_assert_no_error (error);
  add_written_line (f, LB_DOC_ORDER, id, 1000, 10000);
  check_pricing (f, LB_DOC_ORDER, id, "confirm_button");
  g_assert_cmpint (stored_status (f, LB_DOC_ORDER, id), ==, LB_ORDER_STATUS_CONFIRMED);
  assert_enabled (f, "fulfil_button", TRUE);
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static void
test_current_pricing_reload (Fixture       *f,
                             gconstpointer  data)
{
  gint64 product = add_product (f, "WID-1", "Widget", 2500, 2000);
  gint64 current = add_invoice (f, 0);
  gint64 locked = add_invoice (f, 0);
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLine) line = NULL;
  LbDocumentWindow *locked_window;
  GtkWidget *quantity;
  GtkWidget *price;

  add_catalog_line (f, LB_DOC_INVOICE, current, product, 4000);
  add_catalog_line (f, LB_DOC_INVOICE, locked, product, 4000);
  lb_document_use_current_pricing (f->base.store, LB_DOC_INVOICE, current, &error);
  g_assert_no_error (error);

  locked_window = lb_document_window_new (NULL, f->base.store, LB_DOC_INVOICE, locked);
  gtk_window_present (GTK_WINDOW (locked_window));
  open_window (f, LB_DOC_INVOICE, current);
  assert_label_amount (child (f, "total_label"), 12000);
  price = find_named (child (f, "lines_group"), "line-price");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "25.00");

  /* a new catalog price: the Draft with current pricing follows... */
  lb_product_set_price (f->base.store, "WID-1", 3000, &error);
  g_assert_no_error (error);
  doc = load (f, LB_DOC_INVOICE, current, &totals);
  g_assert_cmpint (totals.total, ==, 14400);
  lb_document_window_reload (f->window);
  price = find_named (child (f, "lines_group"), "line-price");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "30.00");
  g_assert_true (shows_text (child (f, "lines_group"), "4 × 30.00"));
  assert_label_amount (child (f, "total_label"), 14400);
  assert_label_amount (child (f, "subtotal_label"), 12000);

  /* ...the locked one keeps its price */
  lb_document_window_reload (locked_window);
  assert_label_amount (lb_gui_test_get_child (GTK_WIDGET (locked_window), LB_TYPE_DOCUMENT_WINDOW,
                                              "total_label"), 12000);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Raised again after work in another window, it shows the store's
   * prices without being asked. */
  gtk_window_present (GTK_WINDOW (locked_window));
  g_assert_true (lb_gui_test_wait (window_is_active, locked_window, 5000));
  lb_product_set_price (f->base.store, "WID-1", 3500, &error);
  g_assert_no_error (error);
  assert_label_amount (child (f, "total_label"), 14400);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lb_gui_test_wait (window_is_active, f->window, 5000));
  iterate ();
  assert_label_amount (child (f, "total_label"), 16800);
  price = find_named (child (f, "lines_group"), "line-price");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "35.00");
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* What was typed but not stored yet is stored when the focus leaves
   * the window, not lost when it comes back. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (child (f, "lines_group"), "line")), TRUE);
  iterate ();
  quantity = find_named (child (f, "lines_group"), "line-quantity");
  /* active right now: other test programs on the same display take
   * the focus now and then */
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lb_gui_test_wait (window_is_active, f->window, 5000));
  gtk_widget_grab_focus (quantity);
  gtk_editable_set_text (GTK_EDITABLE (quantity), "5");
  iterate ();
  gtk_window_present (GTK_WINDOW (locked_window));
  g_assert_true (lb_gui_test_wait (window_is_active, locked_window, 5000));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lb_gui_test_wait (window_is_active, f->window, 5000));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "5");
  line = stored_line (f, LB_DOC_INVOICE, current);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (line), LB_LINE_QUANTITY), ==, 5000);
  assert_label_amount (child (f, "total_label"), 21000);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_invoice (f, add_account (f, "Acme"));

  add_written_line (f, LB_DOC_INVOICE, id, 1500, 4999);
  f->window = lb_document_window_new (NULL, f->base.store, LB_DOC_INVOICE, id);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (child (f, "lines_group"), "line")), TRUE);
  lb_gui_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-360");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-1280");

  /* the status actions of a Draft, in the header bar's menu */
  gtk_popover_popup (GTK_POPOVER (child (f, "actions_popover")));
  iterate ();
  g_assert_true (gtk_widget_get_mapped (child (f, "send_button")));
  lb_gui_test_screenshot (child (f, "actions_popover"), "document-window-actions");
  gtk_popover_popdown (GTK_POPOVER (child (f, "actions_popover")));

  /* all of it, for a look */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 2400);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-window-360-full");
}

/* Print, Export PDF and Send by Email: offered for any document that
 * could be read, whatever its kind and status; not for one that
 * cannot be read. */
static void
test_output_actions (Fixture       *f,
                     gconstpointer  data)
{
  const char * const buttons[] = { "print_button", "export_button", "email_button" };
  gint64 lead = lb_test_add_lead (f->base.store, "Ada", "Lovelace", NULL, NULL);
  gint64 id = add_invoice (f, add_account (f, "Acme"));
  g_autoptr(GError) error = NULL;
  gint64 order;

  add_written_line (f, LB_DOC_INVOICE, id, 1000, 10000);
  open_window (f, LB_DOC_INVOICE, id);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_assert_true (gtk_widget_get_visible (child (f, buttons[i])));
      assert_enabled (f, buttons[i], TRUE);
    }
  gtk_popover_popup (GTK_POPOVER (child (f, "actions_popover")));
  iterate ();
  g_assert_true (gtk_widget_get_mapped (child (f, "print_button")));
  lb_gui_test_screenshot (child (f, "actions_popover"), "document-window-output-menu");
  gtk_popover_popdown (GTK_POPOVER (child (f, "actions_popover")));

  /* sent, then void: still */
  click (child (f, "send_button"));
  g_assert_cmpint (stored_status (f, LB_DOC_INVOICE, id), ==, LB_INVOICE_STATUS_SENT);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_enabled (f, buttons[i], TRUE);
  lb_invoice_void (f->base.store, id, &error);
  g_assert_no_error (error);
  lb_document_window_reload (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_enabled (f, buttons[i], TRUE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* an order */
  lb_settings_set (f->base.store, LB_SETTING_ORDER_TYPE, "Standard", &error);
  g_assert_no_error (error);
  order = lb_lead_create_order (f->base.store, lead, &error);
  g_assert_no_error (error);
  open_window (f, LB_DOC_ORDER, order);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_enabled (f, buttons[i], TRUE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* a document that cannot be read: nothing to print, and Ctrl+P's
   * action does not open the dialog */
  open_window (f, LB_DOC_INVOICE, 4242);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_enabled (f, buttons[i], FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.print", NULL);
  iterate ();
  g_assert_cmpuint (lb_gui_test_count_toplevels (GTK_TYPE_DIALOG), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/document-window/live-totals", test_live_totals);
  ADD ("/document-window/invoice-status", test_invoice_status);
  ADD ("/document-window/manual-number", test_manual_number);
  ADD ("/document-window/order", test_order);
  ADD ("/document-window/delete", test_delete);
  ADD ("/document-window/catalog-line", test_catalog_line);
  ADD ("/document-window/narrow", test_narrow);
  ADD ("/document-window/line-tax-rate", test_line_tax_rate);
  ADD ("/document-window/add-line-rate", test_add_line_rate);
  ADD ("/document-window/pricing-invoice", test_pricing_invoice);
  ADD ("/document-window/pricing-order", test_pricing_order);
  ADD ("/document-window/current-pricing-reload", test_current_pricing_reload);
  ADD ("/document-window/output-actions", test_output_actions);

#undef ADD

  return lb_gui_test_run ();
}
