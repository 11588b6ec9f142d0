#include "config.h"

#include <string.h>

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

#undef ADD

  return g_test_run ();
}
