#include "config.h"

#include <string.h>

#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-settings.h"
#include "lb-test-util.h"

static gint64
count_live (LbStore *store)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  return lb_store_count_leads (store, filter, NULL);
}

static gint64
count_trash (LbStore *store)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  filter->trash = TRUE;
  return lb_store_count_leads (store, filter, NULL);
}

/* Creating @lead fails with @code and leaves the number of leads as it was. */
static void
assert_create_refused (LbStore    *store,
                       LbLead     *lead,
                       LbLeadError code,
                       const char *in_message)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_live (store);

  g_assert_cmpint (lb_lead_create (store, lead, &error), ==, 0);
  g_assert_error (error, LB_LEAD_ERROR, (int)code);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_cmpint (count_live (store), ==, before);
  g_assert_cmpint (lb_lead_get_id (lead), ==, 0);
}

static void
test_create_defaults (LbTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("  Ann ", "Lee", NULL, NULL);
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_store_set_clock (fixture->store, 1800000000);
  lb_lead_set_status (lead, LB_LEAD_STATUS_LOST);   /* ignored on create */
  lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, "example.com");
  id = lb_lead_create (fixture->store, lead, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (lb_lead_get_id (lead), ==, id);

  stored = lb_store_get_lead (fixture->store, id, NULL);
  g_assert_cmpint (lb_lead_get_status (stored), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpint (lb_lead_get_rating (stored), ==, LB_RATING_WARM);
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CATEGORY), ==, "General");
  g_assert_cmpstr (lb_lead_get_first_name (stored), ==, "Ann");
  g_assert_cmpstr (lb_lead_get_title (stored), ==, "Ann Lee");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_COMPANY_WEBSITE), ==, "https://example.com");
  g_assert_cmpint (lb_lead_get_int (stored, LB_LEAD_CREATED_AT), ==, 1800000000);
  g_assert_cmpint (lb_lead_get_int (stored, LB_LEAD_UPDATED_AT), ==, 1800000000);
}

static void
test_create_default_category_setting (LbTestFixture *fixture,
                                      gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbLead) stored = NULL;

  g_assert_cmpint (lb_ref_add (fixture->store, LB_REF_CATEGORY, "Retail", NULL), >, 0);
  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_DEFAULT_CATEGORY, "retail", NULL));
  g_assert_cmpint (lb_lead_create (fixture->store, lead, NULL), >, 0);
  stored = lb_store_get_lead (fixture->store, lb_lead_get_id (lead), NULL);
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CATEGORY), ==, "Retail");
}

static void
test_create_title_from_company (LbTestFixture *fixture,
                                gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", NULL, NULL);

  lb_lead_set_text (lead, LB_LEAD_TITLE, "  ");
  g_assert_cmpint (lb_lead_create (fixture->store, lead, NULL), >, 0);
  g_assert_cmpstr (lb_lead_get_title (lead), ==, "Ann Lee");
}

static void
test_create_refusals (LbTestFixture *fixture,
                      gconstpointer  data)
{
  struct {
    const char  *what;
    LbLeadText   field;
    const char  *value;
    LbLeadError  code;
  } cases[] = {
    { "invalid email", LB_LEAD_EMAIL, "not-an-email", LB_LEAD_ERROR_EMAIL },
    { "short phone", LB_LEAD_PHONE, "123 456", LB_LEAD_ERROR_PHONE },
    { "phone letters", LB_LEAD_PHONE, "555 CALL ME", LB_LEAD_ERROR_PHONE },
    { "11-digit TIN", LB_LEAD_COMPANY_TIN, "12345678901", LB_LEAD_ERROR_TIN },
    { "TIN with letters", LB_LEAD_COMPANY_TIN, "12345678X", LB_LEAD_ERROR_TIN },
    { "ftp website", LB_LEAD_COMPANY_WEBSITE, "ftp://example.com", LB_LEAD_ERROR_WEBSITE },
    { "no last name", LB_LEAD_LAST_NAME, NULL, LB_LEAD_ERROR_NAME },
    { "no source", LB_LEAD_SOURCE, NULL, LB_LEAD_ERROR_SOURCE },
    { "unknown source", LB_LEAD_SOURCE, "Carrier pigeon", LB_LEAD_ERROR_SOURCE },
    { "unknown category", LB_LEAD_CATEGORY, "Nope", LB_LEAD_ERROR_CATEGORY },
    { "unknown campaign", LB_LEAD_CAMPAIGN, "Nope", LB_LEAD_ERROR_REFERENCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", "ann@example.com", "+1 555 123 4567");

      g_test_message ("case: %s", cases[i].what);
      lb_lead_set_text (lead, cases[i].field, cases[i].value);
      assert_create_refused (fixture->store, lead, cases[i].code, NULL);
      /* What the user typed is kept for them to correct. */
      g_assert_cmpstr (lb_lead_get_text (lead, cases[i].field), ==, cases[i].value);
    }
}

static void
test_create_duplicates (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(LbLead) same_email = lb_test_make_lead ("Bob", "Ray", "ANN@Example.COM", NULL);
  g_autoptr(LbLead) same_phone = lb_test_make_lead ("Cid", "Moe", NULL, "(555) 123-4567");
  g_autoptr(LbLead) other = lb_test_make_lead ("Dee", "Fox", "dee@example.com", "555 123 4568");

  lb_test_add_lead (fixture->store, "Ann", "Lee", "ann@example.com", "555.123.4567");

  assert_create_refused (fixture->store, same_email, LB_LEAD_ERROR_EMAIL, "ANN@Example.COM");
  assert_create_refused (fixture->store, same_phone, LB_LEAD_ERROR_PHONE, "(555) 123-4567");
  g_assert_cmpint (lb_lead_create (fixture->store, other, NULL), >, 0);
}

static void
test_create_company_rules (LbTestFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(LbLead) no_name = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbLead) both = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbLead) no_account = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbLead) no_contact = lb_test_make_lead (NULL, NULL, NULL, NULL);
  g_autoptr(LbLead) good = lb_test_make_lead ("Ann", "Lee", NULL, NULL);

  lb_lead_set_new_company (no_name, TRUE);
  assert_create_refused (fixture->store, no_name, LB_LEAD_ERROR_COMPANY_NAME, NULL);

  lb_lead_set_new_company (both, TRUE);
  lb_lead_set_text (both, LB_LEAD_COMPANY_NAME, "Acme");
  lb_lead_set_int (both, LB_LEAD_ACCOUNT_ID, 1);
  assert_create_refused (fixture->store, both, LB_LEAD_ERROR_ACCOUNT, NULL);

  lb_lead_set_int (no_account, LB_LEAD_ACCOUNT_ID, 42);
  assert_create_refused (fixture->store, no_account, LB_LEAD_ERROR_ACCOUNT, "42");

  lb_lead_set_int (no_contact, LB_LEAD_CONTACT_ID, 42);
  assert_create_refused (fixture->store, no_contact, LB_LEAD_ERROR_CONTACT, "42");

  lb_lead_set_new_company (good, TRUE);
  lb_lead_set_text (good, LB_LEAD_COMPANY_NAME, "Acme");
  lb_lead_set_text (good, LB_LEAD_COMPANY_TIN, "123456789012");
  g_assert_cmpint (lb_lead_create (fixture->store, good, NULL), >, 0);
  g_assert_cmpstr (lb_lead_get_display_company (good), ==, "Acme");
}

static void
test_save_status_rules (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(GError) error = NULL;

  lb_store_set_clock (fixture->store, 1000);
  g_assert_cmpint (lb_lead_create (fixture->store, lead, NULL), >, 0);

  lb_store_set_clock (fixture->store, 2000);
  lb_lead_set_status (lead, LB_LEAD_STATUS_CONTACTED);
  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, 5);   /* not the form's to change */
  g_assert_true (lb_lead_save (fixture->store, lead, &error));
  g_assert_no_error (error);
  stored = lb_store_get_lead (fixture->store, lb_lead_get_id (lead), NULL);
  g_assert_cmpint (lb_lead_get_status (stored), ==, LB_LEAD_STATUS_CONTACTED);
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CITY), ==, "Graz");
  g_assert_cmpint (lb_lead_get_int (stored, LB_LEAD_CREATED_AT), ==, 1000);
  g_assert_cmpint (lb_lead_get_int (stored, LB_LEAD_UPDATED_AT), ==, 2000);

  lb_lead_set_status (lead, LB_LEAD_STATUS_LOST);
  g_assert_true (lb_lead_save (fixture->store, lead, NULL));
  lb_lead_set_status (lead, LB_LEAD_STATUS_NEW);
  g_assert_true (lb_lead_save (fixture->store, lead, NULL));

  /* Converted only through Convert. */
  lb_lead_set_status (lead, LB_LEAD_STATUS_CONVERTED);
  lb_lead_set_text (lead, LB_LEAD_CITY, "Wien");
  g_assert_false (lb_lead_save (fixture->store, lead, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_STATUS);
  g_clear_object (&stored);
  stored = lb_store_get_lead (fixture->store, lb_lead_get_id (lead), NULL);
  g_assert_cmpint (lb_lead_get_status (stored), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CITY), ==, "Graz");
}

static void
test_save_refusals_change_nothing (LbTestFixture *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", "ann@example.com", NULL);
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(LbLead) gone = lb_test_make_lead ("Zed", "Zee", NULL, NULL);
  g_autoptr(GError) error = NULL;

  lb_test_add_lead (fixture->store, "Bob", "Ray", "bob@example.com", "555 000 1111");
  g_assert_cmpint (lb_lead_create (fixture->store, lead, NULL), >, 0);

  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_text (lead, LB_LEAD_PHONE, "5550001111");
  g_assert_false (lb_lead_save (fixture->store, lead, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE);
  stored = lb_store_get_lead (fixture->store, lb_lead_get_id (lead), NULL);
  g_assert_null (lb_lead_get_text (stored, LB_LEAD_CITY));
  g_assert_null (lb_lead_get_phone (stored));
  g_clear_error (&error);

  /* Saving a lead with its own email is fine. */
  lb_lead_set_text (lead, LB_LEAD_PHONE, NULL);
  g_assert_true (lb_lead_save (fixture->store, lead, &error));
  g_assert_no_error (error);

  lb_lead_set_int (gone, LB_LEAD_ID, 9999);
  g_assert_false (lb_lead_save (fixture->store, gone, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
test_trash_restore_purge (LbTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  gint64 id = lb_test_add_lead (fixture->store, "Ann", "Lee", "ann@example.com", NULL);

  /* Not from outside the trash. */
  g_assert_false (lb_lead_purge (fixture->store, id, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);
  g_assert_false (lb_lead_restore (fixture->store, id, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);

  g_assert_true (lb_lead_trash (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_live (fixture->store), ==, 0);
  g_assert_cmpint (count_trash (fixture->store), ==, 1);
  g_assert_false (lb_lead_trash (fixture->store, id, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);

  /* A trashed lead cannot be edited or replicated. */
  lead = lb_store_get_lead (fixture->store, id, NULL);
  g_assert_false (lb_lead_save (fixture->store, lead, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);
  g_assert_cmpint (lb_lead_replicate (fixture->store, id, &error), ==, 0);
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED);
  g_clear_error (&error);

  g_assert_true (lb_lead_restore (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_live (fixture->store), ==, 1);
  g_assert_cmpint (count_trash (fixture->store), ==, 0);

  g_assert_true (lb_lead_trash (fixture->store, id, NULL));
  g_assert_true (lb_lead_purge (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_trash (fixture->store), ==, 0);
  g_assert_null (lb_store_get_lead (fixture->store, id, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
test_restore_collision (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = lb_test_add_lead (fixture->store, "Ann", "Lee", "ann@example.com", "555 123 4567");
  gint64 taker;

  g_assert_true (lb_lead_trash (fixture->store, first, NULL));
  /* While it is in the trash, another lead takes its email. */
  taker = lb_test_add_lead (fixture->store, "Ann", "Other", "ANN@example.com", NULL);

  g_assert_false (lb_lead_restore (fixture->store, first, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_EMAIL);
  g_assert_nonnull (strstr (error->message, "ann@example.com"));
  g_assert_cmpint (count_trash (fixture->store), ==, 1);
  g_clear_error (&error);

  /* And its phone. */
  g_assert_true (lb_lead_trash (fixture->store, taker, NULL));
  lb_test_add_lead (fixture->store, "Cid", "Moe", NULL, "+5551234567");
  g_assert_false (lb_lead_restore (fixture->store, first, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE);
  g_assert_cmpint (count_trash (fixture->store), ==, 2);
}

static void
test_replicate (LbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", "ann@example.com", "555 123 4567");
  g_autoptr(LbLead) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "vip", NULL };
  gint64 copy_id;

  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_rating (lead, LB_RATING_HOT);
  lb_lead_set_tags (lead, tags);
  lb_store_set_clock (fixture->store, 1000);
  g_assert_cmpint (lb_lead_create (fixture->store, lead, NULL), >, 0);
  lb_lead_set_status (lead, LB_LEAD_STATUS_LOST);
  g_assert_true (lb_lead_save (fixture->store, lead, NULL));

  lb_store_set_clock (fixture->store, 5000);
  copy_id = lb_lead_replicate (fixture->store, lb_lead_get_id (lead), &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, lb_lead_get_id (lead));

  copy = lb_store_get_lead (fixture->store, copy_id, NULL);
  g_assert_cmpstr (lb_lead_get_title (copy), ==, "Copy of Ann Lee");
  g_assert_null (lb_lead_get_email (copy));
  g_assert_null (lb_lead_get_phone (copy));
  g_assert_cmpint (lb_lead_get_status (copy), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpstr (lb_lead_get_text (copy, LB_LEAD_CITY), ==, "Graz");
  g_assert_cmpint (lb_lead_get_rating (copy), ==, LB_RATING_HOT);
  g_assert_cmpstr (lb_lead_get_tags (copy)[0], ==, "vip");
  g_assert_cmpint (lb_lead_get_int (copy, LB_LEAD_CREATED_AT), ==, 5000);
  g_assert_cmpint (count_live (fixture->store), ==, 2);

  g_assert_cmpint (lb_lead_replicate (fixture->store, 9999, &error), ==, 0);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/lead-actions/create/defaults", test_create_defaults);
  ADD ("/lead-actions/create/default-category-setting", test_create_default_category_setting);
  ADD ("/lead-actions/create/title", test_create_title_from_company);
  ADD ("/lead-actions/create/refusals", test_create_refusals);
  ADD ("/lead-actions/create/duplicates", test_create_duplicates);
  ADD ("/lead-actions/create/company-rules", test_create_company_rules);
  ADD ("/lead-actions/save/status", test_save_status_rules);
  ADD ("/lead-actions/save/refusals", test_save_refusals_change_nothing);
  ADD ("/lead-actions/trash-restore-purge", test_trash_restore_purge);
  ADD ("/lead-actions/restore-collision", test_restore_collision);
  ADD ("/lead-actions/replicate", test_replicate);

#undef ADD

  return g_test_run ();
}
