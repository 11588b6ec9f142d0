#include "config.h"

#include <string.h>

#include "lb-convert.h"
#include "lb-crm-actions.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-test-util.h"

typedef struct
{
  gint64 leads, contacts, accounts, deals;
} Counts;

static gint64
count_model (GListModel *model)
{
  gint64 n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

static Counts
counts (LbStore *store)
{
  LbRecordFilter filter;
  g_autoptr(LbLeadFilter) leads = lb_lead_filter_new ();
  Counts c;

  lb_record_filter_init (&filter);
  c.leads = lb_store_count_leads (store, leads, NULL);
  c.contacts = count_model (lb_store_list_contacts (store, &filter, NULL));
  c.accounts = count_model (lb_store_list_accounts (store, &filter, NULL));
  c.deals = count_model (lb_store_list_deals (store, &filter, NULL));

  return c;
}

static gint64
add_company_lead (LbStore *store)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", "ann@acme.example", "+1 555 123 4567");
  gint64 id;

  lb_lead_set_new_company (lead, TRUE);
  lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, "Acme Tools");
  lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, "acme.example");
  lb_lead_set_text (lead, LB_LEAD_COMPANY_TIN, "123456789");
  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_text (lead, LB_LEAD_TITLE, "Acme wants tools");
  id = lb_lead_create (store, lead, NULL);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_converted (LbStore                  *store,
                  gint64                    lead_id,
                  const LbConversionResult *result)
{
  g_autoptr(LbLead) lead = lb_store_get_lead (store, lead_id, NULL);
  g_autoptr(LbContact) contact = lb_store_get_contact (store, result->contact_id, NULL);

  g_assert_cmpint (lb_lead_get_status (lead), ==, LB_LEAD_STATUS_CONVERTED);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_CONTACT_ID), ==, result->contact_id);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID), ==, result->account_id);
  g_assert_cmpint (lb_lead_get_int (lead, LB_LEAD_CONVERTED_DEAL_ID), ==, result->deal_id);

  /* And back: what was created names its lead. */
  g_assert_cmpint (lb_contact_get_int (contact, LB_CONTACT_LEAD_ID), ==, lead_id);
  g_assert_cmpint (lb_contact_get_int (contact, LB_CONTACT_ACCOUNT_ID), ==, result->account_id);
  if (result->deal_id != 0)
    {
      g_autoptr(LbDeal) deal = lb_store_get_deal (store, result->deal_id, NULL);

      g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_LEAD_ID), ==, lead_id);
      g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_CONTACT_ID), ==, result->contact_id);
      g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID), ==, result->account_id);
    }
}

static void
test_prefill (LbTestFixture *fixture,
              gconstpointer  data)
{
  gint64 id = add_company_lead (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (lb_contact_get_text (conversion->contact, LB_CONTACT_FIRST_NAME), ==, "Ann");
  g_assert_cmpstr (lb_contact_get_text (conversion->contact, LB_CONTACT_EMAIL), ==, "ann@acme.example");
  g_assert_cmpstr (lb_contact_get_text (conversion->contact, LB_CONTACT_PHONE), ==, "+1 555 123 4567");
  g_assert_cmpstr (lb_contact_get_text (conversion->contact, LB_CONTACT_CITY), ==, "Graz");
  g_assert_cmpint (conversion->account_mode, ==, LB_CONVERT_ACCOUNT_NEW);
  g_assert_cmpstr (lb_account_get_text (conversion->account, LB_ACCOUNT_NAME), ==, "Acme Tools");
  g_assert_cmpstr (lb_account_get_text (conversion->account, LB_ACCOUNT_WEBSITE), ==, "https://acme.example");
  g_assert_cmpstr (lb_account_get_text (conversion->account, LB_ACCOUNT_TIN), ==, "123456789");
  g_assert_cmpstr (lb_account_get_text (conversion->account, LB_ACCOUNT_CITY), ==, "Graz");
  g_assert_false (conversion->with_deal);
  g_assert_cmpstr (lb_deal_get_text (conversion->deal, LB_DEAL_NAME), ==, "Acme wants tools");
}

static void
test_convert_new_account_with_deal (LbTestFixture *fixture,
                                    gconstpointer  data)
{
  gint64 id = add_company_lead (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
  g_autoptr(LbDeal) deal = NULL;
  LbConversionResult result;
  Counts c;

  conversion->with_deal = TRUE;
  lb_deal_set_int (conversion->deal, LB_DEAL_VALUE, 250000);
  lb_deal_set_text (conversion->deal, LB_DEAL_STAGE, "proposal");
  lb_deal_set_int (conversion->deal, LB_DEAL_PROBABILITY, 40);
  lb_deal_set_text (conversion->deal, LB_DEAL_EXPECTED_CLOSE, "2027-01-31");

  g_assert_true (lb_lead_convert (fixture->store, conversion, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.account_id, >, 0);
  g_assert_cmpint (result.deal_id, >, 0);
  assert_converted (fixture->store, id, &result);

  deal = lb_store_get_deal (fixture->store, result.deal_id, NULL);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_VALUE), ==, 250000);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_PIPELINE), ==, "Sales");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_STAGE), ==, "Proposal");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_CURRENCY), ==, "EUR");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_ACCOUNT_NAME), ==, "Acme Tools");

  c = counts (fixture->store);
  g_assert_cmpint (c.contacts, ==, 1);
  g_assert_cmpint (c.accounts, ==, 1);
  g_assert_cmpint (c.deals, ==, 1);

  /* Once only. */
  g_assert_false (lb_lead_convert (fixture->store, conversion, NULL, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CONVERTED);
  g_clear_error (&error);
  g_assert_null (lb_conversion_new_for_lead (fixture->store, id, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CONVERTED);
  c = counts (fixture->store);
  g_assert_cmpint (c.contacts, ==, 1);
}

static void
test_convert_skip_account_no_deal (LbTestFixture *fixture,
                                   gconstpointer  data)
{
  gint64 id = lb_test_add_lead (fixture->store, "Bob", "Ray", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
  LbConversionResult result;
  Counts c;

  g_assert_cmpint (conversion->account_mode, ==, LB_CONVERT_ACCOUNT_SKIP);
  g_assert_true (lb_lead_convert (fixture->store, conversion, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.account_id, ==, 0);
  g_assert_cmpint (result.deal_id, ==, 0);
  assert_converted (fixture->store, id, &result);

  c = counts (fixture->store);
  g_assert_cmpint (c.contacts, ==, 1);
  g_assert_cmpint (c.accounts, ==, 0);
  g_assert_cmpint (c.deals, ==, 0);
}

static void
test_convert_existing_account (LbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbConversion) conversion = NULL;
  LbConversionResult result;
  gint64 account_id, id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, "Beta Foods");
  account_id = lb_account_create (fixture->store, account, &error);
  g_assert_no_error (error);

  id = lb_test_add_lead (fixture->store, "Cid", "Moe", NULL, NULL);
  conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
  conversion->account_mode = LB_CONVERT_ACCOUNT_EXISTING;
  conversion->account_id = account_id;
  conversion->with_deal = TRUE;

  g_assert_true (lb_lead_convert (fixture->store, conversion, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.account_id, ==, account_id);
  assert_converted (fixture->store, id, &result);
  g_assert_cmpint (counts (fixture->store).accounts, ==, 1);

  {
    LbRecordFilter filter;
    g_autoptr(GListModel) contacts = NULL;

    lb_record_filter_init (&filter);
    filter.account_id = account_id;
    contacts = lb_store_list_contacts (fixture->store, &filter, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  }
}

/* A failure at any step creates nothing and leaves the lead as it was. */
static void
test_rollback (LbTestFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(LbAccount) taken = lb_account_new ();
  g_autoptr(LbLead) after = NULL;
  gint64 id = add_company_lead (fixture->store);
  Counts before;

  lb_account_set_text (taken, LB_ACCOUNT_NAME, "ACME tools");
  g_assert_cmpint (lb_account_create (fixture->store, taken, NULL), >, 0);
  before = counts (fixture->store);

  /* Step 2 fails: the new account's name is taken (ignoring case). */
  {
    g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (lb_lead_convert (fixture->store, conversion, NULL, &error));
    g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "Acme Tools"));
  }

  /* Step 1 fails after the account was made: invalid contact email. */
  {
    g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
    g_autoptr(GError) error = NULL;

    lb_account_set_text (conversion->account, LB_ACCOUNT_NAME, "Acme Tools Two");
    lb_contact_set_text (conversion->contact, LB_CONTACT_EMAIL, "broken@");
    g_assert_false (lb_lead_convert (fixture->store, conversion, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "broken@"));
  }

  /* Step 3 fails after account and contact were made: no such stage. */
  {
    g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);
    g_autoptr(GError) error = NULL;

    lb_account_set_text (conversion->account, LB_ACCOUNT_NAME, "Acme Tools Three");
    conversion->with_deal = TRUE;
    lb_deal_set_text (conversion->deal, LB_DEAL_STAGE, "Daydreaming");
    g_assert_false (lb_lead_convert (fixture->store, conversion, NULL, &error));
    g_assert_nonnull (strstr (error->message, "Daydreaming"));

    /* The assistant keeps what the user typed. */
    g_assert_cmpstr (lb_account_get_text (conversion->account, LB_ACCOUNT_NAME), ==, "Acme Tools Three");
    g_assert_cmpint (lb_account_get_id (conversion->account), ==, 0);
  }

  {
    Counts now = counts (fixture->store);

    g_assert_cmpint (now.contacts, ==, before.contacts);
    g_assert_cmpint (now.accounts, ==, before.accounts);
    g_assert_cmpint (now.deals, ==, before.deals);
  }
  after = lb_store_get_lead (fixture->store, id, NULL);
  g_assert_cmpint (lb_lead_get_status (after), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpint (lb_lead_get_int (after, LB_LEAD_CONVERTED_CONTACT_ID), ==, 0);
}

static void
test_refusals (LbTestFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lb_test_add_lead (fixture->store, "Dee", "Fox", NULL, NULL);
  g_autoptr(LbConversion) conversion = lb_conversion_new_for_lead (fixture->store, id, NULL);

  /* Existing account mode without an account. */
  conversion->account_mode = LB_CONVERT_ACCOUNT_EXISTING;
  conversion->account_id = 0;
  g_assert_false (lb_conversion_check_account (fixture->store, conversion, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lb_lead_convert (fixture->store, conversion, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A contact without names. */
  conversion->account_mode = LB_CONVERT_ACCOUNT_SKIP;
  lb_contact_set_text (conversion->contact, LB_CONTACT_FIRST_NAME, NULL);
  lb_contact_set_text (conversion->contact, LB_CONTACT_LAST_NAME, "  ");
  g_assert_false (lb_conversion_check_contact (fixture->store, conversion, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A deal with a probability over 100. */
  conversion->with_deal = TRUE;
  lb_deal_set_int (conversion->deal, LB_DEAL_PROBABILITY, 101);
  g_assert_false (lb_conversion_check_deal (fixture->store, conversion, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A lead in the trash. */
  g_assert_true (lb_lead_trash (fixture->store, id, NULL));
  g_assert_null (lb_conversion_new_for_lead (fixture->store, id, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);

  g_assert_cmpint (counts (fixture->store).contacts, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/convert/prefill", test_prefill);
  ADD ("/convert/new-account-with-deal", test_convert_new_account_with_deal);
  ADD ("/convert/skip-account-no-deal", test_convert_skip_account_no_deal);
  ADD ("/convert/existing-account", test_convert_existing_account);
  ADD ("/convert/rollback", test_rollback);
  ADD ("/convert/refusals", test_refusals);

#undef ADD

  return g_test_run ();
}
