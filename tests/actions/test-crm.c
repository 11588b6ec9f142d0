#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-error.h"
#include "lb-test-util.h"

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

static void
test_account_rules (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(LbAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, "  Acme  ");
  lb_account_set_text (account, LB_ACCOUNT_WEBSITE, "acme.example");
  lb_store_set_clock (fixture->store, 1000);
  id = lb_account_create (fixture->store, account, &error);
  g_assert_no_error (error);
  stored = lb_store_get_account (fixture->store, id, NULL);
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_NAME), ==, "Acme");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_WEBSITE), ==, "https://acme.example");
  g_assert_cmpint (lb_account_get_int (stored, LB_ACCOUNT_CREATED_AT), ==, 1000);

  {
    g_autoptr(LbAccount) twin = lb_account_new ();
    const struct { guint field; const char *value; } bad[] = {
      { LB_ACCOUNT_NAME, "ACME" },
      { LB_ACCOUNT_NAME, " " },
      { LB_ACCOUNT_EMAIL, "nope" },
      { LB_ACCOUNT_PHONE, "12" },
      { LB_ACCOUNT_TIN, "1234" },
      { LB_ACCOUNT_INDUSTRY, "Alchemy" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        lb_account_set_text (twin, LB_ACCOUNT_NAME, "Other");
        lb_account_set_text (twin, bad[i].field, bad[i].value);
        g_assert_cmpint (lb_account_create (fixture->store, twin, &error), ==, 0);
        g_assert_nonnull (error);
        g_clear_error (&error);
        lb_account_set_text (twin, bad[i].field, NULL);
      }
  }

  {
    LbRecordFilter filter;
    g_autoptr(GListModel) all = NULL;

    lb_record_filter_init (&filter);
    all = lb_store_list_accounts (fixture->store, &filter, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  }

  /* An industry from its list is fine. */
  g_assert_cmpint (lb_store_add_ref (fixture->store, LB_REF_INDUSTRY, "Retail", NULL), >, 0);
  lb_account_set_text (stored, LB_ACCOUNT_INDUSTRY, "retail");
  g_assert_true (lb_account_save (fixture->store, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = lb_store_get_account (fixture->store, id, NULL);
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_INDUSTRY), ==, "Retail");
}

static void
test_account_trash (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbContact) contact = lb_contact_new ();
  gint64 first = add_account (fixture->store, "Acme");
  gint64 second;

  g_assert_true (lb_record_trash (fixture->store, "account", first, &error));
  g_assert_no_error (error);

  /* In the trash it cannot be changed. */
  {
    g_autoptr(LbAccount) trashed = lb_store_get_account (fixture->store, first, NULL);

    lb_account_set_text (trashed, LB_ACCOUNT_CITY, "Graz");
    g_assert_false (lb_account_save (fixture->store, trashed, &error));
    g_assert_nonnull (strstr (error->message, "trash"));
    g_clear_error (&error);
  }
  /* The name is free while the first is in the trash. */
  second = add_account (fixture->store, "acme");

  /* So the first cannot come back. */
  g_assert_false (lb_record_restore (fixture->store, "account", first, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* In use by a contact: not purged. */
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, "Lee");
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, second);
  g_assert_cmpint (lb_contact_create (fixture->store, contact, &error), >, 0);
  g_assert_true (lb_record_trash (fixture->store, "account", second, NULL));
  g_assert_false (lb_record_purge (fixture->store, "account", second, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (lb_record_purge (fixture->store, "account", first, &error));
  g_assert_no_error (error);
  g_assert_null (lb_store_get_account (fixture->store, first, NULL));
  g_assert_false (lb_record_purge (fixture->store, "contact", lb_contact_get_id (contact), &error));
  g_assert_nonnull (error);
}

static void
test_contact_rules (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(LbContact) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (fixture->store, "Acme");
  gint64 id;

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, "Ann");
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, 999);
  g_assert_cmpint (lb_contact_create (fixture->store, contact, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);

  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, account);
  id = lb_contact_create (fixture->store, contact, &error);
  g_assert_no_error (error);
  stored = lb_store_get_contact (fixture->store, id, NULL);
  g_assert_cmpstr (lb_contact_get_text (stored, LB_CONTACT_ACCOUNT_NAME), ==, "Acme");

  lb_contact_set_text (stored, LB_CONTACT_PHONE, "123");
  g_assert_false (lb_contact_save (fixture->store, stored, &error));
  g_assert_nonnull (error);
}

static void
test_deals_and_stages (LbTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_auto(GStrv) stages = NULL;
  const char *names[] = { "One", "Two", "Three" };
  const char *deal_stages[] = { "Qualification", "Proposal", "proposal" };
  gint64 values[] = { 1000, 2500, 500 };

  stages = lb_store_list_stages (fixture->store, "sales");
  g_assert_cmpuint (g_strv_length (stages), ==, 4);
  g_assert_cmpstr (stages[0], ==, "Qualification");
  g_assert_cmpstr (stages[3], ==, "Closing");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LbDeal) deal = lb_deal_new ();

      lb_deal_set_text (deal, LB_DEAL_NAME, names[i]);
      lb_deal_set_text (deal, LB_DEAL_STAGE, deal_stages[i]);
      lb_deal_set_int (deal, LB_DEAL_VALUE, values[i]);
      g_assert_cmpint (lb_deal_create (fixture->store, deal, &error), >, 0);
      g_assert_no_error (error);
    }

  /* A won deal is not open value. */
  {
    g_autoptr(LbDeal) won = lb_deal_new ();

    lb_deal_set_text (won, LB_DEAL_NAME, "Won one");
    lb_deal_set_int (won, LB_DEAL_VALUE, 9999);
    lb_deal_set_status (won, LB_DEAL_STATUS_WON);
    g_assert_cmpint (lb_deal_create (fixture->store, won, NULL), >, 0);
  }

  totals = lb_store_stage_totals (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 4);
  {
    LbStageTotal *qualification = g_ptr_array_index (totals, 0);
    LbStageTotal *proposal = g_ptr_array_index (totals, 1);
    LbStageTotal *closing = g_ptr_array_index (totals, 3);

    g_assert_cmpstr (qualification->stage, ==, "Qualification");
    g_assert_cmpint (qualification->n_deals, ==, 1);
    g_assert_cmpint (qualification->value, ==, 1000);
    g_assert_cmpint (proposal->n_deals, ==, 2);
    g_assert_cmpint (proposal->value, ==, 3000);
    g_assert_cmpstr (proposal->currency, ==, "EUR");
    g_assert_cmpint (closing->n_deals, ==, 0);
  }

  /* Refusals. */
  {
    g_autoptr(LbDeal) bad = lb_deal_new ();

    g_assert_cmpint (lb_deal_create (fixture->store, bad, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    lb_deal_set_text (bad, LB_DEAL_NAME, "Bad");
    lb_deal_set_text (bad, LB_DEAL_EXPECTED_CLOSE, "31/01/2027");
    g_assert_cmpint (lb_deal_create (fixture->store, bad, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
    g_clear_error (&error);
    lb_deal_set_text (bad, LB_DEAL_EXPECTED_CLOSE, NULL);
    lb_deal_set_text (bad, LB_DEAL_PIPELINE, "Nope");
    g_assert_cmpint (lb_deal_create (fixture->store, bad, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "Nope"));
    g_clear_error (&error);
  }

  /* Editing pipelines: stages in use stay. */
  g_assert_true (lb_store_add_stage (fixture->store, "Sales", "Won back", &error));
  g_assert_no_error (error);
  g_assert_false (lb_store_add_stage (fixture->store, "Sales", "won BACK", &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (lb_store_remove_stage (fixture->store, "Sales", "Proposal", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (lb_store_move_stage (fixture->store, "Sales", "Won back", 0, &error));
  g_clear_pointer (&stages, g_strfreev);
  stages = lb_store_list_stages (fixture->store, "Sales");
  g_assert_cmpstr (stages[0], ==, "Won back");
  g_assert_cmpstr (stages[1], ==, "Qualification");
  g_assert_true (lb_store_remove_stage (fixture->store, "Sales", "Won back", &error));
  g_assert_true (lb_store_add_pipeline (fixture->store, "Renewals", &error));
  g_assert_true (lb_store_rename_pipeline (fixture->store, "renewals", "Upsell", &error));
  g_assert_no_error (error);
  g_assert_false (lb_store_remove_pipeline (fixture->store, "Sales", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (lb_store_remove_pipeline (fixture->store, "Upsell", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/crm/account-rules", test_account_rules);
  ADD ("/crm/account-trash", test_account_trash);
  ADD ("/crm/contact-rules", test_contact_rules);
  ADD ("/crm/deals-and-stages", test_deals_and_stages);

#undef ADD

  return g_test_run ();
}
