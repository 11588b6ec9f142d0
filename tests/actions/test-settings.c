#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-error.h"
#include "lb-settings.h"
#include "lb-test-util.h"

static char *
get (LbStore    *store,
     const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = lb_settings_get (store, key, &error);

  g_assert_no_error (error);
  return value;
}

static void
test_defaults (LbTestFixture *fixture,
               gconstpointer  data)
{
  g_autofree char *currency = get (fixture->store, LB_SETTING_CURRENCY);
  g_autofree char *days = get (fixture->store, LB_SETTING_PAYMENT_TERMS_DAYS);
  g_autofree char *pattern = get (fixture->store, LB_SETTING_INVOICE_PATTERN);
  g_autofree char *order_pattern = get (fixture->store, LB_SETTING_ORDER_PATTERN);
  g_autofree char *category = get (fixture->store, LB_SETTING_DEFAULT_CATEGORY);
  g_autofree char *order_type = get (fixture->store, LB_SETTING_ORDER_TYPE);
  g_autofree char *invoice_type = get (fixture->store, LB_SETTING_INVOICE_TYPE);

  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpstr (days, ==, "30");
  g_assert_cmpstr (pattern, ==, "INV-{YYYY}-{NNNN}");
  g_assert_cmpstr (order_pattern, ==, "SO-{YYYY}-{NNNN}");
  g_assert_cmpstr (category, ==, "General");
  /* Both types are unset on a new database (SPEC 3.3). */
  g_assert_null (order_type);
  g_assert_null (invoice_type);
}

static void
test_set_and_refuse (LbTestFixture *fixture,
                     gconstpointer  data)
{
  struct { const char *key; const char *value; const char *stored; } good[] = {
    { LB_SETTING_CURRENCY, "usd", "USD" },
    { LB_SETTING_PAYMENT_TERMS_DAYS, "14", "14" },
    { LB_SETTING_INVOICE_TYPE, "standard", "Standard" },
    { LB_SETTING_ORDER_TYPE, " Standard ", "Standard" },
    { LB_SETTING_INVOICE_PATTERN, "F{YYYY}/{NNNNNN}", "F{YYYY}/{NNNNNN}" },
    { LB_SETTING_COMPANY_NAME, "Leadbook Ltd", "Leadbook Ltd" },
  };
  /* Each refusal names what was wrong. */
  struct { const char *key; const char *value; int code; const char *in_message; } bad[] = {
    { LB_SETTING_CURRENCY, "EURO", LB_INPUT_ERROR_INVALID, "EURO" },
    { LB_SETTING_CURRENCY, "E1R", LB_INPUT_ERROR_INVALID, "ISO 4217" },
    { LB_SETTING_PAYMENT_TERMS_DAYS, "-1", LB_INPUT_ERROR_INVALID, "-1" },
    { LB_SETTING_PAYMENT_TERMS_DAYS, "ten", LB_INPUT_ERROR_INVALID, "ten" },
    { LB_SETTING_PAYMENT_TERMS_DAYS, "99999", LB_INPUT_ERROR_INVALID, "3650" },
    { LB_SETTING_INVOICE_TYPE, "Proforma", LB_INPUT_ERROR_INVALID, "Proforma" },
    { LB_SETTING_DEFAULT_CATEGORY, "Nope", LB_INPUT_ERROR_INVALID, "Nope" },
    { LB_SETTING_ORDER_PATTERN, "SO-{YYYY}", LB_INPUT_ERROR_INVALID, "{NNNN}" },
    { "colour", "blue", LB_INPUT_ERROR_UNKNOWN_KEY, "colour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      g_assert_true (lb_settings_set (fixture->store, good[i].key, good[i].value, &error));
      g_assert_no_error (error);
      value = get (fixture->store, good[i].key);
      g_assert_cmpstr (value, ==, good[i].stored);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = lb_settings_get (fixture->store, bad[i].key, NULL);
      g_autofree char *after = NULL;

      g_test_message ("refused: %s = %s", bad[i].key, bad[i].value);
      g_assert_false (lb_settings_set (fixture->store, bad[i].key, bad[i].value, &error));
      g_assert_error (error, LB_INPUT_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].in_message));
      after = lb_settings_get (fixture->store, bad[i].key, NULL);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_unset (LbTestFixture *fixture,
            gconstpointer  data)
{
  g_autofree char *type = NULL;
  g_autofree char *days = NULL;

  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_INVOICE_TYPE, "Standard", NULL));
  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_INVOICE_TYPE, "", NULL));
  type = get (fixture->store, LB_SETTING_INVOICE_TYPE);
  g_assert_null (type);

  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_PAYMENT_TERMS_DAYS, "7", NULL));
  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_PAYMENT_TERMS_DAYS, NULL, NULL));
  days = get (fixture->store, LB_SETTING_PAYMENT_TERMS_DAYS);
  g_assert_cmpstr (days, ==, "30");
}

static void
test_keys (void)
{
  const char * const *keys = lb_settings_keys ();

  g_assert_true (g_strv_contains (keys, "order-type"));
  g_assert_true (g_strv_contains (keys, "invoice-type"));
  g_assert_true (g_strv_contains (keys, "payment-terms-days"));
  g_assert_true (lb_settings_is_known ("currency"));
  g_assert_false (lb_settings_is_known ("colour"));
  g_assert_nonnull (lb_settings_describe ("invoice-pattern"));
}

static void
test_refs_follow_settings (LbTestFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) standard = lb_store_find_ref (fixture->store, LB_REF_INVOICE_TYPE, "Standard");
  g_autoptr(LbRefItem) general = lb_store_find_ref (fixture->store, LB_REF_CATEGORY, "General");
  g_autofree char *renamed = NULL;
  gint64 spare;

  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_INVOICE_TYPE, "Standard", NULL));

  /* A rename carries the setting along. */
  g_assert_true (lb_ref_rename (fixture->store, standard, "Regular", &error));
  g_assert_no_error (error);
  renamed = get (fixture->store, LB_SETTING_INVOICE_TYPE);
  g_assert_cmpstr (renamed, ==, "Regular");

  /* The entry a setting names cannot be removed. */
  g_clear_object (&standard);
  standard = lb_store_find_ref (fixture->store, LB_REF_INVOICE_TYPE, "Regular");
  g_assert_false (lb_ref_remove (fixture->store, standard, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "invoice-type"));
  g_clear_error (&error);
  g_assert_false (lb_ref_remove (fixture->store, general, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  /* A rename to a taken name changes nothing. */
  spare = lb_ref_add (fixture->store, LB_REF_INVOICE_TYPE, "Proforma", NULL);
  g_assert_cmpint (spare, >, 0);
  g_assert_false (lb_ref_rename (fixture->store, standard, "proforma", &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_pointer (&renamed, g_free);
  renamed = get (fixture->store, LB_SETTING_INVOICE_TYPE);
  g_assert_cmpstr (renamed, ==, "Regular");

  {
    g_autoptr(LbRefItem) proforma = lb_store_find_ref (fixture->store, LB_REF_INVOICE_TYPE, "Proforma");
    g_assert_true (lb_ref_remove (fixture->store, proforma, NULL));
  }
}

static gint64
add_product (LbStore    *store,
             const char *sku,
             gint64      tax_bp)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, sku);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 1000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, tax_bp);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  id = lb_product_create (store, product, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
product_rate (LbStore    *store,
              const char *sku)
{
  g_autoptr(LbProduct) product = lb_store_find_product (store, sku);

  g_assert_nonnull (product);
  return lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE);
}

static LbRefItem *
tax_rate (LbStore    *store,
          const char *name)
{
  LbRefItem *item = lb_store_find_ref (store, LB_REF_TAX_RATE, name);

  g_assert_nonnull (item);
  return item;
}

static void
test_tax_rates (LbTestFixture *fixture,
                gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = lb_store_list_refs (store, LB_REF_TAX_RATE, &error);
  static const struct { const char *name; gint64 rate; } seeded[] = {
    { "Standard", 2000 }, { "Reduced", 500 }, { "Zero", 0 },
  };
  g_autoptr(LbRefItem) super = NULL;
  g_autoptr(LbRefItem) source = NULL;
  g_autofree char *name = NULL;
  gint64 id;
  gint64 rate = -1;

  /* A new database starts with three named rates, in this order. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (seeded));
  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, i);

      g_assert_cmpstr (lb_ref_item_get_name (item), ==, seeded[i].name);
      g_assert_cmpint (lb_ref_item_get_rate (item), ==, seeded[i].rate);
      g_assert_cmpint (lb_ref_item_get_kind (item), ==, LB_REF_TAX_RATE);
    }
  /* Entries of the other lists carry no rate. */
  source = lb_store_find_ref (store, LB_REF_SOURCE, "Email");
  g_assert_cmpint (lb_ref_item_get_rate (source), ==, -1);

  /* Adding: a name and a percentage; a duplicate name or a negative
   * percentage is refused, a rate shared by two names is fine. */
  id = lb_tax_rate_add (store, "  Super reduced ", 210, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  super = tax_rate (store, "super REDUCED");
  g_assert_cmpstr (lb_ref_item_get_name (super), ==, "Super reduced");
  g_assert_cmpint (lb_ref_item_get_rate (super), ==, 210);
  g_assert_cmpint (lb_ref_item_get_position (super), ==, 3);
  g_assert_cmpint (lb_tax_rate_add (store, "standard", 1900, &error), ==, 0);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (lb_tax_rate_add (store, "Negative", -1, &error), ==, 0);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_store_find_ref (store, LB_REF_TAX_RATE, "Negative"));
  g_assert_cmpint (lb_tax_rate_add (store, " ", 100, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (lb_tax_rate_add (store, "Exempt", 0, &error), >, 0);
  g_assert_no_error (error);
  /* The generic add cannot make a tax rate without its percentage. */
  g_assert_cmpint (lb_ref_add (store, LB_REF_TAX_RATE, "Bare", &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "percentage"));
  g_clear_error (&error);

  /* The name of a percentage is the first entry with it. */
  name = lb_tax_rate_name_for (store, 0);
  g_assert_cmpstr (name, ==, "Zero");
  g_clear_pointer (&name, g_free);
  g_assert_null (lb_tax_rate_name_for (store, 750));

  /* Parsing: a percentage, or a name ignoring case. */
  g_assert_true (lb_tax_rate_parse (store, "12.5", &rate, &error));
  g_assert_cmpint (rate, ==, 1250);
  g_assert_true (lb_tax_rate_parse (store, "reduced", &rate, &error));
  g_assert_cmpint (rate, ==, 500);
  g_assert_false (lb_tax_rate_parse (store, "12.345", &rate, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lb_tax_rate_parse (store, "Luxury", &rate, &error));
  g_assert_nonnull (strstr (error->message, "Standard (20 %)"));
  g_clear_error (&error);
  g_assert_cmpint (rate, ==, 500);
}

static void
test_tax_rate_change (LbTestFixture *fixture,
                      gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) standard = tax_rate (store, "Standard");
  g_autoptr(LbRefItem) changed = NULL;
  g_autoptr(LbRefItem) source = lb_store_find_ref (store, LB_REF_SOURCE, "Email");
  gint64 n = -1;

  add_product (store, "A", 2000);
  add_product (store, "B", 2000);
  add_product (store, "C", 500);
  g_assert_cmpint (lb_store_count_products_at_rate (store, 2000), ==, 2);

  /* Without update_products the products keep their percentage. */
  g_assert_true (lb_tax_rate_set_rate (store, standard, 2100, FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  changed = tax_rate (store, "Standard");
  g_assert_cmpint (lb_ref_item_get_rate (changed), ==, 2100);
  g_assert_cmpint (product_rate (store, "A"), ==, 2000);

  /* Back to 20 %, then on to 19 % taking the products along. */
  g_assert_true (lb_tax_rate_set_rate (store, changed, 2000, FALSE, NULL, &error));
  g_clear_object (&changed);
  changed = tax_rate (store, "Standard");
  g_assert_true (lb_tax_rate_set_rate (store, changed, 1900, TRUE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
  g_assert_cmpint (product_rate (store, "A"), ==, 1900);
  g_assert_cmpint (product_rate (store, "B"), ==, 1900);
  g_assert_cmpint (product_rate (store, "C"), ==, 500);

  /* Refused: a negative percentage, an entry of another list; nothing
   * changes. */
  g_clear_object (&changed);
  changed = tax_rate (store, "Standard");
  g_assert_false (lb_tax_rate_set_rate (store, changed, -5, TRUE, &n, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lb_tax_rate_set_rate (store, source, 100, TRUE, &n, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&changed);
  changed = tax_rate (store, "Standard");
  g_assert_cmpint (lb_ref_item_get_rate (changed), ==, 1900);
  g_assert_cmpint (product_rate (store, "A"), ==, 1900);

  /* Rename and remove: products store the percentage, so removing a
   * named rate that products have is allowed and changes no product. */
  g_assert_true (lb_ref_rename (store, changed, "Normal", &error));
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = tax_rate (store, "normal");
  g_assert_cmpint (lb_ref_item_get_rate (changed), ==, 1900);
  g_assert_true (lb_ref_remove (store, changed, &error));
  g_assert_no_error (error);
  g_assert_null (lb_store_find_ref (store, LB_REF_TAX_RATE, "Normal"));
  g_assert_cmpint (product_rate (store, "A"), ==, 1900);
}

/* Name and percentage change together, or not at all. */
static void
test_tax_rate_edit (LbTestFixture *fixture,
                    gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) reduced = tax_rate (store, "Reduced");
  g_autoptr(LbRefItem) edited = NULL;
  gint64 n = -1;

  add_product (store, "BOOK", 500);

  /* A taken name refuses the whole edit: the percentage stays too. */
  g_assert_false (lb_tax_rate_edit (store, reduced, "standard", 600, TRUE, &n, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (n, ==, 0);
  edited = tax_rate (store, "Reduced");
  g_assert_cmpint (lb_ref_item_get_rate (edited), ==, 500);
  g_assert_cmpint (product_rate (store, "BOOK"), ==, 500);

  /* So does a negative percentage: the name stays. */
  g_assert_false (lb_tax_rate_edit (store, reduced, "Books", -1, TRUE, &n, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (lb_store_find_ref (store, LB_REF_TAX_RATE, "Books"));

  g_assert_true (lb_tax_rate_edit (store, reduced, "Books", 600, TRUE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_clear_object (&edited);
  edited = tax_rate (store, "books");
  g_assert_cmpint (lb_ref_item_get_rate (edited), ==, 600);
  g_assert_cmpint (product_rate (store, "BOOK"), ==, 600);
}

/* An entry that an account or a document uses cannot be removed. */
static void
test_refs_in_use (LbTestFixture *fixture,
                  gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(LbRefItem) retail = NULL;
  g_autoptr(LbRefItem) standard = NULL;
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();

  g_assert_cmpint (lb_ref_add (store, LB_REF_INDUSTRY, "Retail", NULL), >, 0);
  lb_account_set_text (account, LB_ACCOUNT_NAME, "Shop");
  lb_account_set_text (account, LB_ACCOUNT_INDUSTRY, "Retail");
  g_assert_cmpint (lb_account_create (store, account, &error), >, 0);
  g_assert_no_error (error);
  retail = lb_store_find_ref (store, LB_REF_INDUSTRY, "Retail");
  g_assert_false (lb_ref_remove (store, retail, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_object (&retail);
  retail = lb_store_find_ref (store, LB_REF_INDUSTRY, "Retail");
  g_assert_nonnull (retail);

  lb_record_set_text (LB_RECORD (invoice), LB_DOC_TYPE, "Standard");
  g_assert_cmpint (lb_invoice_create (store, invoice, &error), >, 0);
  g_assert_no_error (error);
  standard = lb_store_find_ref (store, LB_REF_INVOICE_TYPE, "Standard");
  g_assert_false (lb_ref_remove (store, standard, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/settings/defaults", test_defaults);
  ADD ("/settings/set-and-refuse", test_set_and_refuse);
  ADD ("/settings/unset", test_unset);
  g_test_add_func ("/settings/keys", test_keys);
  ADD ("/settings/refs-follow-settings", test_refs_follow_settings);
  ADD ("/settings/tax-rates", test_tax_rates);
  ADD ("/settings/tax-rate-change", test_tax_rate_change);
  ADD ("/settings/tax-rate-edit", test_tax_rate_edit);
  ADD ("/settings/refs-in-use", test_refs_in_use);

#undef ADD

  return g_test_run ();
}
