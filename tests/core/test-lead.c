#include "config.h"

#include "lb-enum-types.h"
#include "lb-lead.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_lead_defaults (void)
{
  g_autoptr(LbLead) lead = lb_lead_new ();

  g_assert_cmpint (lb_lead_get_status (lead), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpint (lb_lead_get_rating (lead), ==, LB_RATING_WARM);
  g_assert_null (lb_lead_get_title (lead));
  g_assert_null (lb_lead_get_tags (lead));
  g_assert_cmpint (lb_lead_get_id (lead), ==, 0);
  g_assert_false (lb_lead_is_trashed (lead));
}

static void
test_lead_properties (void)
{
  g_autoptr(LbLead) lead = lb_lead_new ();
  g_autofree char *email = NULL;
  g_autofree char *status_label = NULL;
  LbRating rating;

  g_object_set (lead,
                "email", "a@b.example",
                "first-name", "Ann",
                "last-name", "Lee",
                "rating", LB_RATING_HOT,
                "company-tin", "123456789",
                NULL);
  g_object_get (lead, "email", &email, "rating", &rating, "status-label", &status_label, NULL);

  g_assert_cmpstr (email, ==, "a@b.example");
  g_assert_cmpint (rating, ==, LB_RATING_HOT);
  g_assert_cmpstr (status_label, ==, "New");
  g_assert_cmpstr (lb_lead_get_text (lead, LB_LEAD_COMPANY_TIN), ==, "123456789");

  /* Every text field is a property of the same name. */
  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (lead),
                                                    lb_lead_text_name (f)));
  for (LbLeadInt f = 0; f < LB_LEAD_N_INT_FIELDS; f++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (lead),
                                                    lb_lead_int_name (f)));
}

static void
test_lead_notify_on_change_only (void)
{
  g_autoptr(LbLead) lead = lb_lead_new ();
  guint count = 0;

  g_signal_connect (lead, "notify::email", G_CALLBACK (count_notify), &count);

  lb_lead_set_text (lead, LB_LEAD_EMAIL, "x@y.example");
  g_assert_cmpuint (count, ==, 1);
  lb_lead_set_text (lead, LB_LEAD_EMAIL, "x@y.example");
  g_assert_cmpuint (count, ==, 1);
  /* Empty text is no text. */
  lb_lead_set_text (lead, LB_LEAD_EMAIL, "");
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (lb_lead_get_email (lead));
  lb_lead_set_text (lead, LB_LEAD_EMAIL, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_lead_derived (void)
{
  g_autoptr(LbLead) lead = lb_lead_new ();
  g_autofree char *full = NULL;
  guint count = 0;

  g_signal_connect (lead, "notify::full-name", G_CALLBACK (count_notify), &count);
  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, "Ann");
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, "Lee");
  g_assert_cmpuint (count, ==, 2);
  full = lb_lead_dup_full_name (lead);
  g_assert_cmpstr (full, ==, "Ann Lee");

  lb_lead_set_text (lead, LB_LEAD_COMPANY, "Typed Co");
  g_assert_cmpstr (lb_lead_get_display_company (lead), ==, "Typed Co");
  lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, "New Co");
  g_assert_cmpstr (lb_lead_get_display_company (lead), ==, "Typed Co");
  lb_lead_set_new_company (lead, TRUE);
  g_assert_cmpstr (lb_lead_get_display_company (lead), ==, "New Co");
}

static void
test_lead_copy_and_tags (void)
{
  g_autoptr(LbLead) lead = lb_lead_new ();
  g_autoptr(LbLead) copy = NULL;
  const char *tags[] = { "vip", "b2b", NULL };
  const char *empty[] = { NULL };

  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_int (lead, LB_LEAD_ACCOUNT_ID, 7);
  lb_lead_set_tags (lead, tags);
  lb_lead_set_status (lead, LB_LEAD_STATUS_LOST);

  copy = lb_lead_copy (lead);
  g_assert_cmpstr (lb_lead_get_text (copy, LB_LEAD_CITY), ==, "Graz");
  g_assert_cmpint (lb_lead_get_int (copy, LB_LEAD_ACCOUNT_ID), ==, 7);
  g_assert_cmpint (lb_lead_get_status (copy), ==, LB_LEAD_STATUS_LOST);
  g_assert_true (g_strv_equal (lb_lead_get_tags (copy), tags));

  lb_lead_set_tags (copy, empty);
  g_assert_null (lb_lead_get_tags (copy));
  g_assert_nonnull (lb_lead_get_tags (lead));
}

static void
test_enum_nicks (void)
{
  int value = -1;

  g_assert_cmpstr (lb_enum_to_nick (LB_TYPE_LEAD_STATUS, LB_LEAD_STATUS_CONTACTED), ==, "contacted");
  g_assert_true (lb_enum_from_nick (LB_TYPE_RATING, "HOT", &value));
  g_assert_cmpint (value, ==, LB_RATING_HOT);
  g_assert_true (lb_enum_from_nick (LB_TYPE_REF_KIND, "selling_direction", &value));
  g_assert_cmpint (value, ==, LB_REF_SELLING_DIRECTION);
  g_assert_false (lb_enum_from_nick (LB_TYPE_RATING, "lukewarm", &value));
  g_assert_false (lb_enum_from_nick (LB_TYPE_RATING, NULL, &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lead/defaults", test_lead_defaults);
  g_test_add_func ("/lead/properties", test_lead_properties);
  g_test_add_func ("/lead/notify-on-change-only", test_lead_notify_on_change_only);
  g_test_add_func ("/lead/derived", test_lead_derived);
  g_test_add_func ("/lead/copy-and-tags", test_lead_copy_and_tags);
  g_test_add_func ("/enums/nicks", test_enum_nicks);

  return g_test_run ();
}
