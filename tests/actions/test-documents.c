#include "config.h"

#include <string.h>

#include "lb-convert.h"
#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-settings.h"
#include "lb-test-util.h"

#define NOW 1795651200  /* 2026-11-26 00:00 UTC */

static gint64
add_account (LbStore *store)
{
  g_autoptr(LbAccount) account = lb_account_new ();

  lb_account_set_text (account, LB_ACCOUNT_NAME, "Acme");
  return lb_account_create (store, account, NULL);
}

static gint64
add_product (LbStore    *store,
             const char *sku,
             gint64      price,
             gint64      tax_bp)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, sku);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, tax_bp);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  id = lb_product_create (store, product, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_line (LbStore    *store,
          LbDocKind   kind,
          gint64      doc,
          const char *sku,
          gint64      qty,
          gint64      price)
{
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (line), LB_LINE_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, sku ? NULL : "Written in");
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, qty);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
  id = lb_document_add_line (store, kind, doc, line, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
new_invoice (LbStore    *store,
             gint64      account,
             const char *date)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, date);
  id = lb_invoice_create (store, invoice, &error);
  g_assert_no_error (error);

  return id;
}

static LbRecord *
get (LbStore  *store,
     LbDocKind kind,
     gint64    id)
{
  g_autoptr(GError) error = NULL;
  LbRecord *doc = lb_document_load (store, kind, id, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static gint64
status_of (LbStore  *store,
           LbDocKind kind,
           gint64    id)
{
  g_autoptr(LbRecord) doc = get (store, kind, id);
  return lb_record_get_int (doc, LB_DOC_STATUS);
}

static void
setup (LbTestFixture *fixture,
       gconstpointer  data)
{
  lb_test_fixture_setup (fixture, data);
  lb_store_set_clock (fixture->store, NOW);
}

static void
test_invoice_lifecycle (LbTestFixture *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  gint64 account = add_account (store);
  gint64 inv, pay1, pay2;

  add_product (store, "KIT", 10000, 2000);
  inv = new_invoice (store, account, "2026-11-26");

  doc = get (store, LB_DOC_INVOICE, inv);
  g_assert_null (lb_record_get_text (doc, LB_DOC_NUMBER));
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_DUE_DATE), ==, "2026-12-26");
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_CURRENCY), ==, "EUR");
  g_clear_object (&doc);

  /* No lines: cannot be sent. */
  g_assert_false (lb_invoice_send (store, inv, &error));
  g_assert_nonnull (strstr (error->message, "no lines"));
  g_clear_error (&error);

  add_line (store, LB_DOC_INVOICE, inv, "KIT", 2000, -1);      /* 2 × 100.00 + 20 % */
  doc = get (store, LB_DOC_INVOICE, inv);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_TOTAL), ==, 24000);
  g_clear_object (&doc);

  g_assert_true (lb_invoice_send (store, inv, &error));
  g_assert_no_error (error);
  doc = get (store, LB_DOC_INVOICE, inv);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "INV-2026-0001");
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_SENT);
  g_clear_object (&doc);

  /* Locked now. */
  {
    g_autoptr(LbLine) late = lb_line_new ();
    g_assert_cmpint (lb_document_add_line (store, LB_DOC_INVOICE, inv, late, &error), ==, 0);
  }
  g_assert_nonnull (strstr (error->message, "Draft"));
  g_clear_error (&error);

  /* Over the balance, zero: refused. */
  g_assert_cmpint (lb_invoice_pay (store, inv, 24001, NULL, LB_PAYMENT_METHOD_CASH, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "240.00"));
  g_clear_error (&error);
  g_assert_cmpint (lb_invoice_pay (store, inv, 0, NULL, LB_PAYMENT_METHOD_CASH, NULL, &error), ==, 0);
  g_clear_error (&error);

  pay1 = lb_invoice_pay (store, inv, 4000, "2026-11-27", LB_PAYMENT_METHOD_CARD, "R1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);

  /* Void only while nothing is paid. */
  g_assert_false (lb_invoice_void (store, inv, &error));
  g_clear_error (&error);

  /* Past the due date the sweep marks it Overdue; not before. */
  g_assert_cmpint (lb_invoice_sweep (store, "2026-12-26", &error), ==, 0);
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);
  g_assert_cmpint (lb_invoice_sweep (store, "2026-12-27", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_OVERDUE);

  /* Paying the rest: Paid, final. */
  pay2 = lb_invoice_pay (store, inv, 20000, NULL, LB_PAYMENT_METHOD_BANK_TRANSFER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_PAID);
  g_assert_false (lb_invoice_cancel (store, inv, &error));
  g_clear_error (&error);
  g_assert_cmpint (lb_invoice_pay (store, inv, 1, NULL, LB_PAYMENT_METHOD_CASH, NULL, &error), ==, 0);
  g_clear_error (&error);

  /* Removing a payment works the status out again. */
  g_assert_true (lb_invoice_remove_payment (store, pay2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_PARTIALLY_PAID);
  g_assert_true (lb_invoice_remove_payment (store, pay1, &error));
  g_assert_cmpint (status_of (store, LB_DOC_INVOICE, inv), ==, LB_INVOICE_STATUS_SENT);
  g_assert_false (lb_invoice_remove_payment (store, pay1, &error));
  g_clear_error (&error);

  /* Nothing paid now: Void is allowed, and final. */
  g_assert_true (lb_invoice_void (store, inv, &error));
  g_assert_no_error (error);
  g_assert_false (lb_invoice_send (store, inv, &error));
  g_clear_error (&error);
  g_assert_false (lb_document_delete (store, LB_DOC_INVOICE, inv, &error));
  g_clear_error (&error);
}

static void
test_numbering_gapless (LbTestFixture *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  gint64 a = new_invoice (store, account, "2026-03-01");
  gint64 b = new_invoice (store, 0, "2026-03-02");
  gint64 c = new_invoice (store, account, "2026-03-03");
  gint64 d = new_invoice (store, account, "2027-01-05");
  g_autoptr(LbRecord) doc = NULL;

  add_line (store, LB_DOC_INVOICE, a, NULL, 1000, 100);
  add_line (store, LB_DOC_INVOICE, b, NULL, 1000, 100);
  add_line (store, LB_DOC_INVOICE, c, NULL, 1000, 100);
  add_line (store, LB_DOC_INVOICE, d, NULL, 1000, 100);

  g_assert_true (lb_invoice_send (store, a, NULL));
  /* b has no account: its send fails mid-way and takes no number. */
  g_assert_false (lb_invoice_send (store, b, &error));
  g_assert_nonnull (strstr (error->message, "account"));
  g_clear_error (&error);

  /* A Draft carrying a number by hand: unique, and passed over. */
  doc = get (store, LB_DOC_INVOICE, b);
  lb_record_set_text (doc, LB_DOC_NUMBER, "INV-2026-0001");
  g_assert_false (lb_document_save (store, doc, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);
  lb_record_set_text (doc, LB_DOC_NUMBER, "INV-2026-0002");
  g_assert_true (lb_document_save (store, doc, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);

  g_assert_true (lb_invoice_send (store, c, NULL));
  doc = get (store, LB_DOC_INVOICE, c);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "INV-2026-0003");
  g_clear_object (&doc);

  /* The count restarts each year. */
  g_assert_true (lb_invoice_send (store, d, NULL));
  doc = get (store, LB_DOC_INVOICE, d);
  g_assert_cmpstr (lb_record_get_text (doc, LB_DOC_NUMBER), ==, "INV-2027-0001");
  g_clear_object (&doc);

  /* A Draft made by mistake goes; issued ones stay. */
  g_assert_true (lb_document_delete (store, LB_DOC_INVOICE, b, &error));
  g_assert_no_error (error);
  g_assert_false (lb_document_delete (store, LB_DOC_INVOICE, a, &error));
  g_assert_nonnull (error);
}

static void
test_pricing (LbTestFixture *fixture,
              gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(LbRecord) doc = NULL;
  gint64 inv = new_invoice (store, add_account (store), "2026-11-26");

  add_product (store, "BOX", 500, 0);
  add_line (store, LB_DOC_INVOICE, inv, "box", 1000, -1);
  add_line (store, LB_DOC_INVOICE, inv, NULL, 1000, 700);

  g_assert_true (lb_product_set_price (store, "BOX", 650, &error));
  /* Locked: the line keeps the price it copied. */
  doc = lb_document_load (store, LB_DOC_INVOICE, inv, &lines, NULL, NULL);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 0), LB_LINE_UNIT_PRICE), ==, 500);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_TOTAL), ==, 1200);
  g_clear_object (&doc);
  g_clear_pointer (&lines, g_ptr_array_unref);

  g_assert_true (lb_invoice_use_current_pricing (store, inv, &error));
  g_assert_no_error (error);
  doc = lb_document_load (store, LB_DOC_INVOICE, inv, &lines, NULL, NULL);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 0), LB_LINE_UNIT_PRICE), ==, 650);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 1), LB_LINE_UNIT_PRICE), ==, 700);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_TOTAL), ==, 1350);

  /* A discount larger than the subtotal changes nothing. */
  g_assert_false (lb_document_set_discount (store, LB_DOC_INVOICE, inv, LB_DISCOUNT_AMOUNT, 1351, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (lb_document_set_discount (store, LB_DOC_INVOICE, inv, LB_DISCOUNT_PERCENT, 1000, &error));
  g_clear_object (&doc);
  doc = get (store, LB_DOC_INVOICE, inv);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_DISCOUNT_TOTAL), ==, 135);
}

static gint64
line_price (LbStore   *store,
            LbDocKind  kind,
            gint64     doc_id,
            guint      index)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(LbRecord) doc = lb_document_load (store, kind, doc_id, &lines, NULL, NULL);

  g_assert_nonnull (doc);
  g_assert_cmpuint (index, <, lines->len);
  return lb_record_get_int (g_ptr_array_index (lines, index), LB_LINE_UNIT_PRICE);
}

static gint64
locked (LbStore   *store,
        LbDocKind  kind,
        gint64     doc_id)
{
  g_autoptr(LbRecord) doc = get (store, kind, doc_id);
  return lb_record_get_int (doc, LB_DOC_PRICING_LOCKED);
}

static gint64
new_order (LbStore *store,
           gint64   account)
{
  g_autoptr(GError) error = NULL;
  gint64 lead = lb_test_add_lead (store, "Olga", "Order", "olga@example.com", NULL);
  g_autoptr(LbLead) stored = NULL;
  gint64 id;

  g_assert_true (lb_settings_set (store, LB_SETTING_ORDER_TYPE, "Standard", NULL));
  stored = lb_store_get_lead (store, lead, NULL);
  lb_lead_set_int (stored, LB_LEAD_ACCOUNT_ID, account);
  g_assert_true (lb_lead_save (store, stored, &error));
  g_assert_no_error (error);
  id = lb_lead_create_order (store, lead, &error);
  g_assert_no_error (error);

  return id;
}

/* Locked pricing keeps the copied price; current pricing follows the
 * catalog until the Draft is locked, sent or confirmed. */
static void
test_pricing_modes (LbTestFixture *fixture,
                    gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  gint64 current = new_invoice (store, account, "2026-11-26");
  gint64 kept = new_invoice (store, account, "2026-11-26");
  gint64 sent = new_invoice (store, account, "2026-11-26");
  gint64 order = new_order (store, account);
  g_autoptr(LbRecord) doc = NULL;

  add_product (store, "BOX", 500, 2000);
  add_line (store, LB_DOC_INVOICE, current, "BOX", 2000, -1);
  add_line (store, LB_DOC_INVOICE, current, NULL, 1000, 700);
  add_line (store, LB_DOC_INVOICE, kept, "BOX", 1000, -1);
  add_line (store, LB_DOC_INVOICE, sent, "BOX", 1000, -1);
  add_line (store, LB_DOC_ORDER, order, "BOX", 1000, -1);

  /* Every new document starts locked; so what a lock may do follows. */
  doc = get (store, LB_DOC_INVOICE, current);
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_PRICING_LOCKED), ==, 1);
  g_assert_false (lb_invoice_can (doc, "lock-pricing"));
  g_assert_true (lb_invoice_can (doc, "use-current-pricing"));
  g_clear_object (&doc);

  g_assert_true (lb_document_use_current_pricing (store, LB_DOC_INVOICE, current, &error));
  g_assert_no_error (error);
  g_assert_true (lb_document_use_current_pricing (store, LB_DOC_ORDER, order, &error));
  g_assert_no_error (error);
  g_assert_true (lb_document_use_current_pricing (store, LB_DOC_INVOICE, sent, &error));
  g_assert_true (lb_invoice_send (store, sent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (locked (store, LB_DOC_INVOICE, sent), ==, 1);
  g_assert_cmpint (locked (store, LB_DOC_INVOICE, current), ==, 0);
  g_assert_cmpint (locked (store, LB_DOC_ORDER, order), ==, 0);
  doc = get (store, LB_DOC_INVOICE, current);
  g_assert_true (lb_invoice_can (doc, "lock-pricing"));
  g_clear_object (&doc);
  doc = get (store, LB_DOC_ORDER, order);
  g_assert_true (lb_order_can (doc, "lock-pricing"));
  g_assert_true (lb_order_can (doc, "use-current-pricing"));
  g_clear_object (&doc);

  /* A new catalog price reaches the current Drafts only. */
  g_assert_true (lb_product_set_price (store, "BOX", 800, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, current, 0), ==, 800);
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, current, 1), ==, 700);  /* written in */
  g_assert_cmpint (line_price (store, LB_DOC_ORDER, order, 0), ==, 800);
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, kept, 0), ==, 500);
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, sent, 0), ==, 500);
  doc = get (store, LB_DOC_INVOICE, current);
  /* 2 × 8.00 + 7.00 = 23.00, tax 20 % of 16.00 = 3.20 */
  g_assert_cmpint (lb_record_get_int (doc, LB_DOC_TOTAL), ==, 2620);
  g_clear_object (&doc);

  /* Locking keeps today's prices; locking again changes nothing. */
  g_assert_true (lb_document_lock_pricing (store, LB_DOC_INVOICE, current, &error));
  g_assert_no_error (error);
  g_assert_true (lb_document_lock_pricing (store, LB_DOC_INVOICE, current, &error));
  g_assert_no_error (error);
  g_assert_cmpint (locked (store, LB_DOC_INVOICE, current), ==, 1);
  g_assert_true (lb_product_set_price (store, "BOX", 900, &error));
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, current, 0), ==, 800);
  g_assert_cmpint (line_price (store, LB_DOC_ORDER, order, 0), ==, 900);

  /* Confirming an order locks it. */
  g_assert_true (lb_order_confirm (store, order, &error));
  g_assert_no_error (error);
  g_assert_cmpint (locked (store, LB_DOC_ORDER, order), ==, 1);
  doc = get (store, LB_DOC_ORDER, order);
  g_assert_false (lb_order_can (doc, "lock-pricing"));
  g_assert_false (lb_order_can (doc, "use-current-pricing"));
  g_assert_true (lb_order_can (doc, "create-invoice"));
  g_clear_object (&doc);
  g_assert_true (lb_product_set_price (store, "BOX", 950, &error));
  g_assert_cmpint (line_price (store, LB_DOC_ORDER, order, 0), ==, 900);

  /* Past Draft both pricing actions are refused and change nothing. */
  g_assert_false (lb_document_lock_pricing (store, LB_DOC_INVOICE, sent, &error));
  g_assert_nonnull (strstr (error->message, "Draft"));
  g_clear_error (&error);
  g_assert_false (lb_document_use_current_pricing (store, LB_DOC_ORDER, order, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lb_document_lock_pricing (store, LB_DOC_INVOICE, 9999, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (line_price (store, LB_DOC_ORDER, order, 0), ==, 900);
}

/* A catalog price that would overflow a current Draft's totals is
 * refused as a whole: the product keeps its price, the Draft its lines. */
static void
test_pricing_overflow (LbTestFixture *fixture,
                       gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = NULL;
  gint64 inv = new_invoice (store, add_account (store), "2026-11-26");

  add_product (store, "BULK", 1, 0);
  /* 10^12 units at 0.01 */
  add_line (store, LB_DOC_INVOICE, inv, "BULK", G_GINT64_CONSTANT (1000000000000000), -1);
  g_assert_true (lb_document_use_current_pricing (store, LB_DOC_INVOICE, inv, &error));
  g_assert_no_error (error);

  g_assert_false (lb_product_set_price (store, "BULK", 100000000, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "draft invoice"));
  g_clear_error (&error);
  product = lb_store_find_product (store, "BULK");
  g_assert_cmpint (lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE), ==, 1);
  g_assert_cmpint (line_price (store, LB_DOC_INVOICE, inv, 0), ==, 1);
}

static void
test_from_lead_and_order (LbTestFixture *fixture,
                          gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbConversion) conversion = NULL;
  g_autoptr(LbRecord) order = NULL;
  g_autoptr(LbRecord) invoice = NULL;
  LbConversionResult result;
  gint64 lead_id, order_id, invoice_id;

  lb_lead_set_new_company (lead, TRUE);
  lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, "Acme");
  lb_lead_set_text (lead, LB_LEAD_STREET, "1 Main St");
  lb_lead_set_text (lead, LB_LEAD_POSTAL_CODE, "8010");
  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lead_id = lb_lead_create (store, lead, NULL);

  /* Refused until the settings name a type. */
  g_assert_cmpint (lb_lead_create_order (store, lead_id, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "order-type"));
  g_clear_error (&error);
  g_assert_cmpint (lb_lead_create_invoice (store, lead_id, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "invoice-type"));
  g_clear_error (&error);

  g_assert_true (lb_settings_set (store, LB_SETTING_ORDER_TYPE, "Standard", NULL));
  g_assert_true (lb_settings_set (store, LB_SETTING_INVOICE_TYPE, "Standard", NULL));
  conversion = lb_conversion_new_for_lead (store, lead_id, NULL);
  g_assert_true (lb_lead_convert (store, conversion, &result, NULL));

  order_id = lb_lead_create_order (store, lead_id, &error);
  g_assert_no_error (error);
  order = get (store, LB_DOC_ORDER, order_id);
  g_assert_cmpstr (lb_record_get_text (order, LB_DOC_NUMBER), ==, "SO-2026-0001");
  g_assert_cmpint (lb_record_get_int (order, LB_DOC_ACCOUNT_ID), ==, result.account_id);
  g_assert_cmpint (lb_record_get_int (order, LB_DOC_CONTACT_ID), ==, result.contact_id);
  g_assert_cmpint (lb_record_get_int (order, LB_DOC_LEAD_ID), ==, lead_id);
  g_assert_cmpstr (lb_record_get_text (order, LB_DOC_TYPE), ==, "Standard");
  g_assert_cmpstr (lb_record_get_text (order, LB_DOC_DELIVERY_ADDRESS), ==, "1 Main St, 8010 Graz");
  g_assert_cmpstr (lb_record_get_text (order, LB_DOC_LEAD_TITLE), ==, "Ann Lee");

  /* Order statuses. */
  g_assert_cmpint (lb_order_create_invoice (store, order_id, &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (lb_order_confirm (store, order_id, &error));   /* no lines */
  g_clear_error (&error);
  add_line (store, LB_DOC_ORDER, order_id, NULL, 3000, 1999);
  g_assert_false (lb_order_fulfil (store, order_id, &error));
  g_clear_error (&error);
  g_assert_true (lb_order_confirm (store, order_id, &error));
  g_assert_no_error (error);

  invoice_id = lb_order_create_invoice (store, order_id, &error);
  g_assert_no_error (error);
  invoice = get (store, LB_DOC_INVOICE, invoice_id);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_ORDER_ID), ==, order_id);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_LEAD_ID), ==, lead_id);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_TOTAL), ==, 5997);

  g_assert_true (lb_order_fulfil (store, order_id, NULL));
  g_assert_false (lb_order_cancel (store, order_id, &error));
  g_clear_error (&error);

  /* The lead's documents. */
  {
    LbDocFilter filter;
    g_autoptr(GListModel) invoices = NULL;

    lb_doc_filter_init (&filter, LB_DOC_INVOICE);
    filter.lead_id = lead_id;
    invoices = lb_store_list_documents (store, &filter, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 1);
  }
}

static void
test_deal_invoice (LbTestFixture *fixture,
                   gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(LbRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deal_id, invoice_id;

  lb_deal_set_text (deal, LB_DEAL_NAME, "Big deal");
  lb_deal_set_int (deal, LB_DEAL_VALUE, 123456);
  lb_deal_set_int (deal, LB_DEAL_ACCOUNT_ID, add_account (store));
  deal_id = lb_deal_create (store, deal, NULL);

  invoice_id = lb_deal_create_invoice (store, deal_id, &error);
  g_assert_no_error (error);
  invoice = lb_document_load (store, LB_DOC_INVOICE, invoice_id, &lines, NULL, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (lb_record_get_text (g_ptr_array_index (lines, 0), LB_LINE_DESCRIPTION), ==, "Big deal");
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_TOTAL), ==, 123456);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_DEAL_ID), ==, deal_id);
  g_clear_object (&invoice);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* With product lines, the invoice gets those. */
  add_product (store, "SEAT", 4900, 2000);
  {
    g_autoptr(LbLine) line = lb_line_new ();
    gint64 line_id;

    lb_record_set_text (LB_RECORD (line), LB_LINE_PRODUCT_SKU, "SEAT");
    lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 10000);
    lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, -1);
    lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
    line_id = lb_deal_add_line (store, deal_id, line, &error);
    g_assert_no_error (error);
    g_assert_cmpint (line_id, >, 0);
    g_assert_false (lb_deal_remove_line (store, deal_id, line_id + 100, &error));
    g_clear_error (&error);
  }
  invoice_id = lb_deal_create_invoice (store, deal_id, &error);
  invoice = lb_document_load (store, LB_DOC_INVOICE, invoice_id, &lines, NULL, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (lb_record_get_text (g_ptr_array_index (lines, 0), LB_LINE_DESCRIPTION), ==, "SEAT");
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_TOTAL), ==, 58800);
}

static void
test_refused_transitions (LbTestFixture *fixture,
                          gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  gint64 draft = new_invoice (store, account, "2026-11-26");
  gint64 cancelled = new_invoice (store, account, "2026-11-26");

  add_line (store, LB_DOC_INVOICE, draft, NULL, 1000, 100);
  /* Draft: no payment, no void. */
  g_assert_cmpint (lb_invoice_pay (store, draft, 1, NULL, LB_PAYMENT_METHOD_CASH, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Draft"));
  g_clear_error (&error);
  g_assert_false (lb_invoice_void (store, draft, &error));
  g_clear_error (&error);

  /* Cancelled is final. */
  g_assert_true (lb_invoice_cancel (store, cancelled, &error));
  g_assert_false (lb_invoice_send (store, cancelled, &error));
  g_clear_error (&error);
  g_assert_false (lb_invoice_cancel (store, cancelled, &error));
  g_clear_error (&error);
  g_assert_false (lb_invoice_void (store, cancelled, &error));
  g_clear_error (&error);

  /* Sent: no cancel. */
  g_assert_true (lb_invoice_send (store, draft, NULL));
  g_assert_false (lb_invoice_cancel (store, draft, &error));
  g_clear_error (&error);
  g_assert_false (lb_invoice_use_current_pricing (store, draft, &error));
  g_clear_error (&error);

  /* A bad date refuses the sweep. */
  g_assert_cmpint (lb_invoice_sweep (store, "tomorrow", &error), ==, -1);
  g_assert_nonnull (error);
}

static void
test_format_number (void)
{
  const struct { const char *pattern; const char *expected; } cases[] = {
    { "INV-{YYYY}-{NNNN}", "INV-2026-0042" },
    { "{YY}{MM}/{NN}", "2603/42" },
    { "F{NNNNNN}", "F000042" },
    { "{N}", "42" },
    { "{X}-{NNNN", "{X}-{NNNN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = lb_document_format_number (cases[i].pattern, 2026, 3, 42);
      g_assert_cmpstr (number, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, setup, func, lb_test_fixture_teardown)

  ADD ("/documents/invoice-lifecycle", test_invoice_lifecycle);
  ADD ("/documents/numbering-gapless", test_numbering_gapless);
  ADD ("/documents/pricing", test_pricing);
  ADD ("/documents/pricing-modes", test_pricing_modes);
  ADD ("/documents/pricing-overflow", test_pricing_overflow);
  ADD ("/documents/from-lead-and-order", test_from_lead_and_order);
  ADD ("/documents/deal-invoice", test_deal_invoice);
  ADD ("/documents/refused-transitions", test_refused_transitions);
  g_test_add_func ("/documents/format-number", test_format_number);

#undef ADD

  return g_test_run ();
}
